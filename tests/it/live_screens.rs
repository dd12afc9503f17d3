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
