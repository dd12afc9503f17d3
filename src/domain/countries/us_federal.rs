//! US federal holidays, computed for any year. Carriers in the US and Canada don't port on them
//! (Microsoft: "no weekends or US holidays").

use jiff::civil::{Date, Weekday};

/// One federal holiday in a given year, on the day it is observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub name: &'static str,
    /// The day offices close: the holiday itself, or the Friday before / Monday after when it
    /// falls on a Saturday / Sunday.
    pub observed: Date,
    /// True when `observed` differs from the calendar date of the holiday.
    pub shifted: bool,
}

impl Holiday {
    /// "Christmas Day" or "Christmas Day (observed)".
    pub fn display_name(&self) -> String {
        if self.shifted {
            format!("{} (observed)", self.name)
        } else {
            self.name.to_string()
        }
    }
}

/// The federal holidays of `year` in calendar order, on their observed dates (5 U.S.C. 6103).
/// A New Year's Day on a Saturday is observed on December 31 of the year before; that day is
/// listed under the new year. Juneteenth is listed from 2021, when it became a holiday.
pub fn federal_holidays(year: i16) -> Vec<Holiday> {
    use Weekday::*;
    let fixed = |month: i8, day: i8| Date::new(year, month, day).ok();
    let nth = |month: i8, n: i8, weekday: Weekday| {
        Date::new(year, month, 1)
            .ok()
            .and_then(|first| first.nth_weekday_of_month(n, weekday).ok())
    };
    let candidates: [(&'static str, Option<Date>); 11] = [
        ("New Year's Day", fixed(1, 1)),
        ("Martin Luther King Jr. Day", nth(1, 3, Monday)),
        ("Washington's Birthday", nth(2, 3, Monday)),
        ("Memorial Day", nth(5, -1, Monday)),
        ("Juneteenth", if year >= 2021 { fixed(6, 19) } else { None }),
        ("Independence Day", fixed(7, 4)),
        ("Labor Day", nth(9, 1, Monday)),
        ("Columbus Day", nth(10, 2, Monday)),
        ("Veterans Day", fixed(11, 11)),
        ("Thanksgiving Day", nth(11, 4, Thursday)),
        ("Christmas Day", fixed(12, 25)),
    ];
    candidates
        .into_iter()
        .filter_map(|(name, date)| {
            let date = date?;
            let observed = observed_day(date)?;
            Some(Holiday {
                name,
                observed,
                shifted: observed != date,
            })
        })
        .collect()
}

/// Saturday moves to the Friday before, Sunday to the Monday after.
fn observed_day(date: Date) -> Option<Date> {
    match date.weekday() {
        Weekday::Saturday => date.yesterday().ok(),
        Weekday::Sunday => date.tomorrow().ok(),
        _ => Some(date),
    }
}

/// The federal holiday observed on `date`, if any.
pub fn holiday_on(date: Date) -> Option<Holiday> {
    let year = date.year();
    // December 31 can be the observed New Year's Day of the next year.
    let next = year
        .checked_add(1)
        .map(federal_holidays)
        .unwrap_or_default();
    federal_holidays(year)
        .into_iter()
        .chain(next)
        .find(|h| h.observed == date)
}

/// The name of the federal holiday observed on `date` ("Christmas Day (observed)"), if any.
pub fn holiday_name(date: Date) -> Option<String> {
    holiday_on(date).map(|h| h.display_name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn names(year: i16) -> Vec<(Date, String)> {
        federal_holidays(year)
            .into_iter()
            .map(|h| (h.observed, h.display_name()))
            .collect()
    }

    #[test]
    fn holidays_2026() {
        let expected = [
            (date(2026, 1, 1), "New Year's Day"),
            (date(2026, 1, 19), "Martin Luther King Jr. Day"),
            (date(2026, 2, 16), "Washington's Birthday"),
            (date(2026, 5, 25), "Memorial Day"),
            (date(2026, 6, 19), "Juneteenth"),
            (date(2026, 7, 3), "Independence Day (observed)"), // July 4 is a Saturday
            (date(2026, 9, 7), "Labor Day"),
            (date(2026, 10, 12), "Columbus Day"),
            (date(2026, 11, 11), "Veterans Day"),
            (date(2026, 11, 26), "Thanksgiving Day"),
            (date(2026, 12, 25), "Christmas Day"),
        ];
        let got = names(2026);
        assert_eq!(got.len(), expected.len());
        for ((gd, gn), (ed, en)) in got.iter().zip(expected) {
            assert_eq!((*gd, gn.as_str()), (ed, en));
        }
    }

    #[test]
    fn saturday_holidays_move_to_friday_and_sunday_to_monday() {
        // Christmas 2027 is a Saturday; New Year's Day 2028 too (observed Friday 2027-12-31).
        assert_eq!(
            holiday_name(date(2027, 12, 24)).as_deref(),
            Some("Christmas Day (observed)")
        );
        assert_eq!(
            holiday_name(date(2027, 12, 31)).as_deref(),
            Some("New Year's Day (observed)")
        );
        // Juneteenth 2022 was a Sunday: observed Monday June 20.
        assert_eq!(
            holiday_name(date(2022, 6, 20)).as_deref(),
            Some("Juneteenth (observed)")
        );
        assert_eq!(holiday_name(date(2027, 12, 27)), None);
    }

    #[test]
    fn ordinary_days_are_not_holidays() {
        assert_eq!(holiday_name(date(2026, 11, 27)), None);
        assert_eq!(holiday_name(date(2026, 3, 3)), None);
        // Juneteenth did not exist before 2021.
        assert_eq!(holiday_name(date(2019, 6, 19)), None);
    }

    #[test]
    fn extreme_years_do_not_panic() {
        assert!(federal_holidays(9999).len() >= 10);
        assert!(!federal_holidays(-9999).is_empty());
        assert_eq!(holiday_name(date(9999, 12, 31)), None);
    }
}
