//! The e-mails screen: one line per e-mail that fits (the cursor's marked, the suggested one
//! said), then the chosen e-mail whole, wrapped and scrolled in the rows left. Draws only.

use super::AsksPage;
use crate::domain::asks;
use crate::tui::app::App;
use crate::tui::layout::Drawn;
use crate::tui::text::{clean_for_screen, truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, page: &AsksPage, frame: &mut Frame, area: Rect) -> Drawn {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let rows = usize::from(area.height);
    let Some(order) = app.order(&page.order_id) else {
        frame.render_widget(Paragraph::new(" The order is not at hand."), area);
        return Drawn::default();
    };
    if page.kinds.is_empty() {
        let text = format!(
            " Nothing to ask: the order is {}.",
            order.status.label().to_lowercase()
        );
        frame.render_widget(Paragraph::new(truncate(&text, width)), area);
        return Drawn::default();
    }
    let mut lines = vec![Line::styled(
        truncate(
            " The e-mails that fit this order (Enter copies the one chosen; never the PIN):",
            width,
        ),
        theme.heading(),
    )];
    for (i, kind) in page.kinds.iter().enumerate() {
        let marker = if i == page.cursor { "▸" } else { " " };
        let suggested = if i == 0 { "  (suggested)" } else { "" };
        let text = format!(" {marker} {:<10} {}{suggested}", kind.key(), kind.label());
        let style = if i == page.cursor {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(truncate(&text, width), style));
    }
    lines.push(Line::styled("─".repeat(width), theme.dim()));
    let Some(kind) = page.kinds.get(page.cursor) else {
        return Drawn::default();
    };
    let text = asks::ask(order, *kind, app.clock).text();
    let preview: Vec<String> = (text.lines())
        .flat_map(|line| match line {
            "" => vec![String::new()],
            line => wrap(&clean_for_screen(line), width.saturating_sub(2)),
        })
        .collect();
    let room = rows.saturating_sub(lines.len()).max(1);
    let start = page.scroll.min(preview.len().saturating_sub(room));
    let more = preview.len().saturating_sub(start + room);
    let shown = if more > 0 { room - 1 } else { room };
    for line in preview.iter().skip(start).take(shown) {
        lines.push(Line::raw(format!(" {line}")));
    }
    if more > 0 {
        let rest = preview.len() - start - shown;
        lines.push(Line::styled(
            truncate(&format!(" ↓ {rest} more lines (PgDn)"), width),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
    Drawn {
        page_rows: shown.max(1),
        page_lines: preview.len(),
        ..Drawn::default()
    }
}
