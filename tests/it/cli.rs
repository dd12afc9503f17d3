//! The command line of docs/command-line.md, run as a user would: the real binary on a temp store.

use crate::support::{TODAY, new_order, order_file, run};

#[test]
fn new_prints_only_the_id_and_writes_a_private_file() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert!(
        id.starts_with("PO-") && !id.contains(char::is_whitespace),
        "{id}"
    );
    let file = order_file(dir.path(), &id);
    assert_eq!(file["schema_version"], 1);
    assert_eq!(file["status"], "draft");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.path().join("orders").join(format!("{id}.json"));
        assert_eq!(
            std::fs::metadata(path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let folder = std::fs::metadata(dir.path().join("orders")).unwrap();
        assert_eq!(folder.permissions().mode() & 0o777, 0o700);
    }
}

#[test]
fn set_refuses_a_past_port_date_naming_the_rule_and_keeps_the_order() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let out = run(dir.path(), &["set", &id, "port_date", "2020-01-01"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("Port date"), "{}", out.stderr);
    assert_eq!(
        order_file(dir.path(), &id)["fields"]["port_date"],
        "2026-12-08"
    );
}

#[test]
fn set_unknown_key_or_order_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["set", &id, "colour", "x"]).code, 2);
    assert_eq!(
        run(dir.path(), &["set", "PO-NOPE", "order_name", "x"]).code,
        2
    );
    assert_eq!(run(dir.path(), &["show", "../../etc/passwd"]).code, 2);
}

#[test]
fn submit_lists_every_missing_field_then_a_complete_order_is_submitted() {
    let dir = tempfile::tempdir().unwrap();
    let sparse = dir.path().join("sparse.json");
    std::fs::write(
        &sparse,
        r#"{"organization_name": "Fabrikam Inc", "numbers": ["+14255550100"], "pin": "1234"}"#,
    )
    .unwrap();
    let out = run(dir.path(), &["new", "--from", sparse.to_str().unwrap()]);
    let sparse_id = out.stdout.trim().to_string();
    let refused = run(dir.path(), &["submit", &sparse_id]);
    assert_eq!(refused.code, 1);
    for label in [
        "Country or region",
        "Account number",
        "Port date",
        "Signed LOA",
        "Authorized user last name",
    ] {
        assert!(
            refused.stderr.contains(label),
            "missing {label}: {}",
            refused.stderr
        );
    }
    assert_eq!(order_file(dir.path(), &sparse_id)["status"], "draft");

    let id = new_order(dir.path(), "complete-order.json");
    let out = run(dir.path(), &["submit", &id]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(order_file(dir.path(), &id)["status"], "submitted");
    let listed = run(dir.path(), &["list", "--status", "submitted"]);
    assert_eq!(
        listed.stdout.lines().count(),
        1,
        "one line per order: {}",
        listed.stdout
    );
    assert!(
        listed.stdout.starts_with(&id) && listed.stdout.contains("submitted"),
        "{}",
        listed.stdout
    );
    assert!(
        listed.stdout.contains(&id) && !listed.stdout.contains(&sparse_id),
        "{}",
        listed.stdout
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(dir.path(), &["list", "--json"]).stdout).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(2));
}

#[test]
fn show_masks_the_pin_and_export_leaves_it_out_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    for args in [
        vec!["show", &id],
        vec!["show", &id, "--json"],
        vec!["export", &id],
        vec!["list", "--json"],
    ] {
        let out = run(dir.path(), &args);
        assert_eq!(out.code, 0);
        assert!(!out.stdout.contains("482913"), "{args:?} leaked the PIN");
    }
    let with = run(dir.path(), &["export", &id, "--include-secrets"]);
    assert!(with.stdout.contains("482913"));
}

