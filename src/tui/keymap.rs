//! Key tables: each screen declares its bindings as data in its own module, mapping keys to its
//! own messages (or to an app-wide `Msg`: quit, help); the help screen and the footer are drawn
//! from the same tables, so what the screen says is what the keys do. This module holds the
//! table type and the bindings that are no screen's own: the global keys and the overlays (help,
//! notices, the quit question).

use super::msg::{Msg, Scroll};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where keys are read: the name of one part of a key table. Each screen names its own parts
/// (`impl Context { pub const … }` in its module), so adding a screen adds no line here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Context(pub &'static str);

#[allow(non_upper_case_globals)]
impl Context {
    /// Bindings that work everywhere.
    pub const Global: Context = Context("global");
    pub const Help: Context = Context("help");
    pub const Notices: Context = Context("notices");
    pub const ConfirmQuit: Context = Context("confirm quit");
    /// Esc (or back) on a screen that holds unsaved work: leave and lose it?
    pub const ConfirmLeave: Context = Context("confirm leave");

    /// The status message shown whole.
    pub const Message: Context = Context("message");
    /// A status message that does not fit its lines ends with the key that shows it whole:
    /// looked up before the screen's keys, and not listed in each screen's help.
    pub const Status: Context = Context("status message");

    /// What draws over every screen, with its keys in [`KEYMAP`].
    pub const OVERLAYS: [Context; 4] = [
        Context::Message,
        Context::Help,
        Context::ConfirmQuit,
        Context::ConfirmLeave,
    ];
}

/// One key: a code and whether Control is held (Shift is part of the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

pub const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

pub const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

/// What a key on a screen means: one of the screen's own messages, or an app-wide one for the
/// root (quit, help).
#[derive(Debug, Clone, PartialEq)]
pub enum Action<A> {
    Own(A),
    Global(Msg),
}

/// One line of a key table; `A` is what the keys mean (a screen's `Action`, or `Msg` for the
/// app-wide table).
pub struct Binding<A: 'static> {
    pub context: Context,
    pub keys: &'static [Key],
    /// How the keys are written on screen.
    pub label: &'static str,
    /// What the keys mean (none for a footer summary, which stands for other lines).
    pub action: Option<A>,
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
pub const fn help<A>(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    action: A,
    description: &'static str,
) -> Binding<A> {
    Binding {
        context,
        keys,
        label,
        action: Some(action),
        description,
        show: Show::Help,
        footer: "",
    }
}

/// A binding listed by `?` and in the footer (with shorter words).
pub const fn both<A>(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    action: A,
    description: &'static str,
    footer: &'static str,
) -> Binding<A> {
    Binding {
        context,
        keys,
        label,
        action: Some(action),
        description,
        show: Show::HelpAndFooter,
        footer,
    }
}

/// A footer entry standing for several bindings.
pub const fn summary<A>(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    footer: &'static str,
) -> Binding<A> {
    Binding {
        context,
        keys,
        label,
        action: None,
        description: footer,
        show: Show::FooterSummary,
        footer,
    }
}

use KeyCode::{Down, Enter, Esc, F, PageDown, PageUp, Up};

/// The keys that are no screen's own: everywhere, and the overlays.
#[rustfmt::skip]
pub static KEYMAP: &[Binding<Msg>] = &[
    help(Context::Global, &[ctrl('c')], "Ctrl-C", Msg::Interrupt, "Quit from anywhere"),
    help(Context::Global, &[key(F(1))], "F1", Msg::ToggleHelp, "Help: every key here (also inside text fields)"),
    help(Context::Status, &[key(F(2))], "F2", Msg::ShowMessage, "The whole status message (a cut one says so)"),
    both(Context::Message, &[key(Esc), key(Enter), key(F(2))], "Enter/Esc", Msg::CloseMessage, "Close the message", "Close"),
    summary(Context::Help, &[key(Down), key(Up), ch('j'), ch('k'), key(PageDown), key(PageUp)], "↑↓/PgDn", "Scroll"),
    help(Context::Help, &[key(Down), ch('j')], "↓/j", Msg::ScrollHelp(Scroll::Down), "Scroll help down"),
    help(Context::Help, &[key(Up), ch('k')], "↑/k", Msg::ScrollHelp(Scroll::Up), "Scroll help up"),
    help(Context::Help, &[key(PageDown)], "PgDn", Msg::ScrollHelp(Scroll::PageDown), "One page of help down"),
    help(Context::Help, &[key(PageUp)], "PgUp", Msg::ScrollHelp(Scroll::PageUp), "One page of help up"),
    both(Context::Help, &[key(Esc), ch('?'), ch('q'), key(F(1))], "Esc/?", Msg::ToggleHelp, "Close help", "Close"),
    help(Context::Notices, &[ctrl('n')], "Ctrl-N", Msg::DismissNotices, "Dismiss the store's notices (shown above the screen; other keys still reach the screen)"),
    both(Context::ConfirmQuit, &[ch('s')], "s", Msg::SaveAndQuit, "Save the edits, then quit", "Save and quit"),
    both(Context::ConfirmQuit, &[ch('y'), ctrl('c')], "y", Msg::ConfirmQuit, "Quit and lose the unsaved edits", "Quit, lose edits"),
    both(Context::ConfirmQuit, &[ch('n'), key(Esc)], "n/Esc", Msg::CancelQuit, "Stay", "Stay"),
    both(Context::ConfirmLeave, &[ch('y')], "y", Msg::ConfirmLeave, "Leave and lose what is not saved", "Leave, lose it"),
    both(Context::ConfirmLeave, &[ch('n'), key(Esc)], "n/Esc", Msg::CancelLeave, "Stay, keep it", "Stay"),
    help(Context::ConfirmLeave, &[ctrl('c')], "Ctrl-C", Msg::Interrupt, "Quit from anywhere"),
];

