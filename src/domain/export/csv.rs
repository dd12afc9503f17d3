//! The CSV export: the numbers in Teams' upload format, one column headed `PhoneNumber` with one
//! number a row.
//!
//! Lines end in CRLF: RFC 4180 says so, Excel writes it, and Teams' template is an Excel file;
//! every CSV reader (ours included) also takes it.
//!
//! Safe against spreadsheet formula injection (OWASP "CSV injection"): a cell that starts with
//! `=`, `+`, `-`, `@`, a tab or a carriage return may run as a formula when the file is opened,
//! so it gets a leading `'`, which spreadsheets read as "text" and do not show. An E.164 number
//! (`+` and digits only) is not a formula and keeps its `+` as is, so the file stays readable and
//! uploadable.

use super::{ExportError, one_line};
use std::borrow::Cow;

/// Teams' header for the numbers column.
pub const HEADER: &str = "PhoneNumber";

/// The numbers as a CSV file.
pub fn render(numbers: &[String]) -> Result<String, ExportError> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |e: ::csv::Error| ExportError::Csv(e.to_string());
    writer.write_record([HEADER]).map_err(fail)?;
    for number in numbers {
        let cell = one_line(number);
        if cell.is_empty() {
            continue;
        }
        writer
            .write_record([guard_formula(&cell).as_ref()])
            .map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Csv(e.to_string()))
}

/// A cell a spreadsheet will not run as a formula: a risky first character gets a leading `'`,
/// except for an E.164 number.
pub fn guard_formula(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_e164(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `+` followed by digits only.
fn is_e164(cell: &str) -> bool {
    cell.strip_prefix('+')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e164_is_kept_and_formulas_are_defused() {
        assert_eq!(guard_formula("+14255550100"), "+14255550100");
        assert_eq!(guard_formula("4255550100"), "4255550100");
        assert_eq!(guard_formula("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(guard_formula("@SUM(1)"), "'@SUM(1)");
        assert_eq!(guard_formula("-2+3"), "'-2+3");
        assert_eq!(guard_formula("+1 425"), "'+1 425");
        assert_eq!(guard_formula("+"), "'+");
        assert_eq!(guard_formula("\tx"), "'\tx");
    }

    #[test]
    fn header_then_one_number_a_row_in_crlf() {
        let csv = render(&["+14255550100".into(), "+14255550101".into()]);
        assert_eq!(
            csv,
            Ok("PhoneNumber\r\n+14255550100\r\n+14255550101\r\n".into())
        );
    }
}
