//! End-to-end: in the real binary on a temporary store, two orders marked with Space get one
//! note each from one dialog (`N`) and are exported a file each (`e`); the third order is left
//! as it was.

use crate::support::pty::{PtySession, TIMEOUT, keys};
use portwiz::store::Store;

const BIN: &str = env!("CARGO_BIN_EXE_portwiz");
const NOTE: &str = "Called the carrier: freeze lifted";

fn wait(app: &PtySession, text: &str) -> String {
    app.wait_for(text, TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}\n{}", app.screen()))
}

/// Send keys, then wait for the screen they make (see `PtySession::send_then`).
fn send_then(app: &mut PtySession, keys: &str, needle: &str) -> String {
    app.send_then(keys, needle, TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn two_marked_orders_get_a_note_each_and_a_file_each() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let out = tempfile::TempDir::new().expect("temp dir");
    let (mut store, _) = Store::open(dir.path()).expect("store");
    let orders: Vec<_> = crate::support::demo_orders().into_iter().take(3).collect();
    for order in &orders {
        store.create(order.clone()).expect("create");
    }
    let before: Vec<String> = orders
        .iter()
        .map(|o| crate::support::order_file(dir.path(), &o.id).to_string())
        .collect();
    drop(store);
    let env = [
        ("PORTWIZ_DATA_DIR", dir.path().as_os_str()),
        ("PORTWIZ_TODAY", std::ffi::OsStr::new(crate::support::TODAY)),
    ];
    let mut app = PtySession::spawn(BIN, &[], &env, 100, 30).unwrap_or_else(|e| panic!("{e}"));
    wait(&app, "Showing 3 of 3 orders");
    send_then(&mut app, " ", "1 marked");
    send_then(&mut app, " ", "2 marked");

    send_then(&mut app, "N", "each of these 2 orders");
    app.send(NOTE);
    send_then(&mut app, keys::ENTER, "Note added to 2 orders");

    send_then(&mut app, "e", "Export 2 orders");
    send_then(&mut app, "t", "Folder:");
    app.send(keys::CTRL_U);
    app.send(&out.path().display().to_string());
    send_then(&mut app, keys::ENTER, "Exported 2 orders");
    app.send("q");
    app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));

    let mut noted = Vec::new();
    for (order, before) in orders.iter().zip(&before) {
        let file = crate::support::order_file(dir.path(), &order.id);
        let notes: Vec<&serde_json::Value> = file["history"]
            .as_array()
            .expect("history")
            .iter()
            .filter(|h| h["event"] == "note")
            .collect();
        match notes.as_slice() {
            [] => assert_eq!(
                file.to_string(),
                *before,
                "an order not marked is untouched"
            ),
            [one] => {
                assert_eq!(one["note"], NOTE);
                noted.push(order.id.clone());
            }
            many => panic!("{} got {} notes", order.id, many.len()),
        }
    }
    assert_eq!(noted.len(), 2, "two orders noted");
    let mut written: Vec<String> = std::fs::read_dir(out.path())
        .expect("out dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    let mut expected: Vec<String> = noted.iter().map(|id| format!("{id}-summary.txt")).collect();
    expected.sort();
    assert_eq!(written, expected, "a file for each marked order");
    for id in &noted {
        let text =
            std::fs::read_to_string(out.path().join(format!("{id}-summary.txt"))).expect("summary");
        assert!(
            text.contains(NOTE),
            "the exported summary holds the note: {text}"
        );
    }
}
