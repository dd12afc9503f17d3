//! The storage contract of docs/storage.md: atomic saves, quarantine, schema versions, conflicts.

use jiff::Timestamp;
use portwiz::domain::{FieldKey, FieldValue, Order, OrderFields};
use portwiz::store::{Notice, Store, StoreError};
use std::fs;

fn order(store: &Store, name: &str) -> Order {
    let mut fields = OrderFields::default();
    fields.set(FieldKey::OrderName, FieldValue::Text(name.into()));
    fields.set(FieldKey::Pin, FieldValue::Text("5555".into()));
    Order::new(store.new_id(), fields, Timestamp::UNIX_EPOCH)
}

#[test]
fn a_corrupt_file_is_set_aside_with_its_position_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let good = order(&store, "good");
    store.create(good.clone()).unwrap();
    let bad_path = dir.path().join("orders/PO-BROKEN.json");
    fs::write(
        &bad_path,
        "{\n  \"schema_version\": 1,\n  \"id\": \"PO-BROKEN\",\n  \"status\": \n",
    )
    .unwrap();

    let (store, notices) = Store::open(dir.path()).unwrap();
    assert_eq!(store.len(), 1);
    assert!(store.get(&good.id).is_ok());
    let quarantined: Vec<_> = notices
        .iter()
        .filter_map(|n| match n {
            Notice::Quarantined { from, to, reason } => {
                Some((from.clone(), to.clone(), reason.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(quarantined.len(), 1, "{notices:?}");
    let (from, to, reason) = &quarantined[0];
    assert_eq!(from, &bad_path);
    assert!(reason.contains("line 5"), "{reason}");
    assert!(!bad_path.exists());
    assert!(to.starts_with(dir.path().join("quarantine")));
    assert!(
        fs::read_to_string(to).unwrap().contains("PO-BROKEN"),
        "the file was kept whole"
    );
}

#[test]
fn a_file_from_a_newer_schema_opens_read_only_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let o = order(&store, "from the future");
    store.create(o.clone()).unwrap();
    let path = dir.path().join(format!("orders/{}.json", o.id));
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("\"schema_version\": 1", "\"schema_version\": 7");
    let text = text.replacen('{', "{\n  \"a_field_from_the_future\": true,", 1);
    fs::write(&path, &text).unwrap();

    let (mut store, notices) = Store::open(dir.path()).unwrap();
    assert!(
        notices.contains(&Notice::NewerSchema {
            id: o.id.clone(),
            version: 7
        }),
        "{notices:?}"
    );
    let loaded = store.get(&o.id).unwrap();
    assert_eq!(loaded.newer_schema, Some(7));
    let mut changed = loaded.order.clone();
    changed.fields.order_name = "changed".into();
    assert!(matches!(
        store.save(&changed),
        Err(StoreError::ReadOnly { version: 7, .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn two_instances_never_silently_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, _) = Store::open(dir.path()).unwrap();
    let o = order(&first, "shared");
    first.create(o.clone()).unwrap();
    let (mut second, _) = Store::open(dir.path()).unwrap();
    // Both have the order open (the store reads a full order when it is asked for).
    let mut b = second.get(&o.id).unwrap().order.clone();

    let mut a = first.get(&o.id).unwrap().order.clone();
    a.fields.organization_name = "edit from the first".into();
    first.save(&a).unwrap();

    b.fields.organization_name = "edit from the second".into();
    let refused = second.save(&b);
    assert!(
        matches!(
            refused,
            Err(StoreError::Conflict {
                loaded: 1,
                on_disk: 2,
                ..
            })
        ),
        "{refused:?}"
    );
    let (fresh, _) = Store::open(dir.path()).unwrap();
    assert_eq!(
        fresh.get(&o.id).unwrap().order.fields.organization_name,
        "edit from the first"
    );
    // After reloading, the second instance can save on top of the first's change.
    second.reload(&o.id).unwrap();
    let mut b = second.get(&o.id).unwrap().order.clone();
    b.fields.organization_name = "edit from the second".into();
    second.save(&b).unwrap();
}

#[test]
fn stale_temp_files_are_cleaned_and_ids_that_are_paths_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path()).unwrap();
    let stale = dir
        .path()
        .join("orders/.portwiz-tmp-999-0123456789abcdef-PO-X.json");
    fs::write(&stale, "half a file").unwrap();
    // Another tool's temp file is not ours: never deleted, never read as an order.
    let theirs = dir.path().join("orders/.tmp-999-PO-X.json");
    fs::write(&theirs, "theirs").unwrap();
    drop(store);
    let (mut store, notices) = Store::open(dir.path()).unwrap();
    assert!(!stale.exists());
    assert!(theirs.exists());
    assert!(
        notices
            .iter()
            .any(|n| matches!(n, Notice::StaleTempRemoved(_)))
    );
    let mut o = order(&store, "evil");
    o.id = "../escape".into();
    assert!(matches!(store.create(o), Err(StoreError::BadId(_))));
    assert!(!dir.path().join("escape.json").exists());
}

#[test]
fn a_folder_that_does_not_exist_yet_is_created_private() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b/c");
    let (mut store, _) = Store::open(&nested).unwrap();
    let o = order(&store, "first");
    store.create(o).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(nested.join("orders"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o700
        );
    }
}

#[test]
fn the_pin_is_kept_in_the_private_file_but_never_in_history() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let mut o = order(&store, "pin");
    o.edit(
        FieldKey::Pin,
        FieldValue::Text("918273".into()),
        Timestamp::UNIX_EPOCH,
    )
    .unwrap();
    store.create(o.clone()).unwrap();
    let text = fs::read_to_string(dir.path().join(format!("orders/{}.json", o.id))).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["fields"]["pin"], "918273");
    assert!(!file["history"].to_string().contains("918273"));
    assert!(!format!("{o:?}").contains("918273"));
}

/// A file git wrote (mode 0644, umask 022) after a conflicting merge still holds the PIN: its
/// copy in quarantine/, which no warning watches, must not stay readable by others.
#[cfg(unix)]
#[test]
fn a_quarantined_copy_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (_store, _) = Store::open(dir.path()).unwrap();
    let bad_path = dir.path().join("orders/PO-BROKEN.json");
    fs::write(&bad_path, "{\n<<<<<<< HEAD\n  \"pin\": \"5555\"\n").unwrap();
    fs::set_permissions(&bad_path, fs::Permissions::from_mode(0o644)).unwrap();

    let (_store, notices) = Store::open(dir.path()).unwrap();
    let to = notices
        .iter()
        .find_map(|n| match n {
            Notice::Quarantined { to, .. } => Some(to.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("not quarantined: {notices:?}"));
    let mode = fs::metadata(&to).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{} is mode {mode:o}", to.display());
    assert!(
        fs::read_to_string(&to).unwrap().contains("5555"),
        "kept whole"
    );
}
