//! One order's page: everything about it, scrolled; from here the wizard, the response dialog,
//! assistance and export open. The view is `view.rs`.

pub mod view;

use crate::tui::app::{App, Context};
use crate::tui::keymap::{self, Action, Binding, both, ch, help, key};
use crate::tui::layout::{Drawn, HEADER_NUMBERS};
use crate::tui::list::{ListMsg, ListWords};
use crate::tui::msg::{Effect, Msg, Open, ScreenId};
use crate::tui::screen::Component;
use crate::tui::text::one_line;
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

/// What the order page's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageMsg {
    /// ↑↓, PgUp PgDn, Home End (`tui::list`).
    List(ListMsg),
    /// The wizard on this order, focused on the first rejected field.
    Update,
    /// The "Carrier response" dialog.
    Respond,
    /// Request assistance (the Phone number Service Center, the ticket).
    Assist,
    /// The export dialog.
    Export,
    /// The hand-off to the Teams admin center.
    Handoff,
    /// Every number of the order, on a list of its own.
    Numbers,
    /// A new draft with this order's fields.
    Copy,
    /// A dated note in the order's journal.
    Note,
    /// Who each number goes to in Teams.
    Assign,
    /// The e-mails that unblock the port, one copied.
    Asks,
    /// Back to the order history.
    Back,
}

use Action::{Global as G, Own as O};
use Context as C;
use KeyCode::Esc;
use PageMsg as M;

/// The page's list words.
const WORDS: ListWords = ListWords {
    top: "Top of the page",
    bottom: "End of the page",
    ..ListWords::SCROLL
};

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<PageMsg>>] = crate::list_keys!(C::OrderPage, M::List, WORDS;
    both(C::OrderPage, &[ch('u')], O(M::Update), "Update a rejected order (or edit a draft) in the wizard", "Update"),
    both(C::OrderPage, &[ch('r')], O(M::Respond), "Record what the carrier or Microsoft answered", "Response"),
    both(C::OrderPage, &[ch('a')], O(M::Assist), "Request assistance: the Service Center and the ticket", "Assist"),
    both(C::OrderPage, &[ch('e')], O(M::Export), "Export to a file: summary, LOA, CSV of numbers, JSON", "Export"),
    both(C::OrderPage, &[key(Esc)], O(M::Back), "Back to the order history", "Back"),
    both(C::OrderPage, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    // After help: at 80 columns the footer leaves out the arrows to keep it (`footer`).
    both(C::OrderPage, &[ch('t')], O(M::Handoff), "Hand-off to the Teams admin center, value by value", "Hand-off"),
    // After help: at 80 columns the footer has no room left for it; the page's "and 9 more
    // (N: all)" says it there.
    both(C::OrderPage, &[ch('N')], O(M::Numbers), "Every phone number of the order, on a list of its own", "Numbers"),
    help(C::OrderPage, &[ch('c')], O(M::Copy), "Copy: a new draft with this order's fields only"),
    help(C::OrderPage, &[ch('n')], O(M::Note), "Note: a dated note in the order's journal"),
    help(C::OrderPage, &[ch('A')], O(M::Assign), "Assign the numbers: who each goes to in Teams, and its emergency location"),
    help(C::OrderPage, &[ch('m')], O(M::Asks), "Mail: the e-mail that unblocks the port, copied"),
    both(C::OrderPage, &[ch('q')], G(Msg::Quit), "Quit", "Quit"),
);

impl OrderPage {
    pub fn new(order_id: String) -> OrderPage {
        OrderPage {
            order_id,
            scroll: 0,
        }
    }

    /// Keep the first line shown on the page (the order or the terminal changed).
    fn clamp(&mut self, app: &App) {
        self.scroll = self.scroll.min(app.drawn.max_scroll());
    }
}

impl Component for OrderPage {
    type Msg = PageMsg;
    const ID: ScreenId = ScreenId::Order;

    fn open(order_id: Option<&str>, _app: &mut App) -> Option<OrderPage> {
        order_id.map(|id| OrderPage::new(id.to_string()))
    }

    fn order_id(&self) -> Option<&str> {
        Some(&self.order_id)
    }

    fn context(&self, _app: &App) -> Context {
        C::OrderPage
    }

    const KEYS: &'static [Binding<Action<PageMsg>>] = KEYS;

    fn offers(&self, msg: &PageMsg, app: &App) -> bool {
        let order = app
            .order(&self.order_id)
            .filter(|o| !app.read_only.contains(&o.id));
        match msg {
            M::Update => order.is_some_and(|o| o.status.is_editable()),
            M::Note => order.is_some(),
            M::Asks => app
                .order(&self.order_id)
                .is_some_and(|o| !crate::domain::asks::fitting(o, app.clock).is_empty()),
            // A completed or cancelled order has nothing left to enter in Teams.
            M::Respond | M::Handoff => order.is_some_and(|o| !o.status.is_final()),
            // Offered where the page does not list every number already, or where the carrier
            // rejected some (the list moves them out).
            M::Numbers => app.order(&self.order_id).is_some_and(|o| {
                o.fields.numbers.len() > HEADER_NUMBERS || !o.marked_numbers().is_empty()
            }),
            _ => true,
        }
    }

    /// At 80 columns not every key fits: the arrows, which everyone tries first, make room for
    /// the hand-off.
    fn footer(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        let mut entries: Vec<_> = crate::tui::keymap::footer_bindings(KEYS, &[C::OrderPage])
            .filter(|b| match &b.action {
                Some(O(msg)) => self.offers(msg, app),
                _ => true,
            })
            .map(|b| (b.label.as_str(), b.footer))
            .collect();
        if !keymap::footer_fits(&entries, app.size.0) {
            entries.retain(|(label, _)| *label != "↑↓");
        }
        entries
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

    fn act(&mut self, msg: PageMsg, app: &mut App) -> Vec<Effect> {
        match msg {
            M::List(m) => self.scroll = m.scrolled(self.scroll, &app.drawn),
            M::Update => return vec![Effect::Open(Open::on(ScreenId::Wizard, &self.order_id))],
            M::Respond => return vec![Effect::Open(Open::on(ScreenId::Respond, &self.order_id))],
            M::Assist => return vec![Effect::Open(Open::on(ScreenId::Assist, &self.order_id))],
            M::Export => return vec![Effect::Open(Open::on(ScreenId::Export, &self.order_id))],
            M::Handoff => return vec![Effect::Open(Open::on(ScreenId::Handoff, &self.order_id))],
            M::Numbers => return vec![Effect::Open(Open::on(ScreenId::Numbers, &self.order_id))],
            M::Copy => return vec![Effect::CopyOrder(self.order_id.clone())],
            M::Note => return vec![Effect::Open(Open::on(ScreenId::Note, &self.order_id))],
            M::Assign => return vec![Effect::Open(Open::on(ScreenId::Assign, &self.order_id))],
            M::Asks => return vec![Effect::Open(Open::on(ScreenId::Asks, &self.order_id))],
            M::Back => return vec![Effect::Close],
        }
        Vec::new()
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        // The order changed or the terminal did: keep the scroll on the page.
        if let Msg::Resize(..) | Msg::Saved(_) = msg {
            self.clamp(app);
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area)
    }
}
