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
    // The command-line contract's four keys stay; keys are only ever added (docs/command-line.md).
    assert_eq!(keys, crate::support::CLASSIFY_JSON_KEYS);
    assert_eq!(json["needs_carrier_contact"], false);
    assert!(json["action"].is_string());
    // A learned example is as sure as it is similar.
    assert_eq!(json["confidence"], json["matches"][0]["score"]);
    assert!(json["not_sure"].is_boolean());
    assert_eq!(json["status_update"], false);
    assert_eq!(json["suggestion"], serde_json::Value::Null);

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

/// A text nothing recognises: the JSON says what the words say. The advice is to ask the carrier,
/// so `ask_carrier` is true, but nothing says only the carrier can clear it, so
/// `needs_carrier_contact` stays false (docs/command-line.md: a text not recognised is not a carrier-side
/// block); the confidence and "not sure" are the model suggestion's,
/// as printed.
#[test]
fn classify_json_and_words_agree_on_a_text_nothing_recognises() {
    let dir = tempfile::tempdir().unwrap();
    let text = "hello, this is about your order";
    let out = run(dir.path(), &["classify", "--json", text]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let words = run(dir.path(), &["classify", text]).stdout;
    assert_eq!(json["fields"], serde_json::json!([]));
    assert_eq!(json["matches"], serde_json::json!([]));
    assert!(words.contains("Ask the carrier"), "{words}");
    assert!(
        json["action"].as_str().unwrap().contains("Ask the carrier"),
        "{json}"
    );
    assert_eq!(json["needs_carrier_contact"], false, "{json}");
    assert_eq!(json["ask_carrier"], true, "{json}");
    assert_eq!(json["status_update"], false);
    assert_eq!(
        json["not_sure"].as_bool().unwrap(),
        words.contains("Not sure"),
        "{json}\n{words}"
    );
    match json["suggestion"].as_object() {
        Some(s) => {
            let shown = format!("(confidence {:.2})", s["confidence"].as_f64().unwrap());
            assert!(words.contains(&shown), "{shown} in {words}");
            assert_eq!(json["confidence"], s["confidence"]);
        }
        None => assert_eq!(json["confidence"], serde_json::Value::Null),
    }

    let status = "Your order is being processed.";
    let json: serde_json::Value =
        serde_json::from_str(&run(dir.path(), &["classify", "--json", status]).stdout).unwrap();
    assert_eq!(json["status_update"], true, "{json}");
    assert_eq!(json["suggestion"], serde_json::Value::Null);
    let words = run(dir.path(), &["classify", status]).stdout;
    assert!(words.contains("reads like a status update"), "{words}");
}

/// A rules' answer the model doubts: "not sure" and its confidence in the JSON, as in the words.
#[test]
fn classify_json_says_not_sure_with_the_confidence_the_words_show() {
    let dir = tempfile::tempdir().unwrap();
    for text in [
        "The phone line must be moved by the current provider first",
        "The PIN is wrong.",
        "Rejected. PIN.",
    ] {
        let json: serde_json::Value =
            serde_json::from_str(&run(dir.path(), &["classify", "--json", text]).stdout).unwrap();
        let words = run(dir.path(), &["classify", text]).stdout;
        let doubted = words.contains("Not sure") || words.contains("This is a guess");
        assert_eq!(json["not_sure"], doubted, "{text}: {json}\n{words}");
        let confidence = json["confidence"].as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&confidence), "{text}: {json}");
        if words.contains("Not sure (confidence") {
            assert!(
                words.contains(&format!("Not sure (confidence {confidence:.2})")),
                "{text}: {json}\n{words}"
            );
        }
    }
}

/// `--explain` for a person asking "why did it say that?": each rule's confidence beside its
/// score, the rules whose match the model dropped, whether the answer is sure enough to act on,
/// and the model's reading of the answer's fields first. Only cleaned text reaches the terminal.
#[test]
fn explain_shows_confidences_dropped_rules_and_the_verdict() {
    use portwiz::domain::classifier::{Catalog, ExampleIndex, classify, classify_with_examples};
    let dir = tempfile::tempdir().unwrap();
    let sure = run(
        dir.path(),
        &[
            "classify",
            "--explain",
            "The PIN is wrong and the account number does not match",
        ],
    )
    .stdout;
    // A confidence is a probability: shown as 0.xx, or 1.00 when the model is certain.
    assert!(
        sure.contains("rule pin_missing_or_incorrect (score 1.00), confidence 0.")
            || sure.contains("rule pin_missing_or_incorrect (score 1.00), confidence 1.00"),
        "{sure}"
    );
    assert!(
        sure.contains("Sure: confidence 0.") || sure.contains("Sure: confidence 1.00"),
        "{sure}"
    );
    let model = sure
        .split("Model (trained on the public corpus)")
        .nth(1)
        .unwrap_or_default();
    let answer: Vec<&str> = model
        .lines()
        .filter(|l| l.contains(", in the answer: "))
        .collect();
    assert_eq!(answer.len(), 2, "{model}");
    assert!(answer.iter().all(|l| l.contains(" +")), "{model}");

    let doubted = "The phone line must be moved by the current provider first";
    let out = run(dir.path(), &["classify", "--explain", doubted]).stdout;
    assert!(out.contains("Not sure: confidence 0."), "{out}");
    assert!(out.contains("below the 0.30"), "{out}");

    // A match the model drops is named, with the words that matched.
    let catalog = Catalog::builtin();
    let none = ExampleIndex::new(Vec::new());
    let mut shown = 0;
    for text in [
        "The PIN for this customer order is invalid",
        "Invalid LOA: the authorized name on the LOA does not match the end user name on the account",
        "The account number on the LOA does not match the account number on the CSR",
    ] {
        let kept = classify_with_examples(text, &catalog, &none);
        let out = run(dir.path(), &["classify", "--explain", text]).stdout;
        for m in classify(text, &catalog).matches {
            if !kept.matches.iter().any(|k| k.rule == m.rule) {
                let line = format!("rule {} matched ", m.rule);
                assert!(
                    out.contains(&line) && out.contains("but was dropped"),
                    "{out}"
                );
                shown += 1;
            }
        }
    }
    assert!(shown > 0, "no dropped match among the texts");

    let hostile = "The PIN \u{1b}[31mis\u{1b}[0m wrong \u{1b}]0;owned\u{7}";
    let out = run(dir.path(), &["classify", "--explain", hostile]).stdout;
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
}
