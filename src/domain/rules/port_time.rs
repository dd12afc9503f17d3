//! The port time rules. Times are US Eastern wall-clock times.

use super::choices::NumberType;
use super::country::Country;
use super::error::RuleError;
use super::port_date::eastern;
use crate::domain::countries::Route;
use jiff::civil::{Date, Time};

const WINDOW_FROM: Time = Time::constant(8, 0, 0, 0);
const WINDOW_TO: Time = Time::constant(20, 0, 0, 0);
const FIXED: Time = Time::constant(11, 30, 0, 0);
/// Where no window is stated: the start of a working day, to leave the day to notice a problem.
const LOCAL_DEFAULT: Time = Time::constant(9, 0, 0, 0);

/// When a port may happen, per Microsoft's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortTimeRule {
    /// Any time from `from` to `to` (both included), US Eastern: US geographic and mobile numbers.
    Window { from: Time, to: Time },
    /// Exactly this time, US Eastern: Canadian numbers and US toll-free numbers.
    Fixed(Time),
    /// Any time, in the country's own zone: Microsoft states no window outside the US and
    /// Canada (domain.md §7), and the carrier confirms the time.
    Local(Country),
}

/// The rule for an order's country and number type.
pub fn port_time_rule(country: Country, number_type: NumberType) -> PortTimeRule {
    match (country, number_type) {
        _ if country.route() != Route::UsCanada => PortTimeRule::Local(country),
        // Puerto Rico follows the US's rules.
        (Country::Us | Country::Pr, NumberType::Geographic | NumberType::Mobile) => {
            PortTimeRule::Window {
                from: WINDOW_FROM,
                to: WINDOW_TO,
            }
        }
        _ => PortTimeRule::Fixed(FIXED),
    }
}

impl PortTimeRule {
    /// The time a new order starts with: the fixed time, or the start of the window (the most
    /// business hours left that day to notice and fix a problem).
    pub fn default_time(self) -> Time {
        match self {
            PortTimeRule::Window { from, .. } => from,
            PortTimeRule::Fixed(t) => t,
            PortTimeRule::Local(_) => LOCAL_DEFAULT,
        }
    }

    /// The zone times are given in, in words.
    pub fn zone_words(self) -> String {
        match self {
            PortTimeRule::Local(country) => format!(
                "{} time",
                country
                    .rules()
                    .map_or("local", |r| r.time_zone.value.as_str())
            ),
            _ => "US Eastern".to_string(),
        }
    }

    /// Help text: what times are allowed.
    pub fn describe(self) -> String {
        match self {
            PortTimeRule::Window { from, to } => format!(
                "Any time from {} to {} US Eastern (HH:MM, 24-hour, or h:mm am/pm).",
                hm(from),
                hm(to)
            ),
            PortTimeRule::Fixed(t) => format!(
                "Always {} US Eastern ({}): carriers port Canadian numbers and US toll-free \
                 numbers at this time only.",
                hm(t),
                ampm(t)
            ),
            PortTimeRule::Local(_) => format!(
                "Any time, {} (HH:MM, 24-hour, or h:mm am/pm): Microsoft states no porting \
                 window outside the US and Canada; the carrier confirms the time.",
                self.zone_words()
            ),
        }
    }
}

fn hm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

fn ampm(t: Time) -> String {
    let (h, suffix) = match t.hour() {
        0 => (12, "am"),
        h @ 1..=11 => (h, "am"),
        12 => (12, "pm"),
        h => (h - 12, "pm"),
    };
    format!("{h}:{:02} {suffix}", t.minute())
}

/// Reads `HH:MM` (24-hour) or `h:mm am/pm` / `h am/pm` ("2:30 pm", "11:30AM", "9 a.m.").
pub fn parse_time(text: &str) -> Option<Time> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    let (clock, meridiem) = if let Some(rest) = compact.strip_suffix("am") {
        (rest, Some(false))
    } else if let Some(rest) = compact.strip_suffix("pm") {
        (rest, Some(true))
    } else {
        (compact.as_str(), None)
    };
    let digits = |s: &str| -> Option<i8> {
        if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let (hour, minute) = match clock.split_once(':') {
        Some((h, m)) if m.len() == 2 => (digits(h)?, digits(m)?),
        Some(_) => return None,
        None if meridiem.is_some() => (digits(clock)?, 0),
        None => return None,
    };
    let hour = match meridiem {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
    };
    Time::new(hour, minute, 0, 0).ok()
}

