//! Time to classify a typical carrier message: under 50 µs with the built-in catalog and model,
//! under 200 µs with 10,000 learned examples; and the model's suggestion where no rule fires. With
//! 10,000 examples in a store's `examples.json` (issue 23): reading and indexing the file, and
//! `portwiz classify` as a whole process.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use portwiz::domain::FieldKey;
use portwiz::domain::classifier::{
    Catalog, ExampleIndex, LabelledExample, Model, classify, classify_with_examples, model_reading,
    suggest,
};
use std::hint::black_box;
use std::process::{Command, Stdio};

const TYPICAL: &str = "The provided zip code or service address doesn't match what your current carrier has on file. Please contact your current provider and check your current documentation, update the service address, and then resubmit your order.";

/// Ten thousand varied rejection texts, as a user labelling for years would leave behind.
fn many_examples() -> ExampleIndex {
    ExampleIndex::new(example_list())
}

/// A store folder whose `examples.json` holds `list`, as `reject --fields` writes it.
fn store_with_examples(list: &[LabelledExample]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let doc = serde_json::json!({ "schema_version": 1, "examples": list });
    let bytes = serde_json::to_vec_pretty(&doc).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(portwiz::store::examples::path(dir.path()), bytes)
        .unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn example_list() -> Vec<LabelledExample> {
    let subjects = [
        "account number",
        "PIN",
        "BTN",
        "zip code",
        "business name",
        "authorized user",
        "LOA",
        "due date",
        "port time",
        "PON",
        "Resp Org",
        "house number",
        "city",
        "TN",
        "CSR copy",
    ];
    let complaints = [
        "does not match",
        "is missing",
        "invalid",
        "rejected by the losing carrier",
        "too long",
        "not on file",
        "expired",
        "is required",
        "has a typo",
        "differs from the CSR",
    ];
    let keys = [
        FieldKey::AccountNumber,
        FieldKey::Pin,
        FieldKey::OrganizationName,
    ];
    let mut list = Vec::with_capacity(10_000);
    for i in 0..10_000usize {
        let s = subjects[i % subjects.len()];
        let c = complaints[(i / subjects.len()) % complaints.len()];
        list.push(LabelledExample {
            text: format!("Reject code R{i}: {s} {c} (ticket {})", i * 7919 % 100_000),
            fields: vec![keys[i % keys.len()]],
            labelled_on: Date::constant(2026, 11, 30),
            order: format!("Order {i}"),
        });
    }
    list
}

fn bench_classify(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    c.bench_function("classify typical message", |b| {
        b.iter(|| classify(black_box(TYPICAL), &catalog))
    });
    // As the screens and the command line answer: the rules, the model's vetoes, no examples.
    let no_examples = ExampleIndex::new(Vec::new());
    c.bench_function(
        "classify typical message as the screens do (rules + model veto)",
        |b| b.iter(|| classify_with_examples(black_box(TYPICAL), &catalog, &no_examples)),
    );
    let two_rules = "PIN does not match the Passcodes on the telephone numbers being ported out.";
    c.bench_function("classify a text two rules read, as the screens do", |b| {
        b.iter(|| classify_with_examples(black_box(two_rules), &catalog, &no_examples))
    });
    c.bench_function("classify short code", |b| {
        b.iter(|| classify(black_box("PASSCODE_PIN_INVALID"), &catalog))
    });
    let examples = many_examples();
    c.bench_function("classify typical message, 10000 learned examples", |b| {
        b.iter(|| classify_with_examples(black_box(TYPICAL), &catalog, &examples))
    });
    c.bench_function(
        "classify a learned-like text, 10000 learned examples",
        |b| {
            b.iter(|| {
                classify_with_examples(
                    black_box("Reject code R77: BTN is missing (ticket 1234)"),
                    &catalog,
                    &examples,
                )
            })
        },
    );
    let store = store_with_examples(&example_list());
    c.bench_function("read and index examples.json of 10000 examples", |b| {
        b.iter(|| {
            let list = portwiz::store::examples::load(store.path()).unwrap_or_default();
            ExampleIndex::new(list)
        })
    });
    c.bench_function("classify TEXT with 10000 examples.json (process)", |b| {
        b.iter(|| {
            Command::new(env!("CARGO_BIN_EXE_portwiz"))
                .args(["classify", TYPICAL])
                .env("PORTWIZ_DATA_DIR", store.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
    });
    c.bench_function("catalog builtin", |b| b.iter(Catalog::builtin));
    // `classify --explain`'s model part: the answer's labels and others, with their features.
    if let Some(model) = Model::builtin() {
        let answer = classify_with_examples(TYPICAL, &catalog, &no_examples);
        c.bench_function("explain the typical message (the model's reading)", |b| {
            b.iter(|| model_reading(black_box(TYPICAL), &catalog, model, &answer))
        });
    }
    // Where no rule fires, the screens add the model's suggestion: rules, then the model.
    if let Some(model) = Model::builtin() {
        let unread = "The Feature indicated prevents porting of this Telephone Number.";
        c.bench_function("classify + model suggestion, a text no rule reads", |b| {
            b.iter(|| {
                let c = classify(black_box(unread), &catalog);
                (!c.is_recognised()).then(|| suggest(black_box(unread), &catalog, model))
            })
        });
    }
}

criterion_group!(benches, bench_classify);
criterion_main!(benches);
