//! Exports: golden files for every format (UPDATE_GOLDEN=1 rewrites them), the JSON round trip
//! through the CLI, the formula-injection guard, control sequences and the PIN.

use crate::support::{fixture, new_order, run};
use jiff::civil::date;
use portwiz::domain::document;
use portwiz::domain::export::{Format, render};
use portwiz::domain::order::RejectionInput;
use portwiz::domain::{Clock, FieldKey, Order};
use std::path::PathBuf;

const PIN: &str = "482913";

fn clock(day: i8) -> Clock {
    Clock::fixed(date(2026, 11, day))
}

/// The fixture order as a draft, on the day every test runs.
fn draft() -> Order {
    let text = std::fs::read_to_string(fixture("complete-order.json")).unwrap();
    let doc = document::parse(&text, false).unwrap();
    Order::new("PO-GOLDEN01".into(), doc.fields, clock(26).now)
}

/// Submitted on the 26th, rejected on the 27th for the authorized user's name.
fn rejected() -> Order {
    let mut order = draft();
    order.submit(clock(26)).unwrap();
    let input = RejectionInput {
        text: "Rejected 6P: End user name does not match the CSR.\nAuthorized name on account is DANA M REYES.".into(),
        fields: vec![FieldKey::AuthorizedUserFirstName, FieldKey::AuthorizedUserLastName],
        rules: vec!["end_user_name".into()],
        action: "Get the authorized user's name exactly as on the CSR (middle initial included), update it and resubmit.".into(),
        needs_carrier_contact: false,
        key_sentence: None,
    };
    order.reject(input, clock(27).now).unwrap();
    order
}

fn foc_confirmed() -> Order {
    let mut order = draft();
    order.submit(clock(26)).unwrap();
    let time = jiff::civil::time(10, 0, 0, 0);
    order
        .confirm_foc(date(2026, 12, 8), Some(time), clock(27).now)
        .unwrap();
    order
}

fn sixty_numbers() -> Order {
    let mut order = draft();
    order.fields.numbers = (0..60).map(|i| format!("+1425555{:04}", 100 + i)).collect();
    order
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compare with the golden file, or rewrite it with `UPDATE_GOLDEN=1`.
fn assert_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{name} differs from its golden file (- golden, + actual); run with UPDATE_GOLDEN=1 to accept:\n{}",
            line_diff(&expected, actual)
        );
    }
}

/// A line diff by longest common subsequence (golden files are small).
fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    let show = |sign: char, line: &str| format!("{sign} {:?}\n", line);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&show('+', b[j]));
            j += 1;
        } else {
            out.push_str(&show('-', a[i]));
            i += 1;
        }
    }
    out
}

fn export(order: &Order, format: Format) -> String {
    render(order, format, false).unwrap()
}

#[test]
fn golden_text_exports() {
    assert_golden("text-draft.txt", &export(&draft(), Format::Text));
    assert_golden("text-rejected.txt", &export(&rejected(), Format::Text));
    assert_golden("text-foc.txt", &export(&foc_confirmed(), Format::Text));
}

#[test]
fn golden_csv_json_and_loa_exports() {
    assert_golden("numbers.csv", &export(&draft(), Format::Csv));
    assert_golden("rejected.json", &export(&rejected(), Format::Json));
    assert_golden("loa.txt", &export(&draft(), Format::Loa));
    assert_golden("loa-60-numbers.txt", &export(&sixty_numbers(), Format::Loa));
}

#[test]
fn the_text_export_lists_every_number_and_the_loa_appends_a_long_list() {
    let order = sixty_numbers();
    let text = export(&order, Format::Text);
    let loa = export(&order, Format::Loa);
    for number in &order.fields.numbers {
        assert!(text.contains(number.as_str()), "text lacks {number}");
        assert!(loa.contains(number.as_str()), "LOA lacks {number}");
    }
    assert!(loa.contains("See the attached list of 60 numbers"));
    assert!(loa.find("Signature:") < loa.find("ATTACHMENT A"));
}

