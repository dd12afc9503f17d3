//! The home screen: the order history (or the welcome screen while there are no orders) and
//! its filter line. Its state is `App::history` (the history is always there, under every other
//! screen); the view is `view::history` and `view::welcome`.

use crate::tui::app::{App, Context};
use crate::tui::keymap::{Binding, both, ch, ctrl, help, key, summary};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, Msg};
use crate::tui::screen::Component;
use crate::tui::text::one_line;
use crate::tui::view;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Welcome: Context = Context("welcome");
    pub const History: Context = Context("order history");
    /// Typing the filter.
    pub const FilterEditing: Context = Context("order history: filter");
}

/// The home screen (its state is the app's history: the list is under every screen).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Home;

use Context as C;
use KeyCode::{Backspace, Down, End, Enter, Esc, Home as HomeKey, PageDown, PageUp, Up};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    // The welcome screen.
    both(C::Welcome, &[ch('n')], "n", Msg::OpenWizard { order_id: None }, "Start a new port order", "New order"),
    both(C::Welcome, &[ch('d')], "d", Msg::LoadDemo, "Load the demo orders into this store", "Load demo"),
    both(C::Welcome, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    both(C::Welcome, &[ch('q')], "q", Msg::Quit, "Quit", "Quit"),
    // The order history.
    summary(C::History, &[ch('j'), key(Down), ch('k'), key(Up)], "↑↓", "Move"),
    help(C::History, &[ch('j'), key(Down)], "↓/j", Msg::MoveDown, "Next order"),
    help(C::History, &[ch('k'), key(Up)], "↑/k", Msg::MoveUp, "Previous order"),
    help(C::History, &[key(PageDown)], "PgDn", Msg::PageDown, "One page down"),
    help(C::History, &[key(PageUp)], "PgUp", Msg::PageUp, "One page up"),
    help(C::History, &[ch('g'), key(HomeKey)], "g/Home", Msg::Top, "First order"),
    help(C::History, &[ch('G'), key(End)], "G/End", Msg::Bottom, "Last order"),
    both(C::History, &[key(Enter)], "Enter", Msg::Open, "Open the selected order", "Open"),
    both(C::History, &[ch('/')], "/", Msg::StartFilter, "Filter by name, carrier, number or id", "Filter"),
    both(C::History, &[ch('f')], "f", Msg::CycleStatusFilter, "Show one status (All, Waiting on you, each status)", "Status"),
    both(C::History, &[ch('s')], "s", Msg::CycleSort, "Sort by the next column", "Sort"),
    help(C::History, &[ch('S')], "S", Msg::ReverseSort, "Reverse the sort"),
    both(C::History, &[ch('n')], "n", Msg::OpenWizard { order_id: None }, "New order", "New"),
    both(C::History, &[ch('i')], "i", Msg::OpenInsights, "Insights per carrier: rejections, fields, days to FOC", "Stats"),
    help(C::History, &[key(Esc)], "Esc", Msg::Back, "Clear the filter"),
    both(C::History, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    both(C::History, &[ch('q')], "q", Msg::Quit, "Quit", "Quit"),
    // Typing the filter.
    both(C::FilterEditing, &[key(Enter)], "Enter", Msg::FilterAccept, "Keep the filter, back to the list", "Keep"),
    both(C::FilterEditing, &[key(Esc)], "Esc", Msg::FilterCancel, "Clear the filter, back to the list", "Clear"),
    both(C::FilterEditing, &[key(Backspace)], "Backspace", Msg::FilterBackspace, "Delete a character", "Delete"),
    both(C::FilterEditing, &[ctrl('u')], "Ctrl-U", Msg::FilterClear, "Clear the text", "Clear text"),
];

impl Component for Home {
    fn context(&self, app: &App) -> Context {
        if app.orders.is_empty() {
            C::Welcome
        } else if app.history.editing_filter {
            C::FilterEditing
        } else {
            C::History
        }
    }

    fn keymap(&self) -> &'static [Binding] {
        KEYS
    }

    fn name(&self, app: &App) -> &'static str {
        if app.orders.is_empty() {
            "welcome"
        } else {
            "order history"
        }
    }

    fn title(&self, app: &App) -> String {
        if app.orders.is_empty() {
            "Welcome".to_string()
        } else {
            "Order history".to_string()
        }
    }

    fn help(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        // Help while typing the filter lists the history's keys.
        let context = match self.context(app) {
            C::FilterEditing => C::History,
            context => context,
        };
        crate::tui::keymap::help_entries(KEYS, context)
    }

    fn translate(&self, key: &KeyEvent, app: &App) -> Option<Msg> {
        let context = self.context(app);
        crate::tui::keymap::lookup(KEYS, context, key).or_else(|| match key.code {
            KeyCode::Char(c)
                if context == C::FilterEditing
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Msg::FilterInput(c))
            }
            _ => None,
        })
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        let h = &mut app.history;
        match msg {
            Msg::MoveUp => app.move_selection(-1),
            Msg::MoveDown => app.move_selection(1),
            Msg::PageUp => app.move_selection(-app.history_page()),
            Msg::PageDown => app.move_selection(app.history_page()),
            Msg::Top => app.move_selection(isize::MIN / 2),
            Msg::Bottom => app.move_selection(isize::MAX / 2),
            Msg::Open => {
                let Some(order_id) = app.selected_summary().map(|s| s.id.clone()) else {
                    return Vec::new();
                };
                if app.order(&order_id).is_some() {
                    app.open_page(order_id);
                } else {
                    return vec![Effect::Load(order_id)];
                }
            }
            Msg::OpenWizard { order_id: None } => return vec![Effect::NewOrderId],
            Msg::LoadDemo => return vec![Effect::LoadDemo],
            Msg::OpenInsights => return crate::tui::screens::insights::open(app),
            Msg::Back if !h.filter.is_empty() => {
                h.filter.clear();
                app.refresh_rows();
            }
            Msg::StartFilter => h.editing_filter = true,
            Msg::FilterInput(c) => {
                h.filter.push(c);
                app.refresh_rows();
            }
            Msg::FilterBackspace => {
                h.filter.pop();
                app.refresh_rows();
            }
            Msg::FilterClear => {
                h.filter.clear();
                app.refresh_rows();
            }
            Msg::FilterAccept => h.editing_filter = false,
            Msg::FilterCancel => {
                h.editing_filter = false;
                h.filter.clear();
                app.refresh_rows();
            }
            Msg::Paste(text) if h.editing_filter => {
                h.filter.push_str(one_line(&text).trim());
                app.refresh_rows();
            }
            Msg::CycleStatusFilter => {
                h.status_filter = h.status_filter.next();
                app.refresh_rows();
            }
            Msg::CycleSort => {
                h.sort = h.sort.next();
                h.descending = h.sort.starts_descending();
                app.refresh_rows();
            }
            Msg::ReverseSort => {
                h.descending = !h.descending;
                app.refresh_rows();
            }
            _ => {}
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        if app.orders.is_empty() {
            view::welcome::render(app, frame, area);
            Drawn::default()
        } else {
            view::history::render(app, frame, area)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_key_is_bound_twice() {
        assert_eq!(crate::tui::keymap::has_no_duplicate(super::KEYS), Ok(()));
    }
}
