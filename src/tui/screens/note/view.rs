//! "Add a note": the order's latest notes, the input, and what Enter does or why it refused.
//! Draws only.

use super::NotePage;
use crate::tui::app::App;
use crate::tui::text::one_line;
use crate::tui::widgets::form::InputPage;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

const LABEL: &str = " Note: ";
/// The latest notes shown above the input, for context (the order's page shows them all).
const SHOWN_NOTES: usize = 5;
/// The orders named above the input of a note for several (the rest are counted).
const SHOWN_ORDERS: usize = 6;

pub fn render(app: &App, page: &NotePage, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut out = InputPage::new(theme, area);
    if page.orders.is_empty() {
        out.text(
            " ",
            "A note in the order's journal: a call with the carrier, a comment on the case. It is dated now and kept in the order's history, its exports and the hand-off.",
            Style::new(),
        );
        out.blank();
    } else {
        orders_lines(app, page, &mut out);
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
        out.text(" ", &heading, theme.heading());
        for note in &notes[skipped..] {
            let at = crate::domain::facts::local_time(note.at, &app.zone);
            out.text(&format!("   {at}  "), &one_line(&note.note), Style::new());
        }
        out.blank();
    }
    out.input(LABEL, &page.note, None);
    let hint = if page.waiting {
        "Adding the note…"
    } else {
        "Enter adds it · Esc back"
    };
    out.refusal_or_hint(page.error.as_deref(), hint);
    out.draw(frame, area);
}

/// A note for several orders: how many get it, and which.
fn orders_lines(app: &App, page: &NotePage, out: &mut InputPage) {
    let theme = &app.theme;
    let count = page.orders.len();
    let each = match count {
        1 => "this order".to_string(),
        n => format!("each of these {n} orders"),
    };
    out.text(
        " ",
        &format!(
            "One note for {each}: one entry in each order's journal, dated now, kept in its history, its exports and the hand-off. Nothing happens to any other order."
        ),
        Style::new(),
    );
    out.blank();
    for key in page.orders.iter().take(SHOWN_ORDERS) {
        out.text(
            &format!("   {}  ", one_line(&key.id)),
            &app.order_name(&key.id),
            Style::new(),
        );
    }
    if count > SHOWN_ORDERS {
        out.line(Line::styled(
            format!("   and {} more", count - SHOWN_ORDERS),
            theme.dim(),
        ));
    }
    out.blank();
}
