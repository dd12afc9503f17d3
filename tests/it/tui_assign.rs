//! The assignment screen (`A` on an order's page; docs/assign.md), driven through `update()`:
//! rows pasted from a sheet go through the domain's parse, a bad row shows its error under it and
//! keeps what was typed, Ctrl-S saves only a plan without errors, as one history entry.

use crate::support::{ctrl, demo_app, draw, open_order, press, render};
use crossterm::event::KeyCode;
use portwiz::domain::assignment::IdentityKind;
use portwiz::domain::history::Event;
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, Root, update};

/// The completed demo order: two toll-free numbers, service numbers.
const ORDER: &str = "PO-DEMO0011";

fn assign_screen(w: u16, h: u16) -> Root {
    let mut app = demo_app(w, h);
    open_order(&mut app, ORDER);
    press(&mut app, KeyCode::Char('A'));
    assert!(
        matches!(app.screens.last(), Some(Screen::Assign(_))),
        "{}",
        render(&app)
    );
    app
}

fn saved(effects: &[Effect]) -> Option<&portwiz::domain::Order> {
    effects.iter().find_map(|e| match e {
        Effect::Save(order) => Some(order.as_ref()),
        _ => None,
    })
}

/// One row for the auto attendant, one (bad) for a person.
const PASTE: &str = "+18775550190\taa-main@adventure-works.com\t\tResourceAccount\n8775550191\tdana@adventure-works.com\n";

#[test]
fn the_screen_lists_every_number_at_80x24_and_larger() {
    for (w, h) in [(80, 24), (120, 40)] {
        let app = assign_screen(w, h);
        let screen = render(&app);
        assert!(screen.contains("+18775550190"), "{screen}");
        assert!(
            screen.contains("0 of 2 numbers have an identity"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("assign_{w}x{h}"), screen);
    }
}

#[test]
fn a_pasted_bad_row_shows_its_error_and_nothing_is_saved_until_it_is_fixed() {
    let mut app = assign_screen(100, 30);
    update(&mut app, Msg::Paste(PASTE.into()));
    draw(&mut app);
    let boxed = render(&app);
    assert!(boxed.contains("Paste rows from a sheet"), "{boxed}");
    ctrl(&mut app, 's');
    let screen = render(&app);
    assert!(screen.contains("aa-main@adventure-works.com"), "{screen}");
    assert!(screen.contains("dana@adventure-works.com"), "{screen}");
    assert!(
        screen.contains("✗ +18775550191 is a service number (toll-free)"),
        "{screen}"
    );
    insta::assert_snapshot!("assign_pasted_bad_row_100x30", screen);
    // Ctrl-S refuses while a row has an error; the rows stay as typed.
    let effects = ctrl(&mut app, 's');
    assert!(saved(&effects).is_none());
    assert!(
        render(&app).contains("nothing was saved"),
        "{}",
        render(&app)
    );
    assert!(render(&app).contains("dana@adventure-works.com"));
    // Fix it: the cursor went to the bad row; its type becomes a resource account.
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    crate::support::typed(&mut app, "cq-sales@adventure-works.com");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Enter);
    let effects = ctrl(&mut app, 's');
    let order = saved(&effects).expect("saved");
    assert_eq!(order.assignments.len(), 2);
    assert_eq!(
        order.assignments["+18775550191"].kind,
        IdentityKind::ResourceAccount
    );
    assert_eq!(
        order.assignments["+18775550191"].identity,
        "cq-sales@adventure-works.com"
    );
    let entries = order
        .history
        .iter()
        .filter(|h| h.event == Event::Assigned)
        .count();
    assert_eq!(entries, 1, "one history entry for the whole plan");
}

#[test]
fn a_paste_naming_a_number_not_on_the_order_takes_nothing_and_keeps_the_text() {
    let mut app = assign_screen(80, 24);
    press(&mut app, KeyCode::Char('p'));
    update(
        &mut app,
        Msg::Paste("+14255550100\tsomeone@contoso.com\n".into()),
    );
    ctrl(&mut app, 's');
    let screen = render(&app);
    assert!(
        screen.contains("line 1: +14255550100 is not one of order"),
        "{screen}"
    );
    assert!(screen.contains("someone@contoso.com"), "{screen}");
    // Esc asks before dropping what was pasted? The box closes and takes nothing.
    press(&mut app, KeyCode::Esc);
    assert!(render(&app).contains("0 of 2 numbers have an identity"));
}

