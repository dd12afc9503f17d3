//! The "Carrier response" dialog's model: which answers the lifecycle allows now, and the form
//! of the one being recorded. Changed only by `respond::update`.

use crate::domain::classifier::{
    Catalog, Classification, ExampleIndex, Model, classify, classify_with_examples, is_lesson,
    suggest, sureness,
};
use crate::domain::order::RejectionInput;
use crate::domain::rules::port_date::parse_date;
use crate::domain::rules::port_time::parse_time;
use crate::domain::status::SupportScenario;
use crate::domain::{FIELDS, FieldKey, Order};
use crate::tui::widgets::input::TextField;
use crate::tui::widgets::textarea::TextArea;
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use std::collections::BTreeSet;

pub use crate::domain::answer::{Answer, refusal};

/// One answer offered, and why it cannot be recorded now (`None`: it can).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub kind: Answer,
    pub refusal: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Respond {
    pub order_id: String,
    pub choices: Vec<Choice>,
    /// Index into `choices`.
    pub selected: usize,
    /// The answer being recorded; `None` while choosing.
    pub form: Option<Form>,
    /// Why the last save was refused.
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Form {
    Rejection(Box<RejectionForm>),
    Foc(FocForm),
    Support(SupportForm),
    /// Completion or cancellation: one key confirms.
    Confirm(Answer),
}

/// Where keys go in a form: the keymap has one context for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Choose,
    TextArea,
    Input,
    List,
    Confirm,
}

impl Respond {
    /// The dialog on `order`, with what the lifecycle allows at `now`.
    pub fn open(order: &Order, now: Timestamp) -> Respond {
        let choices: Vec<Choice> = Answer::ALL
            .into_iter()
            .map(|kind| Choice {
                kind,
                refusal: refusal(order, kind, now),
            })
            .collect();
        let selected = choices
            .iter()
            .position(|c| c.refusal.is_none())
            .unwrap_or(0);
        Respond {
            order_id: order.id.clone(),
            choices,
            selected,
            form: None,
            error: None,
        }
    }

    pub fn focus(&self) -> Focus {
        match &self.form {
            None => Focus::Choose,
            Some(Form::Rejection(r)) => match r.focus {
                RejectionFocus::Text => Focus::TextArea,
                RejectionFocus::List => Focus::List,
            },
            Some(Form::Foc(f)) => match f.focus {
                FocFocus::Date | FocFocus::Time => Focus::Input,
                FocFocus::Save => Focus::List,
            },
            Some(Form::Support(s)) => match s.focus {
                SupportFocus::Ticket => Focus::Input,
                SupportFocus::Scenarios | SupportFocus::Save => Focus::List,
            },
            Some(Form::Confirm(_)) => Focus::Confirm,
        }
    }

    /// Whether something typed would be lost by leaving.
    pub fn has_unsaved_edits(&self) -> bool {
        match &self.form {
            Some(Form::Rejection(r)) => !r.text.text().trim().is_empty(),
            Some(Form::Foc(f)) => !f.date.value().trim().is_empty(),
            Some(Form::Support(s)) => !s.ticket.value().trim().is_empty(),
            _ => false,
        }
    }
}

// ---- Rejection ----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectionFocus {
    Text,
    List,
}

#[derive(Debug, Clone)]
pub struct RejectionForm {
    pub text: TextArea,
    /// What the classifier makes of the text now.
    pub classification: Classification,
    /// Where no rule and no example reads the text, the learned model's reading: shown as
    /// "not sure" and never ticked, so the user decides (and a tick is learned as usual).
    pub suggestion: Option<Classification>,
    /// Fields the user ticked that the classifier did not suggest.
    pub added: BTreeSet<FieldKey>,
    /// Suggested fields the user unticked.
    pub removed: BTreeSet<FieldKey>,
    pub focus: RejectionFocus,
    /// Index into `FIELDS`; `FIELDS.len()` is the Save row.
    pub cursor: usize,
    /// The user was told the text reads like a status update: the next save records it.
    pub status_asked: bool,
    /// Per `FIELDS` index: whether the order's country asks the field (the list shows those).
    pub offered: Vec<bool>,
    /// The order's route: the list is grouped by its wizard's pages.
    pub route: crate::domain::countries::Route,
    /// The values the carrier quotes from its record, by field (the domain's reading, kept as
    /// the CSR's on save, where the wizard's Ctrl-T takes them).
    pub quoted: Vec<(FieldKey, String)>,
    /// The order's country and numbers, which the text's numbers are read against.
    pub numbers: (crate::domain::rules::Country, Vec<String>),
    /// The order's numbers the text names with a problem: saving marks them.
    pub named: Vec<crate::domain::number_marks::NamedNumber>,
}

