//! Preflight from history: before an order goes to its carrier, what that carrier rejected on the
//! user's earlier orders ("Contoso Telecom rejected the account PIN on 3 of your last 5 orders:
//! check it against the CSR"). Warnings only, beside the rules `validate` checks; they never
//! block a submission. Pure: the caller passes the earlier orders (any order of the same carrier
//! will do; the others are ignored).

use super::export::one_line;
use super::insights::{carrier_key, fields_rejected, first_submitted};
use super::key::FieldKey;
use super::order::Order;
use super::registry::spec;
use jiff::Timestamp;
use std::collections::HashMap;

/// How many of the carrier's most recent earlier orders are looked at.
pub const RECENT_ORDERS: usize = 5;
/// A field is worth a warning when it was rejected on at least this many of them, or on every
/// one of them (so one earlier order rejected for it is enough when it is the only one).
pub const MIN_REJECTED_ORDERS: usize = 2;

/// One warning: the carrier rejected these fields on `rejected_on` of the last `of_last` orders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryWarning {
    /// The carrier as the order about to be submitted names it (cleaned).
    pub carrier: String,
    /// The fields, more than one when the same orders were rejected for each (an address).
    pub fields: Vec<FieldKey>,
    pub rejected_on: usize,
    pub of_last: usize,
    /// The ids of the orders rejected for them, most recent first.
    pub orders: Vec<String>,
}

impl HistoryWarning {
    /// The warning in one sentence.
    pub fn message(&self) -> String {
        let on = match (self.rejected_on, self.of_last) {
            (_, 1) => "on your last order".to_string(),
            (n, m) if n == m => format!("on each of your last {m} orders"),
            (n, m) => format!("on {n} of your last {m} orders"),
        };
        format!(
            "{} rejected {} {on}: {}.",
            self.carrier,
            fields_phrase(&self.fields),
            advice(&self.fields)
        )
    }
}

/// The warnings for `order` from the carrier's earlier orders in `history` (the order itself and
/// orders of other carriers are skipped), most rejected first.
pub fn warnings<'a>(
    order: &Order,
    history: impl IntoIterator<Item = &'a Order>,
) -> Vec<HistoryWarning> {
    let carrier = one_line(&order.fields.current_carrier);
    let key = carrier_key(&carrier);
    if key.is_empty() {
        return Vec::new();
    }
    // Whether a spelling is this carrier, worked out once per spelling.
    let mut same: HashMap<&str, bool> = HashMap::new();
    let mut earlier: Vec<(Timestamp, &Order)> = history
        .into_iter()
        .filter(|o| {
            o.id != order.id
                && *same
                    .entry(o.fields.current_carrier.as_str())
                    .or_insert_with_key(|raw| carrier_key(raw) == key)
        })
        .filter_map(|o| first_submitted(o).map(|at| (at, o)))
        .collect();
    earlier.sort_by(|(a, x), (b, y)| b.cmp(a).then_with(|| x.id.cmp(&y.id)));
    earlier.truncate(RECENT_ORDERS);
    let of_last = earlier.len();
    // Per field, the orders (most recent first) that were rejected for it.
    let mut by_field: Vec<(FieldKey, Vec<String>)> = Vec::new();
    for (_, o) in &earlier {
        for field in fields_rejected(o) {
            match by_field.iter_mut().find(|(f, _)| *f == field) {
                Some((_, ids)) => ids.push(o.id.clone()),
                None => by_field.push((field, vec![o.id.clone()])),
            }
        }
    }
    by_field.retain(|(_, ids)| ids.len() >= MIN_REJECTED_ORDERS || ids.len() == of_last);
    by_field.sort_by_key(|(field, _)| *field);
    // Fields rejected on exactly the same orders make one warning.
    let mut out: Vec<HistoryWarning> = Vec::new();
    for (field, ids) in by_field {
        match out.iter_mut().find(|w| w.orders == ids) {
            Some(w) => w.fields.push(field),
            None => out.push(HistoryWarning {
                carrier: carrier.clone(),
                fields: vec![field],
                rejected_on: ids.len(),
                of_last,
                orders: ids,
            }),
        }
    }
    out.sort_by_key(|w| std::cmp::Reverse(w.rejected_on));
    out
}

/// "the account PIN", "the service address", "the account number and the organization name".
fn fields_phrase(fields: &[FieldKey]) -> String {
    for group in ["service_address", "authorized_user"] {
        if let Some(keys) = FieldKey::group(group)
            && keys.iter().all(|k| fields.contains(k))
            && fields.iter().all(|f| f.group_name() == group)
        {
            return format!("the {}", group.replace('_', " "));
        }
    }
    let names: Vec<String> = fields
        .iter()
        .map(|f| format!("the {}", lower_first(spec(*f).label)))
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => "a field".to_string(),
    }
}

/// A label inside a sentence: "Account PIN" → "account PIN", but "BTN…" stays.
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            format!("{}{}", first.to_lowercase(), &label[first.len_utf8()..])
        }
        _ => label.to_string(),
    }
}

/// What to check before submitting.
fn advice(fields: &[FieldKey]) -> &'static str {
    use FieldKey::*;
    let it = fields.len() == 1
        || fields
            .iter()
            .all(|f| f.group_name() == fields[0].group_name());
    match fields {
        [Loa] => "check that the signed LOA matches the order as it is now",
        [Documents] => "check that the documents attached are the current bill and CSR",
        [PortDate] | [PortTime] | [PortDate, PortTime] => {
            "check the carrier's notice period and business days"
        }
        [Numbers] => "check that every number is on the account in the CSR",
        _ if it => "check it against the CSR",
        _ => "check them against the CSR",
    }
}

#[cfg(test)]
mod tests;
