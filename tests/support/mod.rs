//! Helpers shared by the integration tests. Each test file uses only some of them.
#![allow(dead_code)]

pub mod pty;

use portwiz::domain::{Clock, Order};
use portwiz::tui::{App, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The day every screen test lives on.
pub fn test_clock() -> Clock {
    Clock::fixed(jiff::civil::date(2026, 11, 26))
}

pub fn demo_orders() -> Vec<Order> {
    let (orders, problems) = portwiz::demo::orders();
    assert!(problems.is_empty(), "{problems:?}");
    orders
}

/// The app on the demo orders, at a fixed date, of the given size.
pub fn demo_app(width: u16, height: u16) -> App {
    App::new(demo_orders(), test_clock(), (width, height))
}

/// Draw the app and return the screen as text, one line a row, trailing spaces trimmed.
pub fn render(app: &App) -> String {
    let (width, height) = app.size;
    let backend = TestBackend::new(width, height);
    let mut terminal = match Terminal::new(backend) {
        Ok(t) => t,
        Err(e) => panic!("test terminal: {e}"),
    };
    if let Err(e) = terminal.draw(|frame| view(app, frame)) {
        panic!("draw: {e}");
    }
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            if let Some(cell) = buffer.cell((x, y)) {
                line.push_str(cell.symbol());
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
