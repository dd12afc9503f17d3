//! Numbers one by one: what the carrier said of single numbers of an order ("425-555-0106 belongs
//! to another BAN", "TN not found on account", "disconnected", "not portable"). A rejection's
//! text is read clause by clause: each number of the order a clause names, with a word for what
//! is wrong with it, is marked with that problem and the clause, the carrier's own words. The
//! marks are kept on the order by number (`Order::number_marks`), so they survive export and
//! import and merge number by number (`domain::merge`); moving the marked numbers out into a
//! draft of their own is `domain::move_out`.

use super::rules::{Country, parse_numbers};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The longest clause of the carrier's words kept with a mark, in bytes (a clause, not a letter).
pub const MARK_WORDS_LIMIT: usize = 500;

/// What the carrier said is wrong with one number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberProblem {
    /// Not on the account the order names ("not found on account", "belongs to another BAN").
    NotOnAccount,
    /// Disconnected, inactive or not in service at the carrier.
    Disconnected,
    /// The carrier says it cannot be ported.
    NotPortable,
    /// Held by another carrier than the order names.
    WrongCarrier,
    /// Named as rejected without a word portwiz reads (and any problem a newer portwiz wrote).
    #[serde(other)]
    Other,
}

impl NumberProblem {
    /// A few words for people ("not on the account").
    pub const fn label(self) -> &'static str {
        match self {
            NumberProblem::NotOnAccount => "not on the account",
            NumberProblem::Disconnected => "disconnected",
            NumberProblem::NotPortable => "not portable",
            NumberProblem::WrongCarrier => "wrong carrier",
            NumberProblem::Other => "rejected",
        }
    }

    /// What to do about a number marked so.
    pub const fn advice(self) -> &'static str {
        match self {
            NumberProblem::NotOnAccount => {
                "it is on another account: move it out into an order with that account's number"
            }
            NumberProblem::Disconnected => {
                "the carrier has it disconnected: have it reconnected, or move it out and drop it"
            }
            NumberProblem::NotPortable => {
                "the carrier will not port it: move it out and ask the carrier why"
            }
            NumberProblem::WrongCarrier => {
                "another carrier holds it: move it out into an order to that carrier"
            }
            NumberProblem::Other => "check it with the carrier, or move it out",
        }
    }
}

/// One number as the carrier marked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberMark {
    pub problem: NumberProblem,
    /// The clause of the carrier's text that named the number: cleaned like a field value, at
    /// most [`MARK_WORDS_LIMIT`] bytes (on the way in from a file too).
    #[serde(deserialize_with = "read_words")]
    pub words: String,
    /// When the rejection that named it was recorded.
    pub at: Timestamp,
}

fn read_words<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(mark_words(&String::deserialize(d)?))
}

/// The carrier's words as a mark keeps them: one clean line, capped.
pub fn mark_words(raw: &str) -> String {
    let mut words = super::sanitize::value_text(raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    super::sanitize::cut_to(&mut words, MARK_WORDS_LIMIT);
    words
}

impl NumberMark {
    /// `not on the account: "425-555-0106 belongs to another BAN"` (the words as stored: the
    /// front end cleans them for its terminal, as any stored text).
    pub fn describe(&self) -> String {
        format!("{}: \"{}\"", self.problem.label(), self.words)
    }
}

/// A number a text names, in E.164, with what the text says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedNumber {
    pub number: String,
    pub problem: NumberProblem,
    pub words: String,
}

