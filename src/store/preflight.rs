//! Preflight from history, from the store: the earlier orders of an order's carrier that
//! `domain::preflight` looks at, read as few as the index allows, and the warnings they give.
//! `submit`, `resubmit`, plain mode's review and the app's Review all ask here.

use super::Store;
use crate::domain::Order;
use crate::domain::insights;
use crate::domain::preflight::{self, HistoryWarning};

/// What the carrier of `order` rejected on the user's earlier orders (never blocks: warnings).
pub fn warnings(store: &mut Store, order: &Order) -> Vec<HistoryWarning> {
    match recent_of_carrier(store, order) {
        Some(ids) => {
            let earlier = ids
                .iter()
                .filter_map(|i| store.get(i).ok())
                .map(|l| &l.order);
            preflight::warnings(order, earlier)
        }
        // No index: every order of the carrier, read from the whole store.
        None => match Store::open(store.dir()) {
            Ok((all, _)) => {
                let key = insights::carrier_key(&order.fields.current_carrier);
                let earlier = all
                    .summaries()
                    .filter(|s| s.id() != order.id && insights::carrier_key(s.carrier()) == key)
                    .filter_map(|s| all.get(s.id()).ok())
                    .map(|l| &l.order);
                preflight::warnings(order, earlier)
            }
            Err(_) => Vec::new(),
        },
    }
}

/// The carrier's orders that preflight may pick, loaded: newest change first, until the
/// `RECENT_ORDERS` latest first submissions are certain (an order is submitted before its last
/// change, so one changed before the oldest of them cannot be newer), and at least a margin of
/// them. `None` without a usable index.
fn recent_of_carrier(store: &mut Store, order: &Order) -> Option<Vec<String>> {
    let key = insights::carrier_key(&order.fields.current_carrier);
    let margin = 4 * preflight::RECENT_ORDERS;
    let mut limit = Some(margin + 1);
    loop {
        let candidates = store.carrier_newest(&key, limit)?;
        let truncated = limit.is_some_and(|l| candidates.len() >= l);
        let mut ids = Vec::new();
        let mut firsts = Vec::new();
        for (id, changed) in candidates.into_iter().filter(|(i, _)| *i != order.id) {
            if ids.len() >= margin && firsts.len() >= preflight::RECENT_ORDERS {
                let oldest_kept = firsts[preflight::RECENT_ORDERS - 1];
                if changed < oldest_kept {
                    return Some(ids);
                }
            }
            let Ok(loaded) = store.load(&id) else {
                continue;
            };
            if let Some(at) = insights::first_submitted(&loaded.order) {
                firsts.push(at);
                firsts.sort_by(|a, b| b.cmp(a));
            }
            ids.push(id);
        }
        if !truncated {
            return Some(ids);
        }
        limit = None;
    }
}
