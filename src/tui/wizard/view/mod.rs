//! Drawing only: the wizard's state in, cells out. Layout: a header line, the carrier's
//! rejection pinned above the form (when rejected), the steps (a sidebar from 100 columns, a
//! one-line step bar below), the form or the review, and a bottom line for a question or notice.

mod banner;
mod form;
mod prompt;
mod review;
mod rows;
mod steps;
mod usage;

use super::state::WizardState;
use crate::tui::layout::Drawn;
use crate::tui::text::{one_line, truncate};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// From this width the steps get a sidebar; below, a one-line step bar.
const SIDEBAR_FROM_WIDTH: u16 = 100;
const SIDEBAR_WIDTH: u16 = 38;

pub fn render(state: &WizardState, frame: &mut Frame, area: Rect, theme: &Theme) -> Drawn {
    let bottom_lines = prompt::lines(state, area.width, theme);
    if let Some(scroll) = state.pinned {
        return render_pinned(state, scroll, frame, area, theme, bottom_lines.lines);
    }
    let banner_lines = banner::lines(state, area.width, area.height, theme);
    let narrow = area.width < SIDEBAR_FROM_WIDTH;
    let [header, banner_area, bar, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::try_from(banner_lines.len()).unwrap_or(0)),
        Constraint::Length(u16::from(narrow)),
        Constraint::Min(1),
        Constraint::Length(u16::try_from(bottom_lines.lines.len()).unwrap_or(0)),
    ])
    .areas(area);

    frame.render_widget(
        Paragraph::new(header_line(state, area.width, theme)),
        header,
    );
    frame.render_widget(Paragraph::new(banner_lines), banner_area);

    let main = if narrow {
        frame.render_widget(Paragraph::new(steps::bar(state, bar.width, theme)), bar);
        body
    } else {
        let [side, main] =
            Layout::horizontal([Constraint::Length(SIDEBAR_WIDTH), Constraint::Min(1)]).areas(body);
        frame.render_widget(Paragraph::new(steps::sidebar(state, side, theme)), side);
        main
    };

    let rows = if state.step == crate::domain::registry::Step::Review {
        review::rows(state, main.width, theme)
    } else {
        form::rows(state, main.width, main.height, theme)
    };
    rows.draw(frame, main);

    frame.render_widget(Paragraph::new(bottom_lines.lines), bottom);
    if let Some((row, column)) = bottom_lines.cursor {
        frame.set_cursor_position((
            bottom.x + column.min(bottom.width.saturating_sub(1)),
            bottom.y + row,
        ));
    }
    Drawn::default()
}

/// The carrier's whole message over the form, scrolled by `scroll` (kept within the text).
fn render_pinned(
    state: &WizardState,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    bottom_lines: Vec<Line<'static>>,
) -> Drawn {
    let [header, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(u16::try_from(bottom_lines.len()).unwrap_or(0)),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(header_line(state, area.width, theme)),
        header,
    );
    let lines = banner::expanded(state, body.width, theme);
    let rows = usize::from(body.height);
    let max = lines.len().saturating_sub(rows);
    let first = usize::from(scroll).min(max);
    let mut shown: Vec<Line<'static>> = lines.iter().skip(first).take(rows).cloned().collect();
    // Say that there is more, above or below, on the edge rows.
    if first > 0
        && let Some(top) = shown.first_mut()
    {
        *top = Line::from(Span::styled(
            format!("  ↑ {} more line(s)", first + 1),
            theme.dim(),
        ));
    }
    let below = lines.len().saturating_sub(first + rows);
    if below > 0
        && let Some(last) = shown.last_mut()
    {
        *last = Line::from(Span::styled(
            format!("  ↓ {} more line(s): ↓ or PgDn", below + 1),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(shown), body);
    frame.render_widget(Paragraph::new(bottom_lines), bottom);
    Drawn {
        pinned_rows: rows,
        pinned_lines: lines.len(),
        ..Drawn::default()
    }
}

fn header_line(state: &WizardState, width: u16, theme: &Theme) -> Line<'static> {
    let order = &state.order;
    let step = format!(
        "Step {} of {}",
        state.step.index_in(order.fields.route()) + 1,
        crate::domain::registry::Step::pages_of(&order.fields).len()
    );
    let mut status = format!(" · {} {}", order.status.symbol(), order.status.label());
    if !order.status.is_editable() {
        status.push_str(" (read-only)");
    }
    let room = usize::from(width)
        .saturating_sub(crate::tui::text::width(&step) + crate::tui::text::width(&status) + 3);
    let name = format!(
        "{}{status}",
        truncate(
            &format!("Port order “{}”", one_line(&order.display_name())),
            room
        )
    );
    let gap = usize::from(width)
        .saturating_sub(crate::tui::text::width(&name) + crate::tui::text::width(&step));
    Line::from(vec![
        Span::styled(name, theme.title()),
        Span::raw(" ".repeat(gap)),
        Span::styled(step, theme.dim()),
    ])
}
