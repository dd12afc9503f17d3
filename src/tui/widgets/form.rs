//! A page of text with one labelled input line (the note, the sheet's path, the ticket): the
//! line itself, and drawing the page so the input stays in sight with the cursor on it.

use super::input::TextField;
use crate::tui::text::clean_for_screen;
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

pub fn draw_prompt(frame: &mut Frame, area: Rect, theme: &crate::tui::theme::Theme, p: Prompt) {
    use crate::tui::text::{hanging, one_line};
    let width = usize::from(area.width);
    let mut lines: Vec<Line<'static>> = hanging(" ", p.intro, width, Style::new(), Style::new());
    lines.push(Line::raw(""));
    let room = width.saturating_sub(p.label.width() + 2).max(8);
    let (input, column) = input_line(p.label, p.field, room, theme.focus(), theme.input());
    let input_row = lines.len();
    lines.push(input);
    let (lead, text, style) = match p.below {
        Below::Error(why) => (" ✗ ", one_line(why), theme.error()),
        Below::Hint(hint) => (" ", hint.to_string(), theme.dim()),
    };
    lines.extend(hanging(lead, &text, width, Style::new(), style));
    draw_with_input(frame, area, lines, (input_row, column), 1);
}
