//! What the user waits for: the first frame over 10,000 orders, one frame of each screen, and the
//! memory the app holds. The store is generated once into `target/bench-store` (through the
//! store's own save path) and reused; `PORTWIZ_BENCH_STORE=DIR` points at another one, e.g. one
//! made by `cargo run --release --example gen_orders -- DIR 10000`.
// Tests and tools print freely; clippy.toml keeps print macros out of the program itself.
#![allow(clippy::disallowed_macros)]

#[path = "support/mod.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use portwiz::domain::{Clock, Order};
use portwiz::store::Store;
use portwiz::tui::root::Screen;
use portwiz::tui::screens::numbers::NumbersPage;
use portwiz::tui::screens::order::OrderPage;
use portwiz::tui::{Root, app_for_store};
use std::path::PathBuf;
use support::{draw, rss_kib};

const ORDERS: usize = 10_000;

fn clock() -> Clock {
    Clock::fixed(date(2026, 11, 26))
}

fn fixture_order(id: String, numbers: usize) -> Order {
    support::fixture_order(id, numbers, clock().now)
}

/// A store of 10,000 orders (1 to 999 numbers each), made once.
fn bench_store() -> PathBuf {
    if let Some(dir) = std::env::var_os("PORTWIZ_BENCH_STORE") {
        return PathBuf::from(dir);
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-store");
    let done = dir.join("complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        if let Ok((mut store, _)) = Store::open(&dir) {
            for i in 0..ORDERS {
                let _ = store.create(fixture_order(format!("PO-B{i:06}"), 1 + (i * 37) % 999));
            }
        }
        let _ = std::fs::write(&done, "");
    }
    dir
}

fn bench_screens(c: &mut Criterion) {
    let dir = bench_store();
    let before = rss_kib();
    let (store, notices) = match Store::open(&dir) {
        Ok(opened) => opened,
        Err(e) => panic!("bench store: {e}"),
    };
    let app = app_for_store(&store, &notices, clock(), (120, 40));
    println!(
        "memory: {} orders open, resident set grew by {} MiB",
        app.orders.len(),
        (rss_kib().saturating_sub(before)) / 1024
    );

    let mut group = c.benchmark_group("10,000 orders");
    group.sample_size(10);
    // What `portwiz` does before its first frame: the store from its summary index, the app,
    // one draw. The check of every order file follows the first frame.
    group.bench_function("first frame (index, build app, draw)", |b| {
        b.iter(|| {
            let store =
                Store::open_cached(&dir).unwrap_or_else(|| panic!("no index in {}", dir.display()));
            let app = app_for_store(&store, &[], clock(), (120, 40));
            draw(&app, 120, 40)
        })
    });
    group.bench_function("check of every order file, after the first frame", |b| {
        b.iter(|| Store::open(&dir).map(|(s, _)| s.len()))
    });
    group.finish();

    let mut scrolled = app_for_store(&store, &notices, clock(), (120, 40));
    c.bench_function("frame: history scrolled to the middle", |b| {
        b.iter(|| {
            scrolled.history.selected = (scrolled.history.selected + 1) % ORDERS;
            scrolled.clamp_selection();
            draw(&scrolled, 120, 40)
        })
    });

    let big = fixture_order("PO-BIG999".into(), 999);
    let mut page = Root::new(vec![big.clone()], clock(), (200, 60));
    page.screens.push(Screen::Order(OrderPage {
        order_id: big.id.clone(),
        scroll: 0,
    }));
    c.bench_function("frame: order page of 999 numbers at 200x60", |b| {
        b.iter(|| draw(&page, 200, 60))
    });

    let mut numbers = Root::new(vec![big.clone()], clock(), (200, 60));
    numbers.screens.push(Screen::Numbers(NumbersPage {
        scroll: 400,
        ..NumbersPage::of(&big, false)
    }));
    c.bench_function("frame: every number of 999, scrolled, at 200x60", |b| {
        b.iter(|| draw(&numbers, 200, 60))
    });

    let mut wizard = Root::new(vec![big.clone()], clock(), (200, 60));
    wizard.screens.push(Screen::Wizard(Box::new(
        portwiz::tui::wizard::Wizard::open(
            big.clone(),
            clock(),
            portwiz::tui::wizard::Start::FirstStep,
        ),
    )));
    c.bench_function("frame: wizard at 200x60 on 999 numbers", |b| {
        b.iter(|| draw(&wizard, 200, 60))
    });
}

criterion_group!(benches, bench_screens);
criterion_main!(benches);
