//! The numbers step's per-number verdicts and their count.
//!
//! The view reads only [`number_states`] and [`NumberState`]; the verdicts come from
//! `domain::rules::parse_numbers`.

use crate::domain::rules::{Country, NumberType};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NumberState {
    Valid,
    Duplicate,
    WrongCountry,
    NotANumber,
    Range,
    WrongType,
}

impl NumberState {
    /// Words for the state (singular).
    pub fn label(self) -> &'static str {
        match self {
            NumberState::Valid => "valid",
            NumberState::Duplicate => "duplicate",
            NumberState::WrongCountry => "wrong country",
            NumberState::NotANumber => "not a number",
            NumberState::Range => "range (list every number)",
            NumberState::WrongType => "wrong type (toll-free vs. not)",
        }
    }

    fn count_label(self) -> &'static str {
        match self {
            NumberState::Valid => "valid",
            NumberState::Duplicate => "duplicate",
            NumberState::WrongCountry => "wrong country",
            NumberState::NotANumber => "not a number",
            NumberState::Range => "range",
            NumberState::WrongType => "wrong type",
        }
    }

    pub fn symbol(self) -> &'static str {
        if self == NumberState::Valid {
            "✓"
        } else {
            "✗"
        }
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
    use crate::domain::rules::{self, NumberState as Rule};
    let report = rules::parse_numbers(text, country, number_type);
    report
        .entries
        .into_iter()
        .map(|entry| {
            let state = match entry.state {
                Rule::Valid => NumberState::Valid,
                Rule::Duplicate { .. } => NumberState::Duplicate,
                Rule::WrongCountry { .. } => NumberState::WrongCountry,
                Rule::Range { .. } => NumberState::Range,
                Rule::NotANumber { .. } => NumberState::NotANumber,
                Rule::WrongType { .. } => NumberState::WrongType,
            };
            (entry.raw, state)
        })
        .collect()
}

/// "12 numbers: 10 valid, 1 duplicate, 1 not a number".
pub fn summary(states: &[(String, NumberState)]) -> String {
    let total = states.len();
    let noun = if total == 1 { "number" } else { "numbers" };
    if total == 0 {
        return "No numbers yet".to_string();
    }
    let order = [
        NumberState::Valid,
        NumberState::Duplicate,
        NumberState::WrongCountry,
        NumberState::NotANumber,
        NumberState::Range,
        NumberState::WrongType,
    ];
    let parts: Vec<String> = order
        .iter()
        .filter_map(|state| {
            let n = states.iter().filter(|(_, s)| s == state).count();
            (n > 0).then(|| format!("{n} {}", state.count_label()))
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
        let states: Vec<NumberState> =
            number_states(text, Country::Us, Some(NumberType::Geographic))
                .into_iter()
                .map(|(_, s)| s)
                .collect();
        use NumberState::*;
        assert_eq!(
            states,
            [
                Valid,
                Valid,
                Duplicate,
                WrongCountry,
                NotANumber,
                Range,
                NotANumber
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
