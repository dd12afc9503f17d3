//! "Hand-off" (`t` on an order's page): the order as the Teams admin center's porting wizard
//! asks for it (`domain::handoff`), one value per line. `y` copies the value under the cursor
//! (OSC 52, written by the runtime: `Effect::Copy`) and moves on, the PIN only after a `y`
//! to a question; `Y` copies the numbers as the CSV Teams uploads; `s` records the submission
//! once everything is entered. The screen's state, keys and `update` are here; its view in
//! [`view`].

mod view;

use crate::domain::handoff::{self, Handoff};
use crate::domain::key::FieldKey;
use crate::domain::readiness;
use crate::domain::status::Status;
use crate::tui::app::{App, Context, Message};
use crate::tui::keymap::{Action, Binding, both, ch, help, key};
use crate::tui::layout::Drawn;
use crate::tui::list::{ListMsg, ListWords};
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crate::tui::text::one_line;
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::collections::BTreeSet;

#[allow(non_upper_case_globals)]
impl Context {
    /// The hand-off list.
    pub const Handoff: Context = Context("hand-off");
    /// The hand-off, asking before copying the PIN or recording the submission.
    pub const HandoffConfirm: Context = Context("hand-off: confirm");
}

/// What the keys of the hand-off mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoffMsg {
    /// ↑↓, PgUp PgDn, Home End (`tui::list`).
    List(ListMsg),
    /// Back to the order's page.
    Back,
    /// `y`: copy the value under the cursor (asks first for the PIN).
    Copy,
    /// `Y`: copy the numbers as the CSV Teams uploads.
    CopyCsv,
    /// `s`: record that the order was submitted in the admin center (asks first).
    Submit,
    /// `p`: write the hand-off packet for the customer's admin (a folder, no PIN).
    Packet,
    /// `y` to the question.
    Confirm,
    /// `n` or Esc to the question.
    Decline,
}

