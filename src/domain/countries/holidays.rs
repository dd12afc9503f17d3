//! Each country's public holidays, computed for any year from the rulebook's rules (a fixed
//! date, Easter's offset, the nth weekday of a month, ...). No maintained crate covers these
//! countries with their substitute-day rules at a small build cost, so the rules are data.

use super::CountryRules;
use super::us_federal::holiday_on;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::Deserialize;

/// The holidays of a country and where they come from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayTable {
    /// `national`: regional holidays are left out (the note says which).
    pub scope: String,
    pub source: String,
    pub rules: Vec<HolidayRule>,
    /// `us_federal`: the US federal holidays of `us_federal` instead of `rules`.
    #[serde(default)]
    pub computed: Option<String>,
    /// Some holidays follow calendars no rule here computes (lunar, Islamic, Hindu): the table
    /// lacks them, and the port date's check says so (the note says which).
    #[serde(default)]
    pub partial: bool,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct NthWeekday {
    pub month: i8,
    /// 1 the first, -1 the last.
    pub n: i8,
    pub weekday: Day,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct OnOrAfter {
    pub month: i8,
    pub day: i8,
    pub weekday: Day,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl From<Day> for Weekday {
    fn from(day: Day) -> Weekday {
        match day {
            Day::Mon => Weekday::Monday,
            Day::Tue => Weekday::Tuesday,
            Day::Wed => Weekday::Wednesday,
            Day::Thu => Weekday::Thursday,
            Day::Fri => Weekday::Friday,
            Day::Sat => Weekday::Saturday,
            Day::Sun => Weekday::Sunday,
        }
    }
}

/// When a holiday on a weekend gives a weekday off instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Substitute {
    /// Saturday or Sunday: the next weekday that is not already a holiday (UK, Australia).
    NextWeekday,
    /// Sunday only: the Monday (South Africa, Japan, Singapore).
    SundayToMonday,
}

/// One holiday. Exactly one of `date`, `easter`, `orthodox_easter`, `nth`, `on_or_after`,
/// `equinox`, `dates`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayRule {
    pub name: String,
    /// `MM-DD` every year.
    #[serde(default)]
    pub date: Option<String>,
    /// Days after (or before, negative) Western Easter Sunday.
    #[serde(default)]
    pub easter: Option<i16>,
    /// Days after (or before, negative) Orthodox Easter Sunday (Romania).
    #[serde(default)]
    pub orthodox_easter: Option<i16>,
    #[serde(default)]
    pub nth: Option<NthWeekday>,
    /// The first such weekday on or after a day (Midsummer Eve: a Friday from 19 June).
    #[serde(default)]
    pub on_or_after: Option<OnOrAfter>,
    /// `march` or `september`: Japan's equinox days.
    #[serde(default)]
    pub equinox: Option<String>,
    /// Dates proclaimed year by year (`YYYY-MM-DD`).
    #[serde(default)]
    pub dates: Vec<String>,
    #[serde(default)]
    pub substitute: Option<Substitute>,
    /// First year the holiday is kept.
    #[serde(default)]
    pub from: Option<i16>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A holiday of a country on the day it is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryHoliday {
    pub name: String,
    pub date: Date,
    /// True when the day off moved from a weekend.
    pub substitute: bool,
}

impl CountryHoliday {
    /// "Christmas Day" or "Christmas Day (substitute day)".
    pub fn display_name(&self) -> String {
        if self.substitute {
            format!("{} (substitute day)", self.name)
        } else {
            self.name.clone()
        }
    }
}

impl HolidayRule {
    /// The calendar date of the holiday in `year`, before any substitute day.
    pub(super) fn date_in(&self, year: i16) -> Option<Date> {
        if self.from.is_some_and(|from| year < from) {
            return None;
        }
        if let Some(md) = &self.date {
            let (m, d) = md.split_once('-')?;
            return Date::new(year, m.parse().ok()?, d.parse().ok()?).ok();
        }
        if let Some(offset) = self.easter {
            return easter_sunday(year)?
                .checked_add(i64::from(offset).days())
                .ok();
        }
        if let Some(offset) = self.orthodox_easter {
            return orthodox_easter_sunday(year)?
                .checked_add(i64::from(offset).days())
                .ok();
        }
        if let Some(nth) = self.nth {
            let first = Date::new(year, nth.month, 1).ok()?;
            return first.nth_weekday_of_month(nth.n, nth.weekday.into()).ok();
        }
        if let Some(after) = self.on_or_after {
            let start = Date::new(year, after.month, after.day).ok()?;
            return start.nth_weekday(1, after.weekday.into()).ok().map(|d| {
                if start.weekday() == Weekday::from(after.weekday) {
                    start
                } else {
                    d
                }
            });
        }
        if let Some(which) = &self.equinox {
            return equinox(year, which);
        }
        self.dates
            .iter()
            .filter_map(|d| d.parse::<Date>().ok())
            .find(|d| d.year() == year)
    }
}

/// Western Easter Sunday (the anonymous Gregorian computus).
pub(super) fn easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let h = (19 * a + b - b / 4 - (8 * b + 13) / 25 + 15).rem_euclid(30);
    let l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4).rem_euclid(7);
    let m = (a + 11 * h + 19 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Orthodox Easter Sunday, as a Gregorian date: the Julian computus (Meeus), then the Julian
/// calendar's lag behind the Gregorian one (13 days from 1900 to 2099).
pub(super) fn orthodox_easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let d = (19 * y.rem_euclid(19) + 15).rem_euclid(30);
    let e = (2 * y.rem_euclid(4) + 4 * y.rem_euclid(7) - d + 34).rem_euclid(7);
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?;
    let lag = y / 100 - y / 400 - 2;
    julian.checked_add(i64::from(lag).days()).ok()
}

