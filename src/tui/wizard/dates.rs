//! The port-date window shown under the port date field, from the domain's port-date rule
//! (business days ahead by country and size, weekends and US federal holidays skipped, at most
//! 30 calendar days ahead).

use crate::domain::rules::{self, Country};
use jiff::civil::Date;

/// The earliest and latest port dates allowed for an order of `number_count` numbers in
/// `country`, seen from `today`.
pub fn port_date_window(country: Country, number_count: usize, today: Date) -> (Date, Date) {
    let window = rules::port_date_window(today, country, number_count);
    (window.earliest, window.latest)
}

/// "earliest 2026-12-03, latest 2026-12-26"; outside the US & Canada, where no source states
/// a latest date, only the earliest.
pub fn window_hint(country: Country, number_count: usize, today: Date) -> String {
    let (earliest, latest) = port_date_window(country, number_count, today);
    if country.route() == crate::domain::countries::Route::UsCanada {
        format!("earliest {earliest}, latest {latest}")
    } else {
        format!(
            "earliest {earliest} (a business day in {})",
            country.in_sentence()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn five_business_days_skip_the_weekend() {
        // Thursday 2026-11-26 → Fri 27, Mon 30, Tue 1, Wed 2, Thu 3.
        let (earliest, latest) = port_date_window(Country::Us, 3, date(2026, 11, 26));
        assert_eq!(earliest, date(2026, 12, 3));
        // 2026-12-26 is a Saturday and the 25th Christmas: the latest business day is the 24th.
        assert_eq!(latest, date(2026, 12, 24));
        assert_eq!(
            port_date_window(Country::Ca, 3, date(2026, 11, 26)).0,
            date(2026, 12, 10)
        );
    }
}
