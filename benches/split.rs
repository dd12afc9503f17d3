//! `portwiz split` of a company's sheet of 50,000 rows (target: under 2 s): two carriers, four
//! accounts, a toll-free line, a service address column, and a few bad rows.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn sheet(rows: usize) -> Vec<u8> {
    let mut text = String::from(
        "PhoneNumber,current_carrier,account_number,service_address.street,service_address.city\n",
    );
    for i in 0..rows {
        let account = i % 4;
        let carrier = if account < 2 {
            "Contoso Telecom"
        } else {
            "Fabrikam Fiber"
        };
        let number = match i {
            _ if i % 1_000 == 999 => "not a number".to_string(),
            _ if i % 50 == 0 => format!("+1800200{:04}", i / 50 % 10_000),
            _ => format!(
                "+1{}{:07}",
                206 + (i / 1_000_000) * 100,
                2_000_000 + i % 1_000_000
            ),
        };
        text.push_str(&format!(
            "{number},{carrier},ACC-{account},1 Microsoft Way,Redmond\n"
        ));
    }
    text.into_bytes()
}

fn bench_split(c: &mut Criterion) {
    let big = sheet(50_000);
    let mut group = c.benchmark_group("split");
    group.sample_size(10);
    group.bench_function("split a sheet of 50,000 rows", |b| {
        b.iter(|| portwiz::domain::split::plan(black_box(&big)))
    });
    group.finish();
}

criterion_group!(benches, bench_split);
criterion_main!(benches);