#[test]
fn leaving_with_unsaved_rows_asks_first() {
    let mut app = assign_screen(80, 24);
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Enter);
    crate::support::typed(&mut app, "aa@adventure-works.com");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let screen = render(&app);
    assert!(screen.contains("not saved yet"), "{screen}");
    assert!(matches!(app.screens.last(), Some(Screen::Assign(_))));
}

/// The real binary in a pseudo-terminal: two rows pasted from a sheet (a bracketed paste), taken,
/// saved; the order file holds them.
#[test]
fn pasting_two_rows_in_a_terminal_saves_them_to_the_order_file() {
    use crate::support::pty::{PtySession, TIMEOUT, keys};
    let dir = tempfile::TempDir::new().unwrap();
    let (mut store, _) = portwiz::store::Store::open(dir.path()).unwrap();
    let order = crate::support::demo_orders()
        .into_iter()
        .find(|o| o.id == ORDER)
        .unwrap();
    store.create(order).unwrap();
    drop(store);
    let env = [
        ("PORTWIZ_DATA_DIR", dir.path().as_os_str()),
        ("PORTWIZ_TODAY", std::ffi::OsStr::new(crate::support::TODAY)),
    ];
    let mut app = PtySession::spawn(env!("CARGO_BIN_EXE_portwiz"), &[], &env, 100, 30).unwrap();
    let wait = |app: &PtySession, needle: &str| {
        app.wait_for(needle, TIMEOUT)
            .unwrap_or_else(|e| panic!("{e}"))
    };
    wait(&app, "Adventure Works");
    send_then(&mut app, keys::ENTER, "✓ Completed");
    send_then(&mut app, "A", "0 of 2 numbers have an identity");
    send_then(
        &mut app,
        &keys::paste(
            "PhoneNumber\tIdentity\tIdentityType\n+18775550190\taa-main@adventure-works.com\tResourceAccount\n8775550191\tcq-sales@adventure-works.com\tcall queue\n",
        ),
        "Paste rows from a sheet",
    );
    send_then(&mut app, keys::CTRL_S, "Took 2 rows from the paste");
    send_then(&mut app, keys::CTRL_S, "✓ Saved “Adventure Works");
    let file = crate::support::order_file(dir.path(), ORDER);
    assert_eq!(
        file["assignments"]["+18775550190"]["identity"],
        "aa-main@adventure-works.com"
    );
    assert_eq!(
        file["assignments"]["+18775550191"]["kind"],
        "resource_account"
    );
    app.send("q");
}

/// The order's page scrolled to the line that holds `heading`.
fn page_at(app: &mut Root, heading: &str, width: u16) {
    let lines = match app.order(ORDER) {
        Some(order) => {
            portwiz::tui::screens::order::view::page_lines(app, order, usize::from(width))
        }
        None => panic!("no {ORDER}"),
    };
    let at = lines
        .iter()
        .position(|l| l.to_string().contains(heading))
        .unwrap_or_else(|| panic!("no {heading:?} on the page"));
    if let Some(Screen::Order(page)) = app.screens.last_mut() {
        page.scroll = at.saturating_sub(1);
    }
}

#[test]
fn the_order_page_shows_who_gets_which_number_and_what_is_left() {
    use portwiz::domain::assignment::Assignment;
    // Completed and nothing assigned: the page says how to begin.
    let mut app = demo_app(80, 24);
    open_order(&mut app, ORDER);
    page_at(&mut app, "Assignments: none yet", 80);
    assert!(render(&app).contains("A says who gets each number in Teams."));
    // One of the two numbers given to the auto attendant.
    let mut order = app.order(ORDER).unwrap().clone();
    let number = order.fields.numbers[0].clone();
    order.assignments.insert(
        number.clone(),
        Assignment {
            identity: "aa-main@adventure-works.com".into(),
            kind: IdentityKind::ResourceAccount,
            location_id: String::new(),
        },
    );
    update(&mut app, Msg::Loaded(Box::new(order)));
    page_at(&mut app, "Assignments (1 of 2 numbers assigned", 80);
    let screen = render(&app);
    for words in [
        &format!(" → {number}  aa-main@adventure-works.com (resource account)"),
        "Not assigned yet (1): ",
        "e then a writes them as Teams PowerShell",
    ] {
        assert!(screen.contains(words), "{words:?} in\n{screen}");
    }
    insta::assert_snapshot!("order_page_assignments_80x24", screen);
}

/// Send keys, then wait for the screen they make (see `PtySession::send_then`).
fn send_then(app: &mut crate::support::pty::PtySession, keys: &str, needle: &str) -> String {
    app.send_then(keys, needle, crate::support::pty::TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"))
}
