//! The assignment plan merges number by number (docs/storage.md, two writers).

use super::*;
use crate::domain::assign::{Headers, propose, read_rows};
use crate::domain::test_orders::{complete_order, day};

const LOC: &str = "7fda0c0b-6a3d-48b8-854b-3fbe9dcf6513";

fn assigned(order: &Order, number: &str, identity: &str, at: i64) -> Order {
    let mut out = order.clone();
    let sheet = format!("PhoneNumber,Identity,LocationId\n{number},{identity},{LOC}\n");
    let p = propose(&out, &read_rows(&sheet, Headers::Required).unwrap());
    assert!(!p.has_errors(), "{:?}", p.issues);
    out.assign(&p.changes, day(at).now).unwrap();
    out
}

#[test]
fn two_windows_assigning_different_numbers_keep_both() {
    let base = complete_order("PO-M", "Contoso", 0);
    let theirs = assigned(&base, "+14255550100", "alice@contoso.com", 1);
    let mine = assigned(&base, "+14255550101", "bob@contoso.com", 2);
    let m = merge(&base, &theirs, &mine);
    assert!(m.is_clean(), "{m:?}");
    assert_eq!(m.order.assigned_count(), 2);
    assert_eq!(m.theirs_changed, [Part::Assignment(14255550100)]);
    assert!(
        m.notice().contains("Assignment of +14255550100"),
        "{}",
        m.notice()
    );
    let entries = m
        .order
        .history
        .iter()
        .filter(|h| h.event == Event::Assigned);
    assert_eq!(entries.count(), 2);
}

#[test]
fn one_number_assigned_differently_in_two_windows_is_a_conflict() {
    let base = complete_order("PO-M", "Contoso", 0);
    let theirs = assigned(&base, "+14255550100", "alice@contoso.com", 1);
    let mine = assigned(&base, "+14255550100", "bob@contoso.com", 2);
    let m = merge(&base, &theirs, &mine);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].part, Part::Assignment(14255550100));
    assert!(
        m.conflicts[0].mine.starts_with("bob@contoso.com (user"),
        "{:?}",
        m.conflicts
    );
    let kept = m.resolve(&mine, |_| Side::Mine);
    assert_eq!(kept.assignments["+14255550100"].identity, "bob@contoso.com");
    let kept = m.resolve(&mine, |_| Side::Theirs);
    assert_eq!(
        kept.assignments["+14255550100"].identity,
        "alice@contoso.com"
    );
}

#[test]
fn an_assignment_survives_the_other_window_submitting() {
    let base = complete_order("PO-M", "Contoso", 0);
    let mut theirs = base.clone();
    theirs.submit(day(1)).unwrap();
    let mine = assigned(&base, "+14255550100", "alice@contoso.com", 2);
    let m = merge(&base, &theirs, &mine);
    assert!(m.blocked.is_none(), "{m:?}");
    assert_eq!(m.order.status, Status::Submitted);
    assert_eq!(m.order.assigned_count(), 1);
}
