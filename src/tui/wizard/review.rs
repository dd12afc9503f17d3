//! What the Review step lists: every problem (errors block, warnings inform), each tied to the
//! field Enter jumps to.

use super::csr;
use crate::domain::key::FieldKey;
use crate::domain::order::Order;
use crate::domain::registry::spec;
use crate::domain::status::Status;
use crate::domain::validate::{Severity, validate};
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

/// Every problem of the order: errors first, then warnings (LOA to sign again, rejected fields
/// left as they were, differences from the CSR, the validators' warnings).
pub fn items(order: &Order, today: Date) -> Vec<ReviewItem> {
    let problems = validate(&order.fields, today);
    let mut items: Vec<ReviewItem> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| ReviewItem {
            key: p.key,
            severity: Severity::Error,
            text: p.message.clone(),
        })
        .collect();
    let warn = |key, text: String| ReviewItem {
        key,
        severity: Severity::Warning,
        text,
    };
    let resign = order.loa_needs_resigning();
    if !resign.is_empty() {
        let labels: Vec<&str> = resign.iter().map(|k| spec(*k).label).collect();
        items.push(warn(
            FieldKey::Loa,
            format!(
                "The LOA must be signed again: {} changed after it was signed",
                labels.join(", ")
            ),
        ));
    }
    if order.status == Status::CustomerActionRequired {
        for key in order.rejected_fields() {
            if !rejection_addressed(order, *key) {
                items.push(warn(
                    *key,
                    format!(
                        "{}: rejected by carrier and not changed since",
                        spec(*key).label
                    ),
                ));
            }
        }
    }
    for (field, words) in csr::differences(order) {
        items.push(warn(field.key, format!("{}: {words}", field.label)));
    }
    items.extend(
        problems
            .into_iter()
            .filter(|p| p.severity == Severity::Warning)
            .map(|p| warn(p.key, p.message)),
    );
    items
}

/// Whether a rejected field has been dealt with: it, or another rejected field of its group,
/// changed since the submission (a service address rejection is fixed by correcting the part
/// that was wrong, often the postal code alone).
pub fn rejection_addressed(order: &Order, key: FieldKey) -> bool {
    order
        .rejected_fields()
        .iter()
        .filter(|k| k.group_name() == key.group_name())
        .any(|k| order.changed_since_submission(*k))
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
