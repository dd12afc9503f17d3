//! "Request assistance": the Phone number Service Center, the four steps to an order's active
//! ticket, and the input that records the ticket. Draws only.

use super::AssistPage;
use super::{FIND_TICKET_STEPS, SERVICE_CENTER, SERVICE_CENTER_URL};
use crate::tui::app::App;
use crate::tui::text::one_line;
use crate::tui::widgets::form::InputPage;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

const LABEL: &str = " Ticket id or link: ";

pub fn render(app: &App, page: &AssistPage, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut out = InputPage::new(theme, area);
    out.text(
        " ",
        "Request assistance from Microsoft support",
        theme.heading(),
    );
    out.text(" ", SERVICE_CENTER, Style::new());
    // An order that already has its case: Microsoft's advice is to update it, not open another.
    if let Some(order) = app.order(&page.order_id)
        && let (Some(ticket), Some(_)) = (
            &order.ticket,
            crate::domain::export::case::route_note(order),
        )
    {
        out.text(
            " ⇢ ",
            &format!(
                "This order is a Service Center case: {}. Update that case (add a comment, attach the corrected LOA or numbers) rather than open a new one.",
                one_line(ticket)
            ),
            theme.heading(),
        );
    }
    out.line(Line::from(vec![
        Span::raw(" Phone number Service Center: "),
        Span::styled(SERVICE_CENTER_URL, theme.key()),
    ]));
    out.blank();
    out.text(
        " ",
        "To find the active ticket of this order:",
        theme.heading(),
    );
    for (i, step) in FIND_TICKET_STEPS.iter().enumerate() {
        out.text(&format!("  {}. ", i + 1), step, Style::new());
    }
    out.blank();
    let current = match app.order(&page.order_id).and_then(|o| o.ticket.clone()) {
        Some(t) => format!("This order's ticket: {}", one_line(&t)),
        None => "This order's ticket: none recorded yet.".to_string(),
    };
    out.text(" ", &current, Style::new());
    out.input(LABEL, &page.ticket, Some(60));
    out.refusal_or_hint(
        page.error.as_deref(),
        "Enter records it on the order; it shows on the order's page and in the history.",
    );
    out.draw(frame, area);
}
