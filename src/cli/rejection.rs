//! `classify` and `reject`: the carrier's words → the fields to fix.

use super::Failure;
use crate::domain::Order;
use crate::domain::classifier::{
    Catalog, Classification, ExampleIndex, LEARNED_RULE, LabelledExample, Model, ModelReading,
    SURE_AT, advises_carrier_contact, classify_with_examples, label_meaning,
    model_reading as explain_reading, suggest, sureness,
};
use crate::domain::order::RejectionInput;
use crate::domain::sanitize::clean;
use crate::domain::{FieldKey, spec};
use crate::store::examples;
use jiff::civil::Date;
use serde_json::json;
use std::path::Path;

/// The builtin catalog plus the user's `rejections.json` in the data folder, if any. A broken file
/// is reported with its position and the builtin catalog is used.
pub fn catalog(dir: &Path) -> Catalog {
    let path = dir.join("rejections.json");
    if !path.exists() {
        return Catalog::builtin();
    }
    let text = match super::input::read_text(&path, &super::input::CATALOG) {
        Ok(text) => text,
        Err(failure) => {
            for line in failure.lines() {
                super::Console::stdio()
                    .say(&format!("portwiz: {line}; using the built-in catalog"));
            }
            return Catalog::builtin();
        }
    };
    match Catalog::with_overrides(&text) {
        Ok(catalog) => catalog,
        Err(e) => {
            super::Console::stdio().say(&format!(
                "portwiz: {}: {e}; using the built-in catalog",
                path.display()
            ));
            Catalog::builtin()
        }
    }
}

/// The text argument: `-` or nothing reads standard input. Empty text is a usage error.
pub fn read_text(arg: Option<&str>) -> Result<String, Failure> {
    use super::input::{CARRIER_TEXT, check_argument, read_text as read_input};
    let text = match arg {
        Some(text) if text != "-" => {
            check_argument(text, &CARRIER_TEXT)?;
            text.to_string()
        }
        _ => read_input(Path::new("-"), &CARRIER_TEXT)?,
    };
    if text.trim().is_empty() {
        return Err(Failure::Input(
            "no text to classify: give the carrier's words as an argument or on standard input"
                .into(),
        ));
    }
    Ok(text)
}

/// docs/command-line.md's JSON form: the contract's four keys, then (keys are only ever added)
/// how sure the answer is, whether it reads like a status update, and the model's suggestion
/// where no rule and no example read the text. `needs_carrier_contact` is the classification's own
/// (only the carrier can clear what the text says; docs/command-line.md); `ask_carrier` agrees with
/// `action`: true too when the text names no field and the advice is to ask the carrier.
pub fn classification_json(
    c: &Classification,
    suggestion: Option<&Classification>,
) -> serde_json::Value {
    let shown = sureness(c, suggestion);
    json!({
        "fields": c.fields,
        "matches": c.matches.iter().map(|m| json!({"rule": m.rule, "fields": m.fields, "score": m.score})).collect::<Vec<_>>(),
        "needs_carrier_contact": c.needs_carrier_contact,
        "action": c.action,
        "ask_carrier": advises_carrier_contact(c),
        "confidence": shown.confidence,
        "not_sure": shown.not_sure,
        "status_update": c.is_status_update(),
        "suggestion": suggestion.map(|s| json!({
            "fields": s.fields,
            "needs_carrier_contact": s.needs_carrier_contact,
            "confidence": s.certainty(),
        })),
    })
}

/// The built-in model's reading of a text no rule and no example recognised.
pub fn suggestion(text: &str, catalog: &Catalog, c: &Classification) -> Option<Classification> {
    if c.is_recognised() || c.is_status_update() {
        return None;
    }
    suggest(text, catalog, Model::builtin()?)
}

/// The suggestion for people: "not sure", what it might be, and how to say what it is.
pub fn suggestion_text(s: Option<&Classification>) -> String {
    let Some(s) = s else {
        return String::new();
    };
    let confidence = s.matches.first().map_or(0.0, |m| m.score);
    let mut what: Vec<String> = s
        .fields
        .iter()
        .map(|k| format!("{} ({k})", spec(*k).label))
        .collect();
    if s.needs_carrier_contact {
        what.push("something only the current carrier can clear".to_string());
    }
    let mut keys: Vec<&str> = s.fields.iter().map(|k| k.group_name()).collect();
    keys.dedup();
    let how = if keys.is_empty() {
        "record it with `reject ORDER --force`".to_string()
    } else {
        format!("record it with `reject ORDER --fields {}`", keys.join(","))
    };
    let opening = if confidence >= SURE_AT {
        "No rule names it, but the model reads it as"
    } else {
        "Not sure: the model suggests"
    };
    format!(
        "{opening} {} (confidence {confidence:.2}). Check it against the carrier's words; if it \
         is right, {how}.\n",
        what.join(", ")
    )
}