#[test]
fn no_control_sequence_reaches_any_export() {
    let mut order = draft();
    let osc52 = "\x1b]52;c;cm0gLXJmIH4=\x07";
    order.fields.organization_name = format!("Fabrikam{osc52} Inc");
    order.fields.current_carrier = "Contoso\x1b[2J Telecom".into();
    order.fields.numbers.push(format!("+1425555{osc52}0199"));
    order.fields.documents = vec!["bill\x1b[31m.pdf".into()];
    order.status = portwiz::domain::Status::Submitted;
    let input = RejectionInput {
        text: format!("Name mismatch\x1b[2J{osc52}"),
        action: "Fix\x1b[H it".into(),
        ..Default::default()
    };
    order.reject(input, clock(27).now).unwrap();
    assert!(!order.rejections.is_empty());
    for format in [Format::Json, Format::Text, Format::Csv, Format::Loa] {
        for secrets in [false, true] {
            let out = render(&order, format, secrets).unwrap();
            assert!(
                !out.contains(['\x1b', '\x07', '\u{9b}', '\u{9d}']),
                "{format:?} kept a control character"
            );
            assert!(
                !out.to_lowercase().contains("\\u001b") && !out.contains("\\u0007"),
                "{format:?} kept an escaped control character"
            );
            assert!(!out.contains("]52;"), "{format:?} kept the OSC 52 payload");
        }
    }
}

#[test]
fn the_pin_is_left_out_by_default_and_only_json_and_text_show_it_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    for format in ["json", "text", "csv", "loa"] {
        let out = run(dir.path(), &["export", &id, "--format", format]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert!(!out.stdout.contains(PIN), "{format} leaked the PIN");
        let with = run(
            dir.path(),
            &["export", &id, "--format", format, "--include-secrets"],
        );
        // Asking for the PIN where it never goes is a usage error (issue 18), not ignored.
        if format == "json" || format == "text" {
            assert_eq!(with.code, 0, "{format}: {}", with.stderr);
            assert!(with.stdout.contains(PIN), "{format}");
        } else {
            assert_eq!(with.code, 2, "{format}: {}", with.stderr);
            assert!(with.stdout.is_empty(), "{format}");
        }
    }
}

#[test]
fn json_round_trips_through_export_import_export() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    let rejected = run(
        dir.path(),
        &[
            "reject",
            &id,
            "--text",
            "Service address does not match",
            "--fields",
            "service_address",
        ],
    );
    assert_eq!(rejected.code, 0, "{}", rejected.stderr);
    let first = run(dir.path(), &["export", &id, "--include-secrets"]).stdout;
    let file = dir.path().join("first.json");
    std::fs::write(&file, &first).unwrap();
    let imported = run(dir.path(), &["import", file.to_str().unwrap()]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let new_id = imported.stdout.trim();
    let second = run(dir.path(), &["export", new_id, "--include-secrets"]).stdout;

    let mut a: serde_json::Value = serde_json::from_str(&first).unwrap();
    let mut b: serde_json::Value = serde_json::from_str(&second).unwrap();
    assert_eq!(b["id"], new_id);
    let history = b["history"].as_array_mut().unwrap();
    let last = history.pop().unwrap();
    assert_eq!(last["event"], "imported");
    for doc in [&mut a, &mut b] {
        doc.as_object_mut().unwrap().remove("id");
    }
    assert_eq!(a, b);
    assert_eq!(a["status"], "customer_action_required");
}

#[test]
fn the_csv_export_defuses_formulas_and_keeps_e164_readable() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("hostile.json");
    std::fs::write(
        &doc,
        r#"{"numbers": ["=cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "+1 425", "+14255550100"]}"#,
    )
    .unwrap();
    let created = run(dir.path(), &["new", "--from", doc.to_str().unwrap()]);
    assert_eq!(created.code, 0, "{}", created.stderr);
    let id = created.stdout.trim();
    let out = run(dir.path(), &["export", id, "--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.ends_with("\r\n") && !out.stdout.replace("\r\n", "").contains('\n'));
    let cells: Vec<String> = csv::Reader::from_reader(out.stdout.as_bytes())
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(
        cells,
        [
            "'=cmd|' /C calc'!A0",
            "'@SUM(1)",
            "'-2+3",
            "'+1 425",
            "+14255550100"
        ]
    );
}

#[test]
fn output_file_is_written_and_never_silently_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let file = dir.path().join("loa.txt");
    let path = file.to_str().unwrap();
    let first = run(dir.path(), &["export", &id, "--format", "loa", "-o", path]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(first.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("LETTER OF AUTHORIZATION")
    );

    let again = run(dir.path(), &["export", &id, "--format", "csv", "-o", path]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("LETTER OF AUTHORIZATION")
    );

    let forced = run(
        dir.path(),
        &["export", &id, "--format", "csv", "-o", path, "--force"],
    );
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("PhoneNumber\r\n")
    );
}

#[test]
fn the_cli_prints_what_the_renderers_render() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let text = run(dir.path(), &["export", &id, "--format", "text"]).stdout;
    assert!(text.starts_with("Port order: Redmond HQ main lines\n"));
    assert!(text.contains(&format!("Order ID: {id}\n")));
    assert!(text.contains("Account PIN:") && text.contains("(withheld)"));
}
