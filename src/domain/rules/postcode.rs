//! Postcodes as each country's post writes them, from the templates of the rulebook:
//! `sw1a2aa` becomes `SW1A 2AA`, `1234ab` becomes `1234 AB`, `1050` in Latvia `LV-1050`.

use super::address::check_postal_code;
use super::country::Country;
use super::error::RuleError;
use crate::domain::countries::CountryRules;

impl CountryRules {
    /// The postcode written the country's way, or why it cannot be one of its codes.
    pub fn check_postcode(&self, text: &str) -> Result<String, RuleError> {
        let trimmed = text.trim();
        let Some(rule) = &self.postcode else {
            return Err(RuleError::new(format!(
                "addresses in {} have no postcode; leave it empty.",
                self.name
            )));
        };
        match rule.format.as_deref() {
            Some("us_zip") => return check_postal_code(trimmed, Country::Us),
            Some("ca_postal") => return check_postal_code(trimmed, Country::Ca),
            _ => {}
        }
        let upper = trimmed.to_uppercase();
        let prefix = rule.prefix.as_deref().unwrap_or("");
        let body = compact(prefix)
            .filter(|p| !p.is_empty())
            .and_then(|p| compact(&upper).and_then(|u| u.strip_prefix(&p).map(str::to_string)))
            .or_else(|| compact(&upper));
        let written = body.and_then(|body| {
            rule.templates
                .iter()
                .find_map(|template| render(template, &body))
        });
        written
            .map(|code| format!("{prefix}{code}"))
            .ok_or_else(|| {
                RuleError::new(format!(
                    "`{trimmed}` is not a postcode of {}; write it as its post does, like {}.",
                    self.in_sentence(),
                    rule.example
                ))
            })
    }
}

/// The letters and digits of `text`, if separators (space, hyphen) are all it has besides.
fn compact(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !matches!(c, ' ' | '-') {
            return None;
        }
    }
    Some(out)
}

/// `body` (letters and digits only) laid out in `template`, if it fits it.
fn render(template: &str, body: &str) -> Option<String> {
    let mut chars = body.chars();
    let mut out = String::with_capacity(template.len());
    for slot in template.chars() {
        let fits = |c: char| match slot {
            '9' => c.is_ascii_digit(),
            'A' => c.is_ascii_uppercase(),
            'X' => c.is_ascii_alphanumeric(),
            literal => c == literal,
        };
        if matches!(slot, ' ' | '-') {
            out.push(slot);
            continue;
        }
        let c = chars.next().filter(|c| fits(*c))?;
        out.push(c);
    }
    chars.next().is_none().then_some(out)
}
