//! The edit operation and validation follow the order's country (issue 25): numbers of that
//! country in E.164, its postcode written its way, its identifiers, its holidays.

use super::*;
use crate::domain::checks::Severity;
use crate::domain::validate::check_field;
use jiff::civil::date;

fn clock() -> Clock {
    Clock::fixed(date(2026, 11, 26))
}

fn order_in(country: &str) -> Order {
    let mut order = Order::new("PO-C".into(), OrderFields::default(), clock().now);
    set(&mut order, FieldKey::Country, country).unwrap_or_else(|e| panic!("{country}: {e}"));
    set(&mut order, FieldKey::NumberType, "geographic").unwrap_or_else(|e| panic!("{e}"));
    order
}

/// As `portwiz set` does: a value whose field then has errors is refused.
fn set(order: &mut Order, key: FieldKey, value: &str) -> Result<(), String> {
    let mut visit = Visit::new();
    order
        .edit_field(
            &mut visit,
            key,
            FieldValue::Text(value.into()),
            clock(),
            Mode::RefuseErrors,
        )
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn problems(order: &Order, key: FieldKey) -> Vec<(Severity, String)> {
    check_field(key, &order.fields, clock().today)
        .into_iter()
        .map(|p| (p.severity, p.message))
        .collect()
}

#[test]
fn set_country_takes_every_calling_plans_country_and_refuses_others_with_the_list() {
    for (typed, code) in [
        ("GB", "GB"),
        ("United Kingdom", "GB"),
        ("uk", "GB"),
        ("France", "FR"),
        ("de", "DE"),
    ] {
        assert_eq!(order_in(typed).fields.country, code, "{typed}");
    }
    let mut order = order_in("GB");
    let err = set(&mut order, FieldKey::Country, "Brazil").unwrap_err();
    assert!(err.contains("Brazil"), "{err}");
    assert!(
        err.contains("GB") && err.contains("FR") && err.contains("US"),
        "{err}"
    );
    assert_eq!(order.fields.country, "GB", "nothing lost");
}

#[test]
fn numbers_are_e164_of_the_orders_country() {
    let mut order = order_in("GB");
    set(
        &mut order,
        FieldKey::Numbers,
        "020 7946 0000, +44 161 496 0000",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(order.fields.numbers, ["+442079460000", "+441614960000"]);
    // A French number in a UK order: the wrong country.
    let err = set(&mut order, FieldKey::Numbers, "+33 1 40 00 00 00").unwrap_err();
    assert!(err.contains("the United Kingdom"), "{err}");
    // 0845 cannot be ported (Microsoft).
    let err = set(&mut order, FieldKey::Numbers, "0845 123 4567").unwrap_err();
    assert!(
        err.contains("0845") && err.contains("cannot be ported"),
        "{err}"
    );
    // A UK mobile: Microsoft ports mobiles only in North America.
    let err = set(&mut order, FieldKey::Numbers, "07400 123456").unwrap_err();
    assert!(
        err.contains("mobile") && err.contains("cannot be ported"),
        "{err}"
    );
    let mut fr = order_in("FR");
    set(&mut fr, FieldKey::Numbers, "01 40 00 00 00").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fr.fields.numbers, ["+33140000000"]);
}

#[test]
fn postcodes_follow_the_country_and_the_state_line_only_where_there_is_one() {
    let mut order = order_in("GB");
    set(&mut order, FieldKey::ServiceAddressPostalCode, "sw1a2aa")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(order.fields.service_address.postal_code, "SW1A 2AA");
    let err = set(&mut order, FieldKey::ServiceAddressPostalCode, "98052").unwrap_err();
    assert!(
        err.contains("United Kingdom") && err.contains("SW1A 2AA"),
        "{err}"
    );
    let mut nl = order_in("NL");
    set(&mut nl, FieldKey::ServiceAddressPostalCode, "1234ab").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(nl.fields.service_address.postal_code, "1234 AB");
    // No state line in the UK: not asked, not required.
    let state = crate::domain::spec(FieldKey::ServiceAddressState);
    assert!(!state.asked(&order.fields));
    assert!(problems(&order, FieldKey::ServiceAddressState).is_empty());
    // Australia has states, from a fixed list.
    let mut au = order_in("AU");
    assert!(state.required_for(&au.fields));
    set(&mut au, FieldKey::ServiceAddressState, "nsw").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(au.fields.service_address.state, "NSW");
    assert!(set(&mut au, FieldKey::ServiceAddressState, "Ontario").is_err());
}

#[test]
fn french_identifiers_are_asked_warned_and_checked() {
    let mut order = order_in("FR");
    let rio = crate::domain::spec(FieldKey::IdRio);
    assert!(rio.asked(&order.fields));
    assert!(!rio.asked(&order_in("GB").fields));
    let missing = problems(&order, FieldKey::IdRio);
    assert_eq!(missing.len(), 1);
    assert_eq!(
        missing[0].0,
        Severity::Warning,
        "peers, not Microsoft: a warning"
    );
    assert!(
        missing[0].1.contains("France") && missing[0].1.contains("Telnyx"),
        "{}",
        missing[0].1
    );
    set(&mut order, FieldKey::IdRio, "01 e 12345a 6bc").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(order.fields.identifiers.rio, "01E12345A6BC");
    let err = set(&mut order, FieldKey::IdRio, "01E123").unwrap_err();
    assert!(err.contains("12 characters"), "{err}");
    let err = set(&mut order, FieldKey::IdSiret, "73282932000075").unwrap_err();
    assert!(err.contains("Luhn"), "{err}");
}

#[test]
fn port_dates_follow_the_countrys_holidays_and_lead_time() {
    let mut gb = order_in("GB");
    // 28 December 2026: Boxing Day's substitute day in England and Wales.
    let err = set(&mut gb, FieldKey::PortDate, "2026-12-28").unwrap_err();
    assert!(
        err.contains("Boxing Day") && err.contains("public holiday in the United Kingdom"),
        "{err}"
    );
    // No 30-day limit outside the US & Canada wizard; a plain business day is fine.
    set(&mut gb, FieldKey::PortDate, "2027-02-01").unwrap_or_else(|e| panic!("{e}"));
    // 14 July is Bastille Day in France, not in the UK.
    let mut fr = order_in("FR");
    assert!(set(&mut fr, FieldKey::PortDate, "2027-07-14").is_err());
    set(&mut gb, FieldKey::PortDate, "2027-07-14").unwrap_or_else(|e| panic!("{e}"));
    // Germany: peers quote 45 business days; sooner is a warning naming them.
    let mut de = order_in("DE");
    set(&mut de, FieldKey::PortDate, "2026-12-10").unwrap_or_else(|e| panic!("{e}"));
    let found = problems(&de, FieldKey::PortDate);
    assert!(
        found
            .iter()
            .any(|(s, m)| *s == Severity::Warning && m.contains("Bandwidth")),
        "{found:?}"
    );
    // Times are the country's own, with no window.
    set(&mut de, FieldKey::PortTime, "06:30").unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_slashed_date_is_refused_outside_north_america_where_day_and_month_swap() {
    let mut order = order_in("GB");
    let err = set(&mut order, FieldKey::PortDate, "03/04/2027").unwrap_err();
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    assert!(set(&mut order, FieldKey::PortDate, "2027-01-12").is_ok());
    // The US still reads its own month-first dates.
    let mut us = order_in("US");
    assert!(set(&mut us, FieldKey::PortDate, "12/15/2026").is_ok());
    assert_eq!(us.fields.port_date, "2026-12-15");
}

#[test]
fn each_numbers_usage_is_stored_in_the_orders_order_and_every_number_needs_one() {
    let mut order = order_in("GB");
    set(
        &mut order,
        FieldKey::Numbers,
        "020 7946 0000; 020 7946 0001",
    )
    .unwrap();
    let err = set(&mut order, FieldKey::NumberUsage, "020 7946 0001 fax").unwrap_err();
    assert!(err.contains("its usage"), "{err}");
    set(&mut order, FieldKey::NumberUsage, "020 7946 0001 voice app").unwrap_err();
    assert!(order.fields.number_usage.is_empty());
    set(
        &mut order,
        FieldKey::NumberUsage,
        "020 7946 0001 voice app, user",
    )
    .unwrap();
    assert_eq!(
        order.fields.number_usage,
        ["+442079460000 user", "+442079460001 voice_app"]
    );
    // A number dropped from the order leaves its usage behind: named, never silently lost.
    set(&mut order, FieldKey::Numbers, "020 7946 0000").unwrap();
    let found = problems(&order, FieldKey::NumberUsage);
    assert!(
        found
            .iter()
            .any(|(_, m)| m.contains("+442079460001 is not one of this order's numbers")),
        "{found:?}"
    );
    // A US order has no such field: nothing is asked, nothing is required.
    let us = order_in("US");
    assert!(problems(&us, FieldKey::NumberUsage).is_empty());
}
