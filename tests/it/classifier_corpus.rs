//! The corpus of public rejection wording (`assets/corpus/rejections.tsv`): its shape, the
//! leave-one-source-out score of rules plus model, and that the shipped model is current.

use portwiz::domain::classifier::{
    Answering, BUILTIN_CORPUS, Catalog, Model, leave_one_source_out, parse_corpus, train,
};
use std::collections::BTreeSet;

/// Issue 30 asks for 90% held out; the corpus and model reach this floor today (see README,
/// "The classifier's corpus and model"). The test fails if a change makes the held-out score
/// worse. (755 texts: 71.1% with the catalog in other languages; 78.9% once the catalog named
/// the families in general words (carrier-side blocks, who the carrier is, ranges that
/// move whole, the customer's data, unauthorized signatures) and a catch-all's subject named
/// after a specific complaint stopped counting as a second field; 881 texts from 142 publishers:
/// 78.3%; 80.8% once the model learned a label for texts that name nothing, read concepts in
/// pairs and guessed from 0.1, and the catalog knew identity documents; 1,012 texts from 159
/// publishers: 81.1%; 82.9% once the catalog knew the fields' words in the Calling Plans
/// countries' languages, split compounds and read Chinese and Japanese a character at a time;
/// 83.4% with the corpus relabelled, before the rules' landing of the same hour was merged; with
/// the model's known features sharing a text's length, concepts counting double and a feature
/// seen at two publishers: 84.2% -> 84.6%; merged with the rules' and lexicon's work of the
/// evening: 86.2% -> 86.4%; 23 labels audited against LABELLING.md: 86.4% -> 87.3% (874 -> 883);
/// with carrier-side blocks and who the carrier is read as such: 88.1% (892); 90.2% (913) once
/// the catalog knew the type of service, area codes, residence, the carrier's record and more
/// words in other languages, and short codes (EIN, PRI, DNI, NIE, SA) stopped matching other
/// languages' ordinary words; both together, with the generalisation matrix's vocabulary: 91.1%
/// (922).)
const LOSO_FLOOR: f64 = 0.91;

