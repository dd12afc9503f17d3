//! The numbers step's per-number verdicts and their count.
//!
//! Re-point seam: [`number_states`] is a deliberately simple stand-in (digit counting, duplicates
//! after digit normalisation) until `domain::rules::numbers::parse_numbers` lands; the view reads
//! only this function and [`NumberState`], so pointing it at the real parser is one edit here.

use crate::domain::fields::split_list;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NumberState {
    Valid,
    Duplicate,
    WrongCountry,
    NotANumber,
    Range,
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
        }
    }

    fn count_label(self) -> &'static str {
        match self {
            NumberState::Valid => "valid",
            NumberState::Duplicate => "duplicate",
            NumberState::WrongCountry => "wrong country",
            NumberState::NotANumber => "not a number",
            NumberState::Range => "range",
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

/// Every number in `text` (as the numbers field splits it) with its verdict, in input order.
/// `country` is the order's country (`US`, `CA`): both are in the North American plan (+1).
pub fn number_states(text: &str, country: &str) -> Vec<(String, NumberState)> {
    let _nanp = matches!(
        country.trim().to_ascii_uppercase().as_str(),
        "US" | "CA" | ""
    );
    let mut seen: Vec<String> = Vec::new();
    split_list(text)
        .into_iter()
        .map(|number| {
            let state = match normalise(&number) {
                Err(state) => state,
                Ok(key) if seen.contains(&key) => NumberState::Duplicate,
                Ok(key) => {
                    seen.push(key);
                    NumberState::Valid
                }
            };
            (number, state)
        })
        .collect()
}

/// The ten national digits of a North American number, or why there are none.
fn normalise(number: &str) -> Result<String, NumberState> {
    let lower = number.to_ascii_lowercase();
    if lower.contains("..") || lower.contains('~') || lower.contains(" to ") {
        return Err(NumberState::Range);
    }
    if number
        .chars()
        .any(|c| !(c.is_ascii_digit() || " -().+".contains(c)))
    {
        return Err(NumberState::NotANumber);
    }
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let international = number.trim_start().starts_with('+');
    match digits.len() {
        10 if !international => Ok(digits),
        11 if digits.starts_with('1') => Ok(digits[1..].to_string()),
        // Two full numbers joined by a dash: 4255550100-4255550109.
        20 | 22 if number.contains('-') => Err(NumberState::Range),
        _ if international && !digits.starts_with('1') && digits.len() >= 8 => {
            Err(NumberState::WrongCountry)
        }
        _ => Err(NumberState::NotANumber),
    }
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
        let states: Vec<NumberState> = number_states(text, "US")
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
        let states = number_states("4255550100\n4255550101\n4255550100\nabc", "US");
        assert_eq!(
            summary(&states),
            "4 numbers: 2 valid, 1 duplicate, 1 not a number"
        );
        assert_eq!(summary(&[]), "No numbers yet");
    }
}
