//! Trains the classifier's model from the corpus and writes `assets/classifier-model.json`.
//!
//!     cargo run --release --example train_classifier            # retrain and write the model
//!     cargo run --release --example train_classifier -- --loso   # leave-one-source-out score
//!
//! Deterministic: the same corpus and catalog give the same file (a test checks it is current).

// Tests and tools print freely; clippy.toml keeps print macros out of the program itself.
#![allow(clippy::disallowed_macros)]

use portwiz::domain::classifier::{
    BUILTIN_CORPUS, Catalog, leave_one_source_out, parse_corpus, train,
};
use std::process::ExitCode;

fn main() -> ExitCode {
    let rows = match parse_corpus(BUILTIN_CORPUS) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("assets/corpus/rejections.tsv: {e}");
            return ExitCode::FAILURE;
        }
    };
    let catalog = Catalog::builtin();
    if std::env::args().any(|a| a == "--loso") {
        for use_model in [false, true] {
            let (scores, wrong) = leave_one_source_out(&rows, &catalog, use_model);
            if std::env::args().any(|a| a == "--misses") {
                for (line, c) in &wrong {
                    let keys: Vec<&str> = c.fields.iter().map(|k| k.as_str()).collect();
                    let rules: Vec<&str> = c.matches.iter().map(|m| m.rule.as_str()).collect();
                    println!(
                        "  miss line {line}: got {keys:?} carrier={} by {rules:?}",
                        c.needs_carrier_contact
                    );
                }
            }
            let (right, all) = scores
                .iter()
                .fold((0, 0), |(r, a), s| (r + s.right, a + s.rows));
            println!(
                "{}: {right}/{all} = {:.1}%",
                if use_model {
                    "rules + model"
                } else {
                    "rules alone"
                },
                100.0 * right as f64 / all.max(1) as f64
            );
            for s in &scores {
                println!("  {:32} {:3}/{:3}", s.family, s.right, s.rows);
            }
        }
        return ExitCode::SUCCESS;
    }
    let model = train(&rows, &catalog);
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
