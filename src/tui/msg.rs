//! Everything that can happen to the app (`Msg`), and everything the app asks the runtime to do
//! (`Effect`). `update` turns one into the other; only the runtime touches files and the terminal.

use crate::domain::export::Format;
use crate::domain::summary::Summary;
use crate::domain::{Clock, Order};
use crate::store::Notice;
use crossterm::event::KeyEvent;
use std::path::PathBuf;

/// Which way an overlay scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    Up,
    Down,
    PageUp,
    PageDown,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    // What the terminal said.
    /// A key press: routed to the wizard, the filter line or the keymap.
    Key(KeyEvent),
    /// Bracketed paste.
    Paste(String),
    /// The terminal's new size (columns, rows).
    Resize(u16, u16),
    /// The time now (sent by the runtime before each event; tests keep a fixed clock).
    Tick(Clock),
    /// What the frame just drawn laid out (sent by the runtime after each frame).
    Drawn(crate::tui::layout::Drawn),

    // What keys mean anywhere (each screen's own keys are its own messages, in its module).
    ToggleHelp,
    /// Scroll the help overlay when its keys do not fit.
    ScrollHelp(Scroll),
    /// `q`: quit, asking first when there are unsaved edits.
    Quit,
    /// `Ctrl-C`: quit from anywhere (still asks once when edits would be lost).
    Interrupt,
    ConfirmQuit,
    /// Save the wizard's edits, then quit (the quit question's `s`).
    SaveAndQuit,
    CancelQuit,
    /// Leave the screen and lose its unsaved work (the leave question's `y`).
    ConfirmLeave,
    CancelLeave,
    DismissNotices,
    /// `F2`: the status message shown whole; and closing it.
    ShowMessage,
    CloseMessage,

    // What the runtime answers after an effect.
    /// A fresh id for a new order.
    NewOrderId(String),
    /// A fresh id for a copy of the order `source` (`c` on its page).
    CopyId {
        source: String,
        id: String,
    },
    /// A fresh id for the draft the numbers the carrier rejected move out to (`o` on the
    /// numbers list of `source`).
    MoveOutId {
        source: String,
        id: String,
    },
    /// The order as now on disk.
    Saved(Box<Order>),
    SaveFailed {
        order_id: String,
        error: SaveError,
    },
    /// The file had moved on: the edit was merged with it and saved. The order as saved, and
    /// what to tell the user (what the other side changed, or why the edit became a note).
    Merged {
        order: Box<Order>,
        notice: String,
    },
    /// The file had moved on and both changed the same field: nothing was saved; the conflict
    /// view asks the user to choose.
    SaveConflict {
        merge: Box<crate::domain::merge::Merge>,
        mine: Box<Order>,
    },
    /// Order files changed on disk (another window, the CLI, a sync): the orders as they now
    /// are, those gone, and files set aside.
    StoreChanged {
        changed: Vec<Order>,
        removed: Vec<String>,
        notices: Vec<Notice>,
    },
    /// The user's correction could not be written to the labelled examples.
    LearnFailed(String),
    /// Every order file checked after a first frame drawn from the index: the summaries as they
    /// really are, and what the check found (quarantined files, permissions…).
    StoreChecked {
        summaries: Vec<Summary>,
        notices: Vec<Notice>,
    },
    /// The board's read of every tenant (every index, every order file's stamp), which replaces
    /// its first frame's newest orders of each tenant.
    BoardChecked(Box<crate::store::board::Every>),
    /// A store without an index is being read: order files parsed, and to parse (0 while the
    /// folder is still listed).
    Reading(usize, usize),
    /// A full order read from the store, to open its page.
    Loaded(Box<Order>),
    LoadFailed {
        order_id: String,
        reason: String,
    },
    /// The order was written to this file (its absolute path).
    Exported {
        order_id: String,
        path: String,
    },
    /// Nothing was written: the file exists (its absolute path) and replacing it was not asked.
    ExportExists {
        order_id: String,
        path: String,
    },
    /// Nothing was written, and why in words.
    ExportFailed {
        order_id: String,
        reason: String,
    },
    /// What came of exporting several orders (`Effect::ExportMarked`).
    MarkedExported(MarkedExport),
    /// The draft the rejected numbers moved out to, created, and their order as saved without
    /// them (`Effect::SaveMovedOut`).
    MovedOut {
        draft: Box<Order>,
        order: Box<Order>,
    },
    /// The drafts created of a split sheet, and those that could not be saved (why).
    DraftsCreated {
        orders: Vec<Order>,
        problems: Vec<String>,
    },
    /// The insights of every order in the store, as the runtime computed them.
    InsightsLoaded(Box<crate::domain::insights::Insights>),
    /// What needs the user today, from every order in the store, as the runtime read them.
    TodayLoaded(Vec<crate::domain::today::Item>),
    /// What the order's carrier rejected on earlier orders (`domain::preflight`), for the
    /// carrier it names (`insights::carrier_key`).
    PreflightFound {
        order_id: String,
        carrier: String,
        warnings: Vec<crate::domain::preflight::HistoryWarning>,
    },
    /// The clipboard sequence could not be written to the terminal, and why.
    CopyFailed(String),
    /// The bytes of a file asked for with `Effect::ReadNumbersCsv`, or why it could not be read.
    FileRead(Result<Vec<u8>, String>),
    /// A note added to several orders (`Effect::AddNotes`): the orders as saved, and the ids of
    /// those that did not get it, each with why.
    NotesAdded {
        saved: Vec<Order>,
        refused: Vec<(String, String)>,
    },
    /// The tenant's Teams export read and compared with every order (`Effect::CheckTeamsExport`),
    /// or why the file could not be read, in words.
    TeamsChecked(Result<Box<crate::domain::reconcile::Check>, String>),
    /// The check recorded (`Effect::RecordTeamsCheck`): the orders saved, a line per order in
    /// words, and why any could not be.
    TeamsRecorded {
        orders: Vec<Order>,
        lines: Vec<String>,
        problems: Vec<String>,
    },
    /// The demo copy's orders, now the app's store, and anything worth telling.
    OrdersAdded {
        orders: Vec<Order>,
        problems: Vec<String>,
    },
}

