//! The model's answer for a text no rule recognised: a suggestion the user confirms.

use super::catalog::Catalog;
use super::classify::{Classification, Match, classify_by_rules, fired_rules};
use super::model::{Model, SURE_AT};
use crate::domain::FieldKey;

/// The `rule` of a match that came from the model.
pub const MODEL_RULE: &str = "learned_model";

const CARRIER: &str = "carrier";
const CARRIER_ACTION: &str = "Only the current carrier can clear this: ask the customer to contact it (or contact it with the customer), then resubmit.";

/// What the model makes of `text`, or `None` when it chooses nothing. The match's score is the
/// model's confidence; below `SURE_AT` it says "not sure" in its action.
pub fn suggest(text: &str, catalog: &Catalog, model: &Model) -> Option<Classification> {
    // The model reads the text knowing which rules fired, as it was trained, even when it vetoed
    // them all (see `veto`).
    let rules = fired_rules(text, catalog);
    let prediction = model.predict(text, catalog, &rules);
    let chosen = prediction.chosen();
    if chosen.is_empty() {
        return None;
    }
    let needs_carrier_contact = chosen.contains(&CARRIER);
    let mut fields: Vec<FieldKey> = chosen
        .iter()
        .filter(|l| **l != CARRIER)
        .filter_map(|l| FieldKey::group(l))
        .flatten()
        .collect();
    fields.sort();
    fields.dedup();
    let confidence = prediction.confidence();
    let mut action = if fields.is_empty() {
        CARRIER_ACTION.to_string()
    } else {
        catalog.advice_for(&fields).unwrap_or_else(|| {
            "Check these fields against the carrier's record (its CSR), then resubmit.".to_string()
        })
    };
    if confidence < SURE_AT {
        action = format!("Not sure (confidence {confidence:.2}): confirm the fields. {action}");
    }
    Some(Classification {
        fields: fields.clone(),
        matches: vec![Match {
            rule: MODEL_RULE.to_string(),
            fields,
            score: confidence,
            evidence: Vec::new(),
        }],
        needs_carrier_contact,
        action,
        learned: None,
        key_sentence: None,
        status_words: Vec::new(),
    })
}

/// The rules' answer (`model` may drop the matches it strongly rejects: see `veto`), or where no
/// rule reads the text and it is no status update, `model`'s (`None`: the rules alone). This is the
/// answer the leave-one-source-out score measures and the screens show, the model's part marked
/// as a suggestion to confirm.
pub fn classify_with_model(text: &str, catalog: &Catalog, model: Option<&Model>) -> Classification {
    let c = classify_by_rules(text, catalog, model);
    match model {
        // As the screens do: a status update gets no guess.
        Some(model) if !c.is_recognised() && !c.is_status_update() => {
            suggest(text, catalog, model).unwrap_or(c)
        }
        _ => c,
    }
}
