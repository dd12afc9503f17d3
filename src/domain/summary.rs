//! What a list of orders shows about each one: small enough to keep for 10,000 orders, derived
//! from the order alone so a cached copy can be checked against the file it came from.

use super::order::Order;
use super::status::Status;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub carrier: String,
    pub number_count: usize,
    pub port_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foc_date: Option<Date>,
    pub rejections: usize,
    pub updated_at: Timestamp,
    pub in_status_since: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<String>,
    /// What the `/` filter matches text against: name, carrier, id, organization and ticket, in
    /// lower case. Shared, so copies of a summary cost nothing.
    #[serde(skip)]
    pub search_text: Arc<str>,
    /// The digits of every number (not only the first few), one number a line: what the filter
    /// matches digits against, without loading the order.
    #[serde(skip)]
    pub digits: Arc<str>,
}

impl Summary {
    pub fn of(order: &Order) -> Summary {
        Summary {
            id: order.id.clone(),
            name: order.display_name(),
            status: order.status,
            carrier: order.fields.current_carrier.clone(),
            number_count: order.fields.numbers.len(),
            port_date: order.fields.port_date.clone(),
            foc_date: order.foc.as_ref().map(|f| f.date),
            rejections: order.rejections.len(),
            updated_at: order.updated_at,
            in_status_since: order.in_status_since(),
            ticket: order.ticket.clone(),
            search_text: search_text(
                &order.display_name(),
                &order.fields.current_carrier,
                &order.id,
                &order.fields.organization_name,
                order.ticket.as_deref(),
            ),
            digits: digits_of(&order.fields.numbers),
        }
    }
}

/// Which order, wherever it is kept: its tenant (`None`: the store `DIR` itself) and its id.
/// The history's marks are kept by it, so two tenants' orders of one id are never taken for
/// each other on the board, which shows every tenant's orders.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrderKey {
    pub tenant: Option<String>,
    pub id: String,
}

impl Summary {
    /// Days the order has waited on the user, once overdue (see `facts::days_overdue`).
    pub fn days_overdue(&self, now: Timestamp) -> Option<i64> {
        super::status::overdue_days(self.status, self.in_status_since, now)
    }
}

/// A short id is never shorter than this: `PO-` and four characters.
pub const MIN_SHORT_ID: usize = 7;

/// The shortest length at which the prefix of every id tells it apart from every other one, in
/// any case (as the command line reads a prefix, like git), and at least [`MIN_SHORT_ID`]: the
/// width of a short-id column. An id shorter than that is shown whole.
pub fn short_id_len<'a>(ids: impl Iterator<Item = &'a str>) -> usize {
    let mut lower: Vec<Vec<char>> = ids.map(|id| id.to_lowercase().chars().collect()).collect();
    lower.sort_unstable();
    let longest = lower.iter().map(Vec::len).max().unwrap_or(0);
    let shared = lower
        .windows(2)
        .map(|pair| {
            let common = pair[0].iter().zip(&pair[1]).take_while(|(a, b)| a == b);
            common.count()
        })
        .max()
        .unwrap_or(0);
    (shared + 1).min(longest).max(MIN_SHORT_ID)
}

/// The lower-case text the filter searches, from the parts a summary shows.
pub fn search_text(
    name: &str,
    carrier: &str,
    id: &str,
    organization: &str,
    ticket: Option<&str>,
) -> Arc<str> {
    let parts = [name, carrier, id, organization, ticket.unwrap_or_default()];
    parts.join("\n").to_lowercase().into()
}

/// Every number's digits, one number a line (so a search never matches across two numbers).
pub fn digits_of(numbers: &[String]) -> Arc<str> {
    let mut out = String::with_capacity(numbers.len() * 13);
    for number in numbers {
        out.extend(number.chars().filter(char::is_ascii_digit));
        out.push('\n');
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_id_is_the_prefix_that_tells_every_id_apart_in_any_case() {
        assert_eq!(short_id_len(["PO-7K3M2Q9A", "PO-B4XR8T2Z"].into_iter()), 7);
        assert_eq!(short_id_len(["PO-7K3M2Q9A", "po-7k3m8t2z"].into_iter()), 8);
        assert_eq!(short_id_len(["PO-DEMO0001", "PO-DEMO0002"].into_iter()), 11);
        // One id the prefix of another: the longer one needs a character more.
        assert_eq!(short_id_len(["PO-ABCDEFG", "PO-ABCDEFGH"].into_iter()), 11);
        assert_eq!(short_id_len(std::iter::empty()), MIN_SHORT_ID);
    }
}
