//! Each number's usage, as the All regions wizard's "Add number features" page asks it (User,
//! Voice app, Conference: domain.md §7). Stored as one `+NUMBER usage` item per number, in the
//! order of the order's numbers; a usage typed alone gives every number without one that usage.

use super::choices::NumberUsage;
use super::country::Country;
use super::numbers::parse_numbers;
use std::collections::{HashMap, HashSet};

/// One usage item as understood: the number it names (`None`: every number without one) and
/// its usage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageItem {
    pub number: Option<String>,
    pub usage: NumberUsage,
}

/// Read one item: `+44 20 7946 0000 user`, `+442079460000: voice app`, or `conference` alone.
/// `None` when there is no usage word, or the number part is not one number of the country.
pub fn parse_usage_item(item: &str, country: Country) -> Option<UsageItem> {
    let split = item.find(|c: char| c.is_alphabetic()).unwrap_or(item.len());
    let (number, words) = item.split_at(split);
    let usage: NumberUsage = words.trim().parse().ok()?;
    let number = number.trim().trim_end_matches([':', '=', '-']).trim();
    if number.is_empty() {
        return Some(UsageItem {
            number: None,
            usage,
        });
    }
    let report = parse_numbers(number, country, None);
    match report.entries.as_slice() {
        [one] if one.is_valid() => one.e164.clone().map(|e164| UsageItem {
            number: Some(e164),
            usage,
        }),
        _ => None,
    }
}

/// The items to store: one `+NUMBER usage` per number of the order that has one, in the
/// order's order (the last usage typed for a number wins, a usage alone fills the rest), then
/// any item naming a number not on the order, then items not understood, kept as typed for
/// their problem to be shown.
pub fn normalise_usages(items: &[String], numbers: &[String], country: Country) -> Vec<String> {
    let mut by_number: HashMap<String, NumberUsage> = HashMap::new();
    let mut default = None;
    let mut others = Vec::new();
    let mut not_understood = Vec::new();
    let on_order: HashSet<&str> = numbers.iter().map(String::as_str).collect();
    for item in items {
        match parse_usage_item(item, country) {
            Some(UsageItem {
                number: Some(n),
                usage,
            }) => {
                if !on_order.contains(n.as_str()) && !by_number.contains_key(&n) {
                    others.push(n.clone());
                }
                by_number.insert(n, usage);
            }
            Some(UsageItem {
                number: None,
                usage,
            }) => default = Some(usage),
            None => not_understood.push(item.clone()),
        }
    }
    let mut out: Vec<String> = numbers
        .iter()
        .filter_map(|n| {
            let usage = by_number.get(n).copied().or(default)?;
            Some(format!("{n} {}", usage.as_str()))
        })
        .collect();
    out.extend(
        others
            .iter()
            .filter_map(|n| by_number.get(n).map(|u| format!("{n} {}", u.as_str()))),
    );
    out.extend(not_understood);
    out
}

/// What is wrong with the stored usages of an order's numbers: items not understood, numbers
/// not on the order, numbers without a usage (Microsoft's page asks one for each).
pub fn usage_problems(items: &[String], numbers: &[String], country: Country) -> Vec<String> {
    let mut problems = Vec::new();
    let on_order: HashSet<&str> = numbers.iter().map(String::as_str).collect();
    let mut given = HashSet::new();
    for item in items {
        match parse_usage_item(item, country) {
            None => problems.push(format!(
                "`{item}` should be a number and its usage ({})",
                usage_words()
            )),
            Some(UsageItem {
                number: Some(n), ..
            }) if !on_order.contains(n.as_str()) => {
                problems.push(format!("{n} is not one of this order's numbers"));
            }
            Some(UsageItem { number, .. }) => {
                given.extend(number);
            }
        }
    }
    let missing: Vec<&String> = numbers.iter().filter(|n| !given.contains(*n)).collect();
    if let Some(first) = missing.first() {
        let more = match missing.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        problems.push(format!(
            "{first}{more} {} no usage: type `{first} user` (or a usage alone, e.g. `user`, for every number without one)",
            if missing.len() == 1 { "has" } else { "have" }
        ));
    }
    problems
}

/// How many of the order's numbers have each usage, and how many have none.
pub fn usage_counts(
    items: &[String],
    numbers: &[String],
    country: Country,
) -> (Vec<(NumberUsage, usize)>, usize) {
    let mut by_number: HashMap<String, NumberUsage> = HashMap::new();
    let mut default = None;
    for parsed in items.iter().filter_map(|i| parse_usage_item(i, country)) {
        match parsed.number {
            Some(n) => {
                by_number.insert(n, parsed.usage);
            }
            None => default = Some(parsed.usage),
        }
    }
    let mut counts: Vec<(NumberUsage, usize)> = NumberUsage::ALL.iter().map(|u| (*u, 0)).collect();
    let mut without = 0;
    for number in numbers {
        match by_number.get(number).copied().or(default) {
            Some(usage) => {
                if let Some(slot) = counts.iter_mut().find(|(u, _)| *u == usage) {
                    slot.1 += 1;
                }
            }
            None => without += 1,
        }
    }
    (counts, without)
}

/// "user, voice_app or conference".
pub fn usage_words() -> String {
    let keys: Vec<&str> = NumberUsage::ALL.iter().map(|u| u.as_str()).collect();
    match keys.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => keys.join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gb() -> Country {
        "GB".parse().unwrap_or(Country::Us)
    }

    #[test]
    fn an_item_is_a_number_and_a_usage_or_a_usage_alone() {
        assert_eq!(
            parse_usage_item("020 7946 0000 voice app", gb()),
            Some(UsageItem {
                number: Some("+442079460000".into()),
                usage: NumberUsage::VoiceApp
            })
        );
        assert_eq!(
            parse_usage_item("+442079460001: Conference", gb()).map(|u| u.usage),
            Some(NumberUsage::Conference)
        );
        assert_eq!(
            parse_usage_item("user", gb()),
            Some(UsageItem {
                number: None,
                usage: NumberUsage::User
            })
        );
        assert_eq!(parse_usage_item("+442079460000 fax", gb()), None);
        assert_eq!(parse_usage_item("+442079460000", gb()), None);
    }

    #[test]
    fn a_usage_alone_fills_the_numbers_without_one_in_the_orders_order() {
        let numbers = vec!["+442079460000".to_string(), "+442079460001".to_string()];
        let items = vec!["+44 20 7946 0001 voice_app".to_string(), "user".to_string()];
        assert_eq!(
            normalise_usages(&items, &numbers, gb()),
            ["+442079460000 user", "+442079460001 voice_app"]
        );
        assert!(
            usage_problems(&normalise_usages(&items, &numbers, gb()), &numbers, gb()).is_empty()
        );
    }

    #[test]
    fn each_number_needs_one_and_strangers_are_named() {
        let numbers = vec!["+442079460000".to_string(), "+442079460001".to_string()];
        let items = vec!["+442079460002 user".to_string(), "fax".to_string()];
        let stored = normalise_usages(&items, &numbers, gb());
        assert_eq!(stored, ["+442079460002 user", "fax"]);
        let problems = usage_problems(&stored, &numbers, gb());
        assert_eq!(
            problems,
            [
                "+442079460002 is not one of this order's numbers",
                "`fax` should be a number and its usage (user, voice_app or conference)",
                "+442079460000 and 1 more have no usage: type `+442079460000 user` (or a usage alone, e.g. `user`, for every number without one)",
            ]
        );
    }
}
