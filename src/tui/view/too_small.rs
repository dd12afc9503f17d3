//! Below 80×24 the app says so instead of drawing a broken screen.

use crate::tui::app::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::root::Root;
use crate::tui::text::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(root: &Root, frame: &mut Frame, area: Rect) {
    let app = &root.app;
    let (width, height) = app.size;
    let text = match root.unsaved_edits().filter(|_| app.confirm_quit) {
        Some(unsaved) => format!(
            "{unsaved} Quit anyway? y or Ctrl-C: quit and lose them · s: save and quit · n or Esc: stay. (Terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {width}×{height}.)"
        ),
        None => format!(
            "Terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT}, have {width}×{height}). Enlarge the window, or press Ctrl-C to quit; `portwiz --plain` works at any size (one question a line)."
        ),
    };
    let lines: Vec<Line> = wrap(&text, usize::from(area.width.max(1)))
        .into_iter()
        .map(|l| Line::styled(l, app.theme.heading()))
        .collect();
    let top = area
        .height
        .saturating_sub(u16::try_from(lines.len()).unwrap_or(0))
        / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(Paragraph::new(lines), rect);
}
