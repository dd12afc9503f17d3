//! The demo orders of `assets/demo/`, embedded in the binary so `portwiz --demo` and the welcome
//! screen's `d` work from any folder.

use crate::domain::Order;
use crate::store::{OrderFile, Store};

/// (file name, contents) of every demo order.
pub static DEMO_FILES: &[(&str, &str)] = &[
    (
        "PO-DEMO0001.json",
        include_str!("../assets/demo/PO-DEMO0001.json"),
    ),
    (
        "PO-DEMO0002.json",
        include_str!("../assets/demo/PO-DEMO0002.json"),
    ),
    (
        "PO-DEMO0003.json",
        include_str!("../assets/demo/PO-DEMO0003.json"),
    ),
    (
        "PO-DEMO0004.json",
        include_str!("../assets/demo/PO-DEMO0004.json"),
    ),
    (
        "PO-DEMO0005.json",
        include_str!("../assets/demo/PO-DEMO0005.json"),
    ),
    (
        "PO-DEMO0006.json",
        include_str!("../assets/demo/PO-DEMO0006.json"),
    ),
    (
        "PO-DEMO0007.json",
        include_str!("../assets/demo/PO-DEMO0007.json"),
    ),
    (
        "PO-DEMO0008.json",
        include_str!("../assets/demo/PO-DEMO0008.json"),
    ),
    (
        "PO-DEMO0009.json",
        include_str!("../assets/demo/PO-DEMO0009.json"),
    ),
    (
        "PO-DEMO0010.json",
        include_str!("../assets/demo/PO-DEMO0010.json"),
    ),
    (
        "PO-DEMO0011.json",
        include_str!("../assets/demo/PO-DEMO0011.json"),
    ),
    (
        "PO-DEMO0012.json",
        include_str!("../assets/demo/PO-DEMO0012.json"),
    ),
];

/// The demo orders, parsed. A file that does not parse is reported by name.
pub fn orders() -> (Vec<Order>, Vec<String>) {
    let mut orders = Vec::new();
    let mut problems = Vec::new();
    for (name, json) in DEMO_FILES {
        match serde_json::from_str::<OrderFile>(json) {
            Ok(file) => orders.push(file.order),
            Err(e) => problems.push(format!("demo file {name}: {e}")),
        }
    }
    (orders, problems)
}

/// Write the demo orders into `store`, under their own ids when free, else under new ones.
/// Returns the orders written and what went wrong.
pub fn install(store: &mut Store) -> (Vec<Order>, Vec<String>) {
    let (orders, mut problems) = orders();
    let mut written = Vec::new();
    for mut order in orders {
        if store.get(&order.id).is_ok() {
            order.id = store.new_id();
        }
        match store.create(order.clone()) {
            Ok(()) => written.push(order),
            Err(e) => problems.push(e.to_string()),
        }
    }
    (written, problems)
}
