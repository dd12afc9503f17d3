//! The calendar's events as an iCalendar file (RFC 5545), written here rather than by a crate:
//! the few lines needed (escaping, folding, UTC stamps) cost less than the `icalendar` crate's
//! second date library (chrono), random UIDs (uuid, getrandom) and parser (nom) in every build.
//!
//! Times are UTC (`DTSTART:20261208T150000Z`) with the carrier's zone named in the summary
//! ("10:00 America/New_York"): a `TZID` must be defined by a `VTIMEZONE` of the file's own
//! (RFC 5545 §3.2.19), that is the zone's daylight-saving rules written out, while a UTC time is
//! exact and every calendar shows it in its user's own zone.

use crate::domain::calendar::{Event, State, When};
use jiff::{Timestamp, ToSpan};

/// RFC 5545 §3.1: a content line is at most 75 octets, then folded.
const LINE_OCTETS: usize = 75;

/// The file: every event, CRLF line ends, lines folded, text escaped. `stamp` is the moment
/// the file is made (each event's `DTSTAMP`).
pub fn render(events: &[Event], stamp: Timestamp) -> String {
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(&fold(text));
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//portwiz//portwiz {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:portwiz ports");
    for event in events {
        for text in event_lines(event, stamp) {
            line(&text);
        }
    }
    line("END:VCALENDAR");
    out
}

fn event_lines(event: &Event, stamp: Timestamp) -> Vec<String> {
    let (start, end) = match &event.when {
        When::Day(day) => {
            let next = day.checked_add(1.day()).unwrap_or(*day);
            (
                format!("DTSTART;VALUE=DATE:{}", day.strftime("%Y%m%d")),
                format!("DTEND;VALUE=DATE:{}", next.strftime("%Y%m%d")),
            )
        }
        When::At { start, .. } => {
            let end = start.checked_add(1.hour()).unwrap_or(*start);
            (
                format!("DTSTART:{}", utc(*start)),
                format!("DTEND:{}", utc(end)),
            )
        }
    };
    let status = match event.state {
        State::Tentative => "TENTATIVE",
        State::Confirmed => "CONFIRMED",
        State::Cancelled => "CANCELLED",
    };
    vec![
        "BEGIN:VEVENT".into(),
        format!("UID:{}", event.uid()),
        format!("DTSTAMP:{}", utc(stamp)),
        format!("LAST-MODIFIED:{}", utc(event.changed)),
        format!("SEQUENCE:{}", sequence(event.changed)),
        start,
        end,
        format!("SUMMARY:{}", escape(&event.summary)),
        format!("DESCRIPTION:{}", escape(&event.description.join("\n"))),
        format!("STATUS:{status}"),
        "TRANSP:TRANSPARENT".into(),
        "END:VEVENT".into(),
    ]
}

/// `20261208T150000Z`.
fn utc(at: Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// The revision of an event: its order's last change in minutes since 1970, so it grows with
/// every change of the order (a calendar takes a re-import as an update only when it grows)
/// and stays the same for an unchanged order. Fits RFC 5545's integer until the year 6053.
fn sequence(changed: Timestamp) -> i64 {
    (changed.as_second() / 60).clamp(0, i64::from(i32::MAX))
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, a line break as
/// `\n`; any other control character dropped (a carriage return is a line break).
pub fn escape(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (RFC 5545 §3.1): CRLF and a space before each further
/// part, never inside a character's UTF-8 bytes, and never beside a blank (some readers, the
/// `ical` crate among them, trim the blanks at both ends of each folded line).
pub fn fold(line: &str) -> String {
    let mut parts: Vec<String> = vec![String::new()];
    for c in line.chars() {
        // The space that starts a folded line is one of its 75 octets.
        let room = LINE_OCTETS - usize::from(parts.len() > 1);
        let Some(part) = parts.last_mut() else { break };
        if part.len() + c.len_utf8() > room {
            let cut = fold_point(part, c);
            let next = part.split_off(cut);
            parts.push(next);
        }
        if let Some(part) = parts.last_mut() {
            part.push(c);
        }
    }
    parts.join("\r\n ")
}

/// Where to cut `part` (full) before `next` comes: the latest character boundary with no blank
/// on either side, within the last 20 characters; else at its end.
fn fold_point(part: &str, next: char) -> usize {
    let starts_blank = |i: usize| part[i..].chars().next().unwrap_or(next).is_whitespace();
    let ends_blank = |i: usize| part[..i].ends_with(char::is_whitespace);
    std::iter::once(part.len())
        .chain(part.char_indices().rev().map(|(i, _)| i))
        .take(20)
        .find(|&i| i > 0 && !ends_blank(i) && !starts_blank(i))
        .unwrap_or(part.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_so_no_value_makes_a_property_of_its_own() {
        assert_eq!(
            escape("A, B; C\\D\r\nEND:VEVENT\rx\u{7}"),
            "A\\, B\\; C\\\\D\\nEND:VEVENT\\nx"
        );
    }

    #[test]
    fn lines_fold_at_75_octets_on_character_boundaries() {
        let line = format!("SUMMARY:{}", "é".repeat(100));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= LINE_OCTETS, "{part:?} is {}", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("SHORT:1"), "SHORT:1");
        // No folded line starts with a blank, and words are kept whole.
        let words = format!("SUMMARY:{}", "ab ".repeat(60).trim_end());
        let folded = fold(&words);
        assert_eq!(folded.replace("\r\n ", ""), words);
        for part in folded.split("\r\n ") {
            assert!(part.len() <= LINE_OCTETS, "{part:?}");
            assert!(!part.starts_with(' ') && !part.ends_with(' '), "{part:?}");
        }
    }
}
