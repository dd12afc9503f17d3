use super::parse::{parse, port_signal};
use super::*;
use crate::domain::test_orders::complete_order;
use jiff::civil::date;

const ACQUIRED: &str = include_str!("../../../tests/fixtures/teams/export-acquired.csv");
const ASSIGNMENT: &str = include_str!("../../../tests/fixtures/teams/assignment.json");
const GRAPH: &str = include_str!("../../../tests/fixtures/teams/graph-number-assignments.json");

/// The fixture order (+14255550100 to 102), its FOC confirmed for 2026-12-02.
fn foc_order() -> Order {
    let mut order = complete_order("PO-1", "Contoso Telecom", 0);
    order.status = Status::Submitted;
    let on = Clock::fixed(date(2026, 11, 20)).now;
    order.confirm_foc(date(2026, 12, 2), None, on).unwrap();
    order
}

fn on(d: Date) -> Clock {
    Clock::fixed(d)
}

#[test]
fn the_three_formats_read_their_documented_names_in_any_case() {
    let acquired = parse(ACQUIRED).unwrap();
    assert_eq!(acquired.len(), 4);
    assert_eq!(acquired[0].number, "+14255550100");
    assert_eq!(acquired[0].port, PortSignal::Completed);
    assert_eq!(acquired[1].port, PortSignal::FocAccepted);
    assert_eq!(acquired[3].port, PortSignal::None);
    // ConvertTo-Json of Get-CsPhoneNumberAssignment: a number without its +, an extension left out.
    let assignment = parse(ASSIGNMENT).unwrap();
    assert_eq!(assignment.len(), 2);
    assert_eq!(assignment[1].number, "+14255550101");
    // Graph: camelCase names, the enum's values; unknownFutureValue is no signal.
    let graph = parse(GRAPH).unwrap();
    assert_eq!(graph.len(), 3);
    assert_eq!(graph[1].port, PortSignal::FocAccepted);
    assert_eq!(graph[2].port, PortSignal::None);
    assert_eq!(
        port_signal("FIRMORDERCOMMITMENTACCEPTED"),
        PortSignal::FocAccepted
    );
    // Columns in another order, other names in other cases.
    let shuffled = "portinorderstatus,Foo,TELEPHONENUMBER\ncompleted,x,14255550102\n";
    assert_eq!(
        parse(shuffled).unwrap(),
        [TeamsNumber {
            number: "+14255550102".into(),
            port: PortSignal::Completed
        }]
    );
    // Windows PowerShell's #TYPE line.
    let typed =
        "#TYPE System.Management.Automation.PSCustomObject\nTelephoneNumber\n+14255550100\n";
    assert_eq!(parse(typed).unwrap().len(), 1);
}

#[test]
fn a_bad_file_is_named_with_its_line() {
    let wrong = "Number,Status\n+14255550100,completed\n";
    let e = parse(wrong).unwrap_err();
    assert_eq!(e.line, 1);
    assert!(
        e.reason
            .contains("no TelephoneNumber column (found: Number, Status)"),
        "{e}"
    );
    let bad = "TelephoneNumber,PortInOrderStatus\n+14255550100,Completed\n\u{1b}]52;c;evil\u{7},Completed\n";
    let e = parse(bad).unwrap_err();
    assert_eq!(e.line, 3, "{e}");
    assert!(e.reason.contains("is not a phone number"), "{e}");
    assert!(
        !e.to_string().contains('\u{1b}'),
        "the message is cleaned: {e}"
    );
    let long = format!("TelephoneNumber\n+{}\n", "1".repeat(5000));
    let e = parse(&long).unwrap_err();
    assert!(
        e.reason.contains("too long") && e.reason.chars().count() < 120,
        "{e}"
    );
    let json = "[{\"telephoneNumber\": \"+14255550100\"},\n {\"telephoneNumber\": \"call me\"}]";
    let e = parse(json).unwrap_err();
    assert_eq!(e.line, 2, "{e}");
    assert!(e.reason.starts_with("number 2:"), "{e}");
    assert_eq!(parse("[1,2").unwrap_err().line, 1);
    assert_eq!(parse("").unwrap_err().line, 0);
}

