//! The wizard's model: the order being edited, where the user is, and what the focused input
//! holds that the order does not yet.

use crate::domain::edit::{Visit, normalise};
use crate::domain::fields::FieldValue;
use crate::domain::key::FieldKey;
use crate::domain::order::{Clock, Order};
use crate::domain::preflight::HistoryWarning;
use crate::domain::registry::{Kind, Step, csr_fields, spec};
use crate::domain::validate::{Problem, check_field};
use crate::tui::app::Message;
use crate::tui::widgets::input::TextField;
use crate::tui::widgets::textarea::TextArea;
use std::collections::{BTreeMap, BTreeSet};

/// Which value of a field an input edits: the order's, or what the carrier's CSR says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Order,
    Csr,
}

/// One focusable input on a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub key: FieldKey,
    pub column: Column,
}

/// The numbers' verdicts and what they were computed from.
#[derive(Debug, Clone, Default)]
pub struct NumberStates {
    key: Option<(String, String, String)>,
    pub states: Vec<(String, crate::domain::rules::NumberState)>,
}

/// The focused input.
#[derive(Debug, Clone)]
pub enum Editor {
    /// Nothing to edit (the Review step).
    None,
    Text(TextField),
    /// A choice: the index of the selected option, `None` while the order holds none of them.
    Choice(Option<usize>),
    Numbers(TextArea),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmKind {
    Submit,
    Resubmit,
    /// Resubmit though none of the rejected fields changed (asked instead of `Resubmit`).
    ResubmitUnchanged,
}

#[derive(Debug, Clone)]
pub enum Prompt {
    Confirm(ConfirmKind),
    CsvPath {
        path: TextField,
        error: Option<String>,
    },
}

#[derive(Debug, Clone)]
pub struct WizardState {
    pub order: Order,
    pub clock: Clock,
    pub step: Step,
    /// Index into `targets()`.
    pub focus: usize,
    pub editor: Editor,
    /// Every number in the numbers field (as typed, or as stored) with its verdict: computed when
    /// the text changes, not at every frame (999 numbers take milliseconds to check).
    pub number_states: NumberStates,
    /// Whether the CSR column is shown beside the LOA fields.
    pub csr_view: bool,
    pub pin_revealed: bool,
    /// The problems of each field checked so far (checked when the user leaves it).
    pub checked: BTreeMap<FieldKey, Vec<Problem>>,
    /// The fields and the day every entry of `checked` was last worked out from (`None` once
    /// one follows typed text instead): checking a field again while nothing changed leaves the
    /// others be, so a step change on an order of 10,000 numbers checks them at most once.
    checked_against: Option<(crate::domain::OrderFields, jiff::civil::Date)>,
    /// Steps the user has been on or that already hold values: their errors show in the sidebar.
    pub visited: BTreeSet<Step>,
    pub prompt: Option<Prompt>,
    /// The selected problem on Review (`None`: nothing selected, Enter submits).
    pub review_selected: Option<usize>,
    /// Extra lines scrolled on Review below the last problem.
    pub review_scroll: u16,
    /// Feedback after an action (saved, refused, loaded), drawn like the app's status line.
    pub notice: Option<Message>,
    /// Why the last submission was refused.
    pub refusal: Vec<String>,
    /// This visit of the wizard: its edits make one history entry.
    pub visit: Visit,
    /// What the order's carrier rejected on earlier orders, for the carrier key it was looked
    /// up for (asked when Review is reached; the carrier may change meanwhile).
    pub preflight: Option<(String, Vec<HistoryWarning>)>,
    /// The carrier key last asked about.
    pub preflight_asked: Option<String>,
    /// The carrier's whole message is open over the form, scrolled this many lines (Ctrl-P).
    pub pinned: Option<u16>,
}

impl WizardState {
    /// The carrier's warnings from history, when they were looked up for the carrier the
    /// order names now.
    pub fn preflight_warnings(&self) -> &[HistoryWarning] {
        let key = crate::domain::insights::carrier_key(&self.order.fields.current_carrier);
        match &self.preflight {
            Some((carrier, warnings)) if *carrier == key => warnings,
            _ => &[],
        }
    }

    /// On Review, the look-up to ask for when the carrier was not asked about yet.
    pub fn preflight_request(&mut self) -> Option<crate::tui::msg::Effect> {
        if self.step != Step::Review {
            return None;
        }
        let key = crate::domain::insights::carrier_key(&self.order.fields.current_carrier);
        if key.is_empty() || self.preflight_asked.as_deref() == Some(key.as_str()) {
            return None;
        }
        self.preflight_asked = Some(key);
        Some(crate::tui::msg::Effect::Preflight(Box::new(
            self.order.clone(),
        )))
    }

