//! The model: everything the screen shows, and nothing else. Changed only by `update`.

use super::respond::{Focus, Respond};
use super::theme::Theme;
use super::wizard::Wizard;
use super::wizard::input::TextField;
use crate::domain::classifier::{Catalog, ExampleIndex};
use crate::domain::summary::Summary;
use crate::domain::{Clock, Order, Status};
use jiff::civil::Date;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

/// The smallest terminal the app draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub struct App {
    pub clock: Clock,
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
    /// The screen stack; the bottom is always `Screen::Home`.
    pub screens: Vec<Screen>,
    pub history: HistoryState,
    pub help_open: bool,
    pub confirm_quit: bool,
    /// Store notices (quarantined files, permissions, newer schema), shown until dismissed.
    pub notices: Vec<String>,
    /// A one-line message in the status line, cleared by the next key.
    pub message: Option<Message>,
    /// Running on a temporary copy of the demo orders.
    pub demo: bool,
    pub quit: bool,
    /// The rejection catalog, built once: the response dialog classifies as the user types.
    pub catalog: Catalog,
    /// The user's labelled rejections (`DIR/examples.json`); corrections in the dialog add to it.
    pub examples: ExampleIndex,
}

pub enum Screen {
    /// The order history, or the welcome screen while there are no orders.
    Home,
    Order(OrderPage),
    Wizard(Box<Wizard>),
    /// "Carrier response": record what the carrier or Microsoft answered.
    Respond(Box<Respond>),
    /// Request assistance: the Phone number Service Center and the order's ticket.
    Assist(AssistPage),
    /// "Export": write the order to a file, drawn over its page.
    Export(ExportPage),
}

/// The export dialog: a format, then a path (and the PIN toggle), then, when the file exists,
/// whether to replace it.
#[derive(Debug, Clone)]
pub struct ExportPage {
    pub order_id: String,
    pub format: crate::domain::export::Format,
    pub step: ExportStep,
    pub path: TextField,
    /// Put the PIN in the file (JSON and text only).
    pub include_secrets: bool,
    /// Why the last try wrote nothing, in words.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportStep {
    /// Choosing the format.
    Format,
    /// Typing the path.
    Path,
    /// The file exists: replace it? (its absolute path, as the runtime resolved it)
    Replace(String),
}

#[derive(Debug, Clone)]
pub struct AssistPage {
    pub order_id: String,
    pub ticket: TextField,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderPage {
    pub order_id: String,
    /// The first line shown.
    pub scroll: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// Where keys are read: each has its own bindings in the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Bindings that work everywhere.
    Global,
    Welcome,
    History,
    FilterEditing,
    OrderPage,
    Wizard,
    Help,
    Notices,
    ConfirmQuit,
    /// The response dialog, choosing which answer to record.
    RespondChoose,
    /// The response dialog, typing in the multi-line box (Enter breaks the line).
    RespondTextArea,
    /// The response dialog, typing in a one-line input (Enter goes on).
    RespondInput,
    /// The response dialog, on a checklist, a list of choices or the Save row.
    RespondList,
    /// The response dialog, asking to confirm.
    RespondConfirm,
    /// The assistance screen (its ticket input has the focus).
    Assist,
    /// The export dialog, choosing the format.
    ExportFormat,
    /// The export dialog, typing the path (letters type).
    ExportPath,
    /// The export dialog, asking whether to replace an existing file.
    ExportReplace,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    All,
    /// Drafts to finish and rejected orders to fix.
    WaitingOnYou,
    Only(Status),
}

impl StatusFilter {
    pub fn next(self) -> StatusFilter {
        match self {
            StatusFilter::All => StatusFilter::WaitingOnYou,
            StatusFilter::WaitingOnYou => StatusFilter::Only(Status::ALL[0]),
            StatusFilter::Only(s) => match Status::ALL.iter().position(|x| *x == s) {
                Some(i) if i + 1 < Status::ALL.len() => StatusFilter::Only(Status::ALL[i + 1]),
                _ => StatusFilter::All,
            },
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "All",
            StatusFilter::WaitingOnYou => "Waiting on you",
            StatusFilter::Only(s) => s.label(),
        }
    }

