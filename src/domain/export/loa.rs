//! The Letter of Authorization: `assets/loa-template.txt` filled from the order. Placeholders are
//! `{{key}}`, named by field key, so the registry drives what the letter can hold; besides the
//! field keys the template may use `{{number_count}}` and `{{numbers_attachment}}`. A placeholder
//! that is neither, or names the PIN, is an error: the PIN never appears in the LOA.

use super::{one_line, readable_value, wrapped_numbers};
use crate::domain::countries::Route;
use crate::domain::fields::FieldValue;
use crate::domain::key::FieldKey;
use crate::domain::order::Order;
use crate::domain::registry::{Required, spec};

/// The template, embedded in the binary.
pub const TEMPLATE: &str = include_str!("../../../assets/loa-template.txt");

/// Up to this many numbers are listed in the letter; beyond, it says "see the attached list"
/// and the list follows the signature as an attachment.
pub const NUMBERS_IN_LETTER: usize = 50;
const NUMBERS_PER_LINE: usize = 5;
/// What a required field left empty becomes: a line to fill in by hand before signing.
const BLANK: &str = "______________________________";
/// What an optional field left empty becomes.
const NONE: &str = "none";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("the LOA template names `{{{{{0}}}}}`, which is not a field key")]
    Unknown(String),
    #[error("the LOA template names `{{{{{0}}}}}`, a secret that never appears in an LOA")]
    Secret(String),
    #[error("the LOA template has a `{{{{` that is never closed")]
    Unclosed,
}

/// The letter for an order, from the embedded template; outside the US & Canada wizard, the
/// sheet for Microsoft's own form of the order's country.
pub fn render(order: &Order) -> Result<String, TemplateError> {
    let country = order.fields.rules_country();
    match country.rules() {
        Some(rules) if rules.route.value == Route::AllRegions => {
            Ok(super::loa_form::render(order, rules))
        }
        _ => render_template(TEMPLATE, order),
    }
}

/// The letter for an order from any template (tests use broken ones).
pub fn render_template(template: &str, order: &Order) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(template.len() + 1024);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").ok_or(TemplateError::Unclosed)?;
        out.push_str(&value(after[..end].trim(), order)?);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The placeholders a template names, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        names.push(after[..end].trim());
        rest = &after[end + 2..];
    }
    names
}

fn value(name: &str, order: &Order) -> Result<String, TemplateError> {
    let numbers = &order.fields.numbers;
    match name {
        "number_count" => return Ok(numbers.len().to_string()),
        "numbers_attachment" => return Ok(attachment(order)),
        _ => {}
    }
    let key: FieldKey = name
        .parse()
        .map_err(|_| TemplateError::Unknown(name.to_string()))?;
    let field = spec(key);
    if field.secret {
        return Err(TemplateError::Secret(name.to_string()));
    }
    if key == FieldKey::Numbers {
        return Ok(match numbers.len() {
            0 => format!("   {BLANK}"),
            n if n > NUMBERS_IN_LETTER => format!(
                "   See the attached list of {} (Attachment A), which is part of this letter.",
                crate::domain::rules::text::counted(n, "number")
            ),
            _ => wrapped_numbers(numbers, NUMBERS_PER_LINE, "   "),
        });
    }
    let shown = match &order.fields.get(key) {
        FieldValue::Text(t) if key == FieldKey::PortType => port_type(t),
        v => readable_value(field, v),
    };
    Ok(shown.unwrap_or_else(|| {
        if field.required == Required::Always {
            BLANK.to_string()
        } else {
            NONE.to_string()
        }
    }))
}

/// The port type as a carrier reads it (the registry's label explains it to the user instead).
fn port_type(value: &str) -> Option<String> {
    match value.trim() {
        "" => None,
        "full" => Some("Full port (every number on the account; the account closes)".into()),
        "partial" => Some("Partial port (some numbers stay with the current provider)".into()),
        other => Some(one_line(other)),
    }
}

/// The numbers list after the signature, when the letter has too many to list.
fn attachment(order: &Order) -> String {
    let numbers = &order.fields.numbers;
    if numbers.len() <= NUMBERS_IN_LETTER {
        return String::new();
    }
    format!(
        "\n\nATTACHMENT A: TELEPHONE NUMBERS TO PORT ({n})\n   Customer: {customer}    Account number: {account}\n\n{list}\n",
        n = numbers.len(),
        customer = value("organization_name", order).unwrap_or_default(),
        account = value("account_number", order).unwrap_or_default(),
        list = wrapped_numbers(numbers, NUMBERS_PER_LINE, "   "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn order() -> Order {
        Order::new("PO-TEST".into(), Default::default(), Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn every_placeholder_of_the_template_is_known_and_not_secret() {
        let names = placeholders(TEMPLATE);
        assert!(names.len() > 15, "{names:?}");
        for name in names {
            assert!(value(name, &order()).is_ok(), "{name}");
        }
        assert!(render(&order()).is_ok());
    }

    #[test]
    fn unknown_secret_and_unclosed_placeholders_are_errors() {
        assert_eq!(
            render_template("Name: {{organisation}}", &order()),
            Err(TemplateError::Unknown("organisation".into()))
        );
        assert_eq!(
            render_template("PIN: {{ pin }}", &order()),
            Err(TemplateError::Secret("pin".into()))
        );
        assert_eq!(
            render_template("x {{numbers", &order()),
            Err(TemplateError::Unclosed)
        );
    }

    #[test]
    fn empty_required_fields_are_lines_to_fill_in_and_optional_ones_say_none() {
        let text = render_template("{{account_number}}|{{replacement_btn}}", &order());
        assert_eq!(text, Ok(format!("{BLANK}|{NONE}")));
    }
}
