//! Reading assignment rows from a sheet (docs/assign.md): a CSV file (`portwiz assign ID
//! FILE.csv`) or lines pasted from a spreadsheet into the app (tab-separated, or commas). Columns
//! `PhoneNumber`, `Identity`, and optionally `LocationId` and `IdentityType`, named in any case and
//! order; a column of another name is refused (a misspelt `LocationId` would otherwise drop every
//! location without a word). Pasted lines may come without a header: then the columns are taken
//! in that order. Cells are kept as written here; `assign::propose` checks them.

use super::super::sanitize;

/// The largest sheet read: 10,000 rows of a long identity and a location are about 1 MB.
pub const MAX_BYTES: usize = 1024 * 1024;
/// The most rows: one per number of the largest order.
pub const MAX_ROWS: usize = super::super::assignment::PLAN_MAX;

/// One row of the sheet, its cells as written (the checks clean and name them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The sheet's line (1-based) where the row starts.
    pub line: usize,
    pub number: String,
    pub identity: String,
    pub location_id: String,
    /// The `IdentityType` cell; empty: a user.
    pub kind: String,
}

/// Whether the first line must name the columns (a file) or may be a row already (a paste).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headers {
    Required,
    Optional,
}

/// Why a sheet cannot be read, and where (line 0: the whole sheet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => f.write_str(&self.reason),
            n => write!(f, "line {n}: {}", self.reason),
        }
    }
}

fn error(line: usize, reason: impl Into<String>) -> SheetError {
    SheetError {
        line,
        reason: reason.into(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Number,
    Identity,
    Location,
    Kind,
}

/// The column a header cell names, any case, spaces and underscores ignored.
fn column_named(cell: &str) -> Option<Column> {
    let name: String = cell
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match name.as_str() {
        "phonenumber" | "telephonenumber" | "number" => Some(Column::Number),
        "identity" | "userprincipalname" | "upn" => Some(Column::Identity),
        "locationid" | "emergencylocationid" => Some(Column::Location),
        "identitytype" | "type" | "kind" => Some(Column::Kind),
        _ => None,
    }
}

/// The columns, in the order a header-less paste gives them.
const POSITIONAL: [Column; 4] = [
    Column::Number,
    Column::Identity,
    Column::Location,
    Column::Kind,
];

const NAMES: &str = "PhoneNumber, Identity, LocationId and IdentityType (any case, any order)";

/// A cell as a message shows it: one clean line, at most 40 columns.
pub fn shown(cell: &str) -> String {
    sanitize::truncate(&sanitize::one_line(cell.trim()), 40)
}

/// The rows of a sheet. Refuses (naming the line) a sheet over [`MAX_BYTES`] or [`MAX_ROWS`],
/// one that is not CSV, and a header that names an unknown or repeated column or lacks
/// `PhoneNumber` or `Identity`. Empty rows are skipped.
pub fn read_rows(text: &str, headers: Headers) -> Result<Vec<Row>, SheetError> {
    if text.len() > MAX_BYTES {
        return Err(error(
            0,
            format!(
                "more than {} KiB: a sheet of assignments is far smaller",
                MAX_BYTES / 1024
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first.contains('\t') {
        b'\t'
    } else if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut columns: Option<Vec<Option<Column>>> = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            error(line, format!("not CSV: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(columns) = &columns else {
            columns = Some(header(&record, line, headers)?);
            if columns.as_deref() == Some(&POSITIONAL.map(Some)[..]) && !is_header(&record) {
                rows.push(row(&record, line, &POSITIONAL.map(Some)));
            }
            continue;
        };
        if rows.len() >= MAX_ROWS {
            return Err(error(line, format!("more than {MAX_ROWS} rows")));
        }
        rows.push(row(&record, line, columns));
    }
    if columns.is_none() {
        return Err(error(0, "the sheet is empty"));
    }
    Ok(rows)
}

fn is_header(record: &csv::StringRecord) -> bool {
    record.iter().any(|c| column_named(c).is_some())
}

/// The columns the first line names; a paste's first row of data stands for the positional ones.
fn header(
    record: &csv::StringRecord,
    line: usize,
    headers: Headers,
) -> Result<Vec<Option<Column>>, SheetError> {
    if headers == Headers::Optional && !is_header(record) {
        let first = record.get(0).unwrap_or_default();
        if first.chars().filter(char::is_ascii_digit).count() >= 7 {
            if record.len() > POSITIONAL.len() {
                return Err(error(
                    line,
                    format!(
                        "{} cells: a row without a header takes PhoneNumber, Identity, LocationId \
                         and IdentityType, in that order",
                        record.len()
                    ),
                ));
            }
            return Ok(POSITIONAL.map(Some).to_vec());
        }
    }
    let mut columns = Vec::new();
    for cell in record {
        let Some(column) = column_named(cell) else {
            if cell.trim().is_empty() {
                columns.push(None);
                continue;
            }
            return Err(error(
                line,
                format!("column “{}” is not one portwiz reads: {NAMES}", shown(cell)),
            ));
        };
        if columns.contains(&Some(column)) {
            return Err(error(
                line,
                format!("column “{}” is named twice", shown(cell)),
            ));
        }
        columns.push(Some(column));
    }
    for (needed, name) in [
        (Column::Number, "PhoneNumber"),
        (Column::Identity, "Identity"),
    ] {
        if !columns.contains(&Some(needed)) {
            return Err(error(
                line,
                format!("no {name} column; the first line names the columns: {NAMES}"),
            ));
        }
    }
    Ok(columns)
}

fn row(record: &csv::StringRecord, line: usize, columns: &[Option<Column>]) -> Row {
    let mut row = Row {
        line,
        ..Row::default()
    };
    for (cell, column) in record.iter().zip(columns) {
        let slot = match column {
            Some(Column::Number) => &mut row.number,
            Some(Column::Identity) => &mut row.identity,
            Some(Column::Location) => &mut row.location_id,
            Some(Column::Kind) => &mut row.kind,
            None => continue,
        };
        *slot = cell.to_string();
    }
    row
}