impl RejectionForm {
    pub fn new(catalog: &Catalog, order: &Order) -> RejectionForm {
        RejectionForm {
            offered: FIELDS.iter().map(|f| f.asked(&order.fields)).collect(),
            route: order.fields.route(),
            text: TextArea::default(),
            classification: classify("", catalog),
            suggestion: None,
            added: BTreeSet::new(),
            removed: BTreeSet::new(),
            focus: RejectionFocus::Text,
            cursor: 0,
            status_asked: false,
            quoted: Vec::new(),
            numbers: (order.fields.rules_country(), order.fields.numbers.clone()),
            named: Vec::new(),
        }
    }

    /// The text reads like a carrier's status update and no field is ticked: saving it as a
    /// rejection asks first (the command line refuses it without `--force`).
    pub fn looks_like_status(&self) -> bool {
        self.classification.is_status_update() && self.fields().is_empty()
    }

    /// Classify the text again (with the user's labelled examples); the user's own ticks and
    /// unticks stay.
    pub fn reclassify(&mut self, catalog: &Catalog, examples: &ExampleIndex) {
        let text = self.text.text();
        self.classification = classify_with_examples(&text, catalog, examples);
        let c = &self.classification;
        self.suggestion = if c.is_recognised() || c.is_status_update() || text.trim().is_empty() {
            None
        } else {
            Model::builtin().and_then(|model| suggest(&text, catalog, model))
        };
        self.status_asked = false;
        self.quoted =
            crate::domain::classifier::quoted_values(&text, catalog, &self.classification.fields);
        let (country, numbers) = &self.numbers;
        self.named = crate::domain::number_marks::named_among(&text, *country, numbers);
    }

    /// The classifier is not sure of its answer, or where no rule read the text, of the model's
    /// suggestion (the domain's one reading, as `classify` says it): the dialog asks the user
    /// which field the carrier rejected.
    pub fn is_not_sure(&self) -> bool {
        sureness(&self.classification, self.suggestion.as_ref()).not_sure
    }

    /// The text and the fields the user chose, when they differ from the suggestion, or when the
    /// classifier was not sure of the fields it ticked (the user's save answers the question):
    /// a lesson.
    pub fn correction(&self) -> Option<(String, Vec<FieldKey>)> {
        let text = self.text.text();
        let fields = self.fields();
        let lesson = is_lesson(&self.classification, self.suggestion.as_ref(), &fields);
        (lesson && !text.trim().is_empty()).then(|| (text.trim().to_string(), fields))
    }

    pub fn is_suggested(&self, key: FieldKey) -> bool {
        self.classification.fields.contains(&key)
    }

    pub fn is_ticked(&self, key: FieldKey) -> bool {
        (self.is_suggested(key) && !self.removed.contains(&key)) || self.added.contains(&key)
    }

    pub fn toggle(&mut self, key: FieldKey) {
        if self.is_ticked(key) {
            if !self.added.remove(&key) {
                self.removed.insert(key);
            }
        } else if !self.removed.remove(&key) {
            self.added.insert(key);
        }
    }

    /// The ticked fields, in registry order.
    pub fn fields(&self) -> Vec<FieldKey> {
        FIELDS
            .iter()
            .map(|f| f.key)
            .filter(|k| self.is_ticked(*k))
            .collect()
    }

    /// Whether the list shows the field at `index` of `FIELDS`.
    pub fn offers(&self, index: usize) -> bool {
        self.offered.get(index).copied().unwrap_or(true)
    }

    pub fn save_row(&self) -> bool {
        self.cursor >= FIELDS.len()
    }

