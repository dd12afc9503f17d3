//! The name shown for an order the user has not named yet: short, made of the first number and
//! how many follow (or the first words of what was pasted, when it is not a number), and unique
//! because it carries the order's id.

/// Words of a pasted first line kept in the name.
const WORDS: usize = 3;
/// The most characters taken from a pasted first line.
const CHARS: usize = 20;

/// "Untitled: 425-555-0100 and 9 more (PO-3F9K2QX1)", "Untitled order (PO-3F9K2QX1)".
pub fn automatic_name(id: &str, numbers: &[String]) -> String {
    let Some(first) = numbers.first() else {
        return format!("Untitled order ({id})");
    };
    let first = short_number(first).unwrap_or_else(|| first_words(first));
    match numbers.len() {
        1 => format!("Untitled: {first} ({id})"),
        n => format!("Untitled: {first} and {} more ({id})", n - 1),
    }
}

/// A NANP number in E.164 as `425-555-0100`; `None` for anything else.
fn short_number(number: &str) -> Option<String> {
    let digits = number.strip_prefix("+1")?;
    (digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{}-{}-{}", &digits[..3], &digits[3..6], &digits[6..]))
}

/// The first few words of the first line, capped, with `…` when cut.
fn first_words(text: &str) -> String {
    let line = super::sanitize::clean(text.lines().next().unwrap_or_default());
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut short: String = words
        .iter()
        .take(WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let cut = words.len() > WORDS || short.chars().count() > CHARS;
    if short.chars().count() > CHARS {
        short = short
            .chars()
            .take(CHARS)
            .collect::<String>()
            .trim_end()
            .to_string();
    }
    if cut {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_name_is_the_first_number_and_the_count_with_the_id() {
        let numbers = list(&["+14255550100", "+14255550101", "+14255550102"]);
        assert_eq!(
            automatic_name("PO-AB12CD34", &numbers),
            "Untitled: 425-555-0100 and 2 more (PO-AB12CD34)"
        );
        assert_eq!(
            automatic_name("PO-X", &list(&["+442071838750"])),
            "Untitled: +442071838750 (PO-X)"
        );
        assert_eq!(automatic_name("PO-X", &[]), "Untitled order (PO-X)");
    }

    #[test]
    fn a_pasted_line_that_is_not_a_number_gives_its_first_words_only() {
        let pasted = "Main office lines from the Contoso bill, December: 425 555 0100 425 555 0101 425 555 0102\nmore";
        let name = automatic_name("PO-1", &list(&[pasted, "+14255550103"]));
        assert_eq!(name, "Untitled: Main office lines… and 1 more (PO-1)");
        let long = automatic_name("PO-1", &list(&["Supercalifragilisticexpialidocious"]));
        assert_eq!(long, "Untitled: Supercalifragilistic… (PO-1)");
    }

    #[test]
    fn two_untitled_orders_with_the_same_numbers_have_different_names() {
        let numbers = list(&["+14255550100"]);
        assert_ne!(
            automatic_name("PO-1", &numbers),
            automatic_name("PO-2", &numbers)
        );
    }
}