    pub fn new(order: Order, clock: Clock, start: super::Start) -> WizardState {
        let mut state = WizardState {
            order,
            clock,
            step: Step::GetStarted,
            focus: 0,
            editor: Editor::None,
            number_states: NumberStates::default(),
            csr_view: false,
            pin_revealed: false,
            checked: BTreeMap::new(),
            checked_against: None,
            visited: BTreeSet::new(),
            prompt: None,
            review_selected: None,
            review_scroll: 0,
            notice: None,
            refusal: Vec::new(),
            visit: Visit::new(),
            preflight: None,
            preflight_asked: None,
            pinned: None,
        };
        // What is already filled in is checked at once; empty fields wait until visited.
        for field in crate::domain::registry::FIELDS {
            if !state.order.fields.is_blank(field.key) {
                state
                    .visited
                    .insert(field.step_on(state.order.fields.route()));
                state.check(field.key);
            }
        }
        // A step that holds values is checked whole, so its mark and its fields agree.
        let visited: Vec<Step> = state.visited.iter().copied().collect();
        for step in visited {
            state.check_step(step);
        }
        if start == super::Start::Resume {
            state.resume();
        }
        state.load_editor();
        state.refresh_number_states();
        state
    }

    /// Go where the work was left: the first field to fix (the carrier's, on a rejected order),
    /// or Review when nothing is left to fix or only the carrier can act (a freeze).
    fn resume(&mut self) {
        let first = crate::domain::readiness::to_fix_first(&self.order, self.clock.today);
        let frozen = crate::domain::readiness::only_the_carrier_can_fix(&self.order);
        match first.first() {
            Some(key) if !frozen => {
                self.step = spec(*key).step_on(self.order.fields.route());
                self.focus = self
                    .targets()
                    .iter()
                    .position(|t| t.key == *key)
                    .unwrap_or(0);
            }
            _ => self.step = Step::Review,
        }
    }

    /// The rejection whose words are pinned above the form: the latest, while the order waits on
    /// the user.
    pub fn pinned_rejection(&self) -> Option<&crate::domain::order::Rejection> {
        (self.order.status == crate::domain::status::Status::CustomerActionRequired)
            .then(|| self.order.last_rejection())
            .flatten()
    }

    /// The inputs of the current step, in order: each field, and its CSR input beside it when
    /// the CSR column is shown.
    pub fn targets(&self) -> Vec<Target> {
        targets_of(self.step, self.csr_view, &self.order.fields)
    }

    pub fn target(&self) -> Option<Target> {
        self.targets().get(self.focus).copied()
    }

    /// Whether the current step has fields the CSR covers.
    pub fn step_has_csr_fields(&self) -> bool {
        self.step.fields().any(is_csr_field)
    }

    /// Fill the editor from the order for the focused input.
    pub fn load_editor(&mut self) {
        self.editor = match self.target() {
            None => Editor::None,
            Some(Target {
                key,
                column: Column::Csr,
            }) => Editor::Text(TextField::new(
                self.order.csr.get(&key).map_or("", String::as_str),
            )),
            Some(Target { key, .. }) => {
                let value = self.order.fields.get(key);
                match spec(key).kind {
                    Kind::Choice(options) => {
                        let text = value.to_line();
                        Editor::Choice(options.position_of(&text))
                    }
                    Kind::Numbers | Kind::Usages => match value {
                        FieldValue::List(items) => {
                            Editor::Numbers(TextArea::new(&items.join("\n")))
                        }
                        FieldValue::Text(text) => Editor::Numbers(TextArea::new(&text)),
                    },
                    _ => Editor::Text(TextField::new(&value.to_line())),
                }
            }
        };
    }

    /// What the editor holds, as the value it would write; `None` when there is no editor or
    /// a choice has nothing selected.
    pub fn editor_value(&self) -> Option<String> {
        match &self.editor {
            Editor::None => None,
            Editor::Text(field) => Some(field.value().to_string()),
            Editor::Choice(selected) => {
                let key = self.target()?.key;
                let Kind::Choice(options) = spec(key).kind else {
                    return None;
                };
                selected
                    .and_then(|i| options.get(i))
                    .map(|(v, _)| v.to_string())
            }
            Editor::Numbers(area) => Some(area.text()),
        }
    }

