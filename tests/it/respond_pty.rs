//! End-to-end, the real binary on a temporary store: a carrier's text the classifier is not sure
//! of is pasted into the response dialog (`r`), the dialog says "not sure" and asks which field;
//! the user picks one, saves, and the answer is learned in `examples.json` on disk.

use crate::support::pty::{PtySession, TIMEOUT, keys};
use portwiz::domain::classifier::{Catalog, ExampleIndex, classify_with_examples};

const BIN: &str = env!("CARGO_BIN_EXE_portwiz");

/// Carrier texts whose rules' answer the model doubts; the first the classifier is not sure of
/// is used, so a retrained model does not silently turn the test into a sure one.
const DOUBTED: &[&str] = &[
    "The telephone number must be unlocked by the end user and current service provider",
    "Number must be released by the losing carrier before the port can proceed",
];

fn wait(app: &PtySession, text: &str) -> String {
    app.wait_for(text, TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}\n{}", app.screen()))
}

/// Send keys, then wait for the screen they make (see `PtySession::send_then`).
fn send_then(app: &mut PtySession, keys: &str, needle: &str) -> String {
    app.send_then(keys, needle, TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The checklist's row under the cursor.
fn cursor_row(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains("▶ ["))
        .unwrap_or_default()
        .to_string()
}

fn not_sure_text() -> &'static str {
    let catalog = Catalog::builtin();
    let none = ExampleIndex::new(Vec::new());
    DOUBTED
        .iter()
        .copied()
        .find(|t| {
            let c = classify_with_examples(t, &catalog, &none);
            c.is_recognised() && c.is_not_sure() && !c.is_guess()
        })
        .unwrap_or_else(|| panic!("none of the texts is 'not sure' any more: {DOUBTED:?}"))
}

#[test]
fn a_not_sure_rejection_asks_which_field_and_the_answer_is_learned_on_disk() {
    let text = not_sure_text();
    let dir = tempfile::TempDir::new().expect("temp dir");
    let id = crate::support::new_order(dir.path(), "complete-order.json");
    let submitted = crate::support::run(dir.path(), &["submit", &id]);
    assert_eq!(submitted.code, 0, "{}", submitted.stderr);
    let env = [
        ("PORTWIZ_DATA_DIR", dir.path().as_os_str()),
        ("PORTWIZ_TODAY", std::ffi::OsStr::new(crate::support::TODAY)),
    ];
    let mut app = PtySession::spawn(BIN, &[], &env, 80, 24).unwrap_or_else(|e| panic!("{e}"));
    wait(&app, "Showing 1 of 1 orders");
    send_then(&mut app, keys::ENTER, &id);
    send_then(&mut app, "r", "Carrier response");
    send_then(&mut app, keys::ENTER, "Carrier's words");
    let screen = send_then(
        &mut app,
        &keys::paste(text),
        "Which field did the carrier reject?",
    );
    assert!(screen.contains("Not sure (confidence 0."), "{screen}");

    // Tab to the fields; tick the current service provider, untick the suggested numbers.
    send_then(&mut app, keys::TAB, "▶ [");
    for (row, before, after) in [
        ("Phone numbers", "[x]", "[ ]"),
        ("Current service provider", "[ ]", "[x]"),
    ] {
        let target = format!("▶ {before} {row}");
        for _ in 0..60 {
            let at = cursor_row(&app.screen());
            if at.contains(&target) {
                break;
            }
            app.send(keys::DOWN);
            app.wait_until(TIMEOUT, |s| cursor_row(s) != at)
                .unwrap_or_else(|s| panic!("Down did not move:\n{s}"));
        }
        assert!(app.screen().contains(&target), "{row}:\n{}", app.screen());
        send_then(&mut app, " ", &format!("▶ {after} {row}"));
    }
    send_then(&mut app, keys::CTRL_S, "now Customer action required");
    app.send("q");
    app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));

    let examples = std::fs::read_to_string(dir.path().join("examples.json")).expect("learned");
    let examples: serde_json::Value = serde_json::from_str(&examples).expect("JSON");
    let list = examples
        .as_array()
        .or_else(|| examples["examples"].as_array())
        .unwrap_or_else(|| panic!("{examples:#}"));
    let last = list.last().unwrap_or_else(|| panic!("{examples:#}"));
    assert_eq!(last["text"], text, "{examples:#}");
    assert_eq!(
        last["fields"],
        serde_json::json!(["current_carrier"]),
        "{examples:#}"
    );
    let order = crate::support::order_file(dir.path(), &id);
    assert_eq!(
        order["rejections"][0]["fields"],
        serde_json::json!(["current_carrier"]),
        "{order:#}"
    );
}
