//! What a user typed or imported for a field, made into the value to store: the numbers in E.164
//! (each once) when they are all valid, and a CSV file's numbers checked row by row. Shared by
//! `portwiz set` and the plain-text wizard so both store the same thing for the same input.

use super::fields::{FieldValue, OrderFields};
use super::key::FieldKey;
use super::rules::{self, Country, NumberState};

/// Numbers are kept in E.164, each once, once they are all valid (the numbers list, the BTN and
/// the replacement BTN); anything else is stored as typed (a draft keeps what was entered and
/// validation says what is wrong).
pub fn normalised(key: FieldKey, value: FieldValue, fields: &OrderFields) -> FieldValue {
    if matches!(
        key,
        FieldKey::BillingTelephoneNumber | FieldKey::ReplacementBtn
    ) {
        let FieldValue::Text(text) = &value else {
            return value;
        };
        let report = rules::parse_numbers(text, country(fields), None);
        return match report.to_result().as_deref() {
            Ok([one]) => FieldValue::Text(one.clone()),
            _ => value,
        };
    }
    if key != FieldKey::Numbers {
        return value;
    }
    let text = match &value {
        FieldValue::List(items) => items.join("\n"),
        FieldValue::Text(t) => t.clone(),
    };
    let report = rules::parse_numbers(&text, country(fields), fields.number_type.parse().ok());
    match report.to_result() {
        Ok(numbers) => FieldValue::List(numbers),
        Err(_) => value,
    }
}

fn country(fields: &OrderFields) -> Country {
    fields.country.parse().unwrap_or(Country::Us)
}

/// The numbers a CSV file gave, with what the user should know (repeated rows, merged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvImport {
    /// E.164, each once, in the file's order.
    pub numbers: Vec<String>,
    /// "Row N: …" for rows that repeat an earlier number.
    pub warnings: Vec<String>,
}

/// Why a CSV file's numbers were not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvRefusal {
    /// Nothing could be read (no `PhoneNumber` column, empty, UTF-16).
    #[error("{0}")]
    File(String),
    /// Some rows are wrong: every one is named, with the count of good rows.
    #[error("{} row(s) need fixing", .messages.len())]
    Rows { messages: Vec<String>, good: usize },
}

/// Reads the numbers of a CSV file (Teams' `PhoneNumber` column and what spreadsheets really
/// export) and checks each against the order's country and number type. All or nothing: a file
/// with a bad row gives every bad row ("Row N: …") and stores nothing half-read.
pub fn numbers_from_csv(bytes: &[u8], fields: &OrderFields) -> Result<CsvImport, CsvRefusal> {
    let csv = rules::parse_numbers_csv(bytes);
    if let Some(e) = csv.file_error {
        return Err(CsvRefusal::File(e.to_string()));
    }
    let report = csv.report(country(fields), fields.number_type.parse().ok());
    let mut errors: Vec<(usize, String)> = csv
        .row_errors
        .iter()
        .map(|r| (r.row, r.message.clone()))
        .collect();
    let mut warnings = Vec::new();
    for entry in report.problems() {
        let Some(message) = entry.message() else {
            continue;
        };
        if matches!(entry.state, NumberState::Duplicate { .. }) {
            warnings.push(message);
        } else {
            errors.push((entry.row.unwrap_or(0), message));
        }
    }
    if let Err(e) = rules::check_number_count(report.valid_count()) {
        errors.push((0, e.to_string()));
    }
    if !errors.is_empty() {
        errors.sort_by_key(|(row, _)| *row);
        return Err(CsvRefusal::Rows {
            messages: errors.into_iter().map(|(_, m)| m).collect(),
            good: report.valid_count(),
        });
    }
    if report.unique_valid.is_empty() {
        return Err(CsvRefusal::File(
            "The file has a PhoneNumber column but no numbers in it.".into(),
        ));
    }
    Ok(CsvImport {
        numbers: report.unique_valid,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_btn_is_kept_in_e164_and_a_bad_one_as_typed() {
        let fields = OrderFields::default();
        let btn = |v: &str| {
            normalised(
                FieldKey::BillingTelephoneNumber,
                FieldValue::Text(v.into()),
                &fields,
            )
        };
        assert_eq!(
            btn("(425) 555-0101"),
            FieldValue::Text("+14255550101".into())
        );
        assert_eq!(btn("555"), FieldValue::Text("555".into()));
        assert_eq!(
            btn("4255550101, 4255550102"),
            FieldValue::Text("4255550101, 4255550102".into())
        );
    }

    fn us() -> OrderFields {
        OrderFields {
            country: "US".into(),
            number_type: "geographic".into(),
            ..Default::default()
        }
    }

    #[test]
    fn good_rows_become_e164_and_repeats_are_warned_about() {
        let got = numbers_from_csv(
            b"PhoneNumber\n425-555-0100\n+14255550101\n4255550100\n",
            &us(),
        );
        let got = got.unwrap();
        assert_eq!(got.numbers, ["+14255550100", "+14255550101"]);
        assert_eq!(got.warnings.len(), 1);
        assert!(got.warnings[0].starts_with("Row 4: "), "{:?}", got.warnings);
    }

    #[test]
    fn every_bad_row_is_named_in_row_order() {
        let got = numbers_from_csv(b"PhoneNumber\n4.2555501E+09\n4255550100\n42555\n", &us());
        let Err(CsvRefusal::Rows { messages, good }) = got else {
            panic!("{got:?}")
        };
        assert_eq!(good, 1);
        assert!(messages[0].starts_with("Row 2: "), "{messages:?}");
        assert!(messages[1].starts_with("Row 4: "), "{messages:?}");
    }
}
