//! The Phone Number Service Center's "Port in" case (domain.md §8): the order laid out as the
//! case's own fields, for an order the wizard does not take (`OrderFields::case_reasons`).
//! `export --format case` writes it; the hand-off shows the same fields.

use super::one_line;
use crate::domain::key::FieldKey;
use crate::domain::order::Order;
use crate::domain::rules::port_time::{PortTimeRule, parse_time, port_time_rule};
use crate::domain::rules::text::thousands;
use crate::domain::rules::{Country, NumberType};

/// Where a case is opened.
pub const SERVICE_CENTER_URL: &str = "https://pstnsd.powerappsportals.com/";

/// One field of the case form, as the Service Center labels it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseField {
    pub label: &'static str,
    /// The value, cleaned; several lines for the description and the attachments.
    pub value: String,
}

/// The case's fields, in the form's order, then the case number (the order's ticket).
pub fn fields(order: &Order) -> Vec<CaseField> {
    let f = &order.fields;
    let country = f.rules_country();
    let field = |label, value: String| CaseField { label, value };
    vec![
        field("Category", "Submit a new request".into()),
        field(
            "Country",
            format!("{} ({})", country.label(), country.as_str()),
        ),
        field("Case type", "Port in".into()),
        field("Title", title(order)),
        field(
            "Requested porting date and time",
            requested_time(order, country),
        ),
        field("Additional notification contacts", contacts(order)),
        field("Description", description(order)),
        field("Attachments", attachments(order)),
        field(
            "Case number",
            match &order.ticket {
                Some(ticket) => one_line(ticket),
                None => format!(
                    "(none yet: once the case is opened, record its number as the order's \
                     ticket: portwiz ticket {} CASE, or a on the order's page)",
                    order.id
                ),
            },
        ),
    ]
}

/// The case as text, one field a block: what `export --format case` writes.
pub fn render(order: &Order) -> String {
    let mut out = format!(
        "Phone Number Service Center: a Port in case for {}\nOpen it at {SERVICE_CENTER_URL} \
         (someone of the same tenant), one case per country.\n",
        one_line(&order.display_name())
    );
    let reasons = order.fields.case_reasons();
    if !reasons.is_empty() {
        let words: Vec<String> = reasons.iter().map(ToString::to_string).collect();
        out.push_str(&format!("Why a case: {}.\n", words.join("; ")));
    }
    out.push('\n');
    for field in fields(order) {
        let mut lines = field.value.lines();
        out.push_str(&format!(
            "{}: {}\n",
            field.label,
            lines.next().unwrap_or("")
        ));
        for line in lines {
            out.push_str(&format!("   {line}\n"));
        }
    }
    out
}

fn title(order: &Order) -> String {
    let f = &order.fields;
    let carrier = one_line(&f.current_carrier);
    let from = if carrier.is_empty() {
        String::new()
    } else {
        format!(" from {carrier}")
    };
    format!(
        "Port in: {} ({} numbers{from})",
        one_line(&order.display_name()),
        thousands(f.numbers.len())
    )
}

/// The requested date and time in the country's local time, with its zone: the stored time is
/// the wizard's (US Eastern in the US & Canada, the country's own elsewhere), so it is
/// converted. Not guaranteed: the carrier confirms it.
fn requested_time(order: &Order, country: Country) -> String {
    let f = &order.fields;
    let Ok(date) = f.port_date.trim().parse::<jiff::civil::Date>() else {
        return "(not given: set the port date and time)".into();
    };
    let number_type = f.number_type_choice().unwrap_or(NumberType::Geographic);
    let rule = port_time_rule(country, number_type);
    let time = parse_time(&f.port_time).unwrap_or_else(|| rule.default_time());
    let entered_in = match rule {
        PortTimeRule::Local(_) => country_zone(country),
        _ => crate::domain::rules::port_date::eastern(),
    };
    let local = country_zone(country);
    match date.to_datetime(time).to_zoned(entered_in) {
        Ok(at) => {
            let at = at.with_time_zone(local.clone());
            format!(
                "{} ({}, {}; not guaranteed: the carrier confirms it)",
                at.strftime("%Y-%m-%d %H:%M"),
                local.iana_name().unwrap_or("UTC"),
                at.strftime("%Z")
            )
        }
        Err(_) => format!("{date} (no valid time)"),
    }
}

fn country_zone(country: Country) -> jiff::tz::TimeZone {
    country
        .rules()
        .map_or(jiff::tz::TimeZone::UTC, |rules| rules.zone())
}

