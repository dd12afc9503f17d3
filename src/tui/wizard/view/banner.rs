//! The carrier's words and the recommended action, pinned above the form of a rejected order:
//! the sentence that triggered the match first, and the whole message open over the form
//! (Ctrl-P) to scroll through.

use crate::domain::order::Rejection;
use crate::tui::text::{clean_for_screen, truncate, wrap, wrap_at_most};
use crate::tui::theme::Theme;
use crate::tui::wizard::keymap::keys_of;
use crate::tui::wizard::state::WizardState;
use crate::tui::wizard::update::WizardMsg;
use ratatui::text::{Line, Span};

/// The banner for a screen area of `width`×`height`: the carrier's words get more lines when
/// the screen has room for them.
pub fn lines(state: &WizardState, width: u16, height: u16, theme: &Theme) -> Vec<Line<'static>> {
    let Some(rejection) = state.pinned_rejection() else {
        return Vec::new();
    };
    let width = usize::from(width);
    let text_room = if height >= 30 { 4 } else { 2 };
    // The sentence that triggered the match first; the rest is one key away.
    let shown = rejection
        .key_sentence
        .as_deref()
        .filter(|k| !k.trim().is_empty())
        .unwrap_or(&rejection.text);
    let text_lines = wrap_at_most(shown, width.saturating_sub(4), text_room);
    let cut = shown.trim() != rejection.text.trim()
        || text_lines.last().is_some_and(|l| l.ends_with('…'));
    let mut out = vec![heading(rejection, width, theme)];
    let last = text_lines.len().saturating_sub(1);
    for (i, line) in text_lines.into_iter().enumerate() {
        let lead = if i == 0 { "  “" } else { "   " };
        let close = if i == last && !line.ends_with('…') {
            "”"
        } else {
            ""
        };
        out.push(Line::from(format!("{lead}{line}{close}")));
    }
    out.extend(action_lines(
        wrap_at_most(
            &format!("→ {}", action(rejection)),
            width.saturating_sub(4),
            2,
        ),
        theme,
    ));
    out.push(separator(width, cut, theme));
    out
}

/// What to do, wrapped: the arrow's line, then the rest indented under its text.
fn action_lines(lines: Vec<String>, theme: &Theme) -> impl Iterator<Item = Line<'static>> {
    lines.into_iter().enumerate().map(|(i, line)| {
        let lead = if i == 0 { "  " } else { "    " };
        Line::from(Span::styled(format!("{lead}{line}"), theme.warning()))
    })
}

/// The rule under the banner; it names the key to the rest when the banner shows only part.
fn separator(width: usize, cut: bool, theme: &Theme) -> Line<'static> {
    if !cut {
        return Line::from(Span::styled("─".repeat(width), theme.dim()));
    }
    let key = format!(
        " {}: the carrier's whole message ",
        keys_of(&WizardMsg::TogglePinned)
    );
    let rest = width.saturating_sub(2 + crate::tui::text::width(&key));
    Line::from(vec![
        Span::styled("──", theme.dim()),
        Span::styled(truncate(&key, width.saturating_sub(2)), theme.heading()),
        Span::styled("─".repeat(rest), theme.dim()),
    ])
}

/// The whole message, for the view over the form: the heading, what to do, the sentence that
/// triggered the match, then every line the carrier wrote.
pub fn expanded(state: &WizardState, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let Some(rejection) = state.pinned_rejection() else {
        return Vec::new();
    };
    let width = usize::from(width);
    let body = width.saturating_sub(4);
    let mut out = vec![heading(rejection, width, theme)];
    out.extend(action_lines(
        wrap(&format!("→ {}", action(rejection)), body),
        theme,
    ));
    if let Some(key) = rejection
        .key_sentence
        .as_deref()
        .filter(|k| !k.trim().is_empty())
    {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            "The sentence that triggered the match:",
            theme.heading(),
        )));
        for line in wrap(&clean_for_screen(key), body) {
            out.push(Line::from(Span::styled(
                format!("  {line}"),
                theme.rejected(),
            )));
        }
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        "The carrier's whole message:",
        theme.heading(),
    )));
    let text = clean_for_screen(rejection.text.trim());
    for line in wrap(&text, body) {
        out.push(Line::from(format!("  {line}")));
    }
    out
}

fn heading(rejection: &Rejection, width: usize, theme: &Theme) -> Line<'static> {
    let when = rejection.at.strftime("%Y-%m-%d").to_string();
    let what_to_do = match (rejection.needs_carrier_contact, rejection.fields.is_empty()) {
        (true, true) => "contact the carrier, then resubmit",
        (true, false) => "fix fields marked !, contact the carrier",
        (false, true) => "no field named: check the order, then resubmit",
        (false, false) => "fix the fields marked !, then resubmit",
    };
    Line::from(Span::styled(
        truncate(
            &format!("! Rejected by carrier on {when}: {what_to_do}"),
            width,
        ),
        theme.rejected(),
    ))
}

fn action(rejection: &Rejection) -> String {
    if !rejection.action.trim().is_empty() {
        return rejection.action.clone();
    }
    if rejection.fields.is_empty() {
        "The carrier named no field: check the order against the carrier's CSR or bill, or contact the carrier.".to_string()
    } else {
        "Correct the marked fields to match the carrier's Customer Service Record (CSR)."
            .to_string()
    }
}