/// The words that say what is wrong with a number, most specific first (a clause is read as the
/// first problem whose words it holds). Lower case, matched on the clause in lower case.
const CUES: &[(NumberProblem, &[&str])] = &[
    (
        NumberProblem::NotPortable,
        &[
            "not portable",
            "non-portable",
            "non portable",
            "nonportable",
            "cannot be ported",
            "can't be ported",
            "can not be ported",
            "unable to port",
            "not eligible for port",
            "not eligible to port",
        ],
    ),
    (
        NumberProblem::Disconnected,
        &[
            "disconnect",
            "not in service",
            "out of service",
            "no longer in service",
            "inactive",
            "not active",
            "not working",
        ],
    ),
    (
        NumberProblem::WrongCarrier,
        &[
            "wrong carrier",
            "another carrier",
            "different carrier",
            "other carrier",
            "not our customer",
            "not served by",
            "ported away",
            "not our number",
            "not owned by",
            "wrong losing carrier",
            "another provider",
            "different provider",
        ],
    ),
    (
        NumberProblem::NotOnAccount,
        &[
            "not on account",
            "not on the account",
            "not found on",
            "another ban",
            "different ban",
            "another account",
            "different account",
            "not associated with",
            "not listed on",
            "not on the csr",
            "not on csr",
            "does not belong to",
            "doesn't belong to",
            "not under this account",
            "not found",
        ],
    ),
    (
        NumberProblem::Other,
        &[
            "invalid tn",
            "tn rejected",
            "rejected tn",
            "tn is invalid",
            "number rejected",
            "numbers rejected",
            "rejected number",
        ],
    ),
];

/// The problem a clause names, if it names one.
fn problem_in(clause: &str) -> Option<NumberProblem> {
    let lower = clause.to_lowercase();
    CUES.iter()
        .find(|(_, words)| words.iter().any(|w| lower.contains(w)))
        .map(|(problem, _)| *problem)
}

/// The clauses of a text: its lines, cut at `;` and at a full stop that ends a sentence (a dot
/// inside `425.555.0106` does not).
fn clauses(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let ends = match b {
                b';' | b'!' | b'?' => true,
                b'.' => bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()),
                _ => false,
            };
            if ends {
                out.push(&line[start..=i]);
                start = i + 1;
            }
        }
        out.push(&line[start..]);
    }
    out.into_iter().filter(|c| !c.trim().is_empty()).collect()
}

/// The valid numbers of `country` (or `+` numbers of any) a clause writes, in E.164.
fn numbers_in(clause: &str, country: Country) -> Vec<String> {
    if !clause.chars().any(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    // `TN 4255550106: not found`, `"4255550106"`: marks around a number are no part of it.
    let spaced: String = clause
        .chars()
        .map(|c| {
            if matches!(c, ':' | '"' | '\'' | '“' | '”' | '#' | '=') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut found: Vec<String> = Vec::new();
    for entry in parse_numbers(&spaced, country, None).entries {
        if let Some(e164) = entry.e164
            && !found.contains(&e164)
        {
            found.push(e164);
        }
    }
    found
}

/// Whether a clause is a line of a list (numbers, perhaps "TN" or a dash): a sentence of words
/// after a heading ("call us at 800 555 0100") is not one of its items.
fn is_list_line(clause: &str) -> bool {
    clause.chars().filter(|c| c.is_alphabetic()).count() <= 6
}

/// Every number the text names with a problem: a clause that names numbers and a problem marks
/// them with it; numbers in a clause without a problem take the problem of the heading before
/// them ("The following TNs are disconnected:" then one number a line). A number named twice
/// keeps its first reading. Numbers named without any problem (a BTN quoted, a callback number)
/// are not returned.
pub fn named_numbers(text: &str, country: Country) -> Vec<NamedNumber> {
    let mut out: Vec<NamedNumber> = Vec::new();
    let mut heading: Option<(NumberProblem, &str)> = None;
    for clause in clauses(text) {
        let numbers = numbers_in(clause, country);
        let problem = problem_in(clause);
        let (problem, words) = match (problem, numbers.is_empty()) {
            (Some(p), true) => {
                heading = Some((p, clause));
                continue;
            }
            (Some(p), false) => (p, mark_words(clause)),
            (None, false) if is_list_line(clause) => match heading {
                Some((p, head)) => (p, mark_words(&format!("{} {}", head.trim(), clause.trim()))),
                None => continue,
            },
            (None, _) => {
                heading = None;
                continue;
            }
        };
        for number in numbers {
            if !out.iter().any(|n| n.number == number) {
                out.push(NamedNumber {
                    number,
                    problem,
                    words: words.clone(),
                });
            }
        }
    }
    out
}

/// The numbers of `numbers` (an order's, in E.164) that `text` names with a problem.
pub fn named_among(text: &str, country: Country, numbers: &[String]) -> Vec<NamedNumber> {
    let mut named = named_numbers(text, country);
    named.retain(|n| numbers.contains(&n.number));
    named
}

#[cfg(test)]
mod tests;