/// Checks a typed port time (US Eastern) against the order's rule.
pub fn check_port_time(
    text: &str,
    country: Country,
    number_type: NumberType,
) -> Result<Time, RuleError> {
    let rule = port_time_rule(country, number_type);
    let Some(time) = parse_time(text) else {
        return Err(RuleError::new(format!(
            "`{}` is not a time I can read; write it as HH:MM (24-hour, e.g. {}) or h:mm am/pm \
             (e.g. {}), {}.",
            text.trim(),
            hm(rule.default_time()),
            ampm(rule.default_time()),
            rule.zone_words()
        )));
    };
    match rule {
        PortTimeRule::Window { from, to } if time < from || time > to => {
            Err(RuleError::new(format!(
                "{} is outside the porting window: US {} numbers port between {} and {} \
                 US Eastern. Choose a time from {} to {}.",
                hm(time),
                number_type.label().to_lowercase(),
                ampm(from),
                ampm(to),
                hm(from),
                hm(to)
            )))
        }
        PortTimeRule::Fixed(fixed) if time != fixed => {
            let who = match country {
                Country::Ca => "Canadian numbers",
                Country::Us => "US toll-free numbers",
                _ => "Puerto Rico toll-free numbers",
            };
            Err(RuleError::new(format!(
                "{who} port at {} US Eastern only ({}); enter {}.",
                hm(fixed),
                ampm(fixed),
                hm(fixed)
            )))
        }
        _ => Ok(time),
    }
}

/// The port moment as a US Eastern date-time (handles EST/EDT), for display and export.
pub fn port_datetime_eastern(date: Date, time: Time) -> Result<jiff::Zoned, RuleError> {
    date.to_datetime(time).to_zoned(eastern()).map_err(|e| {
        RuleError::new(format!(
            "{date} {} is not a valid US Eastern time: {e}",
            hm(time)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    #[test]
    fn us_geographic_and_mobile_window_is_8am_to_8pm() {
        for nt in [NumberType::Geographic, NumberType::Mobile] {
            assert_eq!(
                check_port_time("08:00", Country::Us, nt),
                Ok(time(8, 0, 0, 0))
            );
            assert_eq!(
                check_port_time("20:00", Country::Us, nt),
                Ok(time(20, 0, 0, 0))
            );
            assert_eq!(
                check_port_time("2:30 pm", Country::Us, nt),
                Ok(time(14, 30, 0, 0))
            );
            let err = check_port_time("07:59", Country::Us, nt).unwrap_err();
            assert!(
                err.message()
                    .contains("between 8:00 am and 8:00 pm US Eastern"),
                "{err}"
            );
            assert!(
                err.message().contains("Choose a time from 08:00 to 20:00."),
                "{err}"
            );
            assert!(check_port_time("20:01", Country::Us, nt).is_err());
            assert!(check_port_time("9 pm", Country::Us, nt).is_err());
        }
    }

    #[test]
    fn canada_and_us_toll_free_are_fixed_at_1130() {
        for (country, nt, who) in [
            (Country::Ca, NumberType::Geographic, "Canadian numbers"),
            (Country::Ca, NumberType::Mobile, "Canadian numbers"),
            (Country::Us, NumberType::TollFree, "US toll-free numbers"),
        ] {
            assert_eq!(
                check_port_time("11:30", country, nt),
                Ok(time(11, 30, 0, 0))
            );
            assert_eq!(
                check_port_time("11:30 AM", country, nt),
                Ok(time(11, 30, 0, 0))
            );
            let err = check_port_time("14:00", country, nt).unwrap_err();
            assert_eq!(
                err.message(),
                format!("{who} port at 11:30 US Eastern only (11:30 am); enter 11:30.")
            );
        }
    }

    #[test]
    fn time_formats() {
        assert_eq!(parse_time("9:05"), Some(time(9, 5, 0, 0)));
        assert_eq!(parse_time("09:05"), Some(time(9, 5, 0, 0)));
        assert_eq!(parse_time("12:00 am"), Some(time(0, 0, 0, 0)));
        assert_eq!(parse_time("12:15 p.m."), Some(time(12, 15, 0, 0)));
        assert_eq!(parse_time("9 a.m."), Some(time(9, 0, 0, 0)));
        assert_eq!(parse_time("11:30AM"), Some(time(11, 30, 0, 0)));
        for bad in [
            "", "9", "25:00", "9:5", "13:00 pm", "0 am", "noon", "9:60", "1130",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        let err = check_port_time("noon", Country::Us, NumberType::Geographic).unwrap_err();
        assert!(err.message().contains("write it as HH:MM"), "{err}");
    }

    #[test]
    fn rule_descriptions_and_defaults() {
        let us = port_time_rule(Country::Us, NumberType::Geographic);
        assert_eq!(us.default_time(), time(8, 0, 0, 0));
        assert!(us.describe().contains("08:00 to 20:00 US Eastern"));
        let ca = port_time_rule(Country::Ca, NumberType::Geographic);
        assert_eq!(ca.default_time(), time(11, 30, 0, 0));
        assert!(
            ca.describe()
                .starts_with("Always 11:30 US Eastern (11:30 am)")
        );
    }

    #[test]
    fn port_moment_follows_daylight_saving() {
        let winter = port_datetime_eastern(date(2026, 12, 4), time(11, 30, 0, 0)).unwrap();
        assert_eq!(winter.offset().seconds(), -5 * 3600);
        let summer = port_datetime_eastern(date(2026, 7, 6), time(11, 30, 0, 0)).unwrap();
        assert_eq!(summer.offset().seconds(), -4 * 3600);
    }
}
