use super::*;
use proptest::prelude::*;

fn values(csv: &CsvNumbers) -> Vec<(usize, &str)> {
    csv.cells
        .iter()
        .map(|c| (c.row, c.value.as_str()))
        .collect()
}

#[test]
fn teams_format() {
    let csv = parse_numbers_csv(b"PhoneNumber\n+14255550100\n+14255550101\n");
    assert_eq!(csv.file_error, None);
    assert_eq!(values(&csv), [(2, "+14255550100"), (3, "+14255550101")]);
    let report = csv.report(Country::Us, Some(NumberType::Geographic));
    assert_eq!(report.unique_valid, ["+14255550100", "+14255550101"]);
    assert_eq!(report.entries[1].row, Some(3));
}

#[test]
fn excel_dialect_bom_crlf_semicolon_apostrophe_quotes_blank_rows() {
    let bytes = b"\xEF\xBB\xBFName;phonenumber\r\nMain;'+14255550100\r\n\r\nFax;\"(425) 555-0101\"\r\n;\r\nLobby;=\"4255550102\"\r\n";
    let csv = parse_numbers_csv(bytes);
    assert_eq!(csv.file_error, None);
    assert!(csv.row_errors.is_empty(), "{:?}", csv.row_errors);
    assert_eq!(
        values(&csv),
        [
            (2, "+14255550100"),
            (4, "(425) 555-0101"),
            (6, "4255550102")
        ]
    );
}

#[test]
fn tab_and_comma_separated() {
    let csv = parse_numbers_csv(b"Site\tPhone Number\nHQ\t4255550100\n");
    assert_eq!(values(&csv), [(2, "4255550100")]);
    let csv = parse_numbers_csv(b"\"Site, main\",PhoneNumber\n\"Seattle, WA\",4255550100\n");
    assert_eq!(values(&csv), [(2, "4255550100")]);
}

#[test]
fn scientific_notation_is_refused_with_its_row_and_good_rows_are_kept() {
    let csv = parse_numbers_csv(b"PhoneNumber\n4255550100\n4.2555501E+09\n4255550102\n");
    assert_eq!(values(&csv), [(2, "4255550100"), (4, "4255550102")]);
    assert_eq!(csv.row_errors.len(), 1);
    assert_eq!(csv.row_errors[0].row, 3);
    assert!(
        csv.row_errors[0]
            .message
            .starts_with("Row 3: 4.2555501E+09 is stored as a number in scientific notation"),
        "{}",
        csv.row_errors[0].message
    );
    assert!(
        csv.row_errors[0]
            .message
            .contains("format the column as text")
    );
}

#[test]
fn bad_numbers_keep_their_row_in_the_report() {
    let csv = parse_numbers_csv(b"PhoneNumber\n4255550100\n12345\n4255550100\n");
    let report = csv.report(Country::Us, None);
    assert_eq!(report.unique_valid, ["+14255550100"]);
    assert_eq!(
        report.entries[1].message().unwrap(),
        "Row 3: 12345 has 5 digits; a North American number has 10 digits, or +1 and 10 digits \
         (e.g. 425 555 0100 or +14255550100)."
    );
    assert_eq!(report.entries[2].state, NumberState::Duplicate { first: 0 });
    assert_eq!(report.entries[2].row, Some(4));
}

#[test]
fn missing_header_is_a_clear_error() {
    let csv = parse_numbers_csv(b"Name,Phone\nMain,4255550100\n");
    let err = csv.file_error.unwrap();
    assert_eq!(
        err.message(),
        "No column is headed PhoneNumber (the first row has: Name, Phone). Teams' format is one \
         column headed PhoneNumber, with one number in each row."
    );
    assert!(csv.cells.is_empty());
    assert!(
        parse_numbers_csv(b"Phone\n4255550100\n")
            .file_error
            .is_some()
    );
}

#[test]
fn single_column_without_header_starts_at_row_1() {
    let csv = parse_numbers_csv(b"4255550100\r\n+1 425 555 0101\r\n");
    assert_eq!(csv.file_error, None);
    assert_eq!(values(&csv), [(1, "4255550100"), (2, "+1 425 555 0101")]);
    let csv = parse_numbers_csv(b"'+14255550100\n");
    assert_eq!(values(&csv), [(1, "+14255550100")]);
}

#[test]
fn empty_and_utf16_files() {
    assert!(
        parse_numbers_csv(b"")
            .file_error
            .unwrap()
            .message()
            .starts_with("The file is empty")
    );
    assert!(
        parse_numbers_csv(b"\xFF\xFEP\x00")
            .file_error
            .unwrap()
            .message()
            .contains("UTF-16")
    );
}

#[test]
fn text_joins_the_cells() {
    let csv = parse_numbers_csv(b"PhoneNumber\n4255550100\n4255550101\n");
    assert_eq!(csv.text(), "4255550100\n4255550101");
}

#[test]
fn scientific_detection() {
    for yes in ["4.2555501E+09", "4E9", "4.2e9", "1.5E-3"] {
        assert!(is_scientific(yes), "{yes}");
    }
    for no in ["4255550100", "+14255550100", "E9", "4.E", "ext 9", "1e"] {
        assert!(!is_scientific(no), "{no}");
    }
}

proptest! {
    #[test]
    fn parse_numbers_csv_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let csv = parse_numbers_csv(&bytes);
        let _ = csv.report(Country::Us, Some(NumberType::Mobile));
    }

    #[test]
    fn parse_numbers_csv_never_panics_on_csv_like_text(text in "[a-zA-Z0-9'\"=+,;\t\r\n .E-]{0,120}") {
        let csv = parse_numbers_csv(text.as_bytes());
        let _ = csv.report(Country::Ca, None);
    }
}