/// The question the hand-off is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Copy the PIN? (it is never shown)
    CopyPin,
    /// Record the submission (a resubmission after a rejection)? With the warning to read
    /// first, if any.
    Submit {
        resubmission: bool,
        warning: Option<String>,
        /// What the carrier rejected on earlier orders (`Msg::PreflightFound`), as sentences.
        history: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffPage {
    pub order_id: String,
    /// The line under the cursor, in [`Handoff::lines`]' order.
    pub cursor: usize,
    /// The fields copied so far.
    pub copied: BTreeSet<FieldKey>,
    pub csv_copied: bool,
    pub ask: Option<Ask>,
}

use Action::{Global as G, Own as O};
use Context as C;
use HandoffMsg as H;
use KeyCode::Esc;

/// The list's words: a cursor on the values.
const WORDS: ListWords = ListWords {
    footer: "Move",
    down: "Next value",
    up: "Previous value",
    page_down: "Ten values down",
    page_up: "Ten values up",
    top: "First value",
    bottom: "Last value",
    page_footer: "",
};

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<HandoffMsg>>] = crate::list_keys!(C::Handoff, H::List, WORDS;
    both(C::Handoff, &[ch('y')], O(H::Copy), "Copy the value under the cursor to the clipboard (OSC 52), then move to the next; the PIN asks first", "Copy"),
    both(C::Handoff, &[ch('Y')], O(H::CopyCsv), "Copy the numbers as the CSV file Teams uploads (one column, PhoneNumber)", "Copy CSV"),
    both(C::Handoff, &[ch('s')], O(H::Submit), "Everything is entered in the admin center: record the order as submitted (asks first)", "Record submission"),
    help(C::Handoff, &[ch('p')], O(H::Packet), "Write a packet for the customer's admin: a folder with these fields, the numbers CSV, the LOA PDF and the steps (no PIN)"),
    both(C::Handoff, &[key(Esc)], O(H::Back), "Back to the order's page", "Back"),
    both(C::Handoff, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    // The question.
    both(C::HandoffConfirm, &[ch('y')], O(H::Confirm), "Yes", "Yes"),
    both(C::HandoffConfirm, &[ch('n'), key(Esc)], O(H::Decline), "No", "No"),
);

/// How far PgUp and PgDn move.
const PAGE: isize = 10;

impl HandoffPage {
    /// The order's hand-off as it is now (the order may change on disk meanwhile).
    pub fn handoff(&self, app: &App) -> Option<Handoff> {
        app.order(&self.order_id).map(handoff::handoff)
    }

    /// The last line's index.
    fn last(&self, app: &App) -> usize {
        self.handoff(app).map_or(0, |h| h.len().saturating_sub(1))
    }

    fn move_by(&mut self, app: &App, delta: isize) {
        self.cursor = self.cursor.saturating_add_signed(delta).min(self.last(app));
    }

    fn on_key(&mut self, msg: HandoffMsg, app: &mut App) -> Vec<Effect> {
        match (msg, self.ask.take()) {
            (H::Copy, None) => return self.copy(app, false),
            (H::CopyCsv, None) => return self.copy_csv(app),
            (H::Submit, None) => return self.ask_submit(app),
            (H::Packet, None) => {
                let dir = packet_folder(app.export_dir.as_deref(), &self.order_id);
                return vec![Effect::WritePacket {
                    order_id: self.order_id.clone(),
                    dir,
                }];
            }
            (H::Confirm, Some(Ask::CopyPin)) => return self.copy(app, true),
            (H::Confirm, Some(Ask::Submit { .. })) => return self.submit(app),
            (H::Decline, Some(Ask::CopyPin)) => {
                app.message = Some(Message::info("The PIN was not copied."));
            }
            (H::Decline, Some(Ask::Submit { .. })) => {
                app.message = Some(Message::info("Nothing recorded: the order stays as it is."));
            }
            (H::List(m), None) => self.cursor = m.moved(self.cursor, PAGE, self.last(app)),
            (H::Back, None) => return vec![Effect::Close],
            (_, ask) => self.ask = ask,
        }
        Vec::new()
    }

    /// `y`: the value under the cursor to the clipboard, and on to the next line. The PIN only
    /// once `confirmed`.
    fn copy(&mut self, app: &mut App, confirmed: bool) -> Vec<Effect> {
        let Some(order) = app.order(&self.order_id) else {
            return Vec::new();
        };
        let Some(line) = handoff::handoff(order).line(self.cursor).cloned() else {
            return Vec::new();
        };
        if line.secret && !confirmed {
            if line.shown.is_some() {
                self.ask = Some(Ask::CopyPin);
            } else {
                app.message = Some(Message::info(format!("{} is empty.", line.label)));
            }
            return Vec::new();
        }
        let Some(text) = handoff::clipboard_text(order, line.key) else {
            app.message = Some(Message::info(format!(
                "{} is empty: nothing to copy.",
                line.label
            )));
            self.move_by(app, 1);
            return Vec::new();
        };
        self.copied.insert(line.key);
        app.message = Some(Message::info(if line.secret {
            format!("Copied {} (not shown).", line.label)
        } else {
            format!("Copied {}: {}", line.label, one_line(&text))
        }));
        self.move_by(app, 1);
        vec![Effect::Copy(text)]
    }

    fn copy_csv(&mut self, app: &mut App) -> Vec<Effect> {
        let Some(order) = app.order(&self.order_id) else {
            return Vec::new();
        };
        if order.fields.numbers.is_empty() {
            app.message = Some(Message::error("The order has no numbers to copy."));
            return Vec::new();
        }
        match handoff::numbers_csv(order) {
            Ok(csv) => {
                let count = order.fields.numbers.len();
                self.csv_copied = true;
                app.message = Some(Message::info(format!(
                    "Copied the CSV of {count} number(s): paste it into a .csv file to upload."
                )));
                vec![Effect::Copy(csv)]
            }
            Err(e) => {
                app.message = Some(Message::error(format!("Nothing copied: {e}")));
                Vec::new()
            }
        }
    }

    /// `s`: ask before recording, unless the order cannot be submitted (its status, or errors
    /// the readiness check finds).
    fn ask_submit(&mut self, app: &mut App) -> Vec<Effect> {
        let Some(order) = app.order(&self.order_id) else {
            return Vec::new();
        };
        if app.read_only.contains(&self.order_id) {
            app.message = Some(Message::error(
                "This order was written by a newer portwiz and is read-only here.",
            ));
            return Vec::new();
        }
        if !matches!(order.status, Status::Draft | Status::CustomerActionRequired) {
            app.message = Some(Message::error(format!(
                "This order is {}: there is no submission to record.",
                order.status.label()
            )));
            return Vec::new();
        }
        let errors = readiness::blocking(order, app.clock.today);
        if let Some(first) = errors.first() {
            app.message = Some(Message::error(format!(
                "Not recorded: {} error(s) to fix first (u opens the wizard): {}",
                errors.len(),
                one_line(first)
            )));
            return Vec::new();
        }
        let warning = readiness::unchanged_warning(order).map(str::to_string);
        self.ask = Some(Ask::Submit {
            resubmission: order.status == Status::CustomerActionRequired,
            warning,
            history: Vec::new(),
        });
        // What the carrier rejected before, read by the runtime: shown in the question.
        vec![Effect::Preflight(Box::new(order.clone()))]
    }

    fn submit(&mut self, app: &mut App) -> Vec<Effect> {
        let Some(mut order) = app.order(&self.order_id).cloned() else {
            return Vec::new();
        };
        match handoff::record_submission(&mut order, app.clock) {
            Ok(()) => {
                app.select_order(&order.id);
                vec![Effect::Close, Effect::Save(Box::new(order))]
            }
            Err(refusal) => {
                app.message = Some(Message::error(format!(
                    "Not recorded: {}",
                    one_line(&refusal.reasons.join("; "))
                )));
                Vec::new()
            }
        }
    }
}

/// Where `p` writes the packet: a folder named after the order in the export folder (the
/// current folder when there is none).
pub fn packet_folder(export_dir: Option<&std::path::Path>, order_id: &str) -> std::path::PathBuf {
    let name =
        crate::domain::export::several::file_name(order_id, crate::domain::export::Format::Packet);
    export_dir.map_or_else(|| std::path::PathBuf::from(&name), |d| d.join(&name))
}

impl Component for HandoffPage {
    type Msg = HandoffMsg;
    const ID: ScreenId = ScreenId::Handoff;

    /// `t` on an order's page.
    fn open(order_id: Option<&str>, app: &mut App) -> Option<HandoffPage> {
        let order = app.order(order_id?)?;
        if order.status.is_final() {
            app.message = Some(Message::error(format!(
                "This order is {}: there is nothing left to enter in the Teams admin center.",
                order.status.label()
            )));
            return None;
        }
        Some(HandoffPage {
            order_id: order.id.clone(),
            cursor: 0,
            copied: BTreeSet::new(),
            csv_copied: false,
            ask: None,
        })
    }

    fn order_id(&self) -> Option<&str> {
        Some(&self.order_id)
    }

    fn context(&self, _app: &App) -> Context {
        if self.ask.is_some() {
            C::HandoffConfirm
        } else {
            C::Handoff
        }
    }

    const KEYS: &'static [Binding<Action<HandoffMsg>>] = KEYS;

    /// `s` only where there is a submission to record.
    fn offers(&self, msg: &HandoffMsg, app: &App) -> bool {
        *msg != H::Submit
            || app
                .order(&self.order_id)
                .is_some_and(|o| o.status.is_editable() && !app.read_only.contains(&o.id))
    }

    fn name(&self, _app: &App) -> &'static str {
        "hand-off"
    }

    fn title(&self, app: &App) -> String {
        format!(
            "Order history › {} › Hand-off",
            app.order_name(&self.order_id)
        )
    }

    fn act(&mut self, msg: HandoffMsg, app: &mut App) -> Vec<Effect> {
        self.on_key(msg, app)
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            // The order changed (another window, the CLI): keep the cursor on a line.
            Msg::Saved(_) | Msg::Resize(..) => self.move_by(app, 0),
            Msg::PreflightFound {
                order_id, warnings, ..
            } if order_id == self.order_id => {
                if let Some(Ask::Submit { history, .. }) = &mut self.ask {
                    *history = warnings.iter().map(|w| w.message()).collect();
                }
            }
            Msg::CopyFailed(reason) => {
                app.message = Some(Message::error(format!("Not copied: {}", one_line(&reason))));
            }
            Msg::Exported { order_id, path } if order_id == self.order_id => {
                app.message = Some(Message::info(format!(
                    "Packet written to {} (no PIN: `portwiz export ID --format packet --include-secrets` adds it).",
                    one_line(&path)
                )));
            }
            Msg::ExportFailed { order_id, reason } if order_id == self.order_id => {
                app.message = Some(Message::error(format!(
                    "No packet written: {}",
                    one_line(&reason)
                )));
            }
            _ => {}
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area);
        Drawn::default()
    }
}
