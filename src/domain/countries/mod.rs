//! The country rulebook: what portwiz knows of each Teams Calling Plans country, as data
//! (`assets/countries.json`, parsed once), each rule with its source. A country is added or
//! corrected there, not here: this module only reads the data and applies it (holidays, ranges
//! that cannot be ported); the checks of typed values against it (postcodes, identifiers) are
//! the rules' (`rules/postcode.rs`, `rules/identifiers.rs`). It stands below `rules` and
//! imports nothing of it. docs/countries.md gives the format.

mod holidays;
mod identifiers;
#[cfg(test)]
mod tests;
pub mod us_federal;

pub use holidays::CountryHoliday;
pub use identifiers::IdentifierFormat;

use serde::Deserialize;
use std::sync::OnceLock;

/// How an order of a country reaches Microsoft (docs/countries.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// The new porting wizard's seven pages (US, Puerto Rico, Canada).
    UsCanada,
    /// The classic wizard: Get started, Manage numbers, account information, number features,
    /// Complete your order.
    AllRegions,
    /// A case at the Phone Number Service Center.
    ServiceCenter,
}

impl Route {
    pub const fn label(self) -> &'static str {
        match self {
            Route::UsCanada => "US & Canada wizard",
            Route::AllRegions => "All regions wizard",
            Route::ServiceCenter => "Phone Number Service Center",
        }
    }
}

/// A value and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    pub value: T,
    pub source: String,
}

/// A number type the wizard takes in this country.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberTypeRule {
    /// The `number_type` key: geographic, toll_free, mobile.
    #[serde(rename = "type")]
    pub key: String,
    pub source: String,
}

/// A range that cannot be ported: every E.164 number starting with `prefix`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotPortable {
    pub prefix: String,
    /// What the range is, for a sentence: "0845 non-geographic".
    pub what: String,
    pub source: String,
}

/// How the country's post writes a postcode.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostcodeRule {
    /// Shapes the code may take: `9` a digit, `A` a letter, `X` either, anything else itself.
    #[serde(default)]
    pub templates: Vec<String>,
    /// A validator of portwiz's own for formats templates cannot say (`us_zip`, `ca_postal`).
    #[serde(default)]
    pub format: Option<String>,
    /// Written before the code by the post (`LV-`); optional when typed.
    #[serde(default)]
    pub prefix: Option<String>,
    pub example: String,
    pub source: String,
}

/// Whether the service address has a state, province or prefecture line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionRule {
    pub label: String,
    pub required: bool,
    /// The codes the post uses, when the list is short and fixed.
    #[serde(default)]
    pub codes: Vec<String>,
    pub source: String,
}

/// Who asks for an identifier: Microsoft (a missing one is an error) or peers' guides say the
/// losing carriers do (a warning naming the source).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AskedBy {
    Microsoft,
    Peers,
}

/// An identifier the country's carriers ask for, stored as `identifiers.<name>`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentifierRule {
    pub name: String,
    pub label: String,
    pub format: IdentifierFormat,
    pub asked_by: AskedBy,
    pub source: String,
    pub help: String,
    /// The number types it applies to; empty: all.
    #[serde(default)]
    pub number_types: Vec<String>,
    /// Asked, but only some orders need it (France's head number): no warning when missing.
    #[serde(default)]
    pub optional: bool,
}

/// Business days of notice a port needs, and who says so.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadTime {
    /// `None`: no source states one.
    pub business_days: Option<u32>,
    /// `microsoft`, `peers` or `none`.
    pub by: String,
    pub source: String,
}

/// How many business days the losing carrier usually takes to answer a port request (a FOC or a
/// rejection), and who says so: past the upper figure the carrier is worth chasing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerTime {
    /// The usual range, `[fewest, most]`.
    pub business_days: [u32; 2],
    /// `microsoft` or `peers`.
    pub by: String,
    pub source: String,
}

/// One form Microsoft publishes for porting in this country.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoaForm {
    pub number_types: Vec<String>,
    pub language: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoaRule {
    pub forms: Vec<LoaForm>,
    pub source: String,
    /// Where the sources disagree or a form is missing, said plainly.
    #[serde(default)]
    pub note: Option<String>,
}

/// A fact about the country worth showing, with its source (often where sources disagree).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    pub source: String,
}

