//! The demo orders of `assets/demo/`, embedded in the binary so `portwiz --demo` and the welcome
//! screen's `d` work from any folder. Both open a temporary copy ([`temporary_copy`]), never the
//! user's own store: portwiz deletes no order, so demo orders written there would stay for good.

use crate::domain::Clock;
use crate::domain::Order;
use crate::domain::rules;
use crate::store::{OrderFile, Store};
use jiff::Timestamp;

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
    (
        "PO-DEMO0013.json",
        include_str!("../assets/demo/PO-DEMO0013.json"),
    ),
    (
        "PO-DEMO0014.json",
        include_str!("../assets/demo/PO-DEMO0014.json"),
    ),
    (
        "PO-DEMO0015.json",
        include_str!("../assets/demo/PO-DEMO0015.json"),
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

/// The day the demo orders' dates were written for.
pub const DEMO_DAY: jiff::civil::Date = jiff::civil::date(2026, 11, 26);

/// Write the demo orders into `store`, under their own ids when free, else under new ones, moved
/// to `clock`'s day (see [`rebase`]). Returns the orders written and what went wrong.
pub fn install(store: &mut Store, clock: Clock) -> (Vec<Order>, Vec<String>) {
    let (orders, mut problems) = orders();
    let mut written = Vec::new();
    for mut order in orders {
        rebase(&mut order, clock);
        if store.get(&order.id).is_ok() {
            order.id = store.new_id();
        }
        match store.create(order.clone()) {
            // The copy as saved, with its revision: an edit of it is based on that.
            Ok(()) => written.push(store.get(&order.id).map_or(order, |l| l.order.clone())),
            Err(e) => problems.push(e.to_string()),
        }
    }
    (written, problems)
}

/// A fresh store in a temporary folder (0700) holding the demo orders moved to `clock`'s day:
/// the folder, the store, the orders written and what went wrong. The folder is deleted when
/// the `TempDir` is dropped.
pub fn temporary_copy(
    clock: Clock,
) -> Result<(tempfile::TempDir, Store, Vec<Order>, Vec<String>), String> {
    let temp = tempfile::TempDir::new()
        .map_err(|e| format!("cannot make a temporary folder for the demo: {e}"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(temp.path(), std::fs::Permissions::from_mode(0o700));
    }
    let (mut store, _) = Store::open(temp.path()).map_err(|e| e.to_string())?;
    let (orders, problems) = install(&mut store, clock);
    Ok((temp, store, orders, problems))
}

/// Move a demo order from `DEMO_DAY` to `clock`'s day: every time shifts by the same number of
/// days, so "rejected 2 days ago" stays true; a port date that the rules no longer allow (too
/// soon, a weekend, a holiday) becomes the earliest allowed one, so every order the user may
/// resubmit can be resubmitted on any day.
pub fn rebase(order: &mut Order, clock: Clock) {
    let days = (clock.today - DEMO_DAY).get_days();
    let shift = |t: &mut Timestamp| {
        if let Ok(moved) = t.checked_add(jiff::SignedDuration::from_hours(24 * i64::from(days))) {
            *t = moved;
        }
    };
    shift(&mut order.created_at);
    shift(&mut order.updated_at);
    order.history.iter_mut().for_each(|h| shift(&mut h.at));
    order.rejections.iter_mut().for_each(|r| shift(&mut r.at));
    if let Some(support) = &mut order.support {
        shift(&mut support.since);
    }
    if let Some(foc) = &mut order.foc
        && let Ok(date) = foc.date.checked_add(jiff::Span::new().days(days))
    {
        foc.date = date;
    }
    let country = order.fields.rules_country();
    let count = order.fields.numbers.len();
    if let Ok(date) = order.fields.port_date.trim().parse::<jiff::civil::Date>() {
        let moved = date
            .checked_add(jiff::Span::new().days(days))
            .unwrap_or(date);
        let allowed =
            rules::check_port_date(&moved.to_string(), clock.today, country, count).is_ok();
        let date = if allowed || order.status.is_final() {
            moved
        } else {
            rules::port_date_window(clock.today, country, count).earliest
        };
        order.fields.port_date = date.to_string();
        for snapshot in [&mut order.submitted_fields, &mut order.loa_signed_fields]
            .into_iter()
            .flatten()
        {
            snapshot.port_date = order.fields.port_date.clone();
        }
    }
}
