//! The home screen: the order history (or the welcome screen while there are no orders) and
//! its filter line. Its state is `App::history` (the history is always there, under every other
//! screen); the view is `history.rs` and `welcome.rs`.

pub mod history;
pub mod welcome;

use crate::tui::app::{App, Context, Message};
use crate::tui::keymap::{Action, Binding, both, ch, ctrl, help, key};
use crate::tui::layout::Drawn;
use crate::tui::list::{ListMsg, ListWords, MarkMsg, MarkWords};
use crate::tui::msg::{Effect, Msg, Open, ScreenId};
use crate::tui::screen::Component;
use crate::tui::text::one_line;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Welcome: Context = Context("welcome");
    pub const Reading: Context = Context("reading");
    pub const History: Context = Context("order history");
    /// Typing the filter.
    pub const FilterEditing: Context = Context("order history: filter");
}

/// The home screen (its state is the app's history: the list is under every screen).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Home;

/// What the home screen's keys mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeMsg {
    /// ↑↓, PgUp PgDn, Home End (`tui::list`).
    List(ListMsg),
    /// Space, `a`, `A`: mark orders to act on together (`tui::list`).
    Mark(MarkMsg),
    /// `y`: the marked orders (else the selected one) as a table on the clipboard.
    Copy,
    /// `N`: a note on each marked order (else the selected one).
    Note,
    /// `e`: export the marked orders (else the selected one).
    Export,
    /// Open the selected order.
    Open,
    /// Clear the filter.
    Back,
    StartFilter,
    CycleStatusFilter,
    CycleSort,
    ReverseSort,
    /// A new order in the wizard.
    NewOrder,
    /// Open a temporary copy of the demo orders (the user's store stays as it is).
    OpenDemoCopy,
    /// The insights screen.
    Insights,
    /// The tenant picker.
    Tenants,
    /// Today's list (`t`).
    Today,
    /// Split a company's sheet into orders (a preview first).
    Split,
    /// Import a Teams export: what the tenant's numbers say, against the orders.
    TeamsImport,
    // The filter line while it is being typed.
    FilterInput(char),
    FilterBackspace,
    FilterClear,
    FilterAccept,
    FilterCancel,
}

use Action::{Global as G, Own as O};
use Context as C;
use HomeMsg as M;
use KeyCode::{Backspace, Enter, Esc};

/// The history's list words: a cursor on the orders.
const WORDS: ListWords = ListWords {
    footer: "Move",
    down: "Next order",
    up: "Previous order",
    top: "First order",
    bottom: "Last order",
    ..ListWords::SCROLL
};

