//! A carrier's text that carries terminal escapes (an OSC 52 clipboard write, a screen clear, a
//! title change, bidi overrides) is drawn inert: none of its effects reach the terminal.

use crate::support::pty::{PtySession, TIMEOUT, keys};
use portwiz::domain::order::RejectionInput;
use portwiz::domain::{Clock, FieldKey, Order};
use portwiz::store::Store;

const HOSTILE: &str = "PIN invalid \u{1b}]52;c;ZXZpbCBwYXlsb2Fk\u{7} then \u{1b}[2J\u{1b}[H cleared \u{1b}]0;pwned\u{7} \u{202E}desrever\u{202C} \u{9b}31m end";

#[test]
fn a_rejection_with_terminal_escapes_is_drawn_inert() {
    let dir = tempfile::TempDir::new().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let clock = Clock::fixed(jiff::civil::date(2026, 11, 26));
    let mut order: Order = crate::support::demo_orders()
        .into_iter()
        .find(|o| o.id == "PO-DEMO0008")
        .unwrap();
    if order.status != portwiz::domain::Status::Submitted {
        order.status = portwiz::domain::Status::Submitted;
    }
    order.fields.order_name = "Hostile text test".into();
    order
        .reject(
            RejectionInput {
                text: HOSTILE.into(),
                fields: vec![FieldKey::Pin],
                ..Default::default()
            },
            clock.now,
        )
        .unwrap();
    store.create(order).unwrap();

    let mut app = PtySession::spawn(
        env!("CARGO_BIN_EXE_portwiz"),
        &[],
        &[("PORTWIZ_DATA_DIR", dir.path())],
        100,
        30,
    )
    .unwrap();
    app.wait_for("Hostile text test", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send(keys::ENTER);
    let screen = app
        .wait_for("cleared", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    // The words around the escapes are there, the escapes' effects are not: the page above the
    // "clear" is still drawn, and no title or clipboard sequence left the app.
    assert!(
        screen.contains("PIN invalid") && screen.contains("end"),
        "{screen}"
    );
    assert!(
        screen.contains("Hostile text test"),
        "the screen was not cleared:\n{screen}"
    );
    let raw = String::from_utf8_lossy(&app.raw_output()).into_owned();
    assert!(
        !raw.contains("\u{1b}]52"),
        "an OSC 52 clipboard write reached the terminal"
    );
    assert!(
        !raw.contains("ZXZpbCBwYXlsb2Fk"),
        "the clipboard payload reached the terminal"
    );
    assert!(
        !raw.contains("\u{1b}]0;"),
        "a title change reached the terminal"
    );
    assert!(!raw.contains('\u{202E}') && !raw.contains('\u{9b}'));
    // A visible placeholder marks each removed sequence (the vt100 model shows it as a blank, so
    // look for it in what the app wrote).
    assert!(
        raw.matches('\u{FFFD}').count() >= 4,
        "placeholders for the removed sequences"
    );
    app.send("q");
    app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
}
