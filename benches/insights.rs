//! The insights of a 10,000-order store (target: under 100 ms), computed from orders in memory
//! (reading them from disk is the store's cost, measured in `screens` and `validate`), and the
//! preflight warnings of one order against all of them.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::ToSpan;
use jiff::civil::{Date, date};
use portwiz::domain::order::RejectionInput;
use portwiz::domain::rules::port_date::add_business_days;
use portwiz::domain::status::SupportScenario;
use portwiz::domain::{Clock, FieldKey, Order, OrderFields, insights, preflight};
use std::hint::black_box;

const ORDERS: usize = 10_000;
const START: Date = date(2025, 1, 6);
const CARRIERS: &[&str] = &[
    "Contoso Telecom",
    "Northwind Wireless",
    "Litware Networks",
    "Tailspin Voice",
    "Adatum Communications",
    "Woodgrove Telco",
];
const REJECTED: &[&[FieldKey]] = &[
    &[FieldKey::Pin],
    &[FieldKey::AccountNumber],
    &[FieldKey::OrganizationName],
    &[
        FieldKey::ServiceAddressStreet,
        FieldKey::ServiceAddressPostalCode,
    ],
    &[FieldKey::BillingTelephoneNumber],
];

fn day(n: usize) -> Clock {
    Clock::fixed(START.saturating_add((n as i64).days()))
}

fn fields() -> OrderFields {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/complete-order.json"
    ))
    .unwrap_or_default();
    portwiz::domain::document::parse(&text, false)
        .map(|d| d.fields)
        .unwrap_or_default()
}

/// Order `i`: submitted on its day, then (by `i`) rejected and resubmitted, confirmed, completed,
/// with support, or still waiting. Deterministic. A step the domain refuses is skipped.
fn order(i: usize, template: &OrderFields) -> Order {
    let created = i % 600;
    let mut fields = template.clone();
    fields.current_carrier = CARRIERS[i % CARRIERS.len()].to_string();
    fields.port_date = add_business_days(day(created).today, 10).to_string();
    let mut o = Order::new(format!("PO-B{i:07}"), fields, day(created).now);
    let _ = o.submit(day(created));
    if i.is_multiple_of(3) {
        let input = RejectionInput {
            text: "rejected".into(),
            fields: REJECTED[(i / 3) % REJECTED.len()].to_vec(),
            ..Default::default()
        };
        let _ = o.reject(input, day(created + 2).now);
        let _ = o.resubmit(day(created + 3));
    }
    match i % 5 {
        0 | 1 => {
            let foc = add_business_days(day(created).today, 10);
            let _ = o.confirm_foc(foc, None, day(created + 4 + i % 4).now);
            let _ = o.complete(day(created + 12 + i % 7).now);
        }
        2 => {
            let _ = o.engage_support(SupportScenario::RequestedHelp, None, day(created + 5).now);
        }
        _ => {}
    }
    o
}

fn bench_insights(c: &mut Criterion) {
    let template = fields();
    let orders: Vec<Order> = (0..ORDERS).map(|i| order(i, &template)).collect();
    let now = day(620).now;
    c.bench_function("insights of 10,000 orders", |b| {
        b.iter(|| insights::compute(black_box(&orders), now))
    });
    let next = order(ORDERS, &template);
    c.bench_function("preflight of one order against 10,000", |b| {
        b.iter(|| preflight::warnings(black_box(&next), black_box(&orders)))
    });
}

criterion_group!(benches, bench_insights);
criterion_main!(benches);
