//! End-to-end: the hand-off's `y` writes one well-formed OSC 52 sequence to the real terminal,
//! holding the value; the PIN only after the confirmation.

use crate::support::pty::{PtySession, TIMEOUT};
use portwiz::store::Store;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_portwiz");
const OSC52: &[u8] = b"\x1b]52;c;";

/// Every OSC 52 payload in the output, decoded; panics on a sequence that is not well formed.
fn clipboard_writes(raw: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(at) = find(rest, OSC52) {
        let after = &rest[at + OSC52.len()..];
        // Ended by ST (ESC \, what crossterm writes) or BEL (xterm's older form).
        let (end, terminator) = after
            .iter()
            .enumerate()
            .find_map(|(i, b)| match (b, after.get(i + 1)) {
                (0x07, _) => Some((i, 1)),
                (0x1b, Some(b'\\')) => Some((i, 2)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("an OSC 52 without its ST or BEL: {after:?}"));
        let payload = std::str::from_utf8(&after[..end]).expect("base64 is ASCII");
        let bytes = decode_base64(payload).unwrap_or_else(|| panic!("not base64: {payload:?}"));
        out.push(String::from_utf8(bytes).expect("the value is UTF-8"));
        rest = &after[end + terminator..];
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Standard base64 with padding (the test's own decoder, independent of the app's encoder).
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::new();
    for chunk in text.as_bytes().chunks(4) {
        let mut n: u32 = 0;
        let mut pad = 0;
        for &c in chunk {
            n <<= 6;
            if c == b'=' {
                pad += 1;
            } else {
                n |= ALPHABET.iter().position(|a| *a == c)? as u32;
            }
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

/// `j` until the cursor is on the line labelled `label`.
fn move_to(app: &mut PtySession, label: &str) {
    let on = |screen: &str| screen.lines().any(|l| l.contains('›') && l.contains(label));
    for _ in 0..30 {
        if app.wait_until(Duration::from_millis(300), on).is_ok() {
            return;
        }
        app.send("j");
    }
    panic!("the cursor never reached {label}:\n{}", app.screen());
}

#[test]
fn y_writes_one_osc52_with_the_value_and_the_pin_waits_for_a_yes() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let (mut store, _) = Store::open(dir.path()).expect("store");
    let order = crate::support::demo_orders()
        .into_iter()
        .find(|o| o.id == "PO-DEMO0005")
        .expect("the demo's PIN rejection");
    let pin = order.fields.pin.expose().to_string();
    let carrier = order.fields.current_carrier.clone();
    store.create(order).expect("create");
    let mut app = PtySession::spawn(BIN, &[], &[("PORTWIZ_DATA_DIR", dir.path())], 100, 30)
        .unwrap_or_else(|e| panic!("{e}"));
    app.wait_for("Trey Research sales mobiles", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send_then("\r", "rejected by the current carrier", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send_then("t", "values copied", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(clipboard_writes(&app.raw_output()).is_empty());

    // Down to the current carrier, and copy it.
    move_to(&mut app, "Current service provider");
    app.send_then("y", "Copied Current service provider", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        clipboard_writes(&app.raw_output()),
        std::slice::from_ref(&carrier)
    );

    // The PIN: a question first, nothing written until `y`; the value never on screen.
    move_to(&mut app, "Account PIN");
    app.send("y");
    let screen = app
        .wait_for("Copy the PIN?", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!screen.contains(&pin), "{screen}");
    assert_eq!(clipboard_writes(&app.raw_output()).len(), 1, "not yet");
    app.send("y");
    let screen = app
        .wait_for("(not shown)", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!screen.contains(&pin), "{screen}");
    assert_eq!(clipboard_writes(&app.raw_output()), [carrier, pin]);
    app.send_then("\x1b", "Press u to update", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("q");
    app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
}
