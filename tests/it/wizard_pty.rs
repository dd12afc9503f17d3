//! End-to-end tests of the porting wizard: the real binary in a pseudo-terminal, on a private
//! store, with the clock pinned to `support::TODAY`. Each step waits for the screen to show the
//! effect of the keys sent (never a fixed sleep), and the order files on disk are the verdict.

use crate::support::pty::{PtySession, TIMEOUT, keys};
use portwiz::domain::{FIELDS, FieldKey, OrderFields, Step};
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_portwiz");

/// An empty private data folder.
fn empty_store() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap_or_else(|e| panic!("temp dir: {e}"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700));
    }
    dir
}

/// A private data folder holding a copy of one demo order file, as a user would have it.
fn store_with_demo_file(name: &str) -> tempfile::TempDir {
    let dir = empty_store();
    let orders = dir.path().join("orders");
    std::fs::create_dir_all(&orders).unwrap_or_else(|e| panic!("{e}"));
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/demo")
        .join(name);
    std::fs::copy(&source, orders.join(name)).unwrap_or_else(|e| panic!("{e}"));
    // Private, as the store keeps them (else the app opens with a notice about permissions).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&orders, std::fs::Permissions::from_mode(0o700));
        let _ = std::fs::set_permissions(orders.join(name), std::fs::Permissions::from_mode(0o600));
    }
    dir
}

fn spawn(dir: &Path, cols: u16, rows: u16) -> PtySession {
    let env = [
        ("PORTWIZ_DATA_DIR", dir.as_os_str()),
        ("PORTWIZ_TODAY", std::ffi::OsStr::new(crate::support::TODAY)),
    ];
    PtySession::spawn(BIN, &[], &env, cols, rows).unwrap_or_else(|e| panic!("{e}"))
}