/// The history's marking words.
const MARK_WORDS: MarkWords = MarkWords {
    toggle: "Mark or unmark the order, then the next",
    all: "Mark every order shown",
    clear: "Clear every mark",
    clear_footer: "Unmark",
};

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<HomeMsg>>] = crate::list_keys!(C::History, M::List, WORDS, marks M::Mark, MARK_WORDS;
    // While a store without an index is read.
    both(C::Reading, &[ch('n')], O(M::NewOrder), "Start a new port order while the orders are read", "New order"),
    both(C::Reading, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    both(C::Reading, &[ch('q')], G(Msg::Quit), "Quit", "Quit"),
    // The welcome screen.
    both(C::Welcome, &[ch('n')], O(M::NewOrder), "Start a new port order", "New order"),
    help(C::Welcome, &[ch('m')], O(M::Split), "Split a company's sheet into orders (a preview first)"),
    both(C::Welcome, &[ch('d')], O(M::OpenDemoCopy), "Look around in a temporary copy of the demo orders (your store stays empty)", "Demo copy"),
    help(C::Welcome, &[ch('T')], O(M::Tenants), "Another tenant: a customer's store"),
    both(C::Welcome, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    both(C::Welcome, &[ch('q')], G(Msg::Quit), "Quit", "Quit"),
    // The order history; the marked orders first in the footer while there are some.
    both(C::History, &[ch('y')], O(M::Copy), "Copy the marked orders (else this one) to paste", "Copy"),
    both(C::History, &[ch('e')], O(M::Export), "Export the marked orders (else this one)", "Export"),
    both(C::History, &[ch('N')], O(M::Note), "A note on each marked order (else this one)", "Note"),
    both(C::History, &[key(Enter)], O(M::Open), "Open the selected order", "Open"),
    both(C::History, &[ch('/')], O(M::StartFilter), "Filter by name, carrier, number or id", "Filter"),
    both(C::History, &[ch('f')], O(M::CycleStatusFilter), "Show one status (All, Waiting on you, each status)", "Status"),
    both(C::History, &[ch('s')], O(M::CycleSort), "Sort by the next column", "Sort"),
    help(C::History, &[ch('S')], O(M::ReverseSort), "Reverse the sort"),
    both(C::History, &[ch('n')], O(M::NewOrder), "New order", "New"),
    both(C::History, &[ch('i')], O(M::Insights), "Insights per carrier: rejections, fields, days to FOC", "Stats"),
    help(C::History, &[ch('T')], O(M::Tenants), "Another tenant: a customer's store"),
    both(C::History, &[ch('t')], O(M::Today), "Today: what needs you now, most urgent first", "Today"),
    help(C::History, &[ch('m')], O(M::Split), "Split a company's sheet into orders (a preview first)"),
    help(C::History, &[ch('I')], O(M::TeamsImport), "Import a Teams export: what ported, what is missing"),
    help(C::History, &[key(Esc)], O(M::Back), "Clear the filter"),
    both(C::History, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    both(C::History, &[ch('q')], G(Msg::Quit), "Quit", "Quit"),
    // Typing the filter.
    both(C::FilterEditing, &[key(Enter)], O(M::FilterAccept), "Keep the filter, back to the list", "Keep"),
    both(C::FilterEditing, &[key(Esc)], O(M::FilterCancel), "Clear the filter, back to the list", "Clear"),
    both(C::FilterEditing, &[key(Backspace)], O(M::FilterBackspace), "Delete a character", "Delete"),
    both(C::FilterEditing, &[ctrl('u')], O(M::FilterClear), "Clear the text", "Clear text"),
);

/// Why a key of the history does nothing on the board (`portwiz --all-tenants`): a new order
/// belongs to one tenant, and Today and insights read one tenant's orders.
fn not_on_the_board(msg: &HomeMsg) -> Option<&'static str> {
    match msg {
        M::NewOrder | M::Split => Some(
            "On the board a new order has no tenant: T opens a tenant's store, where n starts one.",
        ),
        M::Today | M::Insights | M::TeamsImport => Some(
            "Today, insights and a Teams export are per tenant: T opens a tenant's store (the board's f shows what waits on you).",
        ),
        M::OpenDemoCopy => {
            Some("The board is every tenant's orders: portwiz --demo opens the demo.")
        }
        _ => None,
    }
}

/// Whether `msg` is refused because the app is on the board (the reason is said).
fn refused_on_the_board(msg: &HomeMsg, app: &mut App) -> bool {
    let why = app.board.as_ref().and_then(|_| not_on_the_board(msg));
    if let Some(why) = why {
        app.message = Some(crate::tui::app::Message::error(why));
    }
    why.is_some()
}

/// `s`: the next sort column (on the board the tenant's too), in its own first direction.
fn cycle_sort(app: &mut App) {
    let h = &mut app.history;
    h.sort = if app.board.is_some() {
        h.sort.next_on_board()
    } else {
        h.sort.next()
    };
    h.descending = h.sort.starts_descending();
    app.resort();
}

impl Component for Home {
    type Msg = HomeMsg;
    const ID: ScreenId = ScreenId::Home;

    /// Today's `t` is named in the footer where it fits (not at 80 columns, where help has it).
    fn footer(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        let mut entries: Vec<_> = crate::tui::keymap::footer_bindings(KEYS, &self.layers(app))
            .filter(|b| match &b.action {
                Some(O(msg)) => self.offers(msg, app),
                _ => true,
            })
            .map(|b| (b.label.as_str(), b.footer))
            .collect();
        if !crate::tui::keymap::footer_fits(&entries, app.size.0) {
            entries.retain(|(label, _)| *label != "t");
        }
        entries
    }

    fn open(_order_id: Option<&str>, _app: &mut App) -> Option<Home> {
        Some(Home)
    }

    fn context(&self, app: &App) -> Context {
        // The board is a history even when empty: it has no welcome, its orders are elsewhere.
        let empty = app.orders.is_empty() && app.board.is_none();
        if empty && app.reading.is_some() {
            C::Reading
        } else if empty {
            C::Welcome
        } else if app.history.editing_filter {
            C::FilterEditing
        } else {
            C::History
        }
    }

    const KEYS: &'static [Binding<Action<HomeMsg>>] = KEYS;

    fn name(&self, app: &App) -> &'static str {
        let empty = app.orders.is_empty() && app.board.is_none();
        if empty && app.reading.is_some() {
            "reading the orders"
        } else if empty {
            "welcome"
        } else {
            "order history"
        }
    }

    fn title(&self, app: &App) -> String {
        if app.board.is_some() {
            "Board: every tenant's orders".to_string()
        } else if app.orders.is_empty() && app.reading.is_some() {
            "Reading the orders".to_string()
        } else if app.orders.is_empty() {
            "Welcome".to_string()
        } else if app.history.marks.is_empty() {
            "Order history".to_string()
        } else {
            format!("Order history · {} marked", app.history.marks.len())
        }
    }

    fn help(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        // Help while typing the filter lists the history's keys.
        let context = match self.context(app) {
            C::FilterEditing => C::History,
            context => context,
        };
        crate::tui::keymap::help_entries(KEYS, &[context])
    }

    /// The keys on marked orders show in the footer only while there are marks (help lists
    /// them always).
    fn offers(&self, msg: &HomeMsg, app: &App) -> bool {
        let board_refuses = app.board.is_some() && not_on_the_board(msg).is_some();
        let offered = match msg {
            M::Open => !app.history.rows.is_empty(),
            M::Copy | M::Note | M::Export | M::Mark(MarkMsg::Clear) => {
                !app.history.marks.is_empty()
            }
            _ => true,
        };
        offered && !board_refuses
    }

    fn translate(&self, key: &KeyEvent, app: &App) -> Option<Action<HomeMsg>> {
        let context = self.context(app);
        crate::tui::keymap::lookup(KEYS, &[context], key).or_else(|| match key.code {
            KeyCode::Char(c)
                if context == C::FilterEditing
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(O(M::FilterInput(c)))
            }
            _ => None,
        })
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::Paste(text) if app.history.editing_filter => {
                app.history.filter.push_str(one_line(&text).trim());
                app.refilter();
            }
            Msg::CopyFailed(reason) => {
                app.message = Some(Message::error(format!(
                    "Nothing was copied: {}",
                    one_line(&reason)
                )));
            }
            _ => {}
        }
        Vec::new()
    }

    fn act(&mut self, msg: HomeMsg, app: &mut App) -> Vec<Effect> {
        if refused_on_the_board(&msg, app) {
            return Vec::new();
        }
        let h = &mut app.history;
        match msg {
            M::List(m) => app.move_selection(m),
            M::Mark(m) => mark(app, m),
            M::Copy => return copy(app),
            // The dialogs take the marked orders (else the selected one) from the model.
            M::Note => return open_screen(ScreenId::Note, None, app),
            M::Export => return open_screen(ScreenId::Export, None, app),
            M::Open => {
                let Some(order_id) = app.selected_summary().map(|s| s.id().to_string()) else {
                    return Vec::new();
                };
                // Not loaded yet: the root opens the page when the runtime has read it.
                if app.order(&order_id).is_some() {
                    return vec![Effect::Open(Open::on(ScreenId::Order, &order_id))];
                }
                return vec![Effect::Load(order_id)];
            }
            M::NewOrder => return vec![Effect::NewOrderId],
            M::Tenants => return open_screen(ScreenId::Tenants, None, app),
            M::OpenDemoCopy => return vec![Effect::OpenDemoCopy],
            M::Split => return open_screen(ScreenId::Split, None, app),
            M::TeamsImport => return open_screen(ScreenId::Teams, None, app),
            // The insights and Today, with the orders read when they are not all at hand.
            M::Insights => return open_screen(ScreenId::Insights, Some(Effect::LoadInsights), app),
            M::Today => return open_screen(ScreenId::Today, Some(Effect::LoadToday), app),
            M::Back if !h.filter.is_empty() => {
                h.filter.clear();
                app.refilter();
            }
            M::Back => {}
            M::StartFilter => h.editing_filter = true,
            M::FilterInput(c) => {
                h.filter.push(c);
                app.refilter();
            }
            M::FilterBackspace => {
                h.filter.pop();
                app.refilter();
            }
            M::FilterClear => {
                h.filter.clear();
                app.refilter();
            }
            M::FilterAccept => h.editing_filter = false,
            M::FilterCancel => {
                h.editing_filter = false;
                h.filter.clear();
                app.refilter();
            }
            M::CycleStatusFilter => {
                h.status_filter = h.status_filter.next();
                app.refilter();
            }
            M::CycleSort => cycle_sort(app),
            M::ReverseSort => {
                h.descending = !h.descending;
                app.refilter();
            }
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        let empty = app.orders.is_empty() && app.board.is_none();
        if let (true, Some(reading)) = (empty, app.reading) {
            welcome::render_reading(app, reading, frame, area);
            Drawn::default()
        } else if empty {
            welcome::render(app, frame, area);
            Drawn::default()
        } else {
            history::render(app, frame, area)
        }
    }
}

