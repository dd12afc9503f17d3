//! The response dialog as a screen: its keys (one part per focus) and how messages reach its
//! `update` and `view`.

use super::{Focus, Respond, update, view};
use crate::tui::app::{App, Context, Message};
use crate::tui::keymap::{Action, Binding, both, ch, ctrl, help, key, summary};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crossterm::event::KeyCode::{BackTab, Down, End, Enter, Esc, Home, Tab, Up};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    /// The response dialog, choosing which answer to record.
    pub const RespondChoose: Context = Context("response: choose");
    /// The response dialog, typing in the multi-line box (Enter breaks the line).
    pub const RespondTextArea: Context = Context("response: text area");
    /// The response dialog, typing in a one-line input (Enter goes on).
    pub const RespondInput: Context = Context("response: input");
    /// The response dialog, on a checklist, a list of choices or the Save row.
    pub const RespondList: Context = Context("response: list");
    /// The response dialog, asking to confirm.
    pub const RespondConfirm: Context = Context("response: confirm");
}

/// What keys mean in the response dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RespondMsg {
    Up,
    Down,
    /// Home: the first answer.
    First,
    /// End: the last answer.
    Last,
    /// Open the chosen answer, go to the next input, or save from the Save row.
    Enter,
    NextFocus,
    PrevFocus,
    /// Space: tick or untick a field, choose a scenario.
    Toggle,
    /// Ctrl-S: record the answer.
    Save,
    /// `y`: confirm a completion or a cancellation.
    Confirm,
    /// Esc: back to the choice of answers, or close the dialog.
    Back,
}

use Action::{Global as G, Own as O};
use Context as C;
use RespondMsg as R;

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<RespondMsg>>] = &[
    // Choosing the answer.
    summary(C::RespondChoose, &[key(Up), key(Down), ch('j').also(), ch('k').also()], "Move"),
    help(C::RespondChoose, &[key(Down), ch('j')], O(R::Down), "Next answer"),
    help(C::RespondChoose, &[key(Up), ch('k')], O(R::Up), "Previous answer"),
    help(C::RespondChoose, &[ch('g'), key(Home)], O(R::First), "First answer"),
    help(C::RespondChoose, &[ch('G'), key(End)], O(R::Last), "Last answer"),
    both(C::RespondChoose, &[key(Enter)], O(R::Enter), "Record this answer", "Choose"),
    both(C::RespondChoose, &[key(Esc)], O(R::Back), "Back to the order's page", "Back"),
    both(C::RespondChoose, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    // The multi-line box (letters, Enter and arrows edit the text).
    both(C::RespondTextArea, &[key(Tab)], O(R::NextFocus), "To the fields to fix", "Fields"),
    help(C::RespondTextArea, &[key(BackTab)], O(R::PrevFocus), "To the fields to fix (from the bottom)"),
    both(C::RespondTextArea, &[ctrl('s')], O(R::Save), "Record the rejection with the ticked fields", "Save"),
    both(C::RespondTextArea, &[key(Esc)], O(R::Back), "Back to the choice of answers (asks before dropping the text)", "Back"),
    // A one-line input.
    both(C::RespondInput, &[key(Enter), key(Tab)], O(R::NextFocus), "Next", "Next"),
    help(C::RespondInput, &[key(BackTab), key(Up)], O(R::PrevFocus), "Previous"),
    help(C::RespondInput, &[key(Down)], O(R::NextFocus), "Next (a date typed stays as it is)"),
    both(C::RespondInput, &[ctrl('s')], O(R::Save), "Record the answer", "Save"),
    both(C::RespondInput, &[key(Esc)], O(R::Back), "Back to the choice of answers", "Back"),
    // A checklist, a list of scenarios, the Save row.
    summary(C::RespondList, &[key(Up), key(Down), ch('j').also(), ch('k').also()], "Move"),
    help(C::RespondList, &[key(Down), ch('j')], O(R::Down), "Next row"),
    help(C::RespondList, &[key(Up), ch('k')], O(R::Up), "Previous row"),
    both(C::RespondList, &[ch(' ')], O(R::Toggle), "Tick or untick the field; choose the scenario", "Tick"),
    both(C::RespondList, &[key(Enter)], O(R::Enter), "Next; on the Save row, record the answer", "Next/Save"),
    help(C::RespondList, &[key(Tab)], O(R::NextFocus), "Next part of the form"),
    help(C::RespondList, &[key(BackTab)], O(R::PrevFocus), "Previous part of the form"),
    both(C::RespondList, &[ctrl('s')], O(R::Save), "Record the answer", "Save"),
    both(C::RespondList, &[key(Esc)], O(R::Back), "Back to the choice of answers", "Back"),
    both(C::RespondList, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    // Confirming a completion or a cancellation.
    both(C::RespondConfirm, &[ch('y')], O(R::Confirm), "Yes, record it", "Yes"),
    both(C::RespondConfirm, &[ch('n'), key(Esc)], O(R::Back), "No, back to the choice of answers", "No"),
];

impl Component for Respond {
    type Msg = RespondMsg;
    const ID: ScreenId = ScreenId::Respond;

    /// The dialog on an order, offering what the order's status allows.
    fn open(order_id: Option<&str>, app: &mut App) -> Option<Respond> {
        let id = order_id?;
        if app.read_only.contains(id) {
            app.message = Some(Message::error(
                "This order was written by a newer portwiz and is read-only here.",
            ));
            return None;
        }
        let order = app.order(id)?;
        if order.status.is_final() {
            app.message = Some(Message::error(format!(
                "This order is {}: there is no answer left to record.",
                order.status.label()
            )));
            return None;
        }
        Some(Respond::open(order, app.clock.now))
    }

    fn order_id(&self) -> Option<&str> {
        Some(&self.order_id)
    }

    fn context(&self, _app: &App) -> Context {
        match self.focus() {
            Focus::Choose => C::RespondChoose,
            Focus::TextArea => C::RespondTextArea,
            Focus::Input => C::RespondInput,
            Focus::List => C::RespondList,
            Focus::Confirm => C::RespondConfirm,
        }
    }

    const KEYS: &'static [Binding<Action<RespondMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "carrier response"
    }

    fn title(&self, app: &App) -> String {
        format!("{} › Carrier response", app.order_name(&self.order_id))
    }

    fn takes_text(&self, _app: &App) -> bool {
        matches!(self.focus(), Focus::TextArea | Focus::Input)
    }

    /// Esc goes back to the choice of answers, dropping the form (or closes the dialog).
    fn leaves(&self, msg: &RespondMsg) -> bool {
        *msg == R::Back
    }

    fn act(&mut self, msg: RespondMsg, app: &mut App) -> Vec<Effect> {
        update::update(self, app, msg)
    }

    fn edit(&mut self, key: KeyEvent, app: &mut App) -> Vec<Effect> {
        update::edit(self, app, key)
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::Paste(text) => update::paste(self, app, &text),
            _ => Vec::new(),
        }
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area);
        Drawn::default()
    }

    fn unsaved(&self, _app: &App) -> Option<&'static str> {
        self.has_unsaved_edits()
            .then_some("The carrier response you are recording is not saved.")
    }
}
