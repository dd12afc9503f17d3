//! Small keys a new user reaches for, in the real binary in a pseudo-terminal: End and Home in
//! the response menu, ↓ out of the FOC dialog's date, no hand-off for a finished order.

use crate::support::pty::{PtySession, TIMEOUT, keys};
use portwiz::store::Store;
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_portwiz");
/// End and Home as xterm sends them.
const END: &str = "\x1b[F";
const HOME: &str = "\x1b[H";

/// A private data folder holding the given demo orders.
fn store_with(ids: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap_or_else(|e| panic!("temp dir: {e}"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700));
    }
    let (mut store, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    for order in crate::support::demo_orders() {
        if ids.contains(&order.id.as_str()) {
            store.create(order).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    dir
}

fn spawn(dir: &Path) -> PtySession {
    let env = [
        ("PORTWIZ_DATA_DIR", dir.as_os_str()),
        ("PORTWIZ_TODAY", std::ffi::OsStr::new(crate::support::TODAY)),
    ];
    PtySession::spawn(BIN, &[], &env, 100, 30).unwrap_or_else(|e| panic!("{e}"))
}

fn send_then(app: &mut PtySession, keys: &str, needle: &str) -> String {
    app.send_then(keys, needle, TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn end_goes_to_the_last_answer_and_down_leaves_the_foc_date() {
    let dir = store_with(&["PO-DEMO0002"]);
    let mut app = spawn(dir.path());
    app.wait_for("Fourth Coffee", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    send_then(&mut app, keys::ENTER, "Fourth Coffee Chicago office");
    send_then(&mut app, "r", "▶ Rejection");
    // End moves to the last answer; it opens nothing.
    let menu = send_then(&mut app, END, "▶ Cancellation");
    assert!(!menu.contains("Paste the carrier"), "{menu}");
    send_then(&mut app, HOME, "▶ Rejection");
    send_then(&mut app, keys::DOWN, "▶ FOC confirmation");
    send_then(&mut app, keys::ENTER, "▶ Date");
    send_then(&mut app, "12/19/2026", "12/19/2026");
    // ↓ goes on to the time: what is typed next lands there, not at the end of the date.
    send_then(&mut app, keys::DOWN, "▶ Time");
    let screen = send_then(&mut app, "9am", "9am");
    assert!(!screen.contains("20269am"), "{screen}");
    assert!(screen.contains("12/19/2026"), "{screen}");
}

#[test]
fn a_completed_order_offers_no_hand_off() {
    let dir = store_with(&["PO-DEMO0011"]);
    let mut app = spawn(dir.path());
    app.wait_for("Adventure Works", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    let page = send_then(&mut app, keys::ENTER, "✓ Completed");
    let footer = page.lines().last().unwrap_or_default().to_string();
    assert!(!footer.contains("Hand-off"), "{footer}");
    let screen = send_then(
        &mut app,
        "t",
        "nothing left to enter in the Teams admin center",
    );
    assert!(!screen.contains("Enter each value"), "{screen}");
}

/// Esc then `q` typed quickly reach the program together ("\x1bq": tmux joins them so whenever
/// the `q` follows within its `escape-time`, 500 ms by default), which a terminal reads as Alt-q.
/// Nothing is bound to Alt-q: the two keys are Esc and `q`, back to the history and quit, and
/// neither is lost.
#[test]
fn esc_and_q_arriving_together_go_back_and_quit() {
    let dir = store_with(&["PO-DEMO0011"]);
    let mut app = spawn(dir.path());
    app.wait_for("Adventure Works", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    send_then(&mut app, keys::ENTER, "✓ Completed");
    app.send(&format!("{}q", keys::ESC));
    let status = app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "{status:?}");
    assert!(!app.in_alternate_screen(), "the terminal was restored");
}
