//! Every lifecycle action of an order, allowed and refused, and what it records.

use jiff::civil::date;
use portwiz::domain::history::Event;
use portwiz::domain::order::RejectionInput;
use portwiz::domain::status::SupportScenario;
use portwiz::domain::{Clock, FieldKey, FieldValue, Order, Status};

fn clock() -> Clock {
    Clock::fixed(date(2026, 11, 26))
}

fn complete_order() -> Order {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/complete-order.json"
    ))
    .unwrap();
    let doc = portwiz::domain::document::parse(&text, false).unwrap();
    Order::new("PO-TEST".into(), doc.fields, clock().now)
}

fn rejection(fields: &[FieldKey]) -> RejectionInput {
    RejectionInput {
        text: "The provided PIN is missing or incorrect.".into(),
        fields: fields.to_vec(),
        ..Default::default()
    }
}

/// Drive an order to `status` through allowed actions only.
fn order_in(status: Status) -> Order {
    let mut o = complete_order();
    let now = clock().now;
    match status {
        Status::Draft => {}
        Status::Submitted => o.submit(clock()).unwrap(),
        Status::CustomerActionRequired => {
            o.submit(clock()).unwrap();
            o.reject(rejection(&[FieldKey::Pin]), now).unwrap();
        }
        Status::SupportEngaged => {
            o.submit(clock()).unwrap();
            o.engage_support(SupportScenario::RequestedHelp, None, now)
                .unwrap();
        }
        Status::FocConfirmed => {
            o.submit(clock()).unwrap();
            o.confirm_foc(date(2026, 12, 8), None, now).unwrap();
        }
        Status::Completed => {
            o.submit(clock()).unwrap();
            o.confirm_foc(date(2026, 12, 8), None, now).unwrap();
            o.complete(now).unwrap();
        }
        Status::Cancelled => o.cancel(now).unwrap(),
    }
    assert_eq!(o.status, status);
    o
}

type Action = fn(&mut Order) -> Result<(), portwiz::domain::Refusal>;

fn actions() -> Vec<(&'static str, Status, Action)> {
    vec![
        ("submit", Status::Submitted, |o| o.submit(clock())),
        ("resubmit", Status::Submitted, |o| o.resubmit(clock())),
        ("reject", Status::CustomerActionRequired, |o| {
            o.reject(rejection(&[FieldKey::Pin]), clock().now)
        }),
        ("foc", Status::FocConfirmed, |o| {
            o.confirm_foc(date(2026, 12, 8), None, clock().now)
        }),
        ("complete", Status::Completed, |o| o.complete(clock().now)),
        ("support", Status::SupportEngaged, |o| {
            o.engage_support(SupportScenario::SubmissionError, None, clock().now)
        }),
        ("cancel", Status::Cancelled, |o| o.cancel(clock().now)),
    ]
}

#[test]
fn every_action_from_every_status_is_allowed_or_refused_as_the_lifecycle_says() {
    for from in Status::ALL {
        for (name, to, action) in actions() {
            let mut o = order_in(from);
            let history_len = o.history.len();
            let result = action(&mut o);
            let expected = match name {
                "submit" => from == Status::Draft,
                "resubmit" => from == Status::CustomerActionRequired,
                // On a FOC-confirmed order: a revised FOC (issue 18).
                "foc" => from.can_go_to(to) || from == Status::FocConfirmed,
                _ => from.can_go_to(to),
            };
            assert_eq!(result.is_ok(), expected, "{name} from {from:?}: {result:?}");
            match result {
                Ok(()) => {
                    assert_eq!(o.status, to);
                    let last = o.history.last().unwrap();
                    if name == "foc" && from == Status::FocConfirmed {
                        // No transition: an entry of its own beside the first FOC.
                        assert_eq!((last.from, last.to), (None, None));
                        assert!(last.note.contains("revised"), "{}", last.note);
                        assert_eq!(o.history.len(), history_len + 1);
                        continue;
                    }
                    assert_eq!(
                        (last.from, last.to),
                        (Some(from), Some(to)),
                        "{name} from {from:?}"
                    );
                }
                Err(refusal) => {
                    assert_eq!(o.status, from, "a refused {name} changed nothing");
                    assert_eq!(o.history.len(), history_len);
                    assert!(
                        !refusal.reasons.is_empty() && refusal.reasons[0].contains(from.label()),
                        "{refusal}"
                    );
                }
            }
        }
    }
}

#[test]
fn edits_are_only_possible_in_draft_and_after_a_rejection_and_are_recorded() {
    for status in Status::ALL {
        let mut o = order_in(status);
        let result = o.edit(
            FieldKey::AccountNumber,
            FieldValue::Text("NEW-1".into()),
            clock().now,
        );
        assert_eq!(result.is_ok(), status.is_editable(), "{status:?}");
        if status.is_editable() {
            let last = o.history.last().unwrap();
            assert_eq!(last.event, Event::Edited);
            assert_eq!(last.changes[0].key, FieldKey::AccountNumber);
            assert_eq!(last.changes[0].to, "NEW-1");
        }
    }
}

#[test]
fn a_resubmission_records_what_changed_since_the_rejection() {
    let mut o = order_in(Status::CustomerActionRequired);
    assert_eq!(o.rejected_fields(), [FieldKey::Pin]);
    o.edit(
        FieldKey::Pin,
        FieldValue::Text("000111".into()),
        clock().now,
    )
    .unwrap();
    assert!(o.changed_since_submission(FieldKey::Pin));
    assert!(!o.changed_since_submission(FieldKey::AccountNumber));
    o.resubmit(clock()).unwrap();
    let changes = &o.rejections[0].changes_before_resubmit;
    assert_eq!(changes.len(), 1);
    assert!(
        !format!("{changes:?}").contains("000111"),
        "the PIN stays out of history"
    );
    assert!(o.rejected_fields().is_empty());
}

#[test]
fn changing_an_loa_field_after_signing_needs_a_new_signature() {
    let mut o = complete_order();
    o.edit(
        FieldKey::Loa,
        FieldValue::Text("signed again".into()),
        clock().now,
    )
    .unwrap();
    assert!(o.loa_needs_resigning().is_empty());
    o.edit(
        FieldKey::OrganizationName,
        FieldValue::Text("Fabrikam Incorporated".into()),
        clock().now,
    )
    .unwrap();
    assert_eq!(o.loa_needs_resigning(), [FieldKey::OrganizationName]);
    o.edit(
        FieldKey::OrderName,
        FieldValue::Text("not on the LOA".into()),
        clock().now,
    )
    .unwrap();
    assert_eq!(o.loa_needs_resigning(), [FieldKey::OrganizationName]);
}

#[test]
fn cancel_is_refused_within_24_hours_of_the_foc_and_allowed_before() {
    let mut o = order_in(Status::Submitted);
    o.confirm_foc(
        date(2026, 11, 27),
        Some(jiff::civil::time(6, 30, 0, 0)),
        clock().now,
    )
    .unwrap();
    let refused = o.cancel(clock().now).unwrap_err();
    assert!(refused.reasons[0].contains("24 hours"));
    let mut o = order_in(Status::Submitted);
    o.confirm_foc(
        date(2026, 11, 30),
        Some(jiff::civil::time(10, 0, 0, 0)),
        clock().now,
    )
    .unwrap();
    assert!(o.cancel(clock().now).is_ok());
}
