//! The response dialog's `update`: pure, like the app's. Saving applies the domain's lifecycle
//! method to a copy of the order and returns `Effect::Save`; the runtime writes it.

use super::RespondMsg;
use super::state::{
    Answer, FocFocus, FocForm, Form, RejectionFocus, RejectionForm, Respond, SupportFocus,
    SupportForm,
};
use crate::domain::classifier::{LabelledExample, quoted_values};
use crate::domain::status::SupportScenario;
use crate::domain::{FIELDS, FieldKey, Order};
use crate::tui::app::{App, Message};
use crate::tui::msg::Effect;
use crate::tui::widgets::input::request_for;
use crossterm::event::{KeyCode, KeyEvent};

pub fn update(r: &mut Respond, app: &mut App, msg: RespondMsg) -> Vec<Effect> {
    let Some(order) = app.order(&r.order_id).cloned() else {
        // The order went away: close the dialog.
        return vec![Effect::Close];
    };
    if msg == RespondMsg::Save || msg == RespondMsg::Confirm {
        return save(r, app, order);
    }
    if msg == RespondMsg::Back {
        return back(r);
    }
    r.error = None;
    let wants_save = match &mut r.form {
        None => {
            match msg {
                RespondMsg::Up => r.selected = r.selected.saturating_sub(1),
                RespondMsg::Down => {
                    r.selected = (r.selected + 1).min(r.choices.len().saturating_sub(1));
                }
                RespondMsg::First => r.selected = 0,
                RespondMsg::Last => r.selected = r.choices.len().saturating_sub(1),
                RespondMsg::Enter => return choose(r, app, &order),
                _ => {}
            }
            false
        }
        Some(Form::Rejection(form)) => rejection(form, msg),
        Some(Form::Foc(form)) => foc(form, msg),
        Some(Form::Support(form)) => support(form, msg),
        Some(Form::Confirm(_)) => false,
    };
    if wants_save {
        return save(r, app, order);
    }
    Vec::new()
}

/// Esc: from a form back to the choices; from the choices back to the order's page.
fn back(r: &mut Respond) -> Vec<Effect> {
    if r.form.is_some() {
        r.form = None;
        Vec::new()
    } else {
        vec![Effect::Close]
    }
}

/// Enter on a choice: open its form, or say why it is not possible now.
fn choose(r: &mut Respond, app: &App, order: &Order) -> Vec<Effect> {
    let catalog = &app.catalog;
    let Some(choice) = r.choices.get(r.selected).cloned() else {
        return Vec::new();
    };
    if let Some(why) = choice.refusal {
        r.error = Some(why);
        return Vec::new();
    }
    r.form = Some(match choice.kind {
        Answer::Rejection => Form::Rejection(Box::new(RejectionForm::new(catalog, order))),
        Answer::Foc => Form::Foc(FocForm::new(order)),
        Answer::Support => Form::Support(SupportForm::new(order)),
        Answer::Completion | Answer::Cancellation => Form::Confirm(choice.kind),
    });
    Vec::new()
}

/// A key in the rejection form; true when it asks to save.
fn rejection(form: &mut RejectionForm, msg: RespondMsg) -> bool {
    let last = FIELDS.len();
    match (form.focus, msg) {
        (RejectionFocus::Text, RespondMsg::NextFocus) => {
            form.focus = RejectionFocus::List;
            form.cursor = 0;
        }
        (RejectionFocus::Text, RespondMsg::PrevFocus) => {
            form.focus = RejectionFocus::List;
            form.cursor = last;
        }
        (RejectionFocus::List, RespondMsg::NextFocus | RespondMsg::PrevFocus) => {
            form.focus = RejectionFocus::Text;
        }
        (RejectionFocus::List, RespondMsg::Up) => {
            // The previous row the list shows (fields the country does not ask are skipped).
            match (0..form.cursor).rev().find(|i| form.offers(*i)) {
                Some(i) => form.cursor = i,
                None => form.focus = RejectionFocus::Text,
            }
        }
        (RejectionFocus::List, RespondMsg::Down) => {
            form.cursor = (form.cursor + 1..last)
                .find(|i| form.offers(*i))
                .unwrap_or(last);
        }
        (RejectionFocus::List, RespondMsg::Toggle) => {
            if let Some(field) = FIELDS.get(form.cursor) {
                form.toggle(field.key);
            }
        }
        (RejectionFocus::List, RespondMsg::Enter) => {
            if form.save_row() {
                return true;
            }
            form.cursor = last;
        }
        _ => {}
    }
    false
}

