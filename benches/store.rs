//! Issue 15's goals at 1,000, 10,000 and 100,000 orders: a command about one order, `submit`
//! (which also reads the carrier's recent orders), `classify`,
//! `list` against `cat` of the files, a start without an index, the app's first frame, a key in
//! the `/` filter, and the memory the app holds. Whole-process times for the commands (the
//! binary, as a user runs it); in-process for the app.
//!
//! Stores (1 to 50 numbers an order, `gen_orders`' orders) are generated once into
//! `target/bench-stores/N` and reused. `PORTWIZ_BENCH_SIZES=1000,10000` picks sizes.
//!
//! cargo bench --bench store

// Benches print their findings; clippy.toml keeps print macros out of the program itself.
#![allow(clippy::disallowed_macros)]

#[allow(dead_code)]
#[path = "../examples/gen_orders.rs"]
mod gen_orders;

#[path = "support/mod.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use portwiz::domain::{Clock, Order, OrderFields, Status};
use portwiz::store::Store;
use portwiz::tui::{Msg, Root, app_for_store, app_for_summaries, update};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use support::{draw, rss_kib};

const MAX_NUMBERS: usize = 50;

fn sizes() -> Vec<usize> {
    std::env::var("PORTWIZ_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

fn clock() -> Clock {
    Clock::fixed(date(2026, 11, 26))
}

/// The store of `count` orders, generated the first time.
fn bench_store(count: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-stores")
        .join(count.to_string());
    let done = dir.join("complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        if let Err(e) = gen_orders::generate(&dir, count, MAX_NUMBERS) {
            panic!("generating {count} orders: {e}");
        }
        let _ = std::fs::write(&done, "");
    }
    dir
}

/// An incomplete draft of the store's most common carrier, made the first time: `submit` reads
/// the carrier's history for it, then refuses it, so it can be submitted again and again.
fn unready_draft(dir: &Path) -> String {
    let id = "PO-BENCHUNREADY".to_string();
    let (mut store, _) = Store::open_one(dir).unwrap_or_else(|e| panic!("{dir:?}: {e}"));
    if store.load(&id).is_err() {
        let fields = OrderFields {
            current_carrier: "Contoso Telecom".into(),
            ..OrderFields::default()
        };
        let order = Order::new(id.clone(), fields, clock().now);
        if let Err(e) = store.create(order) {
            panic!("{dir:?}: {e}");
        }
    }
    id
}

fn portwiz(dir: &Path, args: &[&str]) -> bool {
    Command::new(env!("CARGO_BIN_EXE_portwiz"))
        .args(args)
        .env("PORTWIZ_DATA_DIR", dir)
        .env("PORTWIZ_TODAY", "2026-11-26")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// What `cat orders/*.json > /dev/null` does: open and read every order file.
fn cat_every_file(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir.join("orders")) else {
        return 0;
    };
    entries
        .flatten()
        .filter_map(|e| std::fs::read(e.path()).ok())
        .map(|b| b.len())
        .sum()
}

/// Issue 23: a `git pull` or a sync rewrites every order file, and the running app re-reads each
/// (as its watcher would tell it). The resident set after each of three rounds, against before:
/// the app must hold one version of each order, not a parsed copy of every file it re-read.
fn every_file_changed_three_times(label: &str, dir: &Path, store: &mut Store, app: &mut Root) {
    let ids: std::collections::BTreeSet<String> =
        app.orders.iter().map(|s| s.id().to_string()).collect();
    let before = rss_kib();
    let mut after = Vec::new();
    for round in 1..=3u64 {
        for id in &ids {
            let file = std::fs::File::options()
                .write(true)
                .open(dir.join("orders").join(format!("{id}.json")));
            let when = std::time::SystemTime::now() + std::time::Duration::from_secs(round);
            if let Ok(file) = file {
                let _ = file.set_modified(when);
            }
        }
        // A few hundred at a time, as the runtime takes them (`follow_changes`).
        let all: Vec<String> = ids.iter().cloned().collect();
        for batch in all.chunks(256) {
            if let Some(msg) = portwiz::tui::store_changes(store, batch.iter().cloned().collect()) {
                update(app, msg);
            }
        }
        after.push(format!("{} MiB", rss_kib() / 1024));
    }
    println!(
        "{label}: resident set {} MiB, after a change of every file three times: {}",
        before / 1024,
        after.join(", ")
    );
}

fn bench_sizes(c: &mut Criterion) {
    for count in sizes() {
        let dir = bench_store(count);
        let label = format!("{count} orders");
        // What the app holds once its check is done: the store opened in full, its summaries
        // handed to the app.
        let before = rss_kib();
        let (mut full, notices) = Store::open(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}"));
        let mut app = app_for_summaries(full.take_summaries(), &notices, clock(), (120, 40));
        println!(
            "{label}: the app holds {} orders; resident set grew by {} MiB",
            app.orders.len(),
            rss_kib().saturating_sub(before) / 1024
        );
        every_file_changed_three_times(&label, &dir, &mut full, &mut app);
        // An order to change (a draft) and one to show, from the middle of the store.
        let draft = app
            .orders
            .iter()
            .find(|s| s.status == Status::Draft)
            .map(|s| s.id().to_string())
            .unwrap_or_default();
        let middle = format!("PO-GEN{:06}", count / 2);
        // A number of an order in the middle, typed as its last seven digits.
        let digits: String = app
            .orders
            .iter()
            .find(|s| s.id() == middle)
            .and_then(|s| s.digits().lines().next().map(str::to_string))
            .map(|n| n[n.len().saturating_sub(7)..].to_string())
            .unwrap_or_default();
        drop(full);
        let unready = unready_draft(&dir);
        let mut group = c.benchmark_group(label);
        group.sample_size(10);
        group.bench_function("show ID (process)", |b| {
            b.iter(|| portwiz(&dir, &["show", &middle]))
        });
        // Refused (the draft is incomplete), after the warnings from the carrier's history: the
        // same work as a submission, repeatable.
        group.bench_function("submit ID (process, refused)", |b| {
            b.iter(|| portwiz(&dir, &["submit", &unready]))
        });
        let mut n = 0u64;
        group.bench_function("set ID order_name (process)", |b| {
            b.iter(|| {
                n += 1;
                portwiz(&dir, &["set", &draft, "order_name", &format!("bench {n}")])
            })
        });
        group.bench_function("classify TEXT (process)", |b| {
            b.iter(|| portwiz(&dir, &["classify", "The PIN is wrong"]))
        });
        group.bench_function("list (process)", |b| b.iter(|| portwiz(&dir, &["list"])));
        group.bench_function("cat of every order file", |b| {
            b.iter(|| cat_every_file(&dir))
        });
        group.bench_function("start without an index (open, parse all)", |b| {
            b.iter(|| {
                let _ = std::fs::remove_file(dir.join("index.sqlite"));
                Store::open(&dir).map(|(s, _)| s.len())
            })
        });
        // No index (a `git clone`): the frame is drawn before any order is read, the read and
        // the index's build then run on a thread with a progress bar (issue 23).
        group.bench_function("first frame without an index (unread, app, draw)", |b| {
            b.iter(|| {
                let _ = std::fs::remove_file(dir.join("index.sqlite"));
                let (store, notices) = Store::open_unread(&dir).unwrap_or_else(|e| panic!("{e}"));
                let mut app = app_for_store(&store, &notices, clock(), (120, 40));
                app.reading = Some((0, count));
                draw(&app, 120, 40)
            })
        });
        let _ = Store::open(&dir);
        group.bench_function("first frame (index, app, draw)", |b| {
            b.iter(|| {
                let store = Store::open_cached(&dir).unwrap_or_else(|| panic!("no index"));
                let app = app_for_store(&store, &[], clock(), (120, 40));
                draw(&app, 120, 40)
            })
        });
        update(
            &mut app,
            Msg::Key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Char('/'),
            )),
        );
        for c in digits.chars().take(digits.len().saturating_sub(1)) {
            update(
                &mut app,
                Msg::Key(crossterm::event::KeyEvent::from(
                    crossterm::event::KeyCode::Char(c),
                )),
            );
        }
        let last = digits.chars().last().unwrap_or('0');
        group.bench_function("filter: a number's last digit typed, then erased", |b| {
            b.iter(|| {
                update(
                    &mut app,
                    Msg::Key(crossterm::event::KeyEvent::from(
                        crossterm::event::KeyCode::Char(last),
                    )),
                );
                let found = app.history.rows.len();
                update(
                    &mut app,
                    Msg::Key(crossterm::event::KeyEvent::from(
                        crossterm::event::KeyCode::Backspace,
                    )),
                );
                (found, draw(&app, 120, 40))
            })
        });
        group.bench_function("key: move down and draw", |b| {
            b.iter(|| {
                update(
                    &mut app,
                    Msg::Key(crossterm::event::KeyEvent::from(
                        crossterm::event::KeyCode::Down,
                    )),
                );
                draw(&app, 120, 40)
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench_sizes);
criterion_main!(benches);
