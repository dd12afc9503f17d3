use super::*;
use crate::domain::test_orders::{complete_order, day, rejection};
use jiff::civil::{date, time};

fn clock_on(d: Date) -> Clock {
    Clock::fixed(d)
}

/// The fixture order, submitted on `on`.
fn submitted(id: &str, country: &str, on: Date) -> Order {
    let mut order = complete_order(id, "Contoso Telecom", 0);
    order.created_at = clock_on(on).now;
    if country != "US" {
        let mut o = order.clone();
        o.fields.country = country.into();
        order = o;
    }
    order.submitted_fields = Some(order.snapshot());
    order.status = Status::Submitted;
    order.history.push(crate::domain::history::HistoryEntry {
        at: clock_on(on).now,
        event: Event::Submitted,
        from: Some(Status::Draft),
        to: Some(Status::Submitted),
        note: String::new(),
        changes: Vec::new(),
        visit: None,
        by: None,
    });
    order
}

fn kinds(items: &[Item]) -> Vec<(&str, u8)> {
    items
        .iter()
        .map(|i| (i.id.as_str(), i.need.rank()))
        .collect()
}

#[test]
fn most_urgent_first_whatever_the_order_of_the_store() {
    let monday = date(2026, 12, 7);
    let mut rejected = submitted("PO-REJ", "US", date(2026, 12, 1));
    rejected
        .reject(rejection(&[FieldKey::AccountNumber]), clock_on(monday).now)
        .unwrap();
    let mut today = submitted("PO-TODAY", "US", date(2026, 11, 20));
    today
        .confirm_foc(
            monday,
            Some(time(10, 0, 0, 0)),
            clock_on(date(2026, 12, 1)).now,
        )
        .unwrap();
    let mut tomorrow = submitted("PO-TMRW", "US", date(2026, 11, 20));
    tomorrow
        .confirm_foc(date(2026, 12, 8), None, clock_on(date(2026, 12, 1)).now)
        .unwrap();
    let mut passed = submitted("PO-PAST", "US", date(2026, 11, 2));
    passed
        .confirm_foc(date(2026, 12, 2), None, clock_on(date(2026, 11, 20)).now)
        .unwrap();
    let late = submitted("PO-LATE", "US", date(2026, 11, 27));
    let store = vec![late, passed, tomorrow, today, rejected];
    let items = super::today(&store, clock_on(monday));
    assert_eq!(
        kinds(&items),
        [
            ("PO-REJ", 0),
            ("PO-TODAY", 1),
            ("PO-TMRW", 2),
            ("PO-PAST", 3),
            ("PO-LATE", 4)
        ]
    );
    assert!(items[0].need.says().contains("Account number"), "{items:?}");
    assert!(
        items[1]
            .need
            .says()
            .contains("2026-12-07 10:00 (America/New_York)"),
        "{}",
        items[1].need.says()
    );
    assert!(items[3].need.says().contains("5 days ago"));
}

#[test]
fn the_carrier_is_late_past_the_countrys_usual_answer_time_in_business_days() {
    // Submitted on Friday 2026-11-20. Thanksgiving (Thursday 2026-11-26) is no business day in
    // the US: by Friday 2026-11-27 that is 4 business days, by Monday 2026-11-30 five, by
    // Tuesday 2026-12-01 six.
    let friday = date(2026, 11, 20);
    let us = submitted("PO-US", "US", friday);
    let late = |order: &Order, on: Date| needs(order, clock_on(on));
    assert_eq!(late(&us, date(2026, 11, 30)), []);
    assert_eq!(
        late(&us, date(2026, 12, 1)),
        [Need::CarrierLate {
            business_days: 6,
            usual: [3, 5],
            by: "porting guides".into()
        }]
    );
    // Canada: 5–7 business days, so six is still usual there, and eight is not.
    let ca = submitted("PO-CA", "CA", friday);
    assert_eq!(late(&ca, date(2026, 12, 1)), []);
    assert!(matches!(
        late(&ca, date(2026, 12, 3)).as_slice(),
        [Need::CarrierLate { usual: [5, 7], .. }]
    ));
    // Elsewhere no source gives a figure: portwiz's own reminder, said as such.
    let gb = submitted("PO-GB", "GB", friday);
    let says: Vec<String> = late(&gb, date(2026, 12, 7))
        .iter()
        .map(Need::says)
        .collect();
    assert!(
        says.iter().any(|s| s.contains("portwiz's reminder")),
        "{says:?}"
    );
}

#[test]
fn a_resubmission_restarts_the_carriers_clock() {
    let mut order = submitted("PO-1", "US", date(2026, 11, 2));
    order
        .reject(rejection(&[FieldKey::Pin]), clock_on(date(2026, 11, 4)).now)
        .unwrap();
    order.fields.port_date = "2026-12-17".into();
    order.resubmit(clock_on(date(2026, 12, 3))).unwrap();
    assert_eq!(needs(&order, clock_on(date(2026, 12, 7))), []);
}

#[test]
fn a_quiet_support_case_and_an_old_loa_are_said() {
    let mut order = submitted("PO-1", "US", date(2026, 11, 2));
    order
        .engage_support(
            crate::domain::status::SupportScenario::RequestedHelp,
            None,
            clock_on(date(2026, 12, 1)).now,
        )
        .unwrap();
    assert_eq!(needs(&order, clock_on(date(2026, 12, 3))), []);
    assert_eq!(
        needs(&order, clock_on(date(2026, 12, 4))),
        [Need::CaseQuiet { business_days: 3 }]
    );

    // A draft whose LOA was recorded 30 days ago: sign it again before it goes out.
    let draft = complete_order("PO-2", "Contoso Telecom", 0);
    assert_eq!(needs(&draft, day(29)), []);
    assert_eq!(
        needs(&draft, day(30)),
        [Need::LoaToResign(LoaReason::Old {
            signed: date(2026, 9, 1),
            days: 30
        })]
    );
}

#[test]
fn a_field_the_loa_covers_changed_since_it_was_signed_needs_a_new_signature() {
    let mut order = complete_order("PO-1", "Contoso Telecom", 0);
    order.loa_signed_fields = Some(order.snapshot());
    order.fields.organization_name = "Fabrikam Holdings".into();
    let needs = needs(&order, day(1));
    assert_eq!(
        needs,
        [Need::LoaToResign(LoaReason::Changed(vec![
            FieldKey::OrganizationName
        ]))]
    );
    assert!(needs[0].says().contains("Organization name"));
}

#[test]
fn finished_orders_need_nothing() {
    let mut order = submitted("PO-1", "US", date(2026, 10, 1));
    order
        .complete(clock_on(date(2026, 10, 20)).now)
        .unwrap_or(());
    order.status = Status::Completed;
    assert_eq!(needs(&order, clock_on(date(2026, 12, 7))), []);
}
