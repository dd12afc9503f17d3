//! Issue 17: what one change made elsewhere costs a running app at 10,000 orders. One order file
//! is rewritten by another store (as another window or `portwiz set` would), then:
//! - "handle one change": the runtime re-reads that file alone and the app takes it in (the
//!   history's rows, counts and the open order follow), against a full check of every file;
//! - "write → app updated (watcher)": from the write to the app's summary updated, through the
//!   real watcher (inotify here) and its debounce.
//!
//! cargo bench --bench watch   (`PORTWIZ_BENCH_SIZES=1000` picks another size)

#![allow(clippy::disallowed_macros)]

#[allow(dead_code)]
#[path = "../examples/gen_orders.rs"]
mod gen_orders;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use portwiz::domain::{Clock, FieldKey, FieldValue, Status};
use portwiz::store::Store;
use portwiz::tui::{app_for_summaries, store_changes, update};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn sizes() -> Vec<usize> {
    std::env::var("PORTWIZ_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000])
}

fn clock() -> Clock {
    Clock::fixed(date(2026, 11, 26))
}

/// The store of `count` orders (1 to 50 numbers each), generated the first time and shared
/// with the store bench.
fn bench_store(count: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-stores")
        .join(count.to_string());
    let done = dir.join("complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        if let Err(e) = gen_orders::generate(&dir, count, 50) {
            panic!("generating {count} orders: {e}");
        }
        let _ = std::fs::write(&done, "");
    }
    dir
}

fn bench_watch(c: &mut Criterion) {
    for count in sizes() {
        let dir = bench_store(count);
        let (mut store, notices) = Store::open(&dir).unwrap_or_else(|e| panic!("{e}"));
        let mut app = app_for_summaries(store.take_summaries(), &notices, clock(), (120, 40));
        let id = app
            .orders
            .iter()
            .find(|s| s.status == Status::Draft)
            .map(|s| s.id().to_string())
            .unwrap_or_else(|| panic!("no draft"));
        // The other window.
        let (mut other, _) = Store::open_one(&dir).unwrap_or_else(|e| panic!("{e}"));
        let mut n = 0u64;
        let mut rename = move || {
            n += 1;
            let mut order = other
                .load(&id)
                .map(|l| l.order.clone())
                .unwrap_or_else(|e| panic!("{e}"));
            order
                .edit(
                    FieldKey::OrderName,
                    FieldValue::Text(format!("Renamed {n}")),
                    clock().now,
                )
                .unwrap_or_else(|e| panic!("{e}"));
            other.save(&order).unwrap_or_else(|e| panic!("{e}"));
            (order.id.clone(), format!("Renamed {n}"))
        };
        let mut group = c.benchmark_group(format!("{count} orders"));
        group.sample_size(20);
        group.bench_function("handle one change (re-read it, app follows)", |b| {
            b.iter_batched(
                &mut rename,
                |(changed, name)| {
                    let ids: BTreeSet<String> = [changed.clone()].into();
                    let msg = store_changes(&mut store, ids).unwrap_or_else(|| panic!("unseen"));
                    update(&mut app, msg);
                    assert!(
                        app.orders
                            .iter()
                            .any(|s| s.id() == changed && s.name() == name)
                    );
                },
                BatchSize::PerIteration,
            )
        });
        group.bench_function("a full check of every file instead (Store::open)", |b| {
            b.iter(|| Store::open(&dir).map(|(s, _)| s.len()))
        });
        // The real watcher: from the write to the app's summary updated.
        let (tx, rx) = mpsc::channel();
        let how = portwiz::store::watch::watch(
            &store.orders_dir(),
            portwiz::store::watch::How::Events,
            move |ids| tx.send(ids).is_ok(),
        );
        println!("{count} orders: the watcher uses {how:?}");
        // Let it take its first look at the folder.
        std::thread::sleep(Duration::from_millis(300));
        group.bench_function("write → app updated (watcher, debounced)", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    let (changed, name) = rename();
                    loop {
                        let ids = rx
                            .recv_timeout(Duration::from_secs(10))
                            .unwrap_or_else(|e| panic!("no change seen: {e}"));
                        if let Some(msg) = store_changes(&mut store, ids) {
                            update(&mut app, msg);
                        }
                        if app
                            .orders
                            .iter()
                            .any(|s| s.id() == changed && s.name() == name)
                        {
                            break;
                        }
                    }
                    total += start.elapsed();
                }
                total
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench_watch);
criterion_main!(benches);
