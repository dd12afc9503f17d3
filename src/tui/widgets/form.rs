//! A page of text with one labelled input line (the note, the sheet's path, the ticket): the
//! page built top to bottom ([`InputPage`]), the line itself, and drawing the page so the input
//! stays in sight with the cursor on it.

use super::input::TextField;
use crate::tui::text::{clean_for_screen, hanging, one_line};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// The input line: `label`, then the visible part of the value padded to `room` columns; and
/// the cursor's column from the line's start.
pub fn input_line(
    label: &'static str,
    field: &TextField,
    room: usize,
    label_style: Style,
    input_style: Style,
) -> (Line<'static>, usize) {
    let shown = field.visible(room, false);
    let value = clean_for_screen(&shown.text);
    let fill = room.saturating_sub(value.width());
    let line = Line::from(vec![
        Span::styled(label, label_style),
        Span::styled(format!("{value}{}", " ".repeat(fill)), input_style),
    ]);
    (line, label.width() + usize::from(shown.cursor_column))
}

/// Draw `lines` with the input on line `input_row` (cursor at `column`); on a short terminal
/// the lines above the input give way (keeping `after` lines below it), so it stays in sight.
pub fn draw_with_input(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    (input_row, column): (usize, usize),
    after: usize,
) {
    let rows = usize::from(area.height);
    let skip = (input_row + 1 + after).saturating_sub(rows).min(input_row);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).take(rows).collect::<Vec<_>>()),
        area,
    );
    let row = input_row - skip;
    if row < rows {
        frame.set_cursor_position(Position::new(
            area.x
                + u16::try_from(column)
                    .unwrap_or(0)
                    .min(area.width.saturating_sub(1)),
            area.y + u16::try_from(row).unwrap_or(0),
        ));
    }
}

/// A page of wrapped text around one labelled input, built top to bottom and drawn with
/// [`draw_with_input`]: a screen that asks for one line of text says what it is for, adds the
/// input, then the refusal or what Enter does.
pub struct InputPage<'t> {
    theme: &'t Theme,
    width: usize,
    lines: Vec<Line<'static>>,
    /// The input's row among the lines and the cursor's column in it, once added.
    input: Option<(usize, usize)>,
}

impl<'t> InputPage<'t> {
    pub fn new(theme: &'t Theme, area: Rect) -> Self {
        InputPage {
            theme,
            width: usize::from(area.width),
            lines: Vec::new(),
            input: None,
        }
    }

    /// `body` wrapped to the page, its first line after `lead` and the others under it.
    pub fn text(&mut self, lead: &str, body: &str, style: Style) {
        let lines = hanging(lead, body, self.width, Style::new(), style);
        self.lines.extend(lines);
    }

    pub fn line(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    pub fn blank(&mut self) {
        self.line(Line::raw(""));
    }

    /// The input line: `label`, then `field` in the room left (at least 8 columns, at most
    /// `widest` when given).
    pub fn input(&mut self, label: &'static str, field: &TextField, widest: Option<usize>) {
        let room = self.width.saturating_sub(label.width() + 2).max(8);
        let room = widest.map_or(room, |widest| room.min(widest.max(8)));
        let theme = self.theme;
        let (line, column) = input_line(label, field, room, theme.focus(), theme.input());
        self.input = Some((self.lines.len(), column));
        self.lines.push(line);
    }

    /// Under the input: why the input was refused, else what Enter does.
    pub fn refusal_or_hint(&mut self, refusal: Option<&str>, hint: &str) {
        match refusal {
            Some(why) => self.text(" ✗ ", &one_line(why), self.theme.error()),
            None => self.text(" ", hint, self.theme.dim()),
        }
    }

    /// Draw the page; on a short terminal the lines above the input give way, keeping the
    /// input and the line below it in sight.
    pub fn draw(self, frame: &mut Frame, area: Rect) {
        let input = self.input.unwrap_or((self.lines.len(), 0));
        draw_with_input(frame, area, self.lines, input, 1);
    }
}

/// What a one-line prompt says below its input: why the value was refused, or a hint.
pub enum Below<'a> {
    Error(&'a str),
    Hint(&'a str),
}

/// A page asking for one line (a sheet's path, an export's path): what it is for, a blank
/// line, the input, then the refusal (`✗`, at the field) or a hint.
pub struct Prompt<'a> {
    pub intro: &'a str,
    pub label: &'static str,
    pub field: &'a TextField,
    pub below: Below<'a>,
}

pub fn draw_prompt(frame: &mut Frame, area: Rect, theme: &Theme, p: Prompt) {
    let mut out = InputPage::new(theme, area);
    out.text(" ", p.intro, Style::new());
    out.blank();
    out.input(p.label, p.field, None);
    match p.below {
        Below::Error(why) => out.refusal_or_hint(Some(why), ""),
        Below::Hint(hint) => out.refusal_or_hint(None, hint),
    }
    out.draw(frame, area);
}
