//! What a lifecycle step should make the user stop and look at: a port date the carrier cannot
//! mean, a completion before the port, a resubmission that changes nothing.

use super::history::Event;
use super::order::{Order, Refusal};
use super::rules::Country;
use super::rules::port_date::holiday_kind;
use super::status::Status;
use jiff::civil::Date;

/// Warnings about a FOC date the carrier gave: carriers port on business days, so a weekend or a
/// public holiday of the order's country is most likely a typo or a misread e-mail.
pub fn foc_warnings(country: Country, date: Date) -> Vec<String> {
    let holiday = country.rules().and_then(|r| r.holiday_on(date));
    let why = match (date.weekday(), holiday) {
        (jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday, _) => {
            format!("a {:?}", date.weekday())
        }
        (_, Some(holiday)) => format!("{}, {}", holiday.display_name(), holiday_kind(country)),
        (_, None) => return Vec::new(),
    };
    vec![format!(
        "the FOC date {date} is {why}: carriers port on business days; check the carrier's \
         confirmation"
    )]
}

impl Order {
    /// [`foc_warnings`], and a FOC dated before the order's latest (re)submission (in the
    /// carrier's zone):
    /// no carrier confirms a port for a day before it got the order, so the date is misread or
    /// last year's typed by habit.
    pub fn foc_date_warnings(&self, date: Date) -> Vec<String> {
        let mut warnings = foc_warnings(self.fields.rules_country(), date);
        let zone = self.fields.carrier_zone();
        let submitted = self
            .history
            .iter()
            .rev()
            .find(|e| matches!(e.event, Event::Submitted | Event::Resubmitted))
            .map(|e| e.at.to_zoned(zone.clone()).date());
        if let Some(day) = submitted.filter(|day| date < *day) {
            warnings.push(format!(
                "the FOC date {date} is before the order was submitted ({day}): check the \
                 year and the carrier's confirmation"
            ));
        }
        warnings
    }

    /// Warnings before recording the port as done at `now` (its day in the carrier's zone).
    pub fn completion_warnings(&self, now: jiff::Timestamp) -> Vec<String> {
        let today = now.to_zoned(self.fields.carrier_zone()).date();
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
        assert!(foc_warnings(Country::Us, date(2026, 12, 8)).is_empty());
        let saturday = foc_warnings(Country::Us, date(2026, 12, 12)).join(" ");
        assert!(saturday.contains("Saturday"), "{saturday}");
        let christmas = foc_warnings(Country::Us, date(2026, 12, 25)).join(" ");
        assert!(christmas.contains("Christmas"), "{christmas}");
    }

    /// A FOC follows the order's country: Boxing Day is no business day in the UK, US
    /// Thanksgiving is one there.
    #[test]
    fn a_foc_is_checked_against_the_orders_countrys_holidays() {
        let uk: Country = "GB".parse().unwrap_or(Country::Us);
        assert_ne!(uk, Country::Us);
        let boxing_day = foc_warnings(uk, date(2026, 12, 28)).join(" ");
        assert!(
            boxing_day.contains("a public holiday in the United Kingdom"),
            "{boxing_day}"
        );
        assert!(foc_warnings(uk, date(2026, 11, 26)).is_empty());
        let thanksgiving = foc_warnings(Country::Us, date(2026, 11, 26)).join(" ");
        assert!(
            thanksgiving.contains("US federal holiday"),
            "{thanksgiving}"
        );
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
        order
            .history
            .push(crate::domain::history::HistoryEntry::new(
                clock.now,
                Event::Submitted,
            ));
        let early = order.foc_date_warnings(date(2025, 12, 8)).join(" ");
        assert!(
            early.contains("before the order was submitted (2026-11-26)"),
            "{early}"
        );
        assert!(order.foc_date_warnings(date(2026, 12, 8)).is_empty());
    }
}