/// A key in the FOC form; true when it asks to save.
fn foc(form: &mut FocForm, msg: RespondMsg) -> bool {
    use FocFocus::{Date, Save, Time};
    match (form.focus, msg) {
        (Save, RespondMsg::Enter) => return true,
        (Date, RespondMsg::NextFocus | RespondMsg::Down) => form.focus = Time,
        (Time, RespondMsg::NextFocus | RespondMsg::Down) => form.focus = Save,
        (Save, RespondMsg::NextFocus) => form.focus = Date,
        (Date, RespondMsg::PrevFocus) => form.focus = Save,
        (Time, RespondMsg::PrevFocus | RespondMsg::Up) => form.focus = Date,
        (Save, RespondMsg::PrevFocus | RespondMsg::Up) => form.focus = Time,
        _ => {}
    }
    false
}

/// A key in the support form; true when it asks to save.
fn support(form: &mut SupportForm, msg: RespondMsg) -> bool {
    use SupportFocus::{Save, Scenarios, Ticket};
    let last = SupportScenario::ALL.len() - 1;
    match (form.focus, msg) {
        (Save, RespondMsg::Enter) => return true,
        (Scenarios, RespondMsg::Up) => form.scenario = form.scenario.saturating_sub(1),
        (Scenarios, RespondMsg::Down) if form.scenario == last => form.focus = Ticket,
        (Scenarios, RespondMsg::Down) => form.scenario += 1,
        (Scenarios, RespondMsg::Enter | RespondMsg::NextFocus | RespondMsg::Toggle) => {
            form.focus = Ticket;
        }
        (Ticket, RespondMsg::NextFocus) => form.focus = Save,
        (Save, RespondMsg::NextFocus) => form.focus = Scenarios,
        (Scenarios, RespondMsg::PrevFocus) => form.focus = Save,
        (Ticket, RespondMsg::PrevFocus) => form.focus = Scenarios,
        (Save, RespondMsg::PrevFocus | RespondMsg::Up) => form.focus = Ticket,
        _ => {}
    }
    false
}

