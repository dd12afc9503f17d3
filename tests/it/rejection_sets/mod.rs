//! Reads the labelled rejection sets (TSV: expect, also_ok, text) and checks the classifier on them.

use portwiz::domain::FieldKey;
use portwiz::domain::classifier::{Catalog, Classification, classify};
use std::path::Path;

pub struct Row {
    pub line: usize,
    pub expect: String,
    pub also_ok: Vec<String>,
    pub text: String,
}

pub fn read_rows(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let mut cols = l.splitn(3, '\t');
            let expect = cols.next().unwrap().trim().to_string();
            let also = cols.next().unwrap_or("-").trim();
            let text = cols.next().unwrap_or("").to_string();
            let also_ok = if also == "-" {
                vec![]
            } else {
                also.split('|').map(|s| s.trim().to_string()).collect()
            };
            Row {
                line: i + 1,
                expect,
                also_ok,
                text,
            }
        })
        .collect()
}

/// "pin,service_address" → the sorted keys of those groups.
pub fn expand(groups: &str) -> Vec<FieldKey> {
    let mut keys: Vec<FieldKey> = groups
        .split(',')
        .map(str::trim)
        .flat_map(|g| FieldKey::group(g).unwrap_or_else(|| panic!("unknown group {g:?}")))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Why the row failed, or None when the classifier got it right.
pub fn check(row: &Row, c: &Classification) -> Option<String> {
    let ok = match row.expect.as_str() {
        "none" => c.fields.is_empty() && c.matches.is_empty(),
        "carrier" => c.needs_carrier_contact,
        groups => std::iter::once(groups)
            .chain(row.also_ok.iter().map(String::as_str))
            .any(|g| expand(g) == c.fields),
    };
    (!ok).then(|| {
        let rules: Vec<&str> = c.matches.iter().map(|m| m.rule.as_str()).collect();
        let fields: Vec<&str> = c.fields.iter().map(|k| k.as_str()).collect();
        format!(
            "line {}: expected {} got fields {fields:?} rules {rules:?} carrier={}\n    {}",
            row.line, row.expect, c.needs_carrier_contact, row.text
        )
    })
}

/// Classifies every row and panics listing every failure.
pub fn assert_all_pass(rows: &[Row]) {
    let catalog = Catalog::builtin();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|r| check(r, &classify(&r.text, &catalog)))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// Classifies every row; returns the failures (to print) and the share of rows right.
pub fn score(rows: &[Row]) -> (Vec<String>, f64) {
    let catalog = Catalog::builtin();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|r| check(r, &classify(&r.text, &catalog)))
        .collect();
    let right = rows.len() - failures.len();
    (failures, right as f64 / rows.len().max(1) as f64)
}