/// The key as the tables name it, unless it is a release or Alt is held (never bound).
fn pressed(event: &KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release || event.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    Some(Key {
        code: event.code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
    })
}

/// What a key means in one context of a table (summaries are not looked up).
fn find<A: Clone>(table: &'static [Binding<A>], context: Context, event: &KeyEvent) -> Option<A> {
    let pressed = pressed(event)?;
    bindings(table, context)
        .find(|b| b.keys.contains(&pressed) && !is_summary(b))
        .and_then(|b| b.action.clone())
}

/// What a key means in a context of the app-wide table (the overlays, the global keys).
pub fn lookup_global(context: Context, event: &KeyEvent) -> Option<Msg> {
    find(KEYMAP, context, event)
}

/// What a key means in a context of a screen's table: its own bindings, then the global ones.
pub fn lookup<A: Clone>(
    table: &'static [Binding<Action<A>>],
    context: Context,
    event: &KeyEvent,
) -> Option<Action<A>> {
    find(table, context, event)
        .or_else(|| lookup_global(Context::Global, event).map(Action::Global))
}

fn is_summary<A>(b: &Binding<A>) -> bool {
    b.show == Show::FooterSummary
}

/// Every binding of one context of a table, in table order.
pub fn bindings<A>(
    table: &'static [Binding<A>],
    context: Context,
) -> impl Iterator<Item = &'static Binding<A>> {
    table.iter().filter(move |b| b.context == context)
}

/// What `?` lists for a context: every binding there, then the global ones, as (keys, words).
pub fn help_entries<A>(
    table: &'static [Binding<A>],
    context: Context,
) -> Vec<(&'static str, &'static str)> {
    bindings(table, context)
        .filter(|b| !is_summary(b))
        .map(|b| (b.label, b.description))
        .chain(bindings(KEYMAP, Context::Global).map(|b| (b.label, b.description)))
        .collect()
}

/// The bindings the footer shows for a context, in table order.
pub fn footer_bindings<A>(
    table: &'static [Binding<A>],
    context: Context,
) -> impl Iterator<Item = &'static Binding<A>> {
    bindings(table, context).filter(|b| b.show != Show::Help)
}

/// Whether no key is bound twice in one context of a table (a test runs it on every table).
pub fn has_no_duplicate<A>(table: &'static [Binding<A>]) -> Result<(), String> {
    for b in table.iter().filter(|b| !is_summary(b)) {
        for other in table
            .iter()
            .filter(|o| !is_summary(o) && o.context == b.context)
        {
            if std::ptr::eq(b, other) {
                continue;
            }
            if let Some(k) = b.keys.iter().find(|k| other.keys.contains(k)) {
                return Err(format!("{:?} {:?} twice", b.context, k));
            }
        }
    }
    Ok(())
}

/// The columns one footer entry takes ("key words" and two spaces).
pub fn footer_piece((key, words): &(&str, &str)) -> usize {
    use unicode_width::UnicodeWidthStr;
    key.width() + 1 + words.width() + 2
}

/// Whether every entry fits a footer this wide (the last one's two spaces may be cut).
pub fn footer_fits(entries: &[(&str, &str)], width: u16) -> bool {
    entries.iter().map(footer_piece).sum::<usize>() <= usize::from(width) + 2
}
