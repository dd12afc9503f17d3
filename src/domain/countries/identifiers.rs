//! The formats of the identifiers carriers ask for (`identifiers.<name>`), as the rulebook names
//! them. Their validators are the rules' (`rules/identifiers.rs`).

use serde::Deserialize;

/// The shape of an identifier, as the rulebook names it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum IdentifierFormat {
    /// Free text (a carrier's name): only cleaned.
    Text,
    /// Letters and digits, between `min` and `max` of them, no published check.
    Code { min: usize, max: usize },
    /// One of a few values.
    Choice { options: Vec<String> },
    /// France's RIO: 2 digits, E or P, 6 letters or digits, a 3-character key.
    Rio,
    /// France's SIRET: 14 digits, Luhn.
    Siret,
    /// Italy's codice fiscale: 16 characters with a check letter, or a company's 11 digits.
    CodiceFiscale,
    /// Spain's NIF, NIE or CIF with its check character.
    NifEs,
    /// Australia's ABN: 11 digits, modulus 89.
    Abn,
    /// The UK's mobile PAC: 3 letters and 6 digits.
    Pac,
}

impl IdentifierFormat {
    /// The format in words, for help texts and `portwiz set --help`.
    pub fn describe(&self) -> String {
        match self {
            IdentifierFormat::Text => "text".into(),
            IdentifierFormat::Code { min, max } => format!("{min} to {max} letters and digits"),
            IdentifierFormat::Choice { options } => format!("one of {}", options.join(", ")),
            IdentifierFormat::Rio => {
                "12 characters: 2 digits, E or P, 6 letters or digits, a 3-character key".into()
            }
            IdentifierFormat::Siret => "14 digits (Luhn check)".into(),
            IdentifierFormat::CodiceFiscale => {
                "16 characters with a check letter, or 11 digits".into()
            }
            IdentifierFormat::NifEs => {
                "NIF, NIE or CIF, 9 characters with a check character".into()
            }
            IdentifierFormat::Abn => "11 digits (modulus 89 check)".into(),
            IdentifierFormat::Pac => "3 letters and 6 digits".into(),
        }
    }
}
