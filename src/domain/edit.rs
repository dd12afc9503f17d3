//! The one edit operation: a field key and what the user typed, pasted or imported (text or a
//! list) → parsed, normalised by the field's kind (numbers and BTNs in E.164, dates
//! `YYYY-MM-DD`, times 24-hour `HH:MM`, states and provinces as two-letter codes, choices as
//! their stable key), capped, applied and recorded in history; or refused with the reason.
//! The wizard, plain mode, `new`, `set`, `import` and CSV loading all edit through here, so the
//! same input gives the same file whichever way it came in.
//!
//! A value that cannot be understood (a number with 5 digits) is kept as typed: a draft keeps
//! what was entered, and the field's problems, returned with every edit, say what is wrong.
//! [`Mode::RefuseErrors`] (the command line) refuses such a value instead.

use super::checks::Severity;
use super::fields::{FieldValue, OrderFields, split_list};
use super::history::{Change, Event, HistoryEntry};
use super::key::FieldKey;
use super::order::{Clock, Order, Refusal};
use super::registry::{FIELDS, Kind, spec};
use super::rules::{self, MAX_NUMBERS_PER_ORDER};
use super::validate::{Problem, check_field};
use jiff::Timestamp;
use std::collections::HashSet;

/// The longest value (or list item) a field takes, in characters.
pub const TEXT_LIMIT: usize = 1_000;

/// The most items a list other than the numbers takes (the numbers and their usages:
/// [`MAX_NUMBERS_PER_ORDER`], a Service Center case's).
pub const LIST_LIMIT: usize = 999;

/// The most items the list of `key` takes.
pub fn list_limit(key: FieldKey) -> usize {
    match key {
        FieldKey::Numbers | FieldKey::NumberUsage => MAX_NUMBERS_PER_ORDER,
        _ => LIST_LIMIT,
    }
}

/// Why an edit was not applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditRefusal {
    /// The order is not in draft or customer action required.
    #[error("{0}")]
    NotEditable(String),
    #[error(
        "{label}: {len} characters is too long; it takes at most {TEXT_LIMIT}.",
        label = spec(*.key).label
    )]
    TooLong { key: FieldKey, len: usize },
    #[error(
        "{label}: {count} entries is too many; an order takes at most {limit}.{split}",
        label = spec(*.key).label,
        limit = super::rules::text::thousands(list_limit(*.key)),
        split = if *.key == FieldKey::Numbers { " Split them into several orders (portwiz split FILE.csv); an order over 999 numbers goes to the Phone Number Service Center as a case." } else { "" }
    )]
    TooMany { key: FieldKey, count: usize },
    /// A mask (`••••`) or placeholder, as an export without secrets writes: never a value.
    #[error(
        "{label}: `{MASK}` is a mask, not a value; type the real value, or leave it empty.",
        label = spec(*.key).label,
        MASK = super::secret::MASK
    )]
    Mask { key: FieldKey },
    /// `Mode::RefuseErrors`: the value has errors; each is named.
    #[error("{}", .0.join("\n"))]
    Invalid(Vec<String>),
}

impl From<EditRefusal> for Refusal {
    fn from(e: EditRefusal) -> Refusal {
        match e {
            EditRefusal::Invalid(reasons) => Refusal { reasons },
            other => Refusal::new(other.to_string()),
        }
    }
}

/// Whether a value with errors is kept (a draft) or refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keep what was typed; the problems say what is wrong (the wizard, plain mode, import).
    KeepDraft,
    /// Refuse a value whose field then has errors (`portwiz set`).
    RefuseErrors,
}

/// What an applied edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub changed: bool,
    /// The field's problems after the edit (errors and warnings).
    pub problems: Vec<Problem>,
}

