//! Validators of the identifiers carriers ask for (`identifiers.<name>`): the format the
//! rulebook names, and its check digit where the format has one. Each returns the identifier as
//! it is written (upper case, without the spaces people type inside it).

use super::error::RuleError;
use crate::domain::countries::{IdentifierFormat, IdentifierRule};

impl IdentifierRule {
    /// The identifier as it is written, or why it is not one.
    pub fn check(&self, text: &str) -> Result<String, RuleError> {
        let trimmed = text.trim();
        let packed: String = trimmed
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '/'))
            .flat_map(char::to_uppercase)
            .collect();
        let bad = |why: &str| {
            Err(RuleError::new(format!(
                "`{trimmed}` is not a {}: {why}",
                self.label
            )))
        };
        match &self.format {
            IdentifierFormat::Text => Ok(trimmed.to_string()),
            IdentifierFormat::Code { min, max } => {
                if !packed.chars().all(|c| c.is_ascii_alphanumeric()) {
                    bad("use letters and digits only, as the carrier wrote it.")
                } else if !(*min..=*max).contains(&packed.len()) {
                    bad(&format!(
                        "it has {} characters; expected {min} to {max}.",
                        packed.len()
                    ))
                } else {
                    Ok(packed)
                }
            }
            IdentifierFormat::Choice { options } => options
                .iter()
                .find(|o| o.eq_ignore_ascii_case(&packed))
                .cloned()
                .map_or_else(|| bad(&format!("use one of {}.", options.join(", "))), Ok),
            IdentifierFormat::Rio => check_rio(&packed).map_or_else(&bad, Ok),
            IdentifierFormat::Siret => match digits_of(&packed, 14) {
                Some(d) if luhn_ok(&d) => Ok(packed),
                Some(_) => bad("its check digit does not match (Luhn): check it on the Kbis."),
                None => bad("a SIRET is 14 digits."),
            },
            IdentifierFormat::CodiceFiscale => check_codice_fiscale(&packed).map_or_else(&bad, Ok),
            IdentifierFormat::NifEs => check_nif(&packed).map_or_else(&bad, Ok),
            IdentifierFormat::Abn => match digits_of(&packed, 11) {
                Some(d) if abn_ok(&d) => Ok(packed),
                Some(_) => bad(
                    "its check digits do not match (modulus 89): check it on abr.business.gov.au.",
                ),
                None => bad("an ABN is 11 digits."),
            },
            IdentifierFormat::Pac => {
                let ok = packed.len() == 9
                    && packed[..3].chars().all(|c| c.is_ascii_uppercase())
                    && packed[3..].chars().all(|c| c.is_ascii_digit());
                if ok {
                    Ok(packed)
                } else {
                    bad("a PAC is 3 letters and 6 digits, like ABC123456.")
                }
            }
        }
    }
}

/// The digits of `text` when it is exactly `len` digits.
fn digits_of(text: &str, len: usize) -> Option<Vec<u32>> {
    (text.len() == len)
        .then(|| {
            text.chars()
                .map(|c| c.to_digit(10))
                .collect::<Option<Vec<_>>>()
        })
        .flatten()
}

/// Luhn over every digit, the last being the check digit.
pub(crate) fn luhn_ok(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// ABN: subtract 1 from the first digit, weigh, and the sum divides by 89.
pub(crate) fn abn_ok(digits: &[u32]) -> bool {
    const WEIGHTS: [u32; 11] = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
    let Some((&first, rest)) = digits.split_first() else {
        return false;
    };
    if first == 0 {
        return false;
    }
    let sum = (first - 1) * WEIGHTS[0]
        + rest
            .iter()
            .zip(&WEIGHTS[1..])
            .map(|(d, w)| d * w)
            .sum::<u32>();
    sum.is_multiple_of(89)
}

/// The RIO's shape (ARCEP): its key depends on the number and is computed by the carrier, so
/// only the shape is checked here.
fn check_rio(rio: &str) -> Result<String, &'static str> {
    let chars: Vec<char> = rio.chars().collect();
    if chars.len() != 12 {
        return Err("a RIO is 12 characters (dial 3179 from the line to get it).");
    }
    if !chars[..2].iter().all(char::is_ascii_digit) {
        return Err("a RIO starts with the 2-digit code of the operator.");
    }
    if !matches!(chars[2], 'E' | 'P') {
        return Err("the third character of a RIO is E (business) or P (private).");
    }
    if !chars[3..].iter().all(char::is_ascii_alphanumeric) {
        return Err("a RIO has only letters and digits.");
    }
    Ok(rio.to_string())
}

