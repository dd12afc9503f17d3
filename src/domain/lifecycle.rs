//! What a lifecycle step should make the user stop and look at: a port date the carrier cannot
//! mean, a completion before the port, a resubmission that changes nothing.

use super::history::Event;
use super::order::{Order, Refusal};
use super::rules::holidays::holiday_name;
use super::rules::port_date::{is_business_day, today_in_eastern};
use super::status::Status;
use jiff::civil::Date;

/// Warnings about a FOC date the carrier gave: carriers port on business days, so a weekend or a
/// federal holiday is most likely a typo or a misread e-mail.
pub fn foc_warnings(date: Date) -> Vec<String> {
    if is_business_day(date) {
        return Vec::new();
    }
    let why = match holiday_name(date) {
        Some(holiday) => format!("{holiday}, a US federal holiday"),
        None => format!("a {:?}", date.weekday()),
    };
    vec![format!(
        "the FOC date {date} is {why}: carriers port on business days; check the carrier's \
         confirmation"
    )]
}

impl Order {
    /// [`foc_warnings`], and a FOC dated before the order's latest (re)submission (US Eastern):
    /// no carrier confirms a port for a day before it got the order, so the date is misread or
    /// last year's typed by habit.
    pub fn foc_date_warnings(&self, date: Date) -> Vec<String> {
        let mut warnings = foc_warnings(date);
        let submitted = self
            .history
            .iter()
            .rev()
            .find(|e| matches!(e.event, Event::Submitted | Event::Resubmitted))
            .map(|e| today_in_eastern(e.at));
        if let Some(day) = submitted.filter(|day| date < *day) {
            warnings.push(format!(
                "the FOC date {date} is before the order was submitted ({day}): check the \
                 year and the carrier's confirmation"
            ));
        }
        warnings
    }

    /// Warnings before recording the port as done on `today` (US Eastern).
    pub fn completion_warnings(&self, today: Date) -> Vec<String> {
        match &self.foc {
            Some(foc) if today < foc.date => vec![format!(
                "today ({today}) is before the FOC date {}: the numbers normally port on that \
                 date; make sure they really moved",
                foc.date
            )],
            _ => Vec::new(),
        }
    }

    /// A rejected order resubmitted with no change is rejected again, unless what the carrier
    /// objected to was lifted on its side (a freeze): refuse unless the user says so.
    pub fn ensure_changed_since_rejection(&self) -> Result<(), Refusal> {
        if self.status == Status::CustomerActionRequired
            && self.changes_since_submission().is_empty()
        {
            return Err(Refusal::new(format!(
                "Order {} has not changed since the carrier rejected it, so the carrier would \
                 reject it again. Fix the fields it named first; or, if nothing needs fixing \
                 (the carrier lifted a freeze or a hold on its side), resubmit with --unchanged.",
                self.id
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_weekend_or_a_holiday_foc_is_named_and_a_business_day_is_not() {
        assert!(foc_warnings(date(2026, 12, 8)).is_empty());
        let saturday = foc_warnings(date(2026, 12, 12)).join(" ");
        assert!(saturday.contains("Saturday"), "{saturday}");
        let christmas = foc_warnings(date(2026, 12, 25)).join(" ");
        assert!(christmas.contains("Christmas"), "{christmas}");
    }

    #[test]
    fn a_foc_before_the_latest_submission_is_named_and_one_after_it_is_not() {
        use crate::domain::{Clock, FieldValue, OrderFields};
        let clock = Clock::fixed(date(2026, 11, 26));
        let mut fields = OrderFields::default();
        fields.set(
            crate::domain::FieldKey::OrderName,
            FieldValue::Text("x".into()),
        );
        let mut order = Order::new("PO-TEST0001".into(), fields, clock.now);
        assert!(
            order.foc_date_warnings(date(2025, 12, 8)).is_empty(),
            "not submitted"
        );
        order.history.push(crate::domain::history::HistoryEntry {
            at: clock.now,
            event: Event::Submitted,
            from: None,
            to: None,
            note: String::new(),
            changes: Vec::new(),
            visit: None,
            by: None,
        });
        let early = order.foc_date_warnings(date(2025, 12, 8)).join(" ");
        assert!(
            early.contains("before the order was submitted (2026-11-26)"),
            "{early}"
        );
        assert!(order.foc_date_warnings(date(2026, 12, 8)).is_empty());
    }
}
