//! The port date rules: business days, the allowed window, and checking a typed date. The clock is
//! always passed in (`today`), never read here.

use super::country::Country;
use super::error::RuleError;
use crate::domain::countries::Route;
use crate::domain::countries::us_federal::holiday_on;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use jiff::tz::{Offset, TimeZone};

/// Business days of notice a US port needs (Microsoft: "at least 5 business days").
pub const US_MIN_BUSINESS_DAYS: u32 = 5;
/// Business days of notice a Canadian port needs (Microsoft: "10 in Canada").
pub const CA_MIN_BUSINESS_DAYS: u32 = 10;
/// Orders with more numbers than this need extra notice.
pub const LARGE_ORDER_THRESHOLD: usize = 200;
/// Microsoft says "more for over 200 numbers" without a figure. Our rule: 5 extra business days
/// (so 10 in the US, 15 in Canada), the extra week carriers commonly ask for large ports.
pub const LARGE_ORDER_EXTRA_BUSINESS_DAYS: u32 = 5;
/// A port date is never more than this many calendar days ahead.
pub const MAX_CALENDAR_DAYS_AHEAD: i64 = 30;
/// Outside the US & Canada wizard no limit is stated; this only keeps the window finite.
const NO_STATED_LIMIT_DAYS: i64 = 3650;
/// Port times are US Eastern.
pub const EASTERN: &str = "America/New_York";

/// US Eastern. The tz database is bundled (`jiff/tzdb-bundle-always`) so this works on machines
/// without /usr/share/zoneinfo; the fixed EST offset is a last resort that cannot normally happen.
pub fn eastern() -> TimeZone {
    TimeZone::get(EASTERN).unwrap_or_else(|_| TimeZone::fixed(Offset::constant(-5)))
}

/// Today's date in US Eastern, the calendar porting rules count in, from the caller's clock.
pub fn today_in_eastern(now: jiff::Timestamp) -> Date {
    now.to_zoned(eastern()).date()
}

/// Monday to Friday, and not a US federal holiday (observed).
pub fn is_business_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && holiday_on(date).is_none()
}

/// What a holiday of `country` is called after its name: "a US federal holiday", "a public
/// holiday in France".
pub fn holiday_kind(country: Country) -> String {
    if country.route() == Route::UsCanada {
        "a US federal holiday".to_string()
    } else {
        format!("a public holiday in {}", country.in_sentence())
    }
}

/// Monday to Friday, and not a public holiday of `country` (its rulebook's holidays).
pub fn is_business_day_in(country: Country, date: Date) -> bool {
    country.rules().map_or_else(
        || is_business_day(date),
        |rules| rules.is_business_day(date),
    )
}

/// The `n`-th business day after `date` (`n == 0`: `date` itself if it is a business day, else the
/// next one). Saturates at the end of the calendar (year 9999), the only case where the result
/// may not be a business day.
pub fn add_business_days(date: Date, n: u32) -> Date {
    add_business_days_in(Country::Us, date, n)
}

/// [`add_business_days`] with `country`'s holidays.
pub fn add_business_days_in(country: Country, date: Date, n: u32) -> Date {
    let is_business_day = |d| is_business_day_in(country, d);
    let mut day = date;
    let mut left = n;
    if left == 0 {
        while !is_business_day(day) {
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => return day,
            }
        }
        return day;
    }
    while left > 0 {
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => return day,
        }
        if is_business_day(day) {
            left -= 1;
        }
    }
    day
}

/// Business days of `country` after `from` up to and including `to` (0 when `to` is not
/// after `from`): how long something has waited, as carriers count.
pub fn business_days_between(country: Country, from: Date, to: Date) -> u32 {
    let mut count = 0;
    let mut day = from;
    while day < to {
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
        if is_business_day_in(country, day) {
            count += 1;
        }
    }
    count
}

/// The last business day on or before `date`.
fn business_day_on_or_before(country: Country, date: Date) -> Date {
    let is_business_day = |d| is_business_day_in(country, d);
    let mut day = date;
    while !is_business_day(day) {
        match day.yesterday() {
            Ok(prev) => day = prev,
            Err(_) => return day,
        }
    }
    day
}

/// Business days of notice an order needs: Microsoft's figure where it states one; elsewhere
/// the next business day (peers' longer figures are warnings, in `checks`).
pub fn min_business_days(country: Country, number_count: usize) -> u32 {
    let base = match country {
        // Puerto Rico follows the US's rules.
        Country::Us | Country::Pr => US_MIN_BUSINESS_DAYS,
        Country::Ca => CA_MIN_BUSINESS_DAYS,
        other => {
            return other
                .rules()
                .filter(|r| r.lead_time.by == "microsoft")
                .and_then(|r| r.lead_time.business_days)
                .unwrap_or(1);
        }
    };
    if number_count > LARGE_ORDER_THRESHOLD {
        base + LARGE_ORDER_EXTRA_BUSINESS_DAYS
    } else {
        base
    }
}

