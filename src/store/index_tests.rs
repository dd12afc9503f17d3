//! The index is a cache: deleted, corrupted, stale or cut short, the store still says what the
//! files say; and its stamps always describe the bytes its summaries came from.

use super::index::{self, Index};
use super::{Notice, Store, StoreError, file};
use crate::domain::{FieldKey, FieldValue, Order, OrderFields, Status};
use std::fs;
use std::path::Path;

fn order(id: &str, name: &str) -> Order {
    let mut fields = OrderFields::default();
    fields.set(FieldKey::OrderName, FieldValue::Text(name.into()));
    fields.set(
        FieldKey::Numbers,
        FieldValue::List(vec!["+14255550100".into(), "+14255550199".into()]),
    );
    Order::new(id.into(), fields, jiff::Timestamp::UNIX_EPOCH)
}

fn names(dir: &Path) -> Vec<(String, String)> {
    let (store, _) = Store::open(dir).unwrap();
    store
        .summaries()
        .map(|s| (s.id().to_string(), s.name().to_string()))
        .collect()
}

/// Write an order file by hand, as another tool or an editor would.
fn write_by_hand(dir: &Path, order: &Order, revision: u64) {
    let path = dir.join("orders").join(format!("{}.json", order.id));
    fs::write(path, file::encode(order, revision).unwrap()).unwrap();
}

#[test]
fn a_deleted_or_corrupted_index_is_rebuilt_from_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    store.create(order("PO-A", "Alpha")).unwrap();
    store.create(order("PO-B", "Beta")).unwrap();
    drop(store);
    let want = vec![
        ("PO-A".to_string(), "Alpha".to_string()),
        ("PO-B".to_string(), "Beta".to_string()),
    ];
    fs::remove_file(index::path(dir.path())).unwrap();
    assert_eq!(names(dir.path()), want);
    assert!(index::path(dir.path()).exists(), "rebuilt");
    for garbage in [&b"not a database"[..], &[0u8; 4096][..]] {
        for suffix in ["-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{suffix}", index::path(dir.path()).display()));
        }
        fs::write(index::path(dir.path()), garbage).unwrap();
        assert_eq!(names(dir.path()), want);
        assert!(Store::open_cached(dir.path()).is_some(), "usable again");
    }
}

#[test]
fn a_stale_index_follows_files_edited_added_and_removed_behind_its_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    store.create(order("PO-A", "Alpha")).unwrap();
    store.create(order("PO-B", "Beta")).unwrap();
    drop(store);
    // Same length, so only the modification time and inode tell.
    write_by_hand(dir.path(), &order("PO-A", "Alfa!"), 1);
    write_by_hand(dir.path(), &order("PO-C", "Gamma"), 1);
    fs::remove_file(dir.path().join("orders/PO-B.json")).unwrap();
    assert_eq!(
        names(dir.path()),
        vec![
            ("PO-A".to_string(), "Alfa!".to_string()),
            ("PO-C".to_string(), "Gamma".to_string()),
        ]
    );
    // A command about one order reads its file, not the index.
    write_by_hand(dir.path(), &order("PO-A", "Aleph"), 1);
    let (mut one, _) = Store::open_one(dir.path()).unwrap();
    let id = one.resolve("po-a").unwrap();
    assert_eq!(one.get(&id).unwrap().order.fields.order_name, "Aleph");
}

#[test]
fn the_index_never_decides_what_an_order_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    store.create(order("PO-A", "Alpha")).unwrap();
    drop(store);
    // A row that lies about the file, with the file's own stamp: the full order still comes
    // from the file.
    let meta = fs::metadata(dir.path().join("orders/PO-A.json")).unwrap();
    let mut lie = order("PO-A", "Lie");
    lie.status = Status::Completed;
    let loaded = super::Loaded {
        order: lie,
        revision: 1,
        newer_schema: None,
    };
    let entry = index::entry_of(&loaded, file::Stamp::of(&meta));
    Index::open(dir.path()).unwrap().put(&entry).unwrap();
    let (store, _) = Store::open(dir.path()).unwrap();
    let full = &store.get("PO-A").unwrap().order;
    assert_eq!(full.fields.order_name, "Alpha");
    assert_eq!(full.status, Status::Draft);
}