/// What came of exporting several orders at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkedExport {
    /// Every file written (absolute paths).
    Written(Vec<String>),
    /// Nothing was written: these files exist and replacing them was not asked.
    Exists(Vec<String>),
    /// Why nothing, or not everything, was written; the files written before it stopped.
    Failed {
        written: Vec<String>,
        reason: String,
    },
}

/// Why a save did not reach the disk, as the app acts on it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SaveError {
    /// The disk or the folder failed (space, permissions…), in words.
    #[error("{0}")]
    Io(String),
    /// The store refused it (read-only, a bad id, an id in use), in words.
    #[error("{0}")]
    Refused(String),
}

/// The `ScreenId` enum: one variant per line of the root's screen list.
macro_rules! screen_ids {
    ($($(#[$doc:meta])* $variant:ident($ty:ty),)*) => {
        /// Which screen: one variant per screen, made from the root's list of screens
        /// (`with_screens!` in `tui/root.rs`), so adding a screen adds no line here and two
        /// screens cannot share an id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ScreenId {
            $($(#[$doc])* $variant,)*
        }
    };
}

crate::with_screens!(screen_ids);

/// A screen one screen asks for. It is data: the root builds the screen
/// (`Component::open`), so screens never build, nor route to, each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    pub screen: ScreenId,
    /// The order it is about, if any.
    pub order_id: Option<String>,
}

impl Open {
    /// A screen on an order.
    pub fn on(screen: ScreenId, order_id: &str) -> Open {
        Open {
            screen,
            order_id: Some(order_id.to_string()),
        }
    }
}

/// What `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save (or create) an order; the runtime answers `Saved` or `SaveFailed`.
    Save(Box<Order>),
    /// Allocate an id for a new order; the runtime answers `NewOrderId`.
    NewOrderId,
    /// Allocate an id for a copy of this order; the runtime answers `CopyId`.
    CopyOrder(String),
    /// Allocate an id for the draft this order's rejected numbers move out to; the runtime
    /// answers `MoveOutId`.
    MoveOut(String),
    /// Open a temporary copy of the demo orders in place of the store, as `--demo` does (the
    /// user's store is left as it is); the runtime answers `OrdersAdded`.
    OpenDemoCopy,
    /// Read one full order to open its page; the runtime answers `Loaded` or `LoadFailed`.
    Load(String),
    /// Write the order in a format to a file (the path as typed: `~` and relative paths are the
    /// runtime's to resolve); never over an existing file unless `overwrite`. The runtime
    /// answers `Exported`, `ExportExists` or `ExportFailed`.
    Export {
        order_id: String,
        format: Format,
        path: PathBuf,
        include_secrets: bool,
        overwrite: bool,
    },
    /// Write several orders in a format: one file at `path` for JSON and CSV, else one file
    /// per order in the folder `path` (`domain::export::several`); never over an existing file
    /// unless `overwrite`. The runtime answers `MarkedExported`.
    ExportMarked {
        orders: Vec<crate::domain::summary::OrderKey>,
        format: Format,
        path: PathBuf,
        include_secrets: bool,
        overwrite: bool,
    },
    /// Write the order's hand-off packet (`domain::packet`, no PIN) into the folder `dir`, made
    /// new or empty; the runtime answers `Exported` (the folder) or `ExportFailed`.
    WritePacket {
        order_id: String,
        dir: PathBuf,
    },
    /// Look up what the order's carrier rejected on earlier orders; the runtime answers
    /// `PreflightFound`.
    Preflight(Box<Order>),
    /// Read every order and compute the insights; the runtime answers `InsightsLoaded`.
    LoadInsights,
    /// Read every order and make today's list; the runtime answers `TodayLoaded`.
    LoadToday,
    /// Put this text on the clipboard: the runtime writes it to the terminal as OSC 52, and
    /// answers `CopyFailed` only when that fails.
    Copy(String),
    /// Add this note to each order's journal (`Order::add_note`, as `portwiz note`), each read
    /// from the store and saved like any edit; the runtime answers `NotesAdded`.
    AddNotes {
        orders: Vec<crate::domain::summary::OrderKey>,
        text: String,
    },
    /// Read a numbers CSV file the user named; the runtime answers `FileRead`.
    ReadNumbersCsv(PathBuf),
    /// Create the draft numbers moved out to, then save their order without them; the runtime
    /// answers `MovedOut`, or as `Save` does when the order's save does not go through (the
    /// draft is created first: a failed second save leaves the numbers in both, never in
    /// neither).
    SaveMovedOut {
        draft: Box<Order>,
        order: Box<Order>,
    },
    /// Read the tenant's number export the user named (docs/reconcile.md) and compare it with
    /// every order; the runtime answers `TeamsChecked`.
    CheckTeamsExport(PathBuf),
    /// Record the check on its orders (`domain::reconcile::apply`, as `reconcile --apply`); the
    /// runtime answers `TeamsRecorded`.
    RecordTeamsCheck(Box<crate::domain::reconcile::Check>),
    /// Create a draft of each of these fields (a split sheet's orders), each with a fresh id;
    /// the runtime answers `DraftsCreated`.
    CreateDrafts(Vec<crate::domain::OrderFields>),
    /// Remember a rejection text with the fields the user chose (`DIR/examples.json`).
    Learn(Box<crate::domain::classifier::LabelledExample>),
    /// Open tenant's store (`None`: the store `DIR` itself) in place of this one, and start there
    /// next time; the runtime answers with a fresh model on that store.
    SwitchTenant(Option<String>),
    /// Take the screen that returned this off the stack. The root router does it; it never
    /// reaches the runtime.
    Close,
    /// Open a screen over the one that returned this (the root builds it; never the runtime's).
    Open(Open),
    Quit,
}
