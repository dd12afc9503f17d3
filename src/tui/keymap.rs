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

/// One key: a code and whether Control is held (Shift is part of the character for letters),
/// and whether the binding's label names it.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    /// Named in the binding's label (`false`: it works too, unnamed, such as `Y` beside `y`).
    pub named: bool,
}

/// A key is the same key whether a label names it or not.
impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.code == other.code && self.ctrl == other.ctrl
    }
}

impl Eq for Key {}

pub const fn key(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        named: true,
    }
}

pub const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
        named: true,
    }
}

impl Key {
    /// The key works too, but the label does not name it (an upper-case twin, a second way out).
    pub const fn also(self) -> Key {
        Key {
            named: false,
            ..self
        }
    }
}

/// How keys are written on screen, made from the keys themselves when a table is built (as
/// helix labels its keymap): `↓/j`, `Ctrl-S`, `PgDn`; an arrow and its opposite next to each
/// other are written together (`↑↓`, `←→`).
#[derive(Clone, Copy)]
pub struct Label {
    bytes: [u8; Label::CAPACITY],
    len: usize,
}

impl Label {
    /// Bytes a label holds (a longer one fails to compile).
    const CAPACITY: usize = 48;

    /// The label of the named keys, in the table's order.
    pub const fn of(keys: &[Key]) -> Label {
        let mut label = Label {
            bytes: [0; Label::CAPACITY],
            len: 0,
        };
        let mut i = 0;
        let mut previous: Option<KeyCode> = None;
        while i < keys.len() {
            let k = keys[i];
            i += 1;
            if !k.named {
                continue;
            }
            let paired = matches!(
                (previous, k.code, k.ctrl),
                (Some(KeyCode::Up), KeyCode::Down, false)
                    | (Some(KeyCode::Down), KeyCode::Up, false)
                    | (Some(KeyCode::Left), KeyCode::Right, false)
                    | (Some(KeyCode::Right), KeyCode::Left, false)
            );
            if label.len > 0 && !paired {
                label = label.push("/");
            }
            label = label.name(k);
            previous = if paired || k.ctrl { None } else { Some(k.code) };
        }
        label
    }

    const fn name(self, k: Key) -> Label {
        if k.ctrl {
            return match k.code {
                KeyCode::Char(c) => self.push("Ctrl-").push_char(c.to_ascii_uppercase()),
                _ => self.push("Ctrl-?"),
            };
        }
        match k.code {
            KeyCode::Char(' ') => self.push("Space"),
            KeyCode::Char(c) => self.push_char(c),
            KeyCode::Up => self.push("↑"),
            KeyCode::Down => self.push("↓"),
            KeyCode::Left => self.push("←"),
            KeyCode::Right => self.push("→"),
            KeyCode::PageUp => self.push("PgUp"),
            KeyCode::PageDown => self.push("PgDn"),
            KeyCode::Home => self.push("Home"),
            KeyCode::End => self.push("End"),
            KeyCode::Enter => self.push("Enter"),
            KeyCode::Esc => self.push("Esc"),
            KeyCode::Tab => self.push("Tab"),
            KeyCode::BackTab => self.push("Shift-Tab"),
            KeyCode::Backspace => self.push("Backspace"),
            KeyCode::Delete => self.push("Del"),
            KeyCode::F(n) if n < 10 => self.push("F").push_char((b'0' + n) as char),
            KeyCode::F(n) => self.push("F1").push_char((b'0' + n % 10) as char),
            _ => self.push("?"),
        }
    }

