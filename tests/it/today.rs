//! `portwiz today` on the real binary: orders recorded through the commands on known days, read
//! on another day (`PORTWIZ_TODAY`), most urgent first.

use crate::support::{new_order, portwiz};
use std::path::Path;

fn on(dir: &Path, day: &str, args: &[&str]) -> crate::support::Run {
    let out: crate::support::Run = portwiz(dir)
        .env("PORTWIZ_TODAY", day)
        .args(args)
        .output()
        .expect("the portwiz binary runs")
        .into();
    out
}

fn ok(dir: &Path, day: &str, args: &[&str]) {
    let out = on(dir, day, args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
}

#[test]
fn today_lists_what_needs_the_user_most_urgent_first() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let (late, rejected, porting) = (
        new_order(dir, "complete-order.json"),
        new_order(dir, "complete-order.json"),
        new_order(dir, "complete-order.json"),
    );
    ok(
        dir,
        "2026-11-26",
        &["set", &late, "order_name", "Late \u{1b}[2Jone"],
    );
    for id in [&late, &rejected, &porting] {
        ok(dir, "2026-11-26", &["submit", id]);
    }
    ok(
        dir,
        "2026-11-27",
        &[
            "reject",
            &rejected,
            "--text",
            "Account number does not match",
            "--fields",
            "account_number",
        ],
    );
    ok(dir, "2026-12-01", &["foc", &porting, "2026-12-07", "10:00"]);

    let out = on(dir, "2026-12-07", &["today"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = &out.stdout;
    assert!(
        text.starts_with("Today, 2026-12-07: 3 things need you"),
        "{text}"
    );
    let at = |id: &str| text.find(id).unwrap_or(usize::MAX);
    assert!(
        at(&rejected) < at(&porting) && at(&porting) < at(&late),
        "{text}"
    );
    assert!(text.contains("fix Account number"), "{text}");
    assert!(
        text.contains("2026-12-07 10:00 (America/New_York)"),
        "{text}"
    );
    // Submitted on Thanksgiving: seven business days by Monday 7 December, past 3–5.
    assert!(text.contains("Submitted 7 business days ago"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "nothing from outside reaches the terminal unclean"
    );

    let json: serde_json::Value =
        serde_json::from_str(&on(dir, "2026-12-07", &["today", "--json"]).stdout).unwrap();
    assert_eq!(json["today"], "2026-12-07");
    let ranks: Vec<i64> = (json["items"].as_array().unwrap().iter())
        .map(|i| i["rank"].as_i64().unwrap())
        .collect();
    assert_eq!(ranks, [0, 1, 4]);
    assert_eq!(json["items"][0]["id"], rejected.as_str());

    // Before the carrier is late and with the port done, nothing is left to do.
    ok(dir, "2026-12-07", &["complete", &porting]);
    let out = on(dir, "2026-11-27", &["today"]);
    assert!(!out.stdout.contains(&late), "{}", out.stdout);
}
