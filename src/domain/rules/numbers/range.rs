//! Ranges ("4255550100-4255550199", "4255550100-0199", "4255550100 to 4255550199"). The wizard
//! doesn't take them, so we say so and list the numbers the range stands for.

use super::split::{digit_count, is_dash};
use crate::domain::rules::service_center::WIZARD_MAX_NUMBERS as MAX_NUMBERS_PER_ORDER;

/// Words between the two ends of a range, with their surrounding spaces.
const RANGE_WORDS: [&str; 3] = [" to ", " thru ", " through "];

/// If `raw` is a range, the numbers it stands for in E.164 (empty when it runs backwards or is
/// longer than an order can be); `None` when `raw` is not a range.
pub(super) fn expand(raw: &str) -> Option<Vec<String>> {
    let (left, right) = split(raw)?;
    let start: String = digits(left);
    let start = &start[start.len() - 10..];
    let end_digits = digits(right);
    let end = if end_digits.len() >= 10 {
        end_digits[end_digits.len() - 10..].to_string()
    } else {
        // "4255550100-0199": the end replaces the last digits of the start.
        format!("{}{end_digits}", &start[..10 - end_digits.len()])
    };
    let (Ok(first), Ok(last)) = (start.parse::<u64>(), end.parse::<u64>()) else {
        return Some(Vec::new());
    };
    if last < first || last - first >= MAX_NUMBERS_PER_ORDER as u64 {
        return Some(Vec::new());
    }
    Some((first..=last).map(|n| format!("+1{n:010}")).collect())
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Splits `raw` at the first dash or range word that follows a whole NANP number (10 digits, or
/// 11 starting with 1) and precedes 1 to 11 more digits.
fn split(raw: &str) -> Option<(&str, &str)> {
    // ASCII lowering keeps byte offsets, so positions found in `lower` index `raw`.
    let lower = raw.to_ascii_lowercase();
    let mut cuts: Vec<(usize, usize)> = raw
        .char_indices()
        .filter(|(_, c)| is_dash(*c))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .collect();
    for word in RANGE_WORDS {
        cuts.extend(lower.match_indices(word).map(|(i, w)| (i, i + w.len())));
    }
    cuts.sort_unstable();
    cuts.into_iter().find_map(|(at, after)| {
        let (left, right) = (&raw[..at], &raw[after..]);
        let left_digits = digits(left);
        let whole =
            left_digits.len() == 10 || (left_digits.len() == 11 && left_digits.starts_with('1'));
        let tail = digit_count(right);
        (whole && (1..=11).contains(&tail)).then_some((left, right))
    })
}

/// "… is a range; ranges aren't supported, so list each number: …".
pub(super) fn message(raw: &str, numbers: &[String]) -> String {
    const HOW: &str = "separated by commas, semicolons or new lines";
    match numbers.len() {
        0 => format!(
            "{raw} is a range; ranges aren't supported. List each number on its own, {HOW}."
        ),
        n if n <= 10 => format!(
            "{raw} is a range of {n} numbers; ranges aren't supported, so list each number, \
             {HOW}: {}.",
            numbers.join(", ")
        ),
        n => format!(
            "{raw} is a range of {n} numbers; ranges aren't supported, so list each number, \
             {HOW}: {}, … {}.",
            numbers[..3].join(", "),
            numbers[n - 1]
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_and_short_ends() {
        let full = expand("4255550100-4255550199").unwrap();
        assert_eq!(full.len(), 100);
        assert_eq!(full[0], "+14255550100");
        assert_eq!(full[99], "+14255550199");
        assert_eq!(expand("4255550100-0199"), Some(full.clone()));
        assert_eq!(expand("+1 425 555 0100 to +1 425 555 0199"), Some(full));
        assert_eq!(
            expand("(425) 555-0100 - 02").unwrap(),
            ["+14255550100", "+14255550101", "+14255550102"]
        );
    }

    #[test]
    fn dashed_numbers_are_not_ranges() {
        assert_eq!(expand("425-555-0100"), None);
        assert_eq!(expand("1-425-555-0100"), None);
        assert_eq!(expand("+1-425-555-0100"), None);
        assert_eq!(expand("4255550100-"), None);
    }

    #[test]
    fn backwards_or_huge_ranges_are_ranges_without_a_list() {
        assert_eq!(expand("4255550199-0100"), Some(vec![]));
        assert_eq!(expand("4255550000-4255559999"), Some(vec![]));
    }

    #[test]
    fn messages_list_the_numbers() {
        let numbers = expand("4255550100-02").unwrap();
        assert_eq!(
            message("4255550100-02", &numbers),
            "4255550100-02 is a range of 3 numbers; ranges aren't supported, so list each \
             number, separated by commas, semicolons or new lines: +14255550100, +14255550101, \
             +14255550102."
        );
        let long = message("4255550100-0199", &expand("4255550100-0199").unwrap());
        assert!(long.contains("range of 100 numbers"), "{long}");
        assert!(long.ends_with("+14255550102, … +14255550199."), "{long}");
    }
}
