//! A page of lines that scrolls: the lines from the first one scrolled to, as many as fit, and
//! what was drawn (for `update`'s page keys, through the list kit).

use crate::tui::layout::Drawn;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Draw `lines` from line `top` (held so the last page stays full) into `area`.
pub fn draw_scrolled(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    top: usize,
) -> Drawn {
    let (rows, total) = (usize::from(area.height), lines.len());
    let top = top.min(total.saturating_sub(rows));
    let shown: Vec<Line<'static>> = lines.into_iter().skip(top).take(rows).collect();
    frame.render_widget(Paragraph::new(shown), area);
    Drawn::page(rows, total)
}
