//! Numbers from a CSV file, for every front end (the wizard's Ctrl-O, plain mode's `@FILE`,
//! `portwiz set ID numbers @FILE.csv`): the domain's one CSV reader
//! (`rules::parse_numbers_csv`), each row checked against the order's country and number
//! type. A bad row is named once, with its spreadsheet row number, and left out; the good rows
//! are kept; the summary gives both counts. The file itself is read by the front end.

use super::fields::OrderFields;
use super::rules::{self, NumberState};
use std::collections::BTreeMap;

/// What a CSV file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvImport {
    /// The good rows' numbers, E.164, each once, in the file's order.
    pub numbers: Vec<String>,
    /// One "Row N: …" for each row left out, in row order.
    pub bad_rows: Vec<String>,
    /// "Row N: …" for rows that repeat an earlier number (merged, not left out).
    pub repeats: Vec<String>,
    /// Rows that gave a number (repeats included).
    pub good_rows: usize,
}

impl CsvImport {
    /// "Read 3 numbers from 4 good rows; 1 bad row left out." (the front end names the bad
    /// rows beside it).
    pub fn summary(&self) -> String {
        let rows = |n: usize| if n == 1 { "row" } else { "rows" };
        let numbers = if self.numbers.len() == 1 {
            "number"
        } else {
            "numbers"
        };
        let mut text = format!(
            "Read {} {numbers} from {} good {}",
            self.numbers.len(),
            self.good_rows,
            rows(self.good_rows)
        );
        if self.bad_rows.is_empty() {
            text.push('.');
        } else {
            text.push_str(&format!(
                "; {} bad {} left out.",
                self.bad_rows.len(),
                rows(self.bad_rows.len())
            ));
        }
        text
    }
}

/// Nothing could be read from the file (no `PhoneNumber` column, empty, UTF-16, no numbers).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CsvRefusal(pub String);

/// The numbers of a CSV document (Teams' `PhoneNumber` column and what spreadsheets really
/// export), checked against the order's country and number type.
pub fn numbers_from_csv(bytes: &[u8], fields: &OrderFields) -> Result<CsvImport, CsvRefusal> {
    let csv = rules::parse_numbers_csv(bytes);
    if let Some(e) = csv.file_error {
        return Err(CsvRefusal(e.to_string()));
    }
    let report = csv.report(fields.rules_country(), fields.number_type_choice());
    // One message a row: the first thing wrong with it.
    let mut bad: BTreeMap<usize, String> = csv
        .row_errors
        .iter()
        .map(|r| (r.row, r.message.clone()))
        .collect();
    let mut repeats = Vec::new();
    let mut good: BTreeMap<usize, ()> = BTreeMap::new();
    for entry in &report.entries {
        let row = entry.row.unwrap_or(0);
        match (&entry.state, entry.message()) {
            (NumberState::Valid, _) => {
                good.insert(row, ());
            }
            (NumberState::Duplicate { .. }, Some(message)) => {
                good.insert(row, ());
                repeats.push(message);
            }
            (_, Some(message)) => {
                bad.entry(row).or_insert(message);
            }
            (_, None) => {}
        }
    }
    let good_rows = good.keys().filter(|r| !bad.contains_key(r)).count();
    if report.unique_valid.is_empty() && bad.is_empty() {
        return Err(CsvRefusal(
            "The file has a PhoneNumber column but no numbers in it.".into(),
        ));
    }
    // A row with a bad entry is left out whole, so what is kept is exactly the good rows.
    let numbers = if bad.is_empty() {
        report.unique_valid
    } else {
        let mut seen = std::collections::HashSet::new();
        report
            .entries
            .iter()
            .filter(|e| e.is_valid() && !bad.contains_key(&e.row.unwrap_or(0)))
            .filter_map(|e| e.e164.clone())
            .filter(|n| seen.insert(n.clone()))
            .collect()
    };
    Ok(CsvImport {
        numbers,
        bad_rows: bad.into_values().collect(),
        repeats,
        good_rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(got.repeats.len(), 1);
        assert!(got.repeats[0].starts_with("Row 4: "), "{:?}", got.repeats);
        assert!(got.bad_rows.is_empty());
    }

    #[test]
    fn each_bad_row_is_named_once_and_the_good_rows_are_kept() {
        let got = numbers_from_csv(
            b"PhoneNumber\n4.2555501E+09\n4255550100\nnot a number\n42555\n",
            &us(),
        )
        .unwrap();
        assert_eq!(got.numbers, ["+14255550100"]);
        assert_eq!(got.bad_rows.len(), 3, "{:?}", got.bad_rows);
        assert!(got.bad_rows[0].starts_with("Row 2: "), "{:?}", got.bad_rows);
        assert!(
            got.bad_rows[1].starts_with("Row 4: not a number "),
            "{:?}",
            got.bad_rows
        );
        assert!(got.bad_rows[2].starts_with("Row 5: "), "{:?}", got.bad_rows);
        assert_eq!(
            got.summary(),
            "Read 1 number from 1 good row; 3 bad rows left out."
        );
    }
}
