//! A save that fails is typed (`SaveError`), and the app acts on it: a conflict with another
//! portwiz shows the other instance's version, and the edit can then be saved over it knowingly.

use crate::support::{demo_orders, test_clock};
use portwiz::store::Store;
use portwiz::tui::{Effect, Msg, Root, SaveError, execute, update};

#[test]
fn a_conflict_shows_the_other_version_and_a_second_save_replaces_it() {
    let Ok(dir) = tempfile::tempdir() else { return };
    let Some(order) = demo_orders().into_iter().next() else {
        panic!("no demo order");
    };
    let id = order.id.clone();
    let Ok((mut mine_store, _)) = Store::open(dir.path()) else {
        panic!("store");
    };
    assert!(mine_store.create(order.clone()).is_ok());
    let Ok((mut their_store, _)) = Store::open(dir.path()) else {
        panic!("store");
    };
    // The other portwiz records a ticket and saves first.
    let mut theirs = order.clone();
    assert!(theirs.set_ticket("TICKET-THEIRS", test_clock().now).is_ok());
    assert!(their_store.save(&theirs).is_ok());

    let mut mine = order.clone();
    assert!(mine.set_ticket("TICKET-MINE", test_clock().now).is_ok());
    let answer = execute(&mut mine_store, Effect::Save(Box::new(mine.clone())));
    let Some(Msg::SaveFailed { order_id, error }) = answer.clone() else {
        panic!("expected a failed save, got {answer:?}");
    };
    assert_eq!(order_id, id);
    match &error {
        SaveError::Conflict {
            on_disk,
            mine: kept,
        } => {
            assert_eq!(
                on_disk.as_ref().and_then(|o| o.ticket.clone()).as_deref(),
                Some("TICKET-THEIRS")
            );
            assert_eq!(kept.ticket.as_deref(), Some("TICKET-MINE"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }

    // The app shows the other version and says so.
    let mut app = Root::new(vec![order], test_clock(), (100, 30));
    let Some(answer) = answer else { return };
    update(&mut app, answer);
    assert_eq!(
        app.order(&id).and_then(|o| o.ticket.as_deref()),
        Some("TICKET-THEIRS")
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.is_error && m.text.contains("changed by another portwiz")),
        "{:?}",
        app.message
    );

    // Saving the edit again, now that the other version was seen, replaces it.
    let again = execute(&mut mine_store, Effect::Save(Box::new(mine)));
    assert!(matches!(again, Some(Msg::Saved(_))), "{again:?}");
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
