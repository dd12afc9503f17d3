//! `update`: the only place the model changes. It never touches the terminal or the files; what
//! must happen outside is returned as effects for the runtime.

use super::app::{App, Context, Message, OrderPage, Screen};
use super::keymap;
use super::msg::{Effect, Msg};
use super::text::one_line;
use super::view;
use super::wizard::{Wizard, WizardOutcome};
use crate::domain::{Order, OrderFields};
use crate::store::Notice;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(app, key),
        Msg::Paste(text) => on_paste(app, &text),
        Msg::Resize(width, height) => {
            app.size = (width, height);
            app.clamp_selection();
            clamp_page_scroll(app);
            Vec::new()
        }
        Msg::Tick(clock) => {
            app.clock = clock;
            Vec::new()
        }
        Msg::MoveUp => move_by(app, -1),
        Msg::MoveDown => move_by(app, 1),
        Msg::PageUp => move_by(app, -page(app)),
        Msg::PageDown => move_by(app, page(app)),
        Msg::Top => move_by(app, isize::MIN / 2),
        Msg::Bottom => move_by(app, isize::MAX / 2),
        Msg::Open => {
            let Some(order_id) = app.selected_summary().map(|s| s.id.clone()) else {
                return Vec::new();
            };
            if app.order(&order_id).is_some() {
                open_page(app, order_id);
                Vec::new()
            } else {
                vec![Effect::Load(order_id)]
            }
        }
        Msg::Loaded(order) => {
            let order_id = order.id.clone();
            app.upsert(*order);
            if matches!(app.top(), Screen::Home) {
                open_page(app, order_id);
            }
            Vec::new()
        }
        Msg::StoreChecked { summaries, notices } => {
            app.orders = summaries;
            let known: std::collections::HashSet<&str> =
                app.orders.iter().map(|s| s.id.as_str()).collect();
            app.loaded.retain(|id, _| known.contains(id.as_str()));
            app.read_only = notices
                .iter()
                .filter_map(|n| match n {
                    Notice::NewerSchema { id, .. } => Some(id.clone()),
                    _ => None,
                })
                .collect();
            app.notices.extend(
                notices
                    .iter()
                    .filter(|n| !matches!(n, Notice::StaleTempRemoved(_)))
                    .map(ToString::to_string),
            );
            app.refresh_rows();
            Vec::new()
        }
        Msg::LoadFailed { order_id, reason } => {
            app.message = Some(Message {
                text: format!(
                    "Order {order_id} could not be opened: {}",
                    one_line(&reason)
                ),
                is_error: true,
            });
            Vec::new()
        }
        Msg::Back => {
            back(app);
            Vec::new()
        }
        Msg::StartFilter => {
            app.history.editing_filter = true;
            Vec::new()
        }
        Msg::FilterInput(c) => {
            app.history.filter.push(c);
            app.refresh_rows();
            Vec::new()
        }
        Msg::FilterBackspace => {
            app.history.filter.pop();
            app.refresh_rows();
            Vec::new()
        }
        Msg::FilterClear => {
            app.history.filter.clear();
            app.refresh_rows();
            Vec::new()
        }
        Msg::FilterAccept => {
            app.history.editing_filter = false;
            Vec::new()
        }
        Msg::FilterCancel => {
            app.history.editing_filter = false;
            app.history.filter.clear();
            app.refresh_rows();
            Vec::new()
        }
        Msg::CycleStatusFilter => {
            app.history.status_filter = app.history.status_filter.next();
            app.refresh_rows();
            Vec::new()
        }
        Msg::CycleSort => {
            app.history.sort = app.history.sort.next();
            app.history.descending = app.history.sort.starts_descending();
            app.refresh_rows();
            Vec::new()
        }
        Msg::ReverseSort => {
            app.history.descending = !app.history.descending;
            app.refresh_rows();
            Vec::new()
        }
        Msg::OpenWizard { order_id: None } => vec![Effect::NewOrderId],
        Msg::OpenWizard { order_id: Some(id) } => {
            open_wizard_on(app, &id);
            Vec::new()
        }
        Msg::UpdateOrder => {
            if let Screen::Order(page) = app.top() {
                let id = page.order_id.clone();
                open_wizard_on(app, &id);
            }
            Vec::new()
        }
        Msg::NewOrderId(id) => {
            let order = Order::new(id, OrderFields::default(), app.clock.now);
            app.screens
                .push(Screen::Wizard(Box::new(Wizard::open(order, app.clock))));
            Vec::new()
        }
        Msg::OpenRespond => {
            open_respond(app);
            Vec::new()
        }
        Msg::OpenAssist => {
            if let Screen::Order(page) = app.top() {
                let id = page.order_id.clone();
                super::assist::open(app, &id);
            }
            Vec::new()
        }
        Msg::OpenExport => {
            if let Screen::Order(page) = app.top() {
                let id = page.order_id.clone();
                super::export::open(app, &id);
            }
            Vec::new()
        }
        Msg::Respond(m) => super::respond::update::update(app, m),
        Msg::Export(m) => super::export::update(app, m),
        Msg::SaveTicket => super::assist::save_ticket(app),
        Msg::Edit(key) => match app.top() {
            Screen::Respond(_) => super::respond::update::edit(app, key),
            Screen::Assist(_) => {
                super::assist::edit(app, key);
                Vec::new()
            }
            Screen::Export(_) => {
                super::export::edit(app, key);
                Vec::new()
            }
            _ => Vec::new(),
        },
        Msg::LoadDemo => vec![Effect::LoadDemo],
        Msg::ToggleHelp => {
            app.help_open = !app.help_open;
            Vec::new()
        }
        Msg::Quit => request_quit(app),
        Msg::Interrupt if app.confirm_quit => quit(app),
        Msg::Interrupt => request_quit(app),
        Msg::ConfirmQuit => quit(app),
        Msg::SaveAndQuit => {
            if !app.wizard_has_unsaved_edits() {
                // Nothing the app can save: `s` is not offered, so it does nothing.
                return Vec::new();
            }
            let clock = app.clock;
            let mut effects = Vec::new();
            for screen in &mut app.screens {
                if let Screen::Wizard(wizard) = screen
                    && let WizardOutcome::Save(order) = wizard.save(clock)
                {
                    effects.push(Effect::Save(Box::new(order)));
                }
            }
            // A failed save takes the quit back (see `SaveFailed`).
            effects.extend(quit(app));
            effects
        }
        Msg::CancelQuit => {
            app.confirm_quit = false;
            Vec::new()
        }
        Msg::DismissNotices => {
            app.notices.clear();
            Vec::new()
        }
        Msg::Saved(order) => {
            let name = one_line(&order.display_name());
            upsert(app, *order);
            app.message = Some(info(format!("Saved “{name}”.")));
            Vec::new()
        }
        Msg::SaveFailed { order_id, reason } => {
            // Never quit over edits that did not reach the disk.
            app.quit = false;
            app.confirm_quit = false;
            app.message = Some(Message {
                text: format!("Order {order_id} was not saved: {}", one_line(&reason)),
                is_error: true,
            });
            Vec::new()
        }
        Msg::LearnFailed(reason) => {
            app.message = Some(Message {
                text: format!(
                    "Your correction was recorded but not learned: {}",
                    one_line(&reason)
                ),
                is_error: true,
            });
            Vec::new()
        }
        Msg::Exported { order_id, path } => {
            super::export::exported(app, &order_id, &path);
            Vec::new()
        }
        Msg::ExportExists { order_id, path } => {
            super::export::exists(app, &order_id, &path);
            Vec::new()
        }
        Msg::ExportFailed { order_id, reason } => {
            super::export::failed(app, &order_id, &reason);
            Vec::new()
        }
        Msg::OrdersAdded { orders, problems } => {
            let count = orders.len();
            for order in orders {
                upsert(app, order);
            }
            let mut text = format!("Added {count} demo orders to this store.");
            if !problems.is_empty() {
                text.push_str(&format!(" Not added: {}", one_line(&problems.join("; "))));
            }
            app.message = Some(Message {
                text,
                is_error: !problems.is_empty(),
            });
            Vec::new()
        }
    }
}

