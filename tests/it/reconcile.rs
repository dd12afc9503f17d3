//! `portwiz reconcile` on the real binary with sample exports written from Microsoft's documented
//! names (tests/fixtures/teams/): a FOC passes, the export shows two numbers missing, `--apply`
//! notes it in the order's history and Today says so; a full export completes the order; a bad
//! file is named with its line and changes nothing.

use crate::support::{fixture, new_order, ok_on as ok, order_file, run_on as on};

#[test]
fn an_export_shows_two_numbers_missing_after_the_foc_then_all_ported() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let id = new_order(dir, "complete-order.json");
    ok(dir, "2026-11-26", &["submit", &id]);
    ok(dir, "2026-12-01", &["foc", &id, "2026-12-02", "10:00"]);
    let export = fixture("teams/export-acquired.csv");
    let export = export.to_str().unwrap();

    let shown = ok(dir, "2026-12-07", &["reconcile", export]);
    assert!(shown.contains("Read 4 numbers from"), "{shown}");
    assert!(shown.contains("ported: 1 of 3 (+14255550100)"), "{shown}");
    assert!(
        shown.contains("missing after the FOC date: 2 of 3 (+14255550101, +14255550102)"),
        "{shown}"
    );
    assert!(
        shown.contains("held by no order: 1 (+14255550199)"),
        "{shown}"
    );
    assert!(shown.contains("--apply"), "{shown}");
    let before = order_file(dir, &id);

    let applied = ok(dir, "2026-12-07", &["reconcile", export, "--apply"]);
    assert!(
        applied.contains(&format!("{id}: noted in its history")),
        "{applied}"
    );
    let show = ok(dir, "2026-12-07", &["show", &id]);
    assert!(show.contains("Checked against Teams"), "{show}");
    assert!(
        show.contains("does not show 2 of 3 numbers ported"),
        "{show}"
    );
    let today = ok(dir, "2026-12-07", &["today"]);
    assert!(
        today.contains("does not show 2 of 3 numbers ported"),
        "{today}"
    );
    assert_eq!(order_file(dir, &id)["status"], before["status"]);

    // Again: nothing new.
    let again = ok(dir, "2026-12-07", &["reconcile", export, "--apply"]);
    assert!(again.contains("Nothing new to record."), "{again}");

    // Every number ported, numbers without their +, names in another case: completed.
    let all = dir.join("all.csv");
    std::fs::write(
        &all,
        "portinorderstatus,telephonenumber\nCompleted,14255550100\ncompleted,+14255550101\nCOMPLETED,14255550102\n",
    )
    .unwrap();
    let done = ok(
        dir,
        "2026-12-08",
        &["reconcile", all.to_str().unwrap(), "--apply"],
    );
    assert!(done.contains(&format!("{id}: Completed")), "{done}");
    assert_eq!(order_file(dir, &id)["status"], "completed");
}

#[test]
fn a_bad_file_is_named_with_its_line_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let id = new_order(dir, "complete-order.json");
    ok(dir, "2026-11-26", &["submit", &id]);
    ok(dir, "2026-12-01", &["foc", &id, "2026-12-02"]);
    let before = std::fs::read(dir.join("orders").join(format!("{id}.json"))).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "TelephoneNumber,PortInOrderStatus\n14255550100,Completed\n14255550101,Completed\n\u{1b}[2J+1425\u{7},Completed\n",
    )
    .unwrap();
    let out = on(
        dir,
        "2026-12-07",
        &["reconcile", bad.to_str().unwrap(), "--apply"],
    );
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("bad.csv: line 4:"), "{}", out.stderr);
    assert!(!out.stderr.contains('\u{1b}') && !out.stderr.contains('\u{7}'));
    let wrong = dir.join("wrong.csv");
    std::fs::write(&wrong, "Number,Status\n14255550100,Completed\n").unwrap();
    let out = on(
        dir,
        "2026-12-07",
        &["reconcile", wrong.to_str().unwrap(), "--apply"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("line 1: no TelephoneNumber column"),
        "{}",
        out.stderr
    );
    let after = std::fs::read(dir.join("orders").join(format!("{id}.json"))).unwrap();
    assert_eq!(before, after, "nothing changed");
    // The Graph and ConvertTo-Json samples read too.
    for sample in [
        "teams/graph-number-assignments.json",
        "teams/assignment.json",
    ] {
        let path = fixture(sample);
        let shown = ok(dir, "2026-12-07", &["reconcile", path.to_str().unwrap()]);
        assert!(shown.contains(&id), "{sample}: {shown}");
    }
}
