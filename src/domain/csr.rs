//! Comparing what the order says with what the carrier's Customer Service Record says.
//! Case and spacing do not count; anything else does, because carriers match exactly: an
//! abbreviation or a missing word ("Fabrikam" for "Fabrikam Inc") is a difference, and is named.

use super::edit::{self, TEXT_LIMIT, is_mask};
use super::fields::FieldValue;
use super::history::{Change, Event};
use super::key::FieldKey;
use super::order::Order;
use super::registry::{FieldSpec, csr_fields, spec};
use jiff::Timestamp;

/// Outside text on one line, cleaned of control sequences (the CSR value is the user's).
fn one_line(text: &str) -> String {
    super::sanitize::clean(text).replace(['\n', '\t'], " ")
}

/// How an order value differs from the CSR's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsrDifference {
    /// The order leaves out words the CSR has (an abbreviated or shortened value).
    OrderShorter { missing: String },
    /// The order has words the CSR does not.
    OrderLonger { extra: String },
    /// Anything else.
    Different,
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `None` when the values match (ignoring case and spacing) or when the CSR value is empty.
pub fn compare(order_value: &str, csr_value: &str) -> Option<CsrDifference> {
    let (order, csr) = (normalise(order_value), normalise(csr_value));
    if csr.is_empty() || order == csr {
        return None;
    }
    let words = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
    let (ow, cw) = (words(&order), words(&csr));
    let original_words: Vec<&str> = csr_value.split_whitespace().collect();
    if !order.is_empty() && cw.len() > ow.len() && cw[..ow.len()] == ow[..] {
        return Some(CsrDifference::OrderShorter {
            missing: original_words[ow.len()..].join(" "),
        });
    }
    let order_original: Vec<&str> = order_value.split_whitespace().collect();
    if ow.len() > cw.len() && ow[..cw.len()] == cw[..] {
        return Some(CsrDifference::OrderLonger {
            extra: order_original[cw.len()..].join(" "),
        });
    }
    Some(CsrDifference::Different)
}

/// The words shown beside a field: "≠ CSR: “Fabrikam Inc” (the order leaves out “Inc”)".
/// A secret field's values are never shown.
pub fn describe(spec: &FieldSpec, csr_value: &str, difference: &CsrDifference) -> String {
    if spec.secret {
        return "≠ CSR: the PIN differs from the CSR's".to_string();
    }
    let csr_value = one_line(csr_value.trim());
    match difference {
        CsrDifference::OrderShorter { missing } => format!(
            "≠ CSR: “{csr_value}” (the order leaves out “{}”)",
            one_line(missing)
        ),
        CsrDifference::OrderLonger { extra } => format!(
            "≠ CSR: “{csr_value}” (the order adds “{}”)",
            one_line(extra)
        ),
        CsrDifference::Different => format!("≠ CSR: “{csr_value}”"),
    }
}

/// Every CSR field whose order value differs from the recorded CSR value.
pub fn differences(order: &Order) -> Vec<(&'static FieldSpec, String)> {
    csr_fields()
        .filter_map(|spec| {
            let csr = order.csr.get(&spec.key)?;
            let value = order.fields.get(spec.key).to_line();
            // A CSR value kept before values were normalised compares in normal form too.
            let normal = super::edit::normalise(
                spec.key,
                super::fields::FieldValue::Text(csr.clone()),
                &order.fields,
            )
            .map(|v| v.to_line())
            .unwrap_or_else(|_| csr.clone());
            compare(&value, &normal).map(|d| (spec, describe(spec, csr, &d)))
        })
        .collect()
}

impl Order {
    /// Record what the Customer Service Record says for a field (empty clears it).
    /// A mask (`••••`, from an export without secrets) is never taken as a value.
    pub fn set_csr(&mut self, key: FieldKey, value: &str, now: Timestamp) {
        // Stored in the order's normal form ("Washington" → "WA", numbers in E.164), so the
        // comparison with the order's value is of like with like.
        let normal = edit::normalise(key, FieldValue::Text(value.to_string()), &self.fields)
            .map(|v| v.to_line())
            .unwrap_or_else(|_| value.trim().to_string());
        let value = normal.as_str();
        let old = self.csr.get(&key).cloned().unwrap_or_default();
        if old == value || is_mask(value) || value.chars().count() > TEXT_LIMIT {
            return;
        }
        if value.is_empty() {
            self.csr.remove(&key);
        } else {
            self.csr.insert(key, value.to_string());
        }
        let change = Change::new(key, &old, value);
        self.record(
            now,
            Event::CsrRecorded,
            None,
            format!("CSR value for {}", spec(key).label),
            vec![change],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_spacing_do_not_count() {
        assert_eq!(compare("fabrikam  INC", "Fabrikam Inc"), None);
        assert_eq!(compare("anything", "  "), None);
    }

    #[test]
    fn abbreviations_and_missing_words_are_flagged() {
        assert_eq!(
            compare("Fabrikam", "Fabrikam Inc"),
            Some(CsrDifference::OrderShorter {
                missing: "Inc".into()
            })
        );
        assert_eq!(
            compare("Fabrikam Inc.", "Fabrikam Inc"),
            Some(CsrDifference::Different)
        );
        assert_eq!(
            compare("Dana M Reyes", "Dana"),
            Some(CsrDifference::OrderLonger {
                extra: "M Reyes".into()
            })
        );
        assert_eq!(compare("", "Fabrikam"), Some(CsrDifference::Different));
    }
}
