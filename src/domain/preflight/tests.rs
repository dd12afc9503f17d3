use super::*;
use crate::domain::test_orders::{complete_order as draft, day, rejection};

/// Submitted on day `sent` and rejected the next day for `fields` (none: not rejected).
fn earlier(id: &str, carrier: &str, sent: i64, fields: &[FieldKey]) -> Order {
    let mut o = draft(id, carrier, sent);
    o.submit(day(sent)).unwrap();
    if !fields.is_empty() {
        o.reject(rejection(fields), day(sent + 1).now).unwrap();
    }
    o
}

#[test]
fn a_field_rejected_on_3_of_the_last_5_orders_is_one_warning_with_its_count() {
    use FieldKey::*;
    let history = [
        // Older than the last five: not counted.
        earlier("PO-0", "Contoso Telecom", 0, &[Pin]),
        earlier("PO-1", "Contoso Telecom", 1, &[Pin]),
        earlier("PO-2", "Contoso Telecom", 2, &[]),
        earlier("PO-3", "contoso telecom", 3, &[Pin, AccountNumber]),
        earlier("PO-4", "Contoso Telecom", 4, &[]),
        earlier("PO-5", "Contoso Telecom", 5, &[Pin]),
        // Another carrier's rejections do not count.
        earlier("PO-6", "Northwind", 6, &[AccountNumber]),
        earlier("PO-7", "Northwind", 7, &[AccountNumber]),
    ];
    let order = draft("PO-NEW", "Contoso Telecom", 8);
    let found = warnings(&order, &history);
    assert_eq!(found.len(), 1, "{found:?}");
    let w = &found[0];
    assert_eq!(w.fields, [Pin]);
    assert_eq!((w.rejected_on, w.of_last), (3, 5));
    assert_eq!(w.orders, ["PO-5", "PO-3", "PO-1"]);
    assert_eq!(
        w.message(),
        "Contoso Telecom rejected the account PIN on 3 of your last 5 orders: check it against the CSR."
    );
}

#[test]
fn the_only_earlier_order_is_enough_and_an_address_reads_as_one_field() {
    let address = FieldKey::group("service_address").unwrap();
    let history = [earlier("PO-1", "Litware", 0, &address)];
    let order = draft("PO-2", "Litware", 3);
    let found = warnings(&order, &history);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].fields, address);
    assert_eq!(
        found[0].message(),
        "Litware rejected the service address on your last order: check it against the CSR."
    );
}

#[test]
fn one_rejection_in_several_orders_the_order_itself_and_drafts_give_no_warning() {
    let mut own = earlier("PO-SELF", "Litware", 0, &[FieldKey::Pin]);
    let history = [
        earlier("PO-1", "Litware", 1, &[FieldKey::AccountNumber]),
        earlier("PO-2", "Litware", 2, &[]),
        draft("PO-3", "Litware", 3),
        own.clone(),
    ];
    // Its own rejection is the one being fixed: not news.
    own.fields.current_carrier = "Litware".into();
    assert_eq!(warnings(&own, &history), []);
    let no_carrier = draft("PO-9", " ", 4);
    assert_eq!(warnings(&no_carrier, &history), []);
}

#[test]
fn every_order_rejected_for_the_same_fields_says_each_and_them() {
    use FieldKey::*;
    let history = [
        earlier("PO-1", "Tailspin", 0, &[AccountNumber, OrganizationName]),
        earlier("PO-2", "Tailspin", 1, &[AccountNumber, OrganizationName]),
    ];
    let found = warnings(&draft("PO-3", "Tailspin", 2), &history);
    assert_eq!(
        found
            .iter()
            .map(HistoryWarning::message)
            .collect::<Vec<_>>(),
        [
            "Tailspin rejected the organization name and the account number on each of your last 2 orders: check them against the CSR."
        ]
    );
}

#[test]
fn the_carrier_name_in_a_warning_is_cleaned() {
    let carrier = "Evil\x1b[2J Telecom";
    let history = [earlier("PO-1", carrier, 0, &[FieldKey::Pin])];
    let found = warnings(&draft("PO-2", carrier, 1), &history);
    assert_eq!(found.len(), 1);
    assert!(!found[0].message().contains('\x1b'), "{:?}", found[0]);
}
