//! `portwiz set ID numbers @FILE.csv` end to end: the dialects spreadsheets really write, and
//! refused rows named by their spreadsheet row.

use crate::support::{new_order, order_file, run};

/// Set the numbers of the fixture order from a CSV file with these bytes.
fn set_from_csv(bytes: &[u8]) -> (crate::support::Run, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let file = dir.path().join("numbers.csv");
    std::fs::write(&file, bytes).unwrap();
    let arg = format!("@{}", file.display());
    let out = run(dir.path(), &["set", &id, "numbers", &arg]);
    let numbers = order_file(dir.path(), &id)["fields"]["numbers"].clone();
    (out, numbers)
}

fn accepted(bytes: &[u8]) -> Vec<String> {
    let (out, numbers) = set_from_csv(bytes);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_value(numbers).unwrap()
}

const WANTED: [&str; 3] = ["+14255550100", "+14255550101", "+14255550102"];

#[test]
fn teams_format() {
    assert_eq!(
        accepted(b"PhoneNumber\n+14255550100\n+14255550101\n+14255550102\n"),
        WANTED
    );
}

#[test]
fn utf8_bom_and_crlf() {
    assert_eq!(
        accepted(b"\xEF\xBB\xBFPhoneNumber\r\n4255550100\r\n(425) 555-0101\r\n425.555.0102\r\n"),
        WANTED
    );
}

#[test]
fn semicolon_separators_and_other_columns() {
    assert_eq!(
        accepted(b"Name;PhoneNumber;Site\r\nMain;425-555-0100;HQ\r\nFax;425-555-0101;HQ\r\nLobby;425-555-0102;HQ\r\n"),
        WANTED
    );
}

#[test]
fn a_leading_apostrophe_is_excels_text_mark() {
    assert_eq!(
        accepted(b"PhoneNumber\n'4255550100\n'+14255550101\n\"'4255550102\"\n"),
        WANTED
    );
}

#[test]
fn scientific_notation_is_named_with_its_row_and_the_good_rows_are_kept() {
    let (out, numbers) = set_from_csv(b"PhoneNumber\n4255550100\n4.2555501E+09\n4255550102\n");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("Row 3: 4.2555501E+09"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("scientific notation"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("Read 2 numbers from 2 good rows; 1 bad row left out."),
        "{}",
        out.stderr
    );
    assert_eq!(numbers, serde_json::json!(["+14255550100", "+14255550102"]));
}

#[test]
fn every_bad_row_is_named_once_and_the_good_rows_are_kept() {
    let (out, numbers) =
        set_from_csv(b"PhoneNumber\n4255550100\n42555\n+442079460000\nnot a number\n");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("Row 3: 42555"), "{}", out.stderr);
    assert!(
        out.stderr.contains("Row 4: +442079460000"),
        "{}",
        out.stderr
    );
    for row in ["Row 3", "Row 4", "Row 5"] {
        assert_eq!(out.stderr.matches(row).count(), 1, "{row}: {}", out.stderr);
    }
    assert!(
        out.stderr.contains("Row 5: not a number contains letters"),
        "one message for the cell, not one a word: {}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("Read 1 number from 1 good row; 3 bad rows left out."),
        "{}",
        out.stderr
    );
    assert_eq!(numbers, serde_json::json!(["+14255550100"]));
}

#[test]
fn a_file_without_a_phone_column_is_an_input_error() {
    let (out, _) = set_from_csv(b"Name,Site\nMain,HQ\n");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("PhoneNumber"), "{}", out.stderr);
}
