//! The wizard as a screen: its key table (`keymap`, layered where the user is) feeds the key
//! look-up, the footer and help; keys and pastes go to the wizard, and what it asks for (save,
//! submit, close) becomes effects and a change of screen.

use super::keymap;
use super::update::WizardMsg;
use super::{Wizard, WizardOutcome};
use crate::domain::OrderFields;
use crate::tui::app::{App, Context, Message};
use crate::tui::keymap::{Action, Binding};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, Msg, Open, ScreenId};
use crate::tui::screen::Component;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Wizard: Context = Context("wizard");
}

impl Component for Wizard {
    type Msg = WizardMsg;
    const ID: ScreenId = ScreenId::Wizard;

    /// The wizard on an order, unless it may not be edited here.
    fn open(order_id: Option<&str>, app: &mut App) -> Option<Wizard> {
        let id = order_id?;
        let Some(order) = app.order(id) else {
            app.message = Some(Message::error(format!(
                "Order {id} is not in the store any more."
            )));
            return None;
        };
        if app.read_only.contains(id) {
            app.message = Some(Message::error(
                "This order was written by a newer portwiz and is read-only here.",
            ));
            return None;
        }
        if let Err(refusal) = order.ensure_editable() {
            app.message = Some(Message::error(refusal.to_string()));
            return None;
        }
        let (order, clock) = (order.clone(), app.clock);
        Some(Wizard::open(order, clock, super::Start::Resume).visiting(app.next_visit()))
    }

    fn order_id(&self) -> Option<&str> {
        Some(&self.order().id)
    }

    fn context(&self, _app: &App) -> Context {
        Context::Wizard
    }

    fn layers(&self, _app: &App) -> Vec<Context> {
        keymap::layers(&self.state)
    }

    const KEYS: &'static [Binding<Action<WizardMsg>>] = keymap::KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "wizard"
    }

    fn title(&self, _app: &App) -> String {
        "Porting wizard".to_string()
    }

    /// The table's keys, or text typed into a field (a letter on a choice jumps to an option).
    fn translate(&self, key: &KeyEvent, _app: &App) -> Option<Action<WizardMsg>> {
        keymap::translate(key, &self.state)
    }

    fn offers(&self, msg: &WizardMsg, _app: &App) -> bool {
        keymap::offers(&self.state, msg)
    }

    fn help(&self, _app: &App) -> Vec<(&'static str, &'static str)> {
        self.help_keys()
    }

    fn message(&self) -> Option<&Message> {
        self.notice()
    }

    fn act(&mut self, msg: WizardMsg, app: &mut App) -> Vec<Effect> {
        let outcome = self.dispatch(msg, app.clock);
        self.clamp_scroll(&app.drawn);
        let mut effects = self.outcome(outcome, app);
        effects.extend(self.preflight_request());
        effects
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        let outcome = match msg {
            Msg::Paste(text) => self.handle_paste(&text, app.clock),
            Msg::FileRead(bytes) => self.csv_read(bytes, app.clock),
            Msg::PreflightFound {
                order_id,
                carrier,
                warnings,
            } => {
                self.preflight_found(&order_id, carrier, warnings);
                WizardOutcome::Stay
            }
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
        self.outcome(outcome, app)
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        self.render(frame, area, &app.theme)
    }

    /// Esc on the CSV-path prompt drops the path typed in it (the wizard's edits stay): asked
    /// first, as leaving a screen is.
    fn loses(&self, msg: &WizardMsg, _app: &App) -> Option<&'static str> {
        self.cancels_a_typed_path(msg)
            .then_some("The CSV file's path you typed is not loaded yet.")
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

impl Wizard {
    /// What the root does after the wizard's answer to a key, a paste or a file.
    fn outcome(&mut self, outcome: WizardOutcome, app: &mut App) -> Vec<Effect> {
        match outcome {
            WizardOutcome::Stay => Vec::new(),
            WizardOutcome::Perform(effect) => vec![effect],
            WizardOutcome::ShowNumbers => {
                vec![Effect::Open(Open::on(ScreenId::Numbers, &self.order().id))]
            }
            WizardOutcome::Save(order) => vec![Effect::Save(Box::new(order))],
            WizardOutcome::Submit(order) => {
                app.select_order(&order.id);
                // The order's page, unless the wizard was opened from it.
                vec![
                    Effect::Close,
                    Effect::Open(Open::on(ScreenId::Order, &order.id)),
                    Effect::Save(Box::new(order)),
                ]
            }
            WizardOutcome::Handoff(order) => {
                app.select_order(&order.id);
                // The hand-off reads the app's copy: a draft never saved yet is put there first.
                if app.order(&order.id).is_none() {
                    app.upsert(order.clone());
                }
                vec![
                    Effect::Close,
                    Effect::Open(Open::on(ScreenId::Order, &order.id)),
                    Effect::Open(Open::on(ScreenId::Handoff, &order.id)),
                    Effect::Save(Box::new(order)),
                ]
            }
            WizardOutcome::Close(order) => {
                app.select_order(&order.id);
                // The wizard wrote the focused input into the order as it closed: keep it,
                // unless nothing changed (or a new order was left untouched).
                // Measured against what this wizard last saved, not the app's copy, which
                // follows changes made elsewhere meanwhile.
                let keep = match app.order(&order.id) {
                    Some(_) => order != self.saved,
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
}