#[test]
fn export_then_import_round_trips_fields_status_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    let exported = run(
        dir.path(),
        &["export", &id, "--format", "json", "--include-secrets"],
    )
    .stdout;
    let file = dir.path().join("export.json");
    std::fs::write(&file, &exported).unwrap();
    let out = run(dir.path(), &["import", file.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let new_id = out.stdout.trim();
    assert_ne!(new_id, id);
    let before: serde_json::Value = serde_json::from_str(&exported).unwrap();
    let after: serde_json::Value =
        serde_json::from_str(&run(dir.path(), &["export", new_id, "--include-secrets"]).stdout)
            .unwrap();
    assert_eq!(after["status"], "submitted");
    for key in [
        "numbers",
        "organization_name",
        "pin",
        "service_address.postal_code",
        "loa",
    ] {
        assert_eq!(before[key], after[key], "{key}");
    }
    let events: Vec<&str> = after["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["event"].as_str())
        .collect();
    assert_eq!(events, ["created", "submitted", "imported"]);
}

#[test]
fn lifecycle_commands_and_their_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    // FOC on a draft and completing without an FOC are refused with the reason.
    let foc_draft = run(dir.path(), &["foc", &id, "2026-12-08"]);
    assert_eq!(foc_draft.code, 1);
    assert!(foc_draft.stderr.contains("Draft"), "{}", foc_draft.stderr);
    assert_eq!(run(dir.path(), &["complete", &id]).code, 1);
    assert_eq!(run(dir.path(), &["resubmit", &id]).code, 1);
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    assert_eq!(run(dir.path(), &["submit", &id]).code, 1);
    assert_eq!(run(dir.path(), &["foc", &id, "2026-12-08", "nine"]).code, 2);
    assert_eq!(
        run(dir.path(), &["foc", &id, "2026-12-08", "10:00"]).code,
        0
    );
    assert_eq!(order_file(dir.path(), &id)["status"], "foc_confirmed");
    assert_eq!(
        run(dir.path(), &["ticket", &id, "https://support.example/T-1"]).code,
        0
    );
    assert_eq!(run(dir.path(), &["complete", &id]).code, 0);
    assert_eq!(run(dir.path(), &["cancel", &id]).code, 1);
    let file = order_file(dir.path(), &id);
    assert_eq!(file["status"], "completed");
    assert_eq!(file["ticket"], "https://support.example/T-1");
}

#[test]
fn foc_reads_the_dates_and_times_the_tui_reads() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    // Month first, as Teams shows dates in en-US, and a time with am/pm.
    let out = run(dir.path(), &["foc", &id, "12/08/2026", "2:30 pm"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let file = order_file(dir.path(), &id);
    assert_eq!(file["foc"]["date"], "2026-12-08");
    assert_eq!(file["foc"]["time"], "14:30:00");
    assert_eq!(file["status"], "foc_confirmed");
    // Day first is not a date (there is no 13th month); the message names both forms.
    let other = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &other]).code, 0);
    let bad = run(dir.path(), &["foc", &other, "13/08/2026"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("MM/DD/YYYY"), "{}", bad.stderr);
    let bad_time = run(dir.path(), &["foc", &other, "12/08/2026", "25:00"]);
    assert_eq!(bad_time.code, 2, "{}", bad_time.stderr);
    assert!(bad_time.stderr.contains("HH:MM"), "{}", bad_time.stderr);
    assert_eq!(order_file(dir.path(), &other)["status"], "submitted");
}

#[test]
fn cancel_is_refused_within_24_hours_of_the_confirmed_port() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    // The FOC is the day after "today": inside the 24-hour window.
    assert_eq!(
        run(dir.path(), &["foc", &id, "2026-11-27", "06:30"]).code,
        0
    );
    let out = run(dir.path(), &["cancel", &id]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("24 hours"), "{}", out.stderr);
    // Further out it is allowed.
    let other = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &other]).code, 0);
    assert_eq!(run(dir.path(), &["foc", &other, "2026-12-08"]).code, 0);
    assert_eq!(run(dir.path(), &["cancel", &other]).code, 0);
    assert_eq!(order_file(dir.path(), &other)["status"], "cancelled");
}

#[test]
fn support_engaged_with_a_scenario_and_back_to_submitted_is_not_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(
        run(
            dir.path(),
            &["support", &id, "--scenario", "requested_help"]
        )
        .code,
        1
    );
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    assert_eq!(
        run(dir.path(), &["support", &id, "--scenario", "bogus"]).code,
        2
    );
    let out = run(
        dir.path(),
        &[
            "support",
            &id,
            "--scenario",
            "submission_error",
            "--ticket",
            "T-42",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let file = order_file(dir.path(), &id);
    assert_eq!(file["status"], "support_engaged");
    assert_eq!(file["support"]["scenario"], "submission_error");
    assert_eq!(file["ticket"], "T-42");
}

#[test]
fn new_from_a_broken_document_names_the_position() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\n  \"organization_name\": \"Fabrikam\",\n  \"numbers\": [\"+1425\"\n",
    )
    .unwrap();
    let out = run(dir.path(), &["new", "--from", bad.to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("line"), "{}", out.stderr);
    assert_eq!(run(dir.path(), &["list"]).stdout, "", "no orders: no lines");
    let _ = TODAY;
}