/// One visit: the edits of one wizard session, one plain-mode session or one command. Its
/// edits are recorded as one "edited" history entry listing the fields changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visit {
    /// The index of this visit's entry in the order's history, once it has one (a visit
    /// without an id, which only ever adds to the last entry).
    entry: Option<usize>,
    /// A visit that may meet another window's saves (the wizard's) has an id, written on its
    /// entry: it finds its entry by it wherever merges left it, and merges keep it one entry.
    id: Option<String>,
    /// The visit's entries so far: a transition recorded after its entry (an answer saved in
    /// another window) closes that entry, and the visit goes on in a next one (`ID/1`, ...).
    part: u32,
}

impl Visit {
    /// A visit without an id: a command's, or one no other window saves beside.
    pub fn new() -> Visit {
        Visit::default()
    }

    /// A visit whose entry carries `id` (unique to this visit: the app's session and a count).
    pub fn with_id(id: String) -> Visit {
        Visit {
            id: Some(id),
            ..Visit::default()
        }
    }

    /// The order was replaced by one merged with another window's: a visit without an id starts
    /// a new entry at its next edit (its index no longer holds); one with an id finds its own.
    pub fn rebase(&mut self) {
        self.entry = None;
    }

    /// The id written on the visit's current entry.
    fn entry_id(&self) -> Option<String> {
        self.id.as_ref().map(|id| match self.part {
            0 => id.clone(),
            n => format!("{id}/{n}"),
        })
    }
}

/// Whether a text is a mask or placeholder rather than a value: `••••`, `****`, `●●●`.
pub fn is_mask(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '•' | '*' | '●' | '∙' | '·') || c.is_whitespace())
}

/// The value to store for `key` given `input`, in the context of the order's other fields (its
/// country and number type), or why it cannot be taken at all.
pub fn normalise(
    key: FieldKey,
    input: FieldValue,
    fields: &OrderFields,
) -> Result<FieldValue, EditRefusal> {
    let field = spec(key);
    if field.kind.is_list() {
        let items = list_items(key, input)?;
        return Ok(FieldValue::List(match field.kind {
            Kind::Numbers => normalise_numbers(&items, fields),
            Kind::Usages => {
                rules::usage::normalise_usages(&items, &fields.numbers, fields.rules_country())
            }
            _ => items,
        }));
    }
    let text = match input {
        FieldValue::Text(t) => t,
        FieldValue::List(l) => l.join("; "),
    };
    let text = crate::domain::sanitize::value_text(&text);
    let text = text.trim();
    let len = text.chars().count();
    if len > TEXT_LIMIT {
        return Err(EditRefusal::TooLong { key, len });
    }
    if (field.secret || text.contains('•')) && is_mask(text) {
        return Err(EditRefusal::Mask { key });
    }
    let normal = match field.kind {
        Kind::Choice(choices) => (choices.parse)(text).map(str::to_string),
        Kind::Phone => one_number(text, fields),
        // Day-first or month-first cannot be told apart outside the US & Canada: kept as
        // typed there, for the date's check to ask for YYYY-MM-DD.
        Kind::Date if text.contains('/') && fields.route() != super::countries::Route::UsCanada => {
            None
        }
        Kind::Date => rules::port_date::parse_date(text).map(|d| d.to_string()),
        Kind::Time => rules::port_time::parse_time(text).map(|t| t.strftime("%H:%M").to_string()),
        Kind::Region => rules::check_region(text, fields.address_country()).ok(),
        Kind::PostalCode => rules::check_postal_code(text, fields.address_country()).ok(),
        Kind::Identifier(name) => fields
            .rules_country()
            .rules()
            .and_then(|c| c.identifier(name))
            .and_then(|rule| rule.check(text).ok()),
        Kind::Text | Kind::Secret | Kind::List | Kind::Numbers | Kind::Usages => None,
    };
    Ok(FieldValue::Text(normal.unwrap_or_else(|| text.to_string())))
}

/// The address fields a change of country can change.
const FOLLOWS_COUNTRY: [FieldKey; 3] = [
    FieldKey::ServiceAddressCountry,
    FieldKey::ServiceAddressState,
    FieldKey::ServiceAddressPostalCode,
];

