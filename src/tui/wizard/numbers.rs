//! The numbers step's per-number verdicts and their count.
//!
//! The verdicts are the domain's (`domain::rules::parse_numbers`, its [`NumberState`]); this
//! module only puts them in words for the numbers step.

use crate::domain::rules::NumberState;
use crate::domain::rules::{Country, NumberType};

/// Words for a verdict (singular).
pub fn label(state: &NumberState) -> &'static str {
    match state {
        NumberState::Valid => "valid",
        NumberState::Duplicate { .. } => "duplicate",
        NumberState::WrongCountry { .. } => "wrong country",
        NumberState::NotANumber { .. } => "not a number",
        NumberState::Range { .. } => "range (list every number)",
        NumberState::WrongType { .. } => "wrong type (toll-free vs. not)",
        NumberState::NotPortable { .. } => "not portable",
    }
}

pub fn symbol(state: &NumberState) -> &'static str {
    if *state == NumberState::Valid {
        "✓"
    } else {
        "✗"
    }
}

/// Every number in `text` with its verdict, in input order, from the domain's number rules (so
/// the wizard, validation and `portwiz set` agree), for the order's rules country and number
/// type (`None` skips the type check).
pub fn number_states(
    text: &str,
    country: Country,
    number_type: Option<NumberType>,
) -> Vec<(String, NumberState)> {
    crate::domain::rules::parse_numbers_shared(text, country, number_type)
        .entries
        .iter()
        .map(|entry| (entry.raw.clone(), entry.state.clone()))
        .collect()
}

/// "12 numbers: 10 valid, 1 duplicate, 1 not a number".
pub fn summary(states: &[(String, NumberState)]) -> String {
    let total = states.len();
    let noun = if total == 1 { "number" } else { "numbers" };
    if total == 0 {
        return "No numbers yet".to_string();
    }
    // The verdicts in this order, counted by kind (a duplicate of any entry is a duplicate).
    let order = [
        "valid",
        "duplicate",
        "wrong country",
        "not a number",
        "range",
        "wrong type",
        "not portable",
    ];
    let count_label = |state: &NumberState| match state {
        NumberState::Valid => order[0],
        NumberState::Duplicate { .. } => order[1],
        NumberState::WrongCountry { .. } => order[2],
        NumberState::NotANumber { .. } => order[3],
        NumberState::Range { .. } => order[4],
        NumberState::WrongType { .. } => order[5],
        NumberState::NotPortable { .. } => order[6],
    };
    let parts: Vec<String> = order
        .iter()
        .filter_map(|kind| {
            let n = states
                .iter()
                .filter(|(_, s)| count_label(s) == *kind)
                .count();
            (n > 0).then(|| format!("{n} {kind}"))
        })
        .collect();
    format!("{total} {noun}: {}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_state_is_recognised() {
        let text = "+1 425 555 0100\n425-555-0101, (425) 555-0100; +44 20 7946 0958\nhello\n4255550100-4255550109\n555";
        let states: Vec<&str> = number_states(text, Country::Us, Some(NumberType::Geographic))
            .iter()
            .map(|(_, s)| label(s))
            .collect();
        assert_eq!(
            states,
            [
                "valid",
                "valid",
                "duplicate",
                "wrong country",
                "not a number",
                "range (list every number)",
                "not a number"
            ]
        );
    }

    #[test]
    fn summary_counts_by_state() {
        let states = number_states(
            "4255550100\n4255550101\n4255550100\nabc",
            Country::Us,
            Some(NumberType::Geographic),
        );
        assert_eq!(
            summary(&states),
            "4 numbers: 2 valid, 1 duplicate, 1 not a number"
        );
        assert_eq!(summary(&[]), "No numbers yet");
    }
}