/// The dates a port may be requested for, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortDateWindow {
    pub earliest: Date,
    pub latest: Date,
}

impl PortDateWindow {
    pub fn contains(&self, date: Date) -> bool {
        self.earliest <= date && date <= self.latest
    }
}

/// Earliest: the required business days of notice after `today`. Latest: `today` + 30 calendar
/// days, stepped back to a business day.
pub fn port_date_window(today: Date, country: Country, number_count: usize) -> PortDateWindow {
    let earliest = add_business_days_in(country, today, min_business_days(country, number_count));
    let ahead = if country.route() == Route::UsCanada {
        MAX_CALENDAR_DAYS_AHEAD
    } else {
        // The 30-day limit is the US & Canada wizard's; no source gives one elsewhere.
        NO_STATED_LIMIT_DAYS
    };
    let latest = business_day_on_or_before(country, today.saturating_add(ahead.days()));
    PortDateWindow { earliest, latest }
}

/// Parses `YYYY-MM-DD` (ISO, the form we display) or `MM/DD/YYYY` (US order, as Teams shows
/// dates in en-US). Day-first dates are not accepted: 03/04/2026 is always March 4.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let numbers = |parts: Vec<&str>| -> Option<Vec<i16>> {
        parts
            .iter()
            .map(|p| {
                if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                    None
                } else {
                    p.parse::<i16>().ok()
                }
            })
            .collect()
    };
    let (year, month, day) = if text.contains('-') {
        let parts: Vec<&str> = text.split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 {
            return None;
        }
        let n = numbers(parts)?;
        (n[0], n[1], n[2])
    } else if text.contains('/') {
        let parts: Vec<&str> = text.split('/').collect();
        if parts.len() != 3 || parts[2].len() != 4 {
            return None;
        }
        let n = numbers(parts)?;
        (n[2], n[0], n[1])
    } else {
        return None;
    };
    let month = i8::try_from(month).ok()?;
    let day = i8::try_from(day).ok()?;
    Date::new(year, month, day).ok()
}

fn weekday_name(date: Date) -> &'static str {
    match date.weekday() {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// What to suggest instead of a non-business `date`: the earliest date if it is too soon, else
/// the nearest allowed business day.
fn suggestion(country: Country, date: Date, window: PortDateWindow) -> String {
    if date < window.earliest {
        return format!("The earliest allowed date is {}.", window.earliest);
    }
    let next = add_business_days_in(country, date, 0);
    if next <= window.latest {
        format!("The next business day is {next}.")
    } else {
        format!(
            "The latest allowed date is {}.",
            business_day_on_or_before(country, date.min(window.latest))
        )
    }
}

/// Checks a typed port date against `today` (US Eastern) and the order's rules.
pub fn check_port_date(
    text: &str,
    today: Date,
    country: Country,
    number_count: usize,
) -> Result<Date, RuleError> {
    let window = port_date_window(today, country, number_count);
    let Some(date) = parse_date(text) else {
        return Err(RuleError::new(format!(
            "`{}` is not a date I can read; write the date as YYYY-MM-DD (for example {}), \
             or MM/DD/YYYY.",
            text.trim(),
            window.earliest
        )));
    };
    if date < today {
        return Err(RuleError::new(format!(
            "{date} is in the past. The earliest allowed date is {}.",
            window.earliest
        )));
    }
    if matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) {
        return Err(RuleError::new(format!(
            "{date} is a {}; carriers port on business days only. {}",
            weekday_name(date),
            suggestion(country, date, window)
        )));
    }
    if let Some(holiday) = country.rules().and_then(|r| r.holiday_on(date)) {
        return Err(RuleError::new(format!(
            "{date} is {}, {}; carriers don't port on holidays. {}",
            holiday.display_name(),
            holiday_kind(country),
            suggestion(country, date, window)
        )));
    }
    if date < window.earliest {
        let large = if number_count > LARGE_ORDER_THRESHOLD {
            format!(" for over {LARGE_ORDER_THRESHOLD} numbers")
        } else {
            String::new()
        };
        return Err(RuleError::new(format!(
            "{date} is too soon: ports in {} need at least {} business days' notice{large}. \
             The earliest allowed date is {}.",
            country.in_sentence(),
            min_business_days(country, number_count),
            window.earliest
        )));
    }
    if date > window.latest {
        return Err(RuleError::new(format!(
            "{date} is more than {MAX_CALENDAR_DAYS_AHEAD} days ahead; carriers accept dates up to \
             {MAX_CALENDAR_DAYS_AHEAD} calendar days out. The latest allowed date is {}.",
            window.latest
        )));
    }
    Ok(date)
}

#[cfg(test)]
mod tests;
