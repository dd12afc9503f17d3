//! End-to-end, issue 17: a running app follows the store, and two apps editing one draft merge
//! instead of refusing. The real binary in pseudo-terminals, with the CLI beside it.

use crate::support::pty::{PtySession, TIMEOUT, keys};
use crate::support::{fixture, new_order, order_file, run};
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_portwiz");

/// The fixture's order name, as the history lists it.
const NAME: &str = "Redmond HQ main lines";

fn spawn(dir: &Path) -> PtySession {
    PtySession::spawn(BIN, &[], &[("PORTWIZ_DATA_DIR", dir)], 110, 32)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn wait(app: &PtySession, needle: &str) -> String {
    app.wait_for(needle, TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}\n{}", app.screen()))
}

fn send_then(app: &mut PtySession, keys: &str, needle: &str) -> String {
    app.send_then(keys, needle, TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn quit(mut app: PtySession) {
    app.send(keys::CTRL_C);
    if app.wait_exit(TIMEOUT).is_err() {
        // The quit question (an unsaved edit): leave anyway.
        app.send("y");
        let _ = app.wait_exit(TIMEOUT);
    }
}

/// The wizard on the only order, on step `step` of 7 (it opens where work is left: back to
/// step 1 first).
fn wizard_on_step(app: &mut PtySession, step: usize) {
    wait(app, NAME);
    send_then(app, keys::ENTER, "Press u to edit the draft");
    app.send("u");
    send_then(app, &keys::PAGE_UP.repeat(6), "Step 1 of 7");
    send_then(
        app,
        &keys::PAGE_DOWN.repeat(step - 1),
        &format!("Step {step} of 7"),
    );
}

/// Replace the focused text field's value.
fn retype(app: &mut PtySession, text: &str) {
    app.send(keys::CTRL_U);
    send_then(app, text, &format!("[{text}"));
}

#[test]
fn the_history_follows_the_cli_without_a_key_press() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let id = new_order(dir.path(), "complete-order.json");
    let app = spawn(dir.path());
    wait(&app, NAME);
    wait(&app, "Showing 1 of 1 orders");
    let renamed = run(
        dir.path(),
        &["set", &id, "order_name", "Renamed in the shell"],
    );
    assert_eq!(renamed.code, 0, "{}", renamed.stderr);
    wait(&app, "Renamed in the shell");
    // Another order, created from a fields document.
    let doc = dir.path().join("second.json");
    let text = std::fs::read_to_string(fixture("complete-order.json"))
        .unwrap_or_else(|e| panic!("{e}"))
        .replace(NAME, "Created in the shell");
    std::fs::write(&doc, text).unwrap_or_else(|e| panic!("{e}"));
    let doc = doc.to_string_lossy().into_owned();
    let created = run(dir.path(), &["new", "--from", &doc]);
    assert_eq!(created.code, 0, "{}", created.stderr);
    let screen = wait(&app, "Created in the shell");
    wait(&app, "Showing 2 of 2 orders");
    assert!(screen.contains("Renamed in the shell"), "{screen}");
    assert!(!screen.contains(NAME), "{screen}");
    quit(app);
}

#[test]
fn two_apps_editing_different_fields_of_one_draft_both_save() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let id = new_order(dir.path(), "complete-order.json");
    let mut a = spawn(dir.path());
    let mut b = spawn(dir.path());
    // A changes the organization (step 4, second field), B the order name (step 5, first).
    wizard_on_step(&mut a, 4);
    send_then(&mut a, keys::TAB, "› Organization name");
    retype(&mut a, "Alpha Org");
    wizard_on_step(&mut b, 5);
    wait(&b, "› Order name");
    retype(&mut b, "Beta name");
    send_then(&mut b, keys::CTRL_S, "Saved “Beta name”");
    // A saves second, over the file B moved on: merged, and told what B changed.
    send_then(&mut a, keys::CTRL_S, "Another window changed Order name");
    let file = order_file(dir.path(), &id);
    assert_eq!(file["fields"]["organization_name"], "Alpha Org", "{file:#}");
    assert_eq!(file["fields"]["order_name"], "Beta name", "{file:#}");
    assert_eq!(file["revision"], 3, "{file:#}");
    quit(a);
    quit(b);
}

#[test]
fn two_apps_editing_the_same_field_settle_it_in_the_conflict_view() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let id = new_order(dir.path(), "complete-order.json");
    let mut a = spawn(dir.path());
    let mut b = spawn(dir.path());
    wizard_on_step(&mut a, 5);
    wait(&a, "› Order name");
    retype(&mut a, "Alpha name");
    wizard_on_step(&mut b, 5);
    wait(&b, "› Order name");
    retype(&mut b, "Beta name");
    send_then(&mut b, keys::CTRL_S, "Saved “Beta name”");
    // A's save finds the same field changed: the conflict view shows both values.
    let screen = send_then(&mut a, keys::CTRL_S, "saved in another window");
    assert!(
        screen.contains("Beta name"),
        "the other value is shown: {screen}"
    );
    assert!(screen.contains("Alpha name"), "{screen}");
    // Nothing is saved before a value is chosen.
    send_then(&mut a, keys::ENTER, "Choose a value for every field first");
    assert_eq!(
        order_file(dir.path(), &id)["fields"]["order_name"],
        "Beta name"
    );
    send_then(&mut a, keys::RIGHT, "Every field has a value");
    send_then(&mut a, keys::ENTER, "Saved “Alpha name”");
    let file = order_file(dir.path(), &id);
    assert_eq!(file["fields"]["order_name"], "Alpha name", "{file:#}");
    // B follows the disk: its history shows A's choice once it is back there.
    send_then(&mut b, keys::ESC, "Press u to edit the draft");
    send_then(&mut b, keys::ESC, "Alpha name");
    quit(a);
    quit(b);
}

