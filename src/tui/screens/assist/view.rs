//! "Request assistance": the Phone number Service Center, the four steps to an order's active
//! ticket, and the input that records the ticket. Draws only.

use super::AssistPage;
use super::{FIND_TICKET_STEPS, SERVICE_CENTER, SERVICE_CENTER_URL};
use crate::tui::app::App;
use crate::tui::text::hanging;
use crate::tui::text::one_line;
use crate::tui::widgets::form::{draw_with_input, input_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

const LABEL: &str = " Ticket id or link: ";

pub fn render(app: &App, page: &AssistPage, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let text = |lines: &mut Vec<Line<'static>>, lead: &str, body: &str, style: Style| {
        lines.extend(hanging(lead, body, width, Style::new(), style));
    };
    text(
        &mut lines,
        " ",
        "Request assistance from Microsoft support",
        theme.heading(),
    );
    text(&mut lines, " ", SERVICE_CENTER, Style::new());
    // An order that already has its case: Microsoft's advice is to update it, not open another.
    if let Some(order) = app.order(&page.order_id)
        && let (Some(ticket), Some(_)) = (
            &order.ticket,
            crate::domain::export::case::route_note(order),
        )
    {
        text(
            &mut lines,
            " ⇢ ",
            &format!(
                "This order is a Service Center case: {}. Update that case (add a comment, attach the corrected LOA or numbers) rather than open a new one.",
                one_line(ticket)
            ),
            theme.heading(),
        );
    }
    lines.push(Line::from(vec![
        Span::raw(" Phone number Service Center: "),
        Span::styled(SERVICE_CENTER_URL, theme.key()),
    ]));
    lines.push(Line::raw(""));
    text(
        &mut lines,
        " ",
        "To find the active ticket of this order:",
        theme.heading(),
    );
    for (i, step) in FIND_TICKET_STEPS.iter().enumerate() {
        text(&mut lines, &format!("  {}. ", i + 1), step, Style::new());
    }
    lines.push(Line::raw(""));
    let current = match app.order(&page.order_id).and_then(|o| o.ticket.clone()) {
        Some(t) => format!("This order's ticket: {}", one_line(&t)),
        None => "This order's ticket: none recorded yet.".to_string(),
    };
    text(&mut lines, " ", &current, Style::new());
    let room = width.saturating_sub(LABEL.width() + 2).clamp(8, 60);
    let (input, column) = input_line(LABEL, &page.ticket, room, theme.focus(), theme.input());
    let input_row = lines.len();
    lines.push(input);
    match &page.error {
        Some(why) => text(&mut lines, " ✗ ", &one_line(why), theme.error()),
        None => text(
            &mut lines,
            " ",
            "Enter records it on the order; it shows on the order's page and in the history.",
            theme.dim(),
        ),
    }
    draw_with_input(frame, area, lines, (input_row, column), 1);
}