    const fn push(mut self, text: &str) -> Label {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            self.bytes[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    const fn push_char(self, c: char) -> Label {
        let mut utf8 = [0; 4];
        let text: &str = c.encode_utf8(&mut utf8);
        self.push(text)
    }

    pub fn as_str(&self) -> &str {
        let (text, _) = self.bytes.split_at(self.len);
        // Made of whole `&str`s and chars only, so always UTF-8.
        std::str::from_utf8(text).unwrap_or("?")
    }
}

impl std::fmt::Debug for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
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
    /// How the keys are written on screen: their names ([`Label::of`]).
    pub label: Label,
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

/// One line of a table, whatever shows it ([`help`], [`both`] and [`summary`] are this with
/// fewer words).
pub const fn binding<A>(
    context: Context,
    keys: &'static [Key],
    action: Option<A>,
    description: &'static str,
    show: Show,
    footer: &'static str,
) -> Binding<A> {
    Binding {
        context,
        keys,
        label: Label::of(keys),
        action,
        description,
        show,
        footer,
    }
}

/// A binding listed by `?` only.
pub const fn help<A>(
    context: Context,
    keys: &'static [Key],
    action: A,
    description: &'static str,
) -> Binding<A> {
    binding(context, keys, Some(action), description, Show::Help, "")
}

/// A binding listed by `?` and in the footer (with shorter words).
pub const fn both<A>(
    context: Context,
    keys: &'static [Key],
    action: A,
    description: &'static str,
    footer: &'static str,
) -> Binding<A> {
    binding(
        context,
        keys,
        Some(action),
        description,
        Show::HelpAndFooter,
        footer,
    )
}

/// A footer entry standing for several bindings.
pub const fn summary<A>(
    context: Context,
    keys: &'static [Key],
    footer: &'static str,
) -> Binding<A> {
    binding(context, keys, None, footer, Show::FooterSummary, footer)
}

use KeyCode::{Down, Enter, Esc, F, PageDown, PageUp, Up};

/// The keys that are no screen's own: everywhere, and the overlays.
#[rustfmt::skip]
pub static KEYMAP: &[Binding<Msg>] = &[
    help(Context::Global, &[ctrl('c')], Msg::Interrupt, "Quit from anywhere"),
    help(Context::Global, &[key(F(1))], Msg::ToggleHelp, "Help: every key here (also inside text fields)"),
    help(Context::Status, &[key(F(2))], Msg::ShowMessage, "The whole status message (a cut one says so)"),
    both(Context::Message, &[key(Enter), key(Esc), key(F(2)).also()], Msg::CloseMessage, "Close the message", "Close"),
    summary(Context::Help, &[key(Up), key(Down), key(PageDown), ch('j').also(), ch('k').also(), key(PageUp).also()], "Scroll"),
    help(Context::Help, &[key(Down), ch('j')], Msg::ScrollHelp(Scroll::Down), "Scroll help down"),
    help(Context::Help, &[key(Up), ch('k')], Msg::ScrollHelp(Scroll::Up), "Scroll help up"),
    help(Context::Help, &[key(PageDown)], Msg::ScrollHelp(Scroll::PageDown), "One page of help down"),
    help(Context::Help, &[key(PageUp)], Msg::ScrollHelp(Scroll::PageUp), "One page of help up"),
    both(Context::Help, &[key(Esc), ch('?'), ch('q').also(), key(F(1)).also()], Msg::ToggleHelp, "Close help", "Close"),
    help(Context::Notices, &[ctrl('n')], Msg::DismissNotices, "Dismiss the store's notices (shown above the screen; other keys still reach the screen)"),
    both(Context::ConfirmQuit, &[ch('s')], Msg::SaveAndQuit, "Save the edits, then quit", "Save and quit"),
    both(Context::ConfirmQuit, &[ch('y'), ctrl('c').also()], Msg::ConfirmQuit, "Quit and lose the unsaved edits", "Quit, lose edits"),
    both(Context::ConfirmQuit, &[ch('n'), key(Esc)], Msg::CancelQuit, "Stay", "Stay"),
    both(Context::ConfirmLeave, &[ch('y')], Msg::ConfirmLeave, "Leave and lose what is not saved", "Leave, lose it"),
    both(Context::ConfirmLeave, &[ch('n'), key(Esc)], Msg::CancelLeave, "Stay, keep it", "Stay"),
    help(Context::ConfirmLeave, &[ctrl('c')], Msg::Interrupt, "Quit from anywhere"),
];

/// The key as the tables name it, unless it is a release or Alt is held (never bound). Some
/// terminals send Ctrl-letters upper-cased: they are the lower-case ones.
fn pressed(event: &KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release || event.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let code = match event.code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some(Key {
        code,
        ctrl,
        named: true,
    })
}

/// What a key means in the given contexts of a table (summaries are not looked up).
fn find<A: Clone>(
    table: &'static [Binding<A>],
    contexts: &[Context],
    event: &KeyEvent,
) -> Option<A> {
    let pressed = pressed(event)?;
    bindings(table, contexts)
        .find(|b| b.keys.contains(&pressed) && !is_summary(b))
        .and_then(|b| b.action.clone())
}

/// What a key means in a context of the app-wide table (the overlays, the global keys).
pub fn lookup_global(context: Context, event: &KeyEvent) -> Option<Msg> {
    find(KEYMAP, &[context], event)
}

/// What a key means in the contexts of a screen's table in force (most often one; the wizard
/// layers several): its own bindings, then the global ones.
pub fn lookup<A: Clone>(
    table: &'static [Binding<Action<A>>],
    contexts: &[Context],
    event: &KeyEvent,
) -> Option<Action<A>> {
    find(table, contexts, event)
        .or_else(|| lookup_global(Context::Global, event).map(Action::Global))
}

fn is_summary<A>(b: &Binding<A>) -> bool {
    b.show == Show::FooterSummary
}

/// Every binding of the given contexts of a table, in table order.
pub fn bindings<'a, A>(
    table: &'static [Binding<A>],
    contexts: &'a [Context],
) -> impl Iterator<Item = &'static Binding<A>> + 'a {
    table.iter().filter(move |b| contexts.contains(&b.context))
}

/// What `?` lists for the contexts in force: every binding there, then the global keys the
/// screen does not bind itself, as (keys, words).
pub fn help_entries<A>(
    table: &'static [Binding<A>],
    contexts: &[Context],
) -> Vec<(&'static str, &'static str)> {
    let own: Vec<&Binding<A>> = bindings(table, contexts)
        .filter(|b| !is_summary(b))
        .collect();
    let globals = bindings(KEYMAP, &[Context::Global]).filter(|g| {
        !own.iter()
            .any(|b| g.keys.iter().any(|k| b.keys.contains(k)))
    });
    own.iter()
        .map(|b| (b.label.as_str(), b.description))
        .chain(globals.map(|b| (b.label.as_str(), b.description)))
        .collect()
}

/// The bindings the footer shows for the contexts in force, in table order.
pub fn footer_bindings<'a, A>(
    table: &'static [Binding<A>],
    contexts: &'a [Context],
) -> impl Iterator<Item = &'static Binding<A>> + 'a {
    bindings(table, contexts).filter(|b| b.show != Show::Help)
}

/// Whether no key is bound twice in one context of a table (a test runs it on every table).
pub fn has_no_duplicate<A>(table: &'static [Binding<A>]) -> Result<(), String> {
    let mut contexts: Vec<Context> = table.iter().map(|b| b.context).collect();
    contexts.dedup();
    contexts
        .iter()
        .try_for_each(|c| has_no_duplicate_in(table, std::slice::from_ref(c)))
}

/// Whether no key is bound twice in the given contexts of a table, taken together (a screen
/// that layers contexts runs it on each set it uses).
pub fn has_no_duplicate_in<A>(
    table: &'static [Binding<A>],
    contexts: &[Context],
) -> Result<(), String> {
    let lines: Vec<&Binding<A>> = bindings(table, contexts)
        .filter(|b| !is_summary(b))
        .collect();
    for (i, b) in lines.iter().enumerate() {
        for other in &lines[i + 1..] {
            if let Some(k) = b.keys.iter().find(|k| other.keys.contains(k)) {
                return Err(format!(
                    "{:?} in {:?} and {:?}",
                    k.code, b.context, other.context
                ));
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
