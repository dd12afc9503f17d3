//! The verdict on one candidate: its E.164 form and state (before duplicate detection).

use super::range;
use super::split::{digit_count, is_dash};
use super::{NotANumberReason, NumberState, TOLL_FREE_AREA_CODES};
use crate::domain::countries::rulebook;
use crate::domain::rules::choices::NumberType;
use crate::domain::rules::country::Country;
use phonenumber::{Mode, PhoneNumber, Type};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Longest number E.164 allows; longer input is refused before phonenumber sees it.
const MAX_E164_DIGITS: usize = 15;

/// Whether `text` is a whole valid number: a `+` number of any country, or a national number
/// of `country`.
pub(super) fn is_valid_in(text: &str, country: Country) -> bool {
    if text.trim_start_matches(['(', ' ']).starts_with('+') {
        return is_valid_international(text);
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    national_to_e164(&digits, country).is_ok_and(|e164| facts(&e164).is_some())
}

/// Whether `text` (a `+` number of any country) is a whole valid number.
pub(super) fn is_valid_international(text: &str) -> bool {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    (8..=MAX_E164_DIGITS).contains(&digits.len()) && facts(&format!("+{digits}")).is_some()
}

/// The facts of a `+` number, for `number_facts`.
pub(super) fn facts_of(text: &str) -> Option<super::NumberFacts> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if !(8..=MAX_E164_DIGITS).contains(&digits.len()) {
        return None;
    }
    facts(&format!("+{digits}")).map(|f| super::NumberFacts {
        toll_free: f.toll_free,
        region: f.region,
    })
}

fn parse_valid(e164: &str) -> Option<PhoneNumber> {
    phonenumber::parse(None, e164).ok().filter(|n| n.is_valid())
}

/// What phonenumber says of a valid number, kept so that asking again costs a lookup.
#[derive(Debug, Clone)]
struct Facts {
    e164: String,
    toll_free: bool,
    /// A mobile number by phonenumber's metadata (outside North America, where it can tell).
    mobile: bool,
    region: Option<String>,
    code: u16,
}

/// Numbers seen before, with their facts (`None`: not a valid number). phonenumber spends tens of
/// microseconds a number, and the same numbers are checked again at every keystroke and review,
/// so an order of 999 numbers would cost tens of milliseconds each time. The answer depends only
/// on the text, so memoising keeps the function pure; the table is emptied when it grows large.
fn facts(e164: &str) -> Option<Facts> {
    if let Some(national) = e164.strip_prefix("+1")
        && let Some(region) = super::nanp::region_of(national)
    {
        return region.map(|region| Facts {
            e164: e164.to_string(),
            toll_free: TOLL_FREE_AREA_CODES.iter().any(|c| national.starts_with(c)),
            mobile: false,
            region: Some(region.to_string()),
            code: 1,
        });
    }
    static CACHE: OnceLock<Mutex<HashMap<String, Option<Facts>>>> = OnceLock::new();
    const MAX_REMEMBERED: usize = 100_000;
    let cache = CACHE.get_or_init(Default::default);
    if let Ok(map) = cache.lock()
        && let Some(known) = map.get(e164)
    {
        return known.clone();
    }
    let found = parse_valid(e164).map(|number| Facts {
        e164: number.format().mode(Mode::E164).to_string(),
        toll_free: is_nanp_toll_free(&number)
            || (number.code().value() != 1 && number_type(&number) == Type::TollFree),
        mobile: number.code().value() != 1 && number_type(&number) == Type::Mobile,
        region: number.country().id().map(|id| id.as_ref().to_string()),
        code: number.code().value(),
    });
    if let Ok(mut map) = cache.lock() {
        if map.len() >= MAX_REMEMBERED {
            map.clear();
        }
        map.insert(e164.to_string(), found.clone());
    }
    found
}

/// Characters allowed inside a number besides digits: spaces, dashes, dots, brackets, slash.
fn allowed_punctuation(c: char) -> bool {
    c.is_whitespace() || is_dash(c) || matches!(c, '.' | '(' | ')' | '/')
}

