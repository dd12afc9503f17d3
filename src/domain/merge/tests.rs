use super::*;
use crate::domain::fields::FieldValue;
use crate::domain::order::Clock;
use crate::domain::test_orders::{complete_order, day};
use proptest::prelude::*;

fn base() -> Order {
    complete_order("PO-MERGE", "Contoso Telecom", 0)
}

/// `order` with `key` set to `value` as the edit operation stores it.
fn edited(order: &Order, key: FieldKey, value: &str, clock: Clock) -> Order {
    let mut out = order.clone();
    let value = if spec(key).kind.is_list() {
        FieldValue::List(value.split(';').map(str::to_string).collect())
    } else {
        FieldValue::Text(value.to_string())
    };
    out.edit(key, value, clock.now)
        .unwrap_or_else(|e| panic!("{e}"));
    out
}

#[test]
fn different_fields_combine_and_the_notice_names_theirs() {
    let b = base();
    let theirs = edited(&b, FieldKey::OrderName, "Renamed by the CLI", day(1));
    let mine = edited(&b, FieldKey::AccountNumber, "998877", day(2));
    let m = merge(&b, &theirs, &mine);
    assert!(m.is_clean() && m.blocked.is_none(), "{m:?}");
    assert_eq!(m.order.fields.order_name, "Renamed by the CLI");
    assert_eq!(m.order.fields.account_number, "998877");
    assert_eq!(m.theirs_changed, vec![Part::Field(FieldKey::OrderName)]);
    assert!(m.notice().contains("Order name"), "{}", m.notice());
    // Both edits are in the history.
    let edits = m.order.history.iter().filter(|h| h.event == Event::Edited);
    assert_eq!(edits.count(), 2);
}

#[test]
fn the_same_field_changed_twice_is_a_conflict_holding_both_values() {
    let b = base();
    let theirs = edited(&b, FieldKey::OrderName, "Theirs", day(1));
    let mine = edited(&b, FieldKey::OrderName, "Mine", day(1));
    let m = merge(&b, &theirs, &mine);
    assert_eq!(
        m.conflicts,
        vec![Conflict {
            part: Part::Field(FieldKey::OrderName),
            theirs: "Theirs".into(),
            mine: "Mine".into(),
        }]
    );
    assert_eq!(m.resolve(&mine, |_| Side::Mine).fields.order_name, "Mine");
    assert_eq!(
        m.resolve(&mine, |_| Side::Theirs).fields.order_name,
        "Theirs"
    );
}

#[test]
fn numbers_merge_number_by_number() {
    let b = base();
    let first = b.fields.numbers[0].clone();
    let added = "+14255550199";
    let mut theirs = b.clone();
    theirs.fields.numbers.retain(|n| *n != first);
    let mut mine = b.clone();
    mine.fields.numbers.push(added.into());
    let m = merge(&b, &theirs, &mine);
    assert!(m.is_clean());
    assert!(!m.order.fields.numbers.contains(&first));
    assert!(m.order.fields.numbers.iter().any(|n| n == added));
}

#[test]
fn a_submission_elsewhere_keeps_the_edit_as_a_note() {
    let b = base();
    let mut theirs = b.clone();
    theirs.submit(day(1)).unwrap_or_else(|e| panic!("{e}"));
    let mine = edited(&b, FieldKey::AccountNumber, "5550001", day(2));
    let m = merge(&b, &theirs, &mine);
    assert_eq!(m.blocked, Some(Blocked::NotEditable(Status::Submitted)));
    assert_eq!(m.order.status, Status::Submitted);
    assert_eq!(m.order.fields.account_number, theirs.fields.account_number);
    let note = m.order.history.last().unwrap_or_else(|| panic!("no note"));
    assert!(note.note.contains("Not applied"), "{}", note.note);
    assert!(
        note.changes
            .iter()
            .any(|c| c.key == FieldKey::AccountNumber && c.to == "5550001")
    );
    assert!(m.notice().contains("Submitted"), "{}", m.notice());
}

