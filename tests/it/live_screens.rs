//! The conflict view (issue 17): both values side by side, the PIN masked, whole-screen
//! snapshots at 80×24 and 120×40, and keys that choose before anything is saved.

use crate::support::{demo_orders, press, render, test_clock};
use crossterm::event::KeyCode;
use portwiz::domain::merge::merge;
use portwiz::domain::secret::Secret;
use portwiz::domain::{FieldKey, FieldValue, Order};
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, Root, update};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn set(order: &Order, key: FieldKey, value: &str) -> Order {
    let mut out = order.clone();
    out.fields.set(key, FieldValue::Text(value.into()));
    out
}

/// The app with a conflict on the order name and the PIN, theirs also changed the carrier.
fn app_with_conflict(size: (u16, u16)) -> (Root, Order) {
    let base = demo_orders()
        .into_iter()
        .find(|o| o.status.is_editable())
        .unwrap_or_else(|| panic!("no editable demo order"));
    let mut theirs = set(
        &base,
        FieldKey::OrderName,
        "Fabrikam HQ (renamed in the shell)",
    );
    theirs = set(&theirs, FieldKey::CurrentCarrier, "Contoso Telecom West");
    theirs.fields.pin = Secret::new("271828");
    let mut mine = set(
        &base,
        FieldKey::OrderName,
        "Fabrikam head office, main lines and fax",
    );
    mine.fields.pin = Secret::new("314159");
    let m = merge(&base, &theirs, &mine);
    let mut app = Root::new(vec![theirs], test_clock(), size);
    update(
        &mut app,
        Msg::SaveConflict {
            merge: Box::new(m),
            mine: Box::new(mine.clone()),
        },
    );
    (app, mine)
}

#[test]
fn conflict_view() {
    for size in SIZES {
        let (app, _) = app_with_conflict(size);
        assert!(matches!(app.top(), Screen::Conflict(_)));
        let screen = render(&app);
        for shown in [
            "renamed in the shell",
            "Fabrikam head office",
            "Account PIN",
            "••••",
            "Current service provider",
        ] {
            assert!(screen.contains(shown), "{shown} missing:\n{screen}");
        }
        assert!(
            !screen.contains("271828") && !screen.contains("314159"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("conflict_view_{}x{}", size.0, size.1), screen);
    }
}

#[test]
fn each_field_is_chosen_before_the_order_is_saved() {
    let (mut app, _) = app_with_conflict((100, 30));
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(render(&app).contains("Choose a value for every field first (2 left)"));
    // Keep the other window's PIN (the first row, in the registry's order), my name.
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Right);
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::Save(order)] = effects.as_slice() else {
        panic!("expected one save, got {effects:?}");
    };
    assert_eq!(
        order.fields.order_name,
        "Fabrikam head office, main lines and fax"
    );
    assert_eq!(order.fields.pin.expose(), "271828");
    assert_eq!(order.fields.current_carrier, "Contoso Telecom West");
    assert!(!matches!(app.top(), Screen::Conflict(_)));
}

#[test]
fn esc_asks_before_leaving_and_saves_nothing() {
    let (mut app, _) = app_with_conflict((100, 30));
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert!(matches!(app.top(), Screen::Conflict(_)));
    assert!(render(&app).contains("Leave without saving?"));
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert!(!matches!(app.top(), Screen::Conflict(_)));
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("Not saved"))
    );
}

/// What Esc says of the user's edit is true whichever screen saved it: the wizard still holds
/// it; the response dialog is closed by then, so the response is not kept anywhere.
#[test]
fn esc_says_where_the_edit_is_left() {
    // From the wizard: it is still open under the conflict view.
    let base = demo_orders()
        .into_iter()
        .find(|o| o.status.is_editable())
        .unwrap_or_else(|| panic!("no editable demo order"));
    let theirs = set(&base, FieldKey::OrderName, "Renamed in the shell");
    let mine = set(&base, FieldKey::OrderName, "Renamed in the wizard");
    let conflict = Msg::SaveConflict {
        merge: Box::new(merge(&base, &theirs, &mine)),
        mine: Box::new(mine.clone()),
    };
    let mut app = Root::new(vec![theirs.clone()], test_clock(), (100, 30));
    crate::support::open_order(&mut app, &base.id);
    press(&mut app, KeyCode::Char('u'));
    assert!(matches!(app.top(), Screen::Wizard(_)));
    update(&mut app, conflict.clone());
    press(&mut app, KeyCode::Esc);
    let screen = render(&app);
    assert!(screen.contains("stay in the wizard"), "{screen}");
    assert!(!screen.contains("stay in this window"), "{screen}");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Wizard(_)), "back in the wizard");
    let said = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(said.contains("the wizard"), "{said}");

    // From the response dialog, closed by then: nothing holds the edit.
    let mut app = Root::new(vec![theirs], test_clock(), (100, 30));
    crate::support::open_order(&mut app, &base.id);
    update(&mut app, conflict);
    press(&mut app, KeyCode::Esc);
    let screen = render(&app);
    assert!(!screen.contains("stay in"), "{screen}");
    assert!(screen.contains("is not kept"), "{screen}");
    press(&mut app, KeyCode::Esc);
    let said = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(
        !said.contains("in this window") && said.contains("again"),
        "{said}"
    );
}

