//! The small closed choices of a port order: country, number type and port type. Each has a stable
//! key (`as_str`, used in files and on the command line), a label for people, and a lenient
//! `FromStr` that also accepts the label and other common spellings.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A value that is not one of a choice's keys. The message lists what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not a {what}; use one of: {expected}")]
pub struct UnknownChoice {
    pub value: String,
    pub what: &'static str,
    pub expected: &'static str,
}

/// A closed choice as the field registry sees it: its options (stored key, words for people)
/// and the one parser every front end uses, so "USA", "US" and "United States" mean the same
/// thing wherever they are typed. Derefs to the options.
#[derive(Clone, Copy)]
pub struct Choices {
    /// The options (a function, so a choice read from data, the countries, can be one too).
    pub options: fn() -> &'static [(&'static str, &'static str)],
    pub parse: fn(&str) -> Option<&'static str>,
}

impl std::ops::Deref for Choices {
    type Target = [(&'static str, &'static str)];
    fn deref(&self) -> &Self::Target {
        (self.options)()
    }
}

impl Choices {
    /// The index of the option a value names (by this choice's one parser), if any.
    pub fn position_of(&self, value: &str) -> Option<usize> {
        let key = (self.parse)(value)?;
        self.iter().position(|(k, _)| *k == key)
    }

    /// The words shown for a value: its option's label, if it names one.
    pub fn label_of(&self, value: &str) -> Option<&'static str> {
        self.position_of(value).map(|i| self[i].1)
    }
}

impl fmt::Debug for Choices {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Choices {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Choices {}

/// Lower-case, with spaces, hyphens and underscores removed: "Toll-free", "toll_free" and
/// "TOLL FREE" all compare equal.
fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

macro_rules! choice {
    (
        $(#[$doc:meta])* $name:ident, $what:literal,
        $($variant:ident => $key:literal, $label:literal, $option:literal, [$($alias:literal),*]);+ $(;)?
    ) => {
        $(#[$doc])*
        /// Written in files as its stable key, read through `FromStr` (a label or an alias, any
        /// case, is taken too).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable key, as written in files and on the command line.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// The name shown to people.
            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// (stored key, words shown in a list of options), for the field registry.
            pub const OPTIONS: &'static [(&'static str, &'static str)] = &[$(($key, $option)),+];

            /// The field registry's view of this choice: its options and this one parser.
            pub const CHOICES: Choices = Choices { options: Self::options, parse: Self::parse_key };

            fn options() -> &'static [(&'static str, &'static str)] {
                Self::OPTIONS
            }

            /// The stable key of what `s` names (key, label or alias, any case), if anything.
            fn parse_key(s: &str) -> Option<&'static str> {
                s.parse::<$name>().ok().map($name::as_str)
            }
        }

        impl FromStr for $name {
            type Err = UnknownChoice;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let folded = fold(s);
                $(
                    if folded == fold($key) || folded == fold($label)
                        $(|| folded == fold($alias))* {
                        return Ok($name::$variant);
                    }
                )+
                Err(UnknownChoice {
                    value: s.to_string(),
                    what: $what,
                    expected: concat!($($key, " (", $label, ") "),+),
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }

        impl From<$name> for &'static str {
            fn from(choice: $name) -> &'static str {
                choice.as_str()
            }
        }

        impl TryFrom<String> for $name {
            type Error = UnknownChoice;
            fn try_from(s: String) -> Result<$name, UnknownChoice> {
                s.parse()
            }
        }
    };
}

choice! {
    /// The kind of numbers in an order; one order holds one kind.
    NumberType, "number type",
    Geographic => "geographic", "Geographic", "Geographic (user numbers)", ["user", "local", "landline", "Geographic (user numbers)"];
    TollFree => "toll_free", "Toll-free", "Toll-free", ["tollfree"];
    Mobile => "mobile", "Mobile", "Mobile", ["cell", "wireless"];
}

choice! {
    /// Whether every number of the account moves (the account closes) or only some.
    PortType, "port type",
    Full => "full", "Full port", "Full port: every number on the account (the account closes)", [];
    Partial => "partial", "Partial port", "Partial port: some numbers stay with the carrier", [];
}

choice! {
    /// What a number is for, as the All regions wizard's "Add number features" asks.
    NumberUsage, "number usage",
    User => "user", "User", "User: a person's number", ["users", "person"];
    VoiceApp => "voice_app", "Voice app", "Voice app: an auto attendant or call queue", ["voice application", "auto attendant", "call queue", "service"];
    Conference => "conference", "Conference", "Conference: a conferencing bridge", ["conferencing", "audio conferencing", "bridge"];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::Country;

    #[test]
    fn keys_round_trip() {
        for c in Country::all() {
            assert_eq!(c.as_str().parse::<Country>(), Ok(*c));
        }
        for t in NumberType::ALL {
            assert_eq!(t.as_str().parse::<NumberType>(), Ok(*t));
        }
        for p in PortType::ALL {
            assert_eq!(p.as_str().parse::<PortType>(), Ok(*p));
        }
    }

    #[test]
    fn country_parses_codes_and_names_case_insensitively() {
        assert_eq!("us".parse(), Ok(Country::Us));
        assert_eq!(" Ca ".parse(), Ok(Country::Ca));
        assert_eq!("United States".parse(), Ok(Country::Us));
        assert_eq!("CANADA".parse(), Ok(Country::Ca));
        assert_eq!("Mexico".parse::<Country>().map(Country::as_str), Ok("MX"));
        assert_eq!("uk".parse::<Country>().map(Country::as_str), Ok("GB"));
        let err = "Brazil".parse::<Country>().unwrap_err().to_string();
        assert!(err.starts_with("`Brazil` is not a Teams Calling Plans country; use one of: AT (Austria), AU (Australia)"), "{err}");
        assert!(err.contains("US (United States)"), "{err}");
    }

    #[test]
    fn number_and_port_types_parse_keys_and_labels() {
        assert_eq!("toll_free".parse(), Ok(NumberType::TollFree));
        assert_eq!("Toll-free".parse(), Ok(NumberType::TollFree));
        assert_eq!("MOBILE".parse(), Ok(NumberType::Mobile));
        assert_eq!("geographic".parse(), Ok(NumberType::Geographic));
        assert_eq!("Partial port".parse(), Ok(PortType::Partial));
        assert_eq!("full".parse(), Ok(PortType::Full));
        assert!("half".parse::<PortType>().is_err());
    }

    #[test]
    fn the_registry_parser_takes_every_spelling_of_a_choice() {
        for spelling in ["USA", "US", "us", "United States", "U.S.A."] {
            assert_eq!((Country::CHOICES.parse)(spelling), Some("US"), "{spelling}");
        }
        assert_eq!((NumberType::CHOICES.parse)("Toll free"), Some("toll_free"));
        assert_eq!((PortType::CHOICES.parse)("half"), None);
        assert_eq!(Country::CHOICES.len(), 35);
        assert_eq!(
            Country::CHOICES[..3]
                .iter()
                .map(|(k, _)| *k)
                .collect::<Vec<_>>(),
            ["US", "CA", "PR"]
        );
    }

    #[test]
    fn serde_uses_the_stable_keys() {
        let json = serde_json::to_string(&NumberType::TollFree).unwrap();
        assert_eq!(json, "\"toll_free\"");
        let back: Country = serde_json::from_str("\"CA\"").unwrap();
        assert_eq!(back, Country::Ca);
        assert!(serde_json::from_str::<PortType>("\"both\"").is_err());
    }
}
