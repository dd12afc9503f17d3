//! The model: what every screen reads (the orders, the clock, the theme, the catalog, what the
//! last frame drew, the status message, the store's notices), and nothing else. It knows no
//! screen: the screen stack is the root's (`tui::root`). Changed only by `update`.

pub use super::keymap::Context;
use super::layout::Drawn;
use super::list::Marks;
use super::text::one_line;
use super::theme::Theme;
use crate::domain::classifier::{Catalog, ExampleIndex};
pub use crate::domain::status::StatusFilter;
pub use crate::domain::summary::OrderKey;
use crate::domain::summary::Summary;
use crate::domain::{Clock, Order};
use jiff::civil::Date;
use std::collections::{BTreeSet, HashMap};

/// The smallest terminal the app draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub struct App {
    pub clock: Clock,
    /// The zone history times are shown in (the runtime's `TZ`; UTC in tests).
    pub zone: jiff::tz::TimeZone,
    pub theme: Theme,
    /// Terminal size: (columns, rows).
    pub size: (u16, u16),
    /// Every order's summary, as last loaded or saved: enough for the history, whatever the
    /// number of orders.
    pub orders: Vec<Summary>,
    /// Full orders read so far (opened or edited), by id. The filter never needs them: a
    /// summary holds every number's digits.
    pub loaded: HashMap<String, Order>,
    /// Orders written by a newer portwiz: shown, never saved.
    pub read_only: BTreeSet<String>,
    pub history: HistoryState,
    pub help_open: bool,
    /// The first line of help shown (help scrolls when its keys do not fit).
    pub help_scroll: usize,
    pub confirm_quit: bool,
    /// Store notices (quarantined files, permissions, newer schema), shown until dismissed.
    pub notices: Vec<String>,
    /// A message in the status line (wrapped to at most three lines), cleared by the next key.
    pub message: Option<Message>,
    /// The status message shown whole, over the screen (`F2`).
    pub message_open: bool,
    /// Running on a temporary copy of the demo orders.
    pub demo: bool,
    /// The folder exports are offered in (the user's documents folder, else downloads, else
    /// home), found by the runtime; `None`: a bare file name, in the current folder.
    pub export_dir: Option<std::path::PathBuf>,
    pub quit: bool,
    /// The rejection catalog, built once: the response dialog classifies as the user types.
    pub catalog: Catalog,
    /// What the last frame drew: `update` pages and scrolls by it.
    pub drawn: Drawn,
    /// The user's labelled rejections (`DIR/examples.json`); corrections in the dialog add to it.
    pub examples: ExampleIndex,
    /// While a store without an index is read on a thread: (files parsed, files to parse). The
    /// home screen shows a progress bar instead of the welcome.
    pub reading: Option<(usize, usize)>,
    /// An order a screen above the history asked the runtime to read (Today's Enter): its page
    /// opens when it comes.
    pub open_when_loaded: Option<String>,
    /// This app's id among the windows on the store (the runtime makes it from the process and
    /// the time): each wizard visit's history entry carries it with a count, so two windows'
    /// saves keep each visit one entry.
    pub session: String,
    /// Wizard visits begun so far.
    pub visits: u32,
    /// The tenant whose store is open (`DIR/tenants/NAME/`); `None`: the store `DIR` itself.
    pub tenant: Option<String>,
    /// The tenants there are, by name (the runtime reads them at the start and on a switch).
    pub tenants: Vec<String>,
    /// On the board (`portwiz --all-tenants`): whose each order is. `None` on one store.
    pub board: Option<Board>,
}

/// The board (`portwiz --all-tenants`, docs/storage.md): every tenant's orders in one history,
/// and whose each is, so the runtime opens and saves an order in its own tenant's store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Board {
    /// The tenants, by name.
    pub tenants: Vec<String>,
    /// The place in `tenants` of each order's tenant, by order id.
    pub tenant_of: HashMap<String, usize>,
}

impl Board {
    /// The tenant of an order on the board.
    pub fn tenant(&self, order_id: &str) -> Option<&str> {
        let i = *self.tenant_of.get(order_id)?;
        self.tenants.get(i).map(String::as_str)
    }

    /// Record that a new order (a copy) belongs to `tenant`.
    pub fn adopt(&mut self, order_id: &str, tenant: &str) {
        if let Some(i) = self.tenants.iter().position(|t| t == tenant) {
            self.tenant_of.insert(order_id.to_string(), i);
        }
    }

