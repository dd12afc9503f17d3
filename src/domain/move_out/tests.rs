use crate::domain::key::FieldKey;
use crate::domain::number_marks::NumberProblem;
use crate::domain::order::{Order, RejectionInput};
use crate::domain::status::Status;
use crate::domain::test_orders::{complete_order, day};

const TEXT: &str = "425-555-0101 belongs to another BAN; 425-555-0102 is disconnected.";

/// The fixture order (numbers …0100, …0101, …0102), submitted and rejected with `text`.
fn rejected(text: &str) -> Order {
    let mut order = complete_order("PO-A", "Contoso Telecom", 0);
    order.submit(day(1)).unwrap();
    order
        .reject(
            RejectionInput {
                text: text.into(),
                fields: vec![FieldKey::Numbers],
                ..Default::default()
            },
            day(3).now,
        )
        .unwrap();
    order
}

#[test]
fn a_rejection_marks_the_numbers_it_names_with_the_carrier_s_words() {
    let order = rejected(TEXT);
    let marked = order.marked_numbers();
    assert_eq!(marked.len(), 2);
    assert_eq!(marked[0].0, "+14255550101");
    assert_eq!(marked[0].1.problem, NumberProblem::NotOnAccount);
    assert!(marked[0].1.words.contains("belongs to another BAN"));
    assert_eq!(marked[1].1.problem, NumberProblem::Disconnected);
    assert_eq!(marked[0].1.at, day(3).now);
    let note = &order.history.last().unwrap().note;
    assert!(note.contains("2 number(s) marked"), "{note}");
}

#[test]
fn a_number_not_on_the_order_is_not_marked() {
    let order = rejected("425-555-0199 is disconnected.");
    assert!(order.marked_numbers().is_empty());
    assert!(order.number_marks.is_empty());
}

#[test]
fn moving_out_makes_a_draft_of_the_marked_numbers_and_leaves_the_rest_to_resubmit() {
    let mut order = rejected(TEXT);
    let numbers = order.numbers_to_move(&[]).unwrap();
    assert_eq!(numbers, ["+14255550101", "+14255550102"]);
    let draft = order.move_out(&numbers, "PO-B".into(), day(4)).unwrap();

    assert_eq!(order.fields.numbers, ["+14255550100"]);
    assert!(order.marked_numbers().is_empty() && order.number_marks.is_empty());
    assert_eq!(order.status, Status::CustomerActionRequired);
    let note = &order.history.last().unwrap().note;
    assert!(
        note.contains("PO-B") && note.contains("+14255550101"),
        "{note}"
    );
    order.resubmit(day(5)).unwrap();
    assert_eq!(order.status, Status::Submitted);

    assert_eq!(draft.id, "PO-B");
    assert_eq!(draft.status, Status::Draft);
    assert_eq!(draft.fields.numbers, numbers);
    assert_eq!(draft.fields.account_number, "ACC-0098765");
    assert_eq!(draft.fields.order_name, "Redmond HQ main lines (moved out)");
    assert_eq!(draft.marked_numbers().len(), 2);
    assert!(draft.rejections.is_empty());
    assert!(
        draft.history[0].note.contains("PO-A"),
        "{}",
        draft.history[0].note
    );
}

#[test]
fn named_numbers_are_read_as_the_numbers_field_reads_them() {
    let order = rejected(TEXT);
    let raw = vec!["(425) 555-0100".to_string()];
    assert_eq!(order.numbers_to_move(&raw).unwrap(), ["+14255550100"]);
    let refused = order.numbers_to_move(&["425-555-0199".into()]).unwrap_err();
    assert!(
        refused.to_string().contains("not a number of order PO-A"),
        "{refused}"
    );
    assert!(order.numbers_to_move(&["call me".into()]).is_err());
}

#[test]
fn moving_out_is_refused_when_nothing_or_everything_would_move_or_the_order_is_submitted() {
    let mut order = rejected(TEXT);
    let all = order.fields.numbers.clone();
    let before = order.clone();
    assert!(order.move_out(&all, "PO-B".into(), day(4)).is_err());
    assert!(order.move_out(&[], "PO-B".into(), day(4)).is_err());
    assert_eq!(order, before, "a refused move changes nothing");

    let fresh = complete_order("PO-C", "Contoso Telecom", 0);
    assert!(fresh.numbers_to_move(&[]).is_err(), "nothing marked");

    let mut submitted = complete_order("PO-D", "Contoso Telecom", 0);
    submitted.submit(day(1)).unwrap();
    let one = vec!["+14255550101".to_string()];
    assert!(submitted.move_out(&one, "PO-E".into(), day(2)).is_err());
}

#[test]
fn usages_move_with_their_numbers() {
    let mut order = rejected(TEXT);
    order.fields.number_usage = vec![
        "+14255550100 user".into(),
        "+14255550101 voice_app".into(),
        "+14255550102 user".into(),
    ];
    let draft = order
        .move_out(&["+14255550101".into()], "PO-B".into(), day(4))
        .unwrap();
    assert_eq!(draft.fields.number_usage, ["+14255550101 voice_app"]);
    assert_eq!(
        order.fields.number_usage,
        ["+14255550100 user", "+14255550102 user"]
    );
}

#[test]
fn marked_numbers_left_on_the_order_are_a_warning_and_a_submission_clears_the_marks() {
    let mut order = rejected(TEXT);
    let warning = crate::domain::readiness::readiness(&order, day(4).today)
        .into_iter()
        .find(|p| p.message.contains("the carrier rejected"))
        .expect("a warning names the marked numbers");
    assert_eq!(warning.severity, crate::domain::checks::Severity::Warning);
    assert!(
        warning
            .message
            .contains("+14255550101 (not on the account)"),
        "{}",
        warning.message
    );
    assert!(
        warning.message.contains("portwiz move-out PO-A"),
        "{}",
        warning.message
    );
    order.fields.account_number = "ACC-0098766".into();
    order.resubmit(day(5)).unwrap();
    assert!(
        order.number_marks.is_empty(),
        "the resubmission is the carrier's to answer afresh"
    );
}
