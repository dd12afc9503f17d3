//! The porting wizard, as a component the shell hosts. This is a minimal read-only stand-in with
//! the agreed interface; the wizard engineer replaces this module entirely.

use crate::domain::registry::Step;
use crate::domain::{Clock, FieldKey, Order};
use crate::tui::text::{one_line, truncate};
use crate::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub struct Wizard {
    order: Order,
    step: Step,
    /// Index of the focused field among the step's fields.
    focus: usize,
}

/// What the shell should do after the wizard handled a key.
#[derive(Debug, Clone, PartialEq)]
pub enum WizardOutcome {
    Stay,
    /// Save the order as it is (a draft, or fixes in progress).
    Save(Order),
    /// The wizard submitted (or resubmitted) its copy: save it.
    Submit(Order),
    /// Leave the wizard; the order as it was last saved.
    Close(Order),
}

impl Wizard {
    /// Open on a new or existing order; a rejected order opens on its first rejected field.
    pub fn open(order: Order, _clock: Clock) -> Wizard {
        let first_rejected = order.rejected_fields().first().copied();
        let (step, focus) = match first_rejected {
            Some(key) => position_of(key),
            None => (Step::GetStarted, 0),
        };
        Wizard { order, step, focus }
    }

    pub fn handle_key(&mut self, key: KeyEvent, _clock: Clock) -> WizardOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return WizardOutcome::Close(self.order.clone()),
            KeyCode::Char('s') if ctrl => return WizardOutcome::Save(self.order.clone()),
            KeyCode::PageDown => self.go_to_step(self.step.index() + 1),
            KeyCode::PageUp => self.go_to_step(self.step.index().saturating_sub(1)),
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % self.field_count(),
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + self.field_count() - 1) % self.field_count()
            }
            _ => {}
        }
        WizardOutcome::Stay
    }

    pub fn handle_paste(&mut self, _text: &str, _clock: Clock) -> WizardOutcome {
        WizardOutcome::Stay
    }

    pub fn has_unsaved_edits(&self) -> bool {
        false
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let mut lines = vec![
            Line::styled(
                format!(
                    "{} · step {} of {}: {}",
                    one_line(&self.order.display_name()),
                    self.step.index() + 1,
                    Step::ALL.len(),
                    self.step.title()
                ),
                theme.heading(),
            ),
            Line::styled(
                "A read-only preview: editing arrives with the wizard component.",
                theme.dim(),
            ),
            Line::raw(""),
        ];
        let rejected = self.order.rejected_fields();
        let width = usize::from(area.width);
        for (i, field) in self.step.fields().enumerate() {
            let value = if field.secret {
                self.order.fields.pin.masked().to_string()
            } else {
                one_line(&self.order.fields.get(field.key).to_line())
            };
            let marker = if rejected.contains(&field.key) {
                "  ◀ rejected by carrier"
            } else {
                ""
            };
            let text = truncate(&format!("{:<36}{value}{marker}", field.label), width);
            let style = if i == self.focus {
                theme.selected()
            } else if marker.is_empty() {
                ratatui::style::Style::new()
            } else {
                theme.rejected()
            };
            lines.push(Line::from(Span::styled(text, style)));
        }
        if self.step == Step::Review {
            lines.push(Line::raw("Review: every step's fields, then submit."));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            ("Tab", "Next field"),
            ("PgDn/PgUp", "Next / previous step"),
            ("Ctrl-S", "Save draft"),
            ("Esc", "Close the wizard"),
        ]
    }

    fn field_count(&self) -> usize {
        self.step.fields().count().max(1)
    }

    fn go_to_step(&mut self, index: usize) {
        if let Some(step) = Step::ALL.get(index) {
            self.step = *step;
            self.focus = 0;
        }
    }
}

fn position_of(key: FieldKey) -> (Step, usize) {
    let spec = crate::domain::spec(key);
    let focus = spec.step.fields().position(|f| f.key == key).unwrap_or(0);
    (spec.step, focus)
}
