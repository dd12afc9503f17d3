//! "Import a Teams export" on the real binary in a pseudo-terminal: a missing file is said at
//! the field; each sample export of tests/fixtures/teams/ is read and shown; `a` then `y`
//! records the check in the order's file, as `reconcile --apply` does.

use crate::support::pty::{PtySession, TIMEOUT, keys};
use crate::support::{fixture, new_order, ok_on, order_file};

#[test]
fn the_app_imports_each_sample_export_and_records_the_check_in_the_order_file() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let id = new_order(dir, "complete-order.json");
    ok_on(dir, "2026-11-26", &["submit", &id]);
    ok_on(dir, "2026-12-01", &["foc", &id, "2026-12-02", "10:00"]);
    let env = [
        ("PORTWIZ_DATA_DIR", dir.to_str().unwrap()),
        ("PORTWIZ_TODAY", "2026-12-07"),
    ];
    let mut app = PtySession::spawn(env!("CARGO_BIN_EXE_portwiz"), &[], &env, 100, 30)
        .unwrap_or_else(|e| panic!("{e}"));
    app.wait_for("Redmond HQ main lines", TIMEOUT).unwrap();
    app.send_then("I", "Export (CSV or JSON):", TIMEOUT)
        .unwrap();
    let missing = dir.join("nowhere.csv");
    app.send(missing.to_str().unwrap());
    app.send_then(keys::ENTER, "There is no file", TIMEOUT)
        .unwrap();

    let read = |app: &mut PtySession, name: &str, says: &str| {
        app.send(keys::CTRL_U);
        app.send(fixture(&format!("teams/{name}")).to_str().unwrap());
        app.send_then(keys::ENTER, says, TIMEOUT)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    };
    read(
        &mut app,
        "assignment.json",
        "Read 2 numbers from assignment.json",
    );
    app.wait_for("Ported: 2 of 3", TIMEOUT).unwrap();
    app.send_then(keys::ESC, "Export (CSV or JSON):", TIMEOUT)
        .unwrap();
    read(
        &mut app,
        "graph-number-assignments.json",
        "Read 3 numbers from graph-number-assignments.json",
    );
    app.send_then(keys::ESC, "Export (CSV or JSON):", TIMEOUT)
        .unwrap();
    read(
        &mut app,
        "export-acquired.csv",
        "Read 4 numbers from export-acquired.csv",
    );
    let screen = app
        .wait_for("Missing after the FOC date: 2 of 3", TIMEOUT)
        .unwrap();
    assert!(
        screen.contains("held by no order: 1 (+14255550199)"),
        "{screen}"
    );
    app.send_then("a", "Record the check?", TIMEOUT).unwrap();
    app.send_then("y", &format!("{id}: noted in its history"), TIMEOUT)
        .unwrap();
    app.send_then(keys::ESC, "Export (CSV or JSON):", TIMEOUT)
        .unwrap();
    app.send(keys::ESC);
    app.wait_until(TIMEOUT, |s| !s.contains("Import a Teams export"))
        .unwrap();
    app.send("q");
    app.wait_exit(TIMEOUT).unwrap();

    let order = order_file(dir, &id);
    let history = order["history"].as_array().unwrap();
    let last = history.last().unwrap();
    assert_eq!(last["event"], "teams_checked", "{last}");
    let note = last["note"].as_str().unwrap();
    assert!(
        note.contains("2 of 3 numbers ported after the FOC date"),
        "{note}"
    );
    assert!(note.contains("(from export-acquired.csv)"), "{note}");
    assert_eq!(order["status"], "foc_confirmed", "never moved backwards");
}
