//! Reconcile: the tenant's own number export (`parse`) against the orders. Per order, the
//! numbers Teams shows as ported, those whose FOC it shows accepted, and those still missing
//! after the FOC date; then the numbers with a port status that no order holds. `apply` records
//! what it showed, never moving an order backwards (docs/reconcile.md).

pub mod parse;

use super::history::Event;
use super::order::{Clock, Order};
use super::status::Status;
use jiff::civil::Date;
pub use parse::{ParseError, PortSignal, TeamsNumber};
use std::collections::HashMap;

/// What the export says of one order's numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderResult {
    pub id: String,
    pub name: String,
    pub status: Status,
    /// How many numbers the order holds.
    pub numbers: usize,
    /// Teams shows them ported (`completed`).
    pub ported: Vec<String>,
    /// Teams shows the carrier's FOC accepted (`firmOrderCommitmentAccepted`).
    pub foc_accepted: Vec<String>,
    /// Not ported in Teams though the order's FOC date has passed.
    pub missing: Vec<String>,
    pub foc_date: Option<Date>,
}

impl OrderResult {
    /// Every number of the order ported.
    pub fn all_ported(&self) -> bool {
        self.numbers > 0 && self.ported.len() == self.numbers
    }
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// Orders the export says something of, or whose FOC date passed, in the orders' order.
    pub orders: Vec<OrderResult>,
    /// Numbers Teams shows with a port status that no order holds.
    pub unclaimed: Vec<TeamsNumber>,
    /// Numbers read from the export.
    pub read: usize,
}

/// Orders that went to the carrier and were not cancelled: drafts have nothing to find yet.
fn compared(order: &Order) -> bool {
    !matches!(order.status, Status::Draft | Status::Cancelled)
}

/// Compare the export's `numbers` with `orders` on `clock`'s day. Numbers are matched by their
/// digits, so `+14255550100` and `14255550100` are one number.
pub fn reconcile(orders: &[Order], numbers: &[TeamsNumber], clock: Clock) -> Report {
    let mut held: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, order) in orders.iter().enumerate().filter(|(_, o)| compared(o)) {
        for number in &order.fields.numbers {
            held.entry(digits(number)).or_default().push(i);
        }
    }
    let mut seen: Vec<HashMap<&str, PortSignal>> = vec![HashMap::new(); orders.len()];
    let mut unclaimed = Vec::new();
    for teams in numbers {
        match held.get(digits(&teams.number)) {
            Some(owners) => {
                for &i in owners {
                    seen[i].insert(digits(&teams.number), teams.port);
                }
            }
            None if teams.port != PortSignal::None => unclaimed.push(teams.clone()),
            None => {}
        }
    }
    let results = orders
        .iter()
        .zip(&seen)
        .filter(|(order, _)| compared(order))
        .filter_map(|(order, seen)| order_result(order, seen, clock.today))
        .collect();
    Report {
        orders: results,
        unclaimed,
        read: numbers.len(),
    }
}

fn digits(number: &str) -> &str {
    number.trim().trim_start_matches('+')
}

fn order_result(
    order: &Order,
    seen: &HashMap<&str, PortSignal>,
    today: Date,
) -> Option<OrderResult> {
    let foc_date = order.foc.as_ref().map(|f| f.date);
    let foc_passed = foc_date.is_some_and(|d| d < today);
    let mut result = OrderResult {
        id: order.id.clone(),
        name: order.display_name(),
        status: order.status,
        numbers: order.fields.numbers.len(),
        ported: Vec::new(),
        foc_accepted: Vec::new(),
        missing: Vec::new(),
        foc_date,
    };
    for number in &order.fields.numbers {
        let signal = seen.get(digits(number)).copied();
        match signal {
            Some(PortSignal::Completed) => result.ported.push(number.clone()),
            Some(PortSignal::FocAccepted) => result.foc_accepted.push(number.clone()),
            _ => {}
        }
        if foc_passed && signal != Some(PortSignal::Completed) {
            result.missing.push(number.clone());
        }
    }
    let says_something =
        !(result.ported.is_empty() && result.foc_accepted.is_empty() && result.missing.is_empty());
    says_something.then_some(result)
}

