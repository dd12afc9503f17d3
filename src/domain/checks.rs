//! The rule behind each field: what the registry's validator runs once a value is present. The
//! rules themselves live in `rules/`; this maps each field to them, with the order as context.

use super::fields::OrderFields;
use super::key::FieldKey;
use super::rules::{self, Country, NumberState, NumberType};
use super::validate::Severity;
use jiff::civil::Date;

type Found = Vec<(Severity, String)>;

/// The order's country, defaulting to the US while it is not chosen (its own error says so).
pub(super) fn country(fields: &OrderFields) -> Country {
    fields.country.parse().unwrap_or(Country::Us)
}

pub(super) fn number_type(fields: &OrderFields) -> Option<NumberType> {
    fields.number_type.parse().ok()
}

pub(super) fn check(key: FieldKey, fields: &OrderFields, today: Date) -> Found {
    use FieldKey::*;
    match key {
        Numbers => numbers(fields),
        PortType => port_type(fields),
        BillingTelephoneNumber => one_number(&fields.billing_telephone_number, fields),
        ReplacementBtn => [
            one_number(&fields.replacement_btn, fields),
            replacement_btn(fields),
        ]
        .concat(),
        OrganizationName => warn(rules::length_warning(
            &fields.organization_name,
            rules::text::ORGANIZATION_NAME_LIMIT,
        )),
        Pin => match rules::check_pin(fields.pin.expose()) {
            Ok(warning) => warn(warning),
            Err(e) => error(e),
        },
        AuthorizedUserFirstName | AuthorizedUserLastName => {
            let name = if key == AuthorizedUserFirstName {
                &fields.authorized_user.first_name
            } else {
                &fields.authorized_user.last_name
            };
            warn(rules::length_warning(
                name,
                rules::text::AUTHORIZED_NAME_LIMIT,
            ))
        }
        ServiceAddressStreet => {
            if rules::looks_like_po_box(&fields.service_address.street) {
                vec![(Severity::Warning, "looks like a PO box; carriers want the street address where the numbers are used".into())]
            } else {
                Vec::new()
            }
        }
        ServiceAddressState => result(rules::check_region(
            &fields.service_address.state,
            address_country(fields),
        )),
        ServiceAddressPostalCode => result(rules::check_postal_code(
            &fields.service_address.postal_code,
            address_country(fields),
        )),
        ServiceAddressCountry => {
            let address = fields
                .service_address
                .country
                .parse::<rules::Country>()
                .ok();
            match address {
                Some(c) if c != country(fields) => vec![(
                    Severity::Error,
                    format!(
                        "the numbers are in {} but the service address is in {}; they must be in the same country",
                        country(fields).in_sentence(),
                        c.in_sentence()
                    ),
                )],
                _ => Vec::new(),
            }
        }
        PortDate => result(rules::check_port_date(
            &fields.port_date,
            today,
            country(fields),
            fields.numbers.len(),
        )),
        PortTime => result(rules::check_port_time(
            &fields.port_time,
            country(fields),
            number_type(fields).unwrap_or(rules::NumberType::Geographic),
        )),
        RequesterEmail => result(rules::check_email(&fields.requester.email)),
        NotificationEmails => fields
            .notification_emails
            .iter()
            .filter_map(|e| rules::check_email(e).err())
            .map(|e| (Severity::Error, e.to_string()))
            .collect(),
        _ => Vec::new(),
    }
}

fn address_country(fields: &OrderFields) -> Country {
    fields
        .service_address
        .country
        .parse()
        .unwrap_or_else(|_| country(fields))
}

fn warn(warning: Option<String>) -> Found {
    warning
        .map(|w| (Severity::Warning, w))
        .into_iter()
        .collect()
}

fn error(e: rules::RuleError) -> Found {
    vec![(Severity::Error, e.to_string())]
}

fn result<T>(r: Result<T, rules::RuleError>) -> Found {
    r.err().map(error).unwrap_or_default()
}

/// Every problem entry of the numbers list: duplicates are merged (a warning), the rest block.
fn numbers(fields: &OrderFields) -> Found {
    let report = rules::parse_numbers(
        &fields.numbers.join("\n"),
        country(fields),
        number_type(fields),
    );
    let mut found: Found = report
        .problems()
        .filter_map(|entry| {
            let severity = match entry.state {
                NumberState::Duplicate { .. } => Severity::Warning,
                _ => Severity::Error,
            };
            entry.message().map(|m| (severity, m))
        })
        .collect();
    if let Err(e) = rules::check_number_count(report.unique_valid.len()) {
        found.push((Severity::Error, e.to_string()));
    }
    found
}

/// The BTN and replacement BTN: one valid number of the order's country.
fn one_number(text: &str, fields: &OrderFields) -> Found {
    let report = rules::parse_numbers(text, country(fields), None);
    match report.entries.as_slice() {
        [one] if one.is_valid() => Vec::new(),
        [one] => one
            .message()
            .map(|m| vec![(Severity::Error, m)])
            .unwrap_or_default(),
        _ => vec![(
            Severity::Error,
            format!("`{text}` should be one phone number"),
        )],
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
