//! Everything that can happen to the app (`Msg`), and everything the app asks the runtime to do
//! (`Effect`). `update` turns one into the other; only the runtime touches files and the terminal.

use crate::domain::{Clock, Order};
use crossterm::event::KeyEvent;

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

    // What keys mean (the keymap's table maps keys to these).
    MoveUp,
    MoveDown,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected order.
    Open,
    /// Back one level (closes help, leaves a page, clears a filter).
    Back,
    StartFilter,
    CycleStatusFilter,
    CycleSort,
    ReverseSort,
    /// Open the wizard on an order (`None`: a new order).
    OpenWizard {
        order_id: Option<String>,
    },
    /// `u` on an order's page: the wizard on this order, focused on the first rejected field.
    UpdateOrder,
    /// Write the demo orders into this store.
    LoadDemo,
    ToggleHelp,
    /// `q`: quit, asking first when there are unsaved edits.
    Quit,
    /// `Ctrl-C`: quit from anywhere (still asks once when edits would be lost).
    Interrupt,
    ConfirmQuit,
    /// Save the wizard's edits, then quit (the quit question's `s`).
    SaveAndQuit,
    CancelQuit,
    DismissNotices,

    // The filter line while it is being typed.
    FilterInput(char),
    FilterBackspace,
    FilterClear,
    FilterAccept,
    FilterCancel,

    // What the runtime answers after an effect.
    /// A fresh id for a new order.
    NewOrderId(String),
    /// The order as now on disk.
    Saved(Box<Order>),
    SaveFailed {
        order_id: String,
        reason: String,
    },
    /// Orders added to the store (the demo), and anything worth telling.
    OrdersAdded {
        orders: Vec<Order>,
        problems: Vec<String>,
    },
}

/// What `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save (or create) an order; the runtime answers `Saved` or `SaveFailed`.
    Save(Box<Order>),
    /// Allocate an id for a new order; the runtime answers `NewOrderId`.
    NewOrderId,
    /// Write the embedded demo orders into the store; the runtime answers `OrdersAdded`.
    LoadDemo,
    Quit,
}
