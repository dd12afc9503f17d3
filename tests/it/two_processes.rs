//! Two real `portwiz` processes racing `set` on one order: each either saves or is refused with the
//! conflict message, and the file always ends whole, holding one of the saved edits.

use crate::support::{new_order, order_file, portwiz};
use std::collections::HashSet;

const PER_SIDE: usize = 30;

/// Run `portwiz set ID order_name <side>-i` PER_SIDE times; the names that saved.
fn hammer(dir: &std::path::Path, id: &str, side: char) -> Vec<String> {
    let mut saved = Vec::new();
    for i in 0..PER_SIDE {
        let name = format!("{side}-{i}");
        let out = portwiz(dir)
            .args(["set", id, "order_name", &name])
            .output()
            .expect("portwiz runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => saved.push(name),
            Some(1) => assert!(
                stderr.contains("was changed by another portwiz")
                    && stderr.contains("nothing was saved")
                    // The process ends: no edit is kept anywhere (issue 16, point 8).
                    && !stderr.contains("edit is kept"),
                "{name} refused for another reason: {stderr}"
            ),
            other => panic!("{name} exited {other:?}: {stderr}"),
        }
    }
    saved
}

#[test]
fn two_processes_racing_saves_never_lose_or_tear_an_order() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| hammer(dir.path(), &id, 'A'));
        let b = s.spawn(|| hammer(dir.path(), &id, 'B'));
        (a.join().unwrap(), b.join().unwrap())
    });
    let saved: HashSet<&String> = a.iter().chain(&b).collect();
    let file = order_file(dir.path(), &id);
    let name = file["fields"]["order_name"].as_str().unwrap().to_string();
    assert!(saved.contains(&name), "final name {name} was never saved");
    assert_eq!(
        file["revision"].as_u64(),
        Some(saved.len() as u64 + 1),
        "every successful save and the creation, no more, no less"
    );
    println!(
        "{} saves, {} refused as conflicts",
        saved.len(),
        2 * PER_SIDE - saved.len()
    );
    let (store, notices) = portwiz::store::Store::open(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert!(
        !dir.path().join("quarantine").exists(),
        "no save was mistaken for a broken order"
    );
    assert_eq!(store.get(&id).unwrap().order.fields.order_name, name);
    // Once alone, an instance saves: the race left no stale state that refuses every save.
    let after = crate::support::run(dir.path(), &["set", &id, "order_name", "alone"]);
    assert_eq!(after.code, 0, "{}", after.stderr);
    assert_eq!(order_file(dir.path(), &id)["fields"]["order_name"], "alone");
}

/// Hold `DIR/.lock` as a save in progress in another instance does.
fn hold_lock(dir: &std::path::Path) -> std::fs::File {
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(".lock"))
        .unwrap();
    lock.lock().unwrap();
    lock
}

#[test]
fn a_save_in_flight_elsewhere_is_neither_swept_nor_quarantined() {
    let dir = tempfile::tempdir().unwrap();
    drop(portwiz::store::Store::open(dir.path()).unwrap());
    let lock = hold_lock(dir.path());
    // Another instance is halfway through writing its temp file.
    let temp = dir
        .path()
        .join("orders/.portwiz-tmp-4242-00000000deadbeef-PO-INFLIGHT.json");
    std::fs::write(&temp, "{\"schema_version\": 1, \"id\": \"PO-INF").unwrap();
    let (store, notices) = portwiz::store::Store::open(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert!(store.is_empty());
    assert!(
        temp.exists(),
        "the other instance's temp file is left alone"
    );
    assert!(!dir.path().join("quarantine").exists());
    // Once no save runs, a leftover is stale and swept. (A process that another test forks in
    // this moment inherits the lock for the instant before its exec closes it: try again then.)
    drop(lock);
    let mut notices = Vec::new();
    for _ in 0..40 {
        notices = portwiz::store::Store::open(dir.path()).unwrap().1;
        if !temp.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(!temp.exists());
    assert!(
        matches!(
            notices.as_slice(),
            [portwiz::store::Notice::StaleTempRemoved(_)]
        ),
        "{notices:?}"
    );
}

#[test]
fn an_edit_on_the_file_read_is_saved_even_when_the_index_is_behind() {
    use portwiz::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let path = dir.path().join(format!("orders/{id}.json"));
    let rename = |store: &mut Store, name: &str| {
        let mut order = store.get(&id).unwrap().order.clone();
        order.fields.order_name = name.into();
        store.save(&order)
    };
    let (mut other, _) = Store::open(dir.path()).unwrap(); // the index now holds revision 1
    let same_length = "B".repeat(other.get(&id).unwrap().order.fields.order_name.len());
    let stamp = std::fs::metadata(&path).unwrap().modified().unwrap();
    // Another instance saves the same length within the same clock tick: size and time match
    // the index's stamp, but the file is a new one (a save renames a new file into place), and
    // the stamp's inode tells.
    rename(&mut other, &same_length).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(stamp).unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let listed = &store.summaries().next().unwrap().name();
    assert!(
        listed.contains(&same_length),
        "the index does not lag: {listed}"
    );
    assert_eq!(store.get(&id).unwrap().order.fields.order_name, same_length);
    rename(&mut store, "C-1").expect("no conflict: the disk still holds what was read");
    assert_eq!(order_file(dir.path(), &id)["revision"], 3);
}
