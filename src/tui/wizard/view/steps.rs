//! The steps and their state, as a sidebar or a one-line bar: symbols and words, colour only
//! adds to them.

use crate::domain::checks::Severity;
use crate::domain::registry::Step;
use crate::tui::text::truncate;
use crate::tui::theme::Theme;
use crate::tui::wizard::state::WizardState;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepMark {
    Complete,
    Errors,
    Rejected,
    ToDo,
}

impl StepMark {
    pub fn symbol(self) -> &'static str {
        match self {
            StepMark::Complete => "✓",
            StepMark::Errors => "✗",
            StepMark::Rejected => "!",
            StepMark::ToDo => "·",
        }
    }

    fn style(self, theme: &Theme) -> Style {
        match self {
            StepMark::Complete => theme.ok(),
            StepMark::Errors => theme.error(),
            StepMark::Rejected => theme.rejected(),
            StepMark::ToDo => theme.dim(),
        }
    }
}

/// A step's state: rejected fields not yet changed (or an LOA to sign again) first, then errors
/// on a visited step, then complete; steps not yet visited are to do. Once its rejected fields
/// have been dealt with, the step reads like any other: the fields keep their markers.
pub fn mark(state: &WizardState, step: Step) -> StepMark {
    let order = &state.order;
    let rejected = order.rejected_fields().iter().any(|k| {
        crate::domain::registry::spec(*k).step_on(order.fields.route()) == step
            && !crate::domain::readiness::rejection_addressed(order, *k)
    });
    let resign = step == loa_step(state) && !order.loa_needs_resigning().is_empty();
    if rejected || resign {
        return StepMark::Rejected;
    }
    if step == Step::Review || !state.visited.contains(&step) {
        return StepMark::ToDo;
    }
    // What the fields showed when last checked (on leaving them, or the step): the same
    // verdicts the form shows, without checking 999 numbers again at every frame.
    let errors = step.fields_asked(&order.fields).any(|f| {
        state
            .checked
            .get(&f.key)
            .is_some_and(|problems| problems.iter().any(|p| p.severity == Severity::Error))
    });
    if errors {
        StepMark::Errors
    } else {
        StepMark::Complete
    }
}

/// The page the signed LOA is entered on in this order's wizard.
fn loa_step(state: &WizardState) -> Step {
    let loa = crate::domain::registry::spec(crate::domain::key::FieldKey::Loa);
    loa.step_on(state.order.fields.route())
}

pub fn sidebar(state: &WizardState, area: Rect, theme: &Theme) -> Vec<Line<'static>> {
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = vec![
        Line::from(Span::styled("Steps", theme.title())),
        Line::from(""),
    ];
    let route = state.order.fields.route();
    for step in Step::pages(route).iter().copied() {
        let mark = mark(state, step);
        let current = step == state.step;
        let pointer = if current { "•" } else { " " };
        let title = truncate(
            &format!("{} {}", step.index_in(route) + 1, step.title()),
            width.saturating_sub(4),
        );
        let title_style = if current { theme.focus() } else { Style::new() };
        lines.push(Line::from(vec![
            Span::styled(format!("{pointer} "), theme.focus()),
            Span::styled(mark.symbol().to_string(), mark.style(theme)),
            Span::raw(" "),
            Span::styled(title, title_style),
        ]));
        if step == loa_step(state) && !state.order.loa_needs_resigning().is_empty() {
            lines.push(Line::from(Span::styled(
                "      the LOA must be signed again",
                theme.rejected(),
            )));
        }
    }
    lines.push(Line::from(""));
    for legend in ["✓ complete  ✗ has errors", "! to fix    • current step"] {
        lines.push(Line::from(Span::styled(legend, theme.dim())));
    }
    lines
}

/// One line: every step's number and mark, the current one spelled out.
pub fn bar(state: &WizardState, width: u16, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0usize;
    let route = state.order.fields.route();
    let current_title = |step: Step| {
        let mark = mark(state, step);
        let words = match mark {
            StepMark::Complete => "complete",
            StepMark::Errors => "has errors",
            StepMark::Rejected => "rejected",
            StepMark::ToDo => "",
        };
        if words.is_empty() {
            format!("• {} {}", step.index_in(route) + 1, step.title())
        } else {
            format!(
                "• {} {} {} {words}",
                step.index_in(route) + 1,
                step.title(),
                mark.symbol()
            )
        }
    };
    let others: usize = Step::pages(route).len().saturating_sub(1) * 4;
    for step in Step::pages(route).iter().copied() {
        let mark = mark(state, step);
        if step == state.step {
            let room = usize::from(width).saturating_sub(others + used).max(8);
            let full = current_title(step);
            let short = format!(
                "• {} {} {}",
                step.index_in(route) + 1,
                step.title(),
                mark.symbol()
            );
            let text = if crate::tui::text::width(&full) <= room {
                full
            } else {
                truncate(&short, room)
            };
            used += crate::tui::text::width(&text) + 2;
            spans.push(Span::styled(text, theme.focus()));
            spans.push(Span::raw("  "));
        } else {
            spans.push(Span::raw(format!("{}", step.index_in(route) + 1)));
            spans.push(Span::styled(mark.symbol().to_string(), mark.style(theme)));
            spans.push(Span::raw("  "));
            used += 4;
        }
    }
    Line::from(spans)
}
