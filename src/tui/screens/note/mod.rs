//! "Add a note": one line typed into the order's journal (`domain::journal`), with its latest
//! notes above for context. Saving is `Effect::Save`; the view is in [`view`].
//!
//! From the history (`N`) the note goes to each marked order (else the selected one): one
//! dialog, one history entry per order, each added by the runtime to the order as on disk
//! (`Effect::AddNotes`, the edit `portwiz note` makes), so no order needs reading first.

mod view;

use crate::tui::app::{App, Context, Message, OrderKey};
use crate::tui::keymap::{Action, Binding, both, ctrl, help, key};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crate::tui::widgets::input::{TextField, request_for};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use tui_input::InputRequest;

#[allow(non_upper_case_globals)]
impl Context {
    /// The note screen (its input has the focus).
    pub const Note: Context = Context("add a note");
}

#[derive(Debug, Clone)]
pub struct NotePage {
    /// The order whose page opened the dialog; empty when it is for `orders`.
    pub order_id: String,
    /// From the history: the orders each to get the note (the marked ones, else the selected
    /// one); after a partial failure, those still without it.
    pub orders: Vec<OrderKey>,
    pub note: TextField,
    pub error: Option<String>,
    /// The notes were asked for and the runtime has not answered yet (Enter waits).
    pub waiting: bool,
}

/// What the note screen's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteMsg {
    /// Add the typed note to the order's journal.
    Save,
    /// Clear the input.
    Clear,
    /// Back to the order's page.
    Back,
}

use Action::Own as O;

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<NoteMsg>>] = &[
    // The input has the focus: letters type.
    both(Context::Note, &[key(KeyCode::Enter)], O(NoteMsg::Save), "Add the note to the order's journal, dated now", "Add note"),
    help(Context::Note, &[ctrl('u')], O(NoteMsg::Clear), "Clear the input"),
    both(Context::Note, &[key(KeyCode::Esc)], O(NoteMsg::Back), "Back to the order's page", "Back"),
];

impl Component for NotePage {
    type Msg = NoteMsg;
    const ID: ScreenId = ScreenId::Note;

    /// `n` on an order's page; refused for an order a newer portwiz wrote. Without an order
    /// (`N` on the history): the marked orders, else the selected one.
    fn open(order_id: Option<&str>, app: &mut App) -> Option<NotePage> {
        let Some(order_id) = order_id else {
            let orders: Vec<OrderKey> = app.targets().iter().map(|s| app.key_of(s)).collect();
            return (!orders.is_empty()).then(|| NotePage {
                order_id: String::new(),
                orders,
                note: TextField::new(""),
                error: None,
                waiting: false,
            });
        };
        let order = app.order(order_id)?;
        if app.read_only.contains(&order.id) {
            app.message = Some(Message::error(
                "This order was written by a newer portwiz and is read-only here.",
            ));
            return None;
        }
        Some(NotePage {
            order_id: order.id.clone(),
            orders: Vec::new(),
            note: TextField::new(""),
            error: None,
            waiting: false,
        })
    }

    fn order_id(&self) -> Option<&str> {
        (!self.order_id.is_empty()).then_some(self.order_id.as_str())
    }

    fn context(&self, _app: &App) -> Context {
        Context::Note
    }

    const KEYS: &'static [Binding<Action<NoteMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "add a note"
    }

    fn title(&self, app: &App) -> String {
        match self.orders.as_slice() {
            [] => format!("{} › Add a note", app.order_name(&self.order_id)),
            [one] => format!("Order history › {} › Add a note", app.order_name(&one.id)),
            many => format!("Order history › A note on {} orders", many.len()),
        }
    }

    fn takes_text(&self, _app: &App) -> bool {
        true
    }

    fn leaves(&self, msg: &NoteMsg) -> bool {
        *msg == NoteMsg::Back
    }

    fn act(&mut self, msg: NoteMsg, app: &mut App) -> Vec<Effect> {
        match msg {
            NoteMsg::Save => return self.save(app),
            NoteMsg::Back => return vec![Effect::Close],
            NoteMsg::Clear => {
                self.note.handle(InputRequest::DeleteLine);
                self.error = None;
            }
        }
        Vec::new()
    }

    fn edit(&mut self, key: KeyEvent, _app: &mut App) -> Vec<Effect> {
        if let Some(request) = request_for(&key) {
            self.note.handle(request);
            self.error = None;
        }
        Vec::new()
    }

    fn update(&mut self, msg: Msg, _app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::Paste(text) => self.note.insert_str(text.replace(['\r', '\n'], " ").trim()),
            Msg::NotesAdded { refused, .. } if self.waiting => {
                self.waiting = false;
                if refused.is_empty() {
                    return vec![Effect::Close];
                }
                // The text stays, for the orders still without it only (never a second note
                // on one that has it).
                self.orders
                    .retain(|k| refused.iter().any(|(id, _)| *id == k.id));
                let why: Vec<String> = refused
                    .iter()
                    .map(|(id, why)| format!("{id}: {why}"))
                    .collect();
                self.error = Some(format!("Not added to {}", why.join("; ")));
            }
            _ => {}
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area);
        Drawn::default()
    }

    fn unsaved(&self, _app: &App) -> Option<&'static str> {
        (!self.note.value().trim().is_empty()).then_some("The note you typed is not added yet.")
    }
}

impl NotePage {
    /// Enter: the domain cleans, caps and dates the note; the page closes once it is saved.
    fn save(&mut self, app: &mut App) -> Vec<Effect> {
        if !self.orders.is_empty() {
            return self.save_to_each();
        }
        let Some(mut order) = app.order(&self.order_id).cloned() else {
            self.error = Some("This order is not in the store any more.".into());
            return Vec::new();
        };
        match order.add_note(self.note.value(), app.clock.now) {
            Ok(_) => {
                app.message = Some(Message::info(
                    "Note added: it shows in the order's history, its exports and the hand-off.",
                ));
                vec![Effect::Save(Box::new(order)), Effect::Close]
            }
            Err(refusal) => {
                self.error = Some(refusal.to_string());
                Vec::new()
            }
        }
    }
}

impl NotePage {
    /// Enter on a note for several orders: refused here when the text is (empty, too long);
    /// else the runtime adds it to each, and the page waits for its answer.
    fn save_to_each(&mut self) -> Vec<Effect> {
        if self.waiting {
            return Vec::new();
        }
        if let Err(refusal) = crate::domain::journal::note_text(self.note.value()) {
            self.error = Some(refusal.to_string());
            return Vec::new();
        }
        self.waiting = true;
        self.error = None;
        vec![Effect::AddNotes {
            orders: self.orders.clone(),
            text: self.note.value().to_string(),
        }]
    }
}
