//! Validation through the registry: each rule reaches its field, names it by label, and says what
//! would be right. Dates are checked against a fixed day.

use jiff::civil::date;
use portwiz::domain::checks::Severity;
use portwiz::domain::validate::validate;
use portwiz::domain::{FieldKey, FieldValue, OrderFields};

const TODAY: jiff::civil::Date = date(2026, 11, 26);

fn complete() -> OrderFields {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/complete-order.json"
    ))
    .unwrap();
    portwiz::domain::document::parse(&text, false)
        .unwrap()
        .fields
}

fn problems_with(key: FieldKey, value: &str) -> Vec<(FieldKey, Severity, String)> {
    let mut fields = complete();
    fields.set(key, FieldValue::Text(value.into()));
    validate(&fields, TODAY)
        .into_iter()
        .map(|p| (p.key, p.severity, p.message))
        .collect()
}

fn only_error(key: FieldKey, value: &str, needle: &str) {
    let problems = problems_with(key, value);
    let errors: Vec<_> = problems.iter().filter(|p| p.1 == Severity::Error).collect();
    assert!(
        errors.iter().any(|p| p.0 == key && p.2.contains(needle)),
        "{key} = {value:?}: {problems:#?}"
    );
    let label = portwiz::domain::spec(key).label;
    assert!(
        errors.iter().all(|p| p.2.starts_with(label) || p.0 != key),
        "messages name the field: {errors:#?}"
    );
}

#[test]
fn the_complete_fixture_has_no_problems() {
    assert_eq!(validate(&complete(), TODAY), vec![]);
}

#[test]
fn numbers_ranges_wrong_country_and_garbage_are_errors_duplicates_are_merged() {
    only_error(
        FieldKey::Numbers,
        "+14255550100; 4255550100-4255550199",
        "range",
    );
    only_error(
        FieldKey::Numbers,
        "+14255550100, +442079460000",
        "United States",
    );
    only_error(FieldKey::Numbers, "+14255550100, call me", "");
    let dup = problems_with(
        FieldKey::Numbers,
        "+14255550100, 425-555-0100, (425) 555-0101, +14255550102",
    );
    assert!(dup.iter().all(|p| p.1 == Severity::Warning), "{dup:#?}");
    assert!(dup.iter().any(|p| p.2.contains("twice")), "{dup:#?}");
    only_error(FieldKey::Numbers, "+14255550100, 8005550100", "toll-free");
}

#[test]
fn a_thousand_numbers_need_a_manual_submission() {
    // Issue 26: no longer refused; the order is kept and routed to the Service Center.
    let mut fields = complete();
    let numbers: Vec<String> = (0..1000).map(|i| format!("+1425555{:04}", i)).collect();
    fields.set(FieldKey::Numbers, FieldValue::List(numbers));
    let problems = validate(&fields, TODAY);
    assert!(
        !problems
            .iter()
            .any(|p| p.key == FieldKey::Numbers && p.severity == Severity::Error),
        "{problems:#?}"
    );
    assert_eq!(
        fields.submission_route(),
        portwiz::domain::countries::Route::ServiceCenter
    );
}

#[test]
fn port_dates_weekend_holiday_too_soon_and_too_far_are_refused_with_the_right_date() {
    only_error(FieldKey::PortDate, "2026-12-05", "Saturday");
    only_error(FieldKey::PortDate, "2026-12-25", "Christmas");
    only_error(FieldKey::PortDate, "2026-11-30", "earliest");
    only_error(FieldKey::PortDate, "2026-12-28", "latest");
    only_error(FieldKey::PortDate, "2020-01-01", "past");
    only_error(FieldKey::PortDate, "next tuesday", "YYYY-MM-DD");
}

#[test]
fn port_time_window_depends_on_country_and_type() {
    only_error(FieldKey::PortTime, "21:00", "20:00");
    let mut fields = complete();
    fields.set(FieldKey::NumberType, FieldValue::Text("toll_free".into()));
    fields.set(FieldKey::PortTime, FieldValue::Text("10:00".into()));
    let problems = validate(&fields, TODAY);
    assert!(
        problems
            .iter()
            .any(|p| p.key == FieldKey::PortTime && p.message.contains("11:30")),
        "{problems:#?}"
    );
}

#[test]
fn account_information_rules() {
    only_error(FieldKey::ServiceAddressPostalCode, "9805", "ZIP");
    only_error(FieldKey::RequesterEmail, "sam at fabrikam", "");
    only_error(FieldKey::BillingTelephoneNumber, "555", "");
    let po = problems_with(FieldKey::ServiceAddressStreet, "P.O. Box 42");
    assert!(
        po.iter()
            .any(|p| p.0 == FieldKey::ServiceAddressStreet && p.1 == Severity::Warning),
        "{po:#?}"
    );
    let long = problems_with(
        FieldKey::OrganizationName,
        "Fabrikam International Holdings Incorporated",
    );
    assert!(
        long.iter()
            .any(|p| p.1 == Severity::Warning && p.2.contains("25")),
        "{long:#?}"
    );
    let mut fields = complete();
    fields.set(FieldKey::NumberType, FieldValue::Text("mobile".into()));
    fields.set(FieldKey::Pin, FieldValue::Text(String::new()));
    let problems = validate(&fields, TODAY);
    assert!(
        problems.iter().any(|p| p.key == FieldKey::Pin
            && p.severity == Severity::Error
            && p.message.contains("mobile")),
        "{problems:#?}"
    );
}

#[test]
fn full_and_partial_port_rules_for_the_btn() {
    let full = problems_with(FieldKey::BillingTelephoneNumber, "+14255550199");
    assert!(
        full.iter().any(|p| p.0 == FieldKey::PortType
            && p.1 == Severity::Error
            && p.2.contains("must include the BTN")),
        "{full:#?}"
    );
    let mut fields = complete();
    fields.set(FieldKey::PortType, FieldValue::Text("partial".into()));
    fields.set(
        FieldKey::ReplacementBtn,
        FieldValue::Text("+14255550101".into()),
    );
    let problems = validate(&fields, TODAY);
    assert!(
        problems
            .iter()
            .any(|p| p.key == FieldKey::ReplacementBtn && p.message.contains("stays")),
        "{problems:#?}"
    );
    fields.set(
        FieldKey::ReplacementBtn,
        FieldValue::Text("+14255550199".into()),
    );
    assert_eq!(validate(&fields, TODAY), vec![]);
}