    /// Whether the focused input holds something the order does not.
    pub fn has_pending_edit(&self) -> bool {
        let (Some(target), Some(value)) = (self.target(), self.editor_value()) else {
            return false;
        };
        match target.column {
            Column::Csr => value.trim() != self.order.csr.get(&target.key).map_or("", |v| v.trim()),
            // Pending when what it would store (normalised) differs, or would be refused.
            Column::Order => {
                match normalise(target.key, FieldValue::Text(value), &self.order.fields) {
                    Ok(after) => after != self.order.fields.get(target.key),
                    Err(_) => true,
                }
            }
        }
    }

    /// The text of the numbers field as the user sees it: the editor's while it is focused, else
    /// the stored list.
    pub fn numbers_text(&self) -> String {
        match &self.editor {
            Editor::Numbers(area) if self.target().is_some_and(|t| t.key == FieldKey::Numbers) => {
                area.text()
            }
            _ => self.order.fields.numbers.join("\n"),
        }
    }

    /// Recompute the numbers' verdicts when their text, country or type changed.
    pub fn refresh_number_states(&mut self) {
        let key = (
            self.numbers_text(),
            self.order.fields.country.clone(),
            self.order.fields.number_type.clone(),
        );
        if self.number_states.key.as_ref() != Some(&key) {
            let fields = &self.order.fields;
            // The verdicts of at most as many lines as an order takes: beyond, the field's
            // error says there are too many, and each keystroke stays quick.
            let limit = crate::domain::edit::list_limit(FieldKey::Numbers);
            let shown = if key.0.lines().nth(limit).is_none() {
                // All of it (as the check parses it, so the two share one parse).
                std::borrow::Cow::Borrowed(key.0.as_str())
            } else {
                std::borrow::Cow::Owned(key.0.lines().take(limit).collect::<Vec<_>>().join("\n"))
            };
            let states = super::numbers::number_states(
                &shown,
                fields.rules_country(),
                fields.number_type_choice(),
            );
            self.number_states = NumberStates {
                key: Some(key),
                states,
            };
        }
    }

    /// Check one field and refresh every field checked before (their rules may read it), unless
    /// nothing changed since they were.
    pub fn check(&mut self, key: FieldKey) {
        let today = self.clock.today;
        self.checked
            .insert(key, check_field(key, &self.order.fields, today));
        let current = self
            .checked_against
            .as_ref()
            .is_some_and(|(fields, day)| *day == today && *fields == self.order.fields);
        if current {
            return;
        }
        let keys: Vec<FieldKey> = self.checked.keys().copied().collect();
        for other in keys.into_iter().filter(|k| *k != key) {
            self.checked
                .insert(other, check_field(other, &self.order.fields, today));
        }
        self.checked_against = Some((self.order.fields.clone(), today));
    }

    /// While a checked field is typed in, its problems follow the text (as it would be stored):
    /// an error goes once the value is fixed, a warning about a missing value once it is typed.
    pub fn recheck_typed(&mut self) {
        let Some(Target {
            key,
            column: Column::Order,
        }) = self.target()
        else {
            return;
        };
        let (true, Some(typed)) = (self.checked.contains_key(&key), self.editor_value()) else {
            return;
        };
        let today = self.clock.today;
        if let Some(problems) =
            crate::domain::edit::check_typed(key, &typed, &self.order.fields, today)
        {
            self.checked.insert(key, problems);
            self.checked_against = None;
        }
    }

    /// Check every field of a step (when the user leaves it).
    pub fn check_step(&mut self, step: Step) {
        let keys: Vec<FieldKey> = step.fields().map(|f| f.key).collect();
        for key in keys {
            self.check(key);
        }
    }

    /// Name of the carrier for questions ("… to enter it for Contoso Telecom").
    pub fn carrier_name(&self) -> String {
        let name = crate::tui::text::one_line(self.order.fields.current_carrier.trim());
        if name.trim().is_empty() {
            "the current carrier".to_string()
        } else {
            name
        }
    }
}

pub fn is_csr_field(field: &crate::domain::registry::FieldSpec) -> bool {
    csr_fields().any(|c| c.key == field.key)
}

pub fn targets_of(step: Step, csr_view: bool, order: &crate::domain::OrderFields) -> Vec<Target> {
    let mut targets = Vec::new();
    for field in step.fields_asked(order) {
        targets.push(Target {
            key: field.key,
            column: Column::Order,
        });
        if csr_view && is_csr_field(field) {
            targets.push(Target {
                key: field.key,
                column: Column::Csr,
            });
        }
    }
    targets
}
