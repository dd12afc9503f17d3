//! The Review step: problems (selectable, Enter goes to the field), the LOA to sign again, the
//! changes since the last submission, and every field by step (PIN masked).

use super::rows::Rows;
use crate::domain::checks::Severity;
use crate::domain::readiness::{
    needs_carrier_contact, only_the_carrier_can_fix, readiness, unchanged_warning,
};
use crate::domain::registry::{FieldSpec, Step};
use crate::domain::secret::MASK;
use crate::domain::status::Status;
use crate::tui::text::{one_line, truncate, wrap, wrap_at_most};
use crate::tui::theme::Theme;
use crate::tui::wizard::state::WizardState;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn rows(state: &WizardState, width: u16, theme: &Theme) -> Rows {
    let width = usize::from(width);
    let order = &state.order;
    let mut rows = Rows::default();
    let resubmission = order.status == Status::CustomerActionRequired;
    let verb = if resubmission {
        "record the resubmission"
    } else {
        "record the submission"
    };
    // What Enter does here, in the words of the footer: a selected problem (›) takes it.
    let blocked = crate::domain::readiness::blocking(order, state.clock.today).len();
    let enter = if state.review_selected.is_some() {
        format!("   Enter: go to the selected problem (↑ to the top: {verb})")
    } else if blocked > 0 {
        format!("   Enter: go to the first error (fix it to {verb})")
    } else {
        format!("   t: the hand-off to Teams · Enter: {verb}")
    };
    rows.push(Line::from(vec![
        Span::styled("Review", theme.title()),
        Span::styled(truncate(&enter, width.saturating_sub(6)), theme.dim()),
    ]));

    if !state.refusal.is_empty() {
        rows.push(Line::from(Span::styled(
            "Not submitted, because:",
            theme.error(),
        )));
        for reason in &state.refusal {
            push_wrapped(
                &mut rows,
                "  ",
                &format!("✗ {reason}"),
                theme.error(),
                width,
            );
        }
    }

    problem_rows(state, width, theme, &mut rows);
    change_rows(state, width, theme, &mut rows);
    field_rows(state, width, theme, &mut rows);
    rows.extra_scroll = usize::from(state.review_scroll);
    rows
}

/// The readiness check's errors and warnings (one selectable), the carrier's history, and what
/// only the carrier can fix.
fn problem_rows(state: &WizardState, width: usize, theme: &Theme, rows: &mut Rows) {
    let order = &state.order;
    let problems = readiness(order, state.clock.today);
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    // What the carrier rejected on earlier orders: warnings beside the readiness check's.
    let history = state.preflight_warnings();
    let warnings = problems.len() - errors + history.len();
    let case = crate::domain::export::case::route_note(order);
    let heading = match (errors, warnings, case.is_some()) {
        (0, 0, false) => {
            "✓ No problems found: ready to enter in the Teams admin center (t: the hand-off)"
                .to_string()
        }
        (0, w, false) => {
            format!("✓ No errors · ⚠ {w} warning(s) to read · ready for the Teams admin center (t)")
        }
        (0, 0, true) => "✓ No problems found: ready for a case at the Phone Number Service Center (t: the case's fields)".to_string(),
        (0, w, true) => format!(
            "✓ No errors · ⚠ {w} warning(s) to read · ready for a Service Center case (t)"
        ),
        (e, 0, _) => format!("✗ {e} error(s) block submission"),
        (e, w, _) => format!("✗ {e} error(s) block submission · ⚠ {w} warning(s)"),
    };
    let heading_style = if errors > 0 {
        theme.error()
    } else if warnings > 0 {
        theme.warning()
    } else {
        theme.ok()
    };
    rows.push(Line::from(""));
    // Wrapped whole: "ready for the Teams admin center (t)" is what the step is for.
    push_wrapped(rows, "", &heading, heading_style, width);
    if let Some(case) = &case {
        push_wrapped(rows, "  ", &format!("⇢ {case}"), theme.heading(), width);
    }
    for (i, item) in problems.iter().enumerate() {
        let selected = state.review_selected == Some(i);
        let pointer = if selected { "› " } else { "  " };
        let style = match (selected, item.severity) {
            (true, _) => theme.focus(),
            (false, Severity::Error) => theme.error(),
            (false, Severity::Warning) => theme.warning(),
        };
        let start = rows.len();
        push_wrapped(
            rows,
            pointer,
            &format!("{} {}", symbol(item.severity), item.message),
            style,
            width,
        );
        if selected {
            rows.focus = Some((start, rows.len().saturating_sub(1)));
        }
    }
    for warning in history {
        push_wrapped(
            rows,
            "  ",
            &format!("⚠ From your history: {}", one_line(&warning.message())),
            theme.warning(),
            width,
        );
    }
    if let Some(warning) = unchanged_warning(order) {
        push_wrapped(rows, "  ", &format!("⚠ {warning}"), theme.warning(), width);
    }
    if only_the_carrier_can_fix(order) {
        push_wrapped(
            rows,
            "  ",
            &format!(
                "! Only {} can clear this rejection (see its words above). Nothing in the order needs to change for it: resubmit once the carrier confirms it has acted.",
                state.carrier_name()
            ),
            theme.rejected(),
            width,
        );
    } else if needs_carrier_contact(order) {
        push_wrapped(
            rows,
            "  ",
            &format!(
                "! Contact {} too, as its message asks: resubmit once it has acted.",
                state.carrier_name()
            ),
            theme.rejected(),
            width,
        );
    }
}

