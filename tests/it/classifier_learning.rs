//! Learning from the user through the CLI: `reject --fields` teaches, a later process (a
//! restart) recognises a similar text from the example and says so; quoted values become the
//! CSR's; weak matches are flagged as guesses; `--explain` names words, rules and examples.

use crate::support::{new_order, order_file, run};

/// An E911/ALI code the catalog misreads (it sees a "TN mismatch"): the user knows better.
const UNKNOWN: &str = "Reject 4C: ALI record mismatch for the TN";

#[test]
fn a_label_given_with_fields_survives_a_restart_and_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let before = run(dir.path(), &["classify", "--json", UNKNOWN]);
    let json: serde_json::Value = serde_json::from_str(&before.stdout).unwrap();
    assert_eq!(
        json["fields"],
        serde_json::json!(["numbers"]),
        "{}",
        before.stdout
    );

    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    let out = run(
        dir.path(),
        &[
            "reject",
            &id,
            "--text",
            UNKNOWN,
            "--fields",
            "service_address.street",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(dir.path().join("examples.json").is_file());

    // A new process: the example is read back from the data dir.
    let after = run(
        dir.path(),
        &[
            "classify",
            "--json",
            "REJECT 4C - ALI record mismatch on TN",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&after.stdout).unwrap();
    assert_eq!(
        json["fields"],
        serde_json::json!(["service_address.street"])
    );
    assert_eq!(json["matches"][0]["rule"], "learned_example");
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["action", "fields", "matches", "needs_carrier_contact"]
    );

    let text = run(
        dir.path(),
        &[
            "classify",
            "--explain",
            "REJECT 4C - ALI record mismatch on TN",
        ],
    );
    assert!(
        text.stdout
            .contains("like the rejection you labelled on 2026-")
            && text.stdout.contains("\"ali\""),
        "{}",
        text.stdout
    );
}

#[test]
fn a_quoted_name_is_recorded_as_the_csr_value() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    let text = "Business name mismatch. The CSR shows 'FOURTH COFFEE LLC'.";
    let out = run(dir.path(), &["reject", &id, "--text", text]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("FOURTH COFFEE LLC"), "{}", out.stdout);
    let file = order_file(dir.path(), &id);
    assert_eq!(
        file["csr"]["organization_name"], "FOURTH COFFEE LLC",
        "{file}"
    );
}

#[test]
fn explain_names_the_words_and_rules_and_a_weak_match_is_a_guess() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["classify", "--explain", "The PIN is wrong."]);
    assert!(
        out.stdout
            .contains("rule pin_missing_or_incorrect (score 1.00)")
            && out.stdout.contains("\"PIN\""),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("guess"));
    // Only found across sentences: a guess.
    let weak = run(dir.path(), &["classify", "Rejected. PIN."]);
    assert!(weak.stdout.contains("This is a guess"), "{}", weak.stdout);
}

#[test]
fn reject_with_chosen_fields_gives_advice_for_those_fields_only() {
    let dir = tempfile::tempdir().unwrap();
    let id = crate::support::new_order(dir.path(), "complete-order.json");
    let submitted = crate::support::run(dir.path(), &["submit", &id]);
    assert_eq!(submitted.code, 0, "{}", submitted.stderr);
    let text = "The provided PIN is missing or incorrect.";
    let out = crate::support::run(
        dir.path(),
        &["reject", &id, "--text", text, "--fields", "account_number"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let advice = out
        .stdout
        .lines()
        .find(|l| l.starts_with("What to do:"))
        .unwrap_or_default();
    assert!(
        advice.contains("account number") && !advice.contains("PIN"),
        "{}",
        out.stdout
    );
    let file = crate::support::order_file(dir.path(), &id);
    let stored = file["rejections"][0]["action"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        stored.contains("account number") && !stored.contains("PIN"),
        "{file:#}"
    );
}
