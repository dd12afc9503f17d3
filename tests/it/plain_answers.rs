//! Plain mode records what the carrier (or Microsoft) answered, with the response dialog's
//! questions, for a screen-reader user: the real binary in plain mode, its input a script, and
//! the order file it wrote.

use crate::support::{new_order, order_file, portwiz, run};
use std::io::Write;
use std::process::Stdio;

/// A submitted order (the fixture's), alone in a new store.
fn submitted_order() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(
        run(dir.path(), &["set", &id, "port_date", "2026-12-15"]).code,
        0
    );
    let submitted = run(dir.path(), &["submit", &id]);
    assert_eq!(submitted.code, 0, "{}", submitted.stderr);
    (dir, id)
}

/// `portwiz --plain` with `input` on a pipe: its exit code and stdout.
fn plain(dir: &std::path::Path, input: &str) -> (i32, String) {
    let mut child = portwiz(dir)
        .arg("--plain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains('\x1b'), "{stdout}");
    (out.status.code().unwrap_or(-1), stdout)
}

#[test]
fn a_rejection_is_recorded_with_the_fields_the_carrier_named() {
    let (dir, id) = submitted_order();
    // The waiting order is listed; its answer: a rejection, two lines of words, the
    // suggestion kept.
    let input = "1\n1\nThe account number does not match the CSR.\nThe CSR shows 'ACC-7777'.\n\n\n";
    let (code, out) = plain(dir.path(), input);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Orders waiting on the carrier or Microsoft"),
        "{out}"
    );
    assert!(
        out.contains("What did the carrier or Microsoft answer?"),
        "{out}"
    );
    assert!(out.contains("Account number"), "{out}");
    assert!(out.contains("is now Customer action required"), "{out}");
    let file = order_file(dir.path(), &id);
    assert_eq!(file["status"], "customer_action_required");
    let rejection = &file["rejections"][0];
    assert!(
        rejection["text"]
            .as_str()
            .is_some_and(|t| t.contains("does not match") && t.contains("ACC-7777")),
        "{rejection}"
    );
    assert_eq!(rejection["fields"][0], "account_number", "{rejection}");
    assert_eq!(file["csr"]["account_number"], "ACC-7777", "{file}");
}

#[test]
fn the_fields_can_be_chosen_and_a_bad_key_is_asked_again() {
    let (dir, id) = submitted_order();
    let input = "1\n1\nEnd user name mismatch\n\nnot_a_field\nauthorized_user\n";
    let (code, out) = plain(dir.path(), input);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("`not_a_field` is not a field key or group"),
        "{out}"
    );
    let fields = &order_file(dir.path(), &id)["rejections"][0]["fields"];
    assert_eq!(
        fields,
        &serde_json::json!(["authorized_user.first_name", "authorized_user.last_name"])
    );
}

#[test]
fn a_foc_is_recorded_after_a_bad_date_is_asked_again() {
    let (dir, id) = submitted_order();
    let input = "1\n2\nnext week\n12/19/2026\n9am\n";
    let (code, out) = plain(dir.path(), input);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Not a date"), "{out}");
    let file = order_file(dir.path(), &id);
    assert_eq!(file["status"], "foc_confirmed");
    assert_eq!(file["foc"]["date"], "2026-12-19");
    assert_eq!(file["foc"]["time"], "09:00:00");
}

#[test]
fn support_takes_its_scenario_and_ticket_and_a_ticket_goes_on_any_open_order() {
    let (dir, id) = submitted_order();
    let (code, out) = plain(
        dir.path(),
        "1\n4\n1\nhttps://admin.microsoft.com/ticket/123\n",
    );
    assert_eq!(code, 0, "{out}");
    let file = order_file(dir.path(), &id);
    assert_eq!(file["status"], "support_engaged");
    assert_eq!(file["support"]["scenario"], "requested_help", "{file}");
    assert_eq!(file["ticket"], "https://admin.microsoft.com/ticket/123");
    // The ticket alone, later (its own choice, after the five answers).
    let (code, out) = plain(dir.path(), "1\n6\nINC-42\n");
    assert_eq!(code, 0, "{out}");
    assert_eq!(order_file(dir.path(), &id)["ticket"], "INC-42");
}

#[test]
fn what_the_lifecycle_refuses_is_said_and_nothing_changes() {
    let (dir, id) = submitted_order();
    // Completion before any FOC is refused; the menu asks again; the end of input keeps it.
    let (code, out) = plain(dir.path(), "1\n3\n");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("3) Completion: not now:"), "{out}");
    assert!(out.contains("Refused:"), "{out}");
    assert_eq!(order_file(dir.path(), &id)["status"], "submitted");
}

#[test]
fn r_and_a_number_records_an_answer_for_a_rejected_order_too() {
    let (dir, id) = submitted_order();
    assert_eq!(
        run(dir.path(), &["reject", &id, "--text", "PIN mismatch"]).code,
        0
    );
    let (code, out) = plain(dir.path(), "r 1\n6\nINC-7\n");
    assert_eq!(code, 0, "{out}");
    let file = order_file(dir.path(), &id);
    assert_eq!(file["ticket"], "INC-7");
    assert_eq!(file["status"], "customer_action_required");
}