/// Everything the rulebook says of one country.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryRules {
    /// ISO 3166-1 alpha-2, upper case: the `country` key's value.
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub route: Sourced<Route>,
    /// IANA zone in which the country's dates and times are given.
    pub time_zone: Sourced<String>,
    pub number_types: Vec<NumberTypeRule>,
    #[serde(default)]
    pub not_portable: Vec<NotPortable>,
    /// `None`: addresses there have no postcode.
    pub postcode: Option<PostcodeRule>,
    #[serde(default)]
    pub region: Option<RegionRule>,
    pub identifiers: Vec<IdentifierRule>,
    pub lead_time: LeadTime,
    /// `None`: no source gives one for the country.
    #[serde(default)]
    pub answer_time: Option<AnswerTime>,
    pub holidays: holidays::HolidayTable,
    pub loa: LoaRule,
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// The whole rulebook.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    pub format: u32,
    pub about: String,
    pub list_source: String,
    pub not_portable_anywhere: Vec<NotPortable>,
    pub countries: Vec<CountryRules>,
}

const RULEBOOK_JSON: &str = include_str!("../../../assets/countries.json");

/// The rulebook, parsed on first use. The data is compiled in and a unit test parses it, so
/// the empty fallback only stands in for a build whose asset was broken by hand.
pub fn rulebook() -> &'static Rulebook {
    static BOOK: OnceLock<Rulebook> = OnceLock::new();
    BOOK.get_or_init(|| {
        serde_json::from_str(RULEBOOK_JSON).unwrap_or_else(|_| Rulebook {
            format: 0,
            about: String::new(),
            list_source: String::new(),
            not_portable_anywhere: Vec::new(),
            countries: Vec::new(),
        })
    })
}

/// Upper-case, without spaces, dots, hyphens and accents' effect on case: "U.K." = "uk".
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '_' | '&'))
        .flat_map(char::to_lowercase)
        .collect()
}

impl Rulebook {
    /// The country of a code (`GB`), name (`United Kingdom`) or alias (`UK`), any case.
    pub fn find(&self, text: &str) -> Option<&CountryRules> {
        // An order names its country by its code: found without folding every name (the
        // hand-off and the wizard ask for the country hundreds of times a frame).
        if let Some(exact) = self.get(text) {
            return Some(exact);
        }
        let wanted = fold(text);
        if wanted.is_empty() {
            return None;
        }
        self.countries.iter().find(|c| {
            fold(&c.code) == wanted
                || fold(&c.name) == wanted
                || c.aliases.iter().any(|a| fold(a) == wanted)
        })
    }

    /// The country of an exact stored code.
    pub fn get(&self, code: &str) -> Option<&CountryRules> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// "AT (Austria), AU (Australia), ...", for a message that refuses another country.
    pub fn code_list(&self) -> String {
        let mut codes: Vec<&CountryRules> = self.countries.iter().collect();
        codes.sort_by(|a, b| a.code.cmp(&b.code));
        codes
            .iter()
            .map(|c| format!("{} ({})", c.code, c.name))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The range `e164` lies in that cannot be ported from `country`, if any.
    pub fn not_portable<'a>(
        &'a self,
        country: &'a CountryRules,
        e164: &str,
    ) -> Option<&'a NotPortable> {
        self.not_portable_anywhere
            .iter()
            .chain(&country.not_portable)
            .find(|range| e164.starts_with(&range.prefix))
    }
}

impl CountryRules {
    /// Whether the wizard takes numbers of this type (`geographic`, `toll_free`, `mobile`) here.
    pub fn takes_number_type(&self, key: &str) -> Option<&NumberTypeRule> {
        self.number_types.iter().find(|t| t.key == key)
    }

    /// The identifiers asked for an order of this number type (all, when it is not known).
    pub fn identifiers_for<'a>(
        &'a self,
        number_type: Option<&'a str>,
    ) -> impl Iterator<Item = &'a IdentifierRule> + 'a {
        self.identifiers.iter().filter(move |rule| {
            rule.number_types.is_empty()
                || number_type.is_none_or(|t| rule.number_types.iter().any(|k| k == t))
        })
    }

    pub fn identifier(&self, name: &str) -> Option<&IdentifierRule> {
        self.identifiers.iter().find(|rule| rule.name == name)
    }

    /// Microsoft's forms for this number type.
    pub fn loa_forms<'a>(&'a self, number_type: &'a str) -> impl Iterator<Item = &'a LoaForm> + 'a {
        self.loa
            .forms
            .iter()
            .filter(move |f| f.number_types.iter().any(|t| t == number_type))
    }

    /// The country's time zone (UTC if the data names one this build does not know).
    /// "the United Kingdom", "France": the name inside a sentence.
    pub fn in_sentence(&self) -> String {
        if ["US", "GB", "NL", "CZ"].contains(&self.code.as_str()) {
            format!("the {}", self.name)
        } else {
            self.name.clone()
        }
    }

    pub fn zone(&self) -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::get(&self.time_zone.value).unwrap_or(jiff::tz::TimeZone::UTC)
    }
}
