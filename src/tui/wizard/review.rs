//! What the Review step lists: every problem (errors block, warnings inform), each tied to the
//! field Enter jumps to.

use crate::domain::key::FieldKey;
use crate::domain::order::Order;
use crate::domain::readiness::readiness;
pub use crate::domain::readiness::rejection_addressed;
use crate::domain::status::Status;
use crate::domain::validate::Severity;
use jiff::civil::Date;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    pub key: FieldKey,
    pub severity: Severity,
    pub text: String,
}

impl ReviewItem {
    pub fn symbol(&self) -> &'static str {
        match self.severity {
            Severity::Error => "✗",
            Severity::Warning => "⚠",
        }
    }
}

/// Every problem of the order, from the domain's one readiness check.
pub fn items(order: &Order, today: Date) -> Vec<ReviewItem> {
    readiness(order, today)
        .into_iter()
        .map(|p| ReviewItem {
            key: p.key,
            severity: p.severity,
            text: p.message,
        })
        .collect()
}

/// Whether the last rejection asks the carrier to act on the account (lift a freeze, settle a
/// balance…) rather than naming fields to correct: the order may go back unchanged once the
/// carrier has acted.
pub fn only_the_carrier_can_fix(order: &Order) -> bool {
    order.status == Status::CustomerActionRequired
        && order
            .last_rejection()
            .is_some_and(|r| r.needs_carrier_contact && r.fields.is_empty())
}

/// Whether the last rejection needs the customer to contact the carrier (alone or besides fields
/// to correct).
pub fn needs_carrier_contact(order: &Order) -> bool {
    order.status == Status::CustomerActionRequired
        && order
            .last_rejection()
            .is_some_and(|r| r.needs_carrier_contact)
}

/// Why resubmitting now will most likely fail again, when nothing the carrier complained about
/// has changed. `None` when something did, or when the carrier itself had to act (a freeze): then
/// resubmitting the order unchanged is the right thing to do.
pub fn unchanged_warning(order: &Order) -> Option<&'static str> {
    if order.status != Status::CustomerActionRequired || only_the_carrier_can_fix(order) {
        return None;
    }
    let rejected = order.rejected_fields();
    if rejected.is_empty() {
        order.changes_since_submission().is_empty().then_some(
            "Nothing has changed since the carrier rejected the order: it will most likely reject it again.",
        )
    } else {
        (!rejected.iter().any(|k| order.changed_since_submission(*k))).then_some(
            "None of the fields the carrier rejected has changed: it will most likely reject the order again.",
        )
    }
}
