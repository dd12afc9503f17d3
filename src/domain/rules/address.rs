//! Service address rules: postal codes, PO boxes, state and province codes. Carriers compare the
//! service address (where the numbers are used) with their record; a PO box is refused.

use super::country::Country;
use super::error::RuleError;
use super::regions;

mod postcode_regions;

/// Checks a ZIP code (`12345`, `12345-6789`) or Canadian postal code (`A1A 1A1`) and returns it
/// normalised: ZIP+4 with its dash, Canadian codes upper-case with one space.
pub fn check_postal_code(text: &str, country: Country) -> Result<String, RuleError> {
    match country {
        // Puerto Rico's codes are US ZIP codes (006xx to 009xx).
        Country::Us | Country::Pr => check_zip(text),
        Country::Ca => check_canadian_postal_code(text),
        other => other.rules().map_or_else(
            || Err(RuleError::new(format!("{other:?} has no postcode rule."))),
            |rules| rules.check_postcode(text),
        ),
    }
}

fn check_zip(text: &str) -> Result<String, RuleError> {
    let trimmed = text.trim();
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let shape_ok = trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
        && trimmed.chars().filter(|c| !c.is_ascii_digit()).count() <= 1;
    match digits.len() {
        5 if shape_ok && trimmed.len() == 5 => Ok(digits),
        9 if shape_ok
            && (trimmed.len() == 9
                || trimmed.chars().nth(5).is_some_and(|c| !c.is_ascii_digit())) =>
        {
            Ok(format!("{}-{}", &digits[..5], &digits[5..]))
        }
        _ => Err(RuleError::new(format!(
            "`{trimmed}` is not a US ZIP code; write 5 digits (98052) or ZIP+4 (98052-6399), \
             as on the carrier's record."
        ))),
    }
}

/// Letters never used in Canadian postal codes.
const CA_NEVER: [char; 6] = ['D', 'F', 'I', 'O', 'Q', 'U'];