#[test]
fn the_corpus_is_labelled_and_sourced() {
    let rows = parse_corpus(BUILTIN_CORPUS).unwrap();
    assert!(rows.len() >= 1012, "{} rows", rows.len());
    let families: BTreeSet<&str> = rows.iter().map(|r| r.family.as_str()).collect();
    assert!(families.len() >= 159, "{} families", families.len());
    for row in &rows {
        assert!(
            !row.source.trim().is_empty(),
            "line {}: no source",
            row.line
        );
        assert!(!row.text.trim().is_empty(), "line {}: no text", row.line);
    }
    let texts: BTreeSet<(&str, &str)> = rows
        .iter()
        .map(|r| (r.family.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(texts.len(), rows.len(), "a family repeats a text");
}

#[test]
fn leave_one_source_out_score_per_family() {
    let rows = parse_corpus(BUILTIN_CORPUS).unwrap();
    let held = leave_one_source_out(&rows, &Catalog::builtin(), Answering::Combined);
    let (right, all) = held.total();
    let overall = right as f64 / all as f64;
    eprintln!(
        "leave-one-source-out: {right}/{all} = {:.1}%",
        overall * 100.0
    );
    for s in &held.scores {
        eprintln!("  {:32} {:3}/{:3}", s.family, s.right, s.rows);
    }
    assert!(
        overall >= LOSO_FLOOR,
        "held-out score fell to {:.1}%",
        overall * 100.0
    );
}

#[test]
fn the_shipped_model_is_trained_from_the_current_corpus() {
    let rows = parse_corpus(BUILTIN_CORPUS).unwrap();
    let fresh = train(&rows, &Catalog::builtin());
    let shipped = Model::builtin().expect("the shipped model loads");
    assert!(
        fresh == *shipped,
        "assets/classifier-model.json is stale: run `cargo run --release --example train_classifier`"
    );
    let size = include_str!("../../assets/classifier-model.json").len();
    assert!(size < 2_000_000, "the model is {size} bytes");
}

/// A text no rule reads: the rules' answer stays "not recognised" (the §5 JSON unchanged) and the
/// model's reading comes beside it in words; a status update gets no guess.
#[test]
fn classify_offers_the_model_suggestion_where_no_rule_fires() {
    let dir = tempfile::tempdir().unwrap();
    let text = "280: Remove LineSharing";
    let out = crate::support::run(dir.path(), &["classify", "--json", text]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["fields"], serde_json::json!([]));
    assert_eq!(json["matches"], serde_json::json!([]));

    let out = crate::support::run(dir.path(), &["classify", text]);
    assert!(out.stdout.contains("Not recognised"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("the model reads it as something only the current carrier"),
        "{}",
        out.stdout
    );

    let status = crate::support::run(dir.path(), &["classify", "Your order is being processed."]);
    assert!(
        !status.stdout.contains("model"),
        "a status update gets no guess: {}",
        status.stdout
    );
    let unsure = crate::support::run(dir.path(), &["classify", "Customer info does not match"]);
    assert!(
        unsure.stdout.contains("Not sure: the model suggests"),
        "{}",
        unsure.stdout
    );
}

/// `--explain` shows the model's strongest features beside the rule that fired.
#[test]
fn explain_shows_the_model_features_beside_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::support::run(
        dir.path(),
        &[
            "classify",
            "--explain",
            "Wireless account passcode does not match our records",
        ],
    );
    assert!(
        out.stdout.contains("rule pin_missing_or_incorrect"),
        "{}",
        out.stdout
    );
    let model = out
        .stdout
        .split("Model (trained on the public corpus):")
        .nth(1);
    let model = model.unwrap_or_else(|| panic!("no model part:\n{}", out.stdout));
    let first = model.lines().nth(1).unwrap_or_default();
    assert!(first.trim_start().starts_with("pin "), "{model}");
    assert!(first.contains("concept pin +"), "{model}");
}

/// The screens and the command line answer with the built-in model's vetoes
/// (`classify_with_examples`): the dev and "more" sets stay right and the public set at 95% or
/// more, as with the rules alone.
#[test]
fn the_model_vetoes_keep_the_labelled_sets_right() {
    use crate::rejection_sets as sets;
    use portwiz::domain::classifier::{ExampleIndex, classify_with_examples};
    let catalog = Catalog::builtin();
    let no_examples = ExampleIndex::new(Vec::new());
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for (name, floor) in [("dev", 1.0), ("more", 1.0), ("public", 0.95)] {
        let rows = sets::read_rows(&data.join(format!("rejections-{name}.tsv")));
        // The dev set's one row whose label the design overrides (see classifier_dev).
        let rows: Vec<_> = rows
            .into_iter()
            .filter(|r| r.text != "POSTAL_CODE_MISMATCH")
            .collect();
        let failures: Vec<String> = rows
            .iter()
            .filter_map(|r| {
                sets::check(r, &classify_with_examples(&r.text, &catalog, &no_examples))
            })
            .collect();
        let right = 1.0 - failures.len() as f64 / rows.len() as f64;
        assert!(
            right >= floor,
            "{name}: {right:.3}\n{}",
            failures.join("\n")
        );
    }
}

/// A rules' answer the model doubts says "not sure" (below `RULES_SURE_AT`) and asks the user to
/// confirm; one it supports does not, and two complaints in two sentences are each read on their
/// own sentence, so a right two-field answer is not doubted. The JSON keeps its four keys.
#[test]
fn classify_says_not_sure_when_the_model_doubts_the_rules() {
    use portwiz::domain::classifier::{ExampleIndex, classify_with_examples};
    let catalog = Catalog::builtin();
    let none = ExampleIndex::new(Vec::new());
    let doubted = "The phone line must be moved by the current provider first";
    let c = classify_with_examples(doubted, &catalog, &none);
    assert!(c.is_recognised() && c.is_not_sure(), "{c:?}");
    for sure in [
        "Wireless account passcode does not match our records",
        "EU NAME MISMATCH; ZIP does not match CSR",
    ] {
        let c = classify_with_examples(sure, &catalog, &none);
        assert!(c.is_sure(), "{sure}: {:?}", c.certainty());
    }
    let dir = tempfile::tempdir().unwrap();
    let out = crate::support::run(dir.path(), &["classify", doubted]);
    assert!(
        out.stdout.contains("Not sure (confidence 0."),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Phone numbers"), "{}", out.stdout);
    let json = crate::support::run(dir.path(), &["classify", "--json", doubted]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    // The command-line contract's four keys, then the added ones (docs/command-line.md).
    assert_eq!(keys, crate::support::CLASSIFY_JSON_KEYS);
    assert_eq!(json["not_sure"], true, "{json}");
    let confidence = json["confidence"].as_f64().unwrap_or(1.0);
    assert!(confidence < 0.3, "{json}");
}
