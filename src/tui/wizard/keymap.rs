//! The wizard's keys, in the key-table format every screen uses (`tui/keymap.rs`): one table
//! whose lines feed the key look-up, the footer and help, their labels made from the keys.
//! Where the user is in the wizard is a few layers of the table at once (on the PIN: the PIN's
//! keys, a text field's, any field's, the form's, the wizard's), looked up together; no key is
//! bound twice in the layers of one place (a test checks every place). The table's order is the
//! footer's, most important first (a narrow footer keeps the first ones): answering what is
//! asked, then what fixes a rejected order (the carrier's value, its words), moving between
//! fields and steps, saving and leaving, and last what the focused input adds.

use super::state::{Column, Editor, Prompt, WizardState};
use super::update::WizardMsg;
use crate::domain::readiness;
use crate::domain::registry::spec;
use crate::domain::status::Status;
use crate::tui::keymap::{self, Action, Binding, Context, both, ch, ctrl, help, key, summary};
use crate::tui::msg::Msg;
use crate::tui::widgets::input::request_for;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::InputRequest;

/// The question asked over the form (submitted in Teams?).
const QUESTION: Context = Context("wizard: question");
/// The CSV file's path being typed.
const CSV_PATH: Context = Context("wizard: CSV path");
/// The carrier's whole message, open over the form.
const PINNED: Context = Context("wizard: carrier's message");
/// Review.
const REVIEW: Context = Context("wizard: review");
/// Review, nothing selected, nothing blocking: Enter records the submission.
const REVIEW_SUBMITS: Context = Context("wizard: review, ready");
/// The same for a rejected order: Enter records the resubmission.
const REVIEW_RESUBMITS: Context = Context("wizard: review, ready again");
/// Review, nothing selected, an error blocking: Enter goes to it.
const REVIEW_BLOCKED: Context = Context("wizard: review, blocked");
/// Review with a problem selected: Enter goes to it.
const REVIEW_ON_PROBLEM: Context = Context("wizard: review, on a problem");
/// Any field: a text field, a choice or the numbers.
const FIELD: Context = Context("wizard: field");
/// A one-line text field or a choice.
const LINE_OR_CHOICE: Context = Context("wizard: one-line field");
const CHOICE: Context = Context("wizard: choice");
const NUMBERS: Context = Context("wizard: numbers");
/// A text field or the numbers.
const EDITABLE: Context = Context("wizard: text");
/// The PIN.
const SECRET: Context = Context("wizard: PIN");
/// A field of a step the carrier's CSR covers (not the numbers).
const CSR_STEP: Context = Context("wizard: CSR step");
/// The form: a step's fields or Review, nothing open over it.
const FORM: Context = Context("wizard: form");
/// Where letters are not text, so `?` is help.
const NOT_TYPING: Context = Context("wizard: not typing");
/// Everywhere in the wizard.
const EVERYWHERE: Context = Context::Wizard;

/// Lines PgDn and PgUp scroll the open message by.
const PINNED_PAGE: i16 = 10;

use Action::{Global as G, Own as O};
use KeyCode::{BackTab, Down, Enter, Esc, F, Left, PageDown, PageUp, Right, Tab, Up};
use WizardMsg as M;

