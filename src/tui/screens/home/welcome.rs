//! The first start: what portwiz does, and the two ways to begin.

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
