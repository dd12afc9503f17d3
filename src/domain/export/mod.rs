//! What `portwiz export` writes: pure renderers over an [`Order`], no I/O. Every format reads the
//! field registry (never a list of its own), cleans text that came from outside of terminal
//! control sequences, and leaves the PIN out unless secrets are asked for (the LOA never shows it).

pub mod case;
pub mod csv;
mod helvetica;
pub mod ics;
pub mod loa;
mod loa_form;
pub mod loa_pdf;
pub mod powershell;
pub mod several;
pub mod table;
pub mod text;

use super::document;
use super::fields::FieldValue;
use super::order::Order;
use super::registry::{FieldSpec, Kind};
use super::sanitize::strip_invisible;
use serde_json::Value;

/// The formats of `portwiz export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The fields document that `import` reads back.
    Json,
    /// A summary to read, paste into the Teams admin center or e-mail to the carrier.
    Text,
    /// The numbers in Teams' CSV format (`PhoneNumber`, one a row).
    Csv,
    /// A Letter of Authorization for the authorized user to sign.
    Loa,
    /// The same letter as a PDF, to upload once signed.
    LoaPdf,
    /// The Phone Number Service Center's "Port in" case, field by field (`case`).
    Case,
}

impl Format {
    /// Every format, in the order `export --help` lists them (a new format: its variant, here,
    /// and its `name` and `about`, which the compiler asks for).
    pub const ALL: [Format; 6] = [
        Format::Json,
        Format::Text,
        Format::Csv,
        Format::Loa,
        Format::LoaPdf,
        Format::Case,
    ];

    /// Its name on the command line (`export --format loa-pdf`).
    pub const fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "text",
            Format::Csv => "csv",
            Format::Loa => "loa",
            Format::LoaPdf => "loa-pdf",
            Format::Case => "case",
        }
    }

    /// What it is, for the user choosing one (`export --help`).
    pub const fn about(self) -> &'static str {
        match self {
            Format::Json => "The fields document that `import` reads back",
            Format::Text => "A plain summary to read, paste or e-mail",
            Format::Csv => "The numbers in Teams' CSV format (PhoneNumber column)",
            Format::Loa => "A Letter of Authorization to sign",
            Format::LoaPdf => {
                "The Letter of Authorization as a PDF (binary: use -o FILE or a pipe)"
            }
            Format::Case => {
                "The Phone Number Service Center's \"Port in\" case, field by field (for an order \
                 of 1,000 numbers or more, or of service numbers)"
            }
        }
    }

    /// Whether the PIN may be written in it, when secrets are asked for (never in the LOA, the
    /// numbers or the case).
    pub const fn may_hold_the_pin(self) -> bool {
        matches!(self, Format::Json | Format::Text)
    }

    /// Whether the file is text (a terminal can show it).
    pub const fn is_text(self) -> bool {
        !matches!(self, Format::LoaPdf)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Loa(#[from] loa::TemplateError),
    #[error("cannot write the CSV: {0}")]
    Csv(String),
    #[error("the PDF is a binary file, not text")]
    NotText,
}

/// The order in one of the text formats (`NotText` for the PDF: see [`file`]).
/// `include_secrets` puts the PIN in the JSON and text exports.
pub fn render(order: &Order, format: Format, include_secrets: bool) -> Result<String, ExportError> {
    match format {
        Format::Json => Ok(json(order, include_secrets)),
        Format::Text => Ok(text::render(order, include_secrets)),
        Format::Csv => csv::render(&order.fields.numbers),
        Format::Loa => Ok(loa::render(order)?),
        Format::LoaPdf => Err(ExportError::NotText),
        Format::Case => Ok(case::render(order)),
    }
}

/// The bytes of the export file, in any format.
pub fn file(order: &Order, format: Format, include_secrets: bool) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::LoaPdf => Ok(loa_pdf::render(order)?),
        _ => render(order, format, include_secrets).map(String::into_bytes),
    }
}

