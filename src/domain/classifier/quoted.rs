//! The value the carrier quotes: "The CSR shows 'FOURTH COFFEE LLC'", "they have our name as
//! Fourth Coffee not Contoso", "the zip on file is 98052". Read per sentence, attached to the
//! field the sentence (or, failing that, the whole rejection) names, so the wizard can offer it
//! as the CSR value of that field.

use super::catalog::Catalog;
use super::classify::classify;
use super::normalize::tokenize;
use crate::domain::FieldKey;

/// Words after which an unquoted value follows.
const CUES: &[&str] = &[
    "on file is ",
    "on file as ",
    "on record is ",
    "on record as ",
    "on the csr is ",
    "csr shows ",
    "csr has ",
    "shows ",
    "listed as ",
    "recorded as ",
    "registered as ",
    "name as ",
    "address as ",
    "zip as ",
    "should be ",
];

/// Words that end an unquoted value ("as X not Y", "is X, please").
const ENDS: &[&str] = &[" not ", " instead", " but ", " and not ", " rather"];

/// The field each quoted value belongs to, with the value. Secrets (the PIN) are never read.
pub fn quoted_values(
    text: &str,
    catalog: &Catalog,
    fields: &[FieldKey],
) -> Vec<(FieldKey, String)> {
    let mut out: Vec<(FieldKey, String)> = Vec::new();
    for sentence in sentences(text) {
        let Some(value) = value_in(sentence) else {
            continue;
        };
        let named = classify(sentence, catalog).fields;
        let keys = if named.is_empty() {
            fields.to_vec()
        } else {
            named
        };
        for (key, v) in assign(&keys, &value, sentence) {
            if !out.iter().any(|(k, _)| *k == key) {
                out.push((key, v));
            }
        }
    }
    out
}

fn sentences(text: &str) -> Vec<&str> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    let mut start = 0;
    for pair in tokens.windows(2) {
        if pair[0].sentence != pair[1].sentence {
            out.push(&text[start..pair[1].start]);
            start = pair[1].start;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A quoted run ('…', "…", “…”, ‘…’), else the words after a cue when they look like a value.
fn value_in(sentence: &str) -> Option<String> {
    if let Some(q) = quoted(sentence) {
        return Some(q);
    }
    let lower = sentence.to_lowercase();
    for cue in CUES {
        let Some(at) = lower.find(cue) else { continue };
        let rest = sentence.get(at + cue.len()..)?;
        let rest_lower = rest.to_lowercase();
        let mut end = rest.len();
        for stop in ENDS {
            if let Some(i) = rest_lower.find(stop) {
                end = end.min(i);
            }
        }
        for stop in [',', ';', '(', '!', '?'] {
            if let Some(i) = rest.find(stop) {
                end = end.min(i);
            }
        }
        let value = rest[..end].trim().trim_end_matches('.').trim();
        let looks_like_value = value
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if looks_like_value && value.chars().count() <= 80 {
            return Some(value.to_string());
        }
    }
    None
}

fn quoted(sentence: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        let close = match c {
            '"' => '"',
            '“' => '”',
            '‘' => '’',
            // An apostrophe opens a quote only at the start of a word, not in "doesn't".
            '\'' if n == 0 || chars[n - 1].1.is_whitespace() || chars[n - 1].1 == ':' => '\'',
            _ => continue,
        };
        let from = i + c.len_utf8();
        let rest = &sentence[from..];
        let Some(len) = rest.find(close) else {
            continue;
        };
        let value = rest[..len].trim();
        if !value.is_empty() && value.chars().count() <= 80 {
            return Some(value.to_string());
        }
    }
    None
}

/// The key a value belongs to among the fields named: one key is easy; an address group takes
/// a zip-looking value as the postal code; the authorized user's name splits into first and last.
fn assign(keys: &[FieldKey], value: &str, sentence: &str) -> Vec<(FieldKey, String)> {
    let keys: Vec<FieldKey> = keys
        .iter()
        .copied()
        .filter(|k| *k != FieldKey::Pin)
        .collect();
    let zip_like = looks_like_postal_code(value);
    let lower = sentence.to_lowercase();
    if zip_like
        && (lower.contains("zip")
            || lower.contains("postal")
            || keys.contains(&FieldKey::ServiceAddressPostalCode))
    {
        return vec![(FieldKey::ServiceAddressPostalCode, value.to_string())];
    }
    match keys.as_slice() {
        [key] => vec![(*key, value.to_string())],
        [
            FieldKey::AuthorizedUserFirstName,
            FieldKey::AuthorizedUserLastName,
        ] => match value.split_once(' ') {
            Some((first, last)) if !last.trim().is_empty() => vec![
                (FieldKey::AuthorizedUserFirstName, first.to_string()),
                (FieldKey::AuthorizedUserLastName, last.trim().to_string()),
            ],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn looks_like_postal_code(value: &str) -> bool {
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let us = (digits.len() == 5 || digits.len() == 10)
        && digits.chars().all(|c| c.is_ascii_digit() || c == '-');
    let ca = digits.len() == 6
        && digits.chars().enumerate().all(|(i, c)| {
            if i % 2 == 0 {
                c.is_ascii_alphabetic()
            } else {
                c.is_ascii_digit()
            }
        });
    us || ca
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(FieldKey, String)> {
        let catalog = Catalog::builtin();
        let c = classify(text, &catalog);
        quoted_values(text, &catalog, &c.fields)
    }

    #[test]
    fn a_quoted_business_name_is_the_organization_name() {
        assert_eq!(
            values("Business name mismatch. The CSR shows 'FOURTH COFFEE LLC'."),
            [(FieldKey::OrganizationName, "FOURTH COFFEE LLC".to_string())]
        );
    }

    #[test]
    fn an_unquoted_value_after_a_cue_ends_at_not() {
        assert_eq!(
            values("Company name mismatch: they have our name as Fourth Coffee Inc not Contoso"),
            [(FieldKey::OrganizationName, "Fourth Coffee Inc".to_string())]
        );
    }

    #[test]
    fn a_zip_on_file_is_the_postal_code() {
        assert_eq!(
            values("Zip code does not match, the zip on file is 98052."),
            [(FieldKey::ServiceAddressPostalCode, "98052".to_string())]
        );
        assert_eq!(
            values("Service address mismatch. Zip on file is 98052"),
            [(FieldKey::ServiceAddressPostalCode, "98052".to_string())]
        );
    }

    #[test]
    fn the_authorized_user_splits_into_first_and_last_name() {
        assert_eq!(
            values(
                "Authorized user mismatch: the CSR lists the authorized user as \"Ana Maria Silva\""
            ),
            [
                (FieldKey::AuthorizedUserFirstName, "Ana".to_string()),
                (FieldKey::AuthorizedUserLastName, "Maria Silva".to_string())
            ]
        );
    }

    #[test]
    fn no_value_no_pin_and_no_apostrophes() {
        assert!(values("The account number doesn't match the carrier's record.").is_empty());
        assert!(values("PIN invalid, the PIN on file is '1234'").is_empty());
        assert!(values("The port date should be moved").is_empty());
    }
}
