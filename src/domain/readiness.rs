//! The one readiness check: everything that blocks an order from being submitted (errors) and
//! everything the user should know first (warnings), each with the field it concerns. The
//! wizard's Review, plain mode's review, `submit` and `resubmit` all ask this, so an order gets
//! the same verdict and the same words wherever it is sent from. Also what resubmitting a
//! rejected order needs: whether only the carrier can fix it, and whether nothing the carrier
//! complained about has changed.

use super::checks::Severity;
use super::csr;
use super::key::FieldKey;
use super::order::Order;
use super::registry::spec;
use super::status::Status;
use super::validate::{Problem, validate};
use jiff::civil::Date;

/// Numbers the carrier rejected that are still on the order: a warning (the carrier may have
/// fixed its record, or the account named may be corrected), naming a few and how to move them.
fn marked_numbers(order: &Order) -> Option<String> {
    let marked = order.marked_numbers();
    if marked.is_empty() {
        return None;
    }
    let named: Vec<String> = marked
        .iter()
        .take(3)
        .map(|(n, m)| format!("{n} ({})", m.problem.label()))
        .collect();
    let more = match marked.len().saturating_sub(3) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let how = if marked.len() < order.fields.numbers.len() {
        format!(
            "move them out into a draft of their own (N, then o; or `portwiz move-out {}`) or \
             fix what the carrier named",
            order.id
        )
    } else {
        "fix what the carrier named (the account, the carrier) before submitting".to_string()
    };
    Some(format!(
        "Phone numbers: the carrier rejected {}{more}, still on the order: {how}",
        named.join(", ")
    ))
}

/// Why the wizard may not go on from `page` yet: the All regions wizard takes no step past
/// Manage numbers until every number is valid, as Microsoft's does (domain.md §7).
pub fn held_on_page(
    fields: &super::fields::OrderFields,
    page: super::registry::Step,
    today: Date,
) -> Option<String> {
    if page != super::registry::Step::ManageNumbers {
        return None;
    }
    let errors = super::validate::check_field(FieldKey::Numbers, fields, today)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    (errors > 0).then(|| {
        format!(
            "Every number must be valid before you go on, as in Microsoft's All regions wizard: {errors} problem{} to fix or remove",
            if errors == 1 { "" } else { "s" }
        )
    })
}

/// Every problem of the order: errors first, then warnings (the LOA to sign again, rejected
/// fields left as they were, differences from the CSR, the validators' warnings).
pub fn readiness(order: &Order, today: Date) -> Vec<Problem> {
    let problems = validate(&order.fields, today);
    let (errors, warnings): (Vec<Problem>, Vec<Problem>) = problems
        .into_iter()
        .partition(|p| p.severity == Severity::Error);
    let mut found = errors;
    let warn = |key, message: String| Problem {
        key,
        severity: Severity::Warning,
        message,
    };
    let resign = order.loa_needs_resigning();
    if !resign.is_empty() {
        let labels: Vec<&str> = resign.iter().map(|k| spec(*k).label).collect();
        found.push(warn(
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
                found.push(warn(
                    *key,
                    format!(
                        "{}: rejected by the carrier, not changed since then",
                        spec(*key).label
                    ),
                ));
            }
        }
    }
    if let Some(w) = fictional_numbers(order) {
        found.push(warn(FieldKey::Numbers, w));
    }
    if let Some(w) = marked_numbers(order) {
        found.push(warn(FieldKey::Numbers, w));
    }
    for (field, words) in csr::differences(order) {
        found.push(warn(field.key, format!("{}: {words}", field.label)));
    }
    found.extend(warnings);
    found
}

/// Numbers shown at most in the fictional-numbers warning.
const FICTIONAL_SHOWN: usize = 3;

/// The warning for numbers of the fictional 555-0100..0199 range, if the order has any.
fn fictional_numbers(order: &Order) -> Option<String> {
    let fictional: Vec<&str> = order
        .fields
        .numbers
        .iter()
        .filter(|n| super::rules::numbers::is_fictional(n))
        .map(String::as_str)
        .collect();
    let (first, rest) = (fictional.first()?, fictional.len() - 1);
    let shown: Vec<&str> = fictional.iter().take(FICTIONAL_SHOWN).copied().collect();
    let more = fictional.len().saturating_sub(FICTIONAL_SHOWN);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let label = spec(FieldKey::Numbers).label;
    Some(if rest == 0 {
        format!("{label}: {first} is fictional (555-01xx) and never ports")
    } else {
        format!(
            "{label}: {} are fictional (555-01xx), they never port: {}{more}",
            fictional.len(),
            shown.join(", ")
        )
    })
}

/// The errors alone: what `submit` and `resubmit` refuse with.
pub fn blocking(order: &Order, today: Date) -> Vec<String> {
    validate(&order.fields, today)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.message)
        .collect()
}