/// Wait for `needle` on screen, or fail the test with the screen.
fn wait(app: &PtySession, needle: &str) -> String {
    app.wait_for(needle, TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Send keys, then wait for `needle`.
fn send_then(app: &mut PtySession, keys: &str, needle: &str) -> String {
    app.send_then(keys, needle, TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Quit from a list or page with `q` and check the terminal came back.
fn quit(mut app: PtySession) {
    app.send("q");
    let status = app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "{status:?}");
}

/// The only order file in the store, parsed.
fn only_order(dir: &Path) -> serde_json::Value {
    let files: Vec<_> = std::fs::read_dir(dir.join("orders"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "one order file: {files:?}");
    let text = std::fs::read_to_string(files[0].path()).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn field<'a>(order: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    path.split('.')
        .fold(&order["fields"], |value, part| &value[part])
}

#[test]
fn a_new_order_is_filled_step_by_step_and_submitted() {
    let dir = empty_store();
    let mut app = spawn(dir.path(), 120, 40);
    wait(&app, "Welcome to portwiz");
    send_then(&mut app, "n", "Step 1 of 7");

    // Get started: two choices.
    send_then(&mut app, " ", "(•) United States");
    send_then(&mut app, keys::TAB, "Number type");
    send_then(&mut app, " ", "(•) Geographic");
    send_then(&mut app, keys::TAB, "Step 2 of 7");

    // Phone numbers, pasted as a terminal pastes them.
    let pasted = keys::paste("+14255550100\n+14255550101, 425-555-0102");
    send_then(&mut app, &pasted, "425-555-0102");
    send_then(&mut app, keys::PAGE_DOWN, "Step 3 of 7");

    // Billing number and port type.
    send_then(&mut app, " ", "(•) Full port");
    send_then(&mut app, keys::TAB, "› Billing telephone number");
    send_then(&mut app, "+14255550100", "[+14255550100");
    send_then(&mut app, keys::PAGE_DOWN, "Step 4 of 7");

    // Account information: every field the order's country asks, in the field table's Tab
    // order up to the service address's country; a field this test gives no value (the PIN,
    // optional here) is left empty.
    let us = OrderFields {
        country: "US".into(),
        number_type: "geographic".into(),
        ..OrderFields::default()
    };
    let value = |key: FieldKey| match key {
        FieldKey::CurrentCarrier => "Contoso Telecom",
        FieldKey::OrganizationName => "Fabrikam Inc",
        FieldKey::AccountNumber => "ACC-0098765",
        FieldKey::AuthorizedUserFirstName => "Dana",
        FieldKey::AuthorizedUserLastName => "Reyes",
        FieldKey::ServiceAddressStreet => "1 Microsoft Way",
        FieldKey::ServiceAddressCity => "Redmond",
        FieldKey::ServiceAddressState => "WA",
        FieldKey::ServiceAddressPostalCode => "98052",
        _ => "",
    };
    let account = FIELDS
        .iter()
        .filter(|f| f.step == Step::AccountInformation && f.asked(&us))
        .take_while(|f| f.key != FieldKey::ServiceAddressCountry);
    for field in account {
        let text = value(field.key);
        if !text.is_empty() {
            send_then(&mut app, text, &format!("[{text}"));
        }
        app.send(keys::TAB);
    }
    // The service address takes the order's country: nothing to choose.
    wait(&app, "› Service address country");
    wait(&app, "(•) United States");
    send_then(&mut app, keys::PAGE_DOWN, "Step 5 of 7");

    // Porting details, in the field table's Tab order up to the notification e-mails.
    let value = |key: FieldKey| match key {
        FieldKey::OrderName => "Fabrikam HQ",
        FieldKey::PortDate => "2026-12-08",
        FieldKey::PortTime => "10:00",
        FieldKey::RequesterName => "Sam Lee",
        FieldKey::RequesterEmail => "sam@fabrikam.com",
        _ => "",
    };
    let porting = FIELDS
        .iter()
        .filter(|f| f.step == Step::PortingDetails && f.asked(&us))
        .take_while(|f| f.key != FieldKey::NotificationEmails);
    for field in porting {
        let text = value(field.key);
        if !text.is_empty() {
            send_then(&mut app, text, &format!("[{text}"));
        }
        app.send(keys::TAB);
    }
    wait(&app, "› Notification e-mails");
    send_then(&mut app, keys::PAGE_DOWN, "Step 6 of 7");

    // Letter of Authorization.
    send_then(
        &mut app,
        "e-signed by Dana Reyes 2026-11-26",
        "[e-signed by Dana Reyes 2026-11-26",
    );
    let review = send_then(&mut app, keys::PAGE_DOWN, "Step 7 of 7");
    assert!(!review.contains("error(s) block"), "{review}");

    send_then(
        &mut app,
        keys::ENTER,
        "Submitted in the Teams admin center? y records it",
    );
    send_then(&mut app, "y", "→ Submitted");
    wait(&app, "Saved “Fabrikam HQ”");
    quit(app);

    let order = only_order(dir.path());
    assert_eq!(order["status"], "submitted", "{order:#}");
    let expected = [
        ("country", "US"),
        ("number_type", "geographic"),
        ("port_type", "full"),
        ("billing_telephone_number", "+14255550100"),
        ("current_carrier", "Contoso Telecom"),
        ("organization_name", "Fabrikam Inc"),
        ("account_number", "ACC-0098765"),
        ("authorized_user.first_name", "Dana"),
        ("authorized_user.last_name", "Reyes"),
        ("service_address.street", "1 Microsoft Way"),
        ("service_address.city", "Redmond"),
        ("service_address.state", "WA"),
        ("service_address.postal_code", "98052"),
        ("service_address.country", "US"),
        ("order_name", "Fabrikam HQ"),
        ("port_date", "2026-12-08"),
        ("port_time", "10:00"),
        ("requester.name", "Sam Lee"),
        ("requester.email", "sam@fabrikam.com"),
        ("loa", "e-signed by Dana Reyes 2026-11-26"),
    ];
    for (key, value) in expected {
        assert_eq!(field(&order, key), value, "{key} in {order:#}");
    }
    let numbers: Vec<&str> = field(&order, "numbers")
        .as_array()
        .unwrap_or_else(|| panic!("numbers is a list: {order:#}"))
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    assert_eq!(numbers.len(), 3, "{numbers:?}");
    assert_eq!(numbers[0], "+14255550100");
}

#[test]
fn a_pin_rejection_is_fixed_and_resubmitted_without_the_pin_in_the_history() {
    let dir = store_with_demo_file("PO-DEMO0005.json");
    let mut app = spawn(dir.path(), 120, 40);
    wait(&app, "Trey Research sales mobiles");
    send_then(&mut app, keys::ENTER, "Press u to update");
    // Wait for the focus marker itself: a frame can be read half drawn under load.
    let screen = send_then(&mut app, "u", "› Account PIN");
    assert!(screen.contains("Step 4 of 7"), "{screen}");
    assert!(
        screen.contains("The provided PIN is missing or incorrect"),
        "{screen}"
    );

    app.send(keys::CTRL_U);
    app.send("9921");
    send_then(
        &mut app,
        keys::CTRL_S,
        "Saved “Trey Research sales mobiles”",
    );

    // The rejection took days: the old port date is now too soon. Review says so, and Enter on
    // the problem goes to the field.
    let review = send_then(&mut app, &keys::PAGE_DOWN.repeat(3), "Step 7 of 7");
    assert!(
        review.contains("Port date: 2026-12-02 is too soon"),
        "{review}"
    );
    send_then(&mut app, keys::DOWN, "› ✗ Port date");
    send_then(&mut app, keys::ENTER, "› Port date");
    app.send(keys::CTRL_U);
    send_then(&mut app, "2026-12-08", "[2026-12-08 ");
    let review = send_then(&mut app, &keys::PAGE_DOWN.repeat(2), "Step 7 of 7");
    assert!(!review.contains("error(s) block"), "{review}");
    assert!(review.contains("Account PIN: •••• → ••••"), "{review}");
    assert!(
        !review.contains("9921"),
        "the PIN is masked on Review:\n{review}"
    );

    send_then(
        &mut app,
        keys::ENTER,
        "Resubmitted in the Teams admin center? y records it",
    );
    send_then(&mut app, "y", "→ Submitted");
    wait(&app, "Saved “Trey Research sales mobiles”");
    quit(app);

    let order = only_order(dir.path());
    assert_eq!(order["status"], "submitted", "{order:#}");
    assert_eq!(field(&order, "pin"), "9921");
    assert_eq!(field(&order, "port_date"), "2026-12-08");
    let history = order["history"]
        .as_array()
        .unwrap_or_else(|| panic!("history: {order:#}"));
    assert!(
        history.iter().any(|h| h["event"] == "resubmitted"),
        "{history:#?}"
    );
    let history_text = serde_json::to_string(history).unwrap_or_default();
    assert!(!history_text.contains("9921"), "{history_text}");
    assert!(!history_text.contains("4417"), "{history_text}");
}

#[test]
fn a_bad_number_and_a_weekend_date_are_refused_and_kept_as_typed() {
    let dir = empty_store();
    let mut app = spawn(dir.path(), 80, 24);
    wait(&app, "Welcome to portwiz");
    send_then(&mut app, "n", "Step 1 of 7");
    send_then(&mut app, keys::PAGE_DOWN, "Step 2 of 7");

    send_then(&mut app, &keys::paste("+14255550100\n555-01"), "555-01");
    let screen = send_then(&mut app, keys::CTRL_S, "555-01 has 5 digits");
    assert!(screen.contains("✗ not a number"), "{screen}");
    wait(&app, "Saved “");

    let screen = send_then(&mut app, &keys::PAGE_DOWN.repeat(3), "Step 5 of 7");
    assert!(screen.contains("earliest 2026-12-03"), "{screen}");
    // As many Tabs as the field table asks fields before the port date on its step.
    let before = FIELDS
        .iter()
        .filter(|f| f.step == Step::PortingDetails && f.asked(&OrderFields::default()))
        .position(|f| f.key == FieldKey::PortDate)
        .unwrap_or_default();
    send_then(&mut app, &keys::TAB.repeat(before), "› Port date");
    send_then(&mut app, "2026-12-05", "[2026-12-05");
    let screen = send_then(&mut app, keys::TAB, "is a Saturday");
    assert!(
        screen.contains("The next business day is 2026-12-07"),
        "{screen}"
    );
    wait(&app, "Saved “");

    // Review refuses to submit and says why.
    let screen = send_then(&mut app, &keys::PAGE_DOWN.repeat(2), "Step 7 of 7");
    assert!(screen.contains("error(s) block submission"), "{screen}");
    // Enter goes to the first error (as Review's footer says) rather than submitting.
    let screen = send_then(&mut app, keys::ENTER, "Not submitted");
    assert!(
        screen.contains("Step 1 of 7") && screen.contains("› Country or region"),
        "{screen}"
    );

    // Esc leaves the wizard; the draft stays, with what was typed, even in the field still
    // being edited.
    send_then(&mut app, &keys::PAGE_DOWN.repeat(4), "› Order name");
    send_then(&mut app, "Weekend try", "[Weekend try");
    send_then(&mut app, keys::ESC, "Showing 1 of 1 orders");
    wait(&app, "Saved “Weekend try”");
    quit(app);

    let order = only_order(dir.path());
    assert_eq!(order["status"], "draft", "{order:#}");
    assert_eq!(
        field(&order, "numbers"),
        &serde_json::json!(["+14255550100", "555-01"])
    );
    assert_eq!(field(&order, "port_date"), "2026-12-05");
    assert_eq!(field(&order, "order_name"), "Weekend try");
}

#[test]
fn ctrl_c_with_an_unsaved_edit_asks_and_s_saves_before_quitting() {
    let dir = empty_store();
    let mut app = spawn(dir.path(), 80, 24);
    wait(&app, "Welcome to portwiz");
    send_then(&mut app, "n", "Step 1 of 7");
    send_then(&mut app, keys::PAGE_DOWN, "Step 2 of 7");
    send_then(&mut app, "4255550100", "4255550100");
    send_then(
        &mut app,
        keys::CTRL_C,
        "The porting wizard has edits that are not saved.",
    );
    app.send("s");
    let status = app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "{status:?}");
    assert!(!app.in_alternate_screen(), "the terminal was restored");
    let order = only_order(dir.path());
    assert_eq!(order["status"], "draft");
    assert_eq!(
        field(&order, "numbers"),
        &serde_json::json!(["+14255550100"])
    );
}

#[test]
fn review_ends_at_the_hand_off_where_the_submission_is_recorded() {
    let dir = store_with_demo_file("PO-DEMO0005.json");
    let mut app = spawn(dir.path(), 120, 40);
    wait(&app, "Trey Research sales mobiles");
    send_then(&mut app, keys::ENTER, "Press u to update");
    send_then(&mut app, "u", "› Account PIN");
    app.send(keys::CTRL_U);
    app.send("9921");
    send_then(
        &mut app,
        keys::CTRL_S,
        "Saved “Trey Research sales mobiles”",
    );
    send_then(&mut app, &keys::PAGE_DOWN.repeat(3), "Step 7 of 7");
    // The old port date is too soon now: fixed through Review's first error.
    send_then(&mut app, keys::ENTER, "› Port date");
    app.send(keys::CTRL_U);
    send_then(&mut app, "2026-12-08", "[2026-12-08 ");
    let review = send_then(&mut app, &keys::PAGE_DOWN.repeat(2), "Step 7 of 7");
    assert!(review.contains("t: the hand-off"), "{review}");
    assert!(!review.contains("Sent to"), "{review}");
    // t: the wizard closes on the hand-off, the admin center's pages, to enter it there.
    send_then(
        &mut app,
        "t",
        "Enter each value in the Teams admin center's porting wizard",
    );
    send_then(&mut app, "s", "Record that this order is entered and");
    // `y` records it and closes the hand-off: the order's page says what comes next.
    let page = send_then(&mut app, "y", "now Submitted");
    assert!(
        page.contains("Submitted in the Teams admin center"),
        "{page}"
    );
    assert!(!page.contains("Sent to"), "{page}");
    // The history's own line: "Order history" is also in the order page's title.
    send_then(&mut app, keys::ESC, "Showing 1 of 1 orders");
    quit(app);
    assert_eq!(only_order(dir.path())["status"], "submitted");
}

/// Issue 29.3: the CSR value typed in the CSR column is taken by Ctrl-T at once, before Tab has
/// left the box (it said "No CSR value for this field yet" until the value was saved).
#[test]
fn ctrl_t_right_after_typing_a_csr_value_takes_it_into_the_field() {
    let dir = store_with_demo_file("PO-DEMO0003.json");
    let mut app = spawn(dir.path(), 120, 40);
    wait(&app, "Contoso Redmond HQ main lines");
    send_then(&mut app, keys::ENTER, "Press u to update");
    send_then(&mut app, "u", "› Account number");
    send_then(&mut app, "\x0b", "CSR column on");
    send_then(&mut app, keys::TAB, "› CSR [");
    send_then(&mut app, "TSC-4471-0039", "› CSR [TSC-4471-0039");
    let screen = send_then(&mut app, "\x14", "= CSR: matches");
    assert!(!screen.contains("No CSR value"), "{screen}");
    wait(&app, "Saved “Contoso Redmond HQ main lines”");
    send_then(&mut app, keys::ESC, "u Update");
    quit(app);

    let order = only_order(dir.path());
    assert_eq!(
        field(&order, "account_number"),
        "TSC-4471-0039",
        "{order:#}"
    );
    assert_eq!(order["csr"]["account_number"], "TSC-4471-0039", "{order:#}");
}
