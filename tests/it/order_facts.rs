//! `portwiz show` prints the facts the domain works out from an order's history (progress, what
//! came of each rejection, overdue), as the order page does.

use crate::support::{demo_orders, portwiz, run};
use portwiz::store::Store;

/// A store holding the demo orders.
fn demo_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    for order in demo_orders() {
        store.create(order).unwrap();
    }
    dir
}

#[test]
fn show_prints_progress_and_what_came_of_each_rejection() {
    let dir = demo_store();
    let out = run(dir.path(), &["show", "PO-DEMO0009"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout;
    assert!(
        text.contains(
            "Progress: ✓ Draft → ● Submitted → ○ FOC confirmed → ○ Completed; rejected 2 times"
        ),
        "{text}"
    );
    assert!(text.contains("Rejections (2)"), "{text}");
    assert!(
        text.contains("Changed before resubmitting: Account PIN “••••” → “•••• (changed)”"),
        "{text}"
    );
    assert!(
        text.contains("Not resubmitted by you; then: Microsoft support engaged."),
        "{text}"
    );
    // The history names the rejected fields once, not "Rejected by carrier  Rejected by the …".
    assert!(
        text.contains("Rejected by carrier  Account PIN\n"),
        "{text}"
    );
    assert!(!text.contains("Rejected by the carrier:"), "{text}");

    let cancelled = run(dir.path(), &["show", "PO-DEMO0012"]).stdout;
    assert!(
        cancelled
            .contains("✓ Draft → ✓ Submitted → ○ FOC confirmed → ○ Completed, then ✗ cancelled"),
        "{cancelled}"
    );
    assert!(cancelled.contains("  Cancelled  \n"), "{cancelled}");
}

#[test]
fn show_says_when_a_rejected_order_is_overdue() {
    let dir = demo_store();
    let today = run(dir.path(), &["show", "PO-DEMO0003"]).stdout;
    assert!(!today.contains("Overdue"), "{today}");
    let later = portwiz(dir.path())
        .env("PORTWIZ_TODAY", "2027-01-26")
        .args(["show", "PO-DEMO0003"])
        .output()
        .unwrap();
    let later = String::from_utf8_lossy(&later.stdout);
    assert!(
        later.contains("Overdue: waiting on you for 62 days (more than 30)"),
        "{later}"
    );
}
