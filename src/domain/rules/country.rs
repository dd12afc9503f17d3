//! The country of an order: one of the Teams Calling Plans countries of the rulebook
//! (`domain::countries`), named by its ISO code. Any other country is refused with the list.

use super::choices::{Choices, UnknownChoice};
use crate::domain::countries::{CountryRules, Route, rulebook};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// A Calling Plans country, by its ISO 3166-1 code (`GB`). Made only from the rulebook's codes.
/// Written in files as its key, read through `FromStr`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub struct Country(&'static str);

#[allow(non_upper_case_globals)]
impl Country {
    pub const Us: Country = Country("US");
    pub const Ca: Country = Country("CA");
    pub const Pr: Country = Country("PR");

    /// Every country, the US & Canada wizard's first (as before), then the others by name.
    pub fn all() -> &'static [Country] {
        static ALL: OnceLock<Vec<Country>> = OnceLock::new();
        ALL.get_or_init(|| {
            let mut rules: Vec<&'static CountryRules> = rulebook().countries.iter().collect();
            rules.sort_by_key(|c| {
                let first = ["US", "CA", "PR"].iter().position(|k| *k == c.code);
                (first.unwrap_or(usize::MAX), c.name.as_str())
            });
            rules.iter().map(|c| Country(c.code.as_str())).collect()
        })
    }

    /// The stable key: the ISO code.
    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// What the rulebook says of this country.
    pub fn rules(self) -> Option<&'static CountryRules> {
        rulebook().get(self.0)
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        self.rules().map_or(self.0, |c| c.name.as_str())
    }

    /// "the United States", "France": for use inside sentences.
    pub fn in_sentence(self) -> String {
        self.rules()
            .map_or_else(|| self.0.to_string(), CountryRules::in_sentence)
    }

    /// The route its orders take (the US & Canada wizard for the US, Puerto Rico and Canada).
    pub fn route(self) -> Route {
        self.rules().map_or(Route::UsCanada, |c| c.route.value)
    }

    /// The registry's view: every country's code and name, with the one parser.
    pub const CHOICES: Choices = Choices {
        options: Self::options,
        parse: Self::parse_key,
    };

    fn options() -> &'static [(&'static str, &'static str)] {
        static OPTIONS: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
        OPTIONS.get_or_init(|| {
            Self::all()
                .iter()
                .map(|c| (c.as_str(), c.label()))
                .collect()
        })
    }

    fn parse_key(s: &str) -> Option<&'static str> {
        s.parse::<Country>().ok().map(Country::as_str)
    }

    /// "AT (Austria), AU (Australia), ...": the countries a refusal lists.
    pub fn list() -> &'static str {
        static LIST: OnceLock<String> = OnceLock::new();
        LIST.get_or_init(|| rulebook().code_list())
    }
}

impl FromStr for Country {
    type Err = UnknownChoice;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        rulebook()
            .find(s)
            .map(|c| Country(c.code.as_str()))
            .ok_or_else(|| UnknownChoice {
                value: s.to_string(),
                what: "Teams Calling Plans country",
                expected: Country::list(),
            })
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl From<Country> for &'static str {
    fn from(country: Country) -> &'static str {
        country.0
    }
}

impl TryFrom<String> for Country {
    type Error = UnknownChoice;
    fn try_from(s: String) -> Result<Country, UnknownChoice> {
        s.parse()
    }
}
