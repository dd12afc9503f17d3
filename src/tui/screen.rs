//! The one screen pattern. A screen is a type in its own module under `tui/screens/` (or
//! `tui/respond/`, `tui/wizard/`) that implements [`Component`]: it owns its state, its key table
//! (data that maps keys to its own messages and feeds the footer and help), what its messages do,
//! its `view`, and says whether it holds unsaved work. It knows the model (`App`), never the
//! screen stack: to open another screen it returns `Effect::Open` (data) and the root
//! (`tui::root`) builds it.
//!
//! Adding a screen: write its module, then add one line to `with_screens!` in `tui/root.rs`.

use super::app::{App, Message};
use super::keymap::{self, Action, Binding, Context};
use super::layout::Drawn;
use super::msg::{Effect, Msg, ScreenId};
use crate::domain::Clock;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// What every screen is.
pub trait Component {
    /// The screen's own messages: what its keys mean.
    type Msg: Clone + 'static;

    /// The screen's name for `Effect::Open`.
    const ID: ScreenId;

    /// Build the screen for a request (`Effect::Open`); `None`, with the reason in the app's
    /// message, when it cannot open (a read-only or missing order…).
    fn open(order_id: Option<&str>, app: &mut App) -> Option<Self>
    where
        Self: Sized;

    /// The order the screen is about, if any.
    fn order_id(&self) -> Option<&str> {
        None
    }

    /// Where keys go on this screen now: the part of [`Component::keys`] in force.
    fn context(&self, app: &App) -> Context;

    /// The parts of [`Component::keys`] in force, looked up together: by default the one part
    /// of [`Component::context`]; a screen whose places share keys (the wizard) layers several.
    fn layers(&self, app: &App) -> Vec<Context> {
        vec![self.context(app)]
    }

    /// This screen's key bindings, every part of them.
    const KEYS: &'static [Binding<Action<Self::Msg>>];

    /// [`Component::KEYS`], for a screen at hand.
    fn keys(&self) -> &'static [Binding<Action<Self::Msg>>] {
        Self::KEYS
    }

    /// The screen's name in help's title ("Keys: order page").
    fn name(&self, app: &App) -> &'static str;

    /// The place in the title line ("Order history › Example › Export").
    fn title(&self, app: &App) -> String;

    /// What a key means here. By default the key table's; `None` sends the key to the text
    /// input when one has the focus ([`Component::takes_text`]).
    fn translate(&self, key: &KeyEvent, app: &App) -> Option<Action<Self::Msg>> {
        keymap::lookup(self.keys(), &self.layers(app), key)
    }

    /// Whether keys the table does not bind go to a text input ([`Component::edit`]).
    fn takes_text(&self, _app: &App) -> bool {
        false
    }

    /// Whether a message leaves the screen or drops what was typed in it (Esc, back): while the
    /// screen holds unsaved work ([`Component::unsaved`]) the root asks first.
    fn leaves(&self, _msg: &Self::Msg) -> bool {
        false
    }

    /// What a message would lose, in words for the question asked first: by default what the
    /// screen holds unsaved ([`Component::unsaved`]) when the message leaves
    /// ([`Component::leaves`]). A screen whose messages drop less than all of it (a prompt
    /// over it) says what they drop.
    fn loses(&self, msg: &Self::Msg, app: &App) -> Option<&'static str> {
        if self.leaves(msg) {
            self.unsaved(app)
        } else {
            None
        }
    }

    /// Whether one of the screen's messages would do something now (the footer leaves out keys
    /// that would not).
    fn offers(&self, _msg: &Self::Msg, _app: &App) -> bool {
        true
    }

    /// The footer's (keys, words): the table's entries for the context whose message would do
    /// something.
    fn footer(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        keymap::footer_bindings(self.keys(), &self.layers(app))
            .filter(|b| match &b.action {
                Some(Action::Own(msg)) => self.offers(msg, app),
                _ => true,
            })
            .map(|b| (b.label.as_str(), b.footer))
            .collect()
    }

    /// What `?` lists: (keys, words).
    fn help(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        keymap::help_entries(self.keys(), &self.layers(app))
    }

    /// Do one of the screen's own messages. The screen is off the stack while this runs, so it
    /// may change the rest of the app; `Effect::Close` takes it off, `Effect::Open` opens
    /// another over it.
    fn act(&mut self, msg: Self::Msg, app: &mut App) -> Vec<Effect>;

    /// A key the table does not bind, while a text input has the focus.
    fn edit(&mut self, _key: KeyEvent, _app: &mut App) -> Vec<Effect> {
        Vec::new()
    }

    /// An app-wide message the root hands on: a paste, a resize, what the runtime answered.
    fn update(&mut self, _msg: Msg, _app: &mut App) -> Vec<Effect> {
        Vec::new()
    }

    /// Draw the screen in the body area; what it laid out flows back to `update`.
    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn;

    /// The screen's own status message, if it draws one (the wizard's bottom line): `F2` shows
    /// it whole like the app's.
    fn message(&self) -> Option<&Message> {
        None
    }

    /// Whether the screen is a dialog drawn over the screen below it (the root draws that one
    /// first).
    fn over_below(&self) -> bool {
        false
    }

    /// What leaving now would lose, in words for the question asked first.
    fn unsaved(&self, _app: &App) -> Option<&'static str> {
        None
    }

    /// Whether the quit question can save this screen's work (its `s`).
    fn can_save_on_quit(&self) -> bool {
        false
    }

    /// Save this screen's work on the way out (the quit question's `s`).
    fn save_on_quit(&mut self, _clock: Clock) -> Option<Effect> {
        None
    }
}

