//! The command line's manners: `set` says what changed, `list --status` takes "waiting on you"
//! as the app's `f` does, and `new --from` and `import` name a document's problems the same way.

use crate::support::{new_order, run};

#[test]
fn set_says_on_stdout_what_it_changed_with_the_pin_masked() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let out = run(
        dir.path(),
        &[
            "set",
            &id,
            "organization_name",
            "Fabrikam Holdings",
            "pin",
            "4321",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(&format!(
            "{id}: Organization name “Fabrikam Inc” → “Fabrikam Holdings”"
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Account PIN •••• → ••••"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("4321"), "{}", out.stdout);
    let again = run(
        dir.path(),
        &["set", &id, "organization_name", "Fabrikam Holdings"],
    );
    assert!(again.stdout.contains("nothing changed"), "{}", again.stdout);
}

#[test]
fn list_status_takes_waiting_on_you() {
    let dir = tempfile::tempdir().unwrap();
    let draft = new_order(dir.path(), "complete-order.json");
    let submitted = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &submitted]).code, 0);
    for spelling in ["waiting on you", "Waiting on you", "waiting_on_you"] {
        let out = run(dir.path(), &["list", "--status", spelling]);
        assert_eq!(out.code, 0, "{spelling}: {}", out.stderr);
        assert!(out.stdout.contains(&draft), "{spelling}: {}", out.stdout);
        assert!(
            !out.stdout.contains(&submitted),
            "{spelling}: {}",
            out.stdout
        );
    }
    let wrong = run(dir.path(), &["list", "--status", "waiting"]);
    assert_eq!(wrong.code, 2);
    assert!(wrong.stderr.contains("waiting on you"), "{}", wrong.stderr);
}

#[test]
fn new_and_import_name_a_documents_problems_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.json");
    std::fs::write(
        &file,
        r#"{"organization_name": "Fabrikam Inc", "requester.email": "sam at fabrikam"}"#,
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let new = run(dir.path(), &["new", "--from", path]);
    let import = run(dir.path(), &["import", path]);
    assert_eq!(new.code, import.code, "{} / {}", new.stderr, import.stderr);
    assert_eq!(new.code, 0);
    assert!(new.stderr.contains("Requester e-mail"), "{}", new.stderr);
    assert_eq!(new.stderr, import.stderr);
    assert!(
        !new.stderr.starts_with("error:"),
        "a draft was made: {}",
        new.stderr
    );
}

#[test]
fn show_of_a_support_engaged_order_says_the_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    assert_eq!(run(dir.path(), &["submit", &id]).code, 0);
    let support = run(
        dir.path(),
        &["support", &id, "--scenario", "submission_error"],
    );
    assert_eq!(support.code, 0, "{}", support.stderr);
    let show = run(dir.path(), &["show", &id]);
    assert!(
        show.stdout
            .contains("(submission_error): The order hit a submission error"),
        "{}",
        show.stdout
    );
    // The progress line counts it, as it counts rejections.
    assert!(
        show.stdout.contains("; Microsoft support engaged once"),
        "{}",
        show.stdout
    );
}

/// `list` on a terminal: status labels, and rows fitted to the width (the carrier and the name
/// shortened with `…`); piped, the same store prints keys and whole values, one line an order.
#[test]
fn list_on_a_terminal_fits_its_width_and_piped_stays_as_it_was() {
    use crate::support::pty::{PtySession, TIMEOUT};
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let long_name = "Northwind Traders regional headquarters main lines and fax";
    let long_carrier = "Contoso Telecommunications of the Pacific Northwest";
    let set = run(
        dir.path(),
        &[
            "set",
            &id,
            "order_name",
            long_name,
            "current_carrier",
            long_carrier,
        ],
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let piped = run(dir.path(), &["list"]);
    assert_eq!(
        piped.stdout.lines().count(),
        1,
        "no header when piped: {}",
        piped.stdout
    );
    let line = piped.stdout.lines().next().unwrap_or_default();
    assert!(
        line.starts_with(&format!("{id}  draft   {long_carrier}  3  ")),
        "{line}"
    );
    assert!(line.ends_with(&format!("  {long_name}")), "{line}");

    let mut app = PtySession::spawn(
        env!("CARGO_BIN_EXE_portwiz"),
        &["list"],
        &[("PORTWIZ_DATA_DIR", dir.path())],
        80,
        10,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    let screen = app.screen();
    let lines: Vec<&str> = screen.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        2,
        "a header and one row, no wrapped line: {screen}"
    );
    assert!(lines[0].starts_with("ID "), "{screen}");
    assert!(
        lines[1].contains("  Draft  "),
        "the label, not the key: {screen}"
    );
    assert!(lines[1].contains('…'), "{screen}");
    assert!(lines[1].contains("Contoso Tele"), "{screen}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{screen}");
}

/// A refused command that echoes a long value says so on one line of the terminal.
#[test]
fn a_long_echoed_value_stays_on_one_line_of_the_terminal() {
    use crate::support::pty::{PtySession, TIMEOUT};
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(3000);
    let mut app = PtySession::spawn(
        env!("CARGO_BIN_EXE_portwiz"),
        &["show", &long],
        &[("PORTWIZ_DATA_DIR", dir.path())],
        200,
        20,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    let screen = app.screen();
    let lines: Vec<&str> = screen.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{screen}");
    assert!(
        lines[0].starts_with("portwiz: ") && lines[0].contains('…'),
        "{screen}"
    );
}

/// History times read in the user's zone, named: `TZ` chooses it (here, as a parameter).
#[test]
fn show_gives_history_times_in_the_local_zone_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let utc = run(dir.path(), &["show", &id]);
    assert!(
        utc.stdout.contains("History (times in UTC)"),
        "{}",
        utc.stdout
    );
    assert!(
        utc.stdout.contains("2026-11-26 12:00  Created"),
        "{}",
        utc.stdout
    );
    let out = crate::support::portwiz(dir.path())
        .env("TZ", "America/Los_Angeles")
        .args(["show", &id])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("History (times in America/Los_Angeles)"),
        "{text}"
    );
    // Noon UTC is 04:00 in Los Angeles in November.
    assert!(text.contains("2026-11-26 04:00  Created"), "{text}");
}
