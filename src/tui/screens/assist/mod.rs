//! "Request assistance": where Microsoft support handles porting, how to find the order's
//! active ticket in the Teams admin center, and recording the ticket on the order (saving is
//! `Effect::Save`). The screen's state, keys and `update` are here; its view in [`view`].

mod view;

use crate::tui::app::{App, Context, Message};
use crate::tui::keymap::{Action, Binding, both, ctrl, help, key};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crate::tui::text::one_line;
use crate::tui::widgets::input::{TextField, request_for};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use tui_input::InputRequest;

#[allow(non_upper_case_globals)]
impl Context {
    /// The assistance screen (its ticket input has the focus).
    pub const Assist: Context = Context("request assistance");
}

#[derive(Debug, Clone)]
pub struct AssistPage {
    pub order_id: String,
    pub ticket: TextField,
    pub error: Option<String>,
}

/// What the assistance screen's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssistMsg {
    /// Record the typed ticket on the order.
    SaveTicket,
    /// Clear the ticket input.
    Clear,
    /// Put the Service Center's link on the clipboard (OSC 52, as the hand-off's `y`).
    CopyLink,
    /// Back to the order's page.
    Back,
}

use Action::Own as O;

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<AssistMsg>>] = &[
    // The ticket input has the focus: letters type.
    both(Context::Assist, &[key(KeyCode::Enter)], O(AssistMsg::SaveTicket), "Record the ticket id or link on the order", "Record ticket"),
    help(Context::Assist, &[ctrl('u')], O(AssistMsg::Clear), "Clear the input"),
    both(Context::Assist, &[ctrl('y')], O(AssistMsg::CopyLink), "Copy the Phone number Service Center's link (through the terminal: OSC 52)", "Copy link"),
    both(Context::Assist, &[key(KeyCode::Esc)], O(AssistMsg::Back), "Back to the order's page", "Back"),
];

/// Where Microsoft support handles porting: the seed article's link.
pub const SERVICE_CENTER_URL: &str = "https://pstnsd.powerappsportals.com/";

/// What the Phone number Service Center is, in the product's words.
pub const SERVICE_CENTER: &str = "The Phone number Service Center is where Microsoft support handles porting. If you need help updating this order, create a ticket there; if you already have one, use it to reach a support professional.";

/// The four steps to find an order's active ticket (Teams admin center).
pub const FIND_TICKET_STEPS: [&str; 4] = [
    "In the Teams admin center, go to Voice > Phone numbers.",
    "Select the Order history tab.",
    "Select this port order to see its details.",
    "On the order's details page, look for the link to a ticket.",
];

impl Component for AssistPage {
    type Msg = AssistMsg;
    const ID: ScreenId = ScreenId::Assist;

    /// `a` on an order's page.
    fn open(order_id: Option<&str>, app: &mut App) -> Option<AssistPage> {
        let order = app.order(order_id?)?;
        Some(AssistPage {
            order_id: order.id.clone(),
            ticket: TextField::new(order.ticket.as_deref().unwrap_or("")),
            error: None,
        })
    }

    fn order_id(&self) -> Option<&str> {
        Some(&self.order_id)
    }

    fn context(&self, _app: &App) -> Context {
        Context::Assist
    }

    const KEYS: &'static [Binding<Action<AssistMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "request assistance"
    }

    fn title(&self, app: &App) -> String {
        format!("{} › Request assistance", app.order_name(&self.order_id))
    }

    fn takes_text(&self, _app: &App) -> bool {
        true
    }

    fn leaves(&self, msg: &AssistMsg) -> bool {
        *msg == AssistMsg::Back
    }

    fn act(&mut self, msg: AssistMsg, app: &mut App) -> Vec<Effect> {
        match msg {
            AssistMsg::SaveTicket => return self.save_ticket(app),
            AssistMsg::Back => return vec![Effect::Close],
            AssistMsg::CopyLink => {
                app.message = Some(Message::info(format!(
                    "Copied {SERVICE_CENTER_URL} (through the terminal; in tmux, set-clipboard on)."
                )));
                return vec![Effect::Copy(SERVICE_CENTER_URL.to_string())];
            }
            AssistMsg::Clear => {
                self.ticket.handle(InputRequest::DeleteLine);
                self.error = None;
            }
        }
        Vec::new()
    }

    fn edit(&mut self, key: KeyEvent, _app: &mut App) -> Vec<Effect> {
        if let Some(request) = request_for(&key) {
            self.ticket.handle(request);
            self.error = None;
        }
        Vec::new()
    }

    fn update(&mut self, msg: Msg, _app: &mut App) -> Vec<Effect> {
        if let Msg::Paste(text) = msg {
            self.ticket
                .insert_str(text.replace(['\r', '\n'], " ").trim());
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area);
        Drawn::default()
    }

    fn unsaved(&self, app: &App) -> Option<&'static str> {
        let typed = self.ticket.value().trim();
        let recorded = app
            .order(&self.order_id)
            .and_then(|o| o.ticket.as_deref())
            .unwrap_or("")
            .trim();
        (!typed.is_empty() && typed != recorded)
            .then_some("The ticket you typed is not recorded on the order.")
    }
}

impl AssistPage {
    /// Enter: record the typed ticket on the order (the domain refuses an empty one).
    fn save_ticket(&mut self, app: &mut App) -> Vec<Effect> {
        let typed = self.ticket.value().to_string();
        if app.read_only.contains(&self.order_id) {
            return self.refuse("This order was written by a newer portwiz and is read-only here.");
        }
        let Some(mut order) = app.order(&self.order_id).cloned() else {
            return self.refuse("This order is not in the store any more.");
        };
        if order.ticket.as_deref() == Some(typed.trim()) {
            return self.refuse("That ticket is already recorded on this order.");
        }
        match order.set_ticket(&typed, app.clock.now) {
            Ok(()) => {
                self.error = None;
                app.message = Some(Message::info(format!(
                    "Recorded the support ticket {}.",
                    one_line(typed.trim())
                )));
                vec![Effect::Save(Box::new(order))]
            }
            Err(refusal) => self.refuse(&refusal.to_string()),
        }
    }

    fn refuse(&mut self, why: &str) -> Vec<Effect> {
        self.error = Some(why.to_string());
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ctrl_y_copies_the_service_centers_link() {
        use crate::tui::screen::Component;
        let order = crate::domain::Order::new(
            "PO-1".into(),
            crate::domain::OrderFields::default(),
            jiff::Timestamp::UNIX_EPOCH,
        );
        let mut app = crate::tui::app::App::new(
            vec![order],
            crate::domain::Clock::fixed(jiff::civil::date(2026, 11, 26)),
            (80, 24),
        );
        let mut page = super::AssistPage::open(Some("PO-1"), &mut app)
            .unwrap_or_else(|| panic!("the page opens"));
        let effects = page.act(super::AssistMsg::CopyLink, &mut app);
        assert_eq!(
            effects,
            [crate::tui::msg::Effect::Copy(
                super::SERVICE_CENTER_URL.into()
            )]
        );
    }
}
