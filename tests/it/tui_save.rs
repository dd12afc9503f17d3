//! A save that fails is typed (`SaveError`), and the app acts on it: a conflict with another
//! portwiz opens the conflict view, and the value the user chooses is saved.

use crate::support::{demo_orders, press, test_clock};
use crossterm::event::KeyCode;
use portwiz::store::Store;
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, Root, SaveError, execute, update};

#[test]
fn a_conflict_opens_the_conflict_view_and_saves_the_value_chosen() {
    let Ok(dir) = tempfile::tempdir() else { return };
    let Some(order) = demo_orders().into_iter().next() else {
        panic!("no demo order");
    };
    let id = order.id.clone();
    let Ok((mut mine_store, _)) = Store::open(dir.path()) else {
        panic!("store");
    };
    assert!(mine_store.create(order.clone()).is_ok());
    let opened = match mine_store.get(&id) {
        Ok(l) => l.order.clone(),
        Err(e) => panic!("{e}"),
    };
    let Ok((mut their_store, _)) = Store::open(dir.path()) else {
        panic!("store");
    };
    // The other portwiz records a ticket and saves first.
    let mut theirs = opened.clone();
    assert!(theirs.set_ticket("TICKET-THEIRS", test_clock().now).is_ok());
    assert!(their_store.save(&theirs).is_ok());

    let mut mine = opened.clone();
    assert!(mine.set_ticket("TICKET-MINE", test_clock().now).is_ok());
    let answer = execute(&mut mine_store, Effect::Save(Box::new(mine.clone())));
    let Some(Msg::SaveConflict { merge, .. }) = answer.clone() else {
        panic!("expected a conflict, got {answer:?}");
    };
    assert_eq!(merge.conflicts.len(), 1);
    assert_eq!(merge.conflicts[0].theirs, "TICKET-THEIRS");
    assert_eq!(merge.conflicts[0].mine, "TICKET-MINE");

    // The app opens the conflict view; nothing is saved before a value is chosen.
    let mut app = Root::new(vec![opened], test_clock(), (100, 30));
    let Some(answer) = answer else { return };
    update(&mut app, answer);
    assert!(matches!(app.top(), Screen::Conflict(_)));
    let refused = press(&mut app, KeyCode::Enter);
    assert!(refused.is_empty(), "{refused:?}");
    press(&mut app, KeyCode::Right);
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::Save(chosen)] = effects.as_slice() else {
        panic!("expected a save, got {effects:?}");
    };
    let again = execute(&mut mine_store, Effect::Save(chosen.clone()));
    assert!(matches!(again, Some(Msg::Saved(_))), "{again:?}");
    let Ok((fresh, _)) = Store::open(dir.path()) else {
        panic!("store");
    };
    let ticket = fresh.get(&id).ok().and_then(|l| l.order.ticket.clone());
    assert_eq!(ticket.as_deref(), Some("TICKET-MINE"));
}

#[test]
fn a_disk_failure_is_io_and_a_refusal_is_refused() {
    let Ok(dir) = tempfile::tempdir() else { return };
    let Ok((mut store, _)) = Store::open(dir.path()) else {
        panic!("store");
    };
    let Some(mut order) = demo_orders().into_iter().next() else {
        panic!("no demo order");
    };
    order.id = "not a valid id!".into();
    let answer = execute(&mut store, Effect::Save(Box::new(order)));
    assert!(
        matches!(
            answer,
            Some(Msg::SaveFailed {
                error: SaveError::Refused(_),
                ..
            })
        ),
        "{answer:?}"
    );
}
