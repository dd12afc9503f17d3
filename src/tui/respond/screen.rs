//! The response dialog as a screen: its keys (one part per focus) and how messages reach its
//! `update` and `view`.

use super::{Focus, Respond, update, view};
use crate::tui::app::{App, Context};
use crate::tui::keymap::{Binding, both, ch, ctrl, help, key, summary};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, Msg, RespondMsg as R};
use crate::tui::screen::Component;
use crossterm::event::KeyCode::{BackTab, Down, Enter, Esc, Tab, Up};
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

use Context as C;

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    // Choosing the answer.
    summary(C::RespondChoose, &[ch('j'), key(Down), ch('k'), key(Up)], "↑↓", "Move"),
    help(C::RespondChoose, &[ch('j'), key(Down)], "↓/j", Msg::Respond(R::Down), "Next answer"),
    help(C::RespondChoose, &[ch('k'), key(Up)], "↑/k", Msg::Respond(R::Up), "Previous answer"),
    both(C::RespondChoose, &[key(Enter)], "Enter", Msg::Respond(R::Enter), "Record this answer", "Choose"),
    both(C::RespondChoose, &[key(Esc)], "Esc", Msg::Respond(R::Back), "Back to the order's page", "Back"),
    both(C::RespondChoose, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    // The multi-line box (letters, Enter and arrows edit the text).
    both(C::RespondTextArea, &[key(Tab)], "Tab", Msg::Respond(R::NextFocus), "To the fields to fix", "Fields"),
    help(C::RespondTextArea, &[key(BackTab)], "Shift-Tab", Msg::Respond(R::PrevFocus), "To the fields to fix (from the bottom)"),
    both(C::RespondTextArea, &[ctrl('s')], "Ctrl-S", Msg::Respond(R::Save), "Record the rejection with the ticked fields", "Save"),
    both(C::RespondTextArea, &[key(Esc)], "Esc", Msg::Respond(R::Back), "Back to the choice of answers (the text is dropped)", "Back"),
    // A one-line input.
    both(C::RespondInput, &[key(Enter), key(Tab)], "Enter/Tab", Msg::Respond(R::NextFocus), "Next", "Next"),
    help(C::RespondInput, &[key(BackTab)], "Shift-Tab", Msg::Respond(R::PrevFocus), "Previous"),
    both(C::RespondInput, &[ctrl('s')], "Ctrl-S", Msg::Respond(R::Save), "Record the answer", "Save"),
    both(C::RespondInput, &[key(Esc)], "Esc", Msg::Respond(R::Back), "Back to the choice of answers", "Back"),
    // A checklist, a list of scenarios, the Save row.
    summary(C::RespondList, &[ch('j'), key(Down), ch('k'), key(Up)], "↑↓", "Move"),
    help(C::RespondList, &[ch('j'), key(Down)], "↓/j", Msg::Respond(R::Down), "Next row"),
    help(C::RespondList, &[ch('k'), key(Up)], "↑/k", Msg::Respond(R::Up), "Previous row"),
    both(C::RespondList, &[ch(' ')], "Space", Msg::Respond(R::Toggle), "Tick or untick the field; choose the scenario", "Tick"),
    both(C::RespondList, &[key(Enter)], "Enter", Msg::Respond(R::Enter), "Next; on the Save row, record the answer", "Next/Save"),
    help(C::RespondList, &[key(Tab)], "Tab", Msg::Respond(R::NextFocus), "Next part of the form"),
    help(C::RespondList, &[key(BackTab)], "Shift-Tab", Msg::Respond(R::PrevFocus), "Previous part of the form"),
    both(C::RespondList, &[ctrl('s')], "Ctrl-S", Msg::Respond(R::Save), "Record the answer", "Save"),
    both(C::RespondList, &[key(Esc)], "Esc", Msg::Respond(R::Back), "Back to the choice of answers", "Back"),
    both(C::RespondList, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    // Confirming a completion or a cancellation.
    both(C::RespondConfirm, &[ch('y')], "y", Msg::Respond(R::Confirm), "Yes, record it", "Yes"),
    both(C::RespondConfirm, &[ch('n'), key(Esc)], "n/Esc", Msg::Respond(R::Back), "No, back to the choice of answers", "No"),
];

impl Component for Respond {
    fn context(&self, _app: &App) -> Context {
        match self.focus() {
            Focus::Choose => C::RespondChoose,
            Focus::TextArea => C::RespondTextArea,
            Focus::Input => C::RespondInput,
            Focus::List => C::RespondList,
            Focus::Confirm => C::RespondConfirm,
        }
    }

    fn keymap(&self) -> &'static [Binding] {
        KEYS
    }

    fn name(&self, _app: &App) -> &'static str {
        "carrier response"
    }

    fn title(&self, app: &App) -> String {
        format!("{} › Carrier response", app.order_name(&self.order_id))
    }

    fn takes_text(&self, _app: &App) -> bool {
        matches!(self.focus(), Focus::TextArea | Focus::Input)
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::Respond(m) => update::update(self, app, m),
            Msg::Edit(key) => update::edit(self, app, key),
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

#[cfg(test)]
mod tests {
    #[test]
    fn no_key_is_bound_twice() {
        assert_eq!(crate::tui::keymap::has_no_duplicate(super::KEYS), Ok(()));
    }
}