fn contacts(order: &Order) -> String {
    let f = &order.fields;
    let mut people = Vec::new();
    let requester = one_line(&format!("{} <{}>", f.requester.name, f.requester.email));
    if !f.requester.email.trim().is_empty() {
        people.push(requester);
    }
    people.extend(f.notification_emails.iter().map(|e| one_line(e)));
    if people.is_empty() {
        "(none given)".into()
    } else {
        people.join("; ")
    }
}

/// The fields the case form has a place of its own for (or that it never takes).
const OWN_FIELDS: [FieldKey; 11] = [
    FieldKey::Country,
    FieldKey::Numbers,
    FieldKey::NumberUsage,
    FieldKey::OrderName,
    FieldKey::PortDate,
    FieldKey::PortTime,
    FieldKey::RequesterName,
    FieldKey::RequesterEmail,
    FieldKey::NotificationEmails,
    FieldKey::Loa,
    FieldKey::Documents,
];

/// What Microsoft and the carrier need to read: the order's values that the case form has no
/// field for.
fn description(order: &Order) -> String {
    let f = &order.fields;
    let mut lines = vec![format!(
        "Port {} {} numbers from {} to Microsoft Teams Calling Plans.",
        thousands(f.numbers.len()),
        f.number_type_choice()
            .map_or("", |t| t.label())
            .to_lowercase(),
        one_line(&f.current_carrier)
    )];
    // Every value the wizard would ask that the case form has no field of its own for, by the
    // registry (so a new field follows); never the PIN.
    for spec in crate::domain::registry::FIELDS
        .iter()
        .filter(|s| s.asked(f) && !s.secret && !OWN_FIELDS.contains(&s.key))
    {
        if let Some(value) = super::readable_value(spec, &f.get(spec.key)) {
            lines.push(format!("{}: {}", spec.label_for(f), one_line(&value)));
        }
    }
    let reasons = f.case_reasons();
    if !reasons.is_empty() {
        let words: Vec<String> = reasons.iter().map(ToString::to_string).collect();
        lines.push(format!("Submitted as a case: {}.", words.join("; ")));
    }
    lines.join("\n")
}

fn attachments(order: &Order) -> String {
    let f = &order.fields;
    let loa = one_line(&f.loa);
    let id = &order.id;
    let loa = if loa.is_empty() {
        format!(
            "The signed LOA: not signed yet (no LOA, no port): portwiz export {id} --format loa-pdf"
        )
    } else {
        format!("The signed LOA: {loa}")
    };
    format!(
        "{id}-numbers.csv: the {} numbers, one PhoneNumber column (portwiz export {id} --format csv)\n{loa}",
        thousands(f.numbers.len())
    )
}

/// What every view of an order says when it is a Service Center case (the order's page,
/// `show`, Review, the hand-off): where it goes, why, and its case number. `None`: the wizard
/// takes it.
pub fn route_note(order: &Order) -> Option<String> {
    let reasons = order.fields.case_reasons();
    if reasons.is_empty() {
        return None;
    }
    let words: Vec<String> = reasons.iter().map(ToString::to_string).collect();
    let case = match &order.ticket {
        Some(ticket) => format!(
            " Its case: {}; after a rejection, update this case rather than open a new one.",
            one_line(ticket)
        ),
        None => " Record the case number as the order's ticket once it is opened.".to_string(),
    };
    Some(format!(
        "Goes to the Phone Number Service Center as a Port in case, not the wizard ({}).{case}",
        words.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{FieldKey, FieldValue};

    /// The commands a case names are the order's own: `portwiz export PO-… --format csv`, not
    /// a placeholder to fill in (found trying a 2,000-number case from a split sheet).
    #[test]
    fn the_commands_a_case_names_are_the_orders_own() {
        let mut order = Order::new(
            "PO-CASE1".into(),
            Default::default(),
            jiff::Timestamp::UNIX_EPOCH,
        );
        let numbers: Vec<String> = (0..1_000).map(|i| format!("+1206386{i:04}")).collect();
        order
            .fields
            .set(FieldKey::Country, FieldValue::Text("US".into()));
        order
            .fields
            .set(FieldKey::Numbers, FieldValue::List(numbers));
        let case = render(&order);
        for command in [
            "portwiz export PO-CASE1 --format csv",
            "portwiz export PO-CASE1 --format loa-pdf",
            "portwiz ticket PO-CASE1 CASE",
        ] {
            assert!(case.contains(command), "{command} in:\n{case}");
        }
        assert!(!case.contains(" ID "), "{case}");
    }
}
