//! The rule behind each field: what the registry's validator runs once a value is present.

use super::fields::OrderFields;
use super::key::FieldKey;
use super::validate::Severity;
use jiff::civil::Date;

type Found = Vec<(Severity, String)>;

pub(super) fn check(key: FieldKey, fields: &OrderFields, _today: Date) -> Found {
    use FieldKey::*;
    match key {
        PortType => port_type(fields),
        ReplacementBtn => replacement_btn(fields),
        OrganizationName => length_warning(&fields.organization_name, 25),
        AuthorizedUserFirstName => length_warning(&fields.authorized_user.first_name, 15),
        AuthorizedUserLastName => length_warning(&fields.authorized_user.last_name, 15),
        _ => Vec::new(),
    }
}

/// The last ten digits: enough to compare NANP numbers written differently.
pub(super) fn digits_key(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(10)..].to_string()
}

fn numbers_include(fields: &OrderFields, number: &str) -> bool {
    let wanted = digits_key(number);
    !wanted.is_empty() && fields.numbers.iter().any(|n| digits_key(n) == wanted)
}

fn port_type(fields: &OrderFields) -> Found {
    let btn = fields.billing_telephone_number.trim();
    if fields.port_type.trim() == "full" && !btn.is_empty() && !numbers_include(fields, btn) {
        return vec![(
            Severity::Error,
            format!(
                "a full port moves every number on the account, so the numbers must include the BTN {btn}; add it, or choose a partial port"
            ),
        )];
    }
    Vec::new()
}

fn replacement_btn(fields: &OrderFields) -> Found {
    let replacement = fields.replacement_btn.trim();
    if fields.port_type.trim() == "full" {
        return vec![(
            Severity::Error,
            "only a partial port has a replacement BTN; clear it, or choose a partial port".into(),
        )];
    }
    if numbers_include(fields, replacement) {
        return vec![(
            Severity::Error,
            format!(
                "{replacement} is being ported; the replacement BTN must be a number that stays with the carrier"
            ),
        )];
    }
    if !numbers_include(fields, &fields.billing_telephone_number) {
        return vec![(
            Severity::Warning,
            "the BTN stays with the carrier, so no replacement BTN is needed".into(),
        )];
    }
    Vec::new()
}

fn length_warning(value: &str, limit: usize) -> Found {
    let count = value.trim().chars().count();
    if count > limit {
        vec![(
            Severity::Warning,
            format!(
                "{count} characters; some carriers keep only the first {limit}, so check how the carrier's record writes it"
            ),
        )]
    } else {
        Vec::new()
    }
}
