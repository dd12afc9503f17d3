//! `portwiz split FILE.csv [--dry-run]`: a company's sheet of numbers as the orders Microsoft
//! allows (`domain::split`), one draft each; the ids on stdout, one a line, and why each is an
//! order of its own on stderr.

use super::Failure;
use super::console::Console;
use super::input;
use crate::domain::split::{self, SplitPlan};
use crate::domain::{Clock, Order};
use crate::store::Store;
use std::path::Path;

/// Plan the orders; unless `dry_run`, create each as a draft.
pub fn split(
    store: &mut Store,
    path: &Path,
    dry_run: bool,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let name = path.display().to_string();
    let bytes = input::read_bytes(path, &input::SHEET)?;
    let plan = split::plan(&bytes).map_err(|e| Failure::Input(format!("{name}: {e}")))?;
    say_plan(&plan, &name, console);
    if dry_run {
        console.say(&format!(
            "{name}: --dry-run: nothing was created; run again without it to create the {} drafts",
            plan.orders.len()
        ));
        return Ok(());
    }
    // Each id as soon as its draft is saved: a failure later leaves no created draft unnamed.
    for fields in split::drafts(&plan, &split::sheet_name(&name)) {
        let (order, _) = Order::from_fields(store.new_id(), &fields, clock.now);
        let id = order.id.clone();
        store.create(order)?;
        console.print(&format!("{id}\n"))?;
    }
    Ok(())
}

/// Each order with its size, rows, route and reason; then the rows left out and the warnings.
fn say_plan(plan: &SplitPlan, name: &str, console: &mut Console) {
    console.say(&format!("{name}: {}", split::summary(plan)));
    for (i, order) in plan.orders.iter().enumerate() {
        console.say(&format!(
            "  order {}: {}; {}",
            i + 1,
            split::describe(order),
            order.reason
        ));
    }
    for bad in &plan.bad_rows {
        console.say(&format!("error: {name}: {bad}"));
    }
    for repeat in &plan.repeats {
        console.say(&format!("warning: {name}: {repeat}"));
    }
    for warning in &plan.warnings {
        console.say(&format!("warning: {name}: {warning}"));
    }
}
