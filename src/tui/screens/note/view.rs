//! "Add a note": the order's latest notes, the input, and what Enter does or why it refused.
//! Draws only.

use super::NotePage;
use crate::tui::app::App;
use crate::tui::text::one_line;
use crate::tui::widgets::form::InputPage;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

const LABEL: &str = " Note: ";
/// The latest notes shown above the input, for context (the order's page shows them all).
const SHOWN_NOTES: usize = 5;

pub fn render(app: &App, page: &NotePage, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut out = InputPage::new(theme, area);
    out.text(
        " ",
        "A note in the order's journal: a call with the carrier, a comment on the case. It is dated now and kept in the order's history, its exports and the hand-off.",
        Style::new(),
    );
    out.blank();
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
    out.refusal_or_hint(page.error.as_deref(), "Enter adds it · Esc back");
    out.draw(frame, area);
}
