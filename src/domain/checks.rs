//! The validator of each field, named by the registry's table (`check:`): what is wrong with a
//! value once it is present, with the whole order as context. The rules themselves live in
//! `rules/`; this wires each field to them. Optional fields' validators also run while empty
//! (the replacement BTN's warning is about its absence).

use super::countries::AskedBy;
use super::fields::OrderFields;
use super::rules::{self, NumberState};
use jiff::civil::Date;
use serde::Serialize;

/// How much a problem weighs: an error blocks submission, a warning informs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// What a field's validator found: (severity, words after the label).
pub type Found = Vec<(Severity, String)>;

/// Fields with no rule beyond being present (or a choice).
pub(super) fn none(_: &OrderFields, _: Date) -> Found {
    Vec::new()
}

/// A number type the country's wizard does not take (mobiles outside the US, Puerto Rico and
/// Canada): an error naming the types it takes and Microsoft's page (found trying a French order
/// by hand: `mobile` was taken and submit only asked for a PIN).
pub(super) fn number_type(fields: &OrderFields, _: Date) -> Found {
    let chosen = fields.number_type.trim();
    let country = fields.rules_country();
    let Some(rules) = country.rules() else {
        return Vec::new();
    };
    if chosen.is_empty() || rules.takes_number_type(chosen).is_some() {
        return Vec::new();
    }
    let takes: Vec<&str> = rules.number_types.iter().map(|t| t.key.as_str()).collect();
    let source = rules.number_types.first().map_or("", |t| t.source.as_str());
    vec![(
        Severity::Error,
        format!(
            "Teams Calling Plans take {} numbers in {}, not {chosen} ({source}).",
            takes.join(" and "),
            country.in_sentence()
        ),
    )]
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
pub(super) fn numbers(fields: &OrderFields, _: Date) -> Found {
    // Beyond the cap one error says so, without checking (and listing) every entry: an order
    // of 100,000 numbers from an old file opens at once.
    if let Err(e) = rules::check_number_count(fields.numbers.len()) {
        return error(e);
    }
    let (country, number_type) = (fields.rules_country(), fields.number_type_choice());
    remembered_numbers_check(&fields.numbers, country, number_type, || {
        numbers_found(&fields.numbers, country, number_type)
    })
}

/// A numbers list's problems as last checked. A Service Center case of 10,000 numbers takes
/// phonenumber about 15 ms to check, and the wizard, Review and the hand-off ask for the same
/// list again at every step and frame; the answer depends only on the list, the country and the
/// type, so remembering the last few lists keeps the check pure. Short lists are checked again:
/// copying them would cost about as much.
fn remembered_numbers_check(
    numbers: &[String],
    country: rules::Country,
    number_type: Option<rules::NumberType>,
    check: impl FnOnce() -> Found,
) -> Found {
    type Checked = (
        Vec<String>,
        rules::Country,
        Option<rules::NumberType>,
        Found,
    );
    static REMEMBERED: std::sync::Mutex<Vec<Checked>> = std::sync::Mutex::new(Vec::new());
    const LISTS: usize = 4;
    const WORTH_REMEMBERING: usize = 200;
    if numbers.len() < WORTH_REMEMBERING {
        return check();
    }
    if let Ok(lists) = REMEMBERED.lock()
        && let Some((.., found)) = lists
            .iter()
            .find(|(n, c, t, _)| *c == country && *t == number_type && n.as_slice() == numbers)
    {
        return found.clone();
    }
    let found = check();
    if let Ok(mut lists) = REMEMBERED.lock() {
        if lists.len() >= LISTS {
            lists.remove(0);
        }
        lists.push((numbers.to_vec(), country, number_type, found.clone()));
    }
    found
}

fn numbers_found(
    numbers: &[String],
    country: rules::Country,
    number_type: Option<rules::NumberType>,
) -> Found {
    let report = rules::parse_numbers_shared(&numbers.join("\n"), country, number_type);
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

/// Each number's usage (the All regions wizard's Add number features): every number one.
pub(super) fn number_usage(fields: &OrderFields, _: Date) -> Found {
    if fields.number_usage.is_empty() {
        return Vec::new();
    }
    rules::usage::usage_problems(
        &fields.number_usage,
        &fields.numbers,
        fields.rules_country(),
    )
    .into_iter()
    .map(|p| (Severity::Error, p))
    .collect()
}

/// One valid number of the order's country.
fn one_number(text: &str, fields: &OrderFields) -> Found {
    let report = rules::parse_numbers(text, fields.rules_country(), None);
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

pub(super) fn btn(fields: &OrderFields, _: Date) -> Found {
    one_number(&fields.billing_telephone_number, fields)
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

pub(super) fn port_type(fields: &OrderFields, _: Date) -> Found {
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

/// The replacement BTN: empty is right unless a partial port moves the BTN (carriers expect a
/// new BTN then; Microsoft makes it optional, so it is a warning).
pub(super) fn replacement_btn(fields: &OrderFields, _: Date) -> Found {
    let replacement = fields.replacement_btn.trim();
    let partial = fields.port_type.trim() == "partial";
    let btn = fields.billing_telephone_number.trim();
    if replacement.is_empty() {
        return if partial && !btn.is_empty() && numbers_include(fields, btn) {
            vec![(
                Severity::Warning,
                format!(
                    "the BTN {btn} is among the numbers being ported; carriers expect a replacement BTN (a number that stays with them) for a partial port"
                ),
            )]
        } else {
            Vec::new()
        };
    }
    let mut found = one_number(replacement, fields);
    if fields.port_type.trim() == "full" {
        found.push((
            Severity::Error,
            "only a partial port has a replacement BTN; clear it, or choose a partial port".into(),
        ));
    } else if numbers_include(fields, replacement) {
        found.push((
            Severity::Error,
            format!(
                "{replacement} is being ported; the replacement BTN must be a number that stays with the carrier"
            ),
        ));
    } else if !numbers_include(fields, btn) {
        found.push((
            Severity::Warning,
            "the BTN stays with the carrier, so no replacement BTN is needed".into(),
        ));
    }
    found
}

pub(super) fn organization_name(fields: &OrderFields, _: Date) -> Found {
    warn(rules::length_warning(
        &fields.organization_name,
        rules::text::ORGANIZATION_NAME_LIMIT,
    ))
}

pub(super) fn pin(fields: &OrderFields, _: Date) -> Found {
    if fields.pin.is_empty() {
        return Vec::new();
    }
    match rules::check_pin(fields.pin.expose()) {
        Ok(warning) => warn(warning),
        Err(e) => error(e),
    }
}

pub(super) fn first_name(fields: &OrderFields, _: Date) -> Found {
    warn(rules::length_warning(
        &fields.authorized_user.first_name,
        rules::text::AUTHORIZED_NAME_LIMIT,
    ))
}

pub(super) fn last_name(fields: &OrderFields, _: Date) -> Found {
    warn(rules::length_warning(
        &fields.authorized_user.last_name,
        rules::text::AUTHORIZED_NAME_LIMIT,
    ))
}

pub(super) fn street(fields: &OrderFields, _: Date) -> Found {
    if rules::looks_like_po_box(&fields.service_address.street) {
        vec![(
            Severity::Warning,
            "looks like a PO box; carriers want the street address where the numbers are used"
                .into(),
        )]
    } else {
        Vec::new()
    }
}

pub(super) fn state(fields: &OrderFields, _: Date) -> Found {
    if !fields.address_has_region() {
        return not_asked(fields, &fields.service_address.state);
    }
    result(rules::check_region(
        &fields.service_address.state,
        fields.address_country(),
    ))
}

pub(super) fn postal_code(fields: &OrderFields, _: Date) -> Found {
    if !fields.address_has_postcode() {
        return not_asked(fields, &fields.service_address.postal_code);
    }
    let country = fields.address_country();
    match rules::check_postal_code(&fields.service_address.postal_code, country) {
        Err(e) => error(e),
        // Against the state as stored (a two-letter code); a state that is not one has its
        // own error.
        Ok(code) => warn(rules::postcode_region_conflict(
            &code,
            &fields.service_address.state,
            country,
        )),
    }
}

pub(super) fn address_country(fields: &OrderFields, _: Date) -> Found {
    let address = fields
        .service_address
        .country
        .parse::<rules::Country>()
        .ok();
    match address {
        Some(c) if c != fields.rules_country() => vec![(
            Severity::Error,
            format!(
                "the numbers are in {} but the service address is in {}; they must be in the same country",
                fields.rules_country().in_sentence(),
                c.in_sentence()
            ),
        )],
        _ => Vec::new(),
    }
}

pub(super) fn port_date(fields: &OrderFields, today: Date) -> Found {
    let country = fields.rules_country();
    if let Some(e) = slash_date_outside_north_america(fields) {
        return vec![(Severity::Error, e)];
    }
    match rules::check_port_date(&fields.port_date, today, country, fields.numbers.len()) {
        Err(e) => error(e),
        Ok(date) => {
            let mut found = warn(peers_lead_time(country, today, date));
            found.extend(warn(partial_holidays(country, date)));
            found
        }
    }
}

/// Where the country's table lacks holidays no rule computes (lunar, Islamic, Hindu calendars),
/// the check of `date` is partial: a warning naming what is missing and the list to check.
fn partial_holidays(country: rules::Country, date: Date) -> Option<String> {
    let table = &country.rules()?.holidays;
    table.partial.then(|| {
        format!(
            "the holiday check for {date} is partial in {}: {} ({}).",
            country.in_sentence(),
            table
                .note
                .as_deref()
                .unwrap_or("some holidays follow calendars portwiz does not compute"),
            table.source
        )
    })
}

/// `03/04/2027` reads as 4 March in the US and 3 April elsewhere: outside the US & Canada only
/// `YYYY-MM-DD` is taken, so a date is never read the other way round.
pub(super) fn slash_date_outside_north_america(fields: &OrderFields) -> Option<String> {
    let text = fields.port_date.trim();
    (fields.route() != super::countries::Route::UsCanada && text.contains('/')).then(|| {
        format!(
            "`{text}` could be read day first or month first: write it as YYYY-MM-DD (e.g. 2027-04-03)"
        )
    })
}

/// A date sooner than the lead time peers quote for the country (Microsoft states none there):
/// a warning that names them.
fn peers_lead_time(country: rules::Country, today: Date, date: Date) -> Option<String> {
    let lead = &country.rules()?.lead_time;
    let days = lead.business_days.filter(|_| lead.by == "peers")?;
    let earliest = rules::port_date::add_business_days_in(country, today, days);
    (date < earliest).then(|| {
        format!(
            "{date} is sooner than the {days} business days ports in {} are said to take ({}); \
             the carrier may confirm a later date than {earliest}.",
            country.in_sentence(),
            lead.source
        )
    })
}

pub(super) fn port_time(fields: &OrderFields, _: Date) -> Found {
    result(rules::check_port_time(
        &fields.port_time,
        fields.rules_country(),
        fields
            .number_type_choice()
            .unwrap_or(rules::NumberType::Geographic),
    ))
}

pub(super) fn requester_email(fields: &OrderFields, _: Date) -> Found {
    result(rules::check_email(&fields.requester.email))
}

pub(super) fn notification_emails(fields: &OrderFields, _: Date) -> Found {
    fields
        .notification_emails
        .iter()
        .filter_map(|e| rules::check_email(e).err())
        .map(|e| (Severity::Error, e.to_string()))
        .collect()
}

/// A value given for a field the order's country does not ask: kept, with a warning.
fn not_asked(fields: &OrderFields, value: &str) -> Found {
    if value.trim().is_empty() {
        return Vec::new();
    }
    warn(Some(format!(
        "not asked for orders in {}; it is kept, and sent nowhere.",
        fields.address_country().in_sentence()
    )))
}

/// An identifier of the order's country: written as its validator says; missing, a warning
/// naming who says carriers check it; given where the country does not ask it, a warning.
fn identifier(fields: &OrderFields, name: &str, value: &str) -> Found {
    let country = fields.rules_country();
    let rule = country.rules().and_then(|c| c.identifier(name));
    let asked = rule.is_some_and(|rule| {
        let number_type = fields.number_type_choice().map(|t| t.as_str());
        rule.number_types.is_empty()
            || number_type.is_none_or(|t| rule.number_types.iter().any(|k| k == t))
    });
    match rule {
        Some(rule) if asked && rule.optional && value.trim().is_empty() => Vec::new(),
        Some(rule) if asked && value.trim().is_empty() => {
            let who = if rule.asked_by == AskedBy::Microsoft {
                Severity::Error
            } else {
                Severity::Warning
            };
            vec![(
                who,
                format!(
                    "carriers in {} reject an order without it ({}). {}",
                    country.in_sentence(),
                    rule.source,
                    rule.help
                ),
            )]
        }
        Some(rule) if asked => result(rule.check(value)),
        _ => not_asked(fields, value),
    }
}

pub(super) fn identifier_underlying_carrier(fields: &OrderFields, _: Date) -> Found {
    identifier(
        fields,
        "underlying_carrier",
        &fields.identifiers.underlying_carrier,
    )
}

pub(super) fn identifier_pac(fields: &OrderFields, _: Date) -> Found {
    identifier(fields, "pac", &fields.identifiers.pac)
}

pub(super) fn identifier_rio(fields: &OrderFields, _: Date) -> Found {
    identifier(fields, "rio", &fields.identifiers.rio)
}

pub(super) fn identifier_siret(fields: &OrderFields, _: Date) -> Found {
    identifier(fields, "siret", &fields.identifiers.siret)
}

pub(super) fn identifier_head_number(fields: &OrderFields, _: Date) -> Found {
    identifier(fields, "head_number", &fields.identifiers.head_number)
}

pub(super) fn identifier_migration_code(fields: &OrderFields, _: Date) -> Found {
    identifier(fields, "migration_code", &fields.identifiers.migration_code)
}

pub(super) fn identifier_codice_fiscale(fields: &OrderFields, _: Date) -> Found {
    identifier(fields, "codice_fiscale", &fields.identifiers.codice_fiscale)
}

pub(super) fn identifier_cvp(fields: &OrderFields, _: Date) -> Found {
    identifier(fields, "cvp", &fields.identifiers.cvp)
}

pub(super) fn identifier_nif(fields: &OrderFields, _: Date) -> Found {
    identifier(fields, "nif", &fields.identifiers.nif)
}

pub(super) fn identifier_abn(fields: &OrderFields, _: Date) -> Found {
    identifier(fields, "abn", &fields.identifiers.abn)
}

pub(super) fn identifier_port_category(fields: &OrderFields, _: Date) -> Found {
    identifier(fields, "port_category", &fields.identifiers.port_category)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FieldKey;
    use crate::domain::fields::FieldValue;

    fn numbers_of(n: usize, first: u64) -> Vec<String> {
        (0..n as u64)
            .map(|i| format!("+1206{:07}", first + i))
            .collect()
    }

    /// A long list's problems are remembered by the list, its country and its type: the same
    /// list in a toll-free order, or with one number changed, is checked again.
    #[test]
    fn a_long_list_is_checked_again_when_it_or_its_country_or_type_changes() {
        let mut fields = OrderFields::default();
        fields.set(FieldKey::Country, FieldValue::Text("US".into()));
        fields.set(FieldKey::NumberType, FieldValue::Text("geographic".into()));
        fields.set(
            FieldKey::Numbers,
            FieldValue::List(numbers_of(300, 2_000_000)),
        );
        let today = jiff::civil::date(2026, 11, 26);
        assert_eq!(numbers(&fields, today), Vec::new());
        fields.set(FieldKey::NumberType, FieldValue::Text("toll_free".into()));
        let toll_free = numbers(&fields, today);
        assert_eq!(toll_free.len(), 300, "{:?}", toll_free.first());
        fields.set(FieldKey::Country, FieldValue::Text("CA".into()));
        fields.set(FieldKey::NumberType, FieldValue::Text("geographic".into()));
        let in_canada = numbers(&fields, today);
        assert_eq!(in_canada.len(), 300);
        assert!(in_canada[0].1.contains("a US number"), "{:?}", in_canada[0]);
        fields.set(FieldKey::Country, FieldValue::Text("US".into()));
        assert_eq!(numbers(&fields, today), Vec::new());
        let mut list = numbers_of(300, 2_000_000);
        list[299] = "12345".into();
        fields.set(FieldKey::Numbers, FieldValue::List(list));
        let one_bad = numbers(&fields, today);
        assert_eq!(one_bad.len(), 1);
        assert!(one_bad[0].1.starts_with("12345"), "{:?}", one_bad[0]);
        let us = rules::Country::Us;
        let geographic = Some(rules::NumberType::Geographic);
        assert_eq!(one_bad, numbers_found(&fields.numbers, us, geographic));
    }
}
