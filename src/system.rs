//! What the process reads from its surroundings for every front end: the clock.

use crate::domain::Clock;

/// The time zone people read times in: `TZ`, else the system's (`/etc/localtime`); UTC when
/// neither says. Tests set `TZ`, so none depends on the machine's zone.
pub fn time_zone() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::system()
}

/// The real clock, read once per command (or per event in the app). `PORTWIZ_TODAY=YYYY-MM-DD`
/// pins it to noon UTC of that day, so scripted runs and tests see the same date rules every
/// day of the year.
pub fn clock() -> Clock {
    let pinned = std::env::var("PORTWIZ_TODAY").ok();
    if let Some(today) = pinned.and_then(|d| d.trim().parse::<jiff::civil::Date>().ok()) {
        return Clock::fixed(today);
    }
    let zoned = jiff::Zoned::now();
    Clock {
        now: zoned.timestamp(),
        today: zoned.date(),
    }
}
