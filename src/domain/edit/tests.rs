use super::*;
use crate::domain::history::Event;
use jiff::civil::date;

fn clock() -> Clock {
    Clock::fixed(date(2026, 11, 26))
}

fn draft() -> Order {
    Order::new("PO-T".into(), OrderFields::default(), clock().now)
}

fn text(s: &str) -> FieldValue {
    FieldValue::Text(s.into())
}

/// The order's history entries that record an edit.
fn edit_entries(order: &Order) -> Vec<&crate::domain::history::HistoryEntry> {
    order
        .history
        .iter()
        .filter(|h| h.event == Event::Edited)
        .collect()
}

fn edit(order: &mut Order, visit: &mut Visit, key: FieldKey, value: &str) -> Edited {
    order
        .edit_field(visit, key, text(value), clock(), Mode::KeepDraft)
        .unwrap_or_else(|e| panic!("{key}: {e}"))
}

#[test]
fn values_are_stored_in_their_normal_form() {
    let mut order = draft();
    let mut visit = Visit::new();
    for (key, typed) in [
        (FieldKey::Country, "USA"),
        (FieldKey::NumberType, "Geographic"),
        (
            FieldKey::Numbers,
            "(425) 555-0102, +1 425 555 0101\n425.555.0102",
        ),
        (FieldKey::BillingTelephoneNumber, "(425) 555-0102"),
        (FieldKey::PortType, "Partial port"),
        (FieldKey::ServiceAddressCountry, "United States"),
        (FieldKey::ServiceAddressState, "Washington"),
        (FieldKey::ServiceAddressPostalCode, " 98052 "),
        (FieldKey::PortDate, "12/15/2026"),
        (FieldKey::PortTime, "2:30 pm"),
    ] {
        edit(&mut order, &mut visit, key, typed);
    }
    let f = &order.fields;
    assert_eq!(f.country, "US");
    assert_eq!(f.number_type, "geographic");
    assert_eq!(f.numbers, ["+14255550102", "+14255550101"]);
    assert_eq!(f.billing_telephone_number, "+14255550102");
    assert_eq!(f.port_type, "partial");
    assert_eq!(f.service_address.country, "US");
    assert_eq!(f.service_address.state, "WA");
    assert_eq!(f.service_address.postal_code, "98052");
    assert_eq!(f.port_date, "2026-12-15");
    assert_eq!(f.port_time, "14:30");
}

#[test]
fn what_cannot_be_understood_is_kept_as_typed_with_its_problem() {
    let mut order = draft();
    let edited = edit(
        &mut order,
        &mut Visit::new(),
        FieldKey::Numbers,
        "4255550100; 555-01",
    );
    assert_eq!(order.fields.numbers, ["+14255550100", "555-01"]);
    assert!(
        edited
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error && p.message.contains("555-01")),
        "{:?}",
        edited.problems
    );
    let strict = order.edit_field(
        &mut Visit::new(),
        FieldKey::PortDate,
        text("2020-01-01"),
        clock(),
        Mode::RefuseErrors,
    );
    assert!(matches!(strict, Err(EditRefusal::Invalid(_))), "{strict:?}");
    assert_eq!(order.fields.port_date, "");
}

#[test]
fn caps_refuse_long_text_and_long_lists_with_a_reason() {
    let mut order = draft();
    let long = "x".repeat(TEXT_LIMIT + 1);
    let got = order.edit_field(
        &mut Visit::new(),
        FieldKey::OrganizationName,
        text(&long),
        clock(),
        Mode::KeepDraft,
    );
    assert_eq!(
        got,
        Err(EditRefusal::TooLong {
            key: FieldKey::OrganizationName,
            len: TEXT_LIMIT + 1
        })
    );
    let many: Vec<String> = (0..100_000).map(|i| format!("+1425{i:07}")).collect();
    let started = std::time::Instant::now();
    let got = order.edit_field(
        &mut Visit::new(),
        FieldKey::Numbers,
        FieldValue::List(many),
        clock(),
        Mode::KeepDraft,
    );
    assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
    let message = got.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("100000 entries") && message.contains("999"),
        "{message}"
    );
    assert!(order.fields.numbers.is_empty());
}

#[test]
fn a_mask_is_never_a_value_and_clearing_the_pin_clears_the_csr_pin() {
    let mut order = draft();
    let got = order.edit_field(
        &mut Visit::new(),
        FieldKey::Pin,
        text("••••"),
        clock(),
        Mode::KeepDraft,
    );
    assert_eq!(got, Err(EditRefusal::Mask { key: FieldKey::Pin }));
    edit(&mut order, &mut Visit::new(), FieldKey::Pin, "8642");
    order.set_csr(FieldKey::Pin, "••••", clock().now);
    assert!(!order.csr.contains_key(&FieldKey::Pin));
    order.set_csr(FieldKey::Pin, "1111", clock().now);
    edit(&mut order, &mut Visit::new(), FieldKey::Pin, "");
    assert!(order.csr.is_empty(), "{:?}", order.csr);
    let file = serde_json::to_string(&order).unwrap_or_default();
    assert!(!file.contains("1111") && !file.contains("8642"), "{file}");
}