#[test]
fn a_save_between_a_read_and_the_index_write_is_seen_at_the_next_open() {
    // Issue 16, point 7: the stamp written beside a summary must be of the bytes the summary
    // came from. Reproduce the race: read the file, let another process save, then write the
    // row from the first read.
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    store.create(order("PO-A", "Alpha")).unwrap();
    let path = dir.path().join("orders/PO-A.json");
    let (first_read, stamp) = file::read(&path).unwrap();
    let (mut other, _) = Store::open(dir.path()).unwrap();
    let mut changed = other.get("PO-A").unwrap().order.clone();
    changed.status = Status::Submitted;
    other.save(&changed).unwrap();
    Index::open(dir.path())
        .unwrap()
        .put(&index::entry_of(&first_read, stamp))
        .unwrap();
    let (fresh, _) = Store::open(dir.path()).unwrap();
    let summary = fresh.summaries().next().unwrap();
    assert_eq!(summary.status, Status::Submitted, "not the old summary");
}

#[test]
fn ids_are_found_by_any_unique_prefix_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    for id in ["PO-AB12", "PO-AB34", "PO-CD56"] {
        store.create(order(id, id)).unwrap();
    }
    drop(store);
    let (mut one, _) = Store::open_one(dir.path()).unwrap();
    assert_eq!(one.resolve("po-c").unwrap(), "PO-CD56");
    assert_eq!(one.resolve("PO-AB3").unwrap(), "PO-AB34");
    assert_eq!(one.resolve("po-ab12").unwrap(), "PO-AB12");
    match one.resolve("po-ab") {
        Err(StoreError::Ambiguous { matches, .. }) => {
            assert_eq!(matches, vec!["PO-AB12".to_string(), "PO-AB34".to_string()])
        }
        other => panic!("expected ambiguous, got {other:?}"),
    }
    assert!(matches!(one.resolve("PO-X"), Err(StoreError::NotFound(_))));
    // An order the index does not know yet is found in the folder.
    write_by_hand(dir.path(), &order("PO-EF78", "new"), 1);
    assert_eq!(one.resolve("po-ef").unwrap(), "PO-EF78");
}

#[test]
fn a_revision_at_its_maximum_is_refused_rather_than_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("orders")).unwrap();
    write_by_hand(dir.path(), &order("PO-MAX", "max"), u64::MAX);
    let (mut store, _) = Store::open(dir.path()).unwrap();
    assert_eq!(store.get("PO-MAX").unwrap().revision, u64::MAX);
    let o = store.get("PO-MAX").unwrap().order.clone();
    assert!(matches!(store.save(&o), Err(StoreError::RevisionLimit(_))));
    assert!(
        fs::read_to_string(dir.path().join("orders/PO-MAX.json"))
            .unwrap()
            .contains(&u64::MAX.to_string())
    );
    drop(store);
    // The index keeps it bit for bit.
    let cached = Store::open_cached(dir.path()).unwrap();
    assert_eq!(cached.slots["PO-MAX"].revision, u64::MAX);
}

#[test]
fn a_pin_written_as_a_number_is_not_echoed_in_the_quarantine_notice() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("orders")).unwrap();
    let mut json: serde_json::Value =
        serde_json::from_slice(&file::encode(&order("PO-PIN", "p"), 1).unwrap()).unwrap();
    json["fields"]["pin"] = serde_json::json!(918273);
    fs::write(
        dir.path().join("orders/PO-PIN.json"),
        serde_json::to_vec(&json).unwrap(),
    )
    .unwrap();
    let (_, notices) = Store::open(dir.path()).unwrap();
    let text: Vec<String> = notices.iter().map(ToString::to_string).collect();
    assert!(
        notices
            .iter()
            .any(|n| matches!(n, Notice::Quarantined { .. })),
        "{text:?}"
    );
    assert!(!text.join("\n").contains("918273"), "{text:?}");
}