fn not_a_number(reason: NotANumberReason) -> (Option<String>, NumberState) {
    (None, NumberState::NotANumber { reason })
}

/// An entry's E.164 form and verdict.
type Verdict = (Option<String>, NumberState);

/// The verdicts of one country and number type, by the candidate's text.
type Known = HashMap<String, Verdict>;

/// The verdicts of every country and type asked about.
type Table = HashMap<(Country, Option<NumberType>), Known>;

/// Verdicts given before.
static REMEMBERED: Mutex<Option<Table>> = Mutex::new(None);

/// The most verdicts kept (a few MB: three Service Center cases); the table is emptied when
/// it grows past.
const MAX_VERDICTS: usize = 30_000;

/// The verdicts on the candidates of one list, remembered by their text (as `facts` are), so
/// that the other 9,999 numbers of a Service Center case cost a lookup each when one is typed
/// or the list is checked again (each costs phonenumber's patterns and several copies afresh).
/// The country's and type's table is taken for the list and put back when done, so a list
/// takes the lock twice, not once a number; the answer depends only on the text.
pub(super) struct Verdicts {
    of: (Country, Option<NumberType>),
    known: Known,
}

impl Verdicts {
    pub(super) fn of(country: Country, number_type: Option<NumberType>) -> Verdicts {
        let of = (country, number_type);
        let known = REMEMBERED
            .lock()
            .ok()
            .and_then(|mut table| table.as_mut()?.remove(&of))
            .unwrap_or_default();
        Verdicts { of, known }
    }

    /// The verdict on one candidate: its E.164 form (when it is a recognisable number) and
    /// state, before duplicates are looked for.
    pub(super) fn classify(&mut self, raw: &str) -> Verdict {
        if let Some(known) = self.known.get(raw) {
            return known.clone();
        }
        let verdict = classify(raw, self.of.0, self.of.1);
        if self.known.len() < MAX_VERDICTS {
            self.known.insert(raw.to_string(), verdict.clone());
        }
        verdict
    }
}

impl Drop for Verdicts {
    fn drop(&mut self) {
        let known = std::mem::take(&mut self.known);
        if let Ok(mut table) = REMEMBERED.lock() {
            let table = table.get_or_insert_default();
            let others: usize = table.values().map(HashMap::len).sum();
            if others + known.len() > MAX_VERDICTS {
                table.clear();
            }
            table.insert(self.of, known);
        }
    }
}

fn classify(raw: &str, country: Country, number_type: Option<NumberType>) -> Verdict {
    if let Some(numbers) = range::expand(raw) {
        return (None, NumberState::Range { numbers });
    }
    let e164 = match to_e164(raw, country) {
        Ok(e164) => e164,
        Err(reason) => return not_a_number(reason),
    };
    let Some(number) = facts(&e164) else {
        return not_a_number(NotANumberReason::Invalid);
    };
    let toll_free = number.toll_free;
    let e164 = number.e164.clone();
    if let Some(state) = not_portable(&number, country) {
        return (Some(e164), state);
    }
    // NANP toll-free numbers belong to no one country: phonenumber files them under US.
    if !toll_free && let Some(region) = wrong_region(&number, country) {
        return (
            Some(e164),
            NumberState::WrongCountry {
                region,
                expected: country,
            },
        );
    }
    let state = match number_type {
        Some(NumberType::TollFree) if !toll_free => NumberState::WrongType {
            expected: NumberType::TollFree,
        },
        Some(expected @ (NumberType::Geographic | NumberType::Mobile)) if toll_free => {
            NumberState::WrongType { expected }
        }
        _ => NumberState::Valid,
    };
    (Some(e164), state)
}

fn number_type(number: &PhoneNumber) -> Type {
    number.number_type(&phonenumber::metadata::DATABASE)
}

