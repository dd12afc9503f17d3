//! "Request assistance": where Microsoft support handles porting, how to find the order's
//! active ticket in the Teams admin center, and recording the ticket on the order. The view is
//! `view::assist`; this is its part of `update` (pure: saving returns `Effect::Save`).

use super::app::{App, AssistPage, Message, Screen};
use super::msg::Effect;
use super::wizard::input::{TextField, request_for};
use crossterm::event::KeyEvent;

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

pub fn open(app: &mut App, order_id: &str) {
    let Some(order) = app.order(order_id) else {
        return;
    };
    let ticket = TextField::new(order.ticket.as_deref().unwrap_or(""));
    app.screens.push(Screen::Assist(AssistPage {
        order_id: order_id.to_string(),
        ticket,
        error: None,
    }));
}

fn page(app: &mut App) -> Option<&mut AssistPage> {
    match app.screens.last_mut() {
        Some(Screen::Assist(p)) => Some(p),
        _ => None,
    }
}

/// Enter: record the typed ticket on the order (the domain refuses an empty one).
pub fn save_ticket(app: &mut App) -> Vec<Effect> {
    let now = app.clock.now;
    let Some((id, typed)) = page(app).map(|p| (p.order_id.clone(), p.ticket.value().to_string()))
    else {
        return Vec::new();
    };
    if app.read_only.contains(&id) {
        return refuse(
            app,
            "This order was written by a newer portwiz and is read-only here.",
        );
    }
    let Some(mut order) = app.order(&id).cloned() else {
        return refuse(app, "This order is not in the store any more.");
    };
    if order.ticket.as_deref() == Some(typed.trim()) {
        return refuse(app, "That ticket is already recorded on this order.");
    }
    match order.set_ticket(&typed, now) {
        Ok(()) => {
            if let Some(p) = page(app) {
                p.error = None;
            }
            app.message = Some(Message {
                text: format!(
                    "Recorded the support ticket {}.",
                    super::text::one_line(typed.trim())
                ),
                is_error: false,
            });
            vec![Effect::Save(Box::new(order))]
        }
        Err(refusal) => refuse(app, &refusal.to_string()),
    }
}

fn refuse(app: &mut App, why: &str) -> Vec<Effect> {
    if let Some(p) = page(app) {
        p.error = Some(why.to_string());
    }
    Vec::new()
}

/// A key for the ticket input.
pub fn edit(app: &mut App, key: KeyEvent) {
    if let Some(p) = page(app)
        && let Some(request) = request_for(&key)
    {
        p.ticket.handle(request);
        p.error = None;
    }
}

pub fn paste(app: &mut App, text: &str) {
    if let Some(p) = page(app) {
        p.ticket.insert_str(text.replace(['\r', '\n'], " ").trim());
    }
}
