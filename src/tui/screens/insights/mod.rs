//! "Insights" (`i` on the order history): what the orders' own history says about each
//! carrier (`domain::insights`), drawn as bars with the numbers beside them. The figures need
//! every order in full: when the app holds them all they are computed at once, otherwise the
//! runtime reads them (`Effect::LoadInsights`) and answers `Msg::InsightsLoaded`. The screen's
//! state, keys and `update` are here; its view in [`view`].

mod view;

use crate::domain::insights::{self, Insights};
use crate::tui::app::{App, Context, Screen};
use crate::tui::keymap::{Binding, both, ch, help, key, summary};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, Msg};
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
    pub insights: Option<Insights>,
    /// The first line shown.
    pub scroll: usize,
}

use Context as C;
use KeyCode::{Down, End, Esc, Home, PageDown, PageUp, Up};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    summary(C::Insights, &[ch('j'), key(Down), ch('k'), key(Up)], "↑↓", "Scroll"),
    help(C::Insights, &[ch('j'), key(Down)], "↓/j", Msg::MoveDown, "Scroll down"),
    help(C::Insights, &[ch('k'), key(Up)], "↑/k", Msg::MoveUp, "Scroll up"),
    help(C::Insights, &[key(PageDown)], "PgDn", Msg::PageDown, "One page down"),
    help(C::Insights, &[key(PageUp)], "PgUp", Msg::PageUp, "One page up"),
    help(C::Insights, &[ch('g'), key(Home)], "g/Home", Msg::Top, "Top"),
    help(C::Insights, &[ch('G'), key(End)], "G/End", Msg::Bottom, "End"),
    both(C::Insights, &[key(Esc)], "Esc", Msg::Back, "Back to the order history", "Back"),
    both(C::Insights, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    both(C::Insights, &[ch('q')], "q", Msg::Quit, "Quit", "Quit"),
];

/// `i` on the history: the screen, with its figures now when every order is at hand.
pub fn open(app: &mut App) -> Vec<Effect> {
    let all_loaded = app.orders.iter().all(|s| app.loaded.contains_key(&s.id));
    let insights = all_loaded.then(|| insights::compute(app.loaded.values(), app.clock.now));
    let effects = if insights.is_some() {
        Vec::new()
    } else {
        vec![Effect::LoadInsights]
    };
    app.screens.push(Screen::Insights(InsightsPage {
        insights,
        scroll: 0,
    }));
    effects
}

impl InsightsPage {
    fn scroll_by(&mut self, app: &App, delta: isize) {
        let max = app.drawn.max_scroll();
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    fn page(app: &App) -> isize {
        isize::try_from(app.drawn.page_rows.saturating_sub(1).max(1)).unwrap_or(1)
    }
}

impl Component for InsightsPage {
    fn context(&self, _app: &App) -> Context {
        C::Insights
    }

    fn keymap(&self) -> &'static [Binding] {
        KEYS
    }

    fn name(&self, _app: &App) -> &'static str {
        "insights"
    }

    fn title(&self, _app: &App) -> String {
        "Order history › Insights".to_string()
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::MoveUp => self.scroll_by(app, -1),
            Msg::MoveDown => self.scroll_by(app, 1),
            Msg::PageUp => self.scroll_by(app, -Self::page(app)),
            Msg::PageDown => self.scroll_by(app, Self::page(app)),
            Msg::Top => self.scroll_by(app, isize::MIN / 2),
            Msg::Bottom => self.scroll_by(app, isize::MAX / 2),
            Msg::Resize(..) => self.scroll_by(app, 0),
            Msg::InsightsLoaded(insights) => {
                self.insights = Some(*insights);
                self.scroll = 0;
            }
            Msg::Back => return vec![Effect::Close],
            _ => {}
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_key_is_bound_twice() {
        assert_eq!(crate::tui::keymap::has_no_duplicate(super::KEYS), Ok(()));
    }
}
