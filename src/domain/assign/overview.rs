//! What the assignment plan says of an order, as `show` and the order's page tell it: who gets
//! which number, how many of the order's numbers that is, which have no one yet, which entries
//! the order now argues with (a number gone, a rule broken since), when the plan last changed,
//! and whether `export --format powershell` can write the script.

use super::super::assignment::Assignment;
use super::super::history::Event;
use super::super::order::Order;
use super::plan_problems;
use jiff::Timestamp;

/// The plan of one order, read for people and programs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview<'a> {
    /// The order's numbers that have an assignment, in the order's order.
    pub assigned: Vec<(&'a str, &'a Assignment)>,
    /// The order's numbers without one yet, in the order's order.
    pub not_assigned: Vec<&'a str>,
    /// Each entry the order now argues with: (number, what is wrong).
    pub problems: Vec<(String, String)>,
    /// When the plan last changed (its latest `assigned` history entry).
    pub changed: Option<Timestamp>,
}

impl Overview<'_> {
    /// Whether the plan holds anything at all (a number assigned, or an entry to fix).
    pub fn is_empty(&self) -> bool {
        self.assigned.is_empty() && self.problems.is_empty()
    }

    /// Whether the PowerShell script can be written now: something assigned, nothing to fix
    /// (the script refuses a plan the order no longer fits).
    pub fn script_ready(&self) -> bool {
        !self.assigned.is_empty() && self.problems.is_empty()
    }
}

/// The plan of `order` as [`Overview`] tells it.
pub fn overview(order: &Order) -> Overview<'_> {
    let (mut assigned, mut not_assigned) = (Vec::new(), Vec::new());
    for number in &order.fields.numbers {
        match order.assignments.get(number) {
            Some(a) => assigned.push((number.as_str(), a)),
            None => not_assigned.push(number.as_str()),
        }
    }
    let problems = plan_problems(order)
        .into_iter()
        .flat_map(|(number, found)| {
            found
                .into_iter()
                .map(move |(_, text)| (number.clone(), text))
        })
        .collect();
    let changed = order
        .history
        .iter()
        .rev()
        .find(|h| h.event == Event::Assigned)
        .map(|h| h.at);
    Overview {
        assigned,
        not_assigned,
        problems,
        changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assign::{Row, propose};
    use crate::domain::test_orders::{complete_order, day};

    fn row(number: &str, identity: &str) -> Row {
        Row {
            line: 2,
            number: number.into(),
            identity: identity.into(),
            location_id: "5d0d1a0b-6a3f-4a8e-9b55-3c2f1e0a7d11".into(),
            kind: "user".into(),
        }
    }

    #[test]
    fn nothing_assigned_is_an_empty_plan_with_every_number_left() {
        let order = complete_order("PO-A", "Contoso", 0);
        let plan = overview(&order);
        assert!(plan.is_empty() && !plan.script_ready());
        assert_eq!(plan.not_assigned.len(), order.fields.numbers.len());
        assert_eq!(plan.changed, None);
    }

    #[test]
    fn the_plan_says_who_gets_which_number_what_is_left_and_when() {
        let mut order = complete_order("PO-A", "Contoso", 0);
        let proposal = propose(
            &order,
            &[
                row("+14255550100", "alice@contoso.com"),
                row("+14255550102", "bob@contoso.com"),
            ],
        );
        assert!(!proposal.has_errors(), "{:?}", proposal.issues);
        order.assign(&proposal.changes, day(4).now).unwrap();
        let plan = overview(&order);
        let who: Vec<(&str, &str)> = plan
            .assigned
            .iter()
            .map(|(n, a)| (*n, a.identity.as_str()))
            .collect();
        assert_eq!(
            who,
            [
                ("+14255550100", "alice@contoso.com"),
                ("+14255550102", "bob@contoso.com")
            ]
        );
        assert_eq!(plan.not_assigned, ["+14255550101"]);
        assert_eq!(plan.changed, Some(day(4).now));
        assert!(plan.script_ready());
        // A number taken off the order since: the plan argues, the script waits.
        order.fields.numbers.retain(|n| n != "+14255550102");
        let plan = overview(&order);
        assert_eq!(plan.problems.len(), 1, "{:?}", plan.problems);
        assert_eq!(plan.problems[0].0, "+14255550102");
        assert!(!plan.is_empty() && !plan.script_ready());
    }
}
