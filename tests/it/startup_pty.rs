//! The app's first frame comes from the summary index; right after it every order file is
//! checked, so changes made behind portwiz's back still show, and broken files are reported.

use crate::support::pty::{PtySession, TIMEOUT, keys};
use crate::support::{new_order, run};

#[test]
fn files_changed_behind_the_index_show_after_the_first_frame() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let gone = new_order(dir.path(), "complete-order.json");
    assert_eq!(
        run(dir.path(), &["list"]).code,
        0,
        "listing writes the index"
    );
    assert!(dir.path().join("index.sqlite").exists());

    let path = dir.path().join(format!("orders/{id}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Redmond HQ main lines", "Renamed by another tool");
    std::fs::write(&path, text).unwrap();
    std::fs::remove_file(dir.path().join(format!("orders/{gone}.json"))).unwrap();
    std::fs::write(dir.path().join("orders/PO-BROKEN.json"), "{ torn").unwrap();

    let mut app = PtySession::spawn(
        env!("CARGO_BIN_EXE_portwiz"),
        &[],
        &[("PORTWIZ_DATA_DIR", dir.path())],
        100,
        30,
    )
    .unwrap();
    let screen = app
        .wait_for("could not be read", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(screen.contains("quarantine"), "{screen}");
    app.send(keys::CTRL_N);
    let screen = app
        .wait_for("Renamed by another tool", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        screen.contains("Showing 1 of 1"),
        "the deleted order is gone:\n{screen}"
    );
    app.send("q");
    app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
}
