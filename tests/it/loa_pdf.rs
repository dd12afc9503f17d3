//! The LOA as a PDF, read back with lopdf (an independent reader): every value of the letter is
//! in it, the PIN never is, text it cannot encode is replaced, and the command line writes it to a
//! file or a pipe but never to a terminal.

use crate::support::pty::PtySession;
use crate::support::{TODAY, fixture, new_order, portwiz};
use portwiz::domain::export::{Format, file, render};
use portwiz::domain::{Order, document};
use std::time::Duration;

fn order() -> Order {
    let text = std::fs::read_to_string(fixture("complete-order.json")).unwrap();
    let doc = document::parse(&text, false).unwrap();
    Order::new("PO-PDFTEST".into(), doc.fields, jiff::Timestamp::UNIX_EPOCH)
}

/// Every page's text as lopdf decodes it (through the fonts' WinAnsiEncoding), whitespace
/// collapsed so a wrapped line reads on.
fn pdf_text(bytes: &[u8]) -> (usize, String) {
    let doc = lopdf::Document::load_mem(bytes).unwrap_or_else(|e| panic!("not a PDF: {e}"));
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc
        .extract_text(&pages)
        .unwrap_or_else(|e| panic!("text: {e}"));
    (pages.len(), collapse(&text))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_value_of_the_letter_is_in_the_pdf_and_the_pin_is_not() {
    let order = order();
    let bytes = file(&order, Format::LoaPdf, true).unwrap();
    let (pages, text) = pdf_text(&bytes);
    assert_eq!(pages, 1);
    for value in [
        "Fabrikam Inc",
        "Contoso Telecom",
        "ACC-0098765",
        "+14255550100",
        "+14255550101",
        "+14255550102",
        "1 Microsoft Way",
        "Redmond, WA 98052",
        "2026-12-08",
        "10:00 (US Eastern)",
        "Dana Reyes",
        "Signature:",
    ] {
        assert!(text.contains(value), "{value} missing from: {text}");
    }
    // The same letter: every column of every line of the text LOA.
    let letter = render(&order, Format::Loa, false).unwrap();
    for line in letter.lines() {
        for column in line.split("  ").map(collapse).filter(|c| !c.is_empty()) {
            assert!(text.contains(&column), "{column:?} missing from: {text}");
        }
    }
    let pin = order.fields.pin.expose();
    assert!(!text.contains(pin));
    assert!(!bytes.windows(pin.len()).any(|w| w == pin.as_bytes()));
}

#[test]
fn text_beyond_latin_1_is_replaced_and_the_pdf_still_reads() {
    let mut order = order();
    order.fields.organization_name = "Zürich Café – “Ōsaka 株式会社” (pty) \\ ltd".into();
    order.fields.authorized_user.first_name = "Łucja".into();
    let bytes = file(&order, Format::LoaPdf, false).unwrap();
    let (_, text) = pdf_text(&bytes);
    assert!(
        text.contains("Zürich Café – “?saka ????” (pty) \\ ltd"),
        "{text}"
    );
    assert!(text.contains("?ucja Reyes"), "{text}");
}

#[test]
fn more_numbers_than_the_letter_lists_go_to_an_attachment_on_its_own_pages() {
    let mut order = order();
    order.fields.numbers = (0..120).map(|i| format!("+1425555{i:04}")).collect();
    let (pages, text) = pdf_text(&file(&order, Format::LoaPdf, false).unwrap());
    assert_eq!(pages, 2, "{text}");
    assert!(text.contains("ATTACHMENT A: TELEPHONE NUMBERS TO PORT (120)"));
    assert!(text.contains("+14255550119"));
    assert!(text.contains("page 2 of 2"));
}

#[test]
fn export_writes_the_pdf_to_a_file_or_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let path = dir.path().join("letter.pdf");
    let written = portwiz(dir.path())
        .args(["export", &id, "--format", "loa-pdf", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(written.status.code(), Some(0), "{written:?}");
    let from_file = std::fs::read(&path).unwrap();
    let (_, text) = pdf_text(&from_file);
    assert!(text.contains("Fabrikam Inc"), "{text}");
    let piped = portwiz(dir.path())
        .args(["export", &id, "--format", "loa-pdf"])
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(0));
    assert_eq!(piped.stdout, from_file);
}

#[test]
fn export_refuses_to_write_the_pdf_to_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let data_dir = dir.path().to_string_lossy().into_owned();
    let mut session = PtySession::spawn(
        env!("CARGO_BIN_EXE_portwiz"),
        &["export", &id, "--format", "loa-pdf"],
        &[
            ("PORTWIZ_DATA_DIR", data_dir.as_str()),
            ("PORTWIZ_TODAY", TODAY),
        ],
        100,
        30,
    )
    .unwrap();
    let status = session.wait_exit(Duration::from_secs(20)).unwrap();
    assert_eq!(status.exit_code(), 2);
    let shown = String::from_utf8_lossy(&session.raw_output()).into_owned();
    assert!(!shown.contains("%PDF"), "{shown}");
    assert!(shown.contains("-o"), "{shown}");
    assert!(shown.contains("binary"), "{shown}");
}
