//! Every schema version that shipped still loads; a newer one is read-only, through the CLI too.

use crate::support::{fixture, run};
use portwiz::domain::FieldKey;
use portwiz::store::Store;
use std::fs;
use std::path::{Path, PathBuf};

const ID: &str = "PO-SCHEMAV1";

/// A store holding the v1 fixture as its only order; the path of that order's file.
fn store_with_v1(dir: &Path) -> PathBuf {
    drop(Store::open(dir).unwrap()); // private folders, as portwiz makes them
    let path = dir.join(format!("orders/{ID}.json"));
    fs::copy(fixture("schema/v1.json"), &path).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    }
    path
}

#[test]
fn a_v1_file_with_every_part_loads_without_notices_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_with_v1(dir.path());
    let (mut store, notices) = Store::open(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let loaded = store.get(ID).unwrap().clone();
    assert_eq!((loaded.revision, loaded.newer_schema), (12, None));
    let order = &loaded.order;
    // The fixture exercises everything an order could hold in version 1: every key its file
    // names is filled. A key it does not name came later (the country identifiers, any new
    // field): it reads as empty and must be optional (docs: a new optional field needs no
    // migration).
    let file: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture("schema/v1.json")).unwrap()).unwrap();
    for key in FieldKey::ALL {
        let in_v1 = key
            .as_str()
            .split('.')
            .try_fold(&file["fields"], |at, part| at.get(part))
            .is_some();
        if in_v1 {
            assert!(!order.fields.get(*key).is_empty(), "{key:?} is empty");
        } else {
            assert!(order.fields.get(*key).is_empty(), "{key:?} came after v1");
            assert!(
                !portwiz::domain::spec(*key).required_for(&order.fields),
                "{key:?} came after v1 and is required: old files need a migration"
            );
        }
    }
    assert!(!order.csr.is_empty() && order.foc.is_some() && order.support.is_some());
    assert!(order.ticket.is_some() && order.submitted_fields.is_some());
    assert!(order.loa_signed_fields.is_some());
    assert!(!order.rejections[0].changes_before_resubmit.is_empty());
    assert!(order.history.iter().any(|h| !h.changes.is_empty()));

    // Saved again unchanged, the file says the same thing (only the revision moves on).
    store.save(order).unwrap();
    let mut before: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture("schema/v1.json")).unwrap()).unwrap();
    let mut after: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(after["revision"], 13);
    before["revision"] = 0.into();
    after["revision"] = 0.into();
    // A field added since version 1 is written when the order is next saved, empty: in its
    // fields and in every copy of them it keeps (what was submitted, what the LOA covered).
    for part in ["fields", "submitted_fields", "loa_signed_fields"] {
        if let (Some(old), Some(new)) = (before[part].as_object(), after[part].as_object_mut()) {
            new.retain(|key, value| old.contains_key(key) || !is_empty_json(value));
        }
    }
    assert_eq!(after, before);
    let (reopened, notices) = Store::open(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(&reopened.get(ID).unwrap().order, order);
}

/// "", [], {} or an object of empty values: what a field added since the file was written holds.
fn is_empty_json(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(s) => s.is_empty(),
        serde_json::Value::Array(a) => a.is_empty(),
        serde_json::Value::Object(o) => o.values().all(is_empty_json),
        _ => false,
    }
}

#[test]
fn set_on_a_file_from_a_newer_portwiz_is_refused_and_leaves_it_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_with_v1(dir.path());
    let text = fs::read_to_string(&path)
        .unwrap()
        .replacen("\"schema_version\": 1", "\"schema_version\": 2", 1)
        .replacen('{', "{\n  \"a_field_from_v2\": {\"x\": 1},", 1);
    fs::write(&path, &text).unwrap();

    let out = run(dir.path(), &["set", ID, "order_name", "changed"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("newer portwiz") && out.stderr.contains("read-only"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    // Still shown.
    let shown = run(dir.path(), &["show", ID]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(shown.stdout.contains("Fabrikam"), "{}", shown.stdout);
}
