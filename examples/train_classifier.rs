//! Trains the classifier's model from the corpus and writes `assets/classifier-model.json`.
//!
//!     cargo run --release --example train_classifier            # retrain and write the model
//!     cargo run --release --example train_classifier -- --loso   # leave-one-source-out score
//!     cargo run --release --example train_classifier -- --dev    # the dev set with a fresh model
//!     ... -- --loso --corpus OLD.tsv                              # score another corpus file
//!     ... -- --loso --catalog NEW.json                            # score with another catalog (also --dev)
//!
//! Deterministic: the same corpus and catalog give the same file (a test checks it is current).

// Tests and tools print freely; clippy.toml keeps print macros out of the program itself.
#![allow(clippy::disallowed_macros)]

use portwiz::domain::classifier::{
    Answering, BUILTIN_CORPUS, Catalog, Classification, HeldOut, MODEL_RULE, Model, RULES_SURE_AT,
    SURE_AT, classify_with_model, leave_one_source_out, parse_corpus, train,
};
use std::process::ExitCode;

fn main() -> ExitCode {
    // `--corpus PATH` scores another corpus file (an older one, to compare); training always
    // reads the shipped one.
    let args: Vec<String> = std::env::args().collect();
    let other = args
        .windows(2)
        .find(|w| w[0] == "--corpus")
        .and_then(|w| std::fs::read_to_string(&w[1]).ok());
    let rows = match parse_corpus(other.as_deref().unwrap_or(BUILTIN_CORPUS)) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("assets/corpus/rejections.tsv: {e}");
            return ExitCode::FAILURE;
        }
    };
    // `--catalog PATH` scores with another catalog (a vocabulary change, before it ships).
    let other_catalog = args
        .windows(2)
        .find(|w| w[0] == "--catalog")
        .map(|w| std::fs::read_to_string(&w[1]).map_err(|e| e.to_string()));
    let catalog = match other_catalog {
        None => Catalog::builtin(),
        Some(text) => match text.and_then(|t| Catalog::from_json(&t).map_err(|e| e.to_string())) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("--catalog: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    if std::env::args().any(|a| a == "--loso") {
        for answering in [
            Answering::Rules,
            Answering::RulesThenModel,
            Answering::Combined,
        ] {
            if std::env::var("ONLY_COMBINED").is_ok() && answering != Answering::Combined {
                continue;
            }
            let held = leave_one_source_out(&rows, &catalog, answering);
            if std::env::args().any(|a| a == "--misses") {
                print_misses(&held);
            }
            let (right, all) = held.total();
            let what = match answering {
                Answering::Rules => "rules alone",
                Answering::RulesThenModel => "rules, then the model where none fires",
                Answering::Combined => "rules + model veto + model where none fires",
            };
            println!("{what}: {right}/{all} = {:.1}%", percent(right, all));
            for s in &held.scores {
                println!("  {:32} {:3}/{:3}", s.family, s.right, s.rows);
            }
            if answering == Answering::Combined {
                print_reliability(&held);
                print_sure_answers(&held);
            }
        }
        return ExitCode::SUCCESS;
    }
    let model = train(&rows, &catalog);
    if std::env::args().any(|a| a == "--dev") {
        return check_dev_set(&catalog, &model);
    }
    if other.is_some() || args.iter().any(|a| a == "--catalog") {
        eprintln!(
            "--corpus and --catalog only score (with --loso or --dev); the model is trained from the shipped corpus and catalog"
        );
        return ExitCode::FAILURE;
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/classifier-model.json");
    match std::fs::write(path, model.to_json()) {
        Ok(()) => {
            println!(
                "wrote {path}: {} labels, {} features",
                model.labels.len(),
                model.weights.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn percent(right: usize, all: usize) -> f64 {
    100.0 * right as f64 / all.max(1) as f64
}

fn print_misses(held: &HeldOut) {
    for (line, c) in &held.wrong {
        let keys: Vec<&str> = c.fields.iter().map(|k| k.as_str()).collect();
        let rules: Vec<&str> = c.matches.iter().map(|m| m.rule.as_str()).collect();
        println!(
            "  miss line {line}: got {keys:?} carrier={} by {rules:?}",
            c.needs_carrier_contact
        );
    }
}

/// How often the model's held-out suggestions were right, by the confidence it gave them: the
/// "not sure" threshold (`SURE_AT`) is read from this table.
fn print_reliability(held: &HeldOut) {
    println!("  model suggestions on held-out rows, by confidence:");
    let edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
    for pair in edges.windows(2) {
        let (lo, hi) = (pair[0], pair[1]);
        let bin: Vec<bool> = held
            .suggestions
            .iter()
            .filter(|(c, _)| *c >= lo && *c < hi)
            .map(|(_, right)| *right)
            .collect();
        let right = bin.iter().filter(|r| **r).count();
        println!(
            "    {lo:.1}..{:.1}: {right:3}/{:3} right ({:.0}%)",
            hi.min(1.0),
            bin.len(),
            percent(right, bin.len())
        );
    }
}

/// Coverage against precision: the answers shown as sure at each threshold (rules' or model's,
/// by `answer_confidence`), how often they were right, and how many rows that name something
/// were left to the user ("not sure" or unrecognised).
fn print_sure_answers(held: &HeldOut) {
    let rows = held.answers.len();
    let naming = held.answers.iter().filter(|a| !a.expects_nothing).count();
    println!(
        "  sure answers on held-out rows ({rows} rows, {naming} name something), by threshold:"
    );
    for sure_at in [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let (given, right, open) = held.sure_answers(sure_at, sure_at);
        println!(
            "    sure at {sure_at:.1}: {given:3} answers ({:.0}% of rows), {right:3} right ({:.1}%); {open:3} of {naming} left to the user",
            percent(given, rows),
            percent(right, given)
        );
    }
    let (given, right, open) = held.sure_answers(RULES_SURE_AT, SURE_AT);
    println!(
        "    as shipped (rules' answers at {RULES_SURE_AT}, the model's at {SURE_AT}): {given:3} answers ({:.0}% of rows), {right:3} right ({:.1}%); {open:3} of {naming} left to the user",
        percent(given, rows),
        percent(right, given)
    );
}

/// The labelled sets of `tests/data` (dev, public, more; three columns) answered by the rules with
/// a model freshly trained on the whole corpus, as the tests will answer them once it ships.
fn check_dev_set(catalog: &Catalog, model: &Model) -> ExitCode {
    for name in ["dev", "public", "more"] {
        let path = format!(
            "{}/tests/data/rejections-{name}.tsv",
            env!("CARGO_MANIFEST_DIR")
        );
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: not readable");
            return ExitCode::FAILURE;
        };
        check_set(name, &text, catalog, model);
    }
    ExitCode::SUCCESS
}

fn check_set(name: &str, text: &str, catalog: &Catalog, model: &Model) {
    let as_corpus: String = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.splitn(3, '\t').collect::<Vec<_>>().try_into().ok())
        .map(|[e, a, t]: [&str; 3]| format!("{e}\t{a}\tdev\tdev\t{t}\n"))
        .collect();
    let rows = match parse_corpus(&as_corpus) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("{name}: {e}");
            return;
        }
    };
    let wrong: Vec<_> = rows
        .iter()
        .filter(|r| !r.is_right(&rules_and_veto(&r.text, catalog, model)))
        .collect();
    for r in &wrong {
        let c = rules_and_veto(&r.text, catalog, model);
        let alone = classify_with_model(&r.text, catalog, None);
        let keys = |c: &Classification| -> Vec<String> {
            c.matches.iter().map(|m| m.rule.clone()).collect()
        };
        let p = model.predict(&r.text, catalog, &[]);
        println!(
            "  {name} miss: {} | rules {:?} -> kept {:?} | model {:?}",
            r.text,
            keys(&alone),
            keys(&c),
            &p.ranked[..3]
        );
    }
    println!(
        "{name} set: {}/{} right",
        rows.len() - wrong.len(),
        rows.len()
    );
}

/// What `classify` answers once `model` ships: the rules and the model's vetoes, without the
/// model's own suggestion (which the screens show apart).
fn rules_and_veto(text: &str, catalog: &Catalog, model: &Model) -> Classification {
    let mut c = classify_with_model(text, catalog, Some(model));
    if c.matches.first().is_some_and(|m| m.rule == MODEL_RULE) {
        c.matches.clear();
        c.fields.clear();
        c.needs_carrier_contact = false;
    }
    c
}
