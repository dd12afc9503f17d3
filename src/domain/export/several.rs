//! Several orders exported at once (the history's `e` on its marked orders). JSON and CSV hold
//! them all in one file: a JSON array of the fields documents, each as `export --format json`
//! writes it; one CSV of every number with its order's id and name. Every other format is one
//! file per order, named as the one-order export names it ([`file_name`]).

use super::csv::guard_formula;
use super::{ExportError, Format, clean_strings, one_line};
use crate::domain::document;
use crate::domain::order::Order;

/// Whether the orders go in one file in this format (else one file per order).
pub const fn is_combined(format: Format) -> bool {
    matches!(format, Format::Json | Format::Csv)
}

/// The file name offered for one order in a format.
pub fn file_name(order_id: &str, format: Format) -> String {
    let id: String = order_id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    match format {
        Format::Text => format!("{id}-summary.txt"),
        Format::Loa => format!("{id}-loa.txt"),
        Format::LoaPdf => format!("{id}-loa.pdf"),
        Format::Csv => format!("{id}-numbers.csv"),
        Format::Json => format!("{id}.json"),
        Format::Case => format!("{id}-case.txt"),
        Format::Powershell => format!("{id}-assignments.ps1"),
        Format::Packet => format!("{id}-packet"),
    }
}

/// The file name offered for `count` orders in one file (JSON or CSV).
pub fn combined_file_name(count: usize, format: Format) -> String {
    match format {
        Format::Csv => format!("portwiz-{count}-orders-numbers.csv"),
        _ => format!("portwiz-{count}-orders.json"),
    }
}

/// The one file of several orders, for a format that combines them ([`is_combined`]); the
/// PIN only in the JSON and only when `include_secrets`.
pub fn combined(
    orders: &[Order],
    format: Format,
    include_secrets: bool,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => numbers_csv(orders).map(String::into_bytes),
        _ => {
            let mut documents: serde_json::Value = orders
                .iter()
                .map(|o| document::export(o, include_secrets))
                .collect();
            clean_strings(&mut documents);
            let mut text = serde_json::to_string_pretty(&documents).unwrap_or_default();
            text.push('\n');
            Ok(text.into_bytes())
        }
    }
}

/// Every number of the orders, one a row, with its order: `PhoneNumber` first (the column
/// Teams and portwiz's CSV readers take), then `order_id` and `order_name`. CRLF and guarded
/// against formulas, as the one-order CSV.
fn numbers_csv(orders: &[Order]) -> Result<String, ExportError> {
    let fail = |e: ::csv::Error| ExportError::Csv(e.to_string());
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record([super::csv::HEADER, "order_id", "order_name"])
        .map_err(fail)?;
    for order in orders {
        let (id, name) = (one_line(&order.id), one_line(&order.display_name()));
        for number in &order.fields.numbers {
            let cell = one_line(number);
            if cell.is_empty() {
                continue;
            }
            writer
                .write_record([
                    guard_formula(&cell).as_ref(),
                    guard_formula(&id).as_ref(),
                    guard_formula(&name).as_ref(),
                ])
                .map_err(fail)?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Csv(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_orders::complete_order;

    fn two() -> Vec<Order> {
        let mut a = complete_order("PO-MARK0001", "Lumen", 0);
        a.fields.order_name = "=HYPERLINK(\"x\")".into();
        let b = complete_order("PO-MARK0002", "Zayo", 0);
        vec![a, b]
    }

    #[test]
    fn json_is_an_array_of_the_one_order_documents() {
        let orders = two();
        let bytes = combined(&orders, Format::Json, false).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let items = value.as_array().unwrap();
        assert_eq!(items.len(), 2);
        for (item, order) in items.iter().zip(&orders) {
            let one: serde_json::Value =
                serde_json::from_str(&super::super::json(order, false)).unwrap();
            assert_eq!(*item, one);
        }
    }

    #[test]
    fn csv_has_every_number_with_its_order_and_no_formula() {
        let orders = two();
        let text = String::from_utf8(combined(&orders, Format::Csv, false).unwrap()).unwrap();
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "PhoneNumber,order_id,order_name");
        let numbers: usize = orders.iter().map(|o| o.fields.numbers.len()).sum();
        assert_eq!(lines.len(), numbers + 1);
        assert!(lines[1].starts_with('+') && lines[1].contains(",PO-MARK0001,"));
        assert!(lines[1].contains("'=HYPERLINK"), "{text}");
        assert!(lines.last().unwrap().contains(",PO-MARK0002,"));
    }

    #[test]
    fn only_json_and_csv_combine() {
        assert!(is_combined(Format::Json) && is_combined(Format::Csv));
        for format in [Format::Text, Format::Loa, Format::LoaPdf, Format::Case] {
            assert!(!is_combined(format));
        }
        assert_eq!(file_name("PO-A/B", Format::Text), "PO-A_B-summary.txt");
        assert_eq!(
            combined_file_name(3, Format::Csv),
            "portwiz-3-orders-numbers.csv"
        );
    }
}
