//! Every order in full at once, for the figures that need them all (the app's insights).
//! `Store::orders` loads them one by one into the store and writes each one's index row (one
//! transaction an order: seconds for 10,000); this reads the files on every core, keeps nothing
//! and leaves the index alone.

use super::{Store, file};
use crate::domain::Order;
use std::path::PathBuf;

impl Store {
    /// Every order the store knows, read from its file (or taken from the store when already
    /// loaded). An order whose file cannot be read now is left out.
    pub fn read_every_order(&self) -> Vec<Order> {
        let mut orders = Vec::with_capacity(self.slots.len());
        let mut to_read: Vec<PathBuf> = Vec::new();
        for (id, slot) in &self.slots {
            match slot.full.get() {
                Some(Some(loaded)) => orders.push(loaded.order.clone()),
                _ => to_read.push(self.path_of(id)),
            }
        }
        let read = |paths: Vec<PathBuf>| -> Vec<Order> {
            paths
                .iter()
                .filter_map(|p| file::read(p).ok().map(|(loaded, _)| loaded.order))
                .collect()
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        if threads < 2 || to_read.len() < 64 {
            orders.extend(read(to_read));
            return orders;
        }
        let chunk = to_read.len().div_ceil(threads);
        let mut chunks: Vec<Vec<PathBuf>> = Vec::new();
        let mut paths = to_read.into_iter().peekable();
        while paths.peek().is_some() {
            chunks.push(paths.by_ref().take(chunk).collect());
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .into_iter()
                .map(|chunk| scope.spawn(move || read(chunk)))
                .collect();
            for handle in handles {
                orders.extend(handle.join().unwrap_or_default());
            }
        });
        orders
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Clock, Order, OrderFields};

    #[test]
    fn every_order_is_read_whether_loaded_or_not() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Clock::fixed(jiff::civil::date(2026, 11, 26));
        let (mut store, _) = Store::open(dir.path()).unwrap();
        let orders: Vec<Order> = (0..100)
            .map(|i| Order::new(format!("PO-R{i:04}"), OrderFields::default(), clock.now))
            .collect();
        store.create_batch(orders).unwrap();
        drop(store);
        let (store, _) = Store::open(dir.path()).unwrap();
        // One loaded, the others on disk only.
        let _ = store.get("PO-R0007");
        let mut ids: Vec<String> = store.read_every_order().into_iter().map(|o| o.id).collect();
        ids.sort();
        let expected: Vec<String> = (0..100).map(|i| format!("PO-R{i:04}")).collect();
        assert_eq!(ids, expected);
    }
}
