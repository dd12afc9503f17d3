use super::*;

fn read(text: &str) -> Vec<(String, NumberProblem)> {
    named_numbers(text, Country::Us)
        .into_iter()
        .map(|n| (n.number, n.problem))
        .collect()
}

#[test]
fn each_clause_marks_its_numbers_with_its_problem() {
    let found = read(
        "425-555-0106 belongs to another BAN; TN (425) 555-0107 not found on account. \
         4255550108 is disconnected. +1 425 555 0109 is not portable. 425.555.0110: wrong carrier.",
    );
    assert_eq!(
        found,
        vec![
            ("+14255550106".into(), NumberProblem::NotOnAccount),
            ("+14255550107".into(), NumberProblem::NotOnAccount),
            ("+14255550108".into(), NumberProblem::Disconnected),
            ("+14255550109".into(), NumberProblem::NotPortable),
            ("+14255550110".into(), NumberProblem::WrongCarrier),
        ]
    );
}

#[test]
fn the_words_kept_are_the_clause_that_named_the_number() {
    let found = named_numbers(
        "Order 12 rejected. 425-555-0106 belongs to another BAN; please check.",
        Country::Us,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].words, "425-555-0106 belongs to another BAN;");
}

#[test]
fn a_heading_marks_the_list_under_it_but_not_a_sentence_after_it() {
    let text = "The following TNs are disconnected:\n4255550106\n425-555-0107\n\
                For help call us at 425-555-0199.";
    let found = named_numbers(text, Country::Us);
    let numbers: Vec<&str> = found.iter().map(|n| n.number.as_str()).collect();
    assert_eq!(numbers, ["+14255550106", "+14255550107"]);
    assert!(
        found
            .iter()
            .all(|n| n.problem == NumberProblem::Disconnected)
    );
    assert!(
        found[0]
            .words
            .starts_with("The following TNs are disconnected:")
    );
}

#[test]
fn numbers_named_without_a_problem_are_not_marked() {
    assert!(read("The BTN 425-555-0100 does not match the CSR.").is_empty());
    assert!(read("Please call 425-555-0199 about order 4425.").is_empty());
    assert!(read("Requested port date 2026-12-08 is too soon.").is_empty());
}

#[test]
fn numbers_of_other_countries_are_read_in_the_order_s_country() {
    let found = named_numbers("020 7946 0000 is not portable", "GB".parse().unwrap());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].number, "+442079460000");
}

#[test]
fn the_words_are_cleaned_and_capped() {
    let text = format!(
        "425-555-0106 \u{1b}[31mdisconnected\u{202e} {}",
        "x".repeat(2 * MARK_WORDS_LIMIT)
    );
    let found = named_numbers(&text, Country::Us);
    assert_eq!(found.len(), 1);
    assert!(found[0].words.len() <= MARK_WORDS_LIMIT);
    assert!(!found[0].words.contains('\u{1b}') && !found[0].words.contains('\u{202e}'));
}

#[test]
fn a_problem_a_newer_portwiz_wrote_reads_as_other() {
    let mark: NumberMark = serde_json::from_str(
        r#"{"problem": "ported_to_the_moon", "words": "x", "at": "2026-12-01T00:00:00Z"}"#,
    )
    .unwrap();
    assert_eq!(mark.problem, NumberProblem::Other);
}
