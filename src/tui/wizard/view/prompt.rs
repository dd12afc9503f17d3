//! The bottom line: the question being asked (submit? the CSV path) or the last notice (wrapped
//! like the app's status line, `F2` showing it whole).

use crate::domain::readiness::{needs_carrier_contact, unchanged_warning};
use crate::tui::text::{width as text_width, wrap};
use crate::tui::theme::Theme;
use crate::tui::wizard::state::{ConfirmKind, Prompt, WizardState};
use ratatui::text::{Line, Span};

pub struct Bottom {
    pub lines: Vec<Line<'static>>,
    /// (line, column) of the cursor when a path is being typed.
    pub cursor: Option<(u16, u16)>,
}

pub fn lines(state: &WizardState, width: u16, theme: &Theme) -> Bottom {
    let width = usize::from(width);
    let mut bottom = Bottom {
        lines: Vec::new(),
        cursor: None,
    };
    match &state.prompt {
        Some(Prompt::Confirm(kind)) => {
            let carrier = state.carrier_name();
            let question = match kind {
                // portwiz sends nothing: the user enters the order in Teams (the hand-off)
                // and `y` records that they did.
                ConfirmKind::Submit => format!(
                    "? Submitted in the Teams admin center? y records it · t: the hand-off, to enter it for {carrier} · n/Esc: not yet"
                ),
                ConfirmKind::Resubmit if needs_carrier_contact(&state.order) => format!(
                    "? Has {carrier} done what it asked (see its words above), and is the order resubmitted in the Teams admin center? y records it · t: the hand-off · n/Esc: not yet"
                ),
                ConfirmKind::Resubmit => "? Resubmitted in the Teams admin center? y records it · t: the hand-off · n/Esc: not yet".to_string(),
                ConfirmKind::ResubmitUnchanged => format!(
                    "⚠ {} Right only if {carrier} lifted the cause on its side (a freeze, a hold). Resubmitted unchanged in the Teams admin center? y records it · t: the hand-off · n: not yet",
                    unchanged_warning(&state.order).unwrap_or("Nothing has changed.")
                ),
            };
            for line in wrap(&question, width) {
                bottom
                    .lines
                    .push(Line::from(Span::styled(line, theme.focus())));
            }
        }
        Some(Prompt::CsvPath { path, error }) => {
            let lead = "CSV file to load (PhoneNumber column): ";
            let box_width = width.saturating_sub(text_width(lead) + 2).max(8);
            let shown = path.visible(box_width, false);
            let pad = box_width.saturating_sub(text_width(&shown.text));
            bottom.lines.push(Line::from(vec![
                Span::styled(lead, theme.title()),
                Span::raw("["),
                Span::styled(format!("{}{}", shown.text, " ".repeat(pad)), theme.input()),
                Span::raw("]"),
            ]));
            let column = text_width(lead) + 1 + usize::from(shown.cursor_column);
            bottom.cursor = Some((0, u16::try_from(column).unwrap_or(u16::MAX)));
            if let Some(error) = error {
                for line in wrap(&format!("✗ {error}"), width) {
                    bottom
                        .lines
                        .push(Line::from(Span::styled(line, theme.error())));
                }
            }
        }
        None => {
            if let Some(notice) = &state.notice {
                let style = if notice.is_error {
                    theme.error()
                } else {
                    theme.ok()
                };
                for line in crate::tui::widgets::status::lines(&notice.text, width) {
                    bottom.lines.push(Line::from(Span::styled(line, style)));
                }
            }
        }
    }
    bottom
}