/// Text from outside, as every export writes it: terminal sequences removed, and zero-width
/// characters and byte-order marks dropped (they hide inside a number or a name, and a carrier's
/// or Teams' check would then refuse a value that looks right).
pub fn clean(text: &str) -> String {
    strip_invisible(&super::sanitize::clean(text))
}

/// The fields document of an order, every string cleaned, pretty-printed.
pub fn json(order: &Order, include_secrets: bool) -> String {
    let mut value = document::export(order, include_secrets);
    clean_strings(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Clean every string of a JSON value, keys included, in place.
fn clean_strings(value: &mut Value) {
    match value {
        Value::String(s) => *s = clean(s),
        Value::Array(items) => items.iter_mut().for_each(clean_strings),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut v) in entries {
                clean_strings(&mut v);
                map.insert(clean(&key), v);
            }
        }
        _ => {}
    }
}

/// Text from outside on one line: control sequences removed, line breaks and tabs made spaces.
pub fn one_line(text: &str) -> String {
    clean(text)
        .split(['\n', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A field's value as people read it, on one line: a choice by its label, a list joined with
/// `; `, everything cleaned. `None` when the field is empty. Secrets are the caller's business.
pub fn readable_value(field: &FieldSpec, value: &FieldValue) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let line = match (field.kind, value) {
        (Kind::Choice(options), FieldValue::Text(t)) => options
            .label_of(t)
            .map_or_else(|| t.clone(), str::to_string),
        (_, FieldValue::List(items)) => items
            .iter()
            .map(|i| one_line(i))
            .filter(|i| !i.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        (_, FieldValue::Text(t)) => t.clone(),
    };
    Some(one_line(&line))
}

/// Numbers cleaned, `per_line` to a line separated by `, ` (Teams' wizard takes a pasted list
/// separated by commas), each line but the last ending in a comma, each indented by `indent`.
pub fn wrapped_numbers(numbers: &[String], per_line: usize, indent: &str) -> String {
    let numbers: Vec<String> = numbers
        .iter()
        .map(|n| one_line(n))
        .filter(|n| !n.is_empty())
        .collect();
    let lines: Vec<String> = numbers
        .chunks(per_line.max(1))
        .map(|chunk| format!("{indent}{}", chunk.join(", ")))
        .collect();
    lines.join(",\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FieldKey;

    #[test]
    fn every_format_drops_zero_width_characters_and_byte_order_marks() {
        let mut fields = crate::domain::OrderFields::default();
        let hidden = "\u{feff}Fab\u{200b}rikam\u{200d}\u{2060}";
        fields.set(FieldKey::OrganizationName, FieldValue::Text(hidden.into()));
        fields.set(
            FieldKey::Numbers,
            FieldValue::List(vec!["+1425\u{200b}5550100".into()]),
        );
        let order = Order::new("PO-ZW".into(), fields, jiff::Timestamp::UNIX_EPOCH);
        for format in [Format::Json, Format::Text, Format::Csv, Format::Loa] {
            let text = render(&order, format, false).unwrap();
            assert!(
                !text.chars().any(crate::domain::sanitize::is_invisible),
                "{format:?}: {text:?}"
            );
            assert!(text.contains("+14255550100"), "{format:?}: {text}");
        }
    }

    #[test]
    fn one_line_removes_sequences_and_breaks() {
        assert_eq!(one_line("a\x1b[2J\nb\tc "), "a\u{FFFD} b c");
    }

    #[test]
    fn numbers_wrap_with_commas_at_line_ends() {
        let numbers: Vec<String> = (0..7).map(|i| format!("+1425555010{i}")).collect();
        assert_eq!(
            wrapped_numbers(&numbers, 3, "  "),
            "  +14255550100, +14255550101, +14255550102,\n  +14255550103, +14255550104, +14255550105,\n  +14255550106"
        );
    }

    #[test]
    fn every_format_has_a_name_of_its_own_and_words() {
        let mut names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Format::ALL.len());
        assert!(Format::ALL.iter().all(|f| !f.about().is_empty()));
    }
}
