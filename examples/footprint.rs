//! Where the app's heap goes on the store at DIR (issue 23): the bytes the store's slots, the
//! summaries and the rest of the model hold once every file is checked, and after a change of
//! every file, counted by a global allocator (malloc's own overhead, ~8–16 bytes a block, and
//! freed pages not yet returned are not in these numbers: the process's resident set is).
//!
//! cargo run --release --example footprint -- DIR
// Tools print freely; clippy.toml keeps print macros out of the program itself.
#![allow(clippy::disallowed_macros)]

use jiff::civil::date;
use portwiz::domain::Clock;
use portwiz::store::Store;
use portwiz::tui::{app_for_summaries, store_changes, update};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is System's, with the same layout; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Relaxed);
        BLOCKS.fetch_add(1, Relaxed);
        // SAFETY: the caller's layout, passed on.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        BLOCKS.fetch_sub(1, Relaxed);
        // SAFETY: a block this allocator gave, with its layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: a block this allocator gave, with its layout.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live() -> (usize, usize) {
    (LIVE.load(Relaxed), BLOCKS.load(Relaxed))
}

fn say(what: &str, before: (usize, usize), after: (usize, usize), per: usize) {
    let bytes = after.0 as i64 - before.0 as i64;
    let blocks = after.1 as i64 - before.1 as i64;
    let per = per.max(1) as i64;
    println!(
        "{what:<44} {:>8.1} MB in {blocks:>8} blocks ({} bytes, {:.1} blocks an order)",
        bytes as f64 / 1e6,
        bytes / per,
        blocks as f64 / per as f64
    );
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: footprint DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    let start = live();
    let (mut store, notices) = match Store::open(&dir) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let opened = live();
    let n = store.len();
    println!("{n} orders");
    say("store opened (slots, summaries, index)", start, opened, n);
    let summaries = store.take_summaries();
    let vec_bytes = summaries.capacity() * std::mem::size_of_val(&summaries[..1.min(n)]);
    println!(
        "one Summary is {} bytes inline; the vector {:.1} MB",
        std::mem::size_of::<portwiz::domain::summary::Summary>(),
        vec_bytes as f64 / 1e6
    );
    let clock = Clock::fixed(date(2026, 11, 26));
    let mut app = app_for_summaries(summaries, &notices, clock, (120, 40));
    let with_app = live();
    say("…the app made on them (rows, catalog)", opened, with_app, n);
    let ids: Vec<String> = app.orders.iter().map(|s| s.id().to_string()).collect();
    let ids_bytes = live();
    for round in 1..=3u64 {
        for id in &ids {
            let path = dir.join("orders").join(format!("{id}.json"));
            if let Ok(file) = std::fs::File::options().write(true).open(path) {
                let when = std::time::SystemTime::now() + std::time::Duration::from_secs(round);
                let _ = file.set_modified(when);
            }
        }
        for batch in ids.chunks(256) {
            if let Some(msg) = store_changes(&mut store, batch.iter().cloned().collect()) {
                update(&mut app, msg);
            }
        }
        say(
            &format!("after change {round} of every file"),
            ids_bytes,
            live(),
            n,
        );
    }
    drop(ids);
    let before_app = live();
    let summaries_only: usize = app.orders.len();
    drop(app);
    say(
        "the app, dropped (summaries and the rest)",
        live(),
        before_app,
        summaries_only,
    );
    let before_store = live();
    drop(store);
    say(
        "the store, dropped (slots and index)",
        live(),
        before_store,
        n,
    );
}
