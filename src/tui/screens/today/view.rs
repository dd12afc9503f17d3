//! The Today view: per item a heading line (the need, the order's id and name) and what to do,
//! wrapped to at most two lines below it; the cursor's item marked and kept in sight. Draws only.

use super::TodayPage;
use crate::domain::today::Item;
use crate::tui::app::App;
use crate::tui::layout::Drawn;
use crate::tui::text::{one_line, truncate, wrap_at_most};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Lines an item takes: its heading, two of what to do.
const ITEM_LINES: usize = 3;

/// How many whole items a page of `rows` lines shows (at least one).
pub fn items_on_page(rows: usize) -> usize {
    (rows.saturating_sub(1) / ITEM_LINES).max(1)
}

pub fn render(app: &App, page: &TodayPage, frame: &mut Frame, area: Rect) -> Drawn {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let rows = usize::from(area.height);
    let mut lines = vec![];
    match &page.items {
        None => lines.push(Line::styled(" Reading every order…", theme.dim())),
        Some(items) if items.is_empty() => lines.push(Line::raw(truncate(
            &format!(" Today, {}: nothing needs you.", app.clock.today),
            width,
        ))),
        Some(items) => {
            // Keep the cursor's item on screen: start at the page holding it.
            let per_page = items_on_page(rows);
            let first = page.cursor / per_page * per_page;
            let things = if items.len() == 1 {
                "thing needs"
            } else {
                "things need"
            };
            let mut heading = format!(
                " Today, {}: {} {things} you, most urgent first",
                app.clock.today,
                items.len()
            );
            if items.len() > per_page {
                let last = (first + per_page).min(items.len());
                heading.push_str(&format!(" ({}–{last} shown)", first + 1));
            }
            lines.push(Line::styled(truncate(&heading, width), theme.heading()));
            for (i, item) in items.iter().enumerate().skip(first).take(per_page) {
                lines.extend(item_lines(app, item, i == page.cursor, width));
            }
        }
    }
    let total = lines.len();
    frame.render_widget(Paragraph::new(lines), area);
    Drawn::page(rows, total).keeping_history(app.drawn.history_rows, app.history.offset)
}

fn item_lines(app: &App, item: &Item, selected: bool, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let marker = if selected { "▸ " } else { "  " };
    let style = if selected {
        theme.selected()
    } else {
        theme.heading()
    };
    let heading = format!(
        "{marker}{} · {}  {}",
        item.need.title(),
        item.id,
        one_line(&item.name)
    );
    let mut out = vec![Line::from(Span::styled(truncate(&heading, width), style))];
    let says = wrap_at_most(&item.need.says(), width.saturating_sub(4), ITEM_LINES - 1);
    for line in says {
        out.push(Line::raw(format!("    {line}")));
    }
    while out.len() < ITEM_LINES {
        out.push(Line::raw(""));
    }
    out
}