#[test]
fn one_visit_is_one_history_entry_listing_the_fields_changed() {
    let mut order = draft();
    let mut visit = Visit::new();
    edit(&mut order, &mut visit, FieldKey::OrderName, "HQ");
    edit(&mut order, &mut visit, FieldKey::AccountNumber, "A-1");
    edit(&mut order, &mut visit, FieldKey::OrderName, "HQ lines");
    edit(&mut order, &mut visit, FieldKey::Pin, "1234");
    let edits = edit_entries(&order);
    assert_eq!(edits.len(), 1, "{:#?}", order.history);
    let keys: Vec<FieldKey> = edits[0].changes.iter().map(|c| c.key).collect();
    assert_eq!(
        keys,
        [FieldKey::OrderName, FieldKey::AccountNumber, FieldKey::Pin]
    );
    assert_eq!(edits[0].changes[0].from, "");
    assert_eq!(edits[0].changes[0].to, "HQ lines");
    assert!(
        !serde_json::to_string(&order.history)
            .unwrap_or_default()
            .contains("1234")
    );
    edit(&mut order, &mut visit, FieldKey::AccountNumber, "");
    assert_eq!(order.history.last().map(|h| h.changes.len()), Some(2));
    // Another visit is another entry.
    edit(&mut order, &mut Visit::new(), FieldKey::OrderName, "Main");
    assert_eq!(edit_entries(&order).len(), 2);
}

#[test]
fn a_new_order_from_a_document_is_normalised_and_drops_masks() {
    let raw = OrderFields {
        country: "usa".into(),
        numbers: vec!["(425) 555-0101".into(), "425.555.0102".into()],
        pin: crate::domain::secret::Secret::new("••••"),
        port_date: "12/15/2026".into(),
        ..Default::default()
    };
    let (order, refused) = Order::from_fields("PO-N".into(), &raw, clock().now);
    assert_eq!(order.fields.country, "US");
    assert_eq!(order.fields.numbers, ["+14255550101", "+14255550102"]);
    assert_eq!(order.fields.port_date, "2026-12-15");
    assert!(order.fields.pin.is_empty());
    assert_eq!(refused, [EditRefusal::Mask { key: FieldKey::Pin }]);
}

#[test]
fn edits_made_together_are_checked_together_and_taken_all_or_nothing() {
    let mut order = draft();
    let mut visit = Visit::new();
    edit(
        &mut order,
        &mut visit,
        FieldKey::Numbers,
        "4255550100, 4255550101",
    );
    edit(
        &mut order,
        &mut visit,
        FieldKey::BillingTelephoneNumber,
        "4255550199",
    );
    // A full port must include the BTN: alone it is refused, with a BTN among the numbers not.
    let alone = order.clone().edit_fields(
        &mut Visit::new(),
        vec![(FieldKey::PortType, text("full"))],
        clock(),
        Mode::RefuseErrors,
    );
    assert!(matches!(alone, Err(EditRefusal::Invalid(_))), "{alone:?}");
    let together = order.edit_fields(
        &mut visit,
        vec![
            (FieldKey::PortType, text("full")),
            (FieldKey::BillingTelephoneNumber, text("425-555-0100")),
        ],
        clock(),
        Mode::RefuseErrors,
    );
    assert!(together.is_ok(), "{together:?}");
    assert_eq!(order.fields.port_type, "full");
    assert_eq!(order.fields.billing_telephone_number, "+14255550100");
    assert_eq!(edit_entries(&order).len(), 1);
}

#[test]
fn escapes_controls_and_invisible_characters_never_reach_a_stored_value() {
    let mut order = draft();
    let mut visit = Visit::new();
    let hostile = "Fab\u{1b}]52;c;aGVsbG8=\u{7}RIK\u{1b}[2J \u{202e}Inc\u{200b}\u{9b}31m";
    edit(&mut order, &mut visit, FieldKey::OrganizationName, hostile);
    assert_eq!(order.fields.organization_name, "FabRIK Inc");
    let list = FieldValue::List(vec!["a@x.com\u{1b}[31m".into(), "\u{feff}".into()]);
    order
        .edit_field(
            &mut visit,
            FieldKey::NotificationEmails,
            list,
            clock(),
            Mode::KeepDraft,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        order.fields.notification_emails,
        vec!["a@x.com".to_string()]
    );
}

