//! A bordered box over the screen, for dialogs and questions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

/// A bordered box in the middle of `area`, cleared, with `lines` inside (already fitted).
/// Returns the box.
pub fn popup(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    width: u16,
) -> Rect {
    let width = width.min(area.width);
    let height = (u16::try_from(lines.len()).unwrap_or(u16::MAX))
        .saturating_add(2)
        .min(area.height);
    let x = area.x + (area.width - width) / 2;
    let y = area.y + (area.height - height) / 2;
    let rect = Rect::new(x, y, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(format!(" {title} "));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    rect
}
