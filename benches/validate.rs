//! Validating an order of 999 numbers (target: under 5 ms), and opening a store of orders from
//! its summary index versus parsing every file.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use portwiz::domain::validate::validate;
use portwiz::domain::{FieldKey, FieldValue, Order, OrderFields};
use portwiz::store::Store;
use std::hint::black_box;

fn order_of(count: u32) -> OrderFields {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/complete-order.json"
    ))
    .unwrap_or_default();
    let mut fields = portwiz::domain::document::parse(&text, false)
        .map(|d| d.fields)
        .unwrap_or_default();
    let numbers: Vec<String> = (0..count)
        .map(|i| format!("+1206{:07}", 2_000_000 + i))
        .collect();
    fields.set(FieldKey::Numbers, FieldValue::List(numbers.clone()));
    fields.set(
        FieldKey::BillingTelephoneNumber,
        FieldValue::Text(numbers[0].clone()),
    );
    fields
}

fn bench_validate(c: &mut Criterion) {
    let fields = order_of(999);
    let today = date(2026, 11, 26);
    c.bench_function("validate order of 999 numbers", |b| {
        b.iter(|| validate(black_box(&fields), today))
    });
}

/// 999 numbers of `country`, from phonenumber's example fixed-line number with its last three
/// digits counted up, and the country's example postcode (issue 25: under 5 ms per country).
fn country_order(country: &portwiz::domain::countries::CountryRules) -> OrderFields {
    let mut fields = order_of(1);
    let meta = phonenumber::metadata::DATABASE.by_id(country.code.as_str());
    let code = meta.map_or(1, |m| m.country_code());
    let example = meta
        .and_then(|m| m.descriptors().fixed_line())
        .and_then(|d| d.example())
        .unwrap_or("2079460000");
    let stem = &example[..example.len().saturating_sub(3)];
    let numbers: Vec<String> = (0..999).map(|i| format!("+{code}{stem}{i:03}")).collect();
    fields.country = country.code.clone();
    fields.service_address.country = country.code.clone();
    fields.service_address.state.clear();
    fields.service_address.postal_code = country
        .postcode
        .as_ref()
        .map_or(String::new(), |p| p.example.clone());
    fields.billing_telephone_number = numbers[0].clone();
    fields.numbers = numbers;
    fields
}

fn bench_validate_per_country(c: &mut Criterion) {
    let today = date(2026, 11, 26);
    let mut group = c.benchmark_group("validate 999 numbers per country");
    for country in &portwiz::domain::countries::rulebook().countries {
        let fields = country_order(country);
        group.bench_function(country.code.as_str(), |b| {
            b.iter(|| validate(black_box(&fields), today))
        });
    }
    group.finish();
}

fn bench_store_open(c: &mut Criterion) {
    let Ok(dir) = tempfile::tempdir() else { return };
    let Ok((mut store, _)) = Store::open(dir.path()) else {
        return;
    };
    for i in 0..500u32 {
        let order = Order::new(
            format!("PO-BENCH{i:04}"),
            order_of(1 + (i * 37) % 999),
            jiff::Timestamp::UNIX_EPOCH,
        );
        let _ = store.create(order);
    }
    let _ = Store::open(dir.path()); // writes the index
    let mut group = c.benchmark_group("open a store of 500 orders");
    group.sample_size(10);
    group.bench_function("from the summary index", |b| {
        b.iter(|| Store::open(dir.path()).map(|(s, _)| s.len()))
    });
    group.bench_function("parsing every file", |b| {
        b.iter(|| {
            let _ = std::fs::remove_file(dir.path().join("index.sqlite"));
            Store::open(dir.path()).map(|(s, _)| s.len())
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_validate,
    bench_validate_per_country,
    bench_store_open
);
criterion_main!(benches);
