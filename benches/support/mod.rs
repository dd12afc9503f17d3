//! What the benches share: the test fixture order with many numbers, drawing one frame off
//! screen and reading the process's memory.

use portwiz::tui::{Root, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Draw one frame of `app` at `width`×`height`; the cell count keeps the work from being
/// optimised away.
pub fn draw(app: &Root, width: u16, height: u16) -> usize {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let _ = terminal.draw(|frame| {
        view(app, frame);
    });
    terminal.backend().buffer().content.len()
}

/// The resident set size in KiB (Linux; 0 elsewhere).
pub fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// The test fixture order (`tests/fixtures/complete-order.json`) as `id`, created at `now`,
/// with `numbers` numbers from +1 206 200-0000 on.
#[allow(dead_code)] // The board and store benches make their orders otherwise.
pub fn fixture_order(id: String, numbers: usize, now: jiff::Timestamp) -> portwiz::domain::Order {
    use portwiz::domain::{FieldKey, FieldValue, Order};
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/complete-order.json"
    ))
    .unwrap_or_default();
    let fields = portwiz::domain::document::parse(&text, false)
        .map(|d| d.fields)
        .unwrap_or_default();
    let mut order = Order::new(id, fields, now);
    let list: Vec<String> = (0..numbers)
        .map(|i| format!("+1206{:07}", 2_000_000 + i))
        .collect();
    order.fields.set(FieldKey::Numbers, FieldValue::List(list));
    order
}
