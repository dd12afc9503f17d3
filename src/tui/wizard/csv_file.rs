//! The wizard's only I/O: reading a numbers CSV (Teams' format: one column headed `PhoneNumber`,
//! one number a row). `update` never calls this: it returns `Effect::ReadNumbersCsv`, and
//! `Wizard::handle_key` performs the effect and feeds the result back as a message, so `update`
//! stays pure and tests can feed `CsvLoaded` directly.

use std::path::Path;

/// The numbers in the file, or a sentence saying what is wrong with it.
pub fn read_numbers_csv(path: &Path) -> Result<Vec<String>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("Cannot read {}: {e}", path.display()))?;
    parse_numbers_csv(&bytes)
}

/// The numbers of a CSV document.
pub fn parse_numbers_csv(bytes: &[u8]) -> Result<Vec<String>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| format!("Not a CSV file: {e}"))?
        .clone();
    let column = headers
        .iter()
        .position(|h| h.eq_ignore_ascii_case("PhoneNumber"))
        .ok_or_else(|| {
            let first = headers.iter().next().unwrap_or("");
            format!(
                "No `PhoneNumber` column: the first row must be the header PhoneNumber (found “{}”)",
                crate::tui::text::one_line(first)
            )
        })?;
    let mut numbers = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("Row {}: {e}", row + 2))?;
        if let Some(value) = record.get(column) {
            let value = crate::tui::text::one_line(value).trim().to_string();
            if !value.is_empty() {
                numbers.push(value);
            }
        }
    }
    if numbers.is_empty() {
        return Err("The file has a PhoneNumber column but no numbers under it".into());
    }
    Ok(numbers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_teams_format() {
        let numbers =
            parse_numbers_csv(b"\xEF\xBB\xBFPhoneNumber\r\n+14255550100\r\n425-555-0101\r\n\r\n");
        assert_eq!(
            numbers,
            Ok(vec!["+14255550100".into(), "425-555-0101".into()])
        );
    }

    #[test]
    fn explains_a_wrong_header_and_a_missing_file() {
        let err = parse_numbers_csv(b"Number\n4255550100\n")
            .err()
            .unwrap_or_default();
        assert!(err.contains("PhoneNumber"), "{err}");
        let missing = read_numbers_csv(Path::new("/nonexistent/numbers.csv"));
        assert!(missing.is_err_and(|e| e.contains("Cannot read")));
    }
}
