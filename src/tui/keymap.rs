//! The one table of keys: it turns key events into `Msg`, and the help screen and the footer are
//! drawn from it, so what the screen says is what the keys do.

use super::app::Context;
use super::msg::Msg;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One key: a code and whether Control is held (Shift is part of the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    /// How the keys are written on screen.
    pub label: &'static str,
    pub msg: Msg,
    pub description: &'static str,
    pub show: Show,
    /// The footer's words (empty when not in the footer).
    pub footer: &'static str,
}

/// Where a binding is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// In the help screen only.
    Help,
    /// In the help screen and the footer.
    HelpAndFooter,
    /// A footer summary of several bindings listed one by one in help ("↑↓ Move"); keys are
    /// not looked up here.
    FooterSummary,
}

/// A binding listed by `?` only.
const fn help(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    msg: Msg,
    description: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        label,
        msg,
        description,
        show: Show::Help,
        footer: "",
    }
}

/// A binding listed by `?` and in the footer (with shorter words).
const fn both(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    msg: Msg,
    description: &'static str,
    footer: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        label,
        msg,
        description,
        show: Show::HelpAndFooter,
        footer,
    }
}

/// A footer entry standing for several bindings.
const fn summary(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    footer: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        label,
        msg: Msg::MoveDown,
        description: footer,
        show: Show::FooterSummary,
        footer,
    }
}

use super::msg::ExportMsg as E;
use super::msg::RespondMsg as R;
use crate::domain::export::Format;
use Context::{
    Assist, ConfirmQuit, ExportFormat, ExportPath, ExportReplace, FilterEditing, Global, Help,
    History, Notices, OrderPage, RespondChoose, RespondConfirm, RespondInput, RespondList,
    RespondTextArea, Welcome,
};
use KeyCode::{BackTab, Backspace, Down, End, Enter, Esc, F, Home, PageDown, PageUp, Tab, Up};

