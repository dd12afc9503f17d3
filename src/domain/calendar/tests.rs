use super::*;
use crate::domain::test_orders::{complete_order, day};
use crate::domain::today::{Need, needs};
use jiff::civil::{date, time};

fn kinds(events: &[Event]) -> Vec<(Kind, State)> {
    events.iter().map(|e| (e.kind, e.state)).collect()
}

fn submitted(id: &str, on: i64) -> Order {
    let mut order = complete_order(id, "Contoso Telecom", on);
    order.submit(day(on)).unwrap();
    order
}

#[test]
fn a_foc_with_a_time_is_that_moment_with_the_carriers_zone_named() {
    let mut order = submitted("PO-1", 0);
    order
        .confirm_foc(date(2026, 12, 8), Some(time(10, 0, 0, 0)), day(5).now)
        .unwrap();
    let events = order_events(&order);
    let foc = events.iter().find(|e| e.kind == Kind::Foc).unwrap();
    // 10:00 in New York in December is 15:00 UTC.
    assert_eq!(
        foc.when,
        When::At {
            start: "2026-12-08T15:00:00Z".parse().unwrap(),
            zone: "America/New_York".into()
        }
    );
    assert!(
        foc.summary.contains("2026-12-08 10:00 America/New_York"),
        "{}",
        foc.summary
    );
    assert_eq!(foc.state, State::Confirmed);
    assert_eq!(foc.uid(), "PO-1-foc@portwiz");
    // The requested date gave way to the carrier's; the chase is over (it answered).
    assert_eq!(
        kinds(&events),
        [
            (Kind::Requested, State::Cancelled),
            (Kind::Foc, State::Confirmed),
            (Kind::Check, State::Confirmed),
            (Kind::Chase, State::Cancelled),
            (Kind::Loa, State::Cancelled),
        ]
    );
    let check = events.iter().find(|e| e.kind == Kind::Check).unwrap();
    assert_eq!(check.when, When::Day(date(2026, 12, 9)));
}

#[test]
fn a_draft_has_its_requested_date_tentative_and_its_loa_turning_old() {
    let order = complete_order("PO-1", "Contoso Telecom", 0);
    let events = order_events(&order);
    assert_eq!(
        kinds(&events),
        [
            (Kind::Requested, State::Tentative),
            (Kind::Loa, State::Confirmed)
        ]
    );
    // Today says the LOA is too old on the very day the calendar puts it.
    let Some(Event {
        when: When::Day(turns_old),
        ..
    }) = events.last()
    else {
        panic!("{events:?}")
    };
    let before = turns_old.yesterday().unwrap();
    assert!(needs(&order, Clock::fixed(before)).is_empty());
    assert!(matches!(
        needs(&order, Clock::fixed(*turns_old)).as_slice(),
        [Need::LoaToResign(_)]
    ));
}

#[test]
fn the_chase_is_the_first_day_today_says_the_carrier_is_late() {
    let order = submitted("PO-1", 0);
    let events = order_events(&order);
    let chase = events.iter().find(|e| e.kind == Kind::Chase).unwrap();
    assert_eq!(chase.state, State::Confirmed);
    assert!(chase.summary.starts_with("Chase Contoso Telecom"));
    let When::Day(on) = chase.when else {
        panic!("{chase:?}")
    };
    let late = |d: Date| {
        needs(&order, Clock::fixed(d))
            .iter()
            .any(|n| matches!(n, Need::CarrierLate { .. }))
    };
    assert!(late(on), "{on}");
    assert!(!late(on.yesterday().unwrap()), "{on}");
}

#[test]
fn events_change_only_with_the_order_and_closed_orders_leave_after_90_days() {
    let mut order = submitted("PO-1", 0);
    order
        .confirm_foc(date(2026, 9, 20), None, day(5).now)
        .unwrap();
    order.complete(day(20).now).unwrap();
    let on = |n| events(std::slice::from_ref(&order), day(n));
    assert_eq!(on(21), on(100));
    assert!(!on(100).is_empty());
    assert!(on(111).is_empty());
    assert!(on(21).iter().all(|e| e.changed == order.updated_at));
}

#[test]
fn numbers_missing_after_the_foc_are_said_in_the_check() {
    let mut order = submitted("PO-1", 0);
    order
        .confirm_foc(date(2026, 9, 20), None, day(5).now)
        .unwrap();
    order.history.push(crate::domain::history::HistoryEntry {
        at: day(21).now,
        event: crate::domain::history::Event::TeamsChecked,
        from: None,
        to: None,
        note: "2 of 3 numbers missing after the FOC date: +14255550101, +14255550102.".into(),
        changes: Vec::new(),
        visit: None,
        by: None,
    });
    let events = order_events(&order);
    let check = events.iter().find(|e| e.kind == Kind::Check).unwrap();
    assert!(
        check.summary.contains("2 of 3 numbers missing"),
        "{}",
        check.summary
    );
    // On the day the check found them (day 21 is 2026-09-22), not the day after the FOC.
    assert_eq!(check.when, When::Day(date(2026, 9, 22)));
}

#[test]
fn hostile_values_stay_on_one_line() {
    let mut order = complete_order("PO-1", "Contoso\r\nEND:VCALENDAR\u{1b}[2J", 0);
    order.fields.order_name = "A\nB".into();
    for event in order_events(&order) {
        let text = format!("{}{}", event.summary, event.description.join(""));
        assert!(!text.chars().any(char::is_control), "{text:?}");
    }
}
