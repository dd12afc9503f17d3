//! The only way an order's status changes: each transition is checked (the status it comes
//! from, and for a submission the readiness check) and recorded in the history.

use super::history::Event;
use super::order::{Clock, Foc, Order, Refusal, Rejection, RejectionInput, Support};
use super::readiness;
use super::registry::spec;
use super::status::{Status, SupportScenario};
use jiff::Timestamp;
use jiff::civil::{Date, Time};

impl Order {
    /// Draft → submitted, when nothing blocks it.
    pub fn submit(&mut self, clock: Clock) -> Result<(), Refusal> {
        self.ensure_transition(Status::Submitted, Status::Draft, "submit")?;
        self.ensure_complete(clock)?;
        // The PIN stays in `fields` alone: a snapshot never holds it.
        self.submitted_fields = Some(self.snapshot());
        self.pin_changed_since_submission = false;
        // The marks answered the last submission; this one is the carrier's to answer afresh.
        self.number_marks.clear();
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
        self.number_marks.clear();
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
        let mut note = if labels.is_empty() {
            "Rejected by the carrier (no field named)".to_string()
        } else {
            format!("Rejected by the carrier: {}", labels.join(", "))
        };
        let mut text = input.text;
        crate::domain::sanitize::cut_to(&mut text, CARRIER_TEXT_LIMIT);
        let named = self.numbers_named_in(&text);
        if !named.is_empty() {
            let numbers: Vec<String> = named.iter().map(|n| n.number.clone()).collect();
            note.push_str(&format!(
                "; {} number(s) marked: {}",
                numbers.len(),
                super::move_out::numbers_in_words(&numbers)
            ));
        }
        self.mark_numbers(&named, now);
        self.rejections.push(Rejection {
            at: now,
            text,
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
        // Checked before anything changes: an over-long ticket refuses the whole step.
        let ticket = match ticket.as_deref().map(ticket_text) {
            Some(Ok(t)) if !t.is_empty() => Some(t),
            Some(Err(refusal)) => return Err(refusal),
            _ => None,
        };
        if let Some(t) = ticket {
            self.ticket = Some(t);
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
        let ticket = ticket_text(ticket)?;
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

    /// The readiness check's errors refuse the transition.
    fn ensure_complete(&self, clock: Clock) -> Result<(), Refusal> {
        let errors = readiness::blocking(self, clock.today);
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
}

/// The longest support ticket id or link kept, in characters: a text field's cap.
pub const TICKET_LIMIT: usize = super::edit::TEXT_LIMIT;

/// The longest carrier's text kept with a rejection, in bytes: what `reject --text` accepts. A
/// longer one (a paste in the app) is cut, so no order outgrows the store's read cap.
pub const CARRIER_TEXT_LIMIT: usize = 64 * 1024;

/// A ticket id or link as it is stored: cleaned as a field value is (no escape sequence,
/// control, bidi or zero-width character; one line), trimmed; refused over `TICKET_LIMIT`.
pub fn ticket_text(raw: &str) -> Result<String, Refusal> {
    let ticket = super::sanitize::value_text(raw).trim().to_string();
    let count = ticket.chars().count();
    if count > TICKET_LIMIT {
        return Err(Refusal::new(format!(
            "A ticket id or link takes at most {} characters (this one has {}); nothing was recorded.",
            crate::domain::rules::text::thousands(TICKET_LIMIT),
            crate::domain::rules::text::thousands(count)
        )));
    }
    Ok(ticket)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_orders::{complete_order, day, rejection};

    #[test]
    fn a_carrier_text_is_kept_up_to_its_cap() {
        let mut order = complete_order("PO-CAP", "Contoso", 0);
        order.status = Status::Submitted;
        let mut input = rejection(&[]);
        input.text = "PIN mismatché ".repeat(10_000);
        order.reject(input, day(1).now).unwrap();
        let stored = &order.rejections[0].text;
        assert!(stored.len() <= CARRIER_TEXT_LIMIT, "{}", stored.len());
        assert!(stored.starts_with("PIN mismatché PIN"));
    }

    #[test]
    fn a_ticket_is_cleaned_and_capped() {
        assert_eq!(
            ticket_text(" T\u{1b}[2J-1\u{7}\u{202e}\u{200b}\nx ").unwrap(),
            "T-1 x"
        );
        let refusal = ticket_text(&"t".repeat(TICKET_LIMIT + 1)).unwrap_err();
        assert!(
            refusal.reasons[0].contains("1,000 characters"),
            "{refusal:?}"
        );
        assert_eq!(
            ticket_text(&"t".repeat(TICKET_LIMIT)).unwrap().len(),
            TICKET_LIMIT
        );
    }
}
