//! Reading numbers from a CSV file. Teams' format is one column headed `PhoneNumber` with one
//! number a row; we also take what spreadsheets really export: a UTF-8 BOM, CRLF, `;` or tab
//! separators, quoted cells, a leading apostrophe (Excel's "keep as text" mark), `="…"` cells,
//! blank rows. Rows are numbered like a spreadsheet: the header is row 1.

#[cfg(test)]
use super::NumberState;
use super::{NumbersReport, build_report};
use crate::domain::rules::choices::NumberType;
use crate::domain::rules::country::Country;
use crate::domain::rules::error::RuleError;

/// One non-blank cell of the phone-number column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvCell {
    /// 1-based spreadsheet row (the header is row 1).
    pub row: usize,
    /// The cell, cleaned of quotes, apostrophe and surrounding spaces.
    pub value: String,
}

/// A row that can't be used; the other rows are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRowError {
    pub row: usize,
    /// User-facing, starting with "Row N: ".
    pub message: String,
}

/// What a CSV file gave: the cells of its phone-number column, the rows refused, or a problem
/// with the whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvNumbers {
    pub cells: Vec<CsvCell>,
    pub row_errors: Vec<CsvRowError>,
    /// Set when nothing could be read (no `PhoneNumber` column, empty or UTF-16 file).
    pub file_error: Option<RuleError>,
}

impl CsvNumbers {
    /// Checks every cell like typed numbers; each entry keeps its row. A cell is cut into
    /// several numbers only when each piece has digits: "not a number" is one bad cell, not
    /// three bad words.
    pub fn report(&self, country: Country, number_type: Option<NumberType>) -> NumbersReport {
        let raws = self.cells.iter().flat_map(|cell| {
            super::entries(&cell.value, country)
                .into_iter()
                .map(move |raw| (raw, Some(cell.row)))
        });
        build_report(
            raws,
            &mut super::classify::Verdicts::of(country, number_type),
        )
    }

    /// The cells one a line, as if typed.
    pub fn text(&self) -> String {
        let values: Vec<&str> = self.cells.iter().map(|c| c.value.as_str()).collect();
        values.join("\n")
    }
}

const FORMAT_HINT: &str =
    "Teams' format is one column headed PhoneNumber, with one number in each row.";

/// Reads the phone-number column of a CSV file. Never fails as a whole without saying why in
/// `file_error`; a bad row is reported with its row number and the good rows are kept.
pub fn parse_numbers_csv(bytes: &[u8]) -> CsvNumbers {
    let mut out = CsvNumbers::default();
    let sheet = match read_sheet(bytes) {
        Ok(sheet) => sheet,
        Err(e) => {
            out.file_error = Some(e);
            return out;
        }
    };
    out.row_errors = sheet.row_errors;
    for row in &sheet.rows {
        take_cell(&mut out, row.row, row.cell(sheet.phone_column));
    }
    out.row_errors.sort_by_key(|e| e.row);
    out
}

/// A sheet of rows with a `PhoneNumber` column and any other columns (`portwiz split` reads them
/// all; the CSV import, the number column): every non-blank row's cells with its spreadsheet row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    /// The header's cells, cleaned.
    pub header: Vec<String>,
    /// Which column holds the numbers.
    pub phone_column: usize,
    pub rows: Vec<SheetRow>,
    /// Rows that cannot be read at all.
    pub row_errors: Vec<CsvRowError>,
}

/// One row of a [`Sheet`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// 1-based spreadsheet row (the header is row 1).
    pub row: usize,
    /// The cells, cleaned (quotes, apostrophe, `="…"`, spaces).
    pub cells: Vec<String>,
}

impl SheetRow {
    /// The cell of `column`, empty when the row is short.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }
}