/// `--explain`: the built-in model's reading beside the answer `c` (`None` without a model).
pub fn model_reading(text: &str, catalog: &Catalog, c: &Classification) -> Option<ModelReading> {
    Some(explain_reading(text, catalog, Model::builtin()?, c))
}

/// `--explain`, the model's part: how likely it finds each thing the answer says and its likeliest
/// other readings, with the features that weighed most for each (and against an unlikely one).
pub fn model_explanation(reading: Option<&ModelReading>) -> String {
    let Some(reading) = reading else {
        return String::new();
    };
    let mut out = String::from(
        "Model (trained on the public corpus): how likely each reading is, and the features of \
         these words that weighed most:\n",
    );
    for l in &reading.labels {
        let weights = |list: &[(String, f32)]| -> String {
            list.iter()
                .map(|(f, w)| format!("{} {w:+.2}", clean(f)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let role = if l.in_answer { ", in the answer" } else { "" };
        let meaning = label_meaning(&l.label)
            .map(|m| format!(" ({m})"))
            .unwrap_or_default();
        let mut line = format!(
            "  {}{meaning} {:.2}{role}: ",
            clean(&l.label),
            l.probability
        );
        line += &if l.for_it.is_empty() {
            "no feature for it".to_string()
        } else {
            weights(&l.for_it)
        };
        if !l.against.is_empty() {
            line += &format!("; against: {}", weights(&l.against));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// For people: each field by label, then what to do.
pub fn classification_text(c: &Classification) -> String {
    let mut text = String::new();
    if c.is_recognised() {
        text.push_str("Fields to fix:\n");
        for key in &c.fields {
            text.push_str(&format!("  ! {} ({key})\n", spec(*key).label));
        }
        if c.fields.is_empty() {
            text.push_str("  (none: this is about the account, not a field of the order)\n");
        }
        let rules: Vec<&str> = c.matches.iter().map(|m| m.rule.as_str()).collect();
        text.push_str(&format!("Recognised as: {}\n", rules.join(", ")));
        if c.is_guess() {
            text.push_str(
                "This is a guess: the words were weak. Confirm the fields before you fix them.\n",
            );
        } else if c.is_not_sure() {
            text.push_str(&not_sure_text(c));
        }
    }
    if c.is_status_update() {
        let words: Vec<String> = c
            .status_words
            .iter()
            .map(|w| format!("“{}”", clean(w)))
            .collect();
        text.push_str(&format!(
            "This reads like a status update ({}), not a rejection: it names no field.\n",
            words.join(", ")
        ));
    }
    if c.needs_carrier_contact {
        text.push_str(
            "Only the current carrier can resolve this: contact it before resubmitting.\n",
        );
    }
    if c.is_recognised() {
        text.push_str(&format!("What to do: {}\n", clean(&c.action)));
    } else {
        // The catalog's advice for unknown text opens with "Not recognised: …" itself.
        text.push_str(&format!("{}\n", clean(&c.action)));
    }
    text
}

/// The line that says an answer is below the confidence to act on.
pub fn not_sure_text(c: &Classification) -> String {
    let confidence = c.certainty().unwrap_or(0.0);
    format!(
        "Not sure (confidence {confidence:.2}): the model doubts this reading. Confirm the fields \
         before you fix them.\n"
    )
}

/// `--fields` given by the user: keys or groups (`authorized_user`, `service_address`).
pub fn parse_fields(names: &[String]) -> Result<Vec<FieldKey>, Failure> {
    let mut keys = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let group = FieldKey::group(name).ok_or_else(|| {
            Failure::Input(format!(
                "`{name}` is not a field key or group: `portwiz set --help` lists every key; the \
                 groups are {}",
                FieldKey::groups().join(", ")
            ))
        })?;
        keys.extend(group);
    }
    keys.sort();
    keys.dedup();
    Ok(keys)
}

/// `reject` without `--force` or `--fields`: a text that reads like a status update is not
/// recorded as a rejection (input error, exit 2), saying which words and how to record it anyway.
pub fn refuse_status_update(c: &Classification) -> Result<(), Failure> {
    if !c.is_status_update() {
        return Ok(());
    }
    let words: Vec<String> = c
        .status_words
        .iter()
        .map(|w| format!("“{}”", clean(w)))
        .collect();
    Err(Failure::Input(format!(
        "this reads like a status update, not a rejection ({}), and names no field: nothing was \
         recorded. If the carrier did reject the order, run it again with --force, or name the \
         fields with --fields KEY,...",
        words.join(", ")
    )))
}

/// What to record: the classifier's answer, with the user's fields when given.
pub fn rejection_input(
    text: String,
    c: &Classification,
    fields: Option<Vec<FieldKey>>,
    catalog: &Catalog,
) -> RejectionInput {
    RejectionInput::from_classification(text, c, fields, catalog)
}

/// `--explain`: which words, rules and labelled examples fired, how sure each is, the rules the
/// model dropped, and whether the answer is sure enough to act on.
pub fn explanation_text(c: &Classification, reading: Option<&ModelReading>) -> String {
    let mut text = String::from("Why:\n");
    if c.matches.is_empty() {
        text.push_str("  no rule and no labelled example matched these words\n");
    }
    let quoted = |words: &[String]| -> String {
        words
            .iter()
            .map(|w| format!("\"{}\"", clean(w)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for m in &c.matches {
        let words = quoted(&m.evidence);
        match (&c.learned, m.rule == LEARNED_RULE) {
            (Some(n), true) => text.push_str(&format!(
                "  like the rejection you labelled on {} ({}), similarity {:.2}; shared words: {words}\n",
                n.example.labelled_on,
                clean(&n.example.order),
                m.score,
            )),
            _ => {
                let confidence = m
                    .confidence
                    .map(|p| format!(", confidence {p:.2}"))
                    .unwrap_or_default();
                text.push_str(&format!(
                    "  rule {} (score {:.2}){confidence}: {words}\n",
                    clean(&m.rule),
                    m.score,
                ));
            }
        }
    }
    for d in reading.map_or(&[][..], |r| &r.dropped[..]) {
        text.push_str(&format!(
            "  rule {} matched {} but was dropped: the model finds what it says unlikely ({:.2})\n",
            clean(&d.rule),
            quoted(&d.evidence),
            d.support
        ));
    }
    if c.matches.iter().any(|m| m.rule != LEARNED_RULE) {
        text.push_str(
            "  (score: how close together the words are, 1.00 within one clause; confidence: how \
             likely the model finds what the rule says)\n",
        );
    }
    text.push_str(&verdict(c));
    text
}

/// Whether the answer is sure enough to act on, and by which measure.
fn verdict(c: &Classification) -> String {
    let (Some(confidence), Some(at)) = (c.certainty(), c.sure_at()) else {
        return String::new();
    };
    let measure = if c.learned.is_some() {
        "similarity"
    } else {
        "confidence"
    };
    if c.is_guess() {
        format!(
            "A guess: the match is weak (score {:.2}); {measure} {confidence:.2}. Confirm the \
             fields before you fix them.\n",
            c.matches.first().map_or(0.0, |m| m.score)
        )
    } else if c.is_sure() {
        format!("Sure: {measure} {confidence:.2}, at least the {at:.2} this answer needs.\n")
    } else {
        format!(
            "Not sure: {measure} {confidence:.2}, below the {at:.2} this answer needs to be acted on.\n"
        )
    }
}

/// The user's labelled examples; a broken file is reported once and ignored.
pub fn example_index(dir: &Path) -> ExampleIndex {
    match examples::load(dir) {
        Ok(list) => ExampleIndex::new(list),
        Err(e) => {
            super::Console::stdio().say(&format!("portwiz: {e}; learned examples are not used"));
            ExampleIndex::default()
        }
    }
}

pub fn classify_text(text: &str, dir: &Path) -> Classification {
    classify_with(text, &catalog(dir), dir)
}

/// `classify_text` with a catalog already loaded.
pub fn classify_with(text: &str, catalog: &Catalog, dir: &Path) -> Classification {
    classify_with_examples(text, catalog, &example_index(dir))
}

/// `reject --fields`: remember the text with the user's fields for next time.
pub fn learn(dir: &Path, text: &str, fields: &[FieldKey], order: &Order, today: Date) {
    let example = LabelledExample {
        text: text.trim().to_string(),
        fields: fields.to_vec(),
        labelled_on: today,
        order: order.display_name(),
    };
    if let Err(e) = examples::append(dir, example) {
        super::Console::stdio().say(&format!(
            "portwiz: {e}; the fields were recorded on the order but not learned"
        ));
    }
}

/// The values the carrier quotes, by field, to record as the CSR's values.
pub fn quoted_values(text: &str, c: &Classification, dir: &Path) -> Vec<(FieldKey, String)> {
    crate::domain::classifier::quoted_values(text, &catalog(dir), &c.fields)
}