#[test]
fn classify_prints_the_json_contract_and_refuses_empty_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "classify",
            "--json",
            "The provided PIN is missing or incorrect.",
        ],
    );
    assert_eq!(out.code, 0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["fields"], serde_json::json!(["pin"]));
    assert_eq!(json["matches"][0]["fields"], serde_json::json!(["pin"]));
    assert!(json["matches"][0]["score"].as_f64().unwrap() > 0.0);
    assert_eq!(json["needs_carrier_contact"], false);
    assert!(!json["action"].as_str().unwrap().is_empty());
    let none: serde_json::Value =
        serde_json::from_str(&run(dir.path(), &["classify", "--json", "OTHER"]).stdout).unwrap();
    assert_eq!(
        (
            none["fields"].as_array().map(Vec::len),
            none["matches"].as_array().map(Vec::len)
        ),
        (Some(0), Some(0))
    );
    assert_eq!(run(dir.path(), &["classify", "   "]).code, 2);
}

#[test]
fn reject_stores_the_raw_text_and_prints_the_fields_to_fix() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(
        run(dir.path(), &["reject", &id, "--text", "PIN invalid"]).code,
        1,
        "a draft cannot be rejected"
    );
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    let text = "EU NAME MISMATCH \u{1b}]52;c;aGVsbG8=\u{7} and ZIP code does not match CSR";
    let out = run(dir.path(), &["reject", &id, "--text", text]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Organization name") && out.stdout.contains("ZIP or postal code"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains('\u{1b}'));
    let file = order_file(dir.path(), &id);
    assert_eq!(file["status"], "customer_action_required");
    assert_eq!(
        file["rejections"][0]["text"], text,
        "the carrier's words are kept raw"
    );
    assert_eq!(
        file["rejections"][0]["fields"],
        serde_json::json!(["organization_name", "service_address.postal_code"])
    );
    let shown = run(dir.path(), &["show", &id]);
    assert!(
        !shown.stdout.contains('\u{1b}') && shown.stdout.contains("EU NAME MISMATCH"),
        "{}",
        shown.stdout
    );
    // The user knows better: --fields wins, groups expand.
    assert_eq!(run(dir.path(), &["resubmit", &id, "--unchanged"]).code, 0);
    let out = run(
        dir.path(),
        &[
            "reject",
            &id,
            "--text",
            "Data missing or incorrect",
            "--fields",
            "authorized_user",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let file = order_file(dir.path(), &id);
    assert_eq!(
        file["rejections"][1]["fields"],
        serde_json::json!(["authorized_user.first_name", "authorized_user.last_name"])
    );
    assert_eq!(
        run(
            dir.path(),
            &["reject", &id, "--text", "x", "--fields", "nonsense"]
        )
        .code,
        2
    );
}

#[test]
fn a_local_rejections_file_teaches_wording_and_a_broken_one_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path()).unwrap();
    std::fs::write(dir.path().join("rejections.json"), "{ \"rules\": [ ").unwrap();
    let out = run(
        dir.path(),
        &[
            "classify",
            "--json",
            "The provided PIN is missing or incorrect.",
        ],
    );
    assert_eq!(out.code, 0);
    assert!(
        out.stderr.contains("rejections.json") && out.stderr.contains("line"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("\"pin\""));
}

#[test]
fn lifecycle_commands_refuse_with_the_reason_and_reject_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    // Unknown order: a usage error for every lifecycle command.
    for args in [
        vec!["foc", "PO-NOPE", "2026-12-08"],
        vec!["complete", "PO-NOPE"],
        vec!["support", "PO-NOPE", "--scenario", "requested_help"],
        vec!["ticket", "PO-NOPE", "T-1"],
        vec!["cancel", "PO-NOPE"],
    ] {
        let out = run(dir.path(), &args);
        assert_ne!(out.code, 0, "{args:?}");
        assert!(!out.stderr.trim().is_empty(), "{args:?} says why");
    }
    // A date that is not a date is an input error; nothing changes.
    let bad = run(dir.path(), &["foc", &id, "next tuesday"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("YYYY-MM-DD"), "{}", bad.stderr);
    // An empty ticket is a usage error, with the reason.
    let empty = run(dir.path(), &["ticket", &id, "  "]);
    assert_eq!(empty.code, 2);
    assert!(empty.stderr.contains("id or a link"), "{}", empty.stderr);
    // Complete from submitted: refused, naming what is needed first.
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    let early = run(dir.path(), &["complete", &id]);
    assert_eq!(early.code, 1);
    assert!(early.stderr.contains("FOC confirmed"), "{}", early.stderr);
    assert_eq!(order_file(dir.path(), &id)["status"], "submitted");
    // A cancelled order is final: no FOC, no support, no second cancel.
    assert_eq!(run(dir.path(), &["cancel", &id]).code, 0);
    for args in [
        vec!["foc", id.as_str(), "2026-12-08"],
        vec!["support", id.as_str(), "--scenario", "requested_help"],
        vec!["cancel", id.as_str()],
    ] {
        let out = run(dir.path(), &args);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("Cancelled"), "{args:?}: {}", out.stderr);
    }
    assert_eq!(order_file(dir.path(), &id)["status"], "cancelled");
}