/// Read a whole sheet; `Err` says what makes the file unusable (UTF-16, empty, no `PhoneNumber`
/// column). A file of one column whose first row is a number has no header.
pub fn read_sheet(bytes: &[u8]) -> Result<Sheet, RuleError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(RuleError::new(format!(
            "The file is saved as UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\" instead. \
             {FORMAT_HINT}"
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(bytes))
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let first = match records.next() {
        None => return Err(RuleError::new(format!("The file is empty. {FORMAT_HINT}"))),
        Some(Err(e)) => {
            return Err(RuleError::new(format!(
                "The file's first row can't be read ({e}). {FORMAT_HINT}"
            )));
        }
        Some(Ok(record)) => record,
    };
    let header: Vec<String> = first.iter().map(clean_cell).collect();
    let mut sheet = Sheet::default();
    match header.iter().position(|h| is_phone_header(h)) {
        Some(column) => sheet.phone_column = column,
        // A single column with a number on row 1: a file without header.
        None if header.len() == 1 && super::split::digit_count(&header[0]) >= 7 => {
            sheet.rows.push(SheetRow {
                row: 1,
                cells: header.clone(),
            });
        }
        None => {
            let found: Vec<&str> = header.iter().map(String::as_str).collect();
            return Err(RuleError::new(format!(
                "No column is headed PhoneNumber (the first row has: {}). {FORMAT_HINT}",
                found.join(", ")
            )));
        }
    }
    sheet.header = header;
    let mut rows = RowCounter::new(bytes);
    for record in records {
        match record {
            Ok(record) => {
                let row = record.position().map_or(0, |p| rows.row_at(p.byte()));
                let cells: Vec<String> = record.iter().map(clean_cell).collect();
                if cells.iter().any(|c| !c.is_empty()) {
                    sheet.rows.push(SheetRow { row, cells });
                }
            }
            Err(e) => {
                let row = e.position().map_or(0, |p| rows.row_at(p.byte()));
                sheet.row_errors.push(CsvRowError {
                    row,
                    message: format!("Row {row}: can't be read ({e}); the row was skipped."),
                });
            }
        }
    }
    Ok(sheet)
}

/// Turns the csv reader's byte offsets into 1-based spreadsheet rows. Counted here because the
/// reader's own line count lags after CRLF, and its offset can point at the line break that ends
/// the previous record (or at blank lines it skipped). Offsets only grow, so counting is linear.
struct RowCounter<'a> {
    bytes: &'a [u8],
    scanned: usize,
    breaks: usize,
}

impl<'a> RowCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        RowCounter {
            bytes,
            scanned: 0,
            breaks: 0,
        }
    }

    fn row_at(&mut self, offset: u64) -> usize {
        let bytes = self.bytes;
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        while self.scanned < start {
            let b = bytes[self.scanned];
            // CRLF, LF and a lone CR each end one line.
            if b == b'\n' || (b == b'\r' && bytes.get(self.scanned + 1) != Some(&b'\n')) {
                self.breaks += 1;
            }
            self.scanned += 1;
        }
        self.breaks + 1
    }
}

/// Keeps a non-blank cell, or records why it can't be used.
fn take_cell(out: &mut CsvNumbers, row: usize, value: &str) {
    if value.is_empty() {
        return;
    }
    if is_scientific(value) {
        out.row_errors.push(CsvRowError {
            row,
            message: format!(
                "Row {row}: {value} is stored as a number in scientific notation, which has \
                 lost digits; format the column as text, retype the number and export again."
            ),
        });
        return;
    }
    out.cells.push(CsvCell {
        row,
        value: value.to_string(),
    });
}

/// The separator with most occurrences (outside quotes) on the first line: `,` `;` or tab.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in bytes.iter().take_while(|&&b| b != b'\n' && b != b'\r') {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(entry) = counts.iter_mut().find(|(d, _)| *d == b) {
            entry.1 += 1;
        }
    }
    // `max_by_key` keeps the last maximum; reverse so a tie (or no separator) picks the comma.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
}

/// Trims, and drops what spreadsheets add around text: a leading apostrophe and `="…"`.
fn clean_cell(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim().trim_start_matches('\u{feff}').trim();
    let text = text.strip_prefix('\'').unwrap_or(text);
    let text = text
        .strip_prefix("=\"")
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    text.trim().to_string()
}

/// `PhoneNumber` in any case, with or without a space, dash or underscore.
fn is_phone_header(cell: &str) -> bool {
    let folded: String = cell
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    folded == "phonenumber"
}

/// `4.2555501E+09`, `4E9`, `-1.5e-3`: what a spreadsheet writes for a number cell.
fn is_scientific(s: &str) -> bool {
    let Some((mantissa, exponent)) = s.split_once(['e', 'E']) else {
        return false;
    };
    let mantissa = mantissa.strip_prefix(['+', '-']).unwrap_or(mantissa);
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => all_digits(int) && (frac.is_empty() || all_digits(frac)),
        None => all_digits(mantissa),
    };
    mantissa_ok && all_digits(exponent)
}

#[cfg(test)]
mod tests;