/// Issue 23: the view opens by itself as the user types (the wizard saves on Tab). Keys typed
/// before its first frame choose nothing and go to the field they were typed for; after it, no
/// letter is a choice; only arrows and Space choose, and Enter then saves.
#[test]
fn keys_typed_before_the_view_was_drawn_choose_nothing_and_stay_in_the_field() {
    use crossterm::event::{KeyEvent, KeyModifiers};
    let base = demo_orders()
        .into_iter()
        .find(|o| o.status.is_editable())
        .unwrap_or_else(|| panic!("no editable demo order"));
    let theirs = set(&base, FieldKey::OrderName, "Bothell");
    let mine = set(&base, FieldKey::OrderName, "Renton");
    let mut app = Root::new(vec![theirs.clone()], test_clock(), (100, 30));
    crate::support::open_order(&mut app, &base.id);
    press(&mut app, KeyCode::Char('u'));
    assert!(matches!(app.top(), Screen::Wizard(_)));
    // Step 5, on the order name: a text field (the wizard opens where work is left: back to
    // step 1 first).
    for _ in 0..6 {
        press(&mut app, KeyCode::PageUp);
    }
    for _ in 0..4 {
        press(&mut app, KeyCode::PageDown);
    }
    assert!(render(&app).contains("› Order name"), "{}", render(&app));
    update(
        &mut app,
        Msg::SaveConflict {
            merge: Box::new(merge(&base, &theirs, &mine)),
            mine: Box::new(mine.clone()),
        },
    );
    // Typed on before the view was drawn: no frame between these keys.
    for code in "oregon y"
        .chars()
        .map(KeyCode::Char)
        .chain([KeyCode::Right, KeyCode::Enter])
    {
        let effects = update(&mut app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        assert!(effects.is_empty(), "{code:?}: {effects:?}");
    }
    let picks = |app: &Root| match app.top() {
        Screen::Conflict(page) => page.picks.clone(),
        _ => panic!("the conflict view closed"),
    };
    assert_eq!(picks(&app), [None]);
    // Drawn now: still no letter chooses.
    for c in ['o', 'y', 'k'] {
        assert!(press(&mut app, KeyCode::Char(c)).is_empty());
    }
    assert_eq!(picks(&app), [None]);
    assert!(render(&app).contains("Renton"), "the user's value is shown");
    // Leaving keeps everything where it was typed.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Wizard(_)));
    let screen = render(&app);
    assert!(screen.contains("oregon y"), "{screen}");
}

#[test]
fn space_keeps_yours_and_enter_saves() {
    let (mut app, mine) = app_with_conflict((100, 30));
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char(' '));
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::Save(order)] = effects.as_slice() else {
        panic!("expected one save, got {effects:?}");
    };
    assert_eq!(order.fields.order_name, mine.fields.order_name);
    assert_eq!(order.fields.pin.expose(), "314159");
}

/// Issue 23, tried as a new user: "Ctrl-U Ito" typed as the view opened left "TanakaIto" in
/// the field (the letters went on, the Ctrl-U was dropped). Every key that only edits the field's
/// text (Ctrl-U, Backspace, Delete, Home, End, ←, →) goes on to it with the letters, so the field
/// holds what was typed; keys that leave the field or save (Tab, Enter, Esc) still do nothing.
#[test]
fn editing_keys_typed_before_the_view_was_drawn_edit_the_field_as_typed() {
    use crossterm::event::{KeyEvent, KeyModifiers};
    let base = demo_orders()
        .into_iter()
        .find(|o| o.status.is_editable())
        .unwrap_or_else(|| panic!("no editable demo order"));
    let theirs = set(&base, FieldKey::OrderName, "Bothell");
    let mine = set(&base, FieldKey::OrderName, "Renton");
    let mut app = Root::new(vec![theirs.clone()], test_clock(), (100, 30));
    crate::support::open_order(&mut app, &base.id);
    press(&mut app, KeyCode::Char('u'));
    for _ in 0..6 {
        press(&mut app, KeyCode::PageUp);
    }
    for _ in 0..4 {
        press(&mut app, KeyCode::PageDown);
    }
    assert!(render(&app).contains("› Order name"), "{}", render(&app));
    update(
        &mut app,
        Msg::SaveConflict {
            merge: Box::new(merge(&base, &theirs, &mine)),
            mine: Box::new(mine.clone()),
        },
    );
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let typed = [ctrl_u]
        .into_iter()
        .chain("Ito".chars().map(|c| plain(KeyCode::Char(c))))
        .chain([
            plain(KeyCode::Home),
            plain(KeyCode::Delete),
            plain(KeyCode::Char('O')),
            plain(KeyCode::End),
            plain(KeyCode::Left),
            plain(KeyCode::Backspace),
            plain(KeyCode::Right),
            plain(KeyCode::Char('x')),
            plain(KeyCode::Tab),
            plain(KeyCode::Enter),
        ]);
    for key in typed {
        let effects = update(&mut app, Msg::Key(key));
        assert!(effects.is_empty(), "{key:?}: {effects:?}");
    }
    match app.top() {
        Screen::Conflict(page) => assert_eq!(page.picks, [None]),
        _ => panic!("the conflict view closed"),
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    let screen = render(&app);
    assert!(screen.contains("[Oox "), "{screen}");
}

/// Ctrl-Y puts your value of the selected field on the clipboard (the runtime's OSC 52 effect),
/// so keeping the other window's loses nothing; the PIN is never copied from here.
#[test]
fn ctrl_y_copies_your_value_but_never_the_pin() {
    let (mut app, mine) = app_with_conflict((100, 30));
    // The first row is the PIN.
    assert!(crate::support::ctrl(&mut app, 'y').is_empty());
    assert!(
        render(&app).contains("The PIN is never copied"),
        "{}",
        render(&app)
    );
    press(&mut app, KeyCode::Down);
    let effects = crate::support::ctrl(&mut app, 'y');
    assert_eq!(effects, [Effect::Copy(mine.fields.order_name.clone())]);
    assert!(
        matches!(app.top(), Screen::Conflict(_)),
        "nothing was chosen"
    );
}
