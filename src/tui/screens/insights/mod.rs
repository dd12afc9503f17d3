//! "Insights" (`i` on the order history): what the orders' own history says about each
//! carrier (`domain::insights`), drawn as bars with the numbers beside them. The figures need
//! every order in full: when the app holds them all they are computed at once, otherwise the
//! runtime reads them (`Effect::LoadInsights`) and answers `Msg::InsightsLoaded`. The screen's
//! state, keys and `update` are here; its view in [`view`].

mod view;

use crate::domain::insights::{self, Insights};
use crate::tui::app::{App, Context};
use crate::tui::keymap::{Action, Binding, both, ch, key};
use crate::tui::layout::Drawn;
use crate::tui::list::{ListMsg, ListWords};
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Insights: Context = Context("insights");
}

#[derive(Debug, Clone, PartialEq)]
pub struct InsightsPage {
    /// `None` while the runtime reads the orders.
    pub insights: Option<Box<Insights>>,
    /// The first line shown.
    pub scroll: usize,
}

/// What the insights screen's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsightsMsg {
    /// ↑↓, PgUp PgDn, Home End (`tui::list`).
    List(ListMsg),
    Back,
}

use Action::{Global as G, Own as O};
use Context as C;
use InsightsMsg as M;
use KeyCode::Esc;

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<InsightsMsg>>] = crate::list_keys!(C::Insights, M::List, ListWords::SCROLL;
    both(C::Insights, &[key(Esc)], O(M::Back), "Back to the order history", "Back"),
    both(C::Insights, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    both(C::Insights, &[ch('q')], G(Msg::Quit), "Quit", "Quit"),
);

impl InsightsPage {
    /// Keep the first line shown on the page (after a resize).
    fn clamp(&mut self, app: &App) {
        self.scroll = self.scroll.min(app.drawn.max_scroll());
    }
}

impl Component for InsightsPage {
    type Msg = InsightsMsg;
    const ID: ScreenId = ScreenId::Insights;

    /// The figures now when every order is at hand; otherwise they come with
    /// `Msg::InsightsLoaded`.
    fn open(_order_id: Option<&str>, app: &mut App) -> Option<InsightsPage> {
        let insights = app
            .all_loaded()
            .then(|| Box::new(insights::compute(app.loaded.values(), app.clock.now)));
        Some(InsightsPage {
            insights,
            scroll: 0,
        })
    }

    fn context(&self, _app: &App) -> Context {
        C::Insights
    }

    const KEYS: &'static [Binding<Action<InsightsMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "insights"
    }

    fn title(&self, _app: &App) -> String {
        "Order history › Insights".to_string()
    }

    fn act(&mut self, msg: InsightsMsg, app: &mut App) -> Vec<Effect> {
        match msg {
            M::List(m) => self.scroll = m.scrolled(self.scroll, &app.drawn),
            M::Back => return vec![Effect::Close],
        }
        Vec::new()
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::Resize(..) => self.clamp(app),
            Msg::InsightsLoaded(insights) => {
                self.insights = Some(insights);
                self.scroll = 0;
            }
            _ => {}
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area)
    }
}
