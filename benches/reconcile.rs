//! Reconciling a tenant's export of 100,000 numbers against 100,000 orders (target: under 3 s):
//! parsing the CSV as Export-CsAcquiredPhoneNumber writes it, then matching, in memory (reading
//! the orders from disk is the store's cost, measured in `store`).

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use portwiz::domain::reconcile::{self, parse};
use portwiz::domain::{Clock, Order, OrderFields};
use std::hint::black_box;
use std::time::Duration;

const COUNT: usize = 100_000;

fn number(i: usize) -> String {
    format!("+1425{i:07}")
}

/// 100,000 orders of one number each, every one FOC confirmed for a date already passed.
fn orders() -> Vec<Order> {
    let start = Clock::fixed(date(2026, 11, 2));
    (0..COUNT)
        .map(|i| {
            let fields = OrderFields {
                country: "US".into(),
                numbers: vec![number(i)],
                ..OrderFields::default()
            };
            let mut order = Order::new(format!("PO-{i:08}"), fields, start.now);
            order.status = portwiz::domain::Status::Submitted;
            let _ = order.confirm_foc(date(2026, 12, 2), None, start.now);
            order
        })
        .collect()
}

/// The export: every documented column, numbers in a different order from the orders', a third
/// ported, a third with the FOC accepted, a third with no port status.
fn export() -> String {
    let mut out = String::from(
        "TelephoneNumber,OperatorId,NumberType,LocationId,CivicAddressId,NetworkSiteId,\
         AvailableCapabilities,AcquiredCapabilities,AssignmentStatus,PlaceName,ActivationState,\
         IsoCountryCode,PortInOrderStatus,AcquisitionDate\r\n",
    );
    for i in (0..COUNT).rev() {
        let port = ["Completed", "FirmOrderCommitmentAccepted", ""][i % 3];
        out.push_str(&format!(
            "{},2b24d246-a9ee-428b-96bc-fb9d9a053c8d,CallingPlan,,,,UserAssignment,\
             UserAssignment,Unassigned,Redmond,Activated,US,{port},2026-12-03T15:00:00Z\r\n",
            number(i)
        ));
    }
    out
}

fn bench(c: &mut Criterion) {
    let orders = orders();
    let text = export();
    let clock = Clock::fixed(date(2026, 12, 7));
    let mut group = c.benchmark_group("reconcile");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function(
        "100,000-number export vs 100,000 orders (parse + match)",
        |b| {
            b.iter(|| {
                let numbers = parse::parse(black_box(&text)).unwrap_or_default();
                black_box(reconcile::reconcile(&orders, &numbers, clock))
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
