//! Rules and model together. The rules answer where they fire; the model (trained knowing which
//! rules fired on each text) may drop a match it strongly disagrees with. When several fire, the
//! one it supports most stays: that is how a field named only by context ("on this customer
//! order", "for this TN", the LOA as the paper a wrong value was written on) stops being reported
//! as a second field to fix. A rule that fired alone is dropped only when the model is also sure
//! of another reading; the text then gets the model's answer, as one no rule reads.

use super::catalog::{Catalog, Rule};
use super::features::Reading;
use super::model::{Model, Prediction, SURE_AT};

/// A rule's match is dropped when the model gives every label it stands for less than this,
/// and another match is kept. Fixed in advance as "strong disagreement", not fitted to the
/// held-out score.
pub const VETO_BELOW: f32 = 0.15;

/// Which of the `fired` rules to keep: the one the model supports most, every other that shares a
/// field with it, and every other the model does not strongly reject; a lone rule unless the
/// model strongly rejects it and is sure of another label. Beside each, the model's support for
/// it: the match's confidence.
pub(crate) fn rules_to_keep(
    reading: &Reading,
    catalog: &Catalog,
    model: &Model,
    fired: &[&Rule],
) -> (Vec<bool>, Vec<f32>) {
    if fired.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let ids: Vec<&str> = fired.iter().map(|r| r.id.as_str()).collect();
    let prediction = model.predict_reading(reading, catalog, &ids);
    let support: Vec<f32> = fired.iter().map(|r| support(&prediction, r)).collect();
    if let [only] = support[..] {
        let sure_elsewhere = prediction
            .ranked
            .first()
            .is_some_and(|(_, p)| *p >= SURE_AT);
        return (vec![only >= VETO_BELOW || !sure_elsewhere], support);
    }
    let best = support
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(i, _)| i);
    // A match that shares a field with the best one elaborates it rather than naming a second
    // thing from context ("the BTN is porting but numbers remain": port type beside the new BTN).
    let shares_best = |r: &Rule| r.fields.iter().any(|k| fired[best].fields.contains(k));
    let keep = support
        .iter()
        .zip(fired)
        .enumerate()
        .map(|(i, (s, r))| i == best || *s >= VETO_BELOW || shares_best(r))
        .collect();
    (keep, support)
}

/// How likely the model finds what `rule` says (the confidence of its match): the most likely of the labels its fields stand
/// for (the key itself or its group), and `carrier` when only the carrier can clear it.
pub(crate) fn support(prediction: &Prediction, rule: &Rule) -> f32 {
    let fields = rule.fields.iter().map(|k| prediction.field_support(k));
    let carrier = rule
        .needs_carrier_contact
        .then(|| prediction.probability("carrier"));
    fields.chain(carrier).fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FieldKey;
    use crate::domain::classifier::{MODEL_RULE, classify_with_model};
    use std::collections::BTreeMap;

    /// A model that finds every label unlikely except where `trusted` says: `label` gets `weight`
    /// from the feature `r:rule`.
    fn model(labels: &[&str], trusted: &[(&str, &str, f32)]) -> Model {
        let mut weights = BTreeMap::new();
        for (rule, label, weight) in trusted {
            let mut w = vec![0.0; labels.len()];
            let j = labels.iter().position(|l| l == label).unwrap();
            w[j] = *weight;
            weights.insert(format!("r:{rule}"), w);
        }
        let bias = vec![-6.0; labels.len()];
        Model::new(
            labels.iter().map(|l| l.to_string()).collect(),
            bias,
            weights,
        )
    }

    fn keys(c: &crate::domain::classifier::Classification) -> Vec<FieldKey> {
        c.fields.clone()
    }

    /// Two complaints the rules both read (the number is named first, so it is no mere "where").
    const PIN_AND_NUMBERS: &str = "The TN is invalid and the PIN is missing.";

    #[test]
    fn a_second_match_the_model_rejects_is_dropped() {
        let catalog = Catalog::builtin();
        let alone = classify_with_model(PIN_AND_NUMBERS, &catalog, None);
        assert_eq!(keys(&alone), vec![FieldKey::Numbers, FieldKey::Pin]);
        let m = model(
            &["pin", "numbers"],
            &[("pin_missing_or_incorrect", "pin", 200.0)],
        );
        let c = classify_with_model(PIN_AND_NUMBERS, &catalog, Some(&m));
        assert_eq!(keys(&c), vec![FieldKey::Pin]);
        assert_eq!(c.matches.len(), 1);
        assert_eq!(c.matches[0].rule, "pin_missing_or_incorrect");
    }

    #[test]
    fn a_match_sharing_a_field_with_the_best_stays() {
        let catalog = Catalog::builtin();
        // A model that finds every label unlikely keeps one of two unrelated matches...
        let unsure = model(&["pin", "numbers", "replacement_btn", "port_type"], &[]);
        let c = classify_with_model(PIN_AND_NUMBERS, &catalog, Some(&unsure));
        assert_eq!(c.matches.len(), 1, "{:?}", c.matches);
        // ...but both of two that share a field: the second elaborates the first.
        let text =
            "BTN is being ported but other numbers remain on the account; provide a new BTN.";
        let c = classify_with_model(text, &catalog, Some(&unsure));
        let rules: Vec<&str> = c.matches.iter().map(|m| m.rule.as_str()).collect();
        assert!(rules.contains(&"btn_ported_numbers_remain"), "{rules:?}");
        assert!(rules.contains(&"replacement_btn_missing"), "{rules:?}");
        assert!(c.fields.contains(&FieldKey::PortType), "{:?}", c.fields);
    }

    #[test]
    fn a_lone_rule_goes_only_when_the_model_is_sure_of_another_label() {
        let catalog = Catalog::builtin();
        let text = "PIN is invalid";
        // Unsure of anything: the rule stays.
        let unsure = model(&["pin", "carrier"], &[]);
        let c = classify_with_model(text, &catalog, Some(&unsure));
        assert_eq!(c.matches[0].rule, "pin_missing_or_incorrect");
        // Sure it is something only the carrier can clear: the model answers instead.
        let sure = model(
            &["pin", "carrier"],
            &[("pin_missing_or_incorrect", "carrier", 200.0)],
        );
        let c = classify_with_model(text, &catalog, Some(&sure));
        assert_eq!(c.matches[0].rule, MODEL_RULE);
        assert!(c.needs_carrier_contact && c.fields.is_empty(), "{c:?}");
    }
}
