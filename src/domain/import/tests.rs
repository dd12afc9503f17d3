//! The import rule on the domain: what an exported order becomes, what is left out with a
//! warning, and what refuses the document.

use super::*;
use crate::domain::document::{export, parse};
use crate::domain::key::FieldKey;
use crate::domain::test_orders::{complete_order, day, rejection};

/// `order` as `export --format json` writes it (secrets or not), read back as `import` reads it.
fn exported(order: &Order, include_secrets: bool) -> Document {
    let text = serde_json::to_string(&export(order, include_secrets)).unwrap();
    parse(&text, true).unwrap()
}

/// A rejected order: submitted on day 1, rejected (the account number) on day 3.
fn rejected() -> Order {
    let mut order = complete_order("PO-OLD", "Contoso Telecom", 0);
    order.submit(day(1)).unwrap();
    order
        .reject(rejection(&[FieldKey::AccountNumber]), day(3).now)
        .unwrap();
    order
}

#[test]
fn an_export_becomes_a_new_order_keeping_its_status_and_story() {
    let old = rejected();
    let made = imported_order(
        "PO-NEW".into(),
        exported(&old, true),
        day(9).now,
        day(9).today,
    )
    .unwrap();
    let order = made.order;
    assert_eq!(order.id, "PO-NEW");
    assert_eq!(order.status, Status::CustomerActionRequired);
    assert_eq!(order.fields, old.fields);
    assert_eq!(order.rejections.len(), 1);
    assert_eq!(order.created_at, old.history[0].at);
    assert_eq!(order.updated_at, day(9).now);
    // Its story, then one entry saying it was imported.
    assert_eq!(order.history.len(), old.history.len() + 1);
    let last = order.history.last().unwrap();
    assert_eq!((last.event, last.at), (Event::Imported, day(9).now));
    // Past a submission, what it holds is what was submitted.
    assert_eq!(order.submitted_fields, Some(order.snapshot()));
}

#[test]
fn a_draft_stays_a_draft_with_no_submitted_fields() {
    let draft = complete_order("PO-D", "Contoso Telecom", 0);
    let made = imported_order(
        "PO-N".into(),
        exported(&draft, true),
        day(1).now,
        day(1).today,
    )
    .unwrap();
    assert_eq!(made.order.status, Status::Draft);
    assert_eq!(made.order.submitted_fields, None);
}

#[test]
fn a_masked_pin_is_left_out_with_a_warning_never_taken_as_the_value() {
    // A document holding the mask an export without secrets writes for a PIN.
    let mut masked = exported(&rejected(), false);
    masked.fields.pin = crate::domain::secret::Secret::new("••••");
    let left_out = |made: &Made| {
        made.order.fields.pin.is_empty()
            && made
                .warnings
                .iter()
                .any(|w| w.starts_with("warning: ") && w.ends_with("It was left out."))
    };
    let made = imported_order("PO-N".into(), masked.clone(), day(9).now, day(9).today).unwrap();
    assert!(left_out(&made), "{:?}", made.warnings);
    // The same rule for `new --from`.
    let made = new_order("PO-M".into(), &masked, day(9).now, day(9).today).unwrap();
    assert!(left_out(&made), "{:?}", made.warnings);
}

#[test]
fn a_value_the_edit_operation_refuses_refuses_the_document() {
    let mut doc = exported(&rejected(), true);
    doc.fields.order_name = "x".repeat(100_000);
    let refused = imported_order("PO-N".into(), doc.clone(), day(9).now, day(9).today).unwrap_err();
    assert!(!refused.reasons.is_empty());
    assert!(new_order("PO-M".into(), &doc, day(9).now, day(9).today).is_err());
}

#[test]
fn csr_masks_marks_of_other_numbers_and_an_empty_ticket_are_not_kept() {
    let mut doc = exported(&rejected(), true);
    doc.csr.insert(FieldKey::Pin, "••••".into());
    doc.csr.insert(FieldKey::AccountNumber, "ACC-1".into());
    doc.ticket = Some("   ".into());
    let made = imported_order("PO-N".into(), doc, day(9).now, day(9).today).unwrap();
    assert_eq!(
        made.order.csr.keys().copied().collect::<Vec<_>>(),
        vec![FieldKey::AccountNumber]
    );
    assert_eq!(made.order.ticket, None);
    let mut doc = exported(&rejected(), true);
    doc.ticket = Some("CASE\u{1b}[2J-42".into());
    let made = imported_order("PO-N".into(), doc, day(9).now, day(9).today).unwrap();
    let ticket = made.order.ticket.unwrap();
    assert!(!ticket.contains('\u{1b}'), "{ticket:?}");
}

#[test]
fn a_plan_that_does_not_fit_the_order_refuses_the_import() {
    use crate::domain::assignment::{Assignment, IdentityKind};
    let mut doc = exported(&rejected(), true);
    doc.assignments.insert(
        "+14255550199".into(),
        Assignment {
            identity: "alice@contoso.com".into(),
            kind: IdentityKind::User,
            location_id: "5d0d1a0b-6a3f-4a8e-9b55-3c2f1e0a7d11".into(),
        },
    );
    let refused = imported_order("PO-N".into(), doc, day(9).now, day(9).today).unwrap_err();
    assert!(
        refused
            .reasons
            .iter()
            .all(|r| r.starts_with("assignments: ")),
        "{:?}",
        refused.reasons
    );
    let mut doc = exported(&rejected(), true);
    doc.assignments.insert(
        "+14255550100".into(),
        Assignment {
            identity: "alice@contoso.com".into(),
            kind: IdentityKind::User,
            location_id: "5d0d1a0b-6a3f-4a8e-9b55-3c2f1e0a7d11".into(),
        },
    );
    let made = imported_order("PO-N".into(), doc, day(9).now, day(9).today).unwrap();
    assert_eq!(made.order.assignments.len(), 1);
}

#[test]
fn wrong_values_are_said_only_while_the_order_can_be_edited() {
    let mut doc = exported(&rejected(), true);
    doc.fields.requester.email = "not an address".into();
    let editable = imported_order("PO-N".into(), doc.clone(), day(9).now, day(9).today).unwrap();
    assert!(
        editable
            .warnings
            .iter()
            .any(|w| w.starts_with("to fix before submitting: ")),
        "{:?}",
        editable.warnings
    );
    doc.status = Some(Status::Submitted);
    let submitted = imported_order("PO-N".into(), doc, day(9).now, day(9).today).unwrap();
    assert!(
        !submitted.warnings.iter().any(|w| w.starts_with("to fix")),
        "{:?}",
        submitted.warnings
    );
}
