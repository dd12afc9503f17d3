//! `update`: the only place the model changes. It never touches the terminal or the files; what
//! must happen outside is returned as effects for the runtime.
//!
//! This is the root's routing. Overlays (help, notices, the quit question) and what concerns
//! the whole app (the clock, the size, quitting, what the runtime answers about the store) are
//! its own; keys and every other message go to the screen on top of the stack, which answers
//! with effects: `Effect::Close` takes it off the stack, `Effect::Open` opens a screen over it.

use super::app::{Context, Message};
use super::keymap;
use super::layout::Drawn;
use super::msg::{Effect, Msg, ScreenId, Scroll};
use super::root::{Root, Screen};
use super::screen::{Keyed, Routed};
use super::text::one_line;
use super::wizard::{Start, Wizard};
use crate::domain::summary::Summary;
use crate::domain::{Order, OrderFields};
use crate::store::Notice;
use crossterm::event::{KeyEvent, KeyEventKind};

pub fn update(app: &mut Root, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(app, key),
        Msg::Paste(text) => {
            if Context::OVERLAYS.contains(&app.context()) {
                return Vec::new();
            }
            to_screen(app, Msg::Paste(text))
        }
        Msg::Resize(width, height) => {
            app.size = (width, height);
            app.clamp_selection();
            to_screen(app, msg)
        }
        Msg::Tick(clock) => {
            app.clock = clock;
            Vec::new()
        }
        Msg::Drawn(drawn) => {
            frame_drawn(app, drawn);
            Vec::new()
        }
        Msg::Loaded(order) => {
            loaded(app, *order);
            Vec::new()
        }
        Msg::Reading(done, total) => {
            app.reading = Some((done, total));
            Vec::new()
        }
        Msg::StoreChecked { summaries, notices } => {
            app.reading = None;
            store_checked(app, summaries, notices)
        }
        Msg::BoardChecked(every) => {
            app.reading = None;
            board_checked(app, *every);
            Vec::new()
        }
        Msg::LoadFailed { order_id, reason } => load_failed(app, &order_id, &reason),
        Msg::CopyId { source, id } => copy_id(app, &source, id),
        Msg::MoveOutId { source, id } => move_out_id(app, &source, id),
        Msg::NewOrderId(id) => {
            let order = Order::new(id, OrderFields::default(), app.clock.now);
            let wizard = Wizard::open(order, app.clock, Start::FirstStep);
            app.screens.push(Screen::Wizard(Box::new(wizard)));
            Vec::new()
        }
        Msg::ScrollHelp(scroll) => scroll_help(app, scroll),
        Msg::Quit => request_quit(app),
        Msg::Interrupt if app.confirm_quit => quit(app),
        Msg::Interrupt => request_quit(app),
        Msg::ConfirmQuit => quit(app),
        Msg::SaveAndQuit => save_and_quit(app),
        Msg::ToggleHelp
        | Msg::CancelQuit
        | Msg::CancelLeave
        | Msg::ShowMessage
        | Msg::CloseMessage
        | Msg::DismissNotices => {
            overlay(app, &msg);
            Vec::new()
        }
        Msg::ConfirmLeave => match app.leaving.take() {
            Some((key, _)) => key_to_screen(app, key, true),
            None => Vec::new(),
        },
        Msg::Saved(order) => saved(app, order),
        Msg::Merged { order, notice } => merged(app, order, notice),
        Msg::SaveConflict { merge, mine } => save_conflict(app, merge, mine),
        Msg::StoreChanged {
            changed,
            removed,
            notices,
        } => {
            super::live::follow_disk(&mut app.app, changed, removed, notices);
            Vec::new()
        }
        Msg::SaveFailed { order_id, error } => save_failed(app, &order_id, &error.to_string()),
        Msg::LearnFailed(reason) => {
            app.message = Some(Message::error(format!(
                "Your correction was recorded but not learned: {}",
                one_line(&reason)
            )));
            Vec::new()
        }
        Msg::OrdersAdded { orders, problems } => orders_added(app, orders, problems),
        Msg::DraftsCreated { orders, problems } => drafts_created(app, orders, problems),
        Msg::NotesAdded { saved, refused } => notes_added(app, saved, refused),
        Msg::MovedOut { draft, order } => moved_out(app, *draft, order),
        Msg::TeamsRecorded {
            orders,
            lines,
            problems,
        } => teams_recorded(app, orders, lines, problems),
        other => to_screen(app, other),
    }
}