    pub fn accepts(self, status: Status) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::WaitingOnYou => {
                matches!(status, Status::Draft | Status::CustomerActionRequired)
            }
            StatusFilter::Only(s) => s == status,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
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
            SortColumn::Name => "Order name",
            SortColumn::Status => "Status",
            SortColumn::Carrier => "Carrier",
            SortColumn::Numbers => "Numbers",
            SortColumn::PortDate => "Port date",
            SortColumn::Rejections => "Rejections",
            SortColumn::LastChange => "Last change",
        }
    }

    fn compare(self, a: &Summary, b: &Summary) -> Ordering {
        match self {
            SortColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortColumn::Status => a.status.cmp(&b.status),
            SortColumn::Carrier => a.carrier.to_lowercase().cmp(&b.carrier.to_lowercase()),
            SortColumn::Numbers => a.number_count.cmp(&b.number_count),
            SortColumn::PortDate => port_date(a).cmp(&port_date(b)),
            SortColumn::Rejections => a.rejections.cmp(&b.rejections),
            SortColumn::LastChange => a.updated_at.cmp(&b.updated_at),
        }
    }
}

/// The date the numbers move: the confirmed FOC date, else the requested port date.
pub fn port_date(order: &Summary) -> Option<Date> {
    order
        .foc_date
        .or_else(|| order.port_date.trim().parse().ok())
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

    /// The app on summaries only: full orders are loaded when opened.
    pub fn from_summaries(orders: Vec<Summary>, clock: Clock, size: (u16, u16)) -> App {
        let mut app = App {
            clock,
            theme: Theme::plain(),
            size,
            orders,
            loaded: HashMap::new(),
            read_only: BTreeSet::new(),
            screens: vec![Screen::Home],
            history: HistoryState::default(),
            help_open: false,
            confirm_quit: false,
            notices: Vec::new(),
            message: None,
            demo: false,
            quit: false,
            catalog: Catalog::builtin(),
            examples: ExampleIndex::default(),
        };
        app.refresh_rows();
        app
    }

    pub fn top(&self) -> &Screen {
        self.screens.last().unwrap_or(&Screen::Home)
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Where keys go now.
    pub fn context(&self) -> Context {
        if self.confirm_quit {
            return Context::ConfirmQuit;
        }
        if !self.notices.is_empty() {
            return Context::Notices;
        }
        if self.help_open {
            return Context::Help;
        }
        match self.screen_context() {
            Context::History if self.history.editing_filter => Context::FilterEditing,
            screen => screen,
        }
    }

    /// The screen under the overlays, for help: the context whose keys `?` lists.
    pub fn screen_context(&self) -> Context {
        match self.top() {
            Screen::Home if self.orders.is_empty() => Context::Welcome,
            Screen::Home => Context::History,
            Screen::Order(_) => Context::OrderPage,
            Screen::Wizard(_) => Context::Wizard,
            Screen::Respond(r) => respond_context(r),
            Screen::Assist(_) => Context::Assist,
            Screen::Export(page) => export_context(page),
        }
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
        self.selected_summary().and_then(|s| self.order(&s.id))
    }

    /// Record a full order (loaded or saved) and its summary.
    pub fn upsert(&mut self, order: Order) {
        let summary = Summary::of(&order);
        match self.orders.iter_mut().find(|o| o.id == order.id) {
            Some(slot) => *slot = summary,
            None => self.orders.push(summary),
        }
        self.loaded.insert(order.id.clone(), order);
    }

    /// Whether a message would do something here (the footer leaves out keys that would not).
    pub fn can(&self, msg: &super::msg::Msg) -> bool {
        use super::msg::Msg;
        match msg {
            Msg::Open => !self.history.rows.is_empty(),
            Msg::UpdateOrder => match self.top() {
                Screen::Order(page) => self
                    .order(&page.order_id)
                    .is_some_and(|o| o.status.is_editable() && !self.read_only.contains(&o.id)),
                _ => false,
            },
            Msg::OpenRespond => match self.top() {
                Screen::Order(page) => self
                    .order(&page.order_id)
                    .is_some_and(|o| !o.status.is_final() && !self.read_only.contains(&o.id)),
                _ => false,
            },
            Msg::Export(super::msg::ExportMsg::TogglePin) => match self.top() {
                Screen::Export(page) => super::export::choice(page.format).pin,
                _ => false,
            },
            _ => true,
        }
    }

    /// Whether the wizard (the one screen that can save on the way out) holds unsaved edits.
    pub fn wizard_has_unsaved_edits(&self) -> bool {
        self.screens
            .iter()
            .any(|s| matches!(s, Screen::Wizard(w) if w.has_unsaved_edits()))
    }

    pub fn has_unsaved_edits(&self) -> bool {
        self.unsaved_edits().is_some()
    }

    /// What quitting now would lose, in words for the quit question: the top-most screen with
    /// unsaved edits names itself.
    pub fn unsaved_edits(&self) -> Option<&'static str> {
        self.screens.iter().rev().find_map(|s| match s {
            Screen::Wizard(w) if w.has_unsaved_edits() => {
                Some("The porting wizard has edits that are not saved.")
            }
            Screen::Respond(r) if r.has_unsaved_edits() => {
                Some("The carrier response you are recording is not saved.")
            }
            Screen::Assist(a) if self.ticket_typed(a) => {
                Some("The ticket you typed is not recorded on the order.")
            }
            _ => None,
        })
    }

    /// Whether the assistance screen's input holds a ticket other than the recorded one.
    fn ticket_typed(&self, page: &AssistPage) -> bool {
        let typed = page.ticket.value().trim();
        let recorded = self
            .order(&page.order_id)
            .and_then(|o| o.ticket.as_deref())
            .unwrap_or("")
            .trim();
        !typed.is_empty() && typed != recorded
    }

    /// Recompute the rows that pass the filters, sorted; keeps the selected order selected.
    pub fn refresh_rows(&mut self) {
        let keep = self.selected_summary().map(|o| o.id.clone());
        let needle = Needle::of(&self.history.filter);
        let status_filter = self.history.status_filter;
        let mut rows: Vec<usize> = self
            .orders
            .iter()
            .enumerate()
            .filter(|(_, o)| status_filter.accepts(o.status) && needle.matches(o))
            .map(|(i, _)| i)
            .collect();
        let (sort, descending) = (self.history.sort, self.history.descending);
        match sort {
            // Text columns compare in lower case: made once per row, not twice per comparison
            // (100,000 rows take about 1.7 million comparisons).
            SortColumn::Name | SortColumn::Carrier => {
                rows.sort_by_cached_key(|i| {
                    let o = &self.orders[*i];
                    let text = if sort == SortColumn::Name {
                        &o.name
                    } else {
                        &o.carrier
                    };
                    (text.to_lowercase(), o.id.clone())
                });
                if descending {
                    rows.reverse();
                }
            }
            _ => rows.sort_by(|a, b| {
                let (oa, ob) = (&self.orders[*a], &self.orders[*b]);
                let by_column = sort.compare(oa, ob).then_with(|| oa.id.cmp(&ob.id));
                if descending {
                    by_column.reverse()
                } else {
                    by_column
                }
            }),
        }
        self.history.rows = rows;
        let found = keep.and_then(|id| {
            self.history
                .rows
                .iter()
                .position(|i| self.orders[*i].id == id)
        });
        self.history.selected = found.unwrap_or(0);
        self.clamp_selection();
    }

    /// Keep the selection inside the rows and on screen.
    pub fn clamp_selection(&mut self) {
        let len = self.history.rows.len();
        let h = &mut self.history;
        h.selected = h.selected.min(len.saturating_sub(1));
        let visible = super::view::history::table_rows(self.size).max(1);
        if h.selected < h.offset {
            h.offset = h.selected;
        } else if h.selected >= h.offset + visible {
            h.offset = h.selected + 1 - visible;
        }
        h.offset = h.offset.min(len.saturating_sub(visible));
    }
}