#[test]
fn an_answer_recorded_here_combines_with_a_field_changed_there() {
    let b = {
        let mut o = base();
        o.submit(day(1)).unwrap_or_else(|e| panic!("{e}"));
        o
    };
    let mut theirs = b.clone();
    theirs.ticket = Some("TKT-1".into());
    let mut mine = b.clone();
    mine.reject(
        crate::domain::test_orders::rejection(&[FieldKey::Pin]),
        day(2).now,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let m = merge(&b, &theirs, &mine);
    assert!(m.is_clean() && m.blocked.is_none(), "{m:?}");
    assert_eq!(m.order.status, Status::CustomerActionRequired);
    assert_eq!(m.order.ticket.as_deref(), Some("TKT-1"));
}

/// Field keys the property tests edit (every text field but the choices, whose values are
/// checked against a list; lists and the PIN included).
fn editable_keys() -> Vec<FieldKey> {
    use crate::domain::registry::Kind;
    FIELDS
        .iter()
        .filter(|f| matches!(f.kind, Kind::Text | Kind::Secret | Kind::List))
        .map(|f| f.key)
        .collect()
}

/// A set of (key, value) edits applied straight to the fields.
fn apply(order: &Order, edits: &[(FieldKey, String)]) -> Order {
    let mut out = order.clone();
    for (key, value) in edits {
        let v = if spec(*key).kind.is_list() {
            FieldValue::List(vec![value.clone()])
        } else {
            FieldValue::Text(value.clone())
        };
        out.fields.set(*key, v);
    }
    out
}

fn edits() -> impl Strategy<Value = Vec<(FieldKey, String)>> {
    let keys = editable_keys();
    proptest::collection::vec((proptest::sample::select(keys), "[a-z0-9]{1,8}"), 0..6)
}

proptest! {
    #[test]
    fn no_change_on_one_side_gives_the_other(e in edits()) {
        let b = base();
        let changed = apply(&b, &e);
        let m = merge(&b, &b, &changed);
        prop_assert!(m.is_clean());
        prop_assert_eq!(&m.order.fields, &changed.fields);
        let m = merge(&b, &changed, &b);
        prop_assert!(m.is_clean());
        prop_assert_eq!(&m.order.fields, &changed.fields);
    }

    #[test]
    fn disjoint_edits_commute(e1 in edits(), e2 in edits()) {
        let b = base();
        let e2: Vec<_> = e2.into_iter().filter(|(k, _)| e1.iter().all(|(k1, _)| k1 != k)).collect();
        let (t, m) = (apply(&b, &e1), apply(&b, &e2));
        let one = merge(&b, &t, &m);
        let other = merge(&b, &m, &t);
        prop_assert!(one.is_clean() && other.is_clean());
        prop_assert_eq!(&one.order.fields, &other.order.fields);
        for (key, _) in e1.iter().chain(&e2) {
            let expected = if e1.iter().any(|(k, _)| k == key) { t.fields.get(*key) } else { m.fields.get(*key) };
            prop_assert_eq!(one.order.fields.get(*key), expected);
        }
    }

    #[test]
    fn secrets_are_never_in_the_notice(theirs_pin in "PIN[0-9]{5}", mine_pin in "PIN[0-9]{5}", e in edits()) {
        let b = base();
        let mut t = apply(&b, &e);
        t.fields.pin = crate::domain::secret::Secret::new(theirs_pin.clone());
        let mut m = b.clone();
        m.fields.pin = crate::domain::secret::Secret::new(mine_pin.clone());
        let merged = merge(&b, &t, &m);
        let notice = merged.notice();
        prop_assert!(!notice.contains(&theirs_pin) && !notice.contains(&mine_pin), "{}", notice);
        prop_assert!(!format!("{:?}", merged).contains(&mine_pin), "{:?}", merged);
        prop_assert!(!format!("{:?}", merged).contains(&theirs_pin), "{:?}", merged);
    }
}

/// One window saves an edit, goes on editing the same visit and saves again, after another
/// window saved twice in between: the history tells what happened in that order. What the first
/// window changed after the others' saves comes after them, from the value they left (it was
/// folded back into its first entry, "from" the value before both, ahead of the others' edits).
#[test]
fn a_visit_that_grew_after_theirs_moved_on_is_recorded_after_their_entries() {
    use crate::domain::edit::{Mode, Visit};
    let text = |v: &str| FieldValue::Text(v.to_string());
    let clock = day(1);
    let mut mine = base();
    let mut visit = Visit::new();
    mine.edit_field(
        &mut visit,
        FieldKey::AccountNumber,
        text("ACC-AAA"),
        clock,
        Mode::KeepDraft,
    )
    .unwrap();
    let saved = mine.clone();
    let theirs = edited(&saved, FieldKey::OrderName, "Name from B", day(2));
    mine.edit_field(
        &mut visit,
        FieldKey::OrderName,
        text("Name from A"),
        day(3),
        Mode::KeepDraft,
    )
    .unwrap();
    let m = merge(&saved, &theirs, &mine);
    let picked = m.resolve(&mine, |_| Side::Mine);
    assert_eq!(picked.fields.order_name, "Name from A");
    let edits: Vec<&HistoryEntry> = picked
        .history
        .iter()
        .filter(|h| h.event == Event::Edited)
        .collect();
    let last = edits.last().unwrap();
    assert_eq!(
        last.changes,
        vec![Change::new(
            FieldKey::OrderName,
            "Name from B",
            "Name from A"
        )],
        "{edits:#?}"
    );
    // The first save's entry is as it was saved: the account number alone.
    assert_eq!(edits[edits.len() - 3].changes.len(), 1, "{edits:#?}");
    assert_eq!(
        edits[edits.len() - 3].changes[0].key,
        FieldKey::AccountNumber
    );
}

#[test]
fn keeping_the_other_windows_value_is_told_in_the_history() {
    let b = base();
    let theirs = edited(&b, FieldKey::OrderName, "Theirs", day(1));
    let mine = edited(&b, FieldKey::OrderName, "Mine", day(2));
    let m = merge(&b, &theirs, &mine);
    let kept = m.resolve(&mine, |_| Side::Theirs);
    assert_eq!(kept.fields.order_name, "Theirs");
    let last = kept.history.last().unwrap_or_else(|| panic!("no history"));
    assert!(
        last.note.contains("Kept the other window's value"),
        "{last:?}"
    );
    assert_eq!(
        last.changes,
        vec![Change::new(FieldKey::OrderName, "Mine", "Theirs")],
        "the history ends at the value on disk"
    );
    let chose_mine = m.resolve(&mine, |_| Side::Mine);
    assert!(
        chose_mine
            .history
            .iter()
            .all(|e| !e.note.contains("Kept the other window's value")),
        "keeping one's own value adds nothing"
    );
}

/// A window of the app on one order: the version it last saved or adopted, its edits since,
/// and its wizard visit.
struct Window {
    base: Order,
    order: Order,
    visit: crate::domain::edit::Visit,
}

impl Window {
    fn open(disk: &Order, id: &str) -> Window {
        Window {
            base: disk.clone(),
            order: disk.clone(),
            visit: crate::domain::edit::Visit::with_id(id.to_string()),
        }
    }

    fn type_in(&mut self, key: FieldKey, value: &str, clock: Clock) {
        let value = FieldValue::Text(value.to_string());
        let mode = crate::domain::edit::Mode::KeepDraft;
        self.order
            .edit_field(&mut self.visit, key, value, clock, mode)
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// Save as the store does (merged over a file that moved on), then go on from what was
    /// saved, as the wizard adopts it.
    fn save(&mut self, disk: &mut Order) {
        *disk = if *disk == self.base {
            self.order.clone()
        } else {
            let m = merge(&self.base, disk, &self.order);
            assert!(m.is_clean() && m.blocked.is_none(), "{m:?}");
            m.order
        };
        self.base = disk.clone();
        self.order = disk.clone();
        self.visit.rebase();
    }
}

/// Issue 23: two windows in the wizard on one order, each saving on every Tab over the other's
/// saves, made 5–6 "edited" entries for two visits. Each visit is one entry, holding all it
/// changed, whichever window saved last.
#[test]
fn two_windows_saving_in_turn_leave_one_entry_per_visit() {
    let mut disk = base();
    let before = disk.history.len();
    let mut a = Window::open(&disk, "a-1");
    let mut b = Window::open(&disk, "b-1");
    let rounds = [
        ("Renton", "North", "1 Main"),
        ("Kirkland", "South", "2 Main"),
        ("Bothell", "East", "3 Main"),
    ];
    for (i, (city, name, street)) in rounds.into_iter().enumerate() {
        let at = day(i as i64 + 1);
        a.type_in(FieldKey::ServiceAddressCity, city, at);
        a.save(&mut disk);
        b.type_in(FieldKey::OrderName, name, at);
        b.save(&mut disk);
        a.type_in(FieldKey::ServiceAddressStreet, street, at);
        a.save(&mut disk);
    }
    let edits: Vec<&HistoryEntry> = disk.history[before..].iter().collect();
    assert_eq!(edits.len(), 2, "{edits:#?}");
    let entry = |id: &str| edits.iter().find(|e| e.visit.as_deref() == Some(id));
    let a_entry = entry("a-1").unwrap_or_else(|| panic!("{edits:#?}"));
    let keys: Vec<FieldKey> = a_entry.changes.iter().map(|c| c.key).collect();
    assert_eq!(
        keys,
        [FieldKey::ServiceAddressCity, FieldKey::ServiceAddressStreet]
    );
    assert_eq!(a_entry.changes[0].to, "Bothell");
    let b_entry = entry("b-1").unwrap_or_else(|| panic!("{edits:#?}"));
    assert_eq!(b_entry.changes.len(), 1, "{b_entry:#?}");
    assert_eq!(b_entry.changes[0].to, "East");
    assert_eq!(disk.fields.order_name, "East");
    assert_eq!(
        disk.fields.get(FieldKey::ServiceAddressCity).to_line(),
        "Bothell"
    );
    // The story is in time order: the last to edit comes last.
    assert_eq!(edits[1].visit.as_deref(), Some("a-1"));
}

/// A visit's entry taken back to nothing in its window (the field set back) is gone after the
/// merge too, and an older copy of the other window's entry never replaces its newer one.
#[test]
fn a_visit_entry_follows_its_own_window_only() {
    let mut disk = base();
    let before = disk.history.len();
    let mut a = Window::open(&disk, "a-1");
    let mut b = Window::open(&disk, "b-1");
    let name = disk.fields.order_name.clone();
    a.type_in(FieldKey::OrderName, "Changed", day(1));
    a.save(&mut disk);
    b.type_in(FieldKey::AccountNumber, "ACC-1", day(2));
    b.save(&mut disk);
    a.type_in(FieldKey::OrderName, &name, day(3));
    a.save(&mut disk);
    // B's copy of A's entry is the old one; B's save must not bring it back.
    b.type_in(FieldKey::AccountNumber, "ACC-2", day(4));
    b.save(&mut disk);
    let edits = &disk.history[before..];
    assert_eq!(edits.len(), 1, "{edits:#?}");
    assert_eq!(edits[0].visit.as_deref(), Some("b-1"));
    assert_eq!(edits[0].changes[0].to, "ACC-2");
}

/// The journal's notes are history entries: a note added in each window keeps both, in time
/// order, whichever saved first.
#[test]
fn notes_added_in_two_windows_are_both_kept() {
    let b = base();
    let mut theirs = b.clone();
    theirs.add_note("Called the carrier", day(1).now).unwrap();
    let mut mine = b.clone();
    mine.add_note("Case comment: LOA accepted", day(2).now)
        .unwrap();
    let m = merge(&b, &theirs, &mine);
    assert!(m.is_clean(), "{m:?}");
    let notes: Vec<&str> = m.order.notes().map(|n| n.note.as_str()).collect();
    assert_eq!(notes, ["Called the carrier", "Case comment: LOA accepted"]);
}

/// What the store does as it saves: sign the entries made since the order was read.
fn saved_by(order: &Order, author: &str) -> Order {
    let mut out = order.clone();
    crate::domain::history::sign(&mut out.history, author);
    out
}

#[test]
fn a_merge_keeps_each_sides_author() {
    let b = saved_by(&base(), "Alice");
    let theirs = saved_by(
        &edited(&b, FieldKey::OrderName, "Renamed by Bob", day(1)),
        "Bob",
    );
    let mine = edited(&b, FieldKey::AccountNumber, "998877", day(2));
    let m = merge(&b, &theirs, &mine);
    assert!(m.is_clean(), "{m:?}");
    let saved = saved_by(&m.order, "Carol");
    let authors: Vec<(Event, Option<&str>)> = saved
        .history
        .iter()
        .map(|e| (e.event, e.author()))
        .collect();
    let edits: Vec<&str> = saved
        .history
        .iter()
        .filter(|e| e.event == Event::Edited)
        .filter_map(|e| e.author())
        .collect();
    assert_eq!(edits, vec!["Bob", "Carol"], "{authors:?}");
    assert!(
        saved
            .history
            .iter()
            .take(b.history.len())
            .all(|e| e.author() == Some("Alice")),
        "{authors:?}"
    );
    // A conflict resolved here is told by the one who chose.
    let theirs = saved_by(&edited(&b, FieldKey::OrderName, "Theirs", day(1)), "Bob");
    let mine = edited(&b, FieldKey::OrderName, "Mine", day(2));
    let chosen = saved_by(
        &merge(&b, &theirs, &mine).resolve(&mine, |_| Side::Theirs),
        "Carol",
    );
    let last = chosen.history.last().and_then(|e| e.author());
    assert_eq!(last, Some("Carol"));
    assert!(chosen.history.iter().any(|e| e.author() == Some("Bob")));
}

/// A mark of the carrier's on `number`, recorded on day `n`.
fn marked(
    order: &Order,
    number: &str,
    problem: crate::domain::number_marks::NumberProblem,
    n: i64,
) -> Order {
    let mut out = order.clone();
    out.number_marks.insert(
        number.to_string(),
        crate::domain::number_marks::NumberMark {
            problem,
            words: format!("{number} {}", problem.label()),
            at: day(n).now,
        },
    );
    out
}

#[test]
fn number_marks_merge_number_by_number() {
    use crate::domain::number_marks::NumberProblem::{Disconnected, NotOnAccount, NotPortable};
    let b = marked(&base(), "+14255550100", NotPortable, 0);
    // Theirs marked one number, mine another and unmarked a third: all three changes stand.
    let theirs = marked(&b, "+14255550101", NotOnAccount, 1);
    let mut mine = marked(&b, "+14255550102", Disconnected, 2);
    mine.number_marks.remove("+14255550100");
    let m = merge(&b, &theirs, &mine);
    assert!(m.is_clean() && m.blocked.is_none(), "{m:?}");
    let numbers: Vec<&str> = m.order.number_marks.keys().map(String::as_str).collect();
    assert_eq!(numbers, ["+14255550101", "+14255550102"]);
    // Both marked the same number: the later answer stands, whichever side it came from.
    let theirs = marked(&b, "+14255550101", NotOnAccount, 3);
    let mine = marked(&b, "+14255550101", Disconnected, 2);
    let m = merge(&b, &theirs, &mine);
    assert_eq!(m.order.number_marks["+14255550101"].problem, NotOnAccount);
    let m = merge(&b, &mine, &theirs);
    assert_eq!(m.order.number_marks["+14255550101"].problem, NotOnAccount);
}
