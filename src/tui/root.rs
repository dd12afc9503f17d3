//! The root: the model and the screen stack. It is the one module that knows every screen (the
//! `screens!` list below); screens know only the model (`App`) and ask for each other with
//! `Effect::Open`, which the root turns into the screen. Its routing is `tui::update`.
//!
//! Adding a screen: write its module (under `tui/screens/`), then add one line to `with_screens!`.

use super::app::{App, Message};
use super::keymap::Context;
use super::msg::{Open, ScreenId};
use super::screen::{Component, Routed};
use super::screens::home::Home;
use super::screens::order::OrderPage;
use crate::domain::summary::Summary;
use crate::domain::{Clock, Order};
use std::ops::{Deref, DerefMut};

/// The screens as the stack holds them, from the one list below.
macro_rules! screens {
    ($($(#[$doc:meta])* $variant:ident($ty:ty),)*) => {
        /// The screen stack's entries; the bottom is always `Screen::Home`.
        pub enum Screen {
            $($(#[$doc])* $variant($ty),)*
        }

        // Each screen names itself by its own line's id (`Component::ID`).
        const _: () = {
            $(assert!(matches!(<$ty as Component>::ID, ScreenId::$variant));)*
        };

        impl Screen {
            pub fn component(&self) -> &dyn Routed {
                match self {
                    $(Screen::$variant(s) => s,)*
                }
            }

            pub fn component_mut(&mut self) -> &mut dyn Routed {
                match self {
                    $(Screen::$variant(s) => s,)*
                }
            }

            /// The screen a request names, built (`None` when it cannot open).
            pub fn open(request: &Open, app: &mut App) -> Option<Screen> {
                let order_id = request.order_id.as_deref();
                match request.screen {
                    $(ScreenId::$variant => <$ty as Component>::open(order_id, app).map(Screen::$variant),)*
                }
            }
        }
    };
}

/// The screens, one line each: the variant, which is also the screen's [`ScreenId`], and the
/// type that implements [`Component`], named by its path (so a new screen needs no `use` here).
/// The list is handed to a macro (`with_screens!(m)`): the
/// root builds `Screen` from it and `tui/msg.rs` the `ScreenId` enum, so an id exists once per
/// line and is unique by construction (a repeated line does not compile).
#[doc(hidden)]
#[macro_export]
macro_rules! with_screens {
    ($m:ident) => {
        $m! {
            /// The order history, or the welcome screen while there are no orders.
            Home($crate::tui::screens::home::Home),
            /// One order's page.
            Order($crate::tui::screens::order::OrderPage),
            /// The porting wizard.
            Wizard(Box<$crate::tui::wizard::Wizard>),
            /// "Carrier response": record what the carrier or Microsoft answered.
            Respond(Box<$crate::tui::respond::Respond>),
            /// "E-mails that unblock the port": the asks that fit the order, one copied.
            Asks($crate::tui::screens::asks::AsksPage),
            /// Request assistance: the Phone number Service Center and the order's ticket.
            Assist($crate::tui::screens::assist::AssistPage),
            /// "Export": write the order to a file, drawn over its page.
            Export($crate::tui::screens::export::ExportPage),
            /// "Hand-off": the order as the Teams admin center asks for it, to copy value by value.
            Handoff($crate::tui::screens::handoff::HandoffPage),
            /// "Insights": what the history says about each carrier.
            Insights($crate::tui::screens::insights::InsightsPage),
            /// "Today": what needs the user now, most urgent first.
            Today($crate::tui::screens::today::TodayPage),
            /// Every number of an order (from its page or the wizard's Review).
            Numbers($crate::tui::screens::numbers::NumbersPage),
            /// "Split a sheet into orders": a company's sheet, previewed, then its drafts.
            Split($crate::tui::screens::split::SplitPage),
            /// "Import a Teams export": what the tenant's number export says, then recorded.
            Teams($crate::tui::screens::teams::TeamsPage),
            /// "Add a note": a dated note in the order's journal.
            Note($crate::tui::screens::note::NotePage),
            /// Who each number goes to in Teams (`A` on an order's page).
            Assign($crate::tui::screens::assign::AssignPage),
            /// "Changed in two places": a field both windows changed, to choose a value for.
            Conflict($crate::tui::screens::conflict::ConflictPage),
            /// "Tenants": whose store to open (`T` on the order history).
            Tenants($crate::tui::screens::tenants::TenantsPage),
        }
    };
}

crate::with_screens!(screens);

/// The model and the screens on it.
pub struct Root {
    pub app: App,
    /// The screen stack; the bottom is always `Screen::Home`.
    pub screens: Vec<Screen>,
    /// A key that would lose the top screen's unsaved work, held while the user is asked, and
    /// what it would lose.
    pub leaving: Option<(crossterm::event::KeyEvent, &'static str)>,
}

/// The root reads as its model (`root.orders`, `root.message`), so tests and the runtime need
/// not say `.app` each time.
impl Deref for Root {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for Root {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

impl Root {
    /// The app with these orders all loaded (tests, small stores), on the history.
    pub fn new(orders: Vec<Order>, clock: Clock, size: (u16, u16)) -> Root {
        Root::on(App::new(orders, clock, size))
    }

    /// The app on summaries only: full orders are loaded when opened.
    pub fn from_summaries(orders: Vec<Summary>, clock: Clock, size: (u16, u16)) -> Root {
        Root::on(App::from_summaries(orders, clock, size))
    }

    /// The app on its home screen.
    pub fn on(app: App) -> Root {
        Root {
            app,
            screens: vec![Screen::Home(Home)],
            leaving: None,
        }
    }

    pub fn top(&self) -> &Screen {
        self.screens.last().unwrap_or(&Screen::Home(Home))
    }

    /// Where keys go now: an overlay, else the screen on top.
    pub fn context(&self) -> Context {
        if self.app.confirm_quit {
            return Context::ConfirmQuit;
        }
        if self.app.message_open {
            return Context::Message;
        }
        if self.leaving.is_some() {
            return Context::ConfirmLeave;
        }
        if self.app.help_open {
            return Context::Help;
        }
        self.top().component().context(&self.app)
    }

    /// The status message: the app's, else the one the screen on top draws.
    pub fn status_message(&self) -> Option<&Message> {
        self.app
            .message
            .as_ref()
            .or_else(|| self.top().component().message())
    }

    /// Whether a screen can save its work on the way out (the quit question offers `s`).
    pub fn can_save_on_quit(&self) -> bool {
        self.screens
            .iter()
            .any(|s| s.component().can_save_on_quit())
    }

    pub fn has_unsaved_edits(&self) -> bool {
        self.unsaved_edits().is_some()
    }

    /// What quitting now would lose, in words for the quit question: the top-most screen with
    /// unsaved edits names itself.
    pub fn unsaved_edits(&self) -> Option<&'static str> {
        self.screens
            .iter()
            .rev()
            .find_map(|s| s.component().unsaved(&self.app))
    }

    /// Open a screen a request names, over the current one. A request for the screen already
    /// on top (the same screen on the same order) is already met.
    pub fn open(&mut self, request: &Open) {
        let top = self.top().component();
        if top.id() == request.screen && top.order_id() == request.order_id.as_deref() {
            return;
        }
        if let Some(screen) = Screen::open(request, &mut self.app) {
            self.screens.push(screen);
        }
    }

    /// Open an order's page over the current screen.
    pub fn open_page(&mut self, order_id: String) {
        self.screens.push(Screen::Order(OrderPage::new(order_id)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every screen of the list, a new one included, binds no key twice in one context.
    macro_rules! no_key_twice {
        ($($(#[$doc:meta])* $variant:ident($ty:ty),)*) => {
            #[test]
            fn no_screen_binds_a_key_twice() {
                $(assert_eq!(
                    crate::tui::keymap::has_no_duplicate(<$ty as Component>::KEYS),
                    Ok(()),
                    stringify!($variant)
                );)*
            }
        };
    }
    crate::with_screens!(no_key_twice);
}
