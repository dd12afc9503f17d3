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

/// The formats of `portwiz export --format` and of the app's export dialog: the one list of
/// them (`export --help`, the CLI's parser and the dialog all read [`Format::ALL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// The assignment plan as Teams PowerShell ([`powershell`]): needs the plan, and says in
    /// its header the tenant and the time it was written.
    Powershell,
    /// The hand-off packet (`domain::packet`): a folder of files, not one file.
    Packet,
}

impl Format {
    /// Every format, in the order `export --help` and the app's dialog list them, the one to
    /// read first first (a new format: its variant, here, and its words below, which the
    /// compiler asks for).
    pub const ALL: [Format; 8] = [
        Format::Text,
        Format::Loa,
        Format::LoaPdf,
        Format::Csv,
        Format::Case,
        Format::Json,
        Format::Powershell,
        Format::Packet,
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
            Format::Powershell => "powershell",
            Format::Packet => "packet",
        }
    }

    /// The format of a command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// What it is, for the user choosing one on the command line (`export --help`).
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
            Format::Powershell => {
                "The assignment plan as Teams PowerShell: one Set-CsPhoneNumberAssignment line a \
                 number (Register-CsOnlineDialInConferencingServiceNumber for a conference bridge)"
            }
            Format::Packet => {
                "A hand-off packet: a new folder (-o DIR) with the admin center's fields (or the \
                 case's), the numbers CSV, the LOA PDF and a README of the steps for the \
                 customer's admin"
            }
        }
    }

    /// Its label and what it is in a few words, as the app's help lists it ("LOA: the Letter
    /// of Authorization to sign"); [`Format::label`] and [`Format::brief`] are its two parts.
    pub const fn title(self) -> &'static str {
        match self {
            Format::Json => "JSON fields document: every field; `portwiz import` reads it",
            Format::Text => "Text summary: to read, paste or e-mail to the carrier",
            Format::Csv => "CSV of numbers: the numbers as Teams imports them",
            Format::Loa => "LOA: the Letter of Authorization to sign",
            Format::LoaPdf => "LOA as PDF: the same letter, to print or upload",
            Format::Case => "Service Center case: a Port in case at the Service Center",
            Format::Powershell => "PowerShell script: the Teams assignments, a line a number",
            Format::Packet => "Hand-off packet: a folder for the customer's admin",
        }
    }

    /// Its name in a list of formats (the app's export dialog): the title before its colon.
    pub fn label(self) -> &'static str {
        let title = self.title();
        title.split_once(": ").map_or(title, |(label, _)| label)
    }

    /// What it is in a few words, beside its label (at most 44 columns): the title after its
    /// colon.
    pub fn brief(self) -> &'static str {
        let title = self.title();
        title.split_once(": ").map_or(title, |(_, brief)| brief)
    }

    /// Whether the PIN may be written in it, when secrets are asked for (never in the LOA, the
    /// numbers, the case or the script; in a packet, its field sheet only).
    pub const fn may_hold_the_pin(self) -> bool {
        matches!(self, Format::Json | Format::Text | Format::Packet)
    }

    /// Whether the file is text (a terminal can show it).
    pub const fn is_text(self) -> bool {
        !matches!(self, Format::LoaPdf | Format::Packet)
    }

    /// Whether it writes a folder of files rather than one file (the packet).
    pub const fn writes_folder(self) -> bool {
        matches!(self, Format::Packet)
    }

    /// Whether it can be written for `order`: the PowerShell script only once a number is
    /// assigned (else it would be a header alone); every other format always.
    pub fn applies_to(self, order: &Order) -> bool {
        match self {
            Format::Powershell => order
                .fields
                .numbers
                .iter()
                .any(|n| order.assignments.contains_key(n)),
            _ => true,
        }
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
    #[error(transparent)]
    Script(#[from] powershell::ScriptError),
    #[error("the {0} export is not made from the order alone: {1}")]
    NotFromTheOrderAlone(&'static str, &'static str),
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
        Format::Powershell => Err(ExportError::NotFromTheOrderAlone(
            format.name(),
            "its header names the tenant and the time (`export::bytes`)",
        )),
        Format::Packet => Err(packet_is_a_folder()),
    }
}

/// The bytes of the export file, in a format made from the order alone (every format but the
/// PowerShell script, see [`bytes`], and the packet, a folder: `domain::packet::files`).
pub fn file(order: &Order, format: Format, include_secrets: bool) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::LoaPdf => Ok(loa_pdf::render(order)?),
        _ => render(order, format, include_secrets).map(String::into_bytes),
    }
}

/// The bytes of the export file in any one-file format, the PowerShell script with its header
/// saying `written` (the tenant and the time). The packet is a folder: `domain::packet::files`.
pub fn bytes(
    order: &Order,
    format: Format,
    include_secrets: bool,
    written: &powershell::Written,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Powershell => Ok(powershell::render(order, written)?.into_bytes()),
        _ => file(order, format, include_secrets),
    }
}

fn packet_is_a_folder() -> ExportError {
    ExportError::NotFromTheOrderAlone(
        Format::Packet.name(),
        "it is a folder of files (`domain::packet::files`)",
    )
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
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
            assert!(!format.label().is_empty(), "{format:?}");
            assert!(
                unicode_width::UnicodeWidthStr::width(format.brief()) <= 44,
                "{format:?}: the dialog has 44 columns for it"
            );
        }
        assert_eq!(Format::from_name("pdf"), None);
    }

    #[test]
    fn the_script_applies_once_a_number_is_assigned_and_is_written_by_bytes() {
        use crate::domain::assignment::{Assignment, IdentityKind};
        let mut fields = crate::domain::OrderFields::default();
        fields.set(
            FieldKey::Numbers,
            FieldValue::List(vec!["+14255550100".into()]),
        );
        let mut order = Order::new("PO-PS".into(), fields, jiff::Timestamp::UNIX_EPOCH);
        assert!(!Format::Powershell.applies_to(&order));
        assert!(
            Format::ALL
                .iter()
                .filter(|f| **f != Format::Powershell)
                .all(|f| f.applies_to(&order))
        );
        order.assignments.insert(
            "+14255550100".into(),
            Assignment {
                identity: "alice@contoso.com".into(),
                kind: IdentityKind::User,
                location_id: "5d0d1a0b-6a3f-4a8e-9b55-3c2f1e0a7d11".into(),
            },
        );
        assert!(Format::Powershell.applies_to(&order));
        let written = powershell::Written {
            tenant: Some("contoso".into()),
            at: jiff::Timestamp::UNIX_EPOCH,
        };
        let script = bytes(&order, Format::Powershell, false, &written).unwrap();
        let script = String::from_utf8(script).unwrap();
        assert!(script.contains("# Tenant: contoso"), "{script}");
        assert!(script.contains("Set-CsPhoneNumberAssignment -Identity 'alice@contoso.com'"));
        assert!(matches!(
            file(&order, Format::Powershell, false),
            Err(ExportError::NotFromTheOrderAlone("powershell", _))
        ));
        assert!(matches!(
            bytes(&order, Format::Packet, false, &written),
            Err(ExportError::NotFromTheOrderAlone("packet", _))
        ));
    }
}