/// What a key did on a screen.
pub enum Keyed {
    /// The screen acted on it.
    Done(Vec<Effect>),
    /// An app-wide message, for the root.
    Global(Msg),
    /// The key would leave the screen, or drop what it holds: the root asks first (the words
    /// say what would be lost) and sends the key again with `Routed::key_confirmed`.
    Ask(&'static str),
}

/// A screen as the root holds it, whatever its own messages are (object-safe; every
/// [`Component`] is one).
pub trait Routed {
    fn id(&self) -> ScreenId;
    fn order_id(&self) -> Option<&str>;
    fn context(&self, app: &App) -> Context;
    fn name(&self, app: &App) -> &'static str;
    fn title(&self, app: &App) -> String;
    /// A key: its table's message done, a text input's edit, or an app-wide message; a key
    /// that would lose unsaved work is asked about first.
    fn key(&mut self, key: &KeyEvent, app: &mut App) -> Keyed;
    /// A key the user confirmed losing the unsaved work for.
    fn key_confirmed(&mut self, key: &KeyEvent, app: &mut App) -> Keyed;
    fn footer(&self, app: &App) -> Vec<(&'static str, &'static str)>;
    fn help(&self, app: &App) -> Vec<(&'static str, &'static str)>;
    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect>;
    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn;
    fn over_below(&self) -> bool;
    fn message(&self) -> Option<&Message>;
    fn unsaved(&self, app: &App) -> Option<&'static str>;
    fn can_save_on_quit(&self) -> bool;
    fn save_on_quit(&mut self, clock: Clock) -> Option<Effect>;
}

impl<T: Component> Routed for T {
    fn id(&self) -> ScreenId {
        T::ID
    }
    fn order_id(&self) -> Option<&str> {
        Component::order_id(self)
    }
    fn context(&self, app: &App) -> Context {
        Component::context(self, app)
    }
    fn name(&self, app: &App) -> &'static str {
        Component::name(self, app)
    }
    fn title(&self, app: &App) -> String {
        Component::title(self, app)
    }
    fn key(&mut self, key: &KeyEvent, app: &mut App) -> Keyed {
        if let Some(Action::Own(msg)) = self.translate(key, app)
            && let Some(unsaved) = self.loses(&msg, app)
        {
            return Keyed::Ask(unsaved);
        }
        self.key_confirmed(key, app)
    }
    fn key_confirmed(&mut self, key: &KeyEvent, app: &mut App) -> Keyed {
        match self.translate(key, app) {
            Some(Action::Own(msg)) => Keyed::Done(self.act(msg, app)),
            Some(Action::Global(msg)) => Keyed::Global(msg),
            None if self.takes_text(app) => Keyed::Done(self.edit(*key, app)),
            None => Keyed::Done(Vec::new()),
        }
    }
    fn footer(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        Component::footer(self, app)
    }
    fn help(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        Component::help(self, app)
    }
    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        Component::update(self, msg, app)
    }
    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        Component::view(self, app, frame, area)
    }
    fn over_below(&self) -> bool {
        Component::over_below(self)
    }
    fn message(&self) -> Option<&Message> {
        Component::message(self)
    }
    fn unsaved(&self, app: &App) -> Option<&'static str> {
        Component::unsaved(self, app)
    }
    fn can_save_on_quit(&self) -> bool {
        Component::can_save_on_quit(self)
    }
    fn save_on_quit(&mut self, clock: Clock) -> Option<Effect> {
        Component::save_on_quit(self, clock)
    }
}

/// A boxed screen is the screen (big screens are boxed in the stack).
impl<T: Component> Component for Box<T> {
    type Msg = T::Msg;
    const ID: ScreenId = T::ID;
    const KEYS: &'static [Binding<Action<T::Msg>>] = T::KEYS;
    fn open(order_id: Option<&str>, app: &mut App) -> Option<Self> {
        T::open(order_id, app).map(Box::new)
    }
    fn order_id(&self) -> Option<&str> {
        (**self).order_id()
    }
    fn context(&self, app: &App) -> Context {
        (**self).context(app)
    }
    fn layers(&self, app: &App) -> Vec<Context> {
        (**self).layers(app)
    }
    fn name(&self, app: &App) -> &'static str {
        (**self).name(app)
    }
    fn title(&self, app: &App) -> String {
        (**self).title(app)
    }
    fn translate(&self, key: &KeyEvent, app: &App) -> Option<Action<T::Msg>> {
        (**self).translate(key, app)
    }
    fn takes_text(&self, app: &App) -> bool {
        (**self).takes_text(app)
    }
    fn offers(&self, msg: &T::Msg, app: &App) -> bool {
        (**self).offers(msg, app)
    }
    fn leaves(&self, msg: &T::Msg) -> bool {
        (**self).leaves(msg)
    }
    fn loses(&self, msg: &T::Msg, app: &App) -> Option<&'static str> {
        (**self).loses(msg, app)
    }
    fn footer(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        (**self).footer(app)
    }
    fn help(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        (**self).help(app)
    }
    fn act(&mut self, msg: T::Msg, app: &mut App) -> Vec<Effect> {
        (**self).act(msg, app)
    }
    fn edit(&mut self, key: KeyEvent, app: &mut App) -> Vec<Effect> {
        (**self).edit(key, app)
    }
    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        (**self).update(msg, app)
    }
    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        (**self).view(app, frame, area)
    }
    fn over_below(&self) -> bool {
        (**self).over_below()
    }
    fn message(&self) -> Option<&Message> {
        (**self).message()
    }
    fn unsaved(&self, app: &App) -> Option<&'static str> {
        (**self).unsaved(app)
    }
    fn can_save_on_quit(&self) -> bool {
        (**self).can_save_on_quit()
    }
    fn save_on_quit(&mut self, clock: Clock) -> Option<Effect> {
        (**self).save_on_quit(clock)
    }
}