/// The wizard's keys, in the footer's order.
#[rustfmt::skip]
pub static KEYS: &[Binding<Action<WizardMsg>>] = &[
    both(QUESTION, &[ch('y'), ch('Y').also()], O(M::Confirm), "To the question: yes, the order is submitted (or resubmitted) in the Teams admin center", "yes"),
    both(QUESTION, &[ch('t')], O(M::Handoff), "To the question: the hand-off instead, every value as the Teams admin center asks for it", "hand-off"),
    both(QUESTION, &[ch('n'), key(Esc), ch('N').also()], O(M::Decline), "To the question: no, the order stays as it is", "no"),
    both(CSV_PATH, &[key(Enter)], O(M::PromptAccept), "On the CSV path: load the numbers from the file (a PhoneNumber column)", "load the CSV"),
    both(CSV_PATH, &[key(Esc)], O(M::PromptCancel), "On the CSV path: cancel, no file is read", "cancel"),
    summary(PINNED, &[key(Up), key(Down), key(PageDown)], "scroll"),
    help(PINNED, &[key(Up), ch('k')], O(M::PinnedScroll(-1)), "In the carrier's message: scroll up"),
    help(PINNED, &[key(Down), ch('j')], O(M::PinnedScroll(1)), "In the carrier's message: scroll down"),
    help(PINNED, &[key(PageUp)], O(M::PinnedScroll(-PINNED_PAGE)), "In the carrier's message: one page up"),
    help(PINNED, &[key(PageDown), ch(' ')], O(M::PinnedScroll(PINNED_PAGE)), "In the carrier's message: one page down"),
    both(PINNED, &[key(Esc), ctrl('p')], O(M::TogglePinned), "In the carrier's message: close it, back to the form", "back to the form"),
    summary(REVIEW_SUBMITS, &[key(Enter)], "record submission"),
    summary(REVIEW_RESUBMITS, &[key(Enter)], "record resubmission"),
    summary(REVIEW_BLOCKED, &[key(Enter)], "go to the first error"),
    summary(REVIEW_ON_PROBLEM, &[key(Enter)], "go to this problem"),
    help(REVIEW, &[key(Enter)], O(M::ReviewActivate), "On Review: record that you submitted (or resubmitted) the order in the Teams admin center; or go to the selected problem (›), or to the first error while one blocks"),
    summary(REVIEW, &[key(Up), key(Down)], "select problem"),
    help(REVIEW, &[key(Up), ch('k')], O(M::ReviewUp), "On Review: select the problem above"),
    help(REVIEW, &[key(Down), ch('j')], O(M::ReviewDown), "On Review: select the problem below"),
    both(REVIEW, &[ch('t')], O(M::Handoff), "On Review: the hand-off, every value as the Teams admin center asks for it (portwiz sends nothing)", "hand-off"),
    both(CSR_STEP, &[ctrl('t')], O(M::TakeCsr), "On a step the CSR covers: take the CSR's value into the field (the carrier's record wins)", "take CSR value"),
    summary(FIELD, &[key(Tab), key(BackTab)], "field"),
    help(FIELD, &[key(Tab)], O(M::NextField), "Next field"),
    help(FIELD, &[key(BackTab)], O(M::PrevField), "Previous field"),
    summary(CHOICE, &[key(Left), key(Right)], "choose"),
    help(CHOICE, &[key(Right), ch(' ')], O(M::ChoiceNext), "On a choice: the next option (a letter: the next option it starts)"),
    help(CHOICE, &[key(Left)], O(M::ChoicePrev), "On a choice: the previous option"),
    summary(FORM, &[key(PageDown), key(PageUp)], "step"),
    help(FORM, &[key(PageDown)], O(M::NextStep), "Next step"),
    help(FORM, &[key(PageUp)], O(M::PrevStep), "Previous step"),
    both(REVIEW, &[ch('N')], O(M::ListNumbers), "On Review: every phone number, on a list of its own", "numbers"),
    both(FORM, &[ctrl('p')], O(M::TogglePinned), "Open the carrier's whole message (rejected orders)", "carrier's words"),
    both(FORM, &[ctrl('s')], O(M::Save), "Save the draft (leaving a field saves it too)", "save"),
    both(FORM, &[key(Esc)], O(M::Close), "Close the wizard; the draft is kept", "close"),
    both(NUMBERS, &[key(Enter)], O(M::Newline), "In the numbers: a new line", "new line"),
    both(NUMBERS, &[ctrl('o')], O(M::OpenCsvPrompt), "In the numbers: load them from a CSV file", "load CSV"),
    both(SECRET, &[ctrl('r')], O(M::ToggleReveal), "On the PIN: show / hide it", "show/hide PIN"),
    both(EDITABLE, &[ctrl('u')], O(M::Edit(InputRequest::DeleteLine)), "Clear the field", "clear"),
    both(CSR_STEP, &[ctrl('k')], O(M::ToggleCsr), "On a step the CSR covers: compare with the carrier's CSR (a column beside the form)", "CSR column"),
    help(LINE_OR_CHOICE, &[key(Enter)], O(M::Advance), "On a one-line field or a choice: the next field (after a step's last, the next step)"),
    help(LINE_OR_CHOICE, &[key(Up)], O(M::PrevField), "On a one-line field or a choice: the previous field"),
    help(LINE_OR_CHOICE, &[key(Down)], O(M::NextField), "On a one-line field or a choice: the next field"),
    help(NUMBERS, &[key(Up)], O(M::LineUp), "In the numbers: the line above (from the first: the previous field)"),
    help(NUMBERS, &[key(Down)], O(M::LineDown), "In the numbers: the line below (from the last: the next field)"),
    help(NOT_TYPING, &[ch('?')], G(Msg::ToggleHelp), "This help (outside text fields)"),
    both(EVERYWHERE, &[ctrl('c')], G(Msg::Interrupt), "Quit (asks first when an edit is not saved)", "quit"),
    both(EVERYWHERE, &[key(F(1))], G(Msg::ToggleHelp), "This help (also inside text fields)", "help"),
];

