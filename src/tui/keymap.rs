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

macro_rules! bind {
    ($ctx:ident, [$($k:expr),+], $label:literal, $msg:expr, $desc:literal, footer) => {
        Binding { context: Context::$ctx, keys: &[$($k),+], label: $label, msg: $msg, description: $desc, show: Show::HelpAndFooter }
    };
    ($ctx:ident, [$($k:expr),+], $label:literal, $msg:expr, $desc:literal, summary) => {
        Binding { context: Context::$ctx, keys: &[$($k),+], label: $label, msg: $msg, description: $desc, show: Show::FooterSummary }
    };
    ($ctx:ident, [$($k:expr),+], $label:literal, $msg:expr, $desc:literal) => {
        Binding { context: Context::$ctx, keys: &[$($k),+], label: $label, msg: $msg, description: $desc, show: Show::Help }
    };
}

use KeyCode::{Backspace, Down, End, Enter, Esc, Home, PageDown, PageUp, Up};

pub static KEYMAP: &[Binding] = &[
    bind!(
        Global,
        [ctrl('c')],
        "Ctrl-C",
        Msg::Interrupt,
        "Quit from anywhere"
    ),
    // The welcome screen.
    bind!(
        Welcome,
        [ch('n')],
        "n",
        Msg::OpenWizard { order_id: None },
        "Start a new port order",
        footer
    ),
    bind!(
        Welcome,
        [ch('d')],
        "d",
        Msg::LoadDemo,
        "Load the demo orders into this store",
        footer
    ),
    bind!(
        Welcome,
        [ch('?')],
        "?",
        Msg::ToggleHelp,
        "Help: every key here",
        footer
    ),
    bind!(Welcome, [ch('q')], "q", Msg::Quit, "Quit", footer),
    // The order history.
    bind!(
        History,
        [ch('j'), key(Down)],
        "↓/j",
        Msg::MoveDown,
        "Next order"
    ),
    bind!(
        History,
        [ch('k'), key(Up)],
        "↑/k",
        Msg::MoveUp,
        "Previous order"
    ),
    bind!(
        History,
        [ch('j'), key(Down), ch('k'), key(Up)],
        "↑↓",
        Msg::MoveDown,
        "Move",
        summary
    ),
    bind!(
        History,
        [key(PageDown)],
        "PgDn",
        Msg::PageDown,
        "One page down"
    ),
    bind!(History, [key(PageUp)], "PgUp", Msg::PageUp, "One page up"),
    bind!(
        History,
        [ch('g'), key(Home)],
        "g/Home",
        Msg::Top,
        "First order"
    ),
    bind!(
        History,
        [ch('G'), key(End)],
        "G/End",
        Msg::Bottom,
        "Last order"
    ),
    bind!(
        History,
        [key(Enter)],
        "Enter",
        Msg::Open,
        "Open the selected order",
        footer
    ),
    bind!(
        History,
        [ch('/')],
        "/",
        Msg::StartFilter,
        "Filter by name, carrier, number or id",
        footer
    ),
    bind!(
        History,
        [ch('f')],
        "f",
        Msg::CycleStatusFilter,
        "Show one status (All, Waiting on you, each status)",
        footer
    ),
    bind!(
        History,
        [ch('s')],
        "s",
        Msg::CycleSort,
        "Sort by the next column",
        footer
    ),
    bind!(
        History,
        [ch('S')],
        "S",
        Msg::ReverseSort,
        "Reverse the sort"
    ),
    bind!(
        History,
        [ch('n')],
        "n",
        Msg::OpenWizard { order_id: None },
        "New order",
        footer
    ),
    bind!(History, [key(Esc)], "Esc", Msg::Back, "Clear the filter"),
    bind!(
        History,
        [ch('?')],
        "?",
        Msg::ToggleHelp,
        "Help: every key here",
        footer
    ),
    bind!(History, [ch('q')], "q", Msg::Quit, "Quit", footer),
    // Typing the filter.
    bind!(
        FilterEditing,
        [key(Enter)],
        "Enter",
        Msg::FilterAccept,
        "Keep the filter, back to the list",
        footer
    ),
    bind!(
        FilterEditing,
        [key(Esc)],
        "Esc",
        Msg::FilterCancel,
        "Clear the filter",
        footer
    ),
    bind!(
        FilterEditing,
        [key(Backspace)],
        "Backspace",
        Msg::FilterBackspace,
        "Delete a character",
        footer
    ),
    bind!(
        FilterEditing,
        [ctrl('u')],
        "Ctrl-U",
        Msg::FilterClear,
        "Clear the text",
        footer
    ),
    // An order's page.
    bind!(
        OrderPage,
        [ch('j'), key(Down)],
        "↓/j",
        Msg::MoveDown,
        "Scroll down"
    ),
    bind!(
        OrderPage,
        [ch('k'), key(Up)],
        "↑/k",
        Msg::MoveUp,
        "Scroll up"
    ),
    bind!(
        OrderPage,
        [ch('j'), key(Down), ch('k'), key(Up)],
        "↑↓",
        Msg::MoveDown,
        "Scroll",
        summary
    ),
    bind!(
        OrderPage,
        [key(PageDown)],
        "PgDn",
        Msg::PageDown,
        "One page down"
    ),
    bind!(OrderPage, [key(PageUp)], "PgUp", Msg::PageUp, "One page up"),
    bind!(
        OrderPage,
        [ch('g'), key(Home)],
        "g/Home",
        Msg::Top,
        "Top of the page"
    ),
    bind!(
        OrderPage,
        [ch('G'), key(End)],
        "G/End",
        Msg::Bottom,
        "End of the page"
    ),
    bind!(
        OrderPage,
        [ch('u')],
        "u",
        Msg::UpdateOrder,
        "Update a rejected order (or edit a draft) in the wizard",
        footer
    ),
    bind!(
        OrderPage,
        [key(Esc)],
        "Esc",
        Msg::Back,
        "Back to the order history",
        footer
    ),
    bind!(
        OrderPage,
        [ch('?')],
        "?",
        Msg::ToggleHelp,
        "Help: every key here",
        footer
    ),
    bind!(OrderPage, [ch('q')], "q", Msg::Quit, "Quit", footer),
    // Overlays.
    bind!(
        Help,
        [key(Esc), ch('?'), ch('q')],
        "Esc/?",
        Msg::ToggleHelp,
        "Close help",
        footer
    ),
    bind!(
        Notices,
        [key(Esc), key(Enter)],
        "Enter/Esc",
        Msg::DismissNotices,
        "Dismiss these notices",
        footer
    ),
    bind!(
        ConfirmQuit,
        [ch('y'), ctrl('c')],
        "y",
        Msg::ConfirmQuit,
        "Quit and lose the unsaved edits",
        footer
    ),
    bind!(
        ConfirmQuit,
        [ch('n'), key(Esc)],
        "n/Esc",
        Msg::CancelQuit,
        "Stay",
        footer
    ),
];

/// The `Msg` a key means in a context (its own bindings, then the global ones).
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Msg> {
    if event.kind == KeyEventKind::Release {
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
    bindings(context)
        .filter(|b| b.show != Show::Help)
        .map(|b| (b.label, short(b.description)))
        .collect()
}

/// The footer's words: the description up to its first colon or parenthesis.
fn short(description: &'static str) -> &'static str {
    let end = description.find([':', '(']).unwrap_or(description.len());
    description[..end].trim_end()
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
        assert!(footer.contains(&("/", "Filter by name, carrier, number or id")));
        assert!(footer.contains(&("?", "Help")));
        let help = help_entries(Context::OrderPage);
        assert!(help.iter().any(|(k, _)| *k == "u"));
        assert!(help.iter().any(|(k, _)| *k == "Ctrl-C"));
    }
}
