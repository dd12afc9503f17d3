//! `?`: every key of the current screen, from the keymap (one source with the footer).

use crate::tui::app::App;
use crate::tui::screen::Routed;
use crate::tui::text::{pad, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Draw help over the screen; returns (lines shown at once, lines in all) for scrolling.
pub fn render(app: &App, screen: &dyn Routed, frame: &mut Frame, area: Rect) -> (usize, usize) {
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
    let title = format!("Keys: {}", screen.name(app));
    let width = width.min(area.width);
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height);
    let rows = usize::from(height.saturating_sub(2));
    let scroll = app.help_scroll.min(lines.len().saturating_sub(rows));
    let below = lines.len().saturating_sub(scroll + rows);
    // The closing keys sit in the bottom border, so they show however long the list is; so
    // does what is above or below the lines shown.
    let mut bottom = vec![Span::styled(" Esc, ? or F1 closes ", app.theme.dim())];
    if scroll > 0 || below > 0 {
        let more = match (scroll, below) {
            (0, n) => format!("↓ {n} more (↑↓ PgDn) "),
            (n, 0) => format!("↑ {n} above "),
            (up, down) => format!("↑ {up} above · ↓ {down} more "),
        };
        bottom.push(Span::styled(more, app.theme.key()));
    }
    let x = area.x + (area.width - width) / 2;
    let y = area.y + (area.height - height) / 2;
    let rect = Rect::new(x, y, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .title_bottom(Line::from(bottom));
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
    frame.render_widget(Paragraph::new(shown).block(block), rect);
    (rows, scroll + rows + below)
}