/// A frame is on screen: what it drew feeds the next layout, and a conflict view drawn now takes
/// keys from here on (none typed before it was seen).
fn frame_drawn(app: &mut Root, drawn: Drawn) {
    if let Some(Screen::Conflict(page)) = app.screens.last_mut() {
        page.armed = true;
    }
    app.drawn = drawn;
    app.history.offset = drawn.history_offset;
}

/// An order read from disk: kept, and opened on its page when nothing else is open.
fn loaded(app: &mut Root, order: Order) {
    let order_id = order.id.clone();
    app.upsert(order);
    let asked = app.app.open_when_loaded.as_deref() == Some(order_id.as_str());
    if asked {
        app.app.open_when_loaded = None;
    }
    if app.screens.len() <= 1 || asked {
        app.open_page(order_id);
    }
}

/// The overlays' answers: help opened or closed, a question answered "stay", the status
/// message shown whole or closed, the store's notices dismissed.
fn overlay(app: &mut Root, msg: &Msg) {
    match msg {
        Msg::ToggleHelp => {
            app.help_open = !app.help_open;
            app.help_scroll = 0;
        }
        Msg::CancelQuit => app.confirm_quit = false,
        Msg::CancelLeave => app.leaving = None,
        Msg::ShowMessage => app.message_open = app.status_message().is_some(),
        Msg::CloseMessage => app.message_open = false,
        Msg::DismissNotices => app.notices.clear(),
        _ => {}
    }
}

/// The full list of orders, checked after the first frame.
fn store_checked(app: &mut Root, summaries: Vec<Summary>, notices: Vec<Notice>) -> Vec<Effect> {
    let app = &mut app.app;
    app.orders = summaries;
    app.history.tenant_places.clear();
    app.refresh_id_width();
    app.drop_gone_marks();
    let known: std::collections::HashSet<&str> = app.orders.iter().map(|s| s.id()).collect();
    app.loaded.retain(|id, _| known.contains(id.as_str()));
    take_notices(app, &notices);
    app.refresh_rows();
    Vec::new()
}

/// Every tenant's orders, read after the board's first frame (which had each tenant's newest):
/// they replace it; orders gone meanwhile lose their marks and full copies. Ignored once the
/// app has left the board.
pub fn board_checked(app: &mut super::app::App, every: crate::store::board::Every) {
    let Some(board) = app.board.as_mut() else {
        return;
    };
    board.tenant_of = every.tenant_of;
    board.tenants.clone_from(&every.names);
    // Whose each order is says which are there: no set of 100,000 ids made here.
    app.loaded.retain(|id, _| board.tenant_of.contains_key(id));
    app.tenants = every.names;
    let (places, orders) = every
        .orders
        .into_iter()
        .map(|(tenant, summary)| (u32::try_from(tenant).unwrap_or(u32::MAX), summary))
        .unzip();
    app.history.tenant_places = places;
    app.orders = orders;
    app.refresh_id_width();
    app.drop_gone_marks();
    app.notices.extend(every.problems);
    app.refresh_rows();
}