#[test]
fn new_writes_hand_typed_numbers_as_e164_so_the_csv_export_is_uploadable() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("order.json");
    std::fs::write(
        &doc,
        r#"{"country": "US", "numbers": ["(425) 555-0101", "425.555.0102"], "pin": "1234"}"#,
    )
    .unwrap();
    let out = run(dir.path(), &["new", "--from", doc.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let id = out.stdout.trim();
    assert_eq!(
        order_file(dir.path(), id)["fields"]["numbers"],
        serde_json::json!(["+14255550101", "+14255550102"])
    );
    let csv = run(dir.path(), &["export", id, "--format", "csv"]);
    assert_eq!(
        csv.stdout,
        "PhoneNumber\r\n+14255550101\r\n+14255550102\r\n"
    );
}

#[test]
fn classify_of_unknown_text_says_not_recognised_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["classify", "hello, this is about your order"]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout.matches("Not recognised").count(),
        1,
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Ask the carrier"), "{}", out.stdout);
    assert!(!out.stdout.contains("What to do: Not"), "{}", out.stdout);
}

#[test]
fn new_warns_about_wrong_values_on_stderr_and_prints_only_the_id() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.json");
    std::fs::write(
        &doc,
        r#"{"numbers": ["555"], "port_date": "2026-12-05", "organization_name": "Fabrikam"}"#,
    )
    .unwrap();
    let out = run(dir.path(), &["new", "--from", doc.to_str().unwrap()]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.trim().starts_with("PO-") && out.stdout.lines().count() == 1,
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("Phone numbers") && out.stderr.contains("Saturday"),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("Account number"),
        "missing fields are for submit: {}",
        out.stderr
    );
}

/// A newcomer reads `COMMAND --help` to learn what to type: every argument says what it is, and
/// an order's id is shown as `new` really makes one, with the prefix every command accepts.
#[test]
fn every_argument_of_every_command_is_described_and_the_id_example_is_real() {
    let dir = tempfile::tempdir().unwrap();
    let real_id = new_order(dir.path(), "complete-order.json");
    let cli = portwiz::cli::args::command();
    let mut undescribed = Vec::new();
    for sub in cli.get_subcommands() {
        for arg in sub.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") || arg.is_hide_set() {
                continue;
            }
            if arg.get_help().is_none() && arg.get_long_help().is_none() {
                undescribed.push(format!("{} {id}", sub.get_name()));
            }
            if id == "id" {
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(help.contains("prefix"), "{}: {help}", sub.get_name());
                let example = help
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .find(|word| word.starts_with("PO-"))
                    .unwrap_or_else(|| panic!("no example id in {help}"));
                assert_eq!(
                    example.len(),
                    real_id.len(),
                    "{}: example {example} is not shaped like {real_id}",
                    sub.get_name()
                );
            }
        }
    }
    assert!(undescribed.is_empty(), "no help for: {undescribed:?}");
}

/// A FOC dated before the order was even submitted is a misread e-mail or last year's date typed
/// by habit (2025-12-08 for 2026-12-08): it goes through, like a weekend FOC, with a warning.
#[test]
fn a_foc_dated_before_the_submission_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    // 2025-12-08 is a Monday: no weekend warning hides the one this test is about.
    let out = run(dir.path(), &["foc", &id, "2025-12-08", "10:00"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("warning:") && out.stderr.contains("before the order was submitted"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(TODAY),
        "names the submission's day: {}",
        out.stderr
    );
    assert_eq!(order_file(dir.path(), &id)["foc"]["date"], "2025-12-08");
    // A FOC after the submission says nothing of the kind.
    let other = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &other]).code, 0);
    let fine = run(dir.path(), &["foc", &other, "2026-12-08"]);
    assert!(!fine.stderr.contains("before the order"), "{}", fine.stderr);
}