/// Japan's equinox days by the formula the Cabinet's almanac follows (1980–2099).
fn equinox(year: i16, which: &str) -> Option<Date> {
    let years = f64::from(year) - 1980.0;
    let (month, base) = match which {
        "march" => (3, 20.8431),
        "september" => (9, 23.2488),
        _ => return None,
    };
    let day = (base + 0.242194 * years - (years / 4.0).floor()).floor();
    Date::new(year, month, day as i8).ok()
}

fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

impl CountryRules {
    /// The country's holidays of `year`, in date order, on the days they are kept.
    pub fn holidays(&self, year: i16) -> Vec<CountryHoliday> {
        let mut kept: Vec<CountryHoliday> = Vec::new();
        let mut moved: Vec<(&HolidayRule, Date)> = Vec::new();
        for rule in &self.holidays.rules {
            let Some(date) = rule.date_in(year) else {
                continue;
            };
            let moves = match rule.substitute {
                Some(Substitute::NextWeekday) => is_weekend(date),
                Some(Substitute::SundayToMonday) => date.weekday() == Weekday::Sunday,
                None => false,
            };
            kept.push(CountryHoliday {
                name: rule.name.clone(),
                date,
                substitute: false,
            });
            if moves {
                moved.push((rule, date));
            }
        }
        // Substitute days go to the next weekday not already off, in date order (Christmas
        // on a Saturday: Monday; Boxing Day on the Sunday: Tuesday).
        moved.sort_by_key(|(_, date)| *date);
        for (rule, date) in moved {
            let mut day = date;
            while let Ok(next) = day.tomorrow() {
                day = next;
                if !is_weekend(day) && !kept.iter().any(|h| h.date == day) {
                    kept.push(CountryHoliday {
                        name: rule.name.clone(),
                        date: day,
                        substitute: true,
                    });
                    break;
                }
            }
        }
        kept.sort_by_key(|h| h.date);
        kept
    }

    /// The holiday kept on `date`, if any (US federal ones for the US, Puerto Rico and Canada).
    pub fn holiday_on(&self, date: Date) -> Option<CountryHoliday> {
        if self.holidays.computed.as_deref() == Some("us_federal") {
            // Named as the US names a moved holiday: "(observed)".
            return holiday_on(date).map(|h| CountryHoliday {
                name: h.display_name(),
                date: h.observed,
                substitute: false,
            });
        }
        self.holidays(date.year())
            .into_iter()
            .find(|h| h.date == date)
    }

    /// Whether ports happen on `date`: a weekday that is not a holiday there.
    pub fn is_business_day(&self, date: Date) -> bool {
        !is_weekend(date) && self.holiday_on(date).is_none()
    }
}
