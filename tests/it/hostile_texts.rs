//! Texts that come in from outside and are stored or echoed (issue 23, points 6 and 7): every
//! stored text has a cap and is cleaned like a field value; an echoed value never prints a line
//! of its own, and no zero-width character or byte-order mark reaches stdout or stderr.

use crate::support::{new_order, order_file, run};
use std::fs;

/// Characters that draw nothing: zero-width space, non-joiner, joiner, word joiner, BOM.
const INVISIBLE: [char; 5] = ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];

fn assert_no_invisible(what: &str, text: &str) {
    assert!(
        !text.contains(INVISIBLE),
        "{what} holds an invisible character: {text:?}"
    );
}

fn submitted_order(dir: &std::path::Path) -> String {
    let id = new_order(dir, "complete-order.json");
    assert_eq!(run(dir, &["submit", &id]).code, 0);
    id
}

#[test]
fn a_ticket_is_cleaned_like_a_field_value_before_it_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let id = submitted_order(dir.path());
    let ticket = "TKT-\u{1b}[2J42\u{7}\u{202e}\u{200b}9\nportwiz: forged";
    let out = run(dir.path(), &["ticket", &id, ticket]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let stored = order_file(dir.path(), &id)["ticket"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(stored, "TKT-429 portwiz: forged");
    let out = run(
        dir.path(),
        &[
            "support",
            &id,
            "--scenario",
            "requested_help",
            "--ticket",
            "S\u{1b}]0;t\u{7}-1\u{feff}",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(order_file(dir.path(), &id)["ticket"], "S-1");
}

#[test]
fn an_over_long_ticket_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let id = submitted_order(dir.path());
    let path = dir.path().join("orders").join(format!("{id}.json"));
    let before = fs::read(&path).unwrap();
    let long = "T".repeat(1_001);
    let out = run(dir.path(), &["ticket", &id, &long]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("1,000 characters"), "{}", out.stderr);
    assert_eq!(fs::read(&path).unwrap(), before);
    let out = run(
        dir.path(),
        &[
            "support",
            &id,
            "--scenario",
            "requested_help",
            "--ticket",
            &long,
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(fs::read(&path).unwrap(), before);
    let out = run(dir.path(), &["ticket", &id, &"T".repeat(1_000)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_newline_in_an_echoed_argument_prints_no_second_line() {
    let dir = tempfile::tempdir().unwrap();
    new_order(dir.path(), "complete-order.json");
    let out = run(dir.path(), &["show", "PO-1\nportwiz: all orders deleted"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("PO-1\\nportwiz"), "{}", out.stderr);
}

#[test]
fn a_usage_error_keeps_its_own_lines_and_an_echoed_newline_makes_none() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["frobnicate"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.lines().any(|l| l.starts_with("Usage: portwiz")),
        "clap's usage is a line of its own: {}",
        out.stderr
    );
    assert!(!out.stderr.contains("\\n"), "{}", out.stderr);
    let out = run(dir.path(), &["x\nportwiz: all orders deleted"]);
    assert_eq!(out.code, 2);
    assert!(
        !out.stderr
            .lines()
            .any(|l| l.starts_with("portwiz: all orders")),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("x\\nportwiz"), "{}", out.stderr);
}

#[test]
fn zero_width_characters_and_boms_in_an_argument_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let id = submitted_order(dir.path());
    for args in [
        vec!["show", "PO-\u{200b}X\u{feff}"],
        vec!["set", &id, "order_name\u{200d}", "x"],
        vec!["list", "--status", "draft\u{2060}"],
        vec!["foc", &id, "2026-13-01\u{200c}"],
    ] {
        let out = run(dir.path(), &args);
        assert_ne!(out.code, 0, "{args:?}");
        assert_no_invisible(&format!("stderr of {args:?}"), &out.stderr);
        assert_no_invisible(&format!("stdout of {args:?}"), &out.stdout);
    }
}

#[test]
fn show_of_a_carrier_text_and_an_old_ticket_shows_no_invisible_character_or_forged_line() {
    let dir = tempfile::tempdir().unwrap();
    let id = submitted_order(dir.path());
    let text = "PIN\u{200b} mismatch\u{feff} on the account";
    assert_eq!(run(dir.path(), &["reject", &id, "--text", text]).code, 0);
    // A ticket stored raw by an older portwiz.
    let path = dir.path().join("orders").join(format!("{id}.json"));
    let mut file = order_file(dir.path(), &id);
    file["ticket"] = "T-1\u{200b}\nportwiz: all orders deleted".into();
    fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    let out = run(dir.path(), &["show", &id]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_no_invisible("show", &out.stdout);
    assert!(
        !out.stdout.lines().any(|l| l.starts_with("portwiz:")),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("PIN mismatch on the account"),
        "{}",
        out.stdout
    );
}