/// The layers of [`KEYS`] in force where the user is.
pub fn layers(state: &WizardState) -> Vec<Context> {
    let mut layers = match &state.prompt {
        Some(Prompt::Confirm(_)) => vec![QUESTION, NOT_TYPING],
        Some(Prompt::CsvPath { .. }) => vec![CSV_PATH],
        None if state.pinned.is_some() => vec![PINNED, NOT_TYPING],
        None => form_layers(state),
    };
    layers.push(EVERYWHERE);
    layers
}

/// The layers on the form: the focused input's, then the form's.
fn form_layers(state: &WizardState) -> Vec<Context> {
    let mut layers = match &state.editor {
        Editor::None => vec![review_enter(state), REVIEW, NOT_TYPING],
        Editor::Choice(_) => vec![CHOICE, LINE_OR_CHOICE, FIELD, NOT_TYPING],
        Editor::Numbers(_) => vec![NUMBERS, EDITABLE, FIELD],
        Editor::Text(_) if on_secret(state) => vec![SECRET, LINE_OR_CHOICE, EDITABLE, FIELD],
        Editor::Text(_) => vec![LINE_OR_CHOICE, EDITABLE, FIELD],
    };
    if matches!(state.editor, Editor::Text(_) | Editor::Choice(_)) && state.step_has_csr_fields() {
        layers.push(CSR_STEP);
    }
    layers.push(FORM);
    layers
}

/// What Enter does on Review, as the footer says it.
fn review_enter(state: &WizardState) -> Context {
    if state.review_selected.is_some() {
        REVIEW_ON_PROBLEM
    } else if blocked(state) {
        REVIEW_BLOCKED
    } else if state.order.status == Status::CustomerActionRequired {
        REVIEW_RESUBMITS
    } else {
        REVIEW_SUBMITS
    }
}

fn blocked(state: &WizardState) -> bool {
    !readiness::blocking(&state.order, state.clock.today).is_empty()
}

/// Whether the order's own column of the PIN has the focus.
fn on_secret(state: &WizardState) -> bool {
    state
        .target()
        .is_some_and(|t| t.column == Column::Order && spec(t.key).secret)
}

/// Whether a message would do something useful now (the footer leaves out those that would
/// not): the hand-off while nothing blocks, the carrier's words when there are some, the CSR's
/// value when the field has one.
pub fn offers(state: &WizardState, msg: &WizardMsg) -> bool {
    match msg {
        M::Handoff => state.prompt.is_some() || !blocked(state),
        M::TogglePinned => state.pinned.is_some() || state.pinned_rejection().is_some(),
        M::TakeCsr => state
            .target()
            .is_some_and(|t| state.order.csr.contains_key(&t.key)),
        _ => true,
    }
}