/// What the store said as it read the orders: orders written by a newer portwiz are read-only
/// here; every notice but a removed stale temporary file is shown.
pub(crate) fn take_notices(app: &mut super::app::App, notices: &[Notice]) {
    app.read_only = notices
        .iter()
        .filter_map(|n| match n {
            Notice::NewerSchema { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect();
    // The first frame's store may have said some already (a folder's permissions): once is enough.
    for notice in notices {
        let text = notice.to_string();
        if !matches!(notice, Notice::StaleTempRemoved(_)) && !app.notices.contains(&text) {
            app.notices.push(text);
        }
    }
}

fn copy_id(app: &mut Root, source: &str, id: String) -> Vec<Effect> {
    // A new draft with the fields only, in the wizard as `n` opens one (closing it
    // keeps the copy).
    if let Some(order) = app.order(source) {
        let copy = order.copy_as_draft(id, app.clock.now);
        app.message = Some(Message::info(format!(
            "A new draft with the fields of {source} (not its status, history or rejections): Esc keeps it"
        )));
        let wizard = Wizard::open(copy, app.clock, Start::FirstStep);
        app.screens.push(Screen::Wizard(Box::new(wizard)));
    }
    Vec::new()
}

/// Move the numbers the carrier rejected out of `source` into the draft `id`: the draft is
/// saved first, then the order (so a failed second save leaves the numbers in both, never in
/// neither); the numbers list, which showed them, closes onto the order's page.
fn move_out_id(app: &mut Root, source: &str, id: String) -> Vec<Effect> {
    let Some(mut order) = app.order(source).cloned() else {
        return Vec::new();
    };
    let moved = order
        .numbers_to_move(&[])
        .and_then(|numbers| order.move_out(&numbers, id, app.clock));
    let draft = match moved {
        Ok(draft) => draft,
        Err(refusal) => {
            app.message = Some(Message::error(refusal.to_string()));
            return Vec::new();
        }
    };
    if matches!(app.screens.last(), Some(Screen::Numbers(page)) if page.order_id == source) {
        app.screens.pop();
    }
    vec![Effect::SaveMovedOut {
        draft: Box::new(draft),
        order: Box::new(order),
    }]
}

/// Both saved: the draft joins the history, the order is shown without the numbers, and the
/// status line says what moved where.
fn moved_out(app: &mut Root, draft: Order, order: Box<Order>) -> Vec<Effect> {
    let resubmit = if order.status == crate::domain::Status::CustomerActionRequired {
        ", ready to resubmit (u, then Review)"
    } else {
        ""
    };
    let text = format!(
        "Moved {} number(s) out into the new draft {} “{}”; this order keeps {}{resubmit}.",
        draft.fields.numbers.len(),
        draft.id,
        one_line(&draft.display_name()),
        order.fields.numbers.len()
    );
    upsert(app, draft);
    let effects = saved(app, order);
    app.message = Some(Message::info(text));
    effects
}

fn scroll_help(app: &mut Root, scroll: Scroll) -> Vec<Effect> {
    let rows = app.drawn.help_rows.max(1);
    let max = app.drawn.help_lines.saturating_sub(rows);
    let now = app.help_scroll;
    app.help_scroll = match scroll {
        Scroll::Up => now.saturating_sub(1),
        Scroll::Down => now + 1,
        Scroll::PageUp => now.saturating_sub(rows),
        Scroll::PageDown => now + rows,
    }
    .min(max);
    Vec::new()
}

fn save_and_quit(app: &mut Root) -> Vec<Effect> {
    if !app.can_save_on_quit() {
        // Nothing the app can save: `s` is not offered, so it does nothing.
        return Vec::new();
    }
    let clock = app.clock;
    let mut effects: Vec<Effect> = app
        .screens
        .iter_mut()
        .filter_map(|s| s.component_mut().save_on_quit(clock))
        .collect();
    // A failed save takes the quit back (see `SaveFailed`).
    effects.extend(quit(app));
    effects
}

/// Saved, combined with what another window saved meanwhile: the notice says what it changed.
fn merged(app: &mut Root, order: Box<Order>, notice: String) -> Vec<Effect> {
    upsert(app, (*order).clone());
    app.message = Some(Message::info(notice));
    to_screen(app, Msg::Saved(order))
}

fn saved(app: &mut Root, order: Box<Order>) -> Vec<Effect> {
    let name = one_line(&order.display_name());
    let before = app
        .orders
        .iter()
        .find(|s| s.id() == order.id)
        .map(|s| s.status);
    upsert(app, (*order).clone());
    // A save that moved the order on (submitted from the hand-off, a recorded answer)
    // says where it is now, not only that it was written.
    let text = match before {
        Some(status) if status != order.status => {
            format!("Saved “{name}”: now {}.", order.status.label())
        }
        _ => format!("Saved “{name}”."),
    };
    app.message = Some(Message::info(text));
    to_screen(app, Msg::Saved(order))
}

fn save_conflict(
    app: &mut Root,
    merge: Box<crate::domain::merge::Merge>,
    mine: Box<Order>,
) -> Vec<Effect> {
    // Never quit over edits that did not reach the disk.
    app.quit = false;
    app.confirm_quit = false;
    // The wizard stays open under the view with the edit; a dialog that saved (the
    // carrier's response) has closed, and nothing else holds what it recorded.
    let held_by = app
        .screens
        .iter()
        .any(|s| {
            let s = s.component();
            s.id() == ScreenId::Wizard && s.order_id() == Some(merge.order.id.as_str())
        })
        .then_some("the wizard");
    let page = super::screens::conflict::ConflictPage::new(merge, mine, held_by);
    app.screens.push(Screen::Conflict(page));
    Vec::new()
}

fn load_failed(app: &mut Root, order_id: &str, reason: &str) -> Vec<Effect> {
    app.message = Some(Message::error(format!(
        "Order {order_id} could not be opened: {}",
        one_line(reason)
    )));
    Vec::new()
}

fn save_failed(app: &mut Root, order_id: &str, error: &str) -> Vec<Effect> {
    // Never quit over edits that did not reach the disk.
    app.quit = false;
    app.confirm_quit = false;
    app.message = Some(Message::error(format!(
        "Order {order_id} was not saved: {}",
        one_line(error)
    )));
    Vec::new()
}

/// A split sheet's drafts: in the history at once, with what was created.
/// A Teams check recorded: the orders saved are the app's too; the screen says what was recorded.
fn teams_recorded(
    app: &mut Root,
    orders: Vec<Order>,
    lines: Vec<String>,
    problems: Vec<String>,
) -> Vec<Effect> {
    for order in orders {
        upsert(app, order);
    }
    let orders = Vec::new();
    to_screen(
        app,
        Msg::TeamsRecorded {
            orders,
            lines,
            problems,
        },
    )
}

fn drafts_created(app: &mut Root, orders: Vec<Order>, problems: Vec<String>) -> Vec<Effect> {
    let count = orders.len();
    for order in orders {
        upsert(app, order);
    }
    app.message = Some(if problems.is_empty() {
        Message::info(format!("Created {count} drafts from the sheet."))
    } else {
        Message::error(format!(
            "Created {count} drafts from the sheet; not saved: {}",
            one_line(&problems.join("; "))
        ))
    });
    Vec::new()
}

/// A note added to several orders: each saved one in the history at once, and how many got it.
fn notes_added(app: &mut Root, saved: Vec<Order>, refused: Vec<(String, String)>) -> Vec<Effect> {
    let count = saved.len();
    for order in &saved {
        upsert(app, order.clone());
    }
    let added = super::screens::home::orders_word(count);
    app.message = Some(match refused.as_slice() {
        [] => Message::info(format!(
            "Note added to {added}: each shows it in its history, its exports and the hand-off."
        )),
        not => Message::error(format!(
            "Note added to {added}; not to {}: {}",
            super::screens::home::orders_word(not.len()),
            one_line(
                &not.iter()
                    .map(|(id, why)| format!("{id} ({why})"))
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        )),
    });
    to_screen(app, Msg::NotesAdded { saved, refused })
}

/// The demo copy, opened from the welcome screen.
fn orders_added(app: &mut Root, orders: Vec<Order>, problems: Vec<String>) -> Vec<Effect> {
    let count = orders.len();
    app.demo = true;
    for order in orders {
        upsert(app, order);
    }
    let mut text = format!(
        "Opened a demo copy ({count} orders): your own store is untouched, and the copy is deleted when you quit."
    );
    if !problems.is_empty() {
        text.push_str(&format!(" Not added: {}", one_line(&problems.join("; "))));
    }
    app.message = Some(Message {
        text,
        is_error: !problems.is_empty(),
    });
    Vec::new()
}

/// Hand a message to the screen on top.
fn to_screen(app: &mut Root, msg: Msg) -> Vec<Effect> {
    with_top(app, |screen, app| screen.update(msg, app))
}

/// Run `f` on the screen on top. It is taken off the stack while it runs (so it can change the
/// model), then put back, unless it asked to close; the screens it asked for open over it.
fn with_top(
    root: &mut Root,
    f: impl FnOnce(&mut dyn Routed, &mut super::app::App) -> Vec<Effect>,
) -> Vec<Effect> {
    let Some(mut screen) = root.screens.pop() else {
        return Vec::new();
    };
    let effects = f(screen.component_mut(), &mut root.app);
    // The history stays at the bottom, whatever it asks.
    let close = effects.contains(&Effect::Close) && !root.screens.is_empty();
    if !close {
        root.screens.push(screen);
    }
    let mut out = Vec::new();
    for effect in effects {
        match effect {
            Effect::Close => {}
            Effect::Open(request) => root.open(&request),
            other => out.push(other),
        }
    }
    out
}

fn on_key(app: &mut Root, key: KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    let context = app.context();
    // The message stays for the key that shows it whole, and while it is shown.
    let show_message = keymap::lookup_global(Context::Status, &key)
        .filter(|_| !Context::OVERLAYS.contains(&context) && app.status_message().is_some());
    if let Some(msg) = show_message {
        return update(app, msg);
    }
    // The store's notices sit above the screen and take only their own key, so a notice that
    // arrives as the user types never eats a key meant for the screen.
    let dismiss = keymap::lookup_global(Context::Notices, &key)
        .filter(|_| !app.notices.is_empty() && !Context::OVERLAYS.contains(&context));
    if let Some(msg) = dismiss {
        return update(app, msg);
    }
    if context != Context::Message {
        app.message = None;
    }
    if let Some(Screen::Conflict(page)) = app.screens.last()
        && !page.armed
    {
        return typed_before_the_view(app, key);
    }
    let msg = match context {
        // Nobody sees the screen below 80×24: only quitting acts there (and the quit question,
        // which the too-small screen shows).
        _ if app.too_small() && context != Context::ConfirmQuit => too_small_key(&key),
        _ if Context::OVERLAYS.contains(&context) => keymap::lookup_global(context, &key),
        _ => return key_to_screen(app, key, false),
    };
    match msg {
        Some(msg) => update(app, msg),
        None => Vec::new(),
    }
}

/// A key typed before the conflict view, which opened by itself, was drawn: never a choice. A
/// key that only edits the text of the field it was typed for (a letter, Backspace, Ctrl-U, an
/// arrow within the text) goes to that field (the wizard's, under the view), so the field holds
/// what was typed; anything else (Tab, Enter, Esc) is dropped.
fn typed_before_the_view(app: &mut Root, key: KeyEvent) -> Vec<Effect> {
    let below = app
        .screens
        .len()
        .checked_sub(2)
        .and_then(|i| app.screens.get(i));
    let edits_the_field = match below {
        Some(Screen::Wizard(wizard)) => wizard.edits_its_field(&key),
        _ => false,
    };
    if !edits_the_field {
        return Vec::new();
    }
    let Some(view) = app.screens.pop() else {
        return Vec::new();
    };
    let effects = key_to_screen(app, key, false);
    app.screens.push(view);
    effects
}

/// A key for the screen on top (`confirmed`: the user said to lose its unsaved work). What the
/// screen leaves to the app goes through `update`; a key that would lose work raises the leave
/// question and is held until it is answered.
fn key_to_screen(app: &mut Root, key: KeyEvent, confirmed: bool) -> Vec<Effect> {
    let mut answer = None;
    let effects = with_top(app, |screen, app| {
        let keyed = if confirmed {
            screen.key_confirmed(&key, app)
        } else {
            screen.key(&key, app)
        };
        match keyed {
            Keyed::Done(effects) => effects,
            other => {
                answer = Some(other);
                Vec::new()
            }
        }
    });
    match answer {
        Some(Keyed::Global(msg)) => update(app, msg),
        Some(Keyed::Ask(unsaved)) => {
            app.leaving = Some((key, unsaved));
            Vec::new()
        }
        _ => effects,
    }
}

/// The keys that act behind "Terminal too small": `q` and `Ctrl-C`, which ask first when edits
/// would be lost.
fn too_small_key(key: &KeyEvent) -> Option<Msg> {
    use crossterm::event::{KeyCode, KeyModifiers};
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(Msg::Interrupt),
        KeyCode::Char('q') if key.modifiers.difference(KeyModifiers::SHIFT).is_empty() => {
            Some(Msg::Quit)
        }
        _ => None,
    }
}

fn request_quit(app: &mut Root) -> Vec<Effect> {
    if app.has_unsaved_edits() {
        app.confirm_quit = true;
        Vec::new()
    } else {
        quit(app)
    }
}

fn quit(app: &mut Root) -> Vec<Effect> {
    app.quit = true;
    vec![Effect::Quit]
}

fn upsert(app: &mut Root, order: Order) {
    app.read_only.remove(&order.id);
    app.upsert(order);
    app.refresh_rows();
}
