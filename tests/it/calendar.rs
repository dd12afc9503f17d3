//! `portwiz calendar` on the real binary, read back by a calendar parser (the `ical` crate):
//! every event's UID, DTSTART and zone; the same UIDs on another day (a re-import updates);
//! a hostile carrier name never breaks the file; `-o` writes as `export -o` does.

use crate::support::{fixture, new_order, ok_on as ok, run_on as on};
use std::collections::BTreeMap;

/// Each event's properties by name (value, and the parameters' text), parsed by `ical`.
fn parse(ics: &str) -> Vec<BTreeMap<String, (String, String)>> {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let calendar = calendars.next().expect("one calendar").expect("it parses");
    assert!(calendars.next().is_none(), "one calendar only");
    calendar
        .events
        .into_iter()
        .map(|event| {
            (event.properties.into_iter())
                .map(|p| {
                    let params = format!("{:?}", p.params.unwrap_or_default());
                    (p.name, (p.value.unwrap_or_default(), params))
                })
                .collect()
        })
        .collect()
}

/// A TEXT value as the calendar shows it (RFC 5545 §3.3.11).
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[test]
fn the_calendar_reads_back_with_stable_ids_times_in_utc_and_hostile_names_contained() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let (porting, waiting, draft) = (
        new_order(dir, "complete-order.json"),
        new_order(dir, "complete-order.json"),
        new_order(dir, "complete-order.json"),
    );
    // A hand-edited order file may hold what `set` would never store.
    let file = dir.join("orders").join(format!("{draft}.json"));
    let text = std::fs::read_to_string(&file).unwrap();
    let hostile = r#"Evil, Inc; \\ \r\nEND:VCALENDAR\r\nBEGIN:VEVENT\u001b[2J"#;
    std::fs::write(
        &file,
        text.replace("\"Contoso Telecom\"", &format!("\"{hostile}\"")),
    )
    .unwrap();
    for id in [&porting, &waiting] {
        ok(dir, "2026-11-26", &["submit", id]);
    }
    ok(dir, "2026-12-01", &["foc", &porting, "2026-12-08", "10:00"]);

    let ics = ok(dir, "2026-12-02", &["calendar"]);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        assert!(!line.contains(['\n', '\r', '\u{1b}']), "{line:?}");
    }
    let events = parse(&ics);
    assert_eq!(
        events.len(),
        ics.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count()
    );
    let by_uid: BTreeMap<&str, &BTreeMap<String, (String, String)>> =
        (events.iter()).map(|e| (e["UID"].0.as_str(), e)).collect();
    assert_eq!(by_uid.len(), events.len(), "every UID once");
    for (uid, event) in &by_uid {
        let (start, params) = &event["DTSTART"];
        // A moment is UTC; a whole day is a date: never a zone the file does not define.
        let utc = start.len() == 16 && start.ends_with('Z');
        let day = start.len() == 8 && params.contains("DATE");
        assert!(utc || day, "{uid}: DTSTART {start} {params}");
        assert!(event.contains_key("DTSTAMP") && event.contains_key("SEQUENCE"));
    }
    let foc = by_uid[format!("{porting}-foc@portwiz").as_str()];
    assert_eq!(foc["DTSTART"].0, "20261208T150000Z");
    assert!(
        unescape(&foc["SUMMARY"].0).contains("2026-12-08 10:00 America/New_York"),
        "{:?}",
        foc["SUMMARY"]
    );
    assert_eq!(foc["STATUS"].0, "CONFIRMED");
    let chase = by_uid[format!("{waiting}-chase@portwiz").as_str()];
    // Submitted on Thanksgiving: 3–5 business days are over on Friday 4 December.
    assert_eq!(chase["DTSTART"].0, "20261204");
    assert!(unescape(&chase["SUMMARY"].0).starts_with("Chase Contoso Telecom"));
    let requested = by_uid[format!("{draft}-requested@portwiz").as_str()];
    let summary = unescape(&requested["DESCRIPTION"].0);
    assert!(summary.contains("Inc; \\  END:VCALENDAR"), "{summary:?}");
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains(r"Evil\, Inc\; \\  END:VCALENDAR"),
        "{ics}"
    );
    assert!(!summary.contains('\u{1b}'), "{summary:?}");

    // Another day, the same events: a re-import updates them.
    let later = parse(&ok(dir, "2026-12-05", &["calendar"]));
    let uids = |events: &[BTreeMap<String, (String, String)>]| -> Vec<String> {
        events.iter().map(|e| e["UID"].0.clone()).collect()
    };
    assert_eq!(uids(&later), uids(&events));

    // The day after the FOC an export shows two numbers missing: the check says so.
    let export = fixture("teams/export-acquired.csv");
    ok(
        dir,
        "2026-12-09",
        &["reconcile", export.to_str().unwrap(), "--apply"],
    );
    let after = parse(&ok(dir, "2026-12-09", &["calendar"]));
    let check = (after.iter())
        .find(|e| e["UID"].0 == format!("{porting}-check@portwiz"))
        .unwrap();
    assert!(
        unescape(&check["SUMMARY"].0).contains("2 of 3 numbers ported after the FOC"),
        "{:?}",
        check["SUMMARY"]
    );
    let before = (events.iter())
        .find(|e| e["UID"].0 == check["UID"].0)
        .unwrap();
    let sequence = |e: &BTreeMap<String, (String, String)>| e["SEQUENCE"].0.parse::<i64>().unwrap();
    assert!(
        sequence(check) > sequence(before),
        "a changed order is an update"
    );
}

#[test]
fn calendar_writes_a_file_only_with_force_over_one() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    new_order(dir, "complete-order.json");
    let path = dir.join("ports.ics");
    let path = path.to_str().unwrap();
    let out = on(dir, "2026-12-02", &["calendar", "-o", path]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("2 events written"), "{}", out.stderr);
    assert!(
        std::fs::read_to_string(path)
            .unwrap()
            .contains("BEGIN:VEVENT")
    );
    let again = on(dir, "2026-12-02", &["calendar", "-o", path]);
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    assert_eq!(
        on(dir, "2026-12-02", &["calendar", "-o", path, "--force"]).code,
        0
    );
}
