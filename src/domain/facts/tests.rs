use super::*;
use crate::domain::FieldValue;
use crate::domain::status::SupportScenario;
use crate::domain::test_orders::{complete_order, day, rejection};

/// A complete order, submitted on day 1 and rejected for its account number on day 2.
fn rejected_once() -> Order {
    let mut order = complete_order("PO-FACTS", "Contoso Telecom", 0);
    order.submit(day(1)).unwrap();
    order
        .reject(rejection(&[FieldKey::AccountNumber]), day(2).now)
        .unwrap();
    order
}

fn marks(order: &Order) -> Vec<Mark> {
    let p = progress(order);
    Stage::ALL.iter().map(|s| p.mark(*s)).collect()
}

#[test]
fn progress_follows_the_status_and_a_cancelled_order_keeps_the_stage_it_left() {
    use Mark::{Ahead, Current, Done};
    let mut order = complete_order("PO-FACTS", "Contoso Telecom", 0);
    assert_eq!(marks(&order), [Current, Ahead, Ahead, Ahead]);
    order.submit(day(1)).unwrap();
    assert_eq!(marks(&order), [Done, Current, Ahead, Ahead]);
    order.reject(rejection(&[]), day(2).now).unwrap();
    // Waiting on the user is still the Submitted stage, with one rejection.
    assert_eq!(marks(&order), [Done, Current, Ahead, Ahead]);
    assert_eq!(progress(&order).rejections, 1);

    let mut confirmed = complete_order("PO-FOC", "Contoso Telecom", 0);
    confirmed.submit(day(1)).unwrap();
    confirmed
        .confirm_foc(day(20).today, None, day(3).now)
        .unwrap();
    assert_eq!(marks(&confirmed), [Done, Done, Current, Ahead]);
    let mut done = confirmed.clone();
    done.complete(day(20).now).unwrap();
    assert_eq!(marks(&done), [Done, Done, Done, Done]);

    confirmed.cancel(day(4).now).unwrap();
    let p = progress(&confirmed);
    assert!(p.cancelled && p.finished);
    assert_eq!(p.reached, Stage::FocConfirmed);
    assert_eq!(marks(&confirmed), [Done, Done, Done, Ahead]);
}

#[test]
fn each_rejection_has_its_own_outcome() {
    let mut order = rejected_once();
    assert_eq!(rejection_outcomes(&order), [RejectionOutcome::Waiting]);

    order
        .edit(
            FieldKey::AccountNumber,
            FieldValue::Text("ACC-2".into()),
            day(3).now,
        )
        .unwrap();
    order.resubmit(day(3)).unwrap();
    order
        .reject(rejection(&[FieldKey::Pin]), day(4).now)
        .unwrap();
    let outcomes = rejection_outcomes(&order);
    let [
        RejectionOutcome::Changed(changes),
        RejectionOutcome::Waiting,
    ] = outcomes.as_slice()
    else {
        panic!("{outcomes:?}");
    };
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].key, changes[0].to.as_str()),
        (FieldKey::AccountNumber, "ACC-2")
    );

    // Resubmitted as it was (the carrier lifted a freeze), then Microsoft took it over.
    order.resubmit(day(5)).unwrap();
    order.reject(rejection(&[]), day(6).now).unwrap();
    order
        .engage_support(SupportScenario::RequestedHelp, None, day(7).now)
        .unwrap();
    assert_eq!(
        rejection_outcomes(&order)[1..],
        [
            RejectionOutcome::ResubmittedUnchanged,
            RejectionOutcome::LeftBy(Event::SupportEngaged)
        ]
    );
}

#[test]
fn a_resubmission_after_support_hands_the_order_back_counts_for_its_rejection() {
    let mut order = rejected_once();
    order
        .engage_support(SupportScenario::RequestedHelp, None, day(3).now)
        .unwrap();
    // Support gives it back without a new rejection; the user resubmits.
    order.history.push(HistoryEntry {
        at: day(4).now,
        event: Event::SupportEngaged,
        from: Some(Status::SupportEngaged),
        to: Some(Status::CustomerActionRequired),
        note: String::new(),
        changes: Vec::new(),
        visit: None,
        by: None,
    });
    order.status = Status::CustomerActionRequired;
    order.resubmit(day(5)).unwrap();
    assert_eq!(
        rejection_outcomes(&order),
        [RejectionOutcome::ResubmittedUnchanged]
    );
}

#[test]
fn outcomes_never_read_the_notes() {
    let mut order = rejected_once();
    order.resubmit(day(3)).unwrap();
    for entry in &mut order.history {
        entry.note = "Resubmitted with 9 change(s); Rejected by the carrier".into();
    }
    order.reject(rejection(&[]), day(4).now).unwrap();
    order.cancel(day(5).now).unwrap();
    assert_eq!(
        rejection_outcomes(&order),
        [
            RejectionOutcome::ResubmittedUnchanged,
            RejectionOutcome::LeftBy(Event::Cancelled)
        ]
    );
}

#[test]
fn a_rejection_without_a_history_entry_is_placed_by_its_time() {
    let mut order = rejected_once();
    order.resubmit(day(3)).unwrap();
    order.reject(rejection(&[]), day(4).now).unwrap();
    order.cancel(day(5).now).unwrap();
    // A hand-made file lost the first rejection's entry.
    order
        .history
        .retain(|h| !(h.event == Event::Rejected && h.at == day(2).now));
    assert_eq!(
        rejection_outcomes(&order),
        [
            RejectionOutcome::ResubmittedUnchanged,
            RejectionOutcome::LeftBy(Event::Cancelled)
        ]
    );
    // With no history at all, nothing is known.
    order.history.clear();
    assert_eq!(
        rejection_outcomes(&order),
        [RejectionOutcome::Unknown, RejectionOutcome::Unknown]
    );
}

#[test]
fn the_timeline_names_rejected_fields_from_the_rejection_and_cancelling_adds_nothing() {
    let mut order = rejected_once();
    order.history[2].note = "words nobody parses".into();
    order.cancel(day(3).now).unwrap();
    let details: Vec<Detail> = timeline(&order).into_iter().map(|(_, d)| d).collect();
    assert_eq!(
        details,
        [
            Detail::Note("Draft created"),
            Detail::Note("Submitted to the current carrier"),
            Detail::RejectedFields(&[FieldKey::AccountNumber]),
            Detail::Nothing,
        ]
    );
}

#[test]
fn a_rejection_of_a_field_on_the_csr_concerns_the_csr() {
    let mut order = rejected_once();
    assert!(concerns_the_csr(&order.rejections[0]));
    order.rejections[0].fields = vec![FieldKey::PortDate];
    assert!(!concerns_the_csr(&order.rejections[0]));
}

#[test]
fn an_order_is_overdue_after_30_days_waiting_on_the_user() {
    let order = rejected_once();
    assert_eq!(days_overdue(&order, day(32).now), None);
    assert_eq!(days_overdue(&order, day(33).now), Some(31));
    let mut submitted = complete_order("PO-SUB", "Contoso Telecom", 0);
    submitted.submit(day(1)).unwrap();
    assert_eq!(days_overdue(&submitted, day(90).now), None);
}