/// After `key` changed in `after` (from `before`): the service address takes the order's country
/// while it has none of its own (or had the order's old one), and the state and postal code
/// typed before the country was known are normalised for it ("Ontario" → "ON").
fn follow_country(after: &mut OrderFields, key: FieldKey, before: &OrderFields) {
    if !matches!(key, FieldKey::Country | FieldKey::ServiceAddressCountry) {
        return;
    }
    if key == FieldKey::Country {
        let address = after.service_address.country.trim();
        if (address.is_empty() || address == before.country) && after.country_choice().is_some() {
            after.service_address.country = after.country.clone();
        }
    }
    if after.address_country() == before.address_country() {
        return;
    }
    for key in [
        FieldKey::ServiceAddressState,
        FieldKey::ServiceAddressPostalCode,
    ] {
        let typed = after.get(key);
        if let Ok(normal) = normalise(key, typed, after) {
            after.set(key, normal);
        }
    }
}

/// A list's items, trimmed, blanks dropped, capped in count and length. Counting comes before
/// any parsing, so 100,000 pasted numbers are refused at once.
fn list_items(key: FieldKey, input: FieldValue) -> Result<Vec<String>, EditRefusal> {
    // Counted before anything is copied or parsed: a list of 100,000 is refused at once.
    let count = match &input {
        FieldValue::List(items) => items.iter().filter(|i| !i.trim().is_empty()).count(),
        FieldValue::Text(t) => t
            .split([';', ',', '\n'])
            .filter(|i| !i.trim().is_empty())
            .count(),
    };
    if count > list_limit(key) {
        return Err(EditRefusal::TooMany { key, count });
    }
    let items: Vec<String> = match input {
        FieldValue::List(items) => items.iter().flat_map(|i| split_list(i)).collect(),
        FieldValue::Text(t) => split_list(&t),
    };
    let items: Vec<String> = items
        .iter()
        .map(|i| crate::domain::sanitize::value_text(i).trim().to_string())
        .filter(|i| !i.is_empty())
        .collect();
    if items.len() > list_limit(key) {
        return Err(EditRefusal::TooMany {
            key,
            count: items.len(),
        });
    }
    if let Some(len) = items
        .iter()
        .map(|i| i.chars().count())
        .find(|n| *n > TEXT_LIMIT)
    {
        return Err(EditRefusal::TooLong { key, len });
    }
    Ok(items)
}

/// The numbers in E.164, each once; an item that is not all valid numbers of the order is kept
/// whole as typed, for its problem to be shown. Linear in the number of items.
fn normalise_numbers(items: &[String], fields: &OrderFields) -> Vec<String> {
    let mut parser = rules::NumberParser::new(fields.rules_country(), fields.number_type_choice());
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if let Some(numbers) = parser.valid_numbers(item) {
            out.extend(numbers.into_iter().filter(|n| seen.insert(n.clone())));
        } else if seen.insert(item.clone()) {
            out.push(item.clone());
        }
    }
    out
}

/// One valid number in E.164, or `None` when the text is not exactly one.
fn one_number(text: &str, fields: &OrderFields) -> Option<String> {
    let report = rules::parse_numbers(text, fields.rules_country(), None);
    match report.entries.as_slice() {
        [one] if one.is_valid() => one.e164.clone(),
        _ => None,
    }
}

/// The problems `key` would have with `typed` stored in it, normalised as the edit operation
/// would: what a form shows while a value is typed, so an error goes as soon as the value is
/// fixed. `None` when the edit would be refused (too long, a mask): the last check stands.
pub fn check_typed(
    key: FieldKey,
    typed: &str,
    fields: &OrderFields,
    today: jiff::civil::Date,
) -> Option<Vec<Problem>> {
    let value = normalise(key, FieldValue::Text(typed.to_string()), fields).ok()?;
    let mut after = fields.clone();
    after.set(key, value);
    follow_country(&mut after, key, fields);
    Some(check_field(key, &after, today))
}

