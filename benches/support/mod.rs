//! What the benches share: drawing one frame off screen and reading the process's memory.

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
