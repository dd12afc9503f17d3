//! What the orders' own history says about each carrier: how many orders it had, how often it
//! rejected them and for which fields, how long it took to confirm a port date (FOC) and to
//! complete, and which orders wait on it now. Pure: the orders and the clock come in, figures go
//! out; `portwiz stats` prints them and the app draws them.

#[cfg(test)]
mod tests;
pub mod weekly;

use super::export::one_line;
use super::key::FieldKey;
use super::order::Order;
use super::status::Status;
use jiff::Timestamp;
use std::collections::{BTreeMap, HashMap};

/// What an order with no current carrier is counted under.
pub const UNNAMED_CARRIER: &str = "(no carrier named)";
/// What the figures over every carrier are called.
pub const ALL_CARRIERS: &str = "All carriers";

const SECONDS_PER_DAY: f64 = 86_400.0;

/// The figures of a store: one entry per carrier, most orders first, and the same over all.
#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    pub carriers: Vec<CarrierInsights>,
    pub all: CarrierInsights,
}

/// The figures of one carrier (or of all of them).
#[derive(Debug, Clone, PartialEq)]
pub struct CarrierInsights {
    /// The carrier's name as the orders spell it most often (cleaned for display).
    pub carrier: String,
    /// Every order, drafts included.
    pub orders: usize,
    /// Orders that were submitted at least once.
    pub submitted: usize,
    /// Orders the carrier rejected at least once.
    pub rejected: usize,
    /// Every rejection recorded (an order rejected twice counts twice).
    pub rejections: usize,
    /// The fields named by rejections, by how many orders they were rejected on, most first.
    pub rejected_fields: Vec<FieldCount>,
    /// The same by group of fields (the service address, the authorized user count once), most
    /// first: what a person reads.
    pub rejected_groups: Vec<GroupCount>,
    /// From the first submission to the first confirmed port date (FOC).
    pub to_foc: Elapsed,
    /// From the first submission to the port's completion.
    pub to_completion: Elapsed,
    /// Orders waiting on someone else now (submitted, or with Microsoft support), longest first.
    pub waiting: Vec<Waiting>,
    /// Submissions and rejections week by week, the last weeks up to now.
    pub weekly: weekly::Weekly,
}

impl CarrierInsights {
    fn new(carrier: String) -> CarrierInsights {
        CarrierInsights {
            carrier,
            orders: 0,
            submitted: 0,
            rejected: 0,
            rejections: 0,
            rejected_fields: Vec::new(),
            rejected_groups: Vec::new(),
            to_foc: Elapsed::default(),
            to_completion: Elapsed::default(),
            waiting: Vec::new(),
            weekly: weekly::Weekly::default(),
        }
    }

    /// The share of submitted orders that were rejected at least once; `None` before any
    /// submission.
    pub fn rejection_rate(&self) -> Option<f64> {
        (self.submitted > 0).then(|| self.rejected as f64 / self.submitted as f64)
    }

    /// The longest wait now, in days.
    pub fn longest_wait_days(&self) -> Option<f64> {
        self.waiting.first().map(|w| w.days)
    }
}

/// A field and the number of orders a carrier rejected for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldCount {
    pub field: FieldKey,
    pub orders: usize,
}

/// How many of a carrier's most rejected groups of fields are named, by `stats` and the app alike.
pub const GROUPS_LISTED: usize = 5;

/// A group of fields (`service_address`, or a field alone by its key) and the number of orders
/// a carrier rejected for any of its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCount {
    pub group: &'static str,
    pub label: &'static str,
    pub orders: usize,
}

/// The first key of a field's group (the field itself when it is alone).
fn group_head(field: FieldKey) -> FieldKey {
    FieldKey::ALL
        .iter()
        .copied()
        .find(|k| k.group_name() == field.group_name())
        .unwrap_or(field)
}

/// A group's name for people: the field's own label when it is alone.
pub fn group_label(field: FieldKey) -> &'static str {
    match field.group_name() {
        "service_address" => "Service address",
        "authorized_user" => "Authorized user",
        "requester" => "Requester",
        _ => super::registry::spec(field).label,
    }
}

/// How long a step took: the median over the orders that went through it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Elapsed {
    /// The median in days (fractional); `None` when no order got there.
    pub median_days: Option<f64>,
    /// How many orders the median is over.
    pub orders: usize,
}

/// An order waiting on the carrier or on Microsoft support now.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub id: String,
    pub status: Status,
    pub since: Timestamp,
    pub days: f64,
}

/// The statuses in which an order waits on someone else's answer.
pub const fn is_waiting(status: Status) -> bool {
    matches!(status, Status::Submitted | Status::SupportEngaged)
}

