//! The port-date window shown under the port date field.
//!
//! Re-point seam: [`port_date_window`] is a small stand-in for `domain::rules`' port-date rule
//! (US: 5 business days ahead, Canada 10, weekends skipped; at most 30 calendar days ahead).
//! Holidays are not known here; the real rule will add them.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// The earliest and latest port dates allowed for an order in `country`, seen from `today`.
pub fn port_date_window(country: &str, today: Date) -> (Date, Date) {
    let business_days = if country.trim().eq_ignore_ascii_case("CA") {
        10
    } else {
        5
    };
    let mut earliest = today;
    let mut counted = 0;
    while counted < business_days {
        earliest = earliest.checked_add(1.day()).unwrap_or(earliest);
        if !matches!(earliest.weekday(), Weekday::Saturday | Weekday::Sunday) {
            counted += 1;
        }
    }
    let latest = today.checked_add(30.days()).unwrap_or(today);
    (earliest, latest)
}

/// "earliest 2026-12-03, latest 2026-12-26".
pub fn window_hint(country: &str, today: Date) -> String {
    let (earliest, latest) = port_date_window(country, today);
    format!("earliest {earliest}, latest {latest}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn five_business_days_skip_the_weekend() {
        // Thursday 2026-11-26 → Fri 27, Mon 30, Tue 1, Wed 2, Thu 3.
        let (earliest, latest) = port_date_window("US", date(2026, 11, 26));
        assert_eq!(earliest, date(2026, 12, 3));
        assert_eq!(latest, date(2026, 12, 26));
        assert_eq!(
            port_date_window("CA", date(2026, 11, 26)).0,
            date(2026, 12, 10)
        );
    }
}
