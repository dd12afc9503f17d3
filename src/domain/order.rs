//! A port order: its fields, status, the carrier's answers and its history. The methods here are
//! the only way the status changes, so every transition is checked and recorded.

use super::assignment::Plan;
use super::fields::OrderFields;
use super::history::{Change, Event, HistoryEntry};
use super::key::FieldKey;
use super::number_marks::NumberMark;
use super::registry::FIELDS;
use super::status::{Status, SupportScenario};
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The clock the domain reads: passed in, so date rules are tested on fixed dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now: Timestamp,
    pub today: Date,
}

impl Clock {
    /// A fixed clock at noon UTC of `today`.
    pub fn fixed(today: Date) -> Clock {
        let now = today
            .at(12, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH);
        Clock { now, today }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub id: String,
    pub status: Status,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub fields: OrderFields,
    /// What the carrier's Customer Service Record says, by field, as the user entered it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub csr: BTreeMap<FieldKey, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejections: Vec<Rejection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foc: Option<Foc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Support>,
    /// A Microsoft support ticket id or link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<String>,
    /// The fields as last submitted: "what changed since" is measured against it. Snapshots
    /// never hold the PIN (the order file keeps it once, in `fields`); whether it changed since
    /// is `pin_changed_since_submission`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_fields: Option<OrderFields>,
    /// The fields when the LOA was last recorded as signed (without the PIN): an LOA-covered
    /// field that differs from it needs a new signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loa_signed_fields: Option<OrderFields>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pin_changed_since_submission: bool,
    /// Who each number goes to in Teams once ported (`domain::assign`): absent from files
    /// written before it (docs/storage.md), cleaned and capped on the way in.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::assignment::read_plan"
    )]
    pub assignments: Plan,
    /// What the carrier said of single numbers, by number in E.164 (`domain::number_marks`):
    /// left out of the file while empty (docs/storage.md), so older files read as they are.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub number_marks: BTreeMap<String, NumberMark>,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// The store's revision this copy was read or saved at (0: never saved): which copy it is,
    /// not what it says. A save is based on it, so an edit made in a screen knows what it
    /// started from. Kept at the file's top level by the store, never in the order's own JSON.
    #[serde(skip)]
    pub revision: Revision,
}

/// The revision a copy of an order was read at. Two copies that say the same are the same
/// order whatever revision each was read at: it is left out of equality.
#[derive(Debug, Clone, Copy, Default)]
pub struct Revision(pub u64);

impl PartialEq for Revision {
    fn eq(&self, _other: &Revision) -> bool {
        true
    }
}

/// A carrier rejection, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rejection {
    pub at: Timestamp,
    /// The carrier's words, raw: cleaned only when drawn or printed.
    pub text: String,
    pub fields: Vec<FieldKey>,
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub needs_carrier_contact: bool,
    /// The sentence of `text` that triggered the classifier's best match, shown first; none
    /// for rejections recorded before it was kept, or when no rule fired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_sentence: Option<String>,
    /// What the user changed before resubmitting (filled at resubmission).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes_before_resubmit: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Foc {
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Time>,
}

