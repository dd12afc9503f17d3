//! The porting wizard: a self-contained component the app shell drops in.
//!
//! Inside, an Elm-style split: [`state::WizardState`] (the model), [`update::WizardMsg`] and the
//! pure [`update::update`], a keymap table ([`keymap`]) that turns keys into messages and lists
//! the footer's keys, and [`view`] that only draws. The one effect (reading a numbers CSV file)
//! is performed here, outside `update`, and its bytes fed back as a message. Every edit goes
//! through the domain's edit operation (`domain::edit`), every readiness verdict through
//! `domain::readiness`: the wizard normalises and validates nothing on its own.
//!
//! Every field, step, label and rule comes from the registry (`domain::registry`); the wizard
//! keeps no list of fields of its own.

mod dates;
mod keymap;
mod numbers;
mod screen;
mod state;
mod update;
mod view;

#[cfg(test)]
mod tests;

pub use dates::port_date_window;
pub use numbers::number_states;

use crate::domain::order::{Clock, Order};
use crate::tui::keymap::Action;
use crate::tui::layout::Drawn;
use crate::tui::msg::Effect;
use crate::tui::theme::Theme;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use state::WizardState;
use update::WizardMsg;

pub struct Wizard {
    state: WizardState,
    /// The order as this wizard last knew it on disk (opened or saved): what its edits are
    /// measured against, so work not yet saved (a save that met a conflict) is never lost
    /// on the way out.
    saved: Order,
}

/// What the shell should do after a key or a paste.
#[derive(Debug, Clone, PartialEq)]
pub enum WizardOutcome {
    /// Nothing to do but redraw.
    Stay,
    /// Persist this order (a field was left, Ctrl-S, a CSV loaded); the wizard stays open.
    Save(Order),
    /// The order was submitted or resubmitted: persist it; the wizard's work is done.
    Submit(Order),
    /// The user closed the wizard: persist this order (the draft is kept) and close.
    Close(Order),
    /// Ask the runtime for this (reading a numbers CSV file); its answer comes back through
    /// [`Wizard::csv_read`].
    Perform(Effect),
    /// `N` on Review: every number of the order, on a list of its own over the wizard.
    ShowNumbers,
    /// `t` on Review: persist this order and open its hand-off, where it is entered in Teams.
    Handoff(Order),
}

/// Where the wizard opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Step 1: a new order, a copy.
    FirstStep,
    /// Where the work was left: the first field the carrier rejected, else the first missing or
    /// wrong (`domain::readiness::to_fix_first`); Review when nothing is left to fix or only
    /// the carrier can act (a freeze).
    Resume,
}

impl Wizard {
    /// Open the wizard on a new or existing order, at `start`.
    pub fn open(order: Order, clock: Clock, start: Start) -> Wizard {
        Wizard {
            saved: order.clone(),
            state: WizardState::new(order, clock, start),
        }
    }

    /// The wizard with its visit's id (the app's: see `App::next_visit`).
    pub fn visiting(mut self, visit: crate::domain::edit::Visit) -> Wizard {
        self.state.visit = visit;
        self
    }

    /// The order as just saved (with its new revision; merged with another window's changes
    /// when the file had moved on): the wizard goes on from it. An input being typed in keeps
    /// its text; one that only showed the old value shows the new one.
    pub fn adopt(&mut self, saved: Order) {
        let typing = self.state.has_pending_edit();
        let content_changed = saved != self.state.order;
        let contested = typing && self.typed_in_was_changed_elsewhere(&saved);
        let begun_on = self.state.order.revision;
        self.saved = saved.clone();
        self.state.order = saved;
        if contested {
            // The text being typed began on the value before: its save is merged from that
            // version, so the other window's value and this one are shown to choose between.
            self.state.order.revision = begun_on;
        }
        if content_changed {
            self.state.visit.rebase();
            if !typing {
                self.state.load_editor();
            }
            let checked: Vec<_> = self.state.checked.keys().copied().collect();
            for key in checked {
                self.state.check(key);
            }
            self.state.refresh_number_states();
        }
    }

    /// Whether the field being typed in holds another value in `saved` than in the wizard's
    /// order: another window changed it while it was typed in.
    fn typed_in_was_changed_elsewhere(&self, saved: &Order) -> bool {
        self.state.target().is_some_and(|t| {
            t.column == state::Column::Order
                && saved.fields.get(t.key) != self.state.order.fields.get(t.key)
        })
    }

    /// Whether a message would drop a path typed into the CSV-path prompt.
    pub fn cancels_a_typed_path(&self, msg: &WizardMsg) -> bool {
        matches!(&self.state.prompt, Some(state::Prompt::CsvPath { path, .. }) if !path.value().trim().is_empty())
            && *msg == WizardMsg::PromptCancel
    }

