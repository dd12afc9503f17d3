//! Reading the tenant's own number export (docs/reconcile.md): `Export-CsAcquiredPhoneNumber`'s
//! CSV, `Get-CsPhoneNumberAssignment` piped to `Export-Csv` or `ConvertTo-Json`, or Graph's
//! `numberAssignments` JSON. Only two things are read of each number: the number
//! (`TelephoneNumber`, Graph's `telephoneNumber`) and its port status (`PortInOrderStatus`,
//! Graph's `portInStatus`: `completed`, `firmOrderCommitmentAccepted`). Names and values are
//! matched without regard to case; columns may come in any order; other columns are ignored.

use super::super::sanitize;
use serde_json::Value;

/// The most numbers one file may hold (a tenant's whole inventory, ten times over).
pub const MAX_ROWS: usize = 1_000_000;
/// The largest export read: 100,000 numbers with every property Teams exports take about 60 MB.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;
/// The longest cell read as a number (E.164 is at most 16 characters with its `+`; a Direct
/// Routing extension adds `;ext=…`).
const MAX_NUMBER_CHARS: usize = 40;

/// What Teams says of a number's port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PortSignal {
    /// No port covers it, or a status portwiz does not know (`unknownFutureValue`).
    None,
    /// `firmOrderCommitmentAccepted`: the carrier accepted the port and set its date.
    FocAccepted,
    /// `completed`: the number ported.
    Completed,
}

/// One number of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamsNumber {
    /// E.164 with its `+`.
    pub number: String,
    pub port: PortSignal,
}

/// Why a file cannot be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 0 when the problem is the whole file.
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => f.write_str(&self.reason),
            n => write!(f, "line {n}: {}", self.reason),
        }
    }
}

fn error(line: usize, reason: impl Into<String>) -> ParseError {
    ParseError {
        line,
        reason: reason.into(),
    }
}

const NUMBER_NAMES: [&str; 1] = ["telephonenumber"];
const PORT_NAMES: [&str; 2] = ["portinorderstatus", "portinstatus"];

/// The numbers of an export, whatever its format (JSON when it starts with `[` or `{`).
/// Direct Routing numbers with an extension (`;ext=`) are left out: no port order holds them.
pub fn parse(text: &str) -> Result<Vec<TeamsNumber>, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let numbers = match text.trim_start().chars().next() {
        Some('[' | '{') => parse_json(text)?,
        Some(_) => parse_csv(text)?,
        None => return Err(error(0, "the file is empty")),
    };
    Ok(numbers.into_iter().flatten().collect())
}

/// The port status as Teams writes it, any case; empty and unknown values are no signal.
pub fn port_signal(value: &str) -> PortSignal {
    match value.trim().to_ascii_lowercase().as_str() {
        "completed" => PortSignal::Completed,
        "firmordercommitmentaccepted" => PortSignal::FocAccepted,
        _ => PortSignal::None,
    }
}

/// A cell read as a number: `Ok(None)` for an extension (Direct Routing), the reason for
/// anything that is not `+` and 7 to 15 digits (the cell cleaned and cut for the message).
fn number(cell: &str) -> Result<Option<String>, String> {
    let cell = cell.trim();
    let shown = || sanitize::truncate(&sanitize::one_line(cell), MAX_NUMBER_CHARS);
    if cell.chars().count() > MAX_NUMBER_CHARS {
        return Err(format!("“{}” is too long for a phone number", shown()));
    }
    if cell.to_ascii_lowercase().contains(";ext=") {
        return Ok(None);
    }
    let digits = cell.strip_prefix('+').unwrap_or(cell);
    if (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Some(format!("+{digits}")))
    } else if cell.is_empty() {
        Err("the telephone number is empty".into())
    } else {
        Err(format!("“{}” is not a phone number", shown()))
    }
}

fn parse_csv(text: &str) -> Result<Vec<Option<TeamsNumber>>, ParseError> {
    // Windows PowerShell's Export-Csv writes a `#TYPE …` line first unless told not to.
    let skipped = usize::from(text.starts_with("#TYPE"));
    let body = if skipped == 1 {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        text
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(body.as_bytes());
    let header_line = skipped + 1;
    let headers = reader
        .headers()
        .map_err(|e| error(header_line, format!("not a CSV header: {e}")))?
        .clone();
    let find = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.contains(&h.trim().to_ascii_lowercase().as_str()))
    };
    let Some(number_at) = find(&NUMBER_NAMES) else {
        return Err(no_number_column(header_line, headers.iter()));
    };
    let port_at = find(&PORT_NAMES);
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize + skipped);
            error(line, format!("not CSV: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize + skipped);
        if out.len() >= MAX_ROWS {
            return Err(error(line, format!("more than {MAX_ROWS} numbers")));
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = record.get(number_at).unwrap_or_default();
        let port = port_at.and_then(|i| record.get(i)).unwrap_or_default();
        let number = number(cell).map_err(|reason| error(line, reason))?;
        out.push(number.map(|number| TeamsNumber {
            number,
            port: port_signal(port),
        }));
    }
    Ok(out)
}

fn no_number_column<'a>(line: usize, found: impl Iterator<Item = &'a str>) -> ParseError {
    let found: Vec<String> = found
        .take(12)
        .map(|h| sanitize::truncate(&sanitize::one_line(h), 40))
        .collect();
    error(
        line,
        format!(
            "no TelephoneNumber column (found: {}); export with Export-CsAcquiredPhoneNumber or \
             Get-CsPhoneNumberAssignment",
            found.join(", ")
        ),
    )
}

fn parse_json(text: &str) -> Result<Vec<Option<TeamsNumber>>, ParseError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| error(e.line(), format!("not JSON: {e}")))?;
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => match map.iter().find(|(k, _)| k.eq_ignore_ascii_case("value")) {
            Some((_, Value::Array(items))) => items.iter().collect(),
            _ => vec![&value],
        },
        _ => return Err(error(1, "not a list of numbers")),
    };
    if items.len() > MAX_ROWS {
        return Err(error(0, format!("more than {MAX_ROWS} numbers")));
    }
    let field = |item: &Value, names: &[&str]| -> Option<String> {
        let map = item.as_object()?;
        let (_, v) = map
            .iter()
            .find(|(k, _)| names.contains(&k.to_ascii_lowercase().as_str()))?;
        Some(match v {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        })
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Some(cell) = field(item, &NUMBER_NAMES) else {
            let line = line_of(text, &item.to_string()).unwrap_or(0);
            return Err(error(
                line,
                format!("number {} has no telephoneNumber", i + 1),
            ));
        };
        let number = number(&cell).map_err(|reason| {
            let place = format!("number {}: {reason}", i + 1);
            error(line_of(text, &cell).unwrap_or(0), place)
        })?;
        let port = field(item, &PORT_NAMES).unwrap_or_default();
        out.push(number.map(|number| TeamsNumber {
            number,
            port: port_signal(&port),
        }));
    }
    Ok(out)
}

/// The line where `needle` first appears in `text`, for naming a JSON value's place. Only
/// looked for when a message needs it.
fn line_of(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let at = text.find(needle)?;
    Some(text[..at].bytes().filter(|&b| b == b'\n').count() + 1)
}