/// A mistyped key in `reject --fields` points to where the keys are listed (`set --help`), not
/// to `portwiz --help`, which lists none.
#[test]
fn an_unknown_key_in_reject_fields_points_to_the_list_of_keys() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    let out = run(
        dir.path(),
        &["reject", &id, "--text", "wrong zip", "--fields", "zip"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("`portwiz set --help`"),
        "{}",
        out.stderr
    );
    let keys = run(dir.path(), &["set", "--help"]).stdout;
    assert!(keys.contains("service_address.postal_code"), "{keys}");
    assert_eq!(order_file(dir.path(), &id)["status"], "submitted");
}

/// `list --help` names the columns in the order `list` prints them.
#[test]
fn list_help_names_the_columns_in_the_order_list_prints_them() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let line = run(dir.path(), &["list"]).stdout;
    let file = order_file(dir.path(), &id);
    let values = [
        ("id", id.clone()),
        ("status", "draft".to_string()),
        (
            "carrier",
            file["fields"]["current_carrier"]
                .as_str()
                .unwrap()
                .to_string(),
        ),
        (
            "name",
            file["fields"]["order_name"].as_str().unwrap().to_string(),
        ),
    ];
    let help = run(dir.path(), &["list", "--help"]).stdout;
    let summary = help.lines().next().unwrap_or_default().to_lowercase();
    let mut in_output: Vec<(usize, &str)> = values
        .iter()
        .map(|(column, value)| {
            (
                line.find(value.as_str())
                    .unwrap_or_else(|| panic!("{value} in {line}")),
                *column,
            )
        })
        .collect();
    let mut in_help: Vec<(usize, &str)> = values
        .iter()
        .map(|(column, _)| {
            (
                summary
                    .find(column)
                    .unwrap_or_else(|| panic!("{column} in {summary}")),
                *column,
            )
        })
        .collect();
    in_output.sort();
    in_help.sort();
    let order = |v: &[(usize, &str)]| v.iter().map(|(_, c)| c.to_string()).collect::<Vec<_>>();
    assert_eq!(order(&in_help), order(&in_output), "{summary}\n{line}");
}

/// `submit` or `resubmit` in the wrong status says only why: the warnings about the order's
/// values (fictional numbers, the carrier's history) are for an order about to go out.
#[test]
fn a_submission_refused_for_its_status_prints_no_warnings_first() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    for command in ["submit", "resubmit"] {
        let out = run(dir.path(), &[command, &id]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert!(out.stderr.contains("it is Submitted"), "{}", out.stderr);
        assert!(
            !out.stderr.contains("warning:"),
            "{command}: {}",
            out.stderr
        );
    }
}

/// A key spelt the British way, or with a typo, is answered with the key meant, before the
/// list of 25: in `set` and in a fields document alike; nothing is written.
#[test]
fn a_misspelt_key_is_answered_with_the_key_meant() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let set = run(dir.path(), &["set", &id, "organisation_name", "X"]);
    assert_eq!(set.code, 2, "{}", set.stderr);
    assert!(
        set.stderr.contains("did you mean `organization_name`?"),
        "{}",
        set.stderr
    );
    let typo = run(dir.path(), &["set", &id, "service_adress.city", "X"]);
    assert!(
        typo.stderr.contains("did you mean `service_address.city`?"),
        "{}",
        typo.stderr
    );
    let far = run(dir.path(), &["set", &id, "colour", "X"]);
    assert!(!far.stderr.contains("did you mean"), "{}", far.stderr);
    let doc = dir.path().join("doc.json");
    std::fs::write(&doc, r#"{"organisation_name": "X"}"#).unwrap();
    let new = run(dir.path(), &["new", "--from", doc.to_str().unwrap()]);
    assert_eq!(new.code, 2, "{}", new.stderr);
    assert!(
        new.stderr.contains("did you mean `organization_name`?"),
        "{}",
        new.stderr
    );
    assert_eq!(
        order_file(dir.path(), &id)["fields"]["order_name"],
        "Redmond HQ main lines"
    );
}
