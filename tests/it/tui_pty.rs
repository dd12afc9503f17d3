//! End-to-end: the real binary in a pseudo-terminal.

use crate::support::pty::{PtySession, TIMEOUT, keys};
use portwiz::store::Store;
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_portwiz");

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

fn spawn(dir: &Path, args: &[&str], cols: u16, rows: u16) -> PtySession {
    PtySession::spawn(BIN, args, &[("PORTWIZ_DATA_DIR", dir)], cols, rows)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_rejected_order_shows_the_carriers_words_and_q_exits_cleanly() {
    let dir = store_with(&["PO-DEMO0005"]);
    let mut app = spawn(dir.path(), &[], 100, 30);
    app.wait_for("Trey Research sales mobiles", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(app.in_alternate_screen());
    app.send(keys::ENTER);
    // The page's last line: the screen is drawn whole once it is there (under load a frame
    // can arrive in pieces).
    // Every line asked about: under load the page can arrive in pieces, in any order.
    let wanted = [
        "rejected by the current carrier",
        "The provided PIN is missing or incorrect.",
        "Fields concerned: Account PIN",
        "Press u to update",
    ];
    let screen = app
        .wait_until(TIMEOUT, |s| wanted.iter().all(|w| s.contains(w)))
        .unwrap_or_else(|screen| panic!("not all of {wanted:?} on:\n{screen}"));
    assert!(
        screen.contains("rejected by the current carrier"),
        "{screen}"
    );
    assert!(
        screen.contains("The provided PIN is missing or incorrect."),
        "{screen}"
    );
    assert!(screen.contains("Fields concerned: Account PIN"), "{screen}");
    assert!(screen.contains("Press u to update"), "{screen}");
    app.send_then(keys::ESC, "Showing 1 of 1 orders", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("q");
    let status = app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "{status:?}");
    assert!(!app.in_alternate_screen(), "the terminal was restored");
}

#[test]
fn an_empty_store_welcomes_and_d_opens_a_demo_copy_leaving_the_store_empty() {
    let dir = store_with(&[]);
    let mut app = spawn(dir.path(), &[], 80, 24);
    // The screen can arrive in pieces: wait for its last line asked about.
    let welcome = app
        .wait_for("your store stays empty", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(welcome.contains("Welcome to portwiz"), "{welcome}");
    app.send("d");
    let opened = app
        .wait_for("Opened a demo copy", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(opened.contains("Contoso Redmond"), "{opened}");
    app.send(keys::CTRL_C);
    let status = app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "{status:?}");
    let (store, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        store.len(),
        0,
        "the user's store holds none of the demo orders"
    );
}

#[test]
fn a_small_terminal_is_told_so_and_a_resize_redraws() {
    let dir = store_with(&["PO-DEMO0003"]);
    let mut app = spawn(dir.path(), &[], 70, 20);
    app.wait_for("need 80×24, have 70×20", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.resize(100, 30);
    app.wait_for("Contoso Redmond HQ", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("q");
    let status = app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
}

#[test]
fn demo_mode_opens_a_copy_of_every_demo_order() {
    let dir = store_with(&[]);
    let mut app = spawn(dir.path(), &["--demo"], 100, 30);
    let n = crate::support::demo_count();
    app.wait_for(&format!("Showing {n} of {n} orders"), TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("q");
    let status = app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
    let (store, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(store.is_empty(), "--demo leaves the user's store alone");
}

/// Set in the environment of the helper below when a test runs it on purpose.
const PANIC_HELPER: &str = "PORTWIZ_TEST_PANIC_HELPER";

/// Not a test on its own: run by the next test, in a pseudo-terminal, to panic inside the app's
/// terminal mode.
#[test]
#[ignore = "a helper run by a_panic_restores_the_terminal_before_the_message"]
fn panic_helper() {
    if std::env::var_os(PANIC_HELPER).is_none() {
        return;
    }
    let entered = portwiz::tui::terminal::enter();
    assert!(entered.is_ok(), "entering the terminal failed");
    panic!("a deliberate panic inside the app");
}

#[test]
fn a_panic_restores_the_terminal_before_the_message() {
    let this_test_binary = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let args = [
        "tui_pty::panic_helper",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ];
    let mut app = PtySession::spawn(
        &this_test_binary,
        &args,
        &[(PANIC_HELPER, "1"), ("RUST_BACKTRACE", "0")],
        80,
        24,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let status = app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert!(!status.success(), "the helper panicked, so its test failed");
    app.wait_for("a deliberate panic inside the app", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!app.in_alternate_screen(), "left the alternate screen");
    let raw = String::from_utf8_lossy(&app.raw_output()).into_owned();
    let entered = raw.find("\x1b[?1049h");
    let left = raw.find("\x1b[?1049l");
    let message = raw.find("a deliberate panic");
    assert!(
        entered.is_some() && left > entered && message > left,
        "{raw:?}"
    );
}

/// The app on a submitted order's response dialog, at the rejection's text box.
fn rejection_form(dir: &Path) -> PtySession {
    let mut app = spawn(dir, &[], 100, 30);
    app.wait_for("Fourth Coffee Chicago office", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send_then(keys::ENTER, "→ Submitted", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send_then("r", "What did the carrier", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send_then(keys::ENTER, "Carrier's words", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app
}

#[test]
fn a_pasted_rejection_is_recorded_with_the_fields_the_user_chose() {
    let dir = store_with(&["PO-DEMO0002"]);
    let mut app = rejection_form(dir.path());
    let text = "EU NAME MISMATCH;\r\nZIP does not match CSR";
    app.send_then(&keys::paste(text), "2 ticked", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    // To the checklist; the account number is the 9th field: tick it.
    app.send(keys::TAB);
    for _ in 0..8 {
        app.send(keys::DOWN);
    }
    app.send_then(" ", "3 ticked", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send_then(keys::CTRL_S, "rejected by the current carrier", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("q");
    let status = app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "{status:?}");
    let file = crate::support::order_file(dir.path(), "PO-DEMO0002");
    assert_eq!(file["status"], "customer_action_required");
    let rejection = &file["rejections"][0];
    assert_eq!(
        rejection["text"],
        "EU NAME MISMATCH;\nZIP does not match CSR"
    );
    let fields: Vec<&str> = rejection["fields"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        fields,
        [
            "organization_name",
            "account_number",
            "service_address.postal_code"
        ]
    );
}

#[test]
fn esc_with_pasted_carrier_text_asks_before_discarding_it() {
    let dir = store_with(&["PO-DEMO0002"]);
    let mut app = rejection_form(dir.path());
    app.send(&keys::paste("EU NAME MISMATCH; ZIP does not match CSR"));
    app.wait_for("2 ticked", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send_then(keys::ESC, "Leave without saving it?", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    // n keeps the text where it was.
    app.send("n");
    let screen = app
        .wait_until(TIMEOUT, |s| !s.contains("Leave without saving it?"))
        .unwrap_or_else(|s| panic!("the question stayed:\n{s}"));
    assert!(screen.contains("EU NAME MISMATCH"), "{screen}");
    // Esc, then y: back to the choice of answers, the text dropped.
    app.send_then(keys::ESC, "Leave without saving it?", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("y");
    app.wait_until(TIMEOUT, |s| {
        s.contains("What did the carrier") && !s.contains("Leave without") && !s.contains("EU NAME")
    })
    .unwrap_or_else(|s| panic!("the text was not dropped:\n{s}"));
    app.send(keys::CTRL_C);
    let status = app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "{status:?}");
}