/// What a key means here: the table's binding in the layers in force; else typed text in a
/// text field or the path prompt, or on a choice a letter that jumps to the next option it
/// starts (the long country list). Key releases mean nothing.
pub fn translate(event: &KeyEvent, state: &WizardState) -> Option<Action<WizardMsg>> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let layers = layers(state);
    if let Some(action) = keymap::lookup(KEYS, &layers, event) {
        return Some(action);
    }
    let typed = match (&state.prompt, &state.editor) {
        (Some(Prompt::CsvPath { .. }), _) => request_for(event).map(M::PromptEdit),
        (Some(_), _) => None,
        (None, _) if state.pinned.is_some() => None,
        (None, Editor::Text(_) | Editor::Numbers(_)) => request_for(event).map(M::Edit),
        (None, Editor::Choice(_)) => match event.code {
            KeyCode::Char(c)
                if c.is_alphabetic()
                    && !event
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(M::ChoiceJump(c))
            }
            _ => None,
        },
        (None, Editor::None) => None,
    };
    typed.map(Action::Own)
}

/// Help: the keys in force here (as every screen's help), then every other key of the
/// wizard under a heading of its own, so one `?` teaches the whole wizard.
pub fn help_entries(state: &WizardState) -> Vec<(&'static str, &'static str)> {
    let layers = layers(state);
    let mut entries = keymap::help_entries(KEYS, &layers);
    let mut others: Vec<&Binding<Action<WizardMsg>>> = KEYS
        .iter()
        .filter(|b| b.action.is_some() && !layers.contains(&b.context))
        .collect();
    // The form's keys before those of what opens over it (the question, a prompt, a message).
    others.sort_by_key(|b| [QUESTION, CSV_PATH, PINNED].contains(&b.context));
    let elsewhere: Vec<(&'static str, &'static str)> = others
        .into_iter()
        .map(|b| (b.label.as_str(), b.description))
        .filter(|entry| !entries.contains(entry))
        .collect();
    if !elsewhere.is_empty() {
        entries.extend([("", ""), ("", ELSEWHERE)]);
        for entry in elsewhere {
            if !entries.contains(&entry) {
                entries.push(entry);
            }
        }
    }
    entries
}

/// The heading of help's second part.
pub const ELSEWHERE: &str = "Elsewhere in the wizard:";

/// The keys that send `msg` on the form (not in what opens over it), as labels write them: for
/// the hints the form shows.
pub fn keys_of(msg: &WizardMsg) -> &'static str {
    KEYS.iter()
        .filter(|b| ![QUESTION, CSV_PATH, PINNED].contains(&b.context))
        .find(|b| b.action.as_ref() == Some(&Action::Own(msg.clone())))
        .map_or("", |b| b.label.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every layer set the wizard can be in.
    fn places() -> Vec<Vec<Context>> {
        let review = [
            REVIEW_SUBMITS,
            REVIEW_RESUBMITS,
            REVIEW_BLOCKED,
            REVIEW_ON_PROBLEM,
        ]
        .map(|enter| vec![enter, REVIEW, NOT_TYPING, FORM, EVERYWHERE]);
        let mut places = vec![
            vec![QUESTION, NOT_TYPING, EVERYWHERE],
            vec![CSV_PATH, EVERYWHERE],
            vec![PINNED, NOT_TYPING, EVERYWHERE],
            vec![NUMBERS, EDITABLE, FIELD, FORM, EVERYWHERE],
        ];
        places.extend(review);
        for csr in [false, true] {
            for mut place in [
                vec![CHOICE, LINE_OR_CHOICE, FIELD, NOT_TYPING],
                vec![SECRET, LINE_OR_CHOICE, EDITABLE, FIELD],
                vec![LINE_OR_CHOICE, EDITABLE, FIELD],
            ] {
                if csr {
                    place.push(CSR_STEP);
                }
                place.extend([FORM, EVERYWHERE]);
                places.push(place);
            }
        }
        places
    }

    #[test]
    fn no_key_is_bound_twice_in_one_place() {
        for place in places() {
            assert_eq!(
                keymap::has_no_duplicate_in(KEYS, &place),
                Ok(()),
                "{place:?}"
            );
        }
    }

    #[test]
    fn every_line_of_the_table_is_in_force_somewhere() {
        let places = places();
        for binding in KEYS {
            assert!(
                places.iter().any(|p| p.contains(&binding.context)),
                "{:?} {:?} is never in force",
                binding.context,
                binding.label
            );
        }
    }
}