#[test]
fn per_order_ported_foc_accepted_missing_and_numbers_no_order_holds() {
    let orders = vec![foc_order()];
    let report = reconcile(&orders, &parse(ACQUIRED).unwrap(), on(date(2026, 12, 7)));
    assert_eq!(report.read, 4);
    let [result] = report.orders.as_slice() else {
        panic!("{report:?}")
    };
    assert_eq!(result.ported, ["+14255550100"]);
    assert_eq!(result.foc_accepted, ["+14255550101"]);
    // The FOC date passed: the two not ported are missing.
    assert_eq!(result.missing, ["+14255550101", "+14255550102"]);
    // +14255550199 ported but no order holds it; +14255550150 has no port status.
    let unclaimed: Vec<&str> = report.unclaimed.iter().map(|n| n.number.as_str()).collect();
    assert_eq!(unclaimed, ["+14255550199"]);
    // Before the FOC date nothing is missing.
    let early = reconcile(&orders, &parse(ACQUIRED).unwrap(), on(date(2026, 12, 1)));
    assert!(early.orders[0].missing.is_empty());
}

#[test]
fn apply_completes_when_every_number_ported_and_notes_the_rest_once() {
    let mut order = foc_order();
    let clock = on(date(2026, 12, 7));
    let partial = reconcile(
        std::slice::from_ref(&order),
        &parse(ACQUIRED).unwrap(),
        clock,
    );
    let applied = apply(&mut order, &partial.orders[0], clock, "export.csv");
    let Applied::Noted(note) = applied else {
        panic!("{applied:?}")
    };
    assert!(
        note.contains("does not show 2 of 3 numbers ported"),
        "{note}"
    );
    assert_eq!(order.status, Status::FocConfirmed);
    // The same check again records nothing new.
    assert_eq!(
        apply(&mut order, &partial.orders[0], clock, "export.csv"),
        Applied::Nothing
    );
    let all = "TelephoneNumber,PortInOrderStatus\n+14255550100,completed\n+14255550101,completed\n14255550102,COMPLETED\n";
    let done = reconcile(std::slice::from_ref(&order), &parse(all).unwrap(), clock);
    assert_eq!(
        apply(&mut order, &done.orders[0], clock, "x"),
        Applied::Completed
    );
    assert_eq!(order.status, Status::Completed);
    // Never backwards: a later export saying less changes nothing.
    let less = reconcile(
        std::slice::from_ref(&order),
        &parse(ACQUIRED).unwrap(),
        clock,
    );
    assert_eq!(
        apply(&mut order, &less.orders[0], clock, "x"),
        Applied::Nothing
    );
    assert_eq!(order.status, Status::Completed);
}

#[test]
fn an_accepted_foc_not_yet_recorded_is_a_history_note() {
    let mut order = complete_order("PO-1", "Contoso Telecom", 0);
    order.status = Status::Submitted;
    let clock = on(date(2026, 12, 7));
    let report = reconcile(std::slice::from_ref(&order), &parse(GRAPH).unwrap(), clock);
    let applied = apply(&mut order, &report.orders[0], clock, "graph.json");
    assert!(
        matches!(&applied, Applied::Noted(n) if n.contains("FOC accepted for 1 of 3")),
        "{applied:?}"
    );
    assert_eq!(order.status, Status::Submitted);
    assert_eq!(
        order.history.last().map(|h| h.event),
        Some(Event::TeamsChecked)
    );
}

#[test]
fn a_check_plans_what_apply_records_and_changes_nothing_itself() {
    let order = foc_order();
    let orders = vec![order.clone()];
    let numbers = parse(ACQUIRED).unwrap();
    let check = Check::new(&orders, &numbers, on(date(2026, 12, 7)), "export.csv");
    assert_eq!(orders[0], order, "the orders are left as they were");
    assert_eq!(check.planned.len(), 1);
    let (id, Applied::Noted(note)) = &check.planned[0] else {
        panic!("{check:?}")
    };
    assert_eq!(id, "PO-1");
    assert!(note.contains("2 of 3 numbers"), "{note}");
    assert_eq!(check.planned_words(), "1 order noted in its history");
    // Recorded, the same check has nothing new to record.
    let mut recorded = order;
    apply(
        &mut recorded,
        &check.report.orders[0],
        on(date(2026, 12, 7)),
        "export.csv",
    );
    let again = Check::new(&[recorded], &numbers, on(date(2026, 12, 7)), "export.csv");
    assert_eq!(again.planned_words(), "nothing new to record");
}
