//! The store beside others: one order re-read when its file changed, and an edit saved over a
//! file that moved on merged per field instead of refused (issue 17).

use crate::support::{demo_orders, test_clock};
use portwiz::domain::FieldKey;
use portwiz::domain::merge::{Part, Side};
use portwiz::store::{Notice, Refresh, SavedEdit, Store};

fn two_stores() -> (tempfile::TempDir, Store, Store, portwiz::domain::Order) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let order = demo_orders().remove(0);
    let (mut mine, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    mine.create(order.clone()).unwrap_or_else(|e| panic!("{e}"));
    let (theirs, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let opened = mine
        .get(&order.id)
        .unwrap_or_else(|e| panic!("{e}"))
        .order
        .clone();
    (dir, mine, theirs, opened)
}

fn edited(order: &portwiz::domain::Order, key: FieldKey, value: &str) -> portwiz::domain::Order {
    let mut out = order.clone();
    out.edit(
        key,
        portwiz::domain::FieldValue::Text(value.into()),
        test_clock().now,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    out
}

#[test]
fn a_change_elsewhere_is_picked_up_and_an_own_save_is_not() {
    let (_dir, mut mine, mut theirs, opened) = two_stores();
    let id = opened.id.clone();
    assert!(matches!(mine.refresh(&id), Refresh::Unchanged));
    let other = theirs.load(&id).map(|l| l.order.clone());
    let other = other.unwrap_or_else(|e| panic!("{e}"));
    theirs
        .save(&edited(&other, FieldKey::OrderName, "Renamed elsewhere"))
        .unwrap_or_else(|e| panic!("{e}"));
    match mine.refresh(&id) {
        Refresh::Changed(loaded) => {
            assert_eq!(loaded.order.fields.order_name, "Renamed elsewhere");
            assert_eq!(loaded.revision, 2);
            assert_eq!(loaded.order.revision.0, 2);
        }
        other => panic!("expected a change, got {other:?}"),
    }
    assert!(matches!(mine.refresh(&id), Refresh::Unchanged));
    std::fs::remove_file(mine.orders_dir().join(format!("{id}.json")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(mine.refresh(&id), Refresh::Gone));
    assert!(mine.get(&id).is_err());
}

#[test]
fn different_fields_combine_on_save() {
    let (dir, mut mine, mut theirs, opened) = two_stores();
    let id = opened.id.clone();
    let other = theirs.load(&id).map(|l| l.order.clone());
    let other = other.unwrap_or_else(|e| panic!("{e}"));
    theirs
        .save(&edited(&other, FieldKey::OrderName, "Their name"))
        .unwrap_or_else(|e| panic!("{e}"));
    let answer = mine.save_edit(&edited(&opened, FieldKey::AccountNumber, "ACC-MINE-1"));
    match answer {
        Ok(SavedEdit::Merged { order, merge }) => {
            assert_eq!(order.fields.order_name, "Their name");
            assert_eq!(order.fields.account_number, "ACC-MINE-1");
            assert_eq!(merge.theirs_changed, vec![Part::Field(FieldKey::OrderName)]);
            assert!(merge.notice().contains("Order name"), "{}", merge.notice());
        }
        other => panic!("expected a merge, got {other:?}"),
    }
    let (fresh, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let on_disk = &fresh.get(&id).unwrap_or_else(|e| panic!("{e}")).order;
    assert_eq!(on_disk.fields.order_name, "Their name");
    assert_eq!(on_disk.fields.account_number, "ACC-MINE-1");
}

#[test]
fn the_same_field_is_handed_back_and_saved_as_chosen() {
    let (dir, mut mine, mut theirs, opened) = two_stores();
    let id = opened.id.clone();
    let other = theirs.load(&id).map(|l| l.order.clone());
    let other = other.unwrap_or_else(|e| panic!("{e}"));
    theirs
        .save(&edited(&other, FieldKey::OrderName, "Their name"))
        .unwrap_or_else(|e| panic!("{e}"));
    let my_edit = edited(&opened, FieldKey::OrderName, "My name");
    let Ok(SavedEdit::Conflicts { merge, theirs: t }) = mine.save_edit(&my_edit) else {
        panic!("expected a conflict");
    };
    assert_eq!(merge.conflicts.len(), 1);
    assert_eq!(
        (
            merge.conflicts[0].theirs.as_str(),
            merge.conflicts[0].mine.as_str()
        ),
        ("Their name", "My name")
    );
    // Nothing was saved yet.
    let (fresh, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let name = |s: &Store| s.get(&id).map(|l| l.order.fields.order_name.clone()).ok();
    assert_eq!(name(&fresh).as_deref(), Some("Their name"));
    let chosen = merge.resolve(&my_edit, |_| Side::Mine);
    assert_eq!(chosen.revision.0, t.revision.0);
    assert!(matches!(mine.save_edit(&chosen), Ok(SavedEdit::Saved(_))));
    let (fresh, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(name(&fresh).as_deref(), Some("My name"));
}

#[test]
fn a_file_with_merge_conflict_markers_is_quarantined_saying_so() {
    let (_dir, mut mine, _theirs, opened) = two_stores();
    let id = opened.id.clone();
    let path = mine.orders_dir().join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let conflicted = text.replacen(
        "  \"id\"",
        "<<<<<<< HEAD\n  \"x\": 1,\n=======\n  \"x\": 2,\n>>>>>>> other\n  \"id\"",
        1,
    );
    std::fs::write(&path, conflicted).unwrap_or_else(|e| panic!("{e}"));
    match mine.refresh(&id) {
        Refresh::SetAside(Notice::Quarantined { reason, .. }) => {
            assert!(reason.contains("merge conflict markers"), "{reason}");
            assert!(reason.contains("git checkout --ours"), "{reason}");
        }
        other => panic!("expected a quarantine, got {other:?}"),
    }
    assert!(!path.exists());
}

#[test]
fn an_edit_begun_on_the_first_frames_store_merges_after_the_full_check_replaces_it() {
    let (dir, _mine, mut theirs, _) = two_stores();
    let mut first = Store::open_cached(dir.path()).unwrap_or_else(|| panic!("no index"));
    let id = first.summaries().map(|s| s.id().to_string()).next();
    let id = id.unwrap_or_else(|| panic!("no order"));
    let opened = first
        .load(&id)
        .map(|l| l.order.clone())
        .unwrap_or_else(|e| panic!("{e}"));
    let other = theirs.load(&id).map(|l| l.order.clone());
    let other = other.unwrap_or_else(|e| panic!("{e}"));
    theirs
        .save(&edited(&other, FieldKey::OrderName, "Their name"))
        .unwrap_or_else(|e| panic!("{e}"));
    let (mut checked, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    checked.carry_versions(first);
    let answer = checked.save_edit(&edited(&opened, FieldKey::AccountNumber, "ACC-2"));
    assert!(matches!(answer, Ok(SavedEdit::Merged { .. })), "{answer:?}");
}

#[test]
fn an_order_submitted_elsewhere_keeps_the_edit_as_a_note_in_its_history() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let id = crate::support::new_order(dir.path(), "complete-order.json");
    let (mut mine, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let opened = mine
        .get(&id)
        .map(|l| l.order.clone())
        .unwrap_or_else(|e| panic!("{e}"));
    let submitted = crate::support::run(dir.path(), &["submit", &id]);
    assert_eq!(submitted.code, 0, "{}", submitted.stderr);
    let answer = mine.save_edit(&edited(&opened, FieldKey::AccountNumber, "ACC-LATE"));
    let Ok(SavedEdit::Merged { order, merge }) = answer else {
        panic!("expected the edit kept as a note, got {answer:?}");
    };
    assert!(
        merge.notice().contains("became Submitted"),
        "{}",
        merge.notice()
    );
    assert_eq!(order.status, portwiz::domain::Status::Submitted);
    let (fresh, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let on_disk = &fresh.get(&id).unwrap_or_else(|e| panic!("{e}")).order;
    assert_eq!(on_disk.status, portwiz::domain::Status::Submitted);
    assert_ne!(on_disk.fields.account_number, "ACC-LATE");
    let note = on_disk
        .history
        .last()
        .unwrap_or_else(|| panic!("no history"));
    assert!(note.note.contains("Not applied"), "{}", note.note);
    assert!(note.changes.iter().any(|c| c.to == "ACC-LATE"), "{note:?}");
}

#[test]
fn an_order_the_app_just_added_saves_without_a_conflict() {
    use portwiz::tui::{Effect, Msg, execute};
    // The demo copy the welcome screen opens: orders the app added and holds.
    let (_dir, mut store, orders, _) =
        portwiz::demo::temporary_copy(test_clock()).unwrap_or_else(|e| panic!("{e}"));
    let first = orders.first().unwrap_or_else(|| panic!("no demo order"));
    let renamed = edited(first, FieldKey::OrderName, "Renamed right away");
    let answer = execute(&mut store, Effect::Save(Box::new(renamed)));
    assert!(matches!(answer, Some(Msg::Saved(_))), "{answer:?}");
}

/// Issue 23, tried as a new user: the wizard saves on Tab, and the answer (merged with another
/// window's save) can arrive while the user already types in the next field. When the other
/// window changed that very field, the typing began on the value before: its save is merged from
/// there, so both values are shown to choose instead of the other window's being overwritten.
#[test]
fn a_field_another_window_changed_while_it_was_typed_in_is_a_conflict_to_settle() {
    use crate::support::{ctrl, open_order, press, render, typed};
    use crossterm::event::KeyCode;
    use portwiz::tui::{Effect, Msg, Root, execute, update};
    let (dir, mut store, orders, _) =
        portwiz::demo::temporary_copy(test_clock()).unwrap_or_else(|e| panic!("{e}"));
    let id = "PO-DEMO0005";
    let mut app = Root::new(orders, test_clock(), (100, 30));
    open_order(&mut app, id);
    press(&mut app, KeyCode::Char('u'));
    for _ in 0..6 {
        if render(&app).contains("› Organization name") {
            break;
        }
        press(&mut app, KeyCode::BackTab);
    }
    assert!(
        render(&app).contains("› Organization name"),
        "{}",
        render(&app)
    );
    ctrl(&mut app, 'u');
    typed(&mut app, "Alpha Org");
    // Tab: the organization's save goes out; the user types on in the account number.
    let effects = press(&mut app, KeyCode::Tab);
    let [Effect::Save(order)] = effects.as_slice() else {
        panic!("expected one save, got {effects:?}");
    };
    ctrl(&mut app, 'u');
    typed(&mut app, "ACC-A");
    // Meanwhile another window saved the account number.
    let (mut other, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let theirs = other.load(id).map(|l| l.order.clone());
    let theirs = theirs.unwrap_or_else(|e| panic!("{e}"));
    other
        .save(&edited(&theirs, FieldKey::AccountNumber, "ACC-B"))
        .unwrap_or_else(|e| panic!("{e}"));
    // The organization's save merges with it and comes back.
    let answer = execute(&mut store, Effect::Save(order.clone()));
    let Some(saved @ Msg::Merged { .. }) = answer else {
        panic!("expected a merged save");
    };
    update(&mut app, saved);
    assert!(
        render(&app).contains("[ACC-A"),
        "the typing stays: {}",
        render(&app)
    );
    // Leaving the field saves it: both values are shown to choose.
    let effects = press(&mut app, KeyCode::Tab);
    let [Effect::Save(order)] = effects.as_slice() else {
        panic!("expected one save, got {effects:?}");
    };
    match execute(&mut store, Effect::Save(order.clone())) {
        Some(Msg::SaveConflict { merge, .. }) => {
            let conflict = &merge.conflicts[..];
            assert_eq!(conflict.len(), 1, "{conflict:?}");
            assert_eq!(conflict[0].part, Part::Field(FieldKey::AccountNumber));
            assert_eq!(
                (&*conflict[0].theirs, &*conflict[0].mine),
                ("ACC-B", "ACC-A")
            );
        }
        _ => panic!("expected both values to choose from"),
    }
}
