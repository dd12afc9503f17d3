//! The model's side of `classify --explain`: for a person asking "why did it say that?", how
//! likely the model finds each thing the answer says and the features that weighed most for and
//! against it, its likeliest other readings, and the rules whose match it dropped (see `veto`).
//! Strings are the text's own words: the caller cleans them before a terminal sees them.

use super::catalog::Catalog;
use super::classify::{Classification, classify, fired_rules};
use super::model::{CHOOSE_AT, Model};
use super::veto::support;
use crate::domain::FieldKey;

/// Features shown for a label, and against one the model finds unlikely.
const FEATURES_FOR: usize = 4;
const FEATURES_AGAINST: usize = 3;
/// Labels shown in all: the answer's, then the model's likeliest others up to this many (at
/// least one other).
const LABELS_SHOWN: usize = 3;

/// A rule that matched the words but whose match the model dropped: it strongly rejects what the
/// rule says (`VETO_BELOW`), or is sure of another reading.
#[derive(Debug, Clone, PartialEq)]
pub struct DroppedRule {
    pub rule: String,
    pub fields: Vec<FieldKey>,
    pub evidence: Vec<String>,
    /// How likely the model finds what the rule says.
    pub support: f32,
}

/// One of the model's labels (a field key or group, `carrier`, or `none`) for the text.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelReading {
    pub label: String,
    pub probability: f32,
    /// The answer says it (one of its fields, or `carrier` when only the carrier can clear it).
    pub in_answer: bool,
    /// The features that added most to the label's score, in words, strongest first.
    pub for_it: Vec<(String, f32)>,
    /// For a label below `CHOOSE_AT`: the features that took most from it (negative weights).
    pub against: Vec<(String, f32)>,
}

/// What a label that is no field means, in words (`carrier`, `none`).
pub fn label_meaning(label: &str) -> Option<&'static str> {
    match label {
        "carrier" => Some("only the carrier can clear it"),
        super::model::NONE => Some("names no rejection"),
        _ => None,
    }
}

/// What the model makes of a text beside the answer `c`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelReading {
    pub labels: Vec<LabelReading>,
    pub dropped: Vec<DroppedRule>,
}

/// The model's reading of `text` beside `c`, the answer given for it (`classify_with_examples`).
pub fn model_reading(
    text: &str,
    catalog: &Catalog,
    model: &Model,
    c: &Classification,
) -> ModelReading {
    // The model reads the text knowing every rule that fired, kept or dropped, as it answered.
    let rules = fired_rules(text, catalog);
    let prediction = model.predict(text, catalog, &rules);
    let mut answer: Vec<&str> = Vec::new();
    for key in &c.fields {
        let label = [key.as_str(), key.group_name()]
            .into_iter()
            .filter(|l| model.labels.iter().any(|m| m == l))
            .max_by(|a, b| {
                prediction
                    .probability(a)
                    .total_cmp(&prediction.probability(b))
            });
        answer.extend(label);
    }
    if c.needs_carrier_contact && c.fields.is_empty() {
        answer.push("carrier");
    }
    answer.dedup();
    let others = LABELS_SHOWN.saturating_sub(answer.len()).max(1);
    let shown = answer.iter().copied().chain(
        prediction
            .ranked
            .iter()
            .map(|(l, _)| l.as_str())
            .filter(|l| !answer.contains(l))
            .take(others),
    );
    let labels = shown
        .map(|label| {
            let probability = prediction.probability(label);
            let weighed = model.weighed_features(text, catalog, &rules, label);
            let strongest = |sign: f32, n: usize| -> Vec<(String, f32)> {
                weighed
                    .iter()
                    .filter(|(_, w)| w * sign > 0.0)
                    .take(n)
                    .cloned()
                    .collect()
            };
            LabelReading {
                label: label.to_string(),
                probability,
                in_answer: answer.contains(&label),
                for_it: strongest(1.0, FEATURES_FOR),
                against: if probability < CHOOSE_AT {
                    strongest(-1.0, FEATURES_AGAINST)
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    ModelReading {
        labels,
        dropped: dropped_rules(text, catalog, &prediction, c),
    }
}

/// The rules that matched the words but are not in the answer: the model dropped them. None when
/// the answer is a learned example's (it replaces the rules' answer whole).
fn dropped_rules(
    text: &str,
    catalog: &Catalog,
    prediction: &super::model::Prediction,
    c: &Classification,
) -> Vec<DroppedRule> {
    if c.learned.is_some() {
        return Vec::new();
    }
    classify(text, catalog)
        .matches
        .into_iter()
        .filter(|m| !c.matches.iter().any(|kept| kept.rule == m.rule))
        .filter_map(|m| {
            let rule = catalog.rule(&m.rule)?;
            Some(DroppedRule {
                support: support(prediction, rule),
                rule: m.rule,
                fields: m.fields,
                evidence: m.evidence,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::classifier::{ExampleIndex, classify_with_examples};

    fn reading(text: &str) -> (Classification, ModelReading) {
        let catalog = Catalog::builtin();
        let model = Model::builtin().expect("the shipped model loads");
        let c = classify_with_examples(text, &catalog, &ExampleIndex::default());
        let r = model_reading(text, &catalog, model, &c);
        (c, r)
    }

    /// The answer's labels come first, each with the features that weighed for it; then at least
    /// one other reading of the model.
    #[test]
    fn the_answers_labels_come_first_with_their_features() {
        let (c, r) = reading("The PIN is wrong and the account number does not match");
        assert_eq!(c.fields.len(), 2, "{c:?}");
        let first: Vec<&str> = r.labels.iter().take(2).map(|l| l.label.as_str()).collect();
        assert!(
            first.contains(&"pin") && first.contains(&"account_number"),
            "{first:?}"
        );
        assert!(r.labels[..2].iter().all(|l| l.in_answer));
        assert!(r.labels.len() >= 3 && !r.labels[2].in_answer);
        let pin = r.labels.iter().find(|l| l.label == "pin").unwrap();
        assert!(
            pin.for_it
                .iter()
                .any(|(f, w)| f == "concept pin" && *w > 0.0)
        );
        assert!(pin.for_it.len() <= FEATURES_FOR);
        assert!(r.dropped.is_empty(), "{:?}", r.dropped);
    }

    /// A label the model finds unlikely shows what weighed against it.
    #[test]
    fn an_unlikely_label_shows_what_weighed_against_it() {
        let (_, r) = reading("The PIN is wrong.");
        let unlikely = r.labels.iter().find(|l| l.probability < CHOOSE_AT);
        let unlikely = unlikely.expect("another, unlikely reading is shown");
        assert!(unlikely.against.iter().all(|(_, w)| *w < 0.0));
        assert!(!unlikely.against.is_empty(), "{unlikely:?}");
    }

    /// A rule that matched the words but is not in the answer is shown as dropped, with how
    /// likely the model finds what it says.
    #[test]
    fn a_rule_the_model_dropped_is_named_with_its_support() {
        let catalog = Catalog::builtin();
        let dropped_somewhere = crate::domain::classifier::BUILTIN_CORPUS
            .lines()
            .filter_map(|l| l.splitn(5, '\t').nth(4))
            .take(400)
            .find_map(|text| {
                let (c, r) = reading(text);
                let alone = classify(text, &catalog);
                (alone.matches.len() > c.matches.len() && c.learned.is_none()).then_some(r)
            });
        let r = dropped_somewhere.expect("some corpus text has a match the model drops");
        assert!(!r.dropped.is_empty());
        assert!(r.dropped.iter().all(|d| (0.0..=1.0).contains(&d.support)));
    }
}