/// Record the answer on a copy of the order; on success close the dialog and ask the runtime to
/// save it; on a refusal keep the dialog open with the reason.
fn save(r: &mut Respond, app: &mut App, mut order: Order) -> Vec<Effect> {
    let clock = app.clock;
    if app.read_only.contains(&order.id) {
        set_error(
            r,
            app,
            "This order was written by a newer portwiz and is read-only here.".into(),
        );
        return Vec::new();
    }
    // A rejection's text and fields, and the user's correction of the suggestion, if any.
    let mut rejection: Option<(String, Vec<FieldKey>)> = None;
    let mut correction: Option<(String, Vec<FieldKey>)> = None;
    let result = match &r.form {
        None => return Vec::new(),
        Some(Form::Rejection(form)) => {
            let input = form.input(&app.catalog);
            if input.text.trim().is_empty() && input.fields.is_empty() {
                Err("Paste or type the carrier's words, or tick the fields it named.".to_string())
            } else if form.looks_like_status() && !form.status_asked {
                if let Some(Form::Rejection(form)) = &mut r.form {
                    form.status_asked = true;
                }
                Err(
                    "This reads like a status update, not a rejection, and names no field: press Ctrl-S again to record it as a rejection anyway, or Esc to go back."
                        .to_string(),
                )
            } else {
                rejection = Some((input.text.clone(), input.fields.clone()));
                correction = form.correction();
                order.reject(input, clock.now).map_err(|e| e.to_string())
            }
        }
        Some(Form::Foc(form)) => match form.check(&order, clock.today).value() {
            Some((date, time)) => order
                .confirm_foc(date, time, clock.now)
                .map_err(|e| e.to_string()),
            None => {
                let check = form.check(&order, clock.today);
                Err([check.date.err(), check.time.err()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "))
            }
        },
        Some(Form::Support(form)) => {
            let ticket = Some(form.ticket.value().to_string());
            order
                .engage_support(form.scenario(), ticket, clock.now)
                .map_err(|e| e.to_string())
        }
        Some(Form::Confirm(Answer::Completion)) => {
            order.complete(clock.now).map_err(|e| e.to_string())
        }
        Some(Form::Confirm(_)) => order.cancel(clock.now).map_err(|e| e.to_string()),
    };
    match result {
        Ok(()) => {
            let mut effects = Vec::new();
            if let Some((text, fields)) = rejection {
                // The value the carrier quotes becomes the CSR's: the wizard offers it.
                for (key, value) in quoted_values(&text, &app.catalog, &fields) {
                    order.set_csr(key, &value, clock.now);
                }
            }
            if let Some((text, fields)) = correction {
                let example = LabelledExample {
                    text,
                    fields,
                    labelled_on: clock.today,
                    order: order.display_name(),
                };
                app.examples.push(example.clone());
                effects.push(Effect::Learn(Box::new(example)));
            }
            app.message = Some(Message::info(format!(
                "Recorded: {}.",
                order.status.label()
            )));
            effects.insert(0, Effect::Save(Box::new(order)));
            effects.insert(0, Effect::Close);
            effects
        }
        Err(why) => {
            set_error(r, app, why);
            Vec::new()
        }
    }
}

fn set_error(r: &mut Respond, app: &mut App, why: String) {
    app.message = Some(Message::error(why.replace('\n', " ")));
    r.error = Some(why);
}

/// A key the table leaves to the focused text input.
pub fn edit(r: &mut Respond, app: &App, key: KeyEvent) -> Vec<Effect> {
    let (catalog, examples) = (&app.catalog, &app.examples);
    match &mut r.form {
        Some(Form::Rejection(form)) if form.focus == RejectionFocus::Text => {
            let changed = match key.code {
                KeyCode::Enter => {
                    form.text.newline();
                    true
                }
                KeyCode::Up => {
                    form.text.up();
                    false
                }
                KeyCode::Down => {
                    if !form.text.down() {
                        form.focus = RejectionFocus::List;
                        form.cursor = 0;
                    }
                    false
                }
                _ => match request_for(&key) {
                    Some(request) => {
                        form.text.handle(request);
                        true
                    }
                    None => false,
                },
            };
            if changed {
                form.reclassify(catalog, examples);
            }
        }
        Some(Form::Foc(form)) => {
            let field = match form.focus {
                FocFocus::Date => &mut form.date,
                FocFocus::Time => &mut form.time,
                FocFocus::Save => return Vec::new(),
            };
            if let Some(request) = request_for(&key) {
                field.handle(request);
            }
        }
        Some(Form::Support(form)) if form.focus == SupportFocus::Ticket => {
            if let Some(request) = request_for(&key) {
                form.ticket.handle(request);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Bracketed paste into the focused input: the box keeps the lines, a one-line input gets one.
pub fn paste(r: &mut Respond, app: &App, text: &str) -> Vec<Effect> {
    let (catalog, examples) = (&app.catalog, &app.examples);
    let one_line = text.replace(['\r', '\n'], " ");
    match &mut r.form {
        Some(Form::Rejection(form)) => {
            form.focus = RejectionFocus::Text;
            form.text.paste(text);
            form.reclassify(catalog, examples);
        }
        Some(Form::Foc(form)) => match form.focus {
            FocFocus::Date => form.date.insert_str(one_line.trim()),
            FocFocus::Time => form.time.insert_str(one_line.trim()),
            FocFocus::Save => {}
        },
        Some(Form::Support(form)) if form.focus == SupportFocus::Ticket => {
            form.ticket.insert_str(one_line.trim());
        }
        _ => {}
    }
    Vec::new()
}