fn check_canadian_postal_code(text: &str) -> Result<String, RuleError> {
    let trimmed = text.trim();
    let compact: Vec<char> = trimmed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    let shape_ok = compact.len() == 6
        && compact.iter().enumerate().all(|(i, c)| {
            if i % 2 == 0 {
                c.is_ascii_uppercase()
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape_ok {
        let hint = if compact
            .iter()
            .enumerate()
            .any(|(i, c)| i % 2 == 1 && *c == 'O')
        {
            " (a letter O where a digit goes: did you mean 0, zero?)"
        } else {
            ""
        };
        return Err(RuleError::new(format!(
            "`{trimmed}` is not a Canadian postal code; write letter-digit-letter digit-letter-digit, \
             like K1A 0B1{hint}."
        )));
    }
    if let Some(bad) = compact.iter().find(|c| CA_NEVER.contains(c)) {
        return Err(RuleError::new(format!(
            "`{trimmed}` can't be a Canadian postal code: the letter {bad} is never used (nor D, F, \
             I, O, Q, U); check it against the carrier's record."
        )));
    }
    if matches!(compact[0], 'W' | 'Z') {
        return Err(RuleError::new(format!(
            "`{trimmed}` can't be a Canadian postal code: no postal code starts with {}; check it \
             against the carrier's record.",
            compact[0]
        )));
    }
    let (first, last) = compact.split_at(3);
    Ok(format!(
        "{} {}",
        first.iter().collect::<String>(),
        last.iter().collect::<String>()
    ))
}

/// A postal code that belongs to another state or province than the one given: the address
/// contradicts itself and the carrier will not match it. Keyed by country (the US ZIP code's
/// three-digit prefix, the Canadian postal code's first letter, from `postcode_regions`); `None`
/// where the country has no such table, either value is missing, or they agree.
pub fn postcode_region_conflict(postcode: &str, region: &str, country: Country) -> Option<String> {
    let (belongs, code_word) = match country {
        Country::Us => (postcode_regions::us_states_of(postcode), "ZIP code"),
        Country::Ca => (postcode_regions::ca_provinces_of(postcode), "postal code"),
        _ => return None,
    };
    let region = region.trim();
    if belongs.is_empty() || region.is_empty() || belongs.contains(&region) {
        return None;
    }
    let table = if country == Country::Us {
        regions::US
    } else {
        regions::CA
    };
    let named: Vec<String> = belongs
        .iter()
        .map(|code| {
            let name = table
                .iter()
                .find(|(c, _)| c == code)
                .map_or(*code, |(_, n)| n);
            format!("{name} ({code})")
        })
        .collect();
    Some(format!(
        "{code_word} {} is in {}, but the state or province is {region}: carriers reject an \
         address that contradicts itself; check both against the carrier's record.",
        postcode.trim(),
        named.join(" or ")
    ))
}

/// True when a street line is a post-office box rather than a street address: "PO Box 12",
/// "P.O. Box", "Post Office Box", "POB 12", "Box 12", "PMB 34", and Canada's "C.P. 56" /
/// "Case postale". Street names that merely contain "box" ("Boxwood Ave") are not.
pub fn looks_like_po_box(street: &str) -> bool {
    let words: Vec<String> = street
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    let numberish = |w: Option<&String>| w.is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
    words.iter().enumerate().any(|(i, w)| {
        let next = words.get(i + 1).map(String::as_str);
        let after = words.get(i + 2).map(String::as_str);
        match w.as_str() {
            "pobox" | "pmb" | "postbox" => true,
            // "PO Box", "P.O. Box", "P O Box"
            "po" => next == Some("box"),
            "p" => next == Some("o") && matches!(after, Some("box" | "b")),
            "post" => {
                (next == Some("office") && after == Some("box"))
                    || (next == Some("box") && numberish(words.get(i + 2)))
            }
            "postal" => next == Some("box"),
            "pob" | "box" | "cp" => numberish(words.get(i + 1)),
            "case" => next == Some("postale"),
            // "C.P. 56" (case postale), "Box12"
            "c" => next == Some("p") && numberish(words.get(i + 2)),
            other => other
                .strip_prefix("box")
                .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit())),
        }
    })
}

/// Checks a US state (with DC and PR) or Canadian province/territory, as a code or a full name,
/// and returns the 2-letter code.
pub fn check_region(text: &str, country: Country) -> Result<String, RuleError> {
    if !matches!(country, Country::Us | Country::Ca | Country::Pr) {
        return check_other_region(text, country);
    }
    let (table, aliases, what, example) = match country {
        Country::Us => (
            regions::US,
            regions::US_ALIASES,
            "US state",
            "WA or Washington",
        ),
        Country::Ca => (
            regions::CA,
            regions::CA_ALIASES,
            "Canadian province or territory",
            "ON or Ontario",
        ),
        _ => (
            regions::PR,
            &[][..],
            "Puerto Rico region",
            "PR or Puerto Rico",
        ),
    };
    let folded = regions::fold(text);
    let found = table
        .iter()
        .find(|(code, name)| folded == regions::fold(code) || folded == regions::fold(name))
        .map(|(code, _)| *code)
        .or_else(|| {
            aliases
                .iter()
                .find(|(alias, _)| folded == *alias)
                .map(|(_, code)| *code)
        });
    if let Some(code) = found {
        return Ok(code.to_string());
    }
    let other = match country {
        Country::Us => regions::CA,
        _ => regions::US,
    };
    let hint = if other
        .iter()
        .any(|(code, name)| folded == regions::fold(code) || folded == regions::fold(name))
        && !folded.is_empty()
    {
        let there = match country {
            Country::Us => "Canada",
            _ => "the United States",
        };
        format!(" (that's in {there}; the service address must be in the order's country)")
    } else {
        String::new()
    };
    Err(RuleError::new(format!(
        "`{}` is not a {what}{hint}; write its 2-letter code or name, e.g. {example}.",
        text.trim()
    )))
}

/// A state, province or prefecture outside North America, as the rulebook describes it: one
/// of its codes when it lists them (Australia), else the text as typed; none where the
/// address has no such line.
fn check_other_region(text: &str, country: Country) -> Result<String, RuleError> {
    let trimmed = text.trim();
    let Some(region) = country.rules().and_then(|r| r.region.as_ref()) else {
        return Err(RuleError::new(format!(
            "addresses in {} have no state or province line; leave it empty.",
            country.in_sentence()
        )));
    };
    if region.codes.is_empty() {
        return Ok(trimmed.to_string());
    }
    region
        .codes
        .iter()
        .find(|code| code.eq_ignore_ascii_case(trimmed))
        .cloned()
        .ok_or_else(|| {
            RuleError::new(format!(
                "`{trimmed}` is not a {} of {}; write one of {}.",
                region.label.to_lowercase(),
                country.in_sentence(),
                region.codes.join(", ")
            ))
        })
}

#[cfg(test)]
mod tests;
