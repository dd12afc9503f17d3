//! Outside the US & Canada wizard the LOA is Microsoft's own form for the country, number type
//! and language (domain.md §7). portwiz does not draw that form: it names the form to download
//! (from the country rulebook) and lists the order's values the form asks for, ready to copy
//! in, with where the sources disagree.

use super::{readable_value, wrapped_numbers};
use crate::domain::countries::CountryRules;
use crate::domain::key::FieldKey;
use crate::domain::order::Order;
use crate::domain::registry::FIELDS;

const NUMBERS_PER_LINE: usize = 4;
/// What a value not given yet becomes: a line to fill in by hand.
const BLANK: &str = "______________________________";

/// The sheet for an order of `country` (an All regions country).
pub fn render(order: &Order, country: &CountryRules) -> String {
    let number_type = order.fields.number_type.trim();
    let mut out = format!(
        "LETTER OF AUTHORIZATION: {}\n\n\
         For {}, Microsoft's own LOA form is signed, not a letter of portwiz's. Download it in \
         the Teams admin center (the porting wizard's \"Complete your order\" page), fill it in \
         with the values below, have the authorized user sign it, and upload it.\n\n",
        country.name,
        order.fields.rules_country().in_sentence()
    );
    let forms: Vec<_> = country.loa_forms(number_type).collect();
    if forms.is_empty() {
        out.push_str("Microsoft's form for this order: not known to portwiz.\n");
    } else {
        out.push_str("Microsoft's form for this order:\n");
        for form in forms {
            out.push_str(&format!("   {} ({})\n", form.title, form.language));
        }
    }
    out.push_str(&format!("   Source: {}\n", country.loa.source));
    if let Some(note) = &country.loa.note {
        out.push_str(&format!("   Note: {note}\n"));
    }
    for note in &country.notes {
        out.push_str(&format!("   Note: {} ({})\n", note.text, note.source));
    }
    out.push_str("\nTHE ORDER'S VALUES, TO COPY INTO THE FORM\n\n");
    values(order, &mut out);
    out
}

/// The fields the LOA covers that this order's country asks, one a line (numbers wrapped).
fn values(order: &Order, out: &mut String) {
    let fields: Vec<_> = FIELDS
        .iter()
        .filter(|f| (f.loa || f.key == FieldKey::Country) && f.asked(&order.fields) && !f.secret)
        .collect();
    let width = fields
        .iter()
        .map(|f| f.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for field in fields {
        let label = format!("{}:", field.label);
        if field.key == FieldKey::Numbers {
            let numbers = &order.fields.numbers;
            out.push_str(&format!("{label} {}\n", numbers.len()));
            out.push_str(&wrapped_numbers(numbers, NUMBERS_PER_LINE, "   "));
            out.push('\n');
            continue;
        }
        let empty = if field.required_for(&order.fields) {
            BLANK
        } else {
            "none"
        };
        let shown = readable_value(field, &order.fields.get(field.key))
            .unwrap_or_else(|| empty.to_string());
        out.push_str(&format!("{label:<width$}{shown}\n"));
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::export::{Format, render};
    use crate::domain::fields::FieldValue;
    use crate::domain::key::FieldKey;
    use crate::domain::order::{Clock, Order};
    use crate::domain::test_orders::complete_order;

    fn uk_order() -> Order {
        let mut order = complete_order("PW-UK", "Northwind Telecom UK", 0);
        let now = Clock::fixed(jiff::civil::date(2026, 11, 26)).now;
        for (key, value) in [
            (FieldKey::Country, "GB"),
            (FieldKey::Numbers, "+442079460000; +442079460001"),
            (FieldKey::ServiceAddressCountry, "GB"),
            (FieldKey::ServiceAddressState, ""),
            (FieldKey::ServiceAddressPostalCode, "SW1A 2AA"),
            (FieldKey::IdUnderlyingCarrier, "BT Wholesale"),
        ] {
            order
                .edit(key, FieldValue::Text(value.into()), now)
                .unwrap();
        }
        order
    }

    #[test]
    fn an_all_regions_loa_names_microsofts_form_and_lists_the_values() {
        let order = uk_order();
        let text = render(&order, Format::Loa, false).unwrap();
        assert!(
            text.starts_with("LETTER OF AUTHORIZATION: United Kingdom"),
            "{text}"
        );
        assert!(
            text.contains(
                "Letter of Authorization (LOA) for the U.K. (geographic numbers) (v.2.0) (en-us)"
            ),
            "{text}"
        );
        assert!(
            text.contains("Underlying carrier (range holder):"),
            "{text}"
        );
        assert!(text.contains("BT Wholesale"), "{text}");
        assert!(text.contains("SW1A 2AA"), "{text}");
        assert!(text.contains("+442079460000"), "{text}");
        assert!(
            !text.contains("state or province"),
            "the UK has no state line: {text}"
        );
        assert!(
            !text.contains("RIO"),
            "France's identifiers are not asked: {text}"
        );
    }

    #[test]
    fn the_pdf_carries_the_same_sheet() {
        let order = uk_order();
        let pdf = crate::domain::export::file(&order, Format::LoaPdf, false).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }
}