impl Order {
    /// Change one field through the edit operation (`domain::edit`), as a visit of its own.
    /// Returns whether anything changed.
    pub fn edit(
        &mut self,
        key: FieldKey,
        value: FieldValue,
        now: Timestamp,
    ) -> Result<bool, Refusal> {
        let clock = Clock {
            now,
            today: super::rules::today_in_eastern(now),
        };
        self.edit_field(&mut Visit::new(), key, value, clock, Mode::KeepDraft)
            .map(|e| e.changed)
            .map_err(Refusal::from)
    }

    /// The edit operation: normalise `input` for `key`, apply it and record it in `visit`'s
    /// history entry; the field's problems come back. Refused outside draft and customer action
    /// required, beyond the caps, for a mask, and (in `Mode::RefuseErrors`) when the field would
    /// have errors; a refused edit changes nothing.
    pub fn edit_field(
        &mut self,
        visit: &mut Visit,
        key: FieldKey,
        input: FieldValue,
        clock: Clock,
        mode: Mode,
    ) -> Result<Edited, EditRefusal> {
        self.ensure_editable()
            .map_err(|r| EditRefusal::NotEditable(r.to_string()))?;
        let value = normalise(key, input, &self.fields)?;
        let mut after = self.fields.clone();
        after.set(key, value);
        follow_country(&mut after, key, &self.fields);
        let problems = check_field(key, &after, clock.today);
        refuse_errors(mode, &problems)?;
        let changed = self.apply(visit, key, after, clock.now);
        Ok(Edited { changed, problems })
    }

