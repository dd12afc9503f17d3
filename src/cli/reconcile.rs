//! `portwiz reconcile FILE [--apply]`: the tenant's number export against the orders
//! (`domain::reconcile`), printed per order; `--apply` records it. The file is read whole and
//! checked before any order is touched, so a bad file changes nothing.

use super::Failure;
use super::console::Console;
use super::input::{self, Limit};
use crate::domain::Clock;
use crate::domain::reconcile::{self, Applied, OrderResult, Report, shortened};
use crate::store::Store;
use std::path::Path;

const EXPORT: Limit = Limit {
    what: "number export",
    max_bytes: reconcile::parse::MAX_BYTES,
};

pub fn run(
    store: &mut Store,
    path: &Path,
    apply: bool,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let text = input::read_text(path, &EXPORT)?;
    let name = path.display().to_string();
    let numbers =
        reconcile::parse::parse(&text).map_err(|e| Failure::Input(format!("{name}: {e}")))?;
    drop(text);
    let report = reconcile::reconcile(&store.read_every_order(), &numbers, clock);
    console.print(&text_of(&report, &name))?;
    if !apply {
        if !report.orders.is_empty() {
            console.print("\nNothing recorded: run it again with --apply to record it.\n")?;
        }
        return Ok(());
    }
    let source = path
        .file_name()
        .map_or_else(|| name.clone(), |f| f.to_string_lossy().into_owned());
    let mut recorded = String::new();
    let mut failed = None;
    for outcome in store.record_teams_check(&report, clock, &source) {
        match outcome {
            Ok((order, Applied::Completed)) => {
                recorded.push_str(&format!("{}: Completed\n", order.id));
            }
            Ok((order, _)) => recorded.push_str(&format!("{}: noted in its history\n", order.id)),
            Err((_, e)) => failed = failed.or(Some(e)),
        }
    }
    if recorded.is_empty() && failed.is_none() {
        recorded.push_str("Nothing new to record.\n");
    }
    console.print(&format!("\n{recorded}"))?;
    failed.map_or(Ok(()), |e| Err(e.into()))
}

/// The report as text: per order what Teams shows, then the numbers no order holds.
pub fn text_of(report: &Report, name: &str) -> String {
    let read = crate::domain::rules::text::counted(report.read, "number");
    let mut out = format!("Read {read} from {name}.\n");
    if report.orders.is_empty() {
        out.push_str("No order's numbers show a port in it, and no FOC date has passed.\n");
    }
    for result in &report.orders {
        out.push_str(&order_text(result));
    }
    if !report.unclaimed.is_empty() {
        let numbers: Vec<String> = report.unclaimed.iter().map(|n| n.number.clone()).collect();
        out.push_str(&format!(
            "\nIn Teams with a port status, held by no order: {} ({})\n",
            numbers.len(),
            shortened(&numbers)
        ));
    }
    out
}

fn order_text(r: &OrderResult) -> String {
    let foc = r.foc_date.map(|d| format!(", FOC {d}")).unwrap_or_default();
    let mut out = format!("\n{}  {} ({}{foc})\n", r.id, r.name, r.status.label());
    let line = |what: &str, numbers: &[String]| {
        format!(
            "  {what}: {} of {} ({})\n",
            numbers.len(),
            r.numbers,
            shortened(numbers)
        )
    };
    if r.all_ported() {
        out.push_str(&format!("  ported: all {} numbers\n", r.numbers));
    } else if !r.ported.is_empty() {
        out.push_str(&line("ported", &r.ported));
    }
    if !r.foc_accepted.is_empty() {
        out.push_str(&line("FOC accepted", &r.foc_accepted));
    }
    if !r.missing.is_empty() {
        out.push_str(&line("missing after the FOC date", &r.missing));
    }
    out
}