/// The name orders are grouped by: case, spacing and surrounding blanks do not split a carrier.
pub fn carrier_key(carrier: &str) -> String {
    one_line(carrier)
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// When the order was first submitted, from its history.
pub fn first_submitted(order: &Order) -> Option<Timestamp> {
    first_reached(order, Status::Submitted)
}

/// Whether the order was ever submitted (an imported order may lack the history entry).
pub fn was_submitted(order: &Order) -> bool {
    first_submitted(order).is_some() || !matches!(order.status, Status::Draft | Status::Cancelled)
}

/// When the order first reached `status`, from its history.
pub fn first_reached(order: &Order, status: Status) -> Option<Timestamp> {
    order
        .history
        .iter()
        .filter(|h| h.to == Some(status))
        .map(|h| h.at)
        .min()
}

/// The fields an order's rejections named, each once, in key order.
pub fn fields_rejected(order: &Order) -> Vec<FieldKey> {
    let mut fields: Vec<FieldKey> = order
        .rejections
        .iter()
        .flat_map(|r| r.fields.iter().copied())
        .collect();
    fields.sort();
    fields.dedup();
    fields
}

/// What is gathered per carrier before the medians are taken.
struct Tally {
    figures: CarrierInsights,
    spellings: HashMap<String, usize>,
    fields: BTreeMap<FieldKey, usize>,
    groups: BTreeMap<FieldKey, usize>,
    to_foc: Vec<f64>,
    to_completion: Vec<f64>,
}

impl Tally {
    fn new(name: &str) -> Tally {
        Tally {
            figures: CarrierInsights::new(name.to_string()),
            spellings: HashMap::new(),
            fields: BTreeMap::new(),
            groups: BTreeMap::new(),
            to_foc: Vec::new(),
            to_completion: Vec::new(),
        }
    }

    fn add(&mut self, order: &Order, now: Timestamp) {
        let f = &mut self.figures;
        f.orders += 1;
        f.weekly.add(order, now);
        if was_submitted(order) {
            f.submitted += 1;
        }
        if !order.rejections.is_empty() {
            f.rejected += 1;
            f.rejections += order.rejections.len();
            let fields = fields_rejected(order);
            for (i, field) in fields.iter().enumerate() {
                *self.fields.entry(*field).or_default() += 1;
                // A group counts once an order, under its first key.
                let group = field.group_name();
                if !fields[..i].iter().any(|f| f.group_name() == group) {
                    *self.groups.entry(group_head(*field)).or_default() += 1;
                }
            }
        }
        if let Some(sent) = first_submitted(order) {
            if let Some(foc) = first_reached(order, Status::FocConfirmed) {
                self.to_foc.push(days_between(sent, foc));
            }
            if let Some(done) = first_reached(order, Status::Completed) {
                self.to_completion.push(days_between(sent, done));
            }
        }
        if is_waiting(order.status) {
            let since = order.in_status_since();
            f.waiting.push(Waiting {
                id: order.id.clone(),
                status: order.status,
                since,
                days: days_between(since, now).max(0.0),
            });
        }
    }

    fn finish(mut self) -> CarrierInsights {
        let mut f = self.figures;
        if let Some((spelling, _)) = self
            .spellings
            .into_iter()
            .max_by(|(a, n), (b, m)| n.cmp(m).then_with(|| b.cmp(a)))
        {
            f.carrier = spelling;
        }
        f.rejected_fields = self
            .fields
            .into_iter()
            .map(|(field, orders)| FieldCount { field, orders })
            .collect();
        // Stable: equal counts keep the wizard's key order.
        f.rejected_fields
            .sort_by_key(|f| std::cmp::Reverse(f.orders));
        f.rejected_groups = self
            .groups
            .into_iter()
            .map(|(field, orders)| GroupCount {
                group: field.group_name(),
                label: group_label(field),
                orders,
            })
            .collect();
        f.rejected_groups
            .sort_by_key(|g| std::cmp::Reverse(g.orders));
        f.to_foc = elapsed(&mut self.to_foc);
        f.to_completion = elapsed(&mut self.to_completion);
        f.waiting
            .sort_by(|a, b| a.since.cmp(&b.since).then(a.id.cmp(&b.id)));
        f
    }
}

/// The figures of every carrier in `orders`, as of `now`.
pub fn compute<'a>(orders: impl IntoIterator<Item = &'a Order>, now: Timestamp) -> Insights {
    let mut by_carrier: HashMap<String, Tally> = HashMap::new();
    let mut all = Tally::new(ALL_CARRIERS);
    // Cleaning a name costs more than the rest of an order: once per spelling, not per order.
    let mut names: HashMap<&'a str, (String, String)> = HashMap::new();
    for order in orders {
        let (key, spelling) = names
            .entry(order.fields.current_carrier.as_str())
            .or_insert_with_key(|raw| {
                let spelling = one_line(raw);
                (carrier_key(&spelling), spelling)
            });
        let tally = match by_carrier.get_mut(key.as_str()) {
            Some(tally) => tally,
            None => by_carrier
                .entry(key.clone())
                .or_insert_with(|| Tally::new(UNNAMED_CARRIER)),
        };
        if !spelling.is_empty() {
            match tally.spellings.get_mut(spelling.as_str()) {
                Some(n) => *n += 1,
                None => {
                    tally.spellings.insert(spelling.clone(), 1);
                }
            }
        }
        tally.add(order, now);
        all.add(order, now);
    }
    let mut carriers: Vec<CarrierInsights> = by_carrier.into_values().map(Tally::finish).collect();
    carriers.sort_by(|a, b| {
        b.orders
            .cmp(&a.orders)
            .then_with(|| a.carrier.to_lowercase().cmp(&b.carrier.to_lowercase()))
            .then_with(|| a.carrier.cmp(&b.carrier))
    });
    Insights {
        carriers,
        all: all.finish(),
    }
}

fn days_between(from: Timestamp, to: Timestamp) -> f64 {
    (to.as_millisecond() - from.as_millisecond()) as f64 / 1000.0 / SECONDS_PER_DAY
}

fn elapsed(days: &mut [f64]) -> Elapsed {
    Elapsed {
        median_days: median(days),
        orders: days.len(),
    }
}

/// The middle value (the mean of the two middle ones for an even count).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

/// Days in words, to a tenth: "1 day", "4.5 days".
pub fn days(value: f64) -> String {
    let value = round(value, 1);
    if value == 1.0 {
        "1 day".to_string()
    } else {
        format!("{value} days")
    }
}

/// "1 order", "3 orders".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

pub fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}