fn export_context(page: &ExportPage) -> Context {
    match page.step {
        ExportStep::Format => Context::ExportFormat,
        ExportStep::Path => Context::ExportPath,
        ExportStep::Replace(_) => Context::ExportReplace,
    }
}

fn respond_context(respond: &Respond) -> Context {
    match respond.focus() {
        Focus::Choose => Context::RespondChoose,
        Focus::TextArea => Context::RespondTextArea,
        Focus::Input => Context::RespondInput,
        Focus::List => Context::RespondList,
        Focus::Confirm => Context::RespondConfirm,
    }
}

/// What the `/` filter looks for, prepared once per key rather than once per order.
struct Needle {
    /// The filter in lower case: found in the name, carrier, id, organization or ticket.
    text: String,
    /// Its digits, when it has at least three: found in any number of the order (typed with any
    /// punctuation, `(425) 555` finds +1425555…).
    digits: Option<String>,
}

impl Needle {
    fn of(filter: &str) -> Needle {
        let text = filter.trim().to_lowercase();
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        Needle {
            text,
            digits: (digits.len() >= 3).then_some(digits),
        }
    }

    /// Against the summary alone: its search text and every number's digits come from the
    /// index, so no order is loaded, whatever the number of orders.
    fn matches(&self, order: &Summary) -> bool {
        self.text.is_empty()
            || order.search_text.contains(&self.text)
            || self
                .digits
                .as_ref()
                .is_some_and(|d| order.digits.contains(d.as_str()))
    }
}