/// What to put before the user first when an order is reopened, in the wizard's order: the
/// fields the carrier rejected, on a rejected order; else every field whose value is missing or
/// wrong (an error). Empty when nothing needs fixing. The app opens on the first of them and
/// plain mode asks them before offering the rest, so a resumed draft starts where work is left.
pub fn to_fix_first(order: &Order, today: Date) -> Vec<FieldKey> {
    let rejected = order.rejected_fields();
    let wanted: Vec<FieldKey> = if rejected.is_empty() {
        validate(&order.fields, today)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.key)
            .collect()
    } else {
        rejected.to_vec()
    };
    super::registry::Step::pages_of(&order.fields)
        .iter()
        .flat_map(|step| step.fields_asked(&order.fields))
        .map(|f| f.key)
        .filter(|key| wanted.contains(key))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Clock, FieldValue, OrderFields};

    fn order_with(values: &[(FieldKey, &str)], clock: Clock) -> Order {
        let mut order = Order::new("PO-R".into(), OrderFields::default(), clock.now);
        for (key, value) in values {
            let _ = order.edit(*key, FieldValue::Text((*value).into()), clock.now);
        }
        order
    }

    #[test]
    fn a_reopened_draft_starts_at_its_first_missing_or_wrong_field_in_wizard_order() {
        let clock = Clock::fixed(jiff::civil::date(2026, 11, 26));
        let order = order_with(
            &[
                (FieldKey::Country, "US"),
                (FieldKey::NumberType, "geographic"),
                (FieldKey::Numbers, "+14255550100"),
                (FieldKey::PortType, "full"),
                (FieldKey::BillingTelephoneNumber, "+14255550100"),
                (FieldKey::RequesterEmail, "not an address"),
            ],
            clock,
        );
        let first = to_fix_first(&order, clock.today);
        assert_eq!(first.first(), Some(&FieldKey::CurrentCarrier), "{first:?}");
        assert!(first.contains(&FieldKey::RequesterEmail), "{first:?}");
        assert!(!first.contains(&FieldKey::Numbers), "{first:?}");
    }

    #[test]
    fn a_rejected_order_starts_at_what_the_carrier_named_in_wizard_order() {
        let clock = Clock::fixed(jiff::civil::date(2026, 11, 26));
        let mut order = order_with(&[(FieldKey::Country, "US")], clock);
        order.status = Status::CustomerActionRequired;
        order.rejections.push(crate::domain::order::Rejection {
            at: clock.now,
            text: "PIN and account wrong".into(),
            fields: vec![FieldKey::Pin, FieldKey::AccountNumber],
            rules: Vec::new(),
            action: String::new(),
            needs_carrier_contact: false,
            key_sentence: None,
            changes_before_resubmit: Vec::new(),
        });
        assert_eq!(
            to_fix_first(&order, clock.today),
            [FieldKey::AccountNumber, FieldKey::Pin]
        );
    }

    #[test]
    fn a_partial_port_moving_the_btn_without_a_replacement_is_warned_about() {
        let clock = Clock::fixed(jiff::civil::date(2026, 11, 26));
        let mut order = Order::new("PO-R".into(), OrderFields::default(), clock.now);
        for (key, value) in [
            (FieldKey::Country, "US"),
            (FieldKey::Numbers, "+14255550100, +14255550101"),
            (FieldKey::PortType, "partial"),
            (FieldKey::BillingTelephoneNumber, "+14255550100"),
        ] {
            let _ = order.edit(key, FieldValue::Text(value.into()), clock.now);
        }
        let found = readiness(&order, clock.today);
        let warning = found
            .iter()
            .find(|p| p.key == FieldKey::ReplacementBtn)
            .unwrap_or_else(|| panic!("{found:#?}"));
        assert_eq!(warning.severity, Severity::Warning);
        assert!(warning.message.contains("replacement BTN"), "{warning:?}");
    }

    #[test]
    fn fictional_555_01xx_numbers_are_warned_about_they_never_port() {
        let clock = Clock::fixed(jiff::civil::date(2026, 11, 26));
        let mut order = Order::new("PO-F".into(), OrderFields::default(), clock.now);
        let _ = order.edit(FieldKey::Country, FieldValue::Text("US".into()), clock.now);
        let _ = order.edit(
            FieldKey::Numbers,
            FieldValue::Text("+12065550100, +13125550199, +14255550200, +14255551234".into()),
            clock.now,
        );
        let found = readiness(&order, clock.today);
        let fictional: Vec<&Problem> = found
            .iter()
            .filter(|p| p.key == FieldKey::Numbers && p.message.contains("fiction"))
            .collect();
        assert_eq!(fictional.len(), 1, "{found:#?}");
        let w = fictional[0];
        assert_eq!(w.severity, Severity::Warning);
        assert!(
            w.message.contains("2 are fictional")
                && w.message.contains("+12065550100")
                && w.message.contains("+13125550199")
                && !w.message.contains("+14255550200")
                && w.message.contains("never port"),
            "{w:?}"
        );
        let _ = order.edit(
            FieldKey::Numbers,
            FieldValue::Text("+14255551234".into()),
            clock.now,
        );
        assert!(
            !readiness(&order, clock.today)
                .iter()
                .any(|p| p.message.contains("fiction"))
        );
    }
}
