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
    // The fixture exercises everything an order can hold.
    // (Country identifiers and each number's usage came after version 1: its files have none.)
    for key in FieldKey::ALL
        .iter()
        .filter(|k| !k.as_str().starts_with("identifiers.") && **k != FieldKey::NumberUsage)
    {
        assert!(!order.fields.get(*key).is_empty(), "{key:?} is empty");
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
    assert_eq!(after, before);
    let (reopened, notices) = Store::open(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(&reopened.get(ID).unwrap().order, order);
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