/// Why a valid number cannot be ported from `country`: a range the rulebook names (the UK's
/// 0845, UIFN), or a mobile number outside North America (Microsoft ports mobiles only there).
fn not_portable(number: &Facts, country: Country) -> Option<NumberState> {
    let book = rulebook();
    let rules = country.rules()?;
    if let Some(range) = book.not_portable(rules, &number.e164) {
        return Some(NumberState::NotPortable {
            what: range.what.clone(),
            source: range.source.clone(),
        });
    }
    let region_fits = wrong_region(number, country).is_none();
    if number.mobile && region_fits && rules.takes_number_type("mobile").is_none() {
        let source = book
            .get("US")
            .and_then(|us| us.takes_number_type("mobile"))
            .map_or_else(String::new, |t| t.source.clone());
        return Some(NumberState::NotPortable {
            what: "a mobile number".to_string(),
            source,
        });
    }
    None
}

/// The candidate in `+<digits>` form, or why it isn't a number. Without a `+`, a number is
/// read as a national number of `country` (10 digits in North America; `020 7946 0000` in the
/// UK), as phonenumber knows each country's trunk prefix.
fn to_e164(raw: &str, country: Country) -> Result<String, NotANumberReason> {
    let lower = raw.to_lowercase();
    if lower.chars().any(char::is_alphabetic) {
        let has_extension = lower.contains("ext")
            || lower
                .split('x')
                .skip(1)
                .any(|after| after.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        return Err(if has_extension && digit_count(raw) >= 10 {
            NotANumberReason::Extension
        } else {
            NotANumberReason::Letters
        });
    }
    // A `+` may only open the number (possibly after a bracket).
    let body = raw.trim_start_matches('(').trim_start();
    let (plus, body) = match body.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    if let Some(bad) = body
        .chars()
        .find(|c| !c.is_ascii_digit() && !allowed_punctuation(*c))
    {
        return Err(NotANumberReason::BadCharacter(bad));
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    if !plus && !matches!(country, Country::Us | Country::Ca | Country::Pr) {
        return national_to_e164(&digits, country);
    }
    match (plus, digits.len()) {
        (true, 8..=MAX_E164_DIGITS) => Ok(format!("+{digits}")),
        (false, 10) => Ok(format!("+1{digits}")),
        (false, 11) if digits.starts_with('1') => Ok(format!("+{digits}")),
        (_, n) => Err(NotANumberReason::DigitCount(n)),
    }
}

fn national_to_e164(digits: &str, country: Country) -> Result<String, NotANumberReason> {
    if !(4..=MAX_E164_DIGITS).contains(&digits.len()) {
        return Err(NotANumberReason::DigitCount(digits.len()));
    }
    let id = country
        .as_str()
        .parse::<phonenumber::country::Id>()
        .map_err(|_| NotANumberReason::Invalid)?;
    phonenumber::parse(Some(id), digits)
        .map(|n| n.format().mode(Mode::E164).to_string())
        .map_err(|_| NotANumberReason::Invalid)
}

fn national(number: &PhoneNumber) -> String {
    number.national().value().to_string()
}

fn is_nanp_toll_free(number: &PhoneNumber) -> bool {
    number.code().value() == 1
        && TOLL_FREE_AREA_CODES
            .iter()
            .any(|code| national(number).starts_with(code))
}

/// The number's region when it isn't one of `country`'s: a US order takes US and Puerto Rico
/// numbers (PR is a US state code for the service address too), a Canadian order Canadian ones,
/// a Puerto Rico order Puerto Rico ones. A valid number phonenumber names no region for (Italy's
/// +39 is shared with the Vatican, so Milan's 02 numbers have none) fits the country whose
/// calling code it has.
fn wrong_region(number: &Facts, country: Country) -> Option<String> {
    let region = number.region.clone();
    let own_code = || {
        phonenumber::metadata::DATABASE
            .by_id(country.as_str())
            .is_some_and(|m| m.country_code() == number.code)
    };
    let fits = matches!(
        (country, region.as_deref()),
        (Country::Us, Some("US" | "PR"))
    ) || region.as_deref() == Some(country.as_str())
        || (region.is_none() && own_code());
    if fits {
        None
    } else {
        Some(region.unwrap_or_else(|| format!("+{}", number.code)))
    }
}