#[test]
fn with_the_poll_alone_the_history_still_follows() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let id = new_order(dir.path(), "complete-order.json");
    let env = [
        ("PORTWIZ_DATA_DIR", dir.path().as_os_str()),
        ("PORTWIZ_WATCH", std::ffi::OsStr::new("poll")),
    ];
    let app = PtySession::spawn(BIN, &[], &env, 110, 32).unwrap_or_else(|e| panic!("{e}"));
    wait(&app, NAME);
    let renamed = run(dir.path(), &["set", &id, "order_name", "Seen by the poll"]);
    assert_eq!(renamed.code, 0, "{}", renamed.stderr);
    wait(&app, "Seen by the poll");
    quit(app);
}

/// Issue 23: the wizard saves on Tab, so the conflict view opens in the middle of typing. What
/// is typed on, fast, before the view shows (letters, a space, Enter) chooses nothing and saves
/// nothing; the letters stay in the field they were typed for.
#[test]
fn typing_on_as_the_conflict_view_opens_chooses_nothing_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let id = new_order(dir.path(), "complete-order.json");
    let mut a = spawn(dir.path());
    let mut b = spawn(dir.path());
    wizard_on_step(&mut a, 5);
    wait(&a, "› Order name");
    retype(&mut a, "Renton");
    wizard_on_step(&mut b, 5);
    wait(&b, "› Order name");
    retype(&mut b, "Bothell");
    send_then(&mut b, keys::CTRL_S, "Saved “Bothell”");
    // One write: Tab (the save that meets B's), then the next field's text and an Enter.
    let screen = send_then(
        &mut a,
        &format!("{}oregon yo{}", keys::TAB, keys::ENTER),
        "saved in another window",
    );
    assert!(screen.contains("Renton"), "{screen}");
    std::thread::sleep(std::time::Duration::from_millis(300));
    // Letters after the view is drawn choose nothing either.
    a.send("oy");
    send_then(&mut a, keys::ENTER, "Choose a value for every field first");
    assert_eq!(
        order_file(dir.path(), &id)["fields"]["order_name"],
        "Bothell"
    );
    // Leaving the view: the wizard still holds "Renton", and the next field the typed text.
    send_then(&mut a, keys::ESC, "Leave without saving?");
    let screen = send_then(&mut a, keys::ESC, "Not saved");
    assert!(screen.contains("oregon yo"), "{screen}");
    quit(a);
    quit(b);
}

/// Wait until the order file's field `key` holds `value` (a save landed).
fn wait_saved(dir: &Path, id: &str, key: &str, value: &str) {
    let deadline = std::time::Instant::now() + TIMEOUT;
    while order_file(dir, id)["fields"][key] != value {
        assert!(
            std::time::Instant::now() < deadline,
            "{key} never became {value}: {:#}",
            order_file(dir, id)
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Issue 23: two apps in the wizard on one order, each saving on every Tab over the other's
/// saves, left 5–6 "edited" entries for two visits. The history has one entry per visit.
#[test]
fn two_apps_saving_in_turn_leave_one_history_entry_per_visit() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let id = new_order(dir.path(), "complete-order.json");
    let mut a = spawn(dir.path());
    let mut b = spawn(dir.path());
    wizard_on_step(&mut a, 4);
    send_then(&mut a, keys::TAB, "› Organization name");
    wizard_on_step(&mut b, 5);
    wait(&b, "› Order name");
    for round in 1..=3 {
        for (app, field, key, side) in [
            (&mut a, "› Organization name", "organization_name", "Alpha"),
            (&mut b, "› Order name", "order_name", "Beta"),
        ] {
            let value = format!("{side} {round}");
            retype(app, &value);
            // Tab saves and moves on; Shift+Tab comes back for the next round.
            app.send(keys::TAB);
            wait_saved(dir.path(), &id, key, &value);
            send_then(app, keys::BACKTAB, field);
        }
    }
    let file = order_file(dir.path(), &id);
    let edits: Vec<&serde_json::Value> = file["history"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["event"] == "edited")
        .collect();
    assert_eq!(edits.len(), 2, "{file:#}");
    assert_eq!(file["fields"]["organization_name"], "Alpha 3", "{file:#}");
    assert_eq!(file["fields"]["order_name"], "Beta 3", "{file:#}");
    quit(a);
    quit(b);
}
