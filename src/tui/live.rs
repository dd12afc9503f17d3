//! The app follows the disk: what the store's watcher found changed (another window, the CLI,
//! a sync, git) replaces the app's copy, so the history, its counts and an open order page show
//! it without a key press. Screens that edit keep their own copy (and its revision) until they
//! save; the save then merges (`store::live`).

use super::app::{App, Message};
use super::text::one_line;
use crate::domain::Order;
use crate::domain::summary::Summary;
use crate::store::Notice;
use std::collections::HashMap;

/// Take in orders changed, removed and set aside on disk.
pub fn follow_disk(app: &mut App, changed: Vec<Order>, removed: Vec<String>, notices: Vec<Notice>) {
    // Orders come and go: the board's places of their tenants no longer hold.
    app.history.tenant_places.clear();
    // Only their summaries for orders not open: the app holds full orders only once opened.
    let mut summaries: HashMap<String, Summary> = HashMap::new();
    for order in changed {
        app.read_only.remove(&order.id);
        if app.loaded.contains_key(&order.id) {
            app.upsert(order);
        } else {
            summaries.insert(order.id.clone(), Summary::of(&order));
        }
    }
    // One pass over the summaries for the whole batch: a `git pull` of 100,000 files looked
    // each one up among 100,000 (billions of comparisons).
    if !summaries.is_empty() {
        for slot in &mut app.orders {
            if let Some(summary) = summaries.remove(slot.id()) {
                *slot = summary;
            }
        }
        app.orders.extend(summaries.into_values());
    }
    for id in &removed {
        app.orders.retain(|s| s.id() != *id);
        app.loaded.remove(id);
    }
    app.drop_gone_marks();
    if let [id] = removed.as_slice() {
        app.message = Some(Message::info(format!(
            "Order {} was removed from the store elsewhere.",
            one_line(id)
        )));
    }
    for notice in notices {
        if let Notice::NewerSchema { id, .. } = &notice {
            app.read_only.insert(id.clone());
        }
        app.notices.push(notice.to_string());
    }
    app.refresh_rows();
}