    /// The words that made the classifier suggest `key`, without repeats.
    pub fn evidence(&self, key: FieldKey) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        for m in &self.classification.matches {
            if m.fields.contains(&key) {
                for e in &m.evidence {
                    if !words.iter().any(|w| w.eq_ignore_ascii_case(e)) {
                        words.push(e.clone());
                    }
                }
            }
        }
        words
    }

    /// What the domain records.
    pub fn input(&self, catalog: &Catalog) -> RejectionInput {
        RejectionInput::from_classification(
            self.text.text(),
            &self.classification,
            Some(self.fields()),
            catalog,
        )
    }
}

// ---- FOC ----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocFocus {
    Date,
    Time,
    Save,
}

#[derive(Debug, Clone)]
pub struct FocForm {
    pub date: TextField,
    pub time: TextField,
    pub focus: FocFocus,
}

/// What the FOC inputs say: the values when they read, and notes in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocCheck {
    pub date: Result<Date, String>,
    pub time: Result<Option<Time>, String>,
    /// Warnings that do not block saving (a date other than the requested one, in the past).
    pub warnings: Vec<String>,
}

impl FocCheck {
    pub fn value(&self) -> Option<(Date, Option<Time>)> {
        match (&self.date, &self.time) {
            (Ok(d), Ok(t)) => Some((*d, *t)),
            _ => None,
        }
    }
}

impl FocForm {
    /// Empty inputs: the carrier's date and time are typed as the carrier gave them (the
    /// requested ones are shown beside them for comparison).
    pub fn new(_order: &Order) -> FocForm {
        FocForm {
            date: TextField::default(),
            time: TextField::default(),
            focus: FocFocus::Date,
        }
    }

    pub fn check(&self, order: &Order, today: Date) -> FocCheck {
        let date_text = self.date.value().trim();
        let date = if date_text.is_empty() {
            Err("Enter the date the carrier committed to (YYYY-MM-DD).".to_string())
        } else {
            parse_date(date_text).ok_or_else(|| {
                format!(
                    "“{}” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-09.",
                    one(date_text)
                )
            })
        };
        let time_text = self.time.value().trim();
        let time = if time_text.is_empty() {
            Ok(None)
        } else {
            parse_time(time_text).map(Some).ok_or_else(|| {
                format!(
                    "“{}” is not a time: write it as HH:MM (24-hour, {}) or leave it empty.",
                    one(time_text),
                    order.fields.carrier_zone_name()
                )
            })
        };
        let mut warnings = Vec::new();
        if let Ok(d) = date {
            warnings.extend(
                order
                    .foc_date_warnings(d)
                    .into_iter()
                    .map(|w| capitalised(&w)),
            );
            if let Ok(requested) = order.fields.port_date.trim().parse::<Date>()
                && requested != d
            {
                let days = (d - requested).get_days();
                let (n, way) = if days > 0 {
                    (days, "later")
                } else {
                    (-days, "earlier")
                };
                let unit = if n == 1 { "day" } else { "days" };
                warnings.push(format!(
                    "Not the date you asked for: the carrier's {} is {n} {unit} {way} than the requested {}.",
                    d.strftime("%a %Y-%m-%d"),
                    requested.strftime("%a %Y-%m-%d")
                ));
            }
            if d < today {
                warnings.push(format!("{} is in the past.", d.strftime("%a %Y-%m-%d")));
            }
        }
        FocCheck {
            date,
            time,
            warnings,
        }
    }
}

/// A domain sentence as a line of its own: its first letter upper-cased.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn one(text: &str) -> String {
    crate::tui::text::one_line(text)
}

// ---- Support ----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportFocus {
    Scenarios,
    Ticket,
    Save,
}

#[derive(Debug, Clone)]
pub struct SupportForm {
    /// Index into `SupportScenario::ALL`.
    pub scenario: usize,
    pub ticket: TextField,
    pub focus: SupportFocus,
}

impl SupportForm {
    pub fn new(order: &Order) -> SupportForm {
        SupportForm {
            scenario: 0,
            ticket: TextField::new(order.ticket.as_deref().unwrap_or("")),
            focus: SupportFocus::Scenarios,
        }
    }

    pub fn scenario(&self) -> SupportScenario {
        SupportScenario::ALL
            .get(self.scenario)
            .copied()
            .unwrap_or(SupportScenario::RequestedHelp)
    }
}