    /// Which tenants' names hold the filter's text (lower case), one flag a tenant.
    pub(super) fn named_by(&self, text: &str) -> Vec<bool> {
        self.tenants
            .iter()
            .map(|t| !text.is_empty() && t.to_lowercase().contains(text))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

impl Message {
    pub fn info(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            is_error: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            is_error: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryState {
    pub filter: String,
    pub editing_filter: bool,
    pub status_filter: StatusFilter,
    pub sort: SortColumn,
    pub descending: bool,
    /// Index into `rows` of the selected row.
    pub selected: usize,
    /// Index into `rows` of the first row on screen.
    pub offset: usize,
    /// Indices into `App::orders` of the rows that pass the filters, in display order.
    pub rows: Vec<usize>,
    /// The width of the id column: the prefix that tells every order apart (see
    /// `refresh_id_width`).
    pub id_width: usize,
    /// The marked orders (Space), which `e`, `N` and `y` act on together.
    pub marks: Marks<OrderKey>,
    /// Every order's place in `App::orders`, ascending by `sorted_by` then id: what the rows
    /// are filtered from (`tui::rows`), kept until the orders or the sort column change.
    pub sorted: Vec<u32>,
    pub sorted_by: Option<SortColumn>,
    /// On the board, each order's tenant (its place in `Board::tenants`) by the order's place
    /// in `App::orders`, as the board's read gave them: the tenant sort looks up no id. Used
    /// only while it has as many places as there are orders; emptied when orders change.
    pub tenant_places: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// On the board only.
    Tenant,
    Name,
    Status,
    Carrier,
    Numbers,
    PortDate,
    Rejections,
    LastChange,
}

impl SortColumn {
    pub const ALL: [SortColumn; 7] = [
        SortColumn::Name,
        SortColumn::Status,
        SortColumn::Carrier,
        SortColumn::Numbers,
        SortColumn::PortDate,
        SortColumn::Rejections,
        SortColumn::LastChange,
    ];

    pub fn next(self) -> SortColumn {
        let i = SortColumn::ALL.iter().position(|c| *c == self).unwrap_or(0);
        SortColumn::ALL[(i + 1) % SortColumn::ALL.len()]
    }

    /// The next column on the board, whose cycle starts with the tenant.
    pub fn next_on_board(self) -> SortColumn {
        match self {
            SortColumn::LastChange => SortColumn::Tenant,
            SortColumn::Tenant => SortColumn::Name,
            other => other.next(),
        }
    }

    /// The direction a column sorts in when chosen: names A to Z and the nearest port date
    /// first; the most numbers, rejections and the latest change first.
    pub fn starts_descending(self) -> bool {
        matches!(
            self,
            SortColumn::Numbers | SortColumn::Rejections | SortColumn::LastChange
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Tenant => "Tenant",
            SortColumn::Name => "Order name",
            SortColumn::Status => "Status",
            SortColumn::Carrier => "Carrier",
            SortColumn::Numbers => "Numbers",
            SortColumn::PortDate => "Port date",
            SortColumn::Rejections => "Rejections",
            SortColumn::LastChange => "Last change",
        }
    }
}

/// The date the numbers move: the confirmed FOC date, else the requested port date.
pub fn port_date(order: &Summary) -> Option<Date> {
    order
        .foc_date
        .or_else(|| order.port_date().trim().parse().ok())
}

impl Default for HistoryState {
    fn default() -> Self {
        HistoryState {
            filter: String::new(),
            editing_filter: false,
            status_filter: StatusFilter::All,
            sort: SortColumn::LastChange,
            descending: true,
            selected: 0,
            offset: 0,
            rows: Vec::new(),
            id_width: crate::domain::summary::MIN_SHORT_ID,
            marks: Marks::default(),
            sorted: Vec::new(),
            sorted_by: None,
            tenant_places: Vec::new(),
        }
    }
}

impl App {
    /// The app with these orders all loaded (tests, small stores).
    pub fn new(orders: Vec<Order>, clock: Clock, size: (u16, u16)) -> App {
        let summaries = orders.iter().map(Summary::of).collect();
        let mut app = App::from_summaries(summaries, clock, size);
        app.loaded = orders.into_iter().map(|o| (o.id.clone(), o)).collect();
        app
    }

    /// A new wizard visit, with an id of its own (`SESSION-N`).
    pub fn next_visit(&mut self) -> crate::domain::edit::Visit {
        self.visits += 1;
        crate::domain::edit::Visit::with_id(format!("{}-{}", self.session, self.visits))
    }

    /// The app on summaries only: full orders are loaded when opened.
    pub fn from_summaries(orders: Vec<Summary>, clock: Clock, size: (u16, u16)) -> App {
        let mut app = App {
            clock,
            zone: jiff::tz::TimeZone::UTC,
            theme: Theme::plain(),
            size,
            orders,
            loaded: HashMap::new(),
            read_only: BTreeSet::new(),
            history: HistoryState::default(),
            help_open: false,
            help_scroll: 0,
            confirm_quit: false,
            notices: Vec::new(),
            message: None,
            message_open: false,
            demo: false,
            export_dir: None,
            quit: false,
            catalog: Catalog::builtin(),
            drawn: Drawn::default(),
            examples: ExampleIndex::default(),
            reading: None,
            open_when_loaded: None,
            session: "app".to_string(),
            visits: 0,
            tenant: None,
            tenants: Vec::new(),
            board: None,
        };
        app.refresh_id_width();
        app.refresh_rows();
        app
    }

    /// Work out the short ids again, after orders came or went (not on each filter key: it
    /// sorts every id).
    pub fn refresh_id_width(&mut self) {
        let ids = self.orders.iter().map(|o| o.id());
        self.history.id_width = crate::domain::summary::short_id_len(ids);
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// The name of an order for a title line (from its summary when it is not read yet).
    pub fn order_name(&self, id: &str) -> String {
        match (self.order(id), self.orders.iter().find(|s| s.id() == id)) {
            (Some(order), _) => one_line(&order.display_name()),
            (None, Some(summary)) => one_line(summary.name()),
            (None, None) => "(missing order)".to_string(),
        }
    }

    /// Which order a summary is: on the board, its own tenant's; else the open store's.
    pub fn key_of(&self, summary: &Summary) -> OrderKey {
        let id = summary.id();
        let tenant = match &self.board {
            Some(board) => board.tenant(id).map(str::to_string),
            None => self.tenant.clone(),
        };
        OrderKey {
            tenant,
            id: id.to_string(),
        }
    }

    /// The marked orders' summaries, in the history's order (those the filters hide last).
    pub fn marked(&self) -> Vec<&Summary> {
        if self.history.marks.is_empty() {
            return Vec::new();
        }
        let shown = self.history.rows.iter().filter_map(|i| self.orders.get(*i));
        let mut seen = std::collections::HashSet::new();
        shown
            .chain(&self.orders)
            .filter(|s| self.history.marks.contains(&self.key_of(s)) && seen.insert(s.id()))
            .collect()
    }

    /// What `e`, `N` and `y` on the history act on: the marked orders, else the selected one.
    pub fn targets(&self) -> Vec<&Summary> {
        if self.history.marks.is_empty() {
            self.selected_summary().into_iter().collect()
        } else {
            self.marked()
        }
    }

    /// Marks of orders that are gone from the store are dropped (orders filtered out keep
    /// theirs).
    pub fn drop_gone_marks(&mut self) {
        if self.history.marks.is_empty() {
            return;
        }
        let here: std::collections::HashSet<OrderKey> =
            self.orders.iter().map(|s| self.key_of(s)).collect();
        self.history.marks.keep_only(|k| here.contains(k));
    }

    /// Whether every order is held in full (then insights need no reading).
    pub fn all_loaded(&self) -> bool {
        self.orders.iter().all(|s| self.loaded.contains_key(s.id()))
    }

    /// A full order, once loaded.
    pub fn order(&self, id: &str) -> Option<&Order> {
        self.loaded.get(id)
    }

    /// The summary of the selected row in the history.
    pub fn selected_summary(&self) -> Option<&Summary> {
        self.history
            .rows
            .get(self.history.selected)
            .and_then(|i| self.orders.get(*i))
    }

    /// The selected order in full, when loaded.
    pub fn selected_order(&self) -> Option<&Order> {
        self.selected_summary().and_then(|s| self.order(s.id()))
    }

    /// Record a full order (loaded or saved) and its summary.
    pub fn upsert(&mut self, order: Order) {
        let summary = Summary::of(&order);
        // Its sort keys may have changed: the next rows are sorted again.
        self.history.sorted_by = None;
        self.history.tenant_places.clear();
        match self.orders.iter_mut().find(|o| o.id() == order.id) {
            Some(slot) => *slot = summary,
            None => {
                self.orders.push(summary);
                self.refresh_id_width();
            }
        }
        self.loaded.insert(order.id.clone(), order);
    }

    /// Select an order in the history, when it is listed.
    pub fn select_order(&mut self, order_id: &str) {
        if let Some(row) = self
            .history
            .rows
            .iter()
            .position(|i| self.orders[*i].id() == order_id)
        {
            self.history.selected = row;
            self.clamp_selection();
        }
    }

    /// Move the history's selection by `delta` rows.
    pub fn move_selection(&mut self, msg: crate::tui::list::ListMsg) {
        let last = self.history.rows.len().saturating_sub(1);
        self.history.selected = msg.moved(self.history.selected, self.history_page(), last);
        self.clamp_selection();
    }

    /// Rows in one page of the history, as the last frame drew it.
    pub fn history_page(&self) -> isize {
        isize::try_from(self.drawn.history_rows.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Keep the selection inside the rows and on screen.
    pub fn clamp_selection(&mut self) {
        let len = self.history.rows.len();
        let h = &mut self.history;
        h.selected = h.selected.min(len.saturating_sub(1));
        // As many rows as the last frame showed (the view keeps the selection in sight too).
        let visible = self.drawn.history_rows.max(1);
        if h.selected < h.offset {
            h.offset = h.selected;
        } else if h.selected >= h.offset + visible {
            h.offset = h.selected + 1 - visible;
        }
        h.offset = h.offset.min(len.saturating_sub(visible));
    }
}
