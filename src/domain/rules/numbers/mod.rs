//! The phone numbers of an order: parsing what the user typed, pasted or imported, and saying
//! for each entry what is wrong and what would be right. Validity comes from `phonenumber`.

mod classify;
mod csv_import;
mod nanp;
mod range;
mod split;

pub use csv_import::{
    CsvCell, CsvNumbers, CsvRowError, Sheet, SheetRow, parse_numbers_csv, read_sheet,
};

use super::choices::NumberType;
use super::country::Country;
use super::error::RuleError;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The most numbers one order keeps: a Service Center case (the wizard takes at most
/// [`super::service_center::WIZARD_MAX_NUMBERS`]; a larger order is routed to the Service Center).
pub const MAX_NUMBERS_PER_ORDER: usize = super::service_center::SERVICE_CENTER_MAX_NUMBERS;

/// What phonenumber says of a valid number: whether it is toll-free, and its region's ISO code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberFacts {
    pub toll_free: bool,
    pub region: Option<String>,
}

/// [`NumberFacts`] of a number written with its country code (`+…`); `None` when phonenumber
/// does not take it. Remembered as the checks' verdicts are.
pub fn number_facts(text: &str) -> Option<NumberFacts> {
    classify::facts_of(text)
}

/// Build phonenumber's tables and the North American patterns now (a few tens of
/// milliseconds, once a process): the app does it on a thread of its own at start, so the
/// first order opened is checked at once.
pub fn warm_up() {
    for number in ["+12065550123", "+442079460000"] {
        let _ = number_facts(number);
    }
}

/// NANP toll-free area codes.
pub const TOLL_FREE_AREA_CODES: [&str; 7] = ["800", "833", "844", "855", "866", "877", "888"];

/// What is wrong with an entry that isn't a number at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotANumberReason {
    /// Letters, e.g. a typo `O` for `0`, or a vanity number.
    Letters,
    /// An extension after the number (`x123`, `ext. 4`).
    Extension,
    /// A character no phone number has.
    BadCharacter(char),
    /// Too few or too many digits for a North American number.
    DigitCount(usize),
    /// The right shape, but phonenumber knows no such number (area code or exchange).
    Invalid,
}

/// The verdict on one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberState {
    Valid,
    /// The same number (after normalisation) as the entry at index `first`.
    Duplicate {
        first: usize,
    },
    /// A valid number of another country: `region` is its ISO code ("CA", "GB") or, when
    /// phonenumber names none, its country calling code ("+44").
    WrongCountry {
        region: String,
        expected: Country,
    },
    /// A range such as `4255550100-0199`. `numbers` lists each number in E.164 (empty when the
    /// range runs backwards or holds more than the wizard takes).
    Range {
        numbers: Vec<String>,
    },
    NotANumber {
        reason: NotANumberReason,
    },
    /// A toll-free number in a geographic or mobile order, or the reverse.
    WrongType {
        expected: NumberType,
    },
    /// A valid number of the order's country that cannot be ported (the UK's 0845, UIFN, a
    /// mobile outside North America): `what` it is and the rule's source.
    NotPortable {
        what: String,
        source: String,
    },
}

/// One entry as the user wrote it, with its normalised form and verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberEntry {
    /// The text as typed (trimmed).
    pub raw: String,
    /// E.164 (`+14255550100`) when the entry is a recognisable number.
    pub e164: Option<String>,
    pub state: NumberState,
    /// The 1-based spreadsheet row, for numbers read from a CSV file.
    pub row: Option<usize>,
}

impl NumberEntry {
    pub fn is_valid(&self) -> bool {
        self.state == NumberState::Valid
    }

    /// What is wrong and what would be right; `None` for a valid entry.
    pub fn message(&self) -> Option<String> {
        let raw = &self.raw;
        let at_row = self.row.map(|r| format!("Row {r}: ")).unwrap_or_default();
        let text = match &self.state {
            NumberState::Valid => return None,
            NumberState::Duplicate { .. } => format!(
                "{raw} is listed twice (as {}); remove the repeat.",
                self.e164.as_deref().unwrap_or(raw)
            ),
            NumberState::WrongCountry { region, expected } => format!(
                "{raw} is {}; this order is for numbers in {}. Each country needs its own order.",
                describe_region(region),
                expected.in_sentence()
            ),
            NumberState::Range { numbers } => range::message(raw, numbers),
            NumberState::NotANumber { reason } => not_a_number_message(raw, reason),
            NumberState::WrongType { expected } => wrong_type_message(raw, *expected),
            NumberState::NotPortable { what, source } => {
                format!("{raw} is {what}, which cannot be ported to Teams ({source}).")
            }
        };
        Some(format!("{at_row}{text}"))
    }
}

fn describe_region(region: &str) -> String {
    match region {
        "US" => "a US number".to_string(),
        "CA" => "a Canadian number".to_string(),
        "PR" => "a Puerto Rico number".to_string(),
        other if other.starts_with('+') => format!("a number with country code {other}"),
        other => format!("a number from another country ({other})"),
    }
}

