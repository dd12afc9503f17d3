//! Issue 28's goal for the board (`portwiz --all-tenants`): over 20 tenants of 5,000 orders
//! each, the first frame (each tenant's newest orders from its index, the app built and drawn)
//! under 1 s, and a key (a move, a filter letter, a sort) under 50 ms. In-process, as the
//! runtime does it: `tui::board_first_frame`, then the read of every tenant that the runtime
//! runs on threads of their own after the first frame (every index, every order file's stamp:
//! `store::board::every_tenant_reporting`) and its taking into the model; then keys on the
//! whole board, and opening one order in its tenant's store.
//!
//! The stores (`gen_orders`' orders, 1 to 50 numbers each) are generated once into
//! `target/bench-stores/board-20x5000/tenants/tNN`. `PORTWIZ_BENCH_BOARD=TENANTS,ORDERS` picks
//! other sizes.
//!
//! cargo bench --bench board

// Benches print their findings; clippy.toml keeps print macros out of the program itself.
#![allow(clippy::disallowed_macros)]

#[allow(dead_code)]
#[path = "../examples/gen_orders.rs"]
mod gen_orders;

#[path = "support/mod.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent};
use jiff::civil::date;
use portwiz::domain::Clock;
use portwiz::store::Store;
use portwiz::tui::{Msg, Root, app_for_summaries, board_first_frame, load_board, update};
use std::path::PathBuf;
use support::{draw, rss_kib};

const MAX_NUMBERS: usize = 50;

fn size() -> (usize, usize) {
    std::env::var("PORTWIZ_BENCH_BOARD")
        .ok()
        .and_then(|s| {
            let (t, o) = s.split_once(',')?;
            Some((t.trim().parse().ok()?, o.trim().parse().ok()?))
        })
        .unwrap_or((20, 5_000))
}

fn clock() -> Clock {
    Clock::fixed(date(2026, 11, 26))
}

/// `tenants` stores of `orders` orders each, generated (and indexed) the first time.
fn bench_root(tenants: usize, orders: usize) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-stores")
        .join(format!("board-{tenants}x{orders}"));
    let done = root.join("complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&root);
        for t in 0..tenants {
            let dir = root.join("tenants").join(format!("t{t:02}"));
            // Each tenant's ids of its own: the board shows an id once.
            if let Err(e) = gen_orders::generate_from(&dir, t * orders, orders, MAX_NUMBERS) {
                panic!("generating tenant {t}: {e}");
            }
            // The index, as a user's store has it after a start.
            let _ = Store::open(&dir);
        }
        let _ = std::fs::write(&done, "");
    }
    root
}

fn key(app: &mut Root, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::from(code)));
}

fn empty_app() -> Root {
    app_for_summaries(Vec::new(), &[], clock(), (120, 40))
}

/// The board's model, as the runtime builds it before its first frame.
fn first_frame(root: &std::path::Path) -> Root {
    let mut app = empty_app();
    board_first_frame(&mut app, root);
    app
}

/// The board's model once every tenant is read.
fn board(root: &std::path::Path) -> Root {
    let mut app = empty_app();
    load_board(&mut app, root);
    app
}

fn bench_board(c: &mut Criterion) {
    let (tenants, orders) = size();
    let root = bench_root(tenants, orders);
    let mut group = c.benchmark_group(format!("board {tenants}x{orders}"));
    group.sample_size(10);
    group.bench_function("first frame (each index's newest, app, draw)", |b| {
        b.iter(|| draw(&first_frame(&root), 120, 40))
    });
    group.bench_function(
        "then, on threads: every index, every stamp, taken by the app",
        |b| {
            b.iter_batched(
                || first_frame(&root),
                |mut app| {
                    let every = portwiz::store::board::every_tenant_reporting(&root, &|_, _| {});
                    update(&mut app, Msg::BoardChecked(Box::new(every)));
                    app
                },
                criterion::BatchSize::PerIteration,
            )
        },
    );
    let every = portwiz::store::board::every_tenant(&root);
    group.bench_function(
        "of which on the UI thread: the read taken by the app (keys wait)",
        |b| {
            b.iter_batched(
                || (first_frame(&root), every.clone()),
                |(mut app, every)| {
                    update(&mut app, Msg::BoardChecked(Box::new(every)));
                    app
                },
                criterion::BatchSize::PerIteration,
            )
        },
    );
    drop(every);
    let mut app = board(&root);
    assert_eq!(app.orders.len(), tenants * orders, "{:?}", app.notices);
    println!(
        "board {tenants}x{orders}: resident set with the board built: {} MiB",
        rss_kib() / 1024
    );
    group.bench_function("a key (move, draw)", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Down);
            draw(&app, 120, 40)
        })
    });
    key(&mut app, KeyCode::Char('/'));
    group.bench_function(
        "a filter letter typed then erased (two keys, two draws)",
        |b| {
            b.iter(|| {
                key(&mut app, KeyCode::Char('t'));
                draw(&app, 120, 40);
                key(&mut app, KeyCode::Backspace);
                draw(&app, 120, 40)
            })
        },
    );
    key(&mut app, KeyCode::Esc);
    group.bench_function(
        "s: the next sort column, tenant included (a key, draw)",
        |b| {
            b.iter(|| {
                key(&mut app, KeyCode::Char('s'));
                draw(&app, 120, 40)
            })
        },
    );
    let id = app.orders[0].id().to_string();
    let tenant = app
        .board
        .as_ref()
        .and_then(|b| b.tenant(&id))
        .unwrap_or_default()
        .to_string();
    group.bench_function("open an order in its tenant's store", |b| {
        b.iter(|| {
            let mut stores = portwiz::store::board::Stores::new(&root);
            let store = stores.of(&tenant).unwrap_or_else(|e| panic!("{e}"));
            store
                .load(&id)
                .map(|l| l.order.fields.numbers.len())
                .unwrap_or(0)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_board);
criterion_main!(benches);
