//! "Today" (`t` on the order history): what needs the user now, most urgent first
//! (`domain::today`), one item an order and a need, with a cursor; Enter opens the order. The
//! list needs every order in full: when the app holds them all it is made at once, otherwise the
//! runtime reads them (`Effect::LoadToday`) and answers `Msg::TodayLoaded`. The screen's state,
//! keys and `act` are here; its view in [`view`].

mod view;

use crate::domain::today::{self, Item};
use crate::tui::app::{App, Context};
use crate::tui::keymap::{Action, Binding, both, ch, key};
use crate::tui::layout::Drawn;
use crate::tui::list::{ListMsg, ListWords};
use crate::tui::msg::{Effect, Msg, Open, ScreenId};
use crate::tui::screen::Component;
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Today: Context = Context("today");
}

#[derive(Debug, Clone, PartialEq)]
pub struct TodayPage {
    /// `None` while the runtime reads the orders.
    pub items: Option<Vec<Item>>,
    /// The item under the cursor.
    pub cursor: usize,
}

/// What the Today screen's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodayMsg {
    /// ↑↓, PgUp PgDn, Home End (`tui::list`).
    List(ListMsg),
    Open,
    Back,
}

use Action::{Global as G, Own as O};
use Context as C;
use KeyCode::{Enter, Esc};
use TodayMsg as M;

/// The list's words: a cursor on what needs the user.
const WORDS: ListWords = ListWords {
    footer: "Move",
    down: "Next item",
    up: "Previous item",
    top: "The most urgent",
    bottom: "The last item",
    ..ListWords::SCROLL
};

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<TodayMsg>>] = crate::list_keys!(C::Today, M::List, WORDS;
    both(C::Today, &[key(Enter)], O(M::Open), "Open the order of the selected item", "Open"),
    both(C::Today, &[key(Esc)], O(M::Back), "Back to the order history", "Back"),
    both(C::Today, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    both(C::Today, &[ch('q')], G(Msg::Quit), "Quit", "Quit"),
);

impl TodayPage {
    fn selected(&self) -> Option<&Item> {
        self.items.as_ref()?.get(self.cursor)
    }

    fn last(&self) -> usize {
        self.items.as_ref().map_or(0, |i| i.len().saturating_sub(1))
    }
}

impl Component for TodayPage {
    type Msg = TodayMsg;
    const ID: ScreenId = ScreenId::Today;

    /// The list now when every order is at hand; otherwise it comes with `Msg::TodayLoaded`.
    fn open(_order_id: Option<&str>, app: &mut App) -> Option<TodayPage> {
        let items = app.all_loaded().then(|| {
            let orders: Vec<_> = app.loaded.values().cloned().collect();
            today::today(&orders, app.clock)
        });
        Some(TodayPage { items, cursor: 0 })
    }

    fn context(&self, _app: &App) -> Context {
        C::Today
    }

    const KEYS: &'static [Binding<Action<TodayMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "today"
    }

    fn title(&self, _app: &App) -> String {
        "Order history › Today".to_string()
    }

    fn act(&mut self, msg: TodayMsg, app: &mut App) -> Vec<Effect> {
        match msg {
            M::List(m) => {
                let page = isize::try_from(view::items_on_page(app.drawn.page_rows)).unwrap_or(1);
                self.cursor = m.moved(self.cursor, page, self.last());
            }
            M::Open => {
                let Some(id) = self.selected().map(|i| i.id.clone()) else {
                    return Vec::new();
                };
                if app.order(&id).is_some() {
                    return vec![Effect::Open(Open::on(ScreenId::Order, &id))];
                }
                // Not loaded yet: the root opens the page when the runtime has read it.
                app.open_when_loaded = Some(id.clone());
                return vec![Effect::Load(id)];
            }
            M::Back => return vec![Effect::Close],
        }
        Vec::new()
    }

    fn update(&mut self, msg: Msg, _app: &mut App) -> Vec<Effect> {
        if let Msg::TodayLoaded(items) = msg {
            self.items = Some(items);
            self.cursor = 0;
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area)
    }
}
