//! Time to classify a typical carrier message (target: under 50 µs).

use criterion::{Criterion, criterion_group, criterion_main};
use portwiz::domain::classifier::{Catalog, classify};
use std::hint::black_box;

const TYPICAL: &str = "The provided zip code or service address doesn't match what your current carrier has on file. Please contact your current provider and check your current documentation, update the service address, and then resubmit your order.";

fn bench_classify(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    c.bench_function("classify typical message", |b| {
        b.iter(|| classify(black_box(TYPICAL), &catalog))
    });
    c.bench_function("classify short code", |b| {
        b.iter(|| classify(black_box("PASSCODE_PIN_INVALID"), &catalog))
    });
    c.bench_function("catalog builtin", |b| b.iter(Catalog::builtin));
}

criterion_group!(benches, bench_classify);
criterion_main!(benches);