fn not_a_number_message(raw: &str, reason: &NotANumberReason) -> String {
    const SHAPE: &str = "10 digits, or +1 and 10 digits (e.g. 425 555 0100 or +14255550100)";
    match reason {
        NotANumberReason::Letters => {
            format!("{raw} contains letters; write the number with digits only: {SHAPE}.")
        }
        NotANumberReason::Extension => format!(
            "{raw} has an extension; extensions aren't ported, enter the main number only: {SHAPE}."
        ),
        NotANumberReason::BadCharacter(c) => format!(
            "{raw} contains `{c}`, which a phone number can't have; write {SHAPE}, \
             separated by commas, semicolons or new lines."
        ),
        NotANumberReason::DigitCount(n) => {
            let digits = if *n == 1 { "digit" } else { "digits" };
            format!("{raw} has {n} {digits}; a North American number has {SHAPE}.")
        }
        NotANumberReason::Invalid => format!(
            "{raw} is not a valid phone number (no such area code or exchange); check it \
             against the carrier's bill."
        ),
    }
}

fn wrong_type_message(raw: &str, expected: NumberType) -> String {
    let codes = TOLL_FREE_AREA_CODES.join(", ");
    match expected {
        NumberType::TollFree => format!(
            "{raw} is not a toll-free number (toll-free numbers start with {codes}); this \
             order is for toll-free numbers, so put it in a geographic or mobile order."
        ),
        other => format!(
            "{raw} is a toll-free number; this order is for {} numbers. Toll-free numbers go \
             in their own toll-free order.",
            other.label().to_lowercase()
        ),
    }
}

/// Counts of entries by verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StateCounts {
    pub valid: usize,
    pub duplicate: usize,
    pub wrong_country: usize,
    pub range: usize,
    pub not_a_number: usize,
    pub wrong_type: usize,
    pub not_portable: usize,
}

/// Every entry with its verdict, and the distinct valid numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NumbersReport {
    pub entries: Vec<NumberEntry>,
    /// The valid numbers in E.164, without repeats, in the order first written.
    pub unique_valid: Vec<String>,
}

impl NumbersReport {
    pub fn valid_count(&self) -> usize {
        self.unique_valid.len()
    }

    /// Entries that need the user's attention.
    pub fn problems(&self) -> impl Iterator<Item = &NumberEntry> {
        self.entries.iter().filter(|e| !e.is_valid())
    }

    pub fn problem_count(&self) -> usize {
        self.problems().count()
    }

    pub fn counts(&self) -> StateCounts {
        let mut c = StateCounts::default();
        for e in &self.entries {
            match e.state {
                NumberState::Valid => c.valid += 1,
                NumberState::Duplicate { .. } => c.duplicate += 1,
                NumberState::WrongCountry { .. } => c.wrong_country += 1,
                NumberState::Range { .. } => c.range += 1,
                NumberState::NotANumber { .. } => c.not_a_number += 1,
                NumberState::WrongType { .. } => c.wrong_type += 1,
                NumberState::NotPortable { .. } => c.not_portable += 1,
            }
        }
        c
    }

    /// The numbers for the order, or the first reason they can't be used: no numbers, any entry
    /// with a problem, or 1,000 numbers or more.
    pub fn to_result(&self) -> Result<Vec<String>, RuleError> {
        if self.entries.is_empty() {
            return Err(RuleError::new(
                "Enter at least one phone number: 10 digits or +1 and 10 digits, separated by \
                 commas, semicolons or new lines.",
            ));
        }
        let mut problems = self.problems();
        if let Some(first) = problems.next() {
            let others = problems.count();
            let message = first.message().unwrap_or_default();
            return Err(RuleError::new(if others == 0 {
                message
            } else {
                format!("{message} ({others} more entries need fixing.)")
            }));
        }
        check_number_count(self.unique_valid.len())?;
        Ok(self.unique_valid.clone())
    }
}

/// A number of the NANP's fictional range 555-0100 through 555-0199 (any area code), kept for
/// films and examples: no carrier holds it, so it never ports.
pub fn is_fictional(number: &str) -> bool {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let national = digits.strip_prefix('1').unwrap_or(&digits);
    national.len() == 10 && national[3..6] == *"555" && national[6..8] == *"01"
}

/// More numbers than one order keeps (orders over 999 go to the Service Center as a case, up to
/// 10,000: `service_center`).
pub fn check_number_count(count: usize) -> Result<(), RuleError> {
    if count > MAX_NUMBERS_PER_ORDER {
        return Err(RuleError::new(format!(
            "This order has {} numbers; one order (a Service Center case) takes at most {}. \
             Split them into several orders (portwiz split FILE.csv does it by the sheet).",
            super::text::thousands(count),
            super::text::thousands(MAX_NUMBERS_PER_ORDER)
        )));
    }
    Ok(())
}

/// Parses typed or pasted numbers: 10-digit or E.164, separated by commas, semicolons, spaces
/// or new lines, with dashes, dots, brackets and spaces allowed inside a number. `number_type`
/// `None` skips the toll-free check (the type isn't chosen yet).
pub fn parse_numbers(
    text: &str,
    country: Country,
    number_type: Option<NumberType>,
) -> NumbersReport {
    NumberParser::new(country, number_type).parse(text)
}

