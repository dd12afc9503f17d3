//! The conflict view: what happened, then one row per field with the other window's value and
//! this window's side by side, each wrapped in its column, the kept one marked in words as well
//! as colour. Draws only.

use super::ConflictPage;
use crate::domain::merge::{Part, Side};
use crate::tui::app::App;
use crate::tui::text::{clean_for_screen, hanging, one_line, pad, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

const LABEL_WIDTH: usize = 22;
const KEPT: &str = "[x] ";
const NOT_KEPT: &str = "[ ] ";

pub fn render(app: &App, page: &ConflictPage, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let name = one_line(&page.merge.order.display_name());
    lines.extend(hanging(
        " ",
        &format!("“{name}” was saved in another window while you were editing it."),
        width,
        Style::new(),
        theme.heading(),
    ));
    lines.extend(hanging(
        " ",
        "Both changed the fields below. Keep one value for each (← the other window's, → or Space yours); Enter then saves. Nothing is saved until you have chosen, and your values are kept meanwhile.",
        width,
        Style::new(),
        Style::new(),
    ));
    let combined: Vec<String> = page
        .merge
        .theirs_changed
        .iter()
        .filter(|p| page.merge.conflicts.iter().all(|c| c.part != **p))
        .map(|p| p.label())
        .collect();
    if !combined.is_empty() {
        lines.extend(hanging(
            " ",
            &format!(
                "The other window also changed {}: kept, with your other edits.",
                combined.join(", ")
            ),
            width,
            Style::new(),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    let column = width.saturating_sub(LABEL_WIDTH + 4) / 2;
    lines.push(Line::from(vec![
        Span::styled(
            format!("   {}", pad("Field", LABEL_WIDTH - 2)),
            theme.heading(),
        ),
        Span::styled(pad("Saved in the other window", column), theme.heading()),
        Span::styled(pad("Yours (this window)", column), theme.heading()),
    ]));
    conflict_rows(app, page, column, &mut lines);
    lines.push(Line::raw(""));
    let left = page.picks.iter().filter(|p| p.is_none()).count();
    let (status, style) = match (&page.error, page.leaving) {
        (Some(e), _) => (format!("✗ {e}"), theme.error()),
        (None, true) => (
            format!(
                "Leave without saving? {} Esc again leaves; ← or → chooses.",
                page.leaving_words()
            ),
            theme.warning(),
        ),
        (None, false) if left == 0 => (
            "Every field has a value: Enter saves the order.".to_string(),
            theme.ok(),
        ),
        (None, false) => (format!("{left} field(s) left to choose."), theme.dim()),
    };
    lines.extend(hanging(" ", &status, width, Style::new(), style));
    let rows = usize::from(area.height);
    frame.render_widget(
        Paragraph::new(lines.into_iter().take(rows).collect::<Vec<_>>()),
        area,
    );
}

/// Each field both changed: its label, the other window's value and yours, side by side, the
/// kept one marked.
fn conflict_rows(app: &App, page: &ConflictPage, column: usize, lines: &mut Vec<Line<'static>>) {
    let theme = &app.theme;
    for (i, (c, pick)) in page.merge.conflicts.iter().zip(&page.picks).enumerate() {
        let selected = i == page.selected;
        let marker = if selected { " › " } else { "   " };
        let value_lines = |v: &str, side: Side| -> Vec<String> {
            let mark = if *pick == Some(side) { KEPT } else { NOT_KEPT };
            let shown = if v.trim().is_empty() {
                "(empty)".to_string()
            } else {
                clean_for_screen(&one_line(v))
            };
            let room = column.saturating_sub(KEPT.width() + 1).max(4);
            wrap(&shown, room)
                .into_iter()
                .enumerate()
                .map(|(n, l)| {
                    let lead = if n == 0 { mark } else { "    " };
                    format!("{lead}{l}")
                })
                .collect()
        };
        let theirs = value_lines(&c.theirs, Side::Theirs);
        let mine = value_lines(&c.mine, Side::Mine);
        let label = label_of(c.part);
        let rows = theirs.len().max(mine.len());
        let style = |side: Side| match (*pick == Some(side), selected) {
            (true, _) => theme.ok(),
            (false, true) => theme.selected(),
            _ => Style::new(),
        };
        for r in 0..rows {
            let first = r == 0;
            lines.push(Line::from(vec![
                Span::styled(
                    if first { marker } else { "   " }.to_string(),
                    theme.focus(),
                ),
                Span::styled(
                    pad(if first { &label } else { "" }, LABEL_WIDTH - 2),
                    if selected {
                        theme.selected()
                    } else {
                        Style::new()
                    },
                ),
                Span::styled(
                    pad(theirs.get(r).map_or("", String::as_str), column),
                    style(Side::Theirs),
                ),
                Span::styled(
                    pad(mine.get(r).map_or("", String::as_str), column),
                    style(Side::Mine),
                ),
            ]));
        }
    }
}

/// The field's label, cut to its column.
fn label_of(part: Part) -> String {
    crate::tui::text::truncate(&part.label(), LABEL_WIDTH - 3)
}
