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

/// Carrier texts the classifier has doubted (as in `respond_pty`); the first it is not sure of
/// is used, so a retrained model does not silently turn the test into a sure one.
const DOUBTED: &[&str] = &[
    "The phone line must be moved by the current provider first",
    "The telephone number must be unlocked by the end user and current service provider",
    "Number must be released by the losing carrier before the port can proceed",
    "Please review the information on the order and resubmit",
];

/// The first of `DOUBTED` whose reading (the rules', else the model's suggestion) is "not sure".
fn not_sure_text() -> &'static str {
    use portwiz::domain::classifier::{
        Catalog, ExampleIndex, Model, classify_with_examples, suggest, sureness,
    };
    let catalog = Catalog::builtin();
    DOUBTED
        .iter()
        .copied()
        .find(|t| {
            let c = classify_with_examples(t, &catalog, &ExampleIndex::default());
            let s = (!c.is_recognised() && !c.is_status_update())
                .then(|| Model::builtin().and_then(|m| suggest(t, &catalog, m)))
                .flatten();
            sureness(&c, s.as_ref()).not_sure
        })
        .unwrap_or_else(|| panic!("none of the texts is 'not sure' any more: {DOUBTED:?}"))
}

/// The number plain mode's list gives the field labelled `label` (a line "    N) label…").
fn number_of(out: &str, label: &str) -> String {
    out.lines()
        .filter_map(|l| l.trim().split_once(") "))
        .find(|(n, rest)| rest.starts_with(label) && n.parse::<usize>().is_ok())
        .map(|(n, _)| n.to_string())
        .unwrap_or_else(|| panic!("no numbered {label:?}:\n{out}"))
}

/// The user's labelled examples on disk (`examples.json`).
fn learned(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let Ok(text) = std::fs::read_to_string(dir.join("examples.json")) else {
        return Vec::new();
    };
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let list = value.as_array().or_else(|| value["examples"].as_array());
    list.cloned().unwrap_or_else(|| panic!("{value:#}"))
}

#[test]
fn not_sure_says_so_asks_which_field_by_number_and_learns_the_answer() {
    let text = not_sure_text();
    let (dir, id) = submitted_order();
    // First the question alone (the end of input records nothing), to read the list's numbers.
    let (code, asked) = plain(dir.path(), &format!("1\n1\n{text}\n\n"));
    assert_eq!(code, 0, "{asked}");
    assert!(asked.contains("Not sure"), "{asked}");
    assert!(
        asked.contains("Which field did the carrier reject? Type its number"),
        "{asked}"
    );
    assert!(asked.contains("  Account information:"), "{asked}");
    assert!(asked.contains("Nothing was recorded"), "{asked}");
    assert_eq!(order_file(dir.path(), &id)["status"], "submitted");
    assert!(learned(dir.path()).is_empty());

    // A number off the list is asked again; then the current carrier's number.
    let carrier = number_of(&asked, "Current service provider");
    let input = format!("1\n1\n{text}\n\n999\n{carrier}\n");
    let (code, out) = plain(dir.path(), &input);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("999 is not on the list"), "{out}");
    assert!(out.contains("is now Customer action required"), "{out}");
    let file = order_file(dir.path(), &id);
    assert_eq!(
        file["rejections"][0]["fields"],
        serde_json::json!(["current_carrier"]),
        "{file:#}"
    );
    let examples = learned(dir.path());
    let last = examples.last().unwrap_or_else(|| panic!("nothing learned"));
    assert_eq!(last["text"], text, "{examples:?}");
    assert_eq!(last["fields"], serde_json::json!(["current_carrier"]));
}

#[test]
fn a_sure_reading_asks_no_question_and_keeping_it_learns_nothing() {
    let (dir, id) = submitted_order();
    let (code, out) = plain(dir.path(), "1\n1\nThe PIN is wrong.\n\n\n");
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains("Which field did the carrier reject?"),
        "{out}"
    );
    assert!(out.contains("? lists the fields by number"), "{out}");
    let file = order_file(dir.path(), &id);
    assert_eq!(file["rejections"][0]["fields"], serde_json::json!(["pin"]));
    assert!(learned(dir.path()).is_empty());
}