    /// Several edits as one (one command): each is applied in turn, then, in
    /// `Mode::RefuseErrors`, the fields touched are checked together, so values that only make
    /// sense together (a full port and its BTN) are taken together. All or nothing.
    pub fn edit_fields(
        &mut self,
        visit: &mut Visit,
        edits: Vec<(FieldKey, FieldValue)>,
        clock: Clock,
        mode: Mode,
    ) -> Result<Edited, EditRefusal> {
        let mut trial = self.clone();
        let mut trial_visit = visit.clone();
        let mut changed = false;
        let mut keys = Vec::new();
        for (key, input) in edits {
            changed |= trial
                .edit_field(&mut trial_visit, key, input, clock, Mode::KeepDraft)?
                .changed;
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        let problems: Vec<Problem> = keys
            .iter()
            .flat_map(|k| check_field(*k, &trial.fields, clock.today))
            .collect();
        refuse_errors(mode, &problems)?;
        *self = trial;
        *visit = trial_visit;
        Ok(Edited { changed, problems })
    }

    /// Store the fields `after` (differing from the order's in `key` at most) and record it.
    fn apply(
        &mut self,
        visit: &mut Visit,
        key: FieldKey,
        after: OrderFields,
        now: Timestamp,
    ) -> bool {
        let before = self.fields.get(key);
        let value = after.get(key);
        if before == value {
            return false;
        }
        let followed: Vec<Change> = FOLLOWS_COUNTRY
            .iter()
            .filter(|k| **k != key)
            .filter_map(|k| {
                let (was, now) = (self.fields.get(*k), after.get(*k));
                (was != now).then(|| Change::new(*k, &was.to_line(), &now.to_line()))
            })
            .collect();
        self.fields = after;
        if key == FieldKey::Pin {
            self.pin_changed_since_submission = self.submitted_fields.is_some();
            if value.is_empty() {
                // Clearing the PIN removes every copy the order keeps, the CSR's too.
                self.csr.remove(&FieldKey::Pin);
            }
        }
        if key == FieldKey::Loa && !value.is_empty() {
            // Recording a (new) signed LOA means it covers the fields as they are now.
            self.loa_signed_fields = Some(self.snapshot());
        }
        let change = Change::new(key, &before.to_line(), &value.to_line());
        self.record_edit(visit, change, now);
        for change in followed {
            self.record_edit(visit, change, now);
        }
        true
    }

    /// Add a change to the visit's "edited" entry, else start one. A field changed back to
    /// where the visit found it drops out. A visit with an id moves its entry to the end (it
    /// holds its latest edit); one without adds to its entry only while it is the last.
    fn record_edit(&mut self, visit: &mut Visit, change: Change, now: Timestamp) {
        self.updated_at = now;
        let Some(mut entry) = self.visit_entry(visit).map(|i| self.history.remove(i)) else {
            self.history.push(HistoryEntry {
                at: now,
                event: Event::Edited,
                from: None,
                to: None,
                note: edited_note(&self.fields, std::slice::from_ref(&change)),
                changes: vec![change],
                visit: visit.entry_id(),
                by: None,
            });
            visit.entry = Some(self.history.len() - 1);
            return;
        };
        match entry.changes.iter().position(|c| c.key == change.key) {
            Some(i) => match entry.changes[i].then(&change) {
                Some(merged) => entry.changes[i] = merged,
                None => {
                    entry.changes.remove(i);
                }
            },
            None => entry.changes.push(change),
        }
        entry.at = now;
        entry.note = edited_note(&self.fields, &entry.changes);
        visit.entry = None;
        if !entry.changes.is_empty() {
            self.history.push(entry);
            visit.entry = Some(self.history.len() - 1);
        }
    }

    /// Where the visit's open entry stands in history: for a visit with an id, its entry by id
    /// unless a transition came after it (then the visit's next part begins); for one without,
    /// its entry while it is the last.
    fn visit_entry(&self, visit: &mut Visit) -> Option<usize> {
        let Some(mut id) = visit.entry_id() else {
            return visit
                .entry
                .filter(|i| i + 1 == self.history.len())
                .filter(|i| self.history[*i].event == Event::Edited);
        };
        loop {
            let i = self
                .history
                .iter()
                .rposition(|e| e.visit.as_deref() == Some(id.as_str()))?;
            if self.history[i + 1..]
                .iter()
                .all(|e| e.event == Event::Edited)
            {
                return Some(i);
            }
            visit.part += 1;
            id = visit.entry_id()?;
        }
    }

    /// A new draft from the fields of a document (`new --from`, `import`): each field goes
    /// through the edit operation's normalising, in registry order (the country before the
    /// numbers it decides). Values refused (a mask, too long) are left out and returned.
    pub fn from_fields(id: String, raw: &OrderFields, now: Timestamp) -> (Order, Vec<EditRefusal>) {
        let mut order = Order::new(id, OrderFields::default(), now);
        let mut refused = Vec::new();
        for field in FIELDS {
            let input = raw.get(field.key);
            if input.is_empty() {
                continue;
            }
            match normalise(field.key, input, &order.fields) {
                Ok(value) => order.fields.set(field.key, value),
                Err(e) => refused.push(e),
            }
        }
        if !order.fields.loa.is_empty() {
            // As the edit operation says: a signed LOA covers the fields as they are now.
            order.loa_signed_fields = Some(order.snapshot());
        }
        (order, refused)
    }
}

/// "Changed Port date, Port time (local time in France (Europe/Paris))": the labels as the
/// order's wizard shows them.
pub(crate) fn edited_note(fields: &OrderFields, changes: &[Change]) -> String {
    let labels: Vec<_> = changes
        .iter()
        .map(|c| spec(c.key).label_for(fields))
        .collect();
    format!("Changed {}", labels.join(", "))
}

/// In `Mode::RefuseErrors`, the errors among `problems` refuse the edit, with their messages.
fn refuse_errors(mode: Mode, problems: &[Problem]) -> Result<(), EditRefusal> {
    if mode != Mode::RefuseErrors {
        return Ok(());
    }
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.message.clone())
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(EditRefusal::Invalid(errors))
    }
}

#[cfg(test)]
mod country_tests;
#[cfg(test)]
mod tests;