/// Codice fiscale: a person's 16 characters (check letter from the odd/even tables of DM
/// 23/12/1976) or a company's 11 digits (Luhn-like partita IVA check).
fn check_codice_fiscale(code: &str) -> Result<String, &'static str> {
    if let Some(d) = digits_of(code, 11) {
        return if luhn_ok(&d) {
            Ok(code.to_string())
        } else {
            Err("its check digit does not match.")
        };
    }
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 16 || !chars.iter().all(char::is_ascii_alphanumeric) {
        return Err("a codice fiscale is 16 letters and digits (a company's, 11 digits).");
    }
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let value = |c: char, odd: bool| -> u32 {
        let index = match c {
            '0'..='9' => c as u32 - '0' as u32,
            _ => c as u32 - 'A' as u32,
        };
        if odd { ODD[index as usize] } else { index }
    };
    let sum: u32 = chars[..15]
        .iter()
        .enumerate()
        .map(|(i, &c)| value(c, i % 2 == 0))
        .sum();
    let expected = char::from(b'A' + (sum % 26) as u8);
    if chars[15] == expected {
        Ok(code.to_string())
    } else {
        Err("its check letter does not match: check it on the tessera sanitaria.")
    }
}

const NIF_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Spain: NIF (8 digits + letter), NIE (X/Y/Z + 7 digits + letter), CIF (letter + 7 digits +
/// a check digit or letter).
fn check_nif(code: &str) -> Result<String, &'static str> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 9 || !chars.iter().all(char::is_ascii_alphanumeric) {
        return Err("a NIF, NIE or CIF is 9 characters.");
    }
    let first = chars[0];
    let middle: Option<u32> = chars[1..8].iter().collect::<String>().parse().ok();
    let check = chars[8];
    let by_letter = |number: u32| char::from(NIF_LETTERS[(number % 23) as usize]);
    let ok = match (first, middle) {
        ('0'..='9', Some(m)) => {
            let number = first.to_digit(10).unwrap_or(0) * 10_000_000 + m;
            check == by_letter(number)
        }
        ('X' | 'Y' | 'Z', Some(m)) => {
            let lead = match first {
                'X' => 0,
                'Y' => 1,
                _ => 2,
            };
            check == by_letter(lead * 10_000_000 + m)
        }
        ('A'..='H' | 'J' | 'N' | 'P'..='W', Some(_)) => cif_ok(&chars),
        _ => return Err("a NIF, NIE or CIF starts with a digit, X, Y, Z or a company letter."),
    };
    if ok {
        Ok(code.to_string())
    } else {
        Err("its check character does not match.")
    }
}

fn cif_ok(chars: &[char]) -> bool {
    let digits: Vec<u32> = chars[1..8].iter().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 7 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                let x = d * 2;
                x / 10 + x % 10
            } else {
                d
            }
        })
        .sum();
    let control = (10 - sum % 10) % 10;
    let letter = char::from(b"JABCDEFGHI"[control as usize]);
    let digit = char::from_digit(control, 10).unwrap_or('0');
    match chars[0] {
        // Bodies that always use a letter, those that always use a digit, the rest either.
        'P' | 'Q' | 'R' | 'S' | 'N' | 'W' => chars[8] == letter,
        'A' | 'B' | 'E' | 'H' => chars[8] == digit,
        _ => chars[8] == letter || chars[8] == digit,
    }
}
