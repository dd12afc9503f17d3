//! The carrier's words and the recommended action, pinned above the form of a rejected order.

use crate::domain::status::Status;
use crate::tui::text::{truncate, wrap_at_most as wrap};
use crate::tui::theme::Theme;
use crate::tui::wizard::state::WizardState;
use ratatui::text::{Line, Span};

/// The banner for a screen area of `width`×`height`: the carrier's words get more lines when
/// the screen has room for them.
pub fn lines(state: &WizardState, width: u16, height: u16, theme: &Theme) -> Vec<Line<'static>> {
    let order = &state.order;
    if order.status != Status::CustomerActionRequired {
        return Vec::new();
    }
    let Some(rejection) = order.last_rejection() else {
        return Vec::new();
    };
    let width = usize::from(width);
    let when = rejection.at.strftime("%Y-%m-%d").to_string();
    let what_to_do = match (rejection.needs_carrier_contact, rejection.fields.is_empty()) {
        (true, true) => "contact the carrier, then resubmit",
        (true, false) => "fix fields marked !, contact the carrier",
        (false, true) => "no field named: check the order, then resubmit",
        (false, false) => "fix the fields marked !, then resubmit",
    };
    let mut out = vec![Line::from(Span::styled(
        truncate(
            &format!("! Rejected by carrier on {when}: {what_to_do}"),
            width,
        ),
        theme.rejected(),
    ))];
    let indent = "  “";
    let text_room = if height >= 30 { 4 } else { 2 };
    let text_lines = wrap(&rejection.text, width.saturating_sub(4), text_room);
    let last = text_lines.len().saturating_sub(1);
    for (i, line) in text_lines.into_iter().enumerate() {
        let lead = if i == 0 { indent } else { "   " };
        let close = if i == last && !line.ends_with('…') {
            "”"
        } else {
            ""
        };
        out.push(Line::from(format!("{lead}{line}{close}")));
    }
    let action = if rejection.action.trim().is_empty() {
        if rejection.fields.is_empty() {
            "The carrier named no field: check the order against the carrier's CSR or bill, or contact the carrier.".to_string()
        } else {
            "Correct the marked fields to match the carrier's Customer Service Record (CSR)."
                .to_string()
        }
    } else {
        rejection.action.clone()
    };
    for (i, line) in wrap(&format!("→ {action}"), width.saturating_sub(4), 2)
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 { "  " } else { "    " };
        out.push(Line::from(Span::styled(
            format!("{lead}{line}"),
            theme.warning(),
        )));
    }
    out.push(Line::from(Span::styled("─".repeat(width), theme.dim())));
    out
}