#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    help(Global, &[ctrl('c')], "Ctrl-C", Msg::Interrupt, "Quit from anywhere"),
    help(Global, &[key(F(1))], "F1", Msg::ToggleHelp, "Help: every key here (also inside text fields)"),
    // The welcome screen.
    both(Welcome, &[ch('n')], "n", Msg::OpenWizard { order_id: None }, "Start a new port order", "New order"),
    both(Welcome, &[ch('d')], "d", Msg::LoadDemo, "Load the demo orders into this store", "Load demo"),
    both(Welcome, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    both(Welcome, &[ch('q')], "q", Msg::Quit, "Quit", "Quit"),
    // The order history.
    summary(History, &[ch('j'), key(Down), ch('k'), key(Up)], "↑↓", "Move"),
    help(History, &[ch('j'), key(Down)], "↓/j", Msg::MoveDown, "Next order"),
    help(History, &[ch('k'), key(Up)], "↑/k", Msg::MoveUp, "Previous order"),
    help(History, &[key(PageDown)], "PgDn", Msg::PageDown, "One page down"),
    help(History, &[key(PageUp)], "PgUp", Msg::PageUp, "One page up"),
    help(History, &[ch('g'), key(Home)], "g/Home", Msg::Top, "First order"),
    help(History, &[ch('G'), key(End)], "G/End", Msg::Bottom, "Last order"),
    both(History, &[key(Enter)], "Enter", Msg::Open, "Open the selected order", "Open"),
    both(History, &[ch('/')], "/", Msg::StartFilter, "Filter by name, carrier, number or id", "Filter"),
    both(History, &[ch('f')], "f", Msg::CycleStatusFilter, "Show one status (All, Waiting on you, each status)", "Status"),
    both(History, &[ch('s')], "s", Msg::CycleSort, "Sort by the next column", "Sort"),
    help(History, &[ch('S')], "S", Msg::ReverseSort, "Reverse the sort"),
    both(History, &[ch('n')], "n", Msg::OpenWizard { order_id: None }, "New order", "New"),
    help(History, &[key(Esc)], "Esc", Msg::Back, "Clear the filter"),
    both(History, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    both(History, &[ch('q')], "q", Msg::Quit, "Quit", "Quit"),
    // Typing the filter.
    both(FilterEditing, &[key(Enter)], "Enter", Msg::FilterAccept, "Keep the filter, back to the list", "Keep"),
    both(FilterEditing, &[key(Esc)], "Esc", Msg::FilterCancel, "Clear the filter, back to the list", "Clear"),
    both(FilterEditing, &[key(Backspace)], "Backspace", Msg::FilterBackspace, "Delete a character", "Delete"),
    both(FilterEditing, &[ctrl('u')], "Ctrl-U", Msg::FilterClear, "Clear the text", "Clear text"),
    // An order's page.
    summary(OrderPage, &[ch('j'), key(Down), ch('k'), key(Up)], "↑↓", "Scroll"),
    help(OrderPage, &[ch('j'), key(Down)], "↓/j", Msg::MoveDown, "Scroll down"),
    help(OrderPage, &[ch('k'), key(Up)], "↑/k", Msg::MoveUp, "Scroll up"),
    help(OrderPage, &[key(PageDown)], "PgDn", Msg::PageDown, "One page down"),
    help(OrderPage, &[key(PageUp)], "PgUp", Msg::PageUp, "One page up"),
    help(OrderPage, &[ch('g'), key(Home)], "g/Home", Msg::Top, "Top of the page"),
    help(OrderPage, &[ch('G'), key(End)], "G/End", Msg::Bottom, "End of the page"),
    both(OrderPage, &[ch('u')], "u", Msg::UpdateOrder, "Update a rejected order (or edit a draft) in the wizard", "Update"),
    both(OrderPage, &[ch('r')], "r", Msg::OpenRespond, "Record the carrier's answer: rejection, FOC, completion, support, cancellation", "Response"),
    both(OrderPage, &[ch('a')], "a", Msg::OpenAssist, "Request assistance: the Phone number Service Center and the order's ticket", "Assist"),
    both(OrderPage, &[ch('e')], "e", Msg::OpenExport, "Export to a file: summary, LOA, CSV of numbers, JSON", "Export"),
    both(OrderPage, &[key(Esc)], "Esc", Msg::Back, "Back to the order history", "Back"),
    both(OrderPage, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    both(OrderPage, &[ch('q')], "q", Msg::Quit, "Quit", "Quit"),
    // The response dialog: choosing the answer.
    summary(RespondChoose, &[ch('j'), key(Down), ch('k'), key(Up)], "↑↓", "Move"),
    help(RespondChoose, &[ch('j'), key(Down)], "↓/j", Msg::Respond(R::Down), "Next answer"),
    help(RespondChoose, &[ch('k'), key(Up)], "↑/k", Msg::Respond(R::Up), "Previous answer"),
    both(RespondChoose, &[key(Enter)], "Enter", Msg::Respond(R::Enter), "Record this answer", "Choose"),
    both(RespondChoose, &[key(Esc)], "Esc", Msg::Respond(R::Back), "Back to the order's page", "Back"),
    both(RespondChoose, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    // The response dialog: the multi-line box (letters, Enter and arrows edit the text).
    both(RespondTextArea, &[key(Tab)], "Tab", Msg::Respond(R::NextFocus), "To the fields to fix", "Fields"),
    help(RespondTextArea, &[key(BackTab)], "Shift-Tab", Msg::Respond(R::PrevFocus), "To the fields to fix (from the bottom)"),
    both(RespondTextArea, &[ctrl('s')], "Ctrl-S", Msg::Respond(R::Save), "Record the rejection with the ticked fields", "Save"),
    both(RespondTextArea, &[key(Esc)], "Esc", Msg::Respond(R::Back), "Back to the choice of answers (the text is dropped)", "Back"),
    // The response dialog: a one-line input.
    both(RespondInput, &[key(Enter), key(Tab)], "Enter/Tab", Msg::Respond(R::NextFocus), "Next", "Next"),
    help(RespondInput, &[key(BackTab)], "Shift-Tab", Msg::Respond(R::PrevFocus), "Previous"),
    both(RespondInput, &[ctrl('s')], "Ctrl-S", Msg::Respond(R::Save), "Record the answer", "Save"),
    both(RespondInput, &[key(Esc)], "Esc", Msg::Respond(R::Back), "Back to the choice of answers", "Back"),
    // The response dialog: a checklist, a list of scenarios, the Save row.
    summary(RespondList, &[ch('j'), key(Down), ch('k'), key(Up)], "↑↓", "Move"),
    help(RespondList, &[ch('j'), key(Down)], "↓/j", Msg::Respond(R::Down), "Next row"),
    help(RespondList, &[ch('k'), key(Up)], "↑/k", Msg::Respond(R::Up), "Previous row"),
    both(RespondList, &[ch(' ')], "Space", Msg::Respond(R::Toggle), "Tick or untick the field; choose the scenario", "Tick"),
    both(RespondList, &[key(Enter)], "Enter", Msg::Respond(R::Enter), "Next; on the Save row, record the answer", "Next/Save"),
    help(RespondList, &[key(Tab)], "Tab", Msg::Respond(R::NextFocus), "Next part of the form"),
    help(RespondList, &[key(BackTab)], "Shift-Tab", Msg::Respond(R::PrevFocus), "Previous part of the form"),
    both(RespondList, &[ctrl('s')], "Ctrl-S", Msg::Respond(R::Save), "Record the answer", "Save"),
    both(RespondList, &[key(Esc)], "Esc", Msg::Respond(R::Back), "Back to the choice of answers", "Back"),
    both(RespondList, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    // The response dialog: confirming a completion or a cancellation.
    both(RespondConfirm, &[ch('y')], "y", Msg::Respond(R::Confirm), "Yes, record it", "Yes"),
    both(RespondConfirm, &[ch('n'), key(Esc)], "n/Esc", Msg::Respond(R::Back), "No, back to the choice of answers", "No"),
    // Request assistance (the ticket input has the focus: letters type).
    both(Assist, &[key(Enter)], "Enter", Msg::SaveTicket, "Record the ticket id or link on the order", "Record ticket"),
    help(Assist, &[ctrl('u')], "Ctrl-U", Msg::Edit(crossterm::event::KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)), "Clear the input"),
    both(Assist, &[key(Esc)], "Esc", Msg::Back, "Back to the order's page", "Back"),
    // The export dialog: choosing the format (j is JSON here: ↑↓ move).
    summary(ExportFormat, &[key(Down), key(Up)], "↑↓", "Move"),
    help(ExportFormat, &[key(Down)], "↓", Msg::Export(E::Down), "Next format"),
    help(ExportFormat, &[key(Up)], "↑", Msg::Export(E::Up), "Previous format"),
    both(ExportFormat, &[key(Enter)], "Enter", Msg::Export(E::Enter), "Export in the format under the cursor: on to the file name", "Choose"),
    summary(ExportFormat, &[ch('t'), ch('l'), ch('p'), ch('c'), ch('j')], "t/l/p/c/j", "Format"),
    help(ExportFormat, &[ch('t')], "t", Msg::Export(E::Pick(Format::Text)), "Text summary: to read, paste or e-mail to the carrier"),
    help(ExportFormat, &[ch('l')], "l", Msg::Export(E::Pick(Format::Loa)), "LOA: the Letter of Authorization to sign"),
    help(ExportFormat, &[ch('p')], "p", Msg::Export(E::Pick(Format::LoaPdf)), "LOA as PDF: the same letter, to print or upload"),
    help(ExportFormat, &[ch('c')], "c", Msg::Export(E::Pick(Format::Csv)), "CSV of numbers, as Teams imports them"),
    help(ExportFormat, &[ch('j')], "j", Msg::Export(E::Pick(Format::Json)), "JSON fields document: `portwiz import` reads it back"),
    both(ExportFormat, &[key(Esc)], "Esc", Msg::Export(E::Back), "Cancel: back to the order's page", "Cancel"),
    both(ExportFormat, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    // The export dialog: the path input (letters type).
    both(ExportPath, &[key(Enter)], "Enter", Msg::Export(E::Enter), "Write the file (asks before replacing one)", "Export"),
    both(ExportPath, &[ctrl('p')], "Ctrl-P", Msg::Export(E::TogglePin), "Put the PIN in the file, or leave it out (JSON and text only)", "PIN"),
    help(ExportPath, &[ctrl('u')], "Ctrl-U", Msg::Edit(crossterm::event::KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)), "Clear the path"),
    both(ExportPath, &[key(Esc)], "Esc", Msg::Export(E::Back), "Back to the choice of format", "Back"),
    // The export dialog: the file exists.
    both(ExportReplace, &[ch('y')], "y", Msg::Export(E::Confirm), "Yes, replace the file", "Replace"),
    both(ExportReplace, &[ch('n'), key(Esc)], "n/Esc", Msg::Export(E::Back), "No, back to the path to choose another", "No"),
    // Overlays.
    both(Help, &[key(Esc), ch('?'), ch('q'), key(F(1))], "Esc/?", Msg::ToggleHelp, "Close help", "Close"),
    both(Notices, &[key(Esc), key(Enter)], "Enter/Esc", Msg::DismissNotices, "Dismiss these notices", "Dismiss"),
    both(ConfirmQuit, &[ch('s')], "s", Msg::SaveAndQuit, "Save the edits, then quit", "Save and quit"),
    both(ConfirmQuit, &[ch('y'), ctrl('c')], "y", Msg::ConfirmQuit, "Quit and lose the unsaved edits", "Quit, lose edits"),
    both(ConfirmQuit, &[ch('n'), key(Esc)], "n/Esc", Msg::CancelQuit, "Stay", "Stay"),
];

/// The `Msg` a key means in a context (its own bindings, then the global ones).
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Msg> {
    if event.kind == KeyEventKind::Release || event.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let pressed = Key {
        code: event.code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
    };
    [context, Context::Global].into_iter().find_map(|ctx| {
        bindings(ctx)
            .find(|b| b.keys.contains(&pressed) && !is_summary(b))
            .map(|b| b.msg.clone())
    })
}

fn is_summary(b: &Binding) -> bool {
    b.show == Show::FooterSummary
}

/// Every binding of one context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.context == context)
}

/// What `?` lists for a context: every binding there, then the global ones, as (keys, words).
pub fn help_entries(context: Context) -> Vec<(&'static str, &'static str)> {
    bindings(context)
        .chain(bindings(Context::Global))
        .filter(|b| !is_summary(b))
        .map(|b| (b.label, b.description))
        .collect()
}

/// What the footer shows for a context, as (keys, words).
pub fn footer_entries(context: Context) -> Vec<(&'static str, &'static str)> {
    footer_bindings(context)
        .map(|b| (b.label, b.footer))
        .collect()
}

/// The bindings the footer shows for a context, in table order.
pub fn footer_bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    bindings(context).filter(|b| b.show != Show::Help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_map_to_messages_by_context() {
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(lookup(Context::History, &j), Some(Msg::MoveDown));
        let up = press(KeyCode::Up, KeyModifiers::NONE);
        assert_eq!(lookup(Context::History, &up), Some(Msg::MoveUp));
        let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Context::History, &big_g), Some(Msg::Bottom));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Context::Wizard, &ctrl_c), Some(Msg::Interrupt));
        let plain_c = press(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(lookup(Context::History, &plain_c), None);
        let u = press(KeyCode::Char('u'), KeyModifiers::NONE);
        assert_eq!(lookup(Context::History, &u), None);
        assert_eq!(lookup(Context::OrderPage, &u), Some(Msg::UpdateOrder));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for b in KEYMAP.iter().filter(|b| !is_summary(b)) {
            for other in KEYMAP
                .iter()
                .filter(|o| !is_summary(o) && o.context == b.context)
            {
                if std::ptr::eq(b, other) {
                    continue;
                }
                for k in b.keys {
                    assert!(!other.keys.contains(k), "{:?} {:?} twice", b.context, k);
                }
            }
        }
    }

    #[test]
    fn footer_and_help_come_from_the_table() {
        let footer = footer_entries(Context::History);
        assert!(footer.contains(&("/", "Filter")));
        assert!(footer.contains(&("?", "Help")));
        let help = help_entries(Context::OrderPage);
        assert!(help.iter().any(|(k, _)| *k == "u"));
        assert!(help.iter().any(|(k, _)| *k == "Ctrl-C"));
    }
}
