//! "Add a note": the order's latest notes, the input, and what Enter does or why it refused.
//! Draws only.

use super::NotePage;
use crate::tui::app::App;
use crate::tui::text::{hanging, one_line};
use crate::tui::widgets::form::{draw_with_input, input_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

const LABEL: &str = " Note: ";
/// The latest notes shown above the input, for context (the order's page shows them all).
const SHOWN_NOTES: usize = 5;
/// The orders named above the input of a note for several (the rest are counted).
const SHOWN_ORDERS: usize = 6;

pub fn render(app: &App, page: &NotePage, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let text = |lines: &mut Vec<Line<'static>>, lead: &str, body: &str, style: Style| {
        lines.extend(hanging(lead, body, width, Style::new(), style));
    };
    if page.orders.is_empty() {
        text(
            &mut lines,
            " ",
            "A note in the order's journal: a call with the carrier, a comment on the case. It is dated now and kept in the order's history, its exports and the hand-off.",
            Style::new(),
        );
        lines.push(Line::raw(""));
    } else {
        orders_lines(app, page, width, &mut lines);
    }
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
    let (input, column) = input_line(LABEL, &page.note, room, theme.focus(), theme.input());
    let input_row = lines.len();
    lines.push(input);
    match &page.error {
        Some(why) => text(&mut lines, " ✗ ", &one_line(why), theme.error()),
        None if page.waiting => text(&mut lines, " ", "Adding the note…", theme.dim()),
        None => text(&mut lines, " ", "Enter adds it · Esc back", theme.dim()),
    }
    draw_with_input(frame, area, lines, (input_row, column), 1);
}

/// A note for several orders: how many get it, and which.
fn orders_lines(app: &App, page: &NotePage, width: usize, lines: &mut Vec<Line<'static>>) {
    let theme = &app.theme;
    let count = page.orders.len();
    let each = match count {
        1 => "this order".to_string(),
        n => format!("each of these {n} orders"),
    };
    lines.extend(hanging(
        " ",
        &format!(
            "One note for {each}: one entry in each order's journal, dated now, kept in its history, its exports and the hand-off. Nothing happens to any other order."
        ),
        width,
        Style::new(),
        Style::new(),
    ));
    lines.push(Line::raw(""));
    for key in page.orders.iter().take(SHOWN_ORDERS) {
        lines.extend(hanging(
            &format!("   {}  ", one_line(&key.id)),
            &app.order_name(&key.id),
            width,
            theme.heading(),
            Style::new(),
        ));
    }
    if count > SHOWN_ORDERS {
        lines.push(Line::styled(
            format!("   and {} more", count - SHOWN_ORDERS),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
}
