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
            confidence: Some(confidence),
        }],
        needs_carrier_contact,
        action,
        learned: None,
        key_sentence: None,
        status_words: Vec::new(),
        confidence: Some(confidence),
    })
}

/// How sure the answer `c` to `text` is, from the model that reads the text knowing which rules
/// fired: for the model's own answer, its confidence; for the rules' answer classified with the
/// model, its matches' least confidence (`Classification::confidence`); else the model's
/// probability of the least likely thing the answer says (each field's key or group; `carrier` when it names no
/// field). `None` when `c` answers nothing. The held-out score reads how often answers at each
/// confidence were right (`train_classifier -- --loso`).
pub fn answer_confidence(
    text: &str,
    catalog: &Catalog,
    model: &Model,
    c: &Classification,
) -> Option<f32> {
    let first = c.matches.first()?;
    if first.rule == MODEL_RULE {
        return Some(first.score);
    }
    // Classified with this model: each match's own confidence, the least of them.
    if c.confidence.is_some() {
        return c.confidence;
    }
    let rules = fired_rules(text, catalog);
    let prediction = model.predict(text, catalog, &rules);
    let mut said: Vec<f32> = c
        .fields
        .iter()
        .map(|k| prediction.field_support(k))
        .collect();
    if c.fields.is_empty() && c.needs_carrier_contact {
        said.push(prediction.probability(CARRIER));
    }
    said.into_iter().reduce(f32::min)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::classifier::{RULES_SURE_AT, classify};

    /// The rules' answer the model finds unlikely gets a low confidence, one it supports a high
    /// one; the model's own answer keeps its confidence; no answer has none.
    #[test]
    fn an_answer_is_as_sure_as_the_model_finds_what_it_says() {
        let catalog = Catalog::builtin();
        let model = Model::builtin().expect("the shipped model loads");
        let confidence = |text: &str| {
            let c = classify(text, &catalog);
            answer_confidence(text, &catalog, model, &c)
        };
        // The rules read "line" as the numbers list; the model doubts it (a line the carrier
        // must move first is the carrier's to clear).
        let doubted = "The phone line must be moved by the current provider first";
        assert!(confidence(doubted).is_some_and(|p| p < RULES_SURE_AT));
        let sure = "Wireless account passcode does not match our records";
        assert!(confidence(sure).is_some_and(|p| p >= RULES_SURE_AT));
        let unread = "280: Remove LineSharing";
        let suggestion = suggest(unread, &catalog, model).expect("the model reads it");
        let p = answer_confidence(unread, &catalog, model, &suggestion);
        assert_eq!(p, Some(suggestion.matches[0].score));
        assert_eq!(confidence(""), None);
    }
}
