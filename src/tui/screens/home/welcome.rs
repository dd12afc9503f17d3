//! The first start: what portwiz does, and the two ways to begin.

use crate::domain::rules::text::thousands;
use crate::tui::app::App;
use crate::tui::text::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const ABOUT: &str = "portwiz prepares port orders that move phone numbers from their current carrier to Microsoft Teams Calling Plans. It keeps every order on this computer, records what the carrier answered, shows which field a rejection concerns and why, and helps you fix the order and resubmit it.";

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = usize::from(area.width.saturating_sub(4)).min(72);
    let mut lines = vec![
        Line::raw(""),
        Line::styled("  Welcome to portwiz", theme.title()),
        Line::raw(""),
    ];
    lines.extend(
        wrap(ABOUT, width)
            .into_iter()
            .map(|l| Line::raw(format!("  {l}"))),
    );
    lines.push(Line::raw(""));
    lines.push(Line::raw(
        "  There are no orders in this store yet. To begin:",
    ));
    lines.push(Line::raw(""));
    for (key, words) in [
        ("n", "start a new port order in the wizard"),
        (
            "d",
            "look around in a demo copy of orders; your store stays empty",
        ),
        ("?", "every key on this screen"),
        ("q", "quit"),
    ] {
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(key, theme.key()),
            Span::raw(format!("  {words}")),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A store without an index (a first start on a copied store, a `git clone`) being read: a
/// progress bar from what the reading thread counted, so the first frame comes at once.
pub fn render_reading(app: &App, (done, total): (usize, usize), frame: &mut Frame, area: Rect) {
    use ratatui::layout::{Constraint, Layout};
    use ratatui::widgets::Gauge;
    let theme = &app.theme;
    let width = usize::from(area.width.saturating_sub(4)).min(72);
    let mut lines = vec![
        Line::raw(""),
        Line::styled("  Reading the orders", theme.title()),
        Line::raw(""),
    ];
    let about = "This store has no index yet (a first start, or a store copied or cloned with git): every order file is read once and the index built, on a thread of its own. The history shows as soon as it is done; n starts a new order meanwhile, q quits.";
    lines.extend(
        wrap(about, width)
            .into_iter()
            .map(|l| Line::raw(format!("  {l}"))),
    );
    lines.push(Line::raw(""));
    let said = if total == 0 {
        "  Listing the order files…".to_string()
    } else {
        format!(
            "  {} of {} order files read",
            thousands(done),
            thousands(total)
        )
    };
    lines.push(Line::raw(said));
    let [text, bar] = Layout::vertical([
        Constraint::Length(u16::try_from(lines.len()).unwrap_or(u16::MAX)),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines), text);
    let ratio = if total == 0 {
        0.0
    } else {
        (done.min(total) as f64) / (total as f64)
    };
    let bar = Rect {
        x: bar.x + 2,
        width: bar.width.saturating_sub(4).min(72),
        ..bar
    };
    frame.render_widget(Gauge::default().gauge_style(theme.ok()).ratio(ratio), bar);
}
