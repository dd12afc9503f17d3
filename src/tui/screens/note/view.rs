//! "Add a note": the order's latest notes, the input, and what Enter does or why it refused.
//! Draws only.

use super::NotePage;
use crate::tui::app::App;
use crate::tui::text::{clean_for_screen, hanging, one_line};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

const LABEL: &str = " Note: ";
/// The latest notes shown above the input, for context (the order's page shows them all).
const SHOWN_NOTES: usize = 5;

pub fn render(app: &App, page: &NotePage, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let text = |lines: &mut Vec<Line<'static>>, lead: &str, body: &str, style: Style| {
        lines.extend(hanging(lead, body, width, Style::new(), style));
    };
    text(
        &mut lines,
        " ",
        "A note in the order's journal: a call with the carrier, a comment on the case. It is dated now and kept in the order's history, its exports and the hand-off.",
        Style::new(),
    );
    lines.push(Line::raw(""));
    let notes: Vec<_> = app
        .order(&page.order_id)
        .map(|o| o.notes().cloned().collect())
        .unwrap_or_default();
    if !notes.is_empty() {
        let skipped = notes.len().saturating_sub(SHOWN_NOTES);
        let heading = match skipped {
            0 => format!("Notes ({})", notes.len()),
            n => format!(
                "Notes ({}; the latest {SHOWN_NOTES}, {n} more in the history)",
                notes.len()
            ),
        };
        text(&mut lines, " ", &heading, theme.heading());
        for note in &notes[skipped..] {
            let at = crate::domain::facts::local_time(note.at, &app.zone);
            text(
                &mut lines,
                &format!("   {at}  "),
                &one_line(&note.note),
                Style::new(),
            );
        }
        lines.push(Line::raw(""));
    }
    let room = width.saturating_sub(LABEL.width() + 2).max(8);
    let shown = page.note.visible(room, false);
    let value = clean_for_screen(&shown.text);
    let fill = room.saturating_sub(value.width());
    let input_row = lines.len();
    lines.push(Line::from(vec![
        Span::styled(LABEL, theme.focus()),
        Span::styled(format!("{value}{}", " ".repeat(fill)), theme.input()),
    ]));
    match &page.error {
        Some(why) => text(&mut lines, " ✗ ", &one_line(why), theme.error()),
        None => text(&mut lines, " ", "Enter adds it · Esc back", theme.dim()),
    }
    let rows = usize::from(area.height);
    // The input stays in sight on a short terminal: the oldest lines above it give way.
    let skip = (input_row + 2).saturating_sub(rows);
    let input_row = input_row - skip.min(input_row);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).take(rows).collect::<Vec<_>>()),
        area,
    );
    if input_row < rows {
        let x = LABEL.width() + usize::from(shown.cursor_column);
        frame.set_cursor_position(Position::new(
            area.x + u16::try_from(x).unwrap_or(0).min(area.width - 1),
            area.y + u16::try_from(input_row).unwrap_or(0),
        ));
    }
}