fn info(text: String) -> Message {
    Message {
        text,
        is_error: false,
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    app.message = None;
    let context = app.context();
    if context == Context::Wizard {
        if let Some(msg @ (Msg::Interrupt | Msg::ToggleHelp)) =
            keymap::lookup(Context::Global, &key)
        {
            return update(app, msg);
        }
        // `?` is help wherever it is not a character being typed.
        let typing = matches!(app.top(), Screen::Wizard(wizard) if wizard.takes_text());
        if key.code == KeyCode::Char('?')
            && !typing
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return update(app, Msg::ToggleHelp);
        }
        let clock = app.clock;
        let outcome = match app.screens.last_mut() {
            Some(Screen::Wizard(wizard)) => wizard.handle_key(key, clock),
            _ => WizardOutcome::Stay,
        };
        return on_wizard_outcome(app, outcome);
    }
    if let Some(msg) = keymap::lookup(context, &key) {
        return update(app, msg);
    }
    if matches!(
        context,
        Context::RespondTextArea | Context::RespondInput | Context::Assist | Context::ExportPath
    ) {
        return update(app, Msg::Edit(key));
    }
    if context == Context::FilterEditing
        && let KeyCode::Char(c) = key.code
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return update(app, Msg::FilterInput(c));
    }
    Vec::new()
}

fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    match app.context() {
        Context::Wizard => {
            let clock = app.clock;
            let outcome = match app.screens.last_mut() {
                Some(Screen::Wizard(wizard)) => wizard.handle_paste(text, clock),
                _ => WizardOutcome::Stay,
            };
            on_wizard_outcome(app, outcome)
        }
        Context::RespondChoose
        | Context::RespondTextArea
        | Context::RespondInput
        | Context::RespondList => super::respond::update::paste(app, text),
        Context::Assist => {
            super::assist::paste(app, text);
            Vec::new()
        }
        Context::ExportPath => {
            super::export::paste(app, text);
            Vec::new()
        }
        Context::FilterEditing => {
            app.history.filter.push_str(one_line(text).trim());
            app.refresh_rows();
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn on_wizard_outcome(app: &mut App, outcome: WizardOutcome) -> Vec<Effect> {
    match outcome {
        WizardOutcome::Stay => Vec::new(),
        WizardOutcome::Save(order) => vec![Effect::Save(Box::new(order))],
        WizardOutcome::Submit(order) => {
            close_wizard(app, &order.id);
            if !matches!(app.top(), Screen::Order(_)) {
                app.screens.push(Screen::Order(OrderPage {
                    order_id: order.id.clone(),
                    scroll: 0,
                }));
            }
            vec![Effect::Save(Box::new(order))]
        }
        WizardOutcome::Close(order) => {
            close_wizard(app, &order.id);
            // The wizard wrote the focused input into the order as it closed: keep it, unless
            // nothing changed (or a new order was left untouched).
            let keep = match app.order(&order.id) {
                Some(stored) => *stored != order,
                None => order.fields != OrderFields::default(),
            };
            if keep {
                vec![Effect::Save(Box::new(order))]
            } else {
                Vec::new()
            }
        }
    }
}

/// Leave the wizard; the page below shows the order as saved, and the history selects it.
fn close_wizard(app: &mut App, order_id: &str) {
    if matches!(app.top(), Screen::Wizard(_)) {
        app.screens.pop();
    }
    if let Some(row) = app
        .history
        .rows
        .iter()
        .position(|i| app.orders[*i].id == order_id)
    {
        app.history.selected = row;
        app.clamp_selection();
    }
}

/// `r` on an order's page: the response dialog, offering what the order's status allows.
fn open_respond(app: &mut App) {
    let Screen::Order(page) = app.top() else {
        return;
    };
    let id = page.order_id.clone();
    if app.read_only.contains(&id) {
        app.message = Some(Message {
            text: "This order was written by a newer portwiz and is read-only here.".into(),
            is_error: true,
        });
        return;
    }
    let Some(order) = app.order(&id) else {
        return;
    };
    if order.status.is_final() {
        app.message = Some(Message {
            text: format!(
                "This order is {}: there is no answer left to record.",
                order.status.label()
            ),
            is_error: true,
        });
        return;
    }
    let respond = super::respond::Respond::open(order, app.clock.now);
    app.screens.push(Screen::Respond(Box::new(respond)));
}

fn open_wizard_on(app: &mut App, id: &str) {
    let Some(order) = app.order(id) else {
        app.message = Some(Message {
            text: format!("Order {id} is not in the store any more."),
            is_error: true,
        });
        return;
    };
    if app.read_only.contains(id) {
        app.message = Some(Message {
            text: "This order was written by a newer portwiz and is read-only here.".into(),
            is_error: true,
        });
        return;
    }
    if let Err(refusal) = order.ensure_editable() {
        app.message = Some(Message {
            text: refusal.to_string(),
            is_error: true,
        });
        return;
    }
    let wizard = Wizard::open(order.clone(), app.clock);
    app.screens.push(Screen::Wizard(Box::new(wizard)));
}

fn back(app: &mut App) {
    if app.help_open {
        app.help_open = false;
        return;
    }
    match app.top() {
        Screen::Order(_)
        | Screen::Wizard(_)
        | Screen::Respond(_)
        | Screen::Assist(_)
        | Screen::Export(_) => {
            app.screens.pop();
        }
        Screen::Home => {
            if !app.history.filter.is_empty() {
                app.history.filter.clear();
                app.refresh_rows();
            }
        }
    }
}

fn request_quit(app: &mut App) -> Vec<Effect> {
    if app.has_unsaved_edits() {
        app.confirm_quit = true;
        Vec::new()
    } else {
        quit(app)
    }
}

fn quit(app: &mut App) -> Vec<Effect> {
    app.quit = true;
    vec![Effect::Quit]
}

fn upsert(app: &mut App, order: Order) {
    app.read_only.remove(&order.id);
    app.upsert(order);
    app.refresh_rows();
    clamp_page_scroll(app);
}

fn open_page(app: &mut App, order_id: String) {
    app.screens.push(Screen::Order(OrderPage {
        order_id,
        scroll: 0,
    }));
}

/// Rows (history) or lines (order page) in one page.
fn page(app: &App) -> isize {
    let rows = match app.top() {
        Screen::Order(_) => view::order_page::body_rows(app.size),
        _ => view::history::table_rows(app.size),
    };
    isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1)
}

fn move_by(app: &mut App, delta: isize) -> Vec<Effect> {
    match app.screens.last() {
        Some(Screen::Order(_)) => {
            let max = max_page_scroll(app);
            if let Some(Screen::Order(page)) = app.screens.last_mut() {
                page.scroll = page.scroll.saturating_add_signed(delta).min(max);
            }
        }
        Some(Screen::Home) | None => {
            let last = app.history.rows.len().saturating_sub(1);
            app.history.selected = app.history.selected.saturating_add_signed(delta).min(last);
            app.clamp_selection();
        }
        Some(Screen::Wizard(_) | Screen::Respond(_) | Screen::Assist(_) | Screen::Export(_)) => {}
    }
    Vec::new()
}

fn max_page_scroll(app: &App) -> usize {
    match app.top() {
        Screen::Order(page) => view::order_page::max_scroll(app, &page.order_id),
        _ => 0,
    }
}

fn clamp_page_scroll(app: &mut App) {
    let max = max_page_scroll(app);
    if let Some(Screen::Order(page)) = app.screens.last_mut() {
        page.scroll = page.scroll.min(max);
    }
}
