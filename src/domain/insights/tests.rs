use super::*;
use crate::domain::status::SupportScenario;
use crate::domain::test_orders::{complete_order as order, day, rejection};

/// Submitted on day 0, FOC on `foc`, completed on `done`.
fn ported(id: &str, carrier: &str, foc: i64, done: i64) -> Order {
    let mut o = order(id, carrier, 0);
    o.submit(day(0)).unwrap();
    o.confirm_foc(day(done).today, None, day(foc).now).unwrap();
    o.complete(day(done).now).unwrap();
    o
}

#[test]
fn counts_rates_fields_and_medians_per_carrier() {
    let mut rejected_twice = order("PO-3", "Contoso Telecom", 0);
    rejected_twice.submit(day(0)).unwrap();
    rejected_twice
        .reject(rejection(&[FieldKey::Pin]), day(2).now)
        .unwrap();
    rejected_twice.resubmit(day(3)).unwrap();
    rejected_twice
        .reject(
            rejection(&[FieldKey::Pin, FieldKey::AccountNumber]),
            day(5).now,
        )
        .unwrap();
    rejected_twice.resubmit(day(6)).unwrap();
    rejected_twice
        .confirm_foc(day(30).today, None, day(10).now)
        .unwrap();
    let orders = [
        ported("PO-1", "Contoso Telecom", 4, 9),
        ported("PO-2", "contoso  telecom ", 6, 12),
        rejected_twice,
        order("PO-4", "Contoso Telecom", 1),
        ported("PO-5", "Northwind Wireless", 2, 5),
    ];
    let insights = compute(&orders, day(20).now);
    assert_eq!(insights.carriers.len(), 2);
    let contoso = &insights.carriers[0];
    assert_eq!(contoso.carrier, "Contoso Telecom");
    assert_eq!(
        (
            contoso.orders,
            contoso.submitted,
            contoso.rejected,
            contoso.rejections
        ),
        (4, 3, 1, 2)
    );
    assert_eq!(contoso.rejection_rate(), Some(1.0 / 3.0));
    assert_eq!(
        contoso.rejected_fields,
        [
            FieldCount {
                field: FieldKey::AccountNumber,
                orders: 1
            },
            FieldCount {
                field: FieldKey::Pin,
                orders: 1
            },
        ]
    );
    // FOC after 4, 6 and 10 days; completion after 9 and 12.
    assert_eq!(
        contoso.to_foc,
        Elapsed {
            median_days: Some(6.0),
            orders: 3
        }
    );
    assert_eq!(
        contoso.to_completion,
        Elapsed {
            median_days: Some(10.5),
            orders: 2
        }
    );
    assert!(contoso.waiting.is_empty());
    assert_eq!(insights.carriers[1].carrier, "Northwind Wireless");
    assert_eq!(insights.all.orders, 5);
    assert_eq!(insights.all.carrier, ALL_CARRIERS);
    assert_eq!(insights.all.to_completion.median_days, Some(9.0));
}

#[test]
fn waiting_orders_are_listed_longest_first_with_their_days() {
    let mut older = order("PO-A", "Litware", 0);
    older.submit(day(2)).unwrap();
    let mut newer = order("PO-B", "Litware", 0);
    newer.submit(day(3)).unwrap();
    newer
        .engage_support(SupportScenario::RequestedHelp, None, day(8).now)
        .unwrap();
    let mut waiting_on_you = order("PO-C", "Litware", 0);
    waiting_on_you.submit(day(1)).unwrap();
    waiting_on_you
        .reject(rejection(&[FieldKey::Pin]), day(4).now)
        .unwrap();
    let insights = compute(&[newer, waiting_on_you, older], day(12).now);
    let litware = &insights.carriers[0];
    let waiting: Vec<(&str, Status, f64)> = litware
        .waiting
        .iter()
        .map(|w| (w.id.as_str(), w.status, w.days))
        .collect();
    assert_eq!(
        waiting,
        [
            ("PO-A", Status::Submitted, 10.0),
            ("PO-B", Status::SupportEngaged, 4.0)
        ]
    );
    assert_eq!(litware.longest_wait_days(), Some(10.0));
}

#[test]
fn an_order_without_a_carrier_and_an_empty_store_have_figures_too() {
    let unnamed = order("PO-X", "  ", 0);
    let insights = compute(&[unnamed], day(1).now);
    assert_eq!(insights.carriers[0].carrier, UNNAMED_CARRIER);
    assert_eq!(insights.carriers[0].rejection_rate(), None);
    assert_eq!(insights.carriers[0].to_foc.median_days, None);
    let empty = compute(&[], day(1).now);
    assert!(empty.carriers.is_empty());
    assert_eq!(empty.all.orders, 0);
}

#[test]
fn the_most_common_spelling_names_the_carrier_and_text_from_outside_is_cleaned() {
    let orders = [
        order("PO-1", "CONTOSO telecom", 0),
        order("PO-2", "Contoso Telecom", 0),
        order("PO-3", "Contoso Telecom", 0),
        order("PO-4", "Evil\x1b]52;c;aGk=\x07 Corp", 0),
    ];
    let insights = compute(&orders, day(1).now);
    assert_eq!(insights.carriers[0].carrier, "Contoso Telecom");
    assert!(!insights.carriers[1].carrier.contains('\x1b'));
}

#[test]
fn medians_of_odd_and_even_counts() {
    assert_eq!(median(&mut []), None);
    assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
}

#[test]
fn an_address_rejected_on_several_fields_counts_once_as_a_group() {
    let address = FieldKey::group("service_address").unwrap();
    let mut whole = order("PO-1", "Relecloud", 0);
    whole.submit(day(0)).unwrap();
    whole.reject(rejection(&address), day(1).now).unwrap();
    let mut zip = order("PO-2", "Relecloud", 0);
    zip.submit(day(0)).unwrap();
    zip.reject(
        rejection(&[FieldKey::Pin, FieldKey::ServiceAddressPostalCode]),
        day(1).now,
    )
    .unwrap();
    let insights = compute(&[whole, zip], day(2).now);
    let groups: Vec<(&str, &str, usize)> = insights.carriers[0]
        .rejected_groups
        .iter()
        .map(|g| (g.group, g.label, g.orders))
        .collect();
    assert_eq!(
        groups,
        [
            ("service_address", "Service address", 2),
            ("pin", "Account PIN", 1)
        ]
    );
    assert_eq!(insights.carriers[0].rejected_fields.len(), 6);
}
