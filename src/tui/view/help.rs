//! `?`: every key of the current screen, from the keymap (one source with the footer).

use super::popup;
use crate::tui::app::App;
use crate::tui::screen::Routed;
use crate::tui::text::{pad, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(app: &App, screen: &dyn Routed, frame: &mut Frame, area: Rect) {
    let entries = screen.help(app);
    let width = area.width.min(72);
    let key_width = entries
        .iter()
        .map(|(key, _)| unicode_width::UnicodeWidthStr::width(*key) + 2)
        .max()
        .unwrap_or(0)
        .max(12);
    let words_width = usize::from(width).saturating_sub(4 + key_width);
    let mut lines = Vec::new();
    for (key, words) in entries {
        for (i, part) in wrap(words, words_width).into_iter().enumerate() {
            let key_cell = if i == 0 {
                pad(key, key_width)
            } else {
                pad("", key_width)
            };
            lines.push(Line::from(vec![
                Span::styled(key_cell, app.theme.key()),
                Span::raw(part),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Esc, ? or F1 closes this help.",
        app.theme.dim(),
    ));
    let title = format!("Keys: {}", screen.name(app));
    popup(frame, area, &title, lines, width);
}