impl Foc {
    /// "2026-12-08 10:00", or the date alone when the carrier gave no time.
    pub fn describe(&self) -> String {
        match self.time {
            Some(t) => format!("{} {}", self.date, t.strftime("%H:%M")),
            None => self.date.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Support {
    pub scenario: SupportScenario,
    pub since: Timestamp,
}

/// A refused action, with every reason in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .reasons.join("\n"))]
pub struct Refusal {
    pub reasons: Vec<String>,
}

impl Refusal {
    pub fn new(reason: impl Into<String>) -> Self {
        Refusal {
            reasons: vec![reason.into()],
        }
    }
}

/// What a rejection says, before it is recorded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RejectionInput {
    pub text: String,
    pub fields: Vec<FieldKey>,
    pub rules: Vec<String>,
    pub action: String,
    pub needs_carrier_contact: bool,
    /// The sentence that triggered the best match (`Classification::key_sentence_of`).
    pub key_sentence: Option<String>,
}

impl RejectionInput {
    /// What to record for `text` as the classifier read it, with the user's `fields` when they
    /// chose others: the advice follows the chosen fields.
    pub fn from_classification(
        text: String,
        c: &super::classifier::Classification,
        fields: Option<Vec<FieldKey>>,
        catalog: &super::classifier::Catalog,
    ) -> RejectionInput {
        let fields = fields.unwrap_or_else(|| c.fields.clone());
        RejectionInput {
            action: c.action_for(&fields, catalog),
            fields,
            rules: c.matches.iter().map(|m| m.rule.clone()).collect(),
            needs_carrier_contact: c.needs_carrier_contact,
            key_sentence: c.key_sentence_of(&text).map(str::to_string),
            text,
        }
    }
}

impl Order {
    pub fn new(id: String, fields: OrderFields, now: Timestamp) -> Order {
        Order {
            id,
            status: Status::Draft,
            created_at: now,
            updated_at: now,
            fields,
            csr: BTreeMap::new(),
            rejections: Vec::new(),
            foc: None,
            support: None,
            ticket: None,
            submitted_fields: None,
            loa_signed_fields: None,
            pin_changed_since_submission: false,
            assignments: Plan::new(),
            number_marks: BTreeMap::new(),
            history: vec![HistoryEntry {
                at: now,
                event: Event::Created,
                from: None,
                to: Some(Status::Draft),
                note: "Draft created".into(),
                changes: Vec::new(),
                visit: None,
                by: None,
            }],
            revision: Revision(0),
        }
    }

    /// The order's name, or a short stand-in made unique by the id (`auto_name`).
    pub fn display_name(&self) -> String {
        let name = self.fields.order_name.trim();
        if !name.is_empty() {
            return name.to_string();
        }
        super::auto_name::automatic_name(&self.id, &self.fields.numbers)
    }

    pub fn last_rejection(&self) -> Option<&Rejection> {
        self.rejections.last()
    }

    /// The fields the latest rejection named, while the order waits on the user.
    pub fn rejected_fields(&self) -> &[FieldKey] {
        match (self.status, self.last_rejection()) {
            (Status::CustomerActionRequired, Some(r)) => &r.fields,
            _ => &[],
        }
    }

    /// Whether a field differs from what was last submitted (e.g. fixed since the rejection).
    pub fn changed_since_submission(&self, key: FieldKey) -> bool {
        match &self.submitted_fields {
            None => false,
            Some(_) if key == FieldKey::Pin => self.pin_changed_since_submission,
            Some(sent) => sent.get(key) != self.fields.get(key),
        }
    }

    /// Changes since the last submission, PIN masked.
    pub fn changes_since_submission(&self) -> Vec<Change> {
        let Some(sent) = &self.submitted_fields else {
            return Vec::new();
        };
        let mut changes = diff_fields(sent, &self.fields);
        if self.pin_changed_since_submission {
            changes.push(Change::new(
                FieldKey::Pin,
                "before",
                self.fields.pin.expose(),
            ));
        }
        changes
    }

    /// LOA-covered fields changed after the LOA was signed: the LOA must be signed again.
    pub fn loa_needs_resigning(&self) -> Vec<FieldKey> {
        let Some(signed) = &self.loa_signed_fields else {
            return Vec::new();
        };
        FIELDS
            .iter()
            .filter(|f| f.loa && signed.get(f.key) != self.fields.get(f.key))
            .map(|f| f.key)
            .collect()
    }

    /// The fields as a snapshot keeps them: everything but the PIN.
    pub fn snapshot(&self) -> OrderFields {
        let mut fields = self.fields.clone();
        fields.pin = super::secret::Secret::default();
        fields
    }

    pub fn ensure_editable(&self) -> Result<(), Refusal> {
        if self.status.is_editable() {
            Ok(())
        } else {
            Err(Refusal::new(format!(
                "Order {} is {}: fields can be changed only in Draft or Customer action required.",
                self.id,
                self.status.label()
            )))
        }
    }

    /// When the confirmed port happens, in the carrier's zone (US Eastern on the US & Canada
    /// route, the country's own elsewhere; 00:00 when the carrier gave no time).
    pub fn foc_instant(&self) -> Option<Timestamp> {
        let foc = self.foc.as_ref()?;
        let time = foc.time.unwrap_or(Time::midnight());
        let tz = self.fields.carrier_zone();
        foc.date
            .to_datetime(time)
            .to_zoned(tz)
            .ok()
            .map(|z| z.timestamp())
    }

    pub(super) fn transition(
        &mut self,
        now: Timestamp,
        to: Status,
        event: Event,
        note: String,
        changes: Vec<Change>,
    ) {
        let from = self.status;
        self.status = to;
        self.record(now, event, Some((from, to)), note, changes);
    }

    pub(super) fn record(
        &mut self,
        now: Timestamp,
        event: Event,
        fromto: Option<(Status, Status)>,
        note: String,
        changes: Vec<Change>,
    ) {
        self.updated_at = now;
        self.history.push(HistoryEntry {
            at: now,
            event,
            from: fromto.map(|(f, _)| f),
            to: fromto.map(|(_, t)| t),
            note,
            changes,
            visit: None,
            by: None,
        });
    }

    /// How long the order has been in its current status.
    pub fn in_status_since(&self) -> Timestamp {
        self.history
            .iter()
            .rev()
            .find(|h| h.to == Some(self.status))
            .map(|h| h.at)
            .unwrap_or(self.created_at)
    }
}

/// Every field but the PIN (which snapshots do not hold) that differs between two sets of values.
pub fn diff_fields(before: &OrderFields, after: &OrderFields) -> Vec<Change> {
    FIELDS
        .iter()
        .filter(|f| !f.secret)
        .filter_map(|f| {
            let (a, b) = (before.get(f.key), after.get(f.key));
            (a != b).then(|| Change::new(f.key, &a.to_line(), &b.to_line()))
        })
        .collect()
}