/// What `apply` recorded on an order, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// Every number ported: the order is now completed.
    Completed,
    /// A note in the history (the FOC accepted, numbers missing).
    Noted(String),
    /// Nothing new to record.
    Nothing,
}

/// Record what the export showed of `order`: completion when every number ported and the order
/// is FOC confirmed; otherwise a history note for an accepted FOC not yet recorded, or numbers
/// missing after the FOC date, unless the latest check already said the same. A completed or
/// cancelled order is never changed, and no status moves backwards.
pub fn apply(order: &mut Order, result: &OrderResult, clock: Clock, source: &str) -> Applied {
    if order.status.is_final() {
        return Applied::Nothing;
    }
    if result.all_ported()
        && order.status == Status::FocConfirmed
        && order.complete(clock.now).is_ok()
    {
        return Applied::Completed;
    }
    let Some(note) = note(order, result, source) else {
        return Applied::Nothing;
    };
    let last = order
        .history
        .iter()
        .rev()
        .find(|h| h.event == Event::TeamsChecked);
    if last.is_some_and(|h| h.note == note) {
        return Applied::Nothing;
    }
    order.record(
        clock.now,
        Event::TeamsChecked,
        None,
        note.clone(),
        Vec::new(),
    );
    Applied::Noted(note)
}

/// The history note for a check, or none when it has nothing the order does not say already.
fn note(order: &Order, result: &OrderResult, source: &str) -> Option<String> {
    let mut parts = Vec::new();
    let foc_unrecorded = order.status != Status::FocConfirmed;
    if !result.foc_accepted.is_empty() && foc_unrecorded {
        parts.push(format!(
            "Teams shows the FOC accepted for {} of {} numbers: record the carrier's date (portwiz foc)",
            result.foc_accepted.len(),
            result.numbers
        ));
    }
    if result.all_ported() && order.status != Status::FocConfirmed {
        parts.push(format!(
            "Teams shows all {} numbers ported: record the FOC, then completion",
            result.numbers
        ));
    }
    if !result.missing.is_empty() {
        parts.push(format!(
            "Teams does not show {} of {} numbers ported after the FOC date: {}",
            result.missing.len(),
            result.numbers,
            shortened(&result.missing)
        ));
    }
    (!parts.is_empty()).then(|| format!("{} (from {source})", parts.join("; ")))
}

/// A check read from an export, ready to show and to record: what the comparison found, and
/// what `apply` would record on each order (only those where it records something).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// The export's file name, as the history notes name it ("from export.csv").
    pub source: String,
    pub report: Report,
    pub planned: Vec<(String, Applied)>,
}

impl Check {
    /// `numbers` against `orders` on `clock`'s day, with what recording it would change.
    pub fn new(orders: &[Order], numbers: &[TeamsNumber], clock: Clock, source: &str) -> Check {
        let report = reconcile(orders, numbers, clock);
        let by_id: HashMap<&str, &Order> = orders.iter().map(|o| (o.id.as_str(), o)).collect();
        let planned = (report.orders.iter())
            .filter_map(|result| {
                let mut order = (*by_id.get(result.id.as_str())?).clone();
                match apply(&mut order, result, clock, source) {
                    Applied::Nothing => None,
                    applied => Some((result.id.clone(), applied)),
                }
            })
            .collect();
        Check {
            source: source.to_string(),
            report,
            planned,
        }
    }

    /// "1 order completed, 2 noted in their history": what recording it changes.
    pub fn planned_words(&self) -> String {
        let completed = (self.planned.iter())
            .filter(|(_, a)| *a == Applied::Completed)
            .count();
        let noted = self.planned.len() - completed;
        let done = match completed {
            1 => "1 order completed".to_string(),
            c => format!("{c} orders completed"),
        };
        let notes = match noted {
            1 => "1 order noted in its history".to_string(),
            n => format!("{n} orders noted in their history"),
        };
        match (completed, noted) {
            (0, 0) => "nothing new to record".to_string(),
            (_, 0) => done,
            (0, _) => notes,
            _ => format!("{done}, {notes}"),
        }
    }
}

/// Up to five numbers, then how many more.
pub fn shortened(numbers: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut out = numbers
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if numbers.len() > SHOWN {
        out.push_str(&format!(" and {} more", numbers.len() - SHOWN));
    }
    out
}

#[cfg(test)]
mod tests;
