//! A port order: its fields, status, the carrier's answers and its history. The methods here are
//! the only way the status changes, so every transition is checked and recorded.

use super::edit::{Mode, TEXT_LIMIT, Visit};
use super::fields::{FieldValue, OrderFields};
use super::history::{Change, Event, HistoryEntry};
use super::key::FieldKey;
use super::registry::{FIELDS, spec};
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
            history: vec![HistoryEntry {
                at: now,
                event: Event::Created,
                from: None,
                to: Some(Status::Draft),
                note: "Draft created".into(),
                changes: Vec::new(),
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

    /// Record what the Customer Service Record says for a field (empty clears it).
    /// A mask (`••••`, from an export without secrets) is never taken as a value.
    pub fn set_csr(&mut self, key: FieldKey, value: &str, now: Timestamp) {
        // Stored in the order's normal form ("Washington" → "WA", numbers in E.164), so the
        // comparison with the order's value is of like with like.
        let normal = super::edit::normalise(key, FieldValue::Text(value.to_string()), &self.fields)
            .map(|v| v.to_line())
            .unwrap_or_else(|_| value.trim().to_string());
        let value = normal.as_str();
        let old = self.csr.get(&key).cloned().unwrap_or_default();
        if old == value || super::edit::is_mask(value) || value.chars().count() > TEXT_LIMIT {
            return;
        }
        if value.is_empty() {
            self.csr.remove(&key);
        } else {
            self.csr.insert(key, value.to_string());
        }
        let change = Change::new(key, &old, value);
        self.record(
            now,
            Event::CsrRecorded,
            None,
            format!("CSR value for {}", spec(key).label),
            vec![change],
        );
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

    /// Draft → submitted, when nothing blocks it.
    pub fn submit(&mut self, clock: Clock) -> Result<(), Refusal> {
        self.ensure_transition(Status::Submitted, Status::Draft, "submit")?;
        self.ensure_complete(clock)?;
        // The PIN stays in `fields` alone: a snapshot never holds it.
        self.submitted_fields = Some(self.snapshot());
        self.pin_changed_since_submission = false;
        self.transition(
            clock.now,
            Status::Submitted,
            Event::Submitted,
            "Submitted to the current carrier".into(),
            Vec::new(),
        );
        Ok(())
    }

    /// Customer action required → submitted, after fixing what the carrier named.
    pub fn resubmit(&mut self, clock: Clock) -> Result<(), Refusal> {
        self.ensure_transition(
            Status::Submitted,
            Status::CustomerActionRequired,
            "resubmit",
        )?;
        self.ensure_complete(clock)?;
        let changes = self.changes_since_submission();
        if let Some(last) = self.rejections.last_mut() {
            last.changes_before_resubmit = changes.clone();
        }
        self.submitted_fields = Some(self.snapshot());
        self.pin_changed_since_submission = false;
        let note = if changes.is_empty() {
            "Resubmitted without changes".to_string()
        } else {
            format!("Resubmitted with {} change(s)", changes.len())
        };
        self.transition(
            clock.now,
            Status::Submitted,
            Event::Resubmitted,
            note,
            changes,
        );
        Ok(())
    }

    /// The carrier rejected the order → customer action required.
    pub fn reject(&mut self, input: RejectionInput, now: Timestamp) -> Result<(), Refusal> {
        if !self.status.can_go_to(Status::CustomerActionRequired) {
            return Err(self.refuse_status(
                "record a rejection for",
                "Submitted, FOC confirmed or Microsoft support engaged",
            ));
        }
        let labels: Vec<&str> = input.fields.iter().map(|k| spec(*k).label).collect();
        let note = if labels.is_empty() {
            "Rejected by the carrier (no field named)".to_string()
        } else {
            format!("Rejected by the carrier: {}", labels.join(", "))
        };
        self.rejections.push(Rejection {
            at: now,
            text: input.text,
            fields: input.fields,
            rules: input.rules,
            action: input.action,
            needs_carrier_contact: input.needs_carrier_contact,
            key_sentence: input.key_sentence,
            changes_before_resubmit: Vec::new(),
        });
        self.foc = None;
        self.transition(
            now,
            Status::CustomerActionRequired,
            Event::Rejected,
            note,
            Vec::new(),
        );
        Ok(())
    }

    /// The carrier confirmed a port date → FOC confirmed.
    pub fn confirm_foc(
        &mut self,
        date: Date,
        time: Option<Time>,
        now: Timestamp,
    ) -> Result<(), Refusal> {
        let when = match time {
            Some(t) => format!("{date} {}", t.strftime("%H:%M")),
            None => date.to_string(),
        };
        // The carrier moved the date: a revised FOC, recorded beside the first one.
        if self.status == Status::FocConfirmed {
            let before = self.foc.as_ref().map(Foc::describe).unwrap_or_default();
            self.foc = Some(Foc { date, time });
            self.record(
                now,
                Event::FocConfirmed,
                None,
                format!("The carrier revised the port date: now {when} (was {before})"),
                Vec::new(),
            );
            return Ok(());
        }
        if !self.status.can_go_to(Status::FocConfirmed) {
            return Err(self.refuse_status(
                "confirm an FOC for",
                "Submitted, Microsoft support engaged or FOC confirmed (a revised FOC)",
            ));
        }
        let mut note = format!("The carrier committed to port on {when}");
        if let Ok(requested) = self.fields.port_date.trim().parse::<Date>()
            && requested != date
        {
            note.push_str(&format!(" (requested {requested})"));
        }
        self.foc = Some(Foc { date, time });
        self.transition(
            now,
            Status::FocConfirmed,
            Event::FocConfirmed,
            note,
            Vec::new(),
        );
        Ok(())
    }

    /// The numbers ported → completed.
    pub fn complete(&mut self, now: Timestamp) -> Result<(), Refusal> {
        if !self.status.can_go_to(Status::Completed) {
            return Err(
                self.refuse_status("complete", "FOC confirmed (record the carrier's FOC first)")
            );
        }
        self.transition(
            now,
            Status::Completed,
            Event::Completed,
            "The numbers ported".into(),
            Vec::new(),
        );
        Ok(())
    }

    /// Microsoft support took the order over.
    pub fn engage_support(
        &mut self,
        scenario: SupportScenario,
        ticket: Option<String>,
        now: Timestamp,
    ) -> Result<(), Refusal> {
        if !self.status.can_go_to(Status::SupportEngaged) {
            return Err(self.refuse_status(
                "engage support for",
                "Submitted, Customer action required or FOC confirmed",
            ));
        }
        if let Some(t) = ticket.filter(|t| !t.trim().is_empty()) {
            self.ticket = Some(t.trim().to_string());
        }
        self.support = Some(Support {
            scenario,
            since: now,
        });
        self.transition(
            now,
            Status::SupportEngaged,
            Event::SupportEngaged,
            scenario.description().into(),
            Vec::new(),
        );
        Ok(())
    }

    /// Record a support ticket id or link.
    pub fn set_ticket(&mut self, ticket: &str, now: Timestamp) -> Result<(), Refusal> {
        let ticket = ticket.trim();
        if ticket.is_empty() {
            return Err(Refusal::new("A ticket needs an id or a link."));
        }
        self.ticket = Some(ticket.to_string());
        self.record(
            now,
            Event::Ticket,
            None,
            format!("Support ticket {ticket}"),
            Vec::new(),
        );
        Ok(())
    }

    /// → cancelled; refused for final orders and within 24 hours of a confirmed FOC.
    pub fn cancel(&mut self, now: Timestamp) -> Result<(), Refusal> {
        if self.status.is_final() {
            return Err(Refusal::new(format!(
                "Cannot cancel order {}: it is {}, and a completed or cancelled order is final.",
                self.id,
                self.status.label()
            )));
        }
        if let Some(start) = self.foc_instant()
            && self.status == Status::FocConfirmed
            && now.as_second() >= start.as_second() - 24 * 3600
        {
            return Err(Refusal::new(format!(
                "Order {} cannot be cancelled: the port is confirmed for {} and cancellation closes 24 hours before it. Contact the carrier or Microsoft support.",
                self.id,
                self.foc
                    .as_ref()
                    .map(|f| f.date.to_string())
                    .unwrap_or_default()
            )));
        }
        self.transition(
            now,
            Status::Cancelled,
            Event::Cancelled,
            "Cancelled".into(),
            Vec::new(),
        );
        Ok(())
    }

    /// When the confirmed port happens (US Eastern; 00:00 when the carrier gave no time).
    pub fn foc_instant(&self) -> Option<Timestamp> {
        let foc = self.foc.as_ref()?;
        let time = foc.time.unwrap_or(Time::midnight());
        let tz = jiff::tz::TimeZone::get("America/New_York")
            .unwrap_or(jiff::tz::TimeZone::fixed(jiff::tz::offset(-5)));
        foc.date
            .to_datetime(time)
            .to_zoned(tz)
            .ok()
            .map(|z| z.timestamp())
    }

    /// The readiness check's errors refuse the transition.
    fn ensure_complete(&self, clock: Clock) -> Result<(), Refusal> {
        let errors = super::readiness::blocking(self, clock.today);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Refusal { reasons: errors })
        }
    }

    fn ensure_transition(&self, to: Status, expected: Status, verb: &str) -> Result<(), Refusal> {
        if self.status == expected && self.status.can_go_to(to) {
            Ok(())
        } else {
            Err(self.refuse_status(verb, expected.label()))
        }
    }

    fn refuse_status(&self, verb: &str, allowed: &str) -> Refusal {
        Refusal::new(format!(
            "Cannot {verb} order {}: it is {}; this is possible only when it is {allowed}.",
            self.id,
            self.status.label()
        ))
    }

    fn transition(
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

    fn record(
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
