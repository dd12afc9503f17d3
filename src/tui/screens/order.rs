//! One order's page: everything about it, scrolled; from here the wizard, the response dialog,
//! assistance and export open. The view is `view::order_page`.

use super::{assist, export, handoff};
use crate::tui::app::{App, Context, Message, Screen};
use crate::tui::keymap::{Binding, both, ch, help, key, summary};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, Msg};
use crate::tui::screen::Component;
use crate::tui::text::one_line;
use crate::tui::view;
use crate::tui::wizard::Wizard;
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    pub const OrderPage: Context = Context("order page");
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderPage {
    pub order_id: String,
    /// The first line shown.
    pub scroll: usize,
}

use Context as C;
use KeyCode::{Down, End, Esc, Home, PageDown, PageUp, Up};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    summary(C::OrderPage, &[ch('j'), key(Down), ch('k'), key(Up)], "↑↓", "Scroll"),
    help(C::OrderPage, &[ch('j'), key(Down)], "↓/j", Msg::MoveDown, "Scroll down"),
    help(C::OrderPage, &[ch('k'), key(Up)], "↑/k", Msg::MoveUp, "Scroll up"),
    help(C::OrderPage, &[key(PageDown)], "PgDn", Msg::PageDown, "One page down"),
    help(C::OrderPage, &[key(PageUp)], "PgUp", Msg::PageUp, "One page up"),
    help(C::OrderPage, &[ch('g'), key(Home)], "g/Home", Msg::Top, "Top of the page"),
    help(C::OrderPage, &[ch('G'), key(End)], "G/End", Msg::Bottom, "End of the page"),
    both(C::OrderPage, &[ch('u')], "u", Msg::UpdateOrder, "Update a rejected order (or edit a draft) in the wizard", "Update"),
    both(C::OrderPage, &[ch('r')], "r", Msg::OpenRespond, "Record the carrier's answer: rejection, FOC, completion, support, cancellation", "Response"),
    both(C::OrderPage, &[ch('a')], "a", Msg::OpenAssist, "Request assistance: the Phone number Service Center and the order's ticket", "Assist"),
    both(C::OrderPage, &[ch('e')], "e", Msg::OpenExport, "Export to a file: summary, LOA, CSV of numbers, JSON", "Export"),
    both(C::OrderPage, &[key(Esc)], "Esc", Msg::Back, "Back to the order history", "Back"),
    both(C::OrderPage, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    // After help: at 80 columns the footer keeps Esc and ? and leaves this to help.
    both(C::OrderPage, &[ch('t')], "t", Msg::OpenHandoff, "Hand-off to the Teams admin center, value by value", "Hand-off"),
    both(C::OrderPage, &[ch('q')], "q", Msg::Quit, "Quit", "Quit"),
];

impl OrderPage {
    pub fn new(order_id: String) -> OrderPage {
        OrderPage {
            order_id,
            scroll: 0,
        }
    }

    fn scroll_by(&mut self, app: &App, delta: isize) {
        let max = self.max_scroll(app);
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    /// The furthest the page can scroll, as the last frame drew it.
    pub fn max_scroll(&self, app: &App) -> usize {
        app.drawn.max_scroll()
    }

    /// Lines in one page, as the last frame drew it.
    fn page(app: &App) -> isize {
        isize::try_from(app.drawn.page_rows.saturating_sub(1).max(1)).unwrap_or(1)
    }
}

impl Component for OrderPage {
    fn context(&self, _app: &App) -> Context {
        C::OrderPage
    }

    fn keymap(&self) -> &'static [Binding] {
        KEYS
    }

    fn name(&self, _app: &App) -> &'static str {
        "order page"
    }

    fn title(&self, app: &App) -> String {
        match app.order(&self.order_id) {
            Some(order) => format!("Order history › {}", one_line(&order.display_name())),
            None => "Order history › (missing order)".to_string(),
        }
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::MoveUp => self.scroll_by(app, -1),
            Msg::MoveDown => self.scroll_by(app, 1),
            Msg::PageUp => self.scroll_by(app, -Self::page(app)),
            Msg::PageDown => self.scroll_by(app, Self::page(app)),
            Msg::Top => self.scroll_by(app, isize::MIN / 2),
            Msg::Bottom => self.scroll_by(app, isize::MAX / 2),
            // The order changed or the terminal did: keep the scroll on the page.
            Msg::Resize(..) | Msg::Saved(_) => self.scroll_by(app, 0),
            Msg::UpdateOrder => open_wizard_on(app, &self.order_id),
            Msg::OpenRespond => open_respond(app, &self.order_id),
            Msg::OpenAssist => assist::open(app, &self.order_id),
            Msg::OpenExport => export::open(app, &self.order_id),
            Msg::OpenHandoff => handoff::open(app, &self.order_id),
            Msg::Back => return vec![Effect::Close],
            _ => {}
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::order_page::render(app, self, frame, area)
    }
}

/// `r` on an order's page: the response dialog, offering what the order's status allows.
fn open_respond(app: &mut App, id: &str) {
    if app.read_only.contains(id) {
        app.message = Some(Message::error(
            "This order was written by a newer portwiz and is read-only here.",
        ));
        return;
    }
    let Some(order) = app.order(id) else {
        return;
    };
    if order.status.is_final() {
        app.message = Some(Message::error(format!(
            "This order is {}: there is no answer left to record.",
            order.status.label()
        )));
        return;
    }
    let respond = crate::tui::respond::Respond::open(order, app.clock.now);
    app.screens.push(Screen::Respond(Box::new(respond)));
}

/// The wizard on an order, unless it may not be edited here.
pub fn open_wizard_on(app: &mut App, id: &str) {
    let Some(order) = app.order(id) else {
        app.message = Some(Message::error(format!(
            "Order {id} is not in the store any more."
        )));
        return;
    };
    if app.read_only.contains(id) {
        app.message = Some(Message::error(
            "This order was written by a newer portwiz and is read-only here.",
        ));
        return;
    }
    if let Err(refusal) = order.ensure_editable() {
        app.message = Some(Message::error(refusal.to_string()));
        return;
    }
    let wizard = Wizard::open(order.clone(), app.clock);
    app.screens.push(Screen::Wizard(Box::new(wizard)));
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_key_is_bound_twice() {
        assert_eq!(crate::tui::keymap::has_no_duplicate(super::KEYS), Ok(()));
    }
}
