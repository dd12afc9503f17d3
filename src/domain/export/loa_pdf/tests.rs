use super::*;
use crate::domain::export::helvetica::width;
use jiff::Timestamp;

fn order(numbers: usize) -> Order {
    let text = include_str!("../../../../tests/fixtures/complete-order.json");
    let mut fields = crate::domain::document::parse(text, false).unwrap().fields;
    fields.numbers = (0..numbers).map(|i| format!("+1425555{i:04}")).collect();
    Order::new("PO-PDF".into(), fields, Timestamp::UNIX_EPOCH)
}

fn letter(order: &Order) -> String {
    loa::render(order).unwrap()
}

fn page_text(page: &[Run]) -> String {
    let runs: Vec<String> = page
        .iter()
        .map(|r| String::from_utf8_lossy(&r.text).into_owned())
        .collect();
    runs.join(" ")
}

#[test]
fn the_letter_with_as_many_numbers_as_it_lists_fits_one_page() {
    let pages = layout(&letter(&order(loa::NUMBERS_IN_LETTER)));
    assert_eq!(pages.len(), 1);
    let lowest = pages[0].iter().map(|r| r.y).fold(f32::MAX, f32::min);
    assert!(lowest >= MARGIN, "{lowest}");
    let text = page_text(&pages[0]);
    assert!(text.contains("Signature:"), "{text}");
    assert!(text.contains("+14255550049"));
}

#[test]
fn the_attachment_of_many_numbers_starts_a_page_and_pages_are_numbered() {
    let pages = layout(&letter(&order(400)));
    assert!(pages.len() >= 3, "{}", pages.len());
    assert!(page_text(&pages[0]).contains("Signature:"));
    assert!(page_text(&pages[1]).starts_with("ATTACHMENT A"));
    let last = page_text(&pages[pages.len() - 1]);
    assert!(last.contains("+14255550399"));
    assert!(last.ends_with(&format!("page {n} of {n}", n = pages.len())));
    for page in &pages {
        assert!(page.iter().all(|r| r.y >= FOOTER_Y));
    }
}

#[test]
fn no_text_runs_past_the_right_margin_even_a_value_without_spaces() {
    let mut o = order(3);
    o.fields.organization_name = "W".repeat(300);
    o.fields.service_address.street = "A very long street name ".repeat(12);
    let pages = layout(&letter(&o));
    for run in pages.iter().flatten() {
        let end = run.x + width(&run.text, run.size, run.bold);
        assert!(end <= PAGE_WIDTH - MARGIN + 0.01, "{end}: {run:?}");
    }
    let text: String = pages.iter().map(|p| page_text(p)).collect();
    assert!(text.replace(' ', "").contains(&"W".repeat(300)));
}

#[test]
fn columns_split_at_runs_of_spaces_and_keep_their_position() {
    assert_eq!(
        columns("   Account number:     ACC-1  x"),
        [(3, "Account number:"), (23, "ACC-1"), (30, "x")]
    );
    assert_eq!(
        columns("   I, the undersigned, am"),
        [(3, "I, the undersigned, am")]
    );
    assert_eq!(columns("  "), []);
}

#[test]
fn the_file_is_a_pdf_without_the_pin() {
    let o = order(3);
    let bytes = render(&o).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"));
    let pin = o.fields.pin.expose();
    assert!(!pin.is_empty());
    assert!(!bytes.windows(pin.len()).any(|w| w == pin.as_bytes()));
}
