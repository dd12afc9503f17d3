//! A kill at any moment of a save leaves every order whole: old or new, never torn or lost.

use crate::support::{order_file, portwiz, run};
use std::time::{Duration, Instant};

#[test]
fn killing_the_process_during_saves_never_tears_an_order() {
    let dir = tempfile::tempdir().unwrap();
    // A big order, so each save takes long enough for kills to land mid-write.
    let numbers: Vec<String> = (0..990).map(|i| format!("+1206555{:04}", i)).collect();
    let documents: Vec<String> = (0..300)
        .map(|i| format!("scanned-bill-page-{i:03}.pdf"))
        .collect();
    let doc = serde_json::json!({"order_name": "start", "numbers": numbers, "documents": documents, "pin": "2468"});
    let path = dir.path().join("big.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    let id = run(dir.path(), &["new", "--from", path.to_str().unwrap()])
        .stdout
        .trim()
        .to_string();
    let other = run(dir.path(), &["new", "--from", path.to_str().unwrap()])
        .stdout
        .trim()
        .to_string();
    let other_before = std::fs::read(dir.path().join(format!("orders/{other}.json"))).unwrap();

    let mut written = vec!["start".to_string()];
    let mut killed_mid_run = 0;
    for i in 0..200u64 {
        let name = format!("name-{i}");
        written.push(name.clone());
        let mut child = portwiz(dir.path())
            .args(["set", &id, "order_name", &name])
            .spawn()
            .unwrap();
        // Spread the kills over the whole life of the process (start, load, write, rename).
        let delay = Duration::from_micros((i * 7919) % 12_000);
        let start = Instant::now();
        while start.elapsed() < delay {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        if child.try_wait().unwrap().is_none() {
            killed_mid_run += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    assert!(
        killed_mid_run > 20,
        "only {killed_mid_run} kills landed while running"
    );

    let file = order_file(dir.path(), &id);
    let name = file["fields"]["order_name"].as_str().unwrap();
    assert!(written.iter().any(|w| w == name), "unexpected name {name}");
    assert_eq!(
        file["fields"]["numbers"].as_array().map(Vec::len),
        Some(990)
    );
    assert_eq!(
        std::fs::read(dir.path().join(format!("orders/{other}.json"))).unwrap(),
        other_before
    );
    // Reopening finds no torn file to quarantine, and sweeps the leftovers of killed saves.
    let (store, notices) = portwiz::store::Store::open(dir.path()).unwrap();
    assert_eq!(store.len(), 2);
    assert!(
        notices
            .iter()
            .all(|n| matches!(n, portwiz::store::Notice::StaleTempRemoved(_))),
        "{notices:?}"
    );
    assert!(!dir.path().join("quarantine").exists());
    // The index, updated in each save's step, survived the kills too: what it lists is what the
    // file says, whichever save a kill cut short.
    drop(store);
    let cached = portwiz::store::Store::open_cached(dir.path()).unwrap();
    let listed = cached.summaries().find(|s| s.id() == id).unwrap();
    assert_eq!(listed.name(), name);
}