/// [`parse_numbers`] of a long text, shared: the wizard's verdicts on the typed numbers and the
/// numbers field's check parse the same 10,000 lines at each key typed in them, so the reports
/// of the last two long texts are kept (the answer depends only on the text, the country and
/// the type). A short text is parsed afresh: keeping it would cost about as much.
pub fn parse_numbers_shared(
    text: &str,
    country: Country,
    number_type: Option<NumberType>,
) -> Arc<NumbersReport> {
    type Parsed = (String, Country, Option<NumberType>, Arc<NumbersReport>);
    static KEPT: Mutex<Vec<Parsed>> = Mutex::new(Vec::new());
    const LONG: usize = 4_096;
    const TEXTS: usize = 2;
    if text.len() < LONG {
        return Arc::new(parse_numbers(text, country, number_type));
    }
    if let Ok(kept) = KEPT.lock()
        && let Some((.., report)) = kept
            .iter()
            .find(|(t, c, n, _)| *c == country && *n == number_type && t == text)
    {
        return Arc::clone(report);
    }
    let report = Arc::new(parse_numbers(text, country, number_type));
    if let Ok(mut kept) = KEPT.lock() {
        if kept.len() >= TEXTS {
            kept.remove(0);
        }
        kept.push((text.to_string(), country, number_type, Arc::clone(&report)));
    }
    report
}

/// [`parse_numbers`] for many texts of one country and type (a list's items, a sheet's cells):
/// the remembered verdicts are taken once for all of them, not once a text.
pub struct NumberParser {
    country: Country,
    verdicts: classify::Verdicts,
}

impl NumberParser {
    pub fn new(country: Country, number_type: Option<NumberType>) -> NumberParser {
        NumberParser {
            country,
            verdicts: classify::Verdicts::of(country, number_type),
        }
    }

    pub fn parse(&mut self, text: &str) -> NumbersReport {
        let raws = entries(text, self.country);
        build_report(raws.into_iter().map(|r| (r, None)), &mut self.verdicts)
    }

    /// The numbers of one item of a list in E.164, each once, when every entry of it is a
    /// valid number (or a repeat of one of it); `None` otherwise. An item of one piece (no
    /// space, no separator: a stored number) is looked up without a report.
    pub fn valid_numbers(&mut self, item: &str) -> Option<Vec<String>> {
        let one_piece = !item.is_empty()
            && !item.contains(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
        if one_piece {
            return match self.verdicts.classify(item) {
                (Some(e164), NumberState::Valid) => Some(vec![e164]),
                _ => None,
            };
        }
        let report = self.parse(item);
        let all_valid = !report.entries.is_empty()
            && report
                .entries
                .iter()
                .all(|e| matches!(e.state, NumberState::Valid | NumberState::Duplicate { .. }));
        all_valid.then_some(report.unique_valid)
    }
}

/// The entries of a text: its candidate numbers, except that a piece of it (between commas,
/// semicolons and line breaks) of words without digits is one entry: "call me" or "not a number"
/// is one thing that is not a number, not two or three.
pub(super) fn entries(text: &str, country: Country) -> Vec<&str> {
    // Outside North America a number without `+` is a national one (`020 7946 0000`), as long
    // as phonenumber says; in North America it is 10 digits.
    let nanp = matches!(country, Country::Us | Country::Ca | Country::Pr);
    let is_valid = |s: &str| classify::is_valid_in(s, country);
    let mut out = Vec::new();
    for chunk in text.split([',', ';', '\n', '\r']) {
        // A chunk without spaces is one candidate (most of a long list: one number a line).
        if !chunk.contains(char::is_whitespace) {
            if !chunk.is_empty() {
                out.push(chunk);
            }
            continue;
        }
        let pieces = split::candidates(chunk, nanp, &is_valid);
        if pieces.len() > 1 && pieces.iter().all(|p| split::digit_count(p) == 0) {
            out.push(chunk.trim());
        } else {
            out.extend(pieces);
        }
    }
    out
}

/// Classifies candidates in order, tracking repeats.
fn build_report<'a>(
    raws: impl Iterator<Item = (&'a str, Option<usize>)>,
    verdicts: &mut classify::Verdicts,
) -> NumbersReport {
    let mut report = NumbersReport {
        entries: Vec::with_capacity(raws.size_hint().0),
        unique_valid: Vec::with_capacity(raws.size_hint().0),
    };
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(raws.size_hint().0);
    for (raw, row) in raws {
        let raw = raw.trim();
        let (e164, mut state) = verdicts.classify(raw);
        if let Some(e164) = &e164 {
            // Any earlier entry with the same number, whatever its verdict, makes this a repeat.
            match seen.get(e164) {
                Some(&first) => state = NumberState::Duplicate { first },
                None => {
                    seen.insert(e164.clone(), report.entries.len());
                }
            }
            if state == NumberState::Valid {
                report.unique_valid.push(e164.clone());
            }
        }
        report.entries.push(NumberEntry {
            raw: raw.to_string(),
            e164,
            state,
            row,
        });
    }
    report
}

#[cfg(test)]
mod tests;
