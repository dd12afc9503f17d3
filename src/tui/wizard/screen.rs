//! The wizard as a screen: its own key table (`keymap`, with situations rather than contexts)
//! feeds the footer and help; keys and pastes go to the wizard, and what it asks for (save,
//! submit, close) becomes effects and a change of screen.

use super::{Wizard, WizardOutcome};
use crate::domain::OrderFields;
use crate::tui::app::{App, Context};
use crate::tui::keymap::{self, Binding};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, Msg};
use crate::tui::screen::{Component, Screen};
use crate::tui::screens::order::OrderPage;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Wizard: Context = Context("wizard");
}

impl Component for Wizard {
    fn context(&self, _app: &App) -> Context {
        Context::Wizard
    }

    /// The wizard's keys are its own table (`wizard::keymap`); none here.
    fn keymap(&self) -> &'static [Binding] {
        &[]
    }

    fn name(&self, _app: &App) -> &'static str {
        "wizard"
    }

    fn title(&self, _app: &App) -> String {
        "Porting wizard".to_string()
    }

    fn translate(&self, key: &KeyEvent, _app: &App) -> Option<Msg> {
        if let Some(msg @ (Msg::Interrupt | Msg::ToggleHelp)) =
            keymap::lookup(&[], Context::Global, key)
        {
            return Some(msg);
        }
        // `?` is help wherever it is not a character being typed.
        if key.code == KeyCode::Char('?')
            && !self.takes_text()
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Some(Msg::ToggleHelp);
        }
        Some(Msg::Edit(*key))
    }

    fn footer(&self, _app: &App) -> Vec<(&'static str, &'static str)> {
        let mut keys = self.footer_keys();
        keys.push(("Ctrl-C", "quit"));
        keys.push(("F1", "help"));
        keys
    }

    fn help(&self, _app: &App) -> Vec<(&'static str, &'static str)> {
        // The wizard's table names the global keys too.
        self.help_keys()
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        let outcome = match msg {
            Msg::Edit(key) => self.handle_key(key, app.clock),
            Msg::Paste(text) => self.handle_paste(&text, app.clock),
            Msg::FileRead(bytes) => self.csv_read(bytes, app.clock),
            Msg::Saved(order) if order.id == self.order().id => {
                let editable = order.status.is_editable();
                self.adopt(*order);
                // Submitted or cancelled in another window meanwhile: nothing is left to edit
                // here (the notice says what became of the edit).
                return if editable {
                    Vec::new()
                } else {
                    vec![Effect::Close]
                };
            }
            _ => WizardOutcome::Stay,
        };
        match outcome {
            WizardOutcome::Stay => Vec::new(),
            WizardOutcome::Perform(effect) => vec![effect],
            WizardOutcome::Save(order) => vec![Effect::Save(Box::new(order))],
            WizardOutcome::Submit(order) => {
                app.select_order(&order.id);
                if !matches!(app.top(), Screen::Order(_)) {
                    app.screens
                        .push(Screen::Order(OrderPage::new(order.id.clone())));
                }
                vec![Effect::Close, Effect::Save(Box::new(order))]
            }
            WizardOutcome::Close(order) => {
                app.select_order(&order.id);
                // The wizard wrote the focused input into the order as it closed: keep it,
                // unless nothing changed (or a new order was left untouched).
                let keep = match app.order(&order.id) {
                    Some(stored) => *stored != order,
                    None => order.fields != OrderFields::default(),
                };
                let mut effects = vec![Effect::Close];
                if keep {
                    effects.push(Effect::Save(Box::new(order)));
                }
                effects
            }
        }
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        self.render(frame, area, &app.theme);
        Drawn::default()
    }

    fn unsaved(&self, _app: &App) -> Option<&'static str> {
        self.holds_unsaved_work()
            .then_some("The porting wizard has edits that are not saved.")
    }

    fn can_save_on_quit(&self) -> bool {
        self.holds_unsaved_work()
    }

    fn save_on_quit(&mut self, clock: crate::domain::Clock) -> Option<Effect> {
        match self.save(clock) {
            WizardOutcome::Save(order) => Some(Effect::Save(Box::new(order))),
            _ => None,
        }
    }
}