/// A marking key on the history (`tui::list`): Space moves on to the next order.
fn mark(app: &mut App, msg: MarkMsg) {
    let selected = app.selected_summary().map(|s| app.key_of(s));
    let shown: Vec<_> = app
        .history
        .rows
        .iter()
        .map(|i| app.key_of(&app.orders[*i]))
        .collect();
    if app.history.marks.apply(msg, selected, shown) {
        app.move_selection(ListMsg::Down);
    }
}

/// `y`: the orders acted on (marked, else selected) as a table on the clipboard, saying how many.
fn copy(app: &mut App) -> Vec<Effect> {
    let targets = app.targets();
    if targets.is_empty() {
        return Vec::new();
    }
    let table = crate::domain::export::table::of(&targets);
    let asked = targets.len();
    app.message = Some(if table.orders < asked {
        Message::error(format!(
            "Copied the first {} of the {asked} orders (id, name, status, carrier, numbers, port date): the clipboard takes no more through the terminal.",
            table.orders
        ))
    } else {
        Message::info(format!(
            "Copied {} to the clipboard: id, name, status, carrier, numbers, port date (through the terminal; in tmux, set-clipboard on).",
            orders_word(asked)
        ))
    });
    vec![Effect::Copy(table.text)]
}

/// "1 order", "3 orders".
pub fn orders_word(count: usize) -> String {
    match count {
        1 => "1 order".to_string(),
        n => format!("{n} orders"),
    }
}

/// Open one of the history's screens; `read_all` reads every order first when the app does not
/// hold them all.
fn open_screen(screen: ScreenId, read_all: Option<Effect>, app: &App) -> Vec<Effect> {
    let open = Effect::Open(Open {
        screen,
        order_id: None,
    });
    std::iter::once(open)
        .chain(read_all.filter(|_| !app.all_loaded()))
        .collect()
}