/// What changed since the last submission, a glimpse of each.
fn change_rows(state: &WizardState, width: usize, theme: &Theme, rows: &mut Rows) {
    let order = &state.order;
    if order.submitted_fields.is_some() {
        let changes = order.changes_since_submission();
        rows.push(Line::from(""));
        rows.push(Line::from(Span::styled(
            format!("Changes since the last submission: {}", changes.len()),
            theme.title(),
        )));
        if changes.is_empty() {
            rows.push(Line::from(Span::styled("  (none)", theme.dim())));
        }
        for change in changes {
            let spec = crate::domain::registry::spec(change.key);
            let shown = |v: &str| {
                if v.trim().is_empty() {
                    "(empty)".to_string()
                } else {
                    one_line(v)
                }
            };
            // A change is a glimpse (a list of 999 numbers is two lines; the step shows it all).
            push_glimpse(
                rows,
                "  ",
                &format!(
                    "{}: {} → {}",
                    spec.label,
                    shown(&change.from),
                    shown(&change.to)
                ),
                Style::new(),
                width,
            );
        }
    }
}

/// Every step's fields as the order holds them, the rejected ones marked.
fn field_rows(state: &WizardState, width: usize, theme: &Theme, rows: &mut Rows) {
    let order = &state.order;
    let pages = Step::pages_of(&order.fields);
    for step in pages.iter().filter(|s| **s != Step::Review) {
        rows.push(Line::from(""));
        rows.push(Line::from(Span::styled(
            step.title().to_string(),
            theme.title(),
        )));
        for field in step.fields_asked(&order.fields) {
            let value = shown_value(state, field);
            let rejected = if order.rejected_fields().contains(&field.key) {
                "  ! rejected by carrier"
            } else {
                ""
            };
            let line = truncate(
                &format!("  {}: {value}", field.label_for(&order.fields)),
                width.saturating_sub(crate::tui::text::width(rejected)),
            );
            let mut spans = vec![Span::raw(line)];
            if !rejected.is_empty() {
                spans.push(Span::styled(rejected, theme.rejected()));
            }
            rows.push(Line::from(spans));
        }
    }
}

fn shown_value(state: &WizardState, field: &FieldSpec) -> String {
    let value = state.order.fields.get(field.key);
    if value.is_empty() {
        return "(empty)".into();
    }
    if field.secret {
        return MASK.into();
    }
    if let crate::domain::registry::Kind::Choice(options) = field.kind {
        let text = value.to_line();
        if let Some(label) = options.label_of(&text) {
            return label.to_string();
        }
    }
    match value {
        crate::domain::fields::FieldValue::List(items)
            if field.key == crate::domain::FieldKey::Numbers
                && items.len() > crate::tui::layout::HEADER_NUMBERS =>
        {
            // The line is cut at the screen's edge: say where the rest is.
            format!(
                "{} (N: all): {}",
                crate::domain::rules::text::counted(items.len(), "number"),
                one_line(&items.join("; "))
            )
        }
        crate::domain::fields::FieldValue::List(items) if items.len() > 1 => {
            format!("{} items: {}", items.len(), one_line(&items.join("; ")))
        }
        other => one_line(&other.to_line()),
    }
}

/// `indent` then `text` wrapped whole (a problem or a reason is never cut: the rows scroll);
/// continuation lines indented two columns more.
fn push_wrapped(rows: &mut Rows, indent: &str, text: &str, style: Style, width: usize) {
    let room = width.saturating_sub(indent.chars().count() + 2);
    push_lines(rows, indent, wrap(&one_line(text), room), style);
}

/// Like [`push_wrapped`], but two lines at most, the second ending with `…` when cut.
fn push_glimpse(rows: &mut Rows, indent: &str, text: &str, style: Style, width: usize) {
    let room = width.saturating_sub(indent.chars().count() + 2);
    push_lines(rows, indent, wrap_at_most(text, room, 2), style);
}

fn push_lines(rows: &mut Rows, indent: &str, lines: Vec<String>, style: Style) {
    for (i, line) in lines.into_iter().enumerate() {
        let lead = if i == 0 {
            indent.to_string()
        } else {
            format!("{indent}  ")
        };
        rows.push(Line::from(Span::styled(format!("{lead}{line}"), style)));
    }
}

/// How a problem's weight is marked.
fn symbol(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✗",
        Severity::Warning => "⚠",
    }
}
