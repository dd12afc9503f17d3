//! "E-mails that unblock the port" (`m` on an order's page): the asks that fit the order
//! (`domain::asks::fitting`, the suggested one first), the chosen one previewed whole, and
//! Enter copies it (OSC 52, `Effect::Copy`) to paste into a mail program: portwiz sends nothing,
//! and no e-mail holds the PIN. The screen's state, keys and `act` are here; its view in
//! [`view`].

mod view;

use crate::domain::asks::{self, AskKind};
use crate::tui::app::{App, Context, Message};
use crate::tui::keymap::{Action, Binding, both, ch, key};
use crate::tui::layout::Drawn;
use crate::tui::list::{ListMsg, ListWords};
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crate::tui::text::one_line;
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Asks: Context = Context("e-mails");
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsksPage {
    pub order_id: String,
    /// The e-mails that fit the order, the suggested one first.
    pub kinds: Vec<AskKind>,
    /// The e-mail under the cursor.
    pub cursor: usize,
    /// The preview's first line shown.
    pub scroll: usize,
}

/// What the screen's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsksMsg {
    /// ↑↓ choose an e-mail; PgUp PgDn scroll its preview.
    List(ListMsg),
    Copy,
    Back,
}

use Action::{Global as G, Own as O};
use AsksMsg as M;
use Context as C;

const WORDS: ListWords = ListWords {
    footer: "Choose",
    down: "Next e-mail",
    up: "Previous e-mail",
    page_down: "Scroll the e-mail down",
    page_up: "Scroll the e-mail up",
    top: "The first e-mail",
    bottom: "The last e-mail",
    page_footer: "",
};

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<AsksMsg>>] = crate::list_keys!(C::Asks, M::List, WORDS;
    both(C::Asks, &[key(KeyCode::Enter)], O(M::Copy), "Copy the whole e-mail (To, Subject, text) to paste into your mail program", "Copy"),
    both(C::Asks, &[key(KeyCode::Esc)], O(M::Back), "Back to the order's page", "Back"),
    both(C::Asks, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
);

impl AsksPage {
    fn selected(&self) -> Option<AskKind> {
        self.kinds.get(self.cursor).copied()
    }
}

impl Component for AsksPage {
    type Msg = AsksMsg;
    const ID: ScreenId = ScreenId::Asks;

    fn open(order_id: Option<&str>, app: &mut App) -> Option<AsksPage> {
        let order = app.order(order_id?)?;
        Some(AsksPage {
            order_id: order.id.clone(),
            kinds: asks::fitting(order, app.clock),
            cursor: 0,
            scroll: 0,
        })
    }

    fn order_id(&self) -> Option<&str> {
        Some(&self.order_id)
    }

    fn context(&self, _app: &App) -> Context {
        C::Asks
    }

    const KEYS: &'static [Binding<Action<AsksMsg>>] = KEYS;

    fn offers(&self, msg: &AsksMsg, _app: &App) -> bool {
        *msg != M::Copy || self.selected().is_some()
    }

    fn name(&self, _app: &App) -> &'static str {
        "e-mails"
    }

    fn title(&self, app: &App) -> String {
        let name = app
            .order(&self.order_id)
            .map_or_else(|| self.order_id.clone(), |o| one_line(&o.display_name()));
        format!("Order history › {name} › E-mails")
    }

    fn act(&mut self, msg: AsksMsg, app: &mut App) -> Vec<Effect> {
        match msg {
            M::List(m @ (ListMsg::PageDown | ListMsg::PageUp)) => {
                self.scroll = m.scrolled(self.scroll, &app.drawn);
            }
            M::List(m) => {
                let last = self.kinds.len().saturating_sub(1);
                self.cursor = m.moved(self.cursor, 1, last);
                self.scroll = 0;
            }
            M::Copy => {
                let (Some(kind), Some(order)) = (self.selected(), app.order(&self.order_id)) else {
                    return Vec::new();
                };
                let ask = asks::ask(order, kind, app.clock);
                app.message = Some(Message::info(format!(
                    "Copied the e-mail to {} (“{}”): paste it into your mail program; portwiz sends nothing.",
                    ask.to, ask.subject
                )));
                return vec![Effect::Copy(ask.text())];
            }
            M::Back => return vec![Effect::Close],
        }
        Vec::new()
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        if let Msg::Resize(..) | Msg::Saved(_) = msg {
            self.scroll = self.scroll.min(app.drawn.max_scroll());
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area)
    }
}