#[cfg(unix)]
#[test]
fn files_that_are_not_ours_to_read_are_reported_and_left_in_place() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    store.create(order("PO-A", "Alpha")).unwrap();
    drop(store);
    let orders = dir.path().join("orders");
    // A FIFO would block a reader forever; a link could lead out of the store.
    let fifo = orders.join("PO-FIFO.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink("/dev/zero", orders.join("PO-ZERO.json")).unwrap();
    std::os::unix::fs::symlink(orders.join("PO-A.json"), orders.join("PO-LINK.json")).unwrap();
    // Another tool's temp file: not ours, never touched.
    fs::write(orders.join(".tmp-1-PO-A.json"), "theirs").unwrap();
    fs::write(dir.path().join(".tmp-mine"), "theirs").unwrap();
    let (store, notices) = Store::open(dir.path()).unwrap();
    assert_eq!(store.len(), 1);
    let skipped: Vec<&Path> = notices
        .iter()
        .filter_map(|n| match n {
            Notice::Unreadable { path, .. } => Some(path.as_path()),
            _ => None,
        })
        .collect();
    assert_eq!(skipped.len(), 3, "{notices:?}");
    for path in [
        &fifo,
        &orders.join("PO-ZERO.json"),
        &orders.join("PO-LINK.json"),
    ] {
        assert!(
            path.symlink_metadata().is_ok(),
            "{} left in place",
            path.display()
        );
    }
    assert!(orders.join(".tmp-1-PO-A.json").exists());
    assert!(dir.path().join(".tmp-mine").exists());
    // No permission warning counts the links.
    assert!(
        !notices.iter().any(|n| matches!(n, Notice::Permissions(_))),
        "{notices:?}"
    );
    // Unreadable by permissions: reported with the reason, not quarantined. (Root reads anyway.)
    let a = orders.join("PO-A.json");
    fs::set_permissions(&a, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&a).is_err() {
        let (_, notices) = Store::open(dir.path()).unwrap();
        assert!(
            notices
                .iter()
                .any(|n| matches!(n, Notice::Unreadable { .. }))
        );
        assert!(a.exists(), "left in place");
    }
    fs::set_permissions(&a, fs::Permissions::from_mode(0o600)).unwrap();
}

#[test]
fn a_first_view_holds_the_latest_orders_and_hands_its_summaries_over() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let start = jiff::Timestamp::UNIX_EPOCH;
    let batch: Vec<Order> = (0..400)
        .map(|i| {
            let mut o = order(&format!("PO-{i:04}"), "o");
            o.updated_at = start + jiff::SignedDuration::from_secs(i);
            o
        })
        .collect();
    store.create_batch(batch).unwrap();
    drop(store);
    let mut first = Store::open_cached(dir.path()).unwrap();
    let held = first.take_summaries();
    assert!(held.len() < 400 && !held.is_empty());
    assert!(held.iter().all(|s| s.id() >= "PO-0100"), "the latest first");
    assert_eq!(first.summaries().count(), 0, "handed over, not copied");
    // Any order can still be loaded and saved from this view.
    let mut o = first.load("PO-0000").unwrap().order.clone();
    o.fields.order_name = "old one".into();
    first.save(&o).unwrap();
}

#[test]
fn an_order_file_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    store.create(order("PO-BOM", "Notepad")).unwrap();
    drop(store);
    let path = dir.path().join("orders/PO-BOM.json");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(fs::read(&path).unwrap());
    fs::write(&path, bytes).unwrap();
    let (store, notices) = Store::open(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        store.get("PO-BOM").unwrap().order.fields.order_name,
        "Notepad"
    );
}