#[test]
fn the_service_address_takes_the_order_country_and_follows_it_while_empty() {
    let mut order = draft();
    let mut visit = Visit::new();
    edit(
        &mut order,
        &mut visit,
        FieldKey::ServiceAddressState,
        "Ontario",
    );
    edit(&mut order, &mut visit, FieldKey::Country, "Canada");
    let f = &order.fields;
    assert_eq!(f.service_address.country, "CA");
    assert_eq!(
        f.service_address.state, "ON",
        "a province typed before the country is normalised once the country is known"
    );
    let changed: Vec<&str> = order.history[1]
        .changes
        .iter()
        .map(|c| c.key.as_str())
        .collect();
    assert!(
        changed.contains(&"service_address.country") && changed.contains(&"service_address.state"),
        "{changed:?}"
    );
    // A country the user chose for the address is theirs: the order's does not overwrite it.
    let mut order = draft();
    edit(
        &mut order,
        &mut visit,
        FieldKey::ServiceAddressCountry,
        "US",
    );
    edit(&mut order, &mut visit, FieldKey::Country, "CA");
    assert_eq!(order.fields.service_address.country, "US");
}

#[test]
fn a_csr_value_is_normalised_like_the_order_value() {
    let mut order = draft();
    let mut visit = Visit::new();
    edit(&mut order, &mut visit, FieldKey::Country, "US");
    edit(
        &mut order,
        &mut visit,
        FieldKey::ServiceAddressState,
        "Washington",
    );
    edit(
        &mut order,
        &mut visit,
        FieldKey::BillingTelephoneNumber,
        "425 555 0100",
    );
    order.set_csr(FieldKey::ServiceAddressState, "washington", clock().now);
    order.set_csr(
        FieldKey::BillingTelephoneNumber,
        "(425) 555-0100",
        clock().now,
    );
    assert_eq!(order.csr[&FieldKey::ServiceAddressState], "WA");
    assert_eq!(order.csr[&FieldKey::BillingTelephoneNumber], "+14255550100");
    assert!(crate::domain::csr::differences(&order).is_empty());
}

#[test]
fn changing_the_pin_after_signing_asks_for_no_new_loa() {
    let mut order = draft();
    let mut visit = Visit::new();
    edit(&mut order, &mut visit, FieldKey::Pin, "1234");
    edit(&mut order, &mut visit, FieldKey::Loa, "signed by Dana");
    edit(&mut order, &mut visit, FieldKey::Pin, "5678");
    assert!(
        order.loa_needs_resigning().is_empty(),
        "the LOA never shows the PIN"
    );
    edit(
        &mut order,
        &mut visit,
        FieldKey::OrganizationName,
        "Fabrikam",
    );
    assert_eq!(order.loa_needs_resigning(), [FieldKey::OrganizationName]);
    // The PIN is still compared with the CSR's.
    order.set_csr(FieldKey::Pin, "9999", clock().now);
    let differences = crate::domain::csr::differences(&order);
    assert_eq!(differences.len(), 1);
    assert_eq!(differences[0].0.key, FieldKey::Pin);
}

/// A visit with an id adds to its entry wherever it stands (another window's entry may have
/// been merged after it), and moves it last; after a transition it begins a next entry.
#[test]
fn a_visit_with_an_id_finds_its_entry_and_a_transition_closes_it() {
    let mut order = draft();
    let mut visit = Visit::with_id("w-1".into());
    edit(&mut order, &mut visit, FieldKey::OrderName, "One");
    let other = HistoryEntry {
        at: clock().now,
        event: Event::Edited,
        from: None,
        to: None,
        note: edited_note(&order.fields, &[]),
        changes: Vec::new(),
        visit: Some("w-2".into()),
        by: None,
    };
    order.history.push(other.clone());
    edit(&mut order, &mut visit, FieldKey::AccountNumber, "ACC-1");
    let ids: Vec<Option<&str>> = order.history.iter().map(|e| e.visit.as_deref()).collect();
    assert_eq!(ids, [None, Some("w-2"), Some("w-1")]);
    assert_eq!(order.history[2].changes.len(), 2);
    order.history.push(HistoryEntry {
        event: Event::Submitted,
        visit: None,
        by: None,
        ..other
    });
    edit(&mut order, &mut visit, FieldKey::OrderName, "Two");
    let last = order.history.last().unwrap_or_else(|| panic!("no history"));
    assert_eq!(last.visit.as_deref(), Some("w-1/1"));
    assert_eq!(
        last.changes,
        [Change::new(FieldKey::OrderName, "One", "Two")]
    );
    assert_eq!(order.history[2].changes.len(), 2, "the closed entry stands");
}