    /// Whether `key` only edits the focused field's text (a letter, Backspace, Ctrl-U, an arrow
    /// within the text, a line in the numbers area): such a key typed as another view opened
    /// by itself still belongs to the field.
    pub fn edits_its_field(&self, key: &KeyEvent) -> bool {
        matches!(
            keymap::translate(key, &self.state),
            Some(Action::Own(
                WizardMsg::Edit(_) | WizardMsg::ChoiceJump(_) | WizardMsg::Newline
            ))
        )
    }

    /// Whether the wizard holds work that is not on disk: text being typed, or edits whose
    /// save did not go through (a conflict left unsettled).
    pub fn holds_unsaved_work(&self) -> bool {
        self.has_unsaved_edits() || self.state.order != self.saved
    }

    /// A key as the app sends it: what the key table makes of it, done (the app-wide keys,
    /// quit and help, are the app's and do nothing here).
    pub fn handle_key(&mut self, key: KeyEvent, clock: Clock) -> WizardOutcome {
        match keymap::translate(&key, &self.state) {
            Some(Action::Own(msg)) => self.dispatch(msg, clock),
            _ => WizardOutcome::Stay,
        }
    }

    /// Bracketed paste: the text goes into the focused input (a list keeps its lines in the
    /// numbers area), cleaned of control characters.
    pub fn handle_paste(&mut self, text: &str, clock: Clock) -> WizardOutcome {
        self.dispatch(WizardMsg::Paste(text.to_string()), clock)
    }

    /// Write the focused input into the order, as Ctrl-S does.
    pub fn save(&mut self, clock: Clock) -> WizardOutcome {
        self.dispatch(WizardMsg::Save, clock)
    }

    /// The feedback of the last action (saved, refused, loaded), on the wizard's bottom line.
    pub fn notice(&self) -> Option<&crate::tui::app::Message> {
        self.state.notice.as_ref()
    }

    /// Whether the focused input holds text not yet written to the order.
    pub fn has_unsaved_edits(&self) -> bool {
        self.state.has_pending_edit()
    }

    /// Draw the wizard; what it drew (the open message's lines) flows back to `clamp_scroll`.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) -> Drawn {
        view::render(&self.state, frame, area, theme)
    }

    /// Keep the open message's scroll within what the last frame drew.
    pub fn clamp_scroll(&mut self, drawn: &Drawn) {
        if let Some(scroll) = &mut self.state.pinned {
            let max = drawn.pinned_lines.saturating_sub(drawn.pinned_rows);
            *scroll = (*scroll).min(u16::try_from(max).unwrap_or(u16::MAX));
        }
    }

    /// (key, words) for the keys that work where the user is and would do something, most
    /// useful first.
    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        crate::tui::keymap::footer_bindings(keymap::KEYS, &keymap::layers(&self.state))
            .filter(|b| match &b.action {
                Some(Action::Own(msg)) => keymap::offers(&self.state, msg),
                _ => true,
            })
            .map(|b| (b.label.as_str(), b.footer))
            .collect()
    }

    /// (key, description) for help: the keys that work where the user is, then the others.
    pub fn help_keys(&self) -> Vec<(&'static str, &'static str)> {
        keymap::help_entries(&self.state)
    }

    /// The order as it stands in the wizard (edits in the focused input not included).
    pub fn order(&self) -> &Order {
        &self.state.order
    }

    /// The runtime's answer to `Effect::ReadNumbersCsv`: the file's bytes, or why it could not
    /// be read. The domain's CSV reader parses them in `update`.
    pub fn csv_read(&mut self, bytes: Result<Vec<u8>, String>, clock: Clock) -> WizardOutcome {
        self.dispatch(WizardMsg::CsvLoaded(bytes), clock)
    }

    /// On Review, the look-up of the carrier's history to ask the runtime for, once per carrier.
    pub fn preflight_request(&mut self) -> Option<Effect> {
        self.state.preflight_request()
    }

    /// The runtime's answer to `Effect::Preflight`: kept for the carrier it was asked for.
    pub fn preflight_found(
        &mut self,
        order_id: &str,
        carrier: String,
        warnings: Vec<crate::domain::preflight::HistoryWarning>,
    ) {
        if order_id == self.state.order.id {
            self.state.preflight = Some((carrier, warnings));
        }
    }

    /// Run a message through `update`; an effect it asks for goes out to the runtime.
    fn dispatch(&mut self, msg: WizardMsg, clock: Clock) -> WizardOutcome {
        self.state.clock = clock;
        let updated = update::update(&mut self.state, msg);
        match updated.effect {
            None => updated.outcome,
            Some(effect) => WizardOutcome::Perform(effect),
        }
    }
}
