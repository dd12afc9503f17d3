//! The one screen pattern. A screen is a type in its own module under `tui/screens/` (or
//! `tui/respond/`, `tui/wizard/`) that implements [`Component`]: it owns its state, its key table
//! (data that feeds the footer and help), its `update` (messages in, effects out) and its `view`,
//! and says whether it holds unsaved work. The root (`tui::update`) only routes: overlays and
//! app-wide messages are its own, everything else goes to the screen on top of the stack.
//!
//! Adding a screen: write its module, then add one line to [`screens!`] below.

use super::app::App;
use super::keymap::{self, Binding, Context};
use super::layout::Drawn;
use super::msg::{Effect, Msg};
use crate::domain::Clock;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// What every screen is.
pub trait Component {
    /// Where keys go on this screen now: the part of [`Component::keymap`] in force.
    fn context(&self, app: &App) -> Context;

    /// This screen's key bindings, every part of them.
    fn keymap(&self) -> &'static [Binding];

    /// The screen's name in help's title ("Keys: order page").
    fn name(&self, app: &App) -> &'static str;

    /// The place in the title line ("Order history › Example › Export").
    fn title(&self, app: &App) -> String;

    /// The message a key means here. By default the key table's, else, when a text input has
    /// the focus, `Msg::Edit` for it to type.
    fn translate(&self, key: &KeyEvent, app: &App) -> Option<Msg> {
        keymap::lookup(self.keymap(), self.context(app), key)
            .or_else(|| self.takes_text(app).then_some(Msg::Edit(*key)))
    }

    /// Whether keys the table does not bind go to a text input.
    fn takes_text(&self, _app: &App) -> bool {
        false
    }

    /// The footer's (keys, words): the table's entries for the context whose message would do
    /// something.
    fn footer(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        keymap::footer_bindings(self.keymap(), self.context(app))
            .filter(|b| app.can(&b.msg))
            .map(|b| (b.label, b.footer))
            .collect()
    }

    /// What `?` lists: (keys, words).
    fn help(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        keymap::help_entries(self.keymap(), self.context(app))
    }

    /// Handle a message. The screen is taken off the stack while this runs, so it may read and
    /// change the rest of the app (and push a screen above itself); `Effect::Close` takes it off.
    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect>;

    /// Draw the screen in the body area; what it laid out flows back to `update`.
    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn;

    /// What quitting now would lose, in words for the quit question.
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

/// The screens, one line each: the variant and the type that implements [`Component`].
macro_rules! screens {
    ($($(#[$doc:meta])* $variant:ident($ty:ty),)*) => {
        /// The screen stack's entries; the bottom is always `Screen::Home`.
        pub enum Screen {
            $($(#[$doc])* $variant($ty),)*
        }

        impl Screen {
            pub fn component(&self) -> &dyn Component {
                match self {
                    $(Screen::$variant(s) => s,)*
                }
            }

            pub fn component_mut(&mut self) -> &mut dyn Component {
                match self {
                    $(Screen::$variant(s) => s,)*
                }
            }
        }
    };
}

screens! {
    /// The order history, or the welcome screen while there are no orders.
    Home(super::screens::home::Home),
    /// One order's page.
    Order(super::screens::order::OrderPage),
    /// The porting wizard.
    Wizard(Box<super::wizard::Wizard>),
    /// "Carrier response": record what the carrier or Microsoft answered.
    Respond(Box<super::respond::Respond>),
    /// Request assistance: the Phone number Service Center and the order's ticket.
    Assist(super::screens::assist::AssistPage),
    /// "Export": write the order to a file, drawn over its page.
    Export(super::screens::export::ExportPage),
    /// "Changed in two places": a field both windows changed, to choose a value for.
    Conflict(super::screens::conflict::ConflictPage),
}

/// A boxed screen is the screen.
impl<T: Component + ?Sized> Component for Box<T> {
    fn context(&self, app: &App) -> Context {
        (**self).context(app)
    }
    fn keymap(&self) -> &'static [Binding] {
        (**self).keymap()
    }
    fn name(&self, app: &App) -> &'static str {
        (**self).name(app)
    }
    fn title(&self, app: &App) -> String {
        (**self).title(app)
    }
    fn translate(&self, key: &KeyEvent, app: &App) -> Option<Msg> {
        (**self).translate(key, app)
    }
    fn takes_text(&self, app: &App) -> bool {
        (**self).takes_text(app)
    }
    fn footer(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        (**self).footer(app)
    }
    fn help(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        (**self).help(app)
    }
    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        (**self).update(msg, app)
    }
    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        (**self).view(app, frame, area)
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