#[test]
fn the_next_save_of_an_order_removes_the_temp_copy_a_killed_save_left() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    store.create(order("PO-A", "Alpha")).unwrap();
    store.create(order("PO-B", "Beta")).unwrap();
    drop(store);
    let orders = dir.path().join("orders");
    let left = orders.join(".portwiz-tmp-PO-A.json");
    let other = orders.join(".portwiz-tmp-PO-B.json");
    fs::write(&left, r#"{"pin": "1234", half"#).unwrap();
    fs::write(&other, r#"{"pin": "5678", half"#).unwrap();
    // One command about one order: no full open (which sweeps every stale temp file).
    let (mut store, _) = Store::open_one(dir.path()).unwrap();
    let mut a = store.load("PO-A").unwrap().order.clone();
    a.fields.order_name = "Alpha 2".into();
    store.save(&a).unwrap();
    assert!(!left.exists(), "the killed save's copy of PO-A stays");
    assert!(
        other.exists(),
        "another order's temp file is not this save's"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_order_is_reported_whether_or_not_the_index_lists_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    store.create(order("PO-A", "Alpha")).unwrap();
    drop(store);
    let a = dir.path().join("orders/PO-A.json");
    fs::set_permissions(&a, fs::Permissions::from_mode(0o200)).unwrap();
    let meta = fs::symlink_metadata(&a).unwrap();
    // Root reads anything; the rule is checked as the owner, then as someone else.
    let owner = std::os::unix::fs::MetadataExt::uid(&meta);
    assert_eq!(super::open::may_read(&meta, Some(owner)), owner == 0);
    assert!(!super::open::may_read(&meta, Some(u32::MAX - 1)));
    assert!(super::open::may_read(&meta, Some(0)));
    if fs::read(&a).is_err() {
        // The index lists PO-A with this very stamp: it must still be said.
        let (store, notices) = Store::open(dir.path()).unwrap();
        assert!(
            notices
                .iter()
                .any(|n| matches!(n, Notice::Unreadable { .. })),
            "{notices:?}"
        );
        assert_eq!(store.len(), 0);
    }
    fs::set_permissions(&a, fs::Permissions::from_mode(0o600)).unwrap();
}

/// Issue 23: a `git pull` or a sync rewrites every file; the app re-reads each, and must not
/// keep a parsed copy (or earlier versions) of orders it does not show in full.
#[test]
fn a_change_of_every_file_keeps_one_version_of_each_order() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let batch: Vec<Order> = (0..40).map(|i| order(&format!("PO-{i:04}"), "o")).collect();
    store.create_batch(batch).unwrap();
    drop(store);
    let (mut app_store, _) = Store::open(dir.path()).unwrap();
    let summaries = app_store.take_summaries();
    assert_eq!(summaries.len(), 40);
    // The app keeps this vector as long as it runs: no room left over from growing it.
    assert_eq!(summaries.capacity(), summaries.len());
    app_store.get("PO-0001").unwrap();
    for round in 0..3 {
        let (mut other, _) = Store::open_one(dir.path()).unwrap();
        for i in 0..40 {
            let id = format!("PO-{i:04}");
            let mut o = other.load(&id).unwrap().order.clone();
            o.fields.order_name = format!("round {round}");
            other.save(&o).unwrap();
        }
        for i in 0..40 {
            let refreshed = app_store.refresh(&format!("PO-{i:04}"));
            assert!(
                matches!(refreshed, super::Refresh::Changed(_)),
                "{refreshed:?}"
            );
        }
    }
    let full: Vec<&String> = app_store
        .slots
        .iter()
        .filter(|(_, s)| s.full.get().is_some_and(Option::is_some))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(full, ["PO-0001"], "only the open order is held in full");
    let earlier: usize = app_store.previous.values().map(Vec::len).sum();
    assert!(earlier <= 4, "{earlier} earlier versions kept");
    assert_eq!(
        app_store.summaries().count(),
        0,
        "the app holds the summaries"
    );
    assert_eq!(
        app_store.get("PO-0039").unwrap().order.fields.order_name,
        "round 2"
    );
}
