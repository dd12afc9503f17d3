//! The summary index is only a cache: edits, deletions, corruptions and additions made behind
//! portwiz's back always show in the list.

use crate::support::{new_order, run};

fn list_json(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let out = run(dir, &["list", "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str::<serde_json::Value>(&out.stdout)
        .unwrap()
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn find<'a>(list: &'a [serde_json::Value], id: &str) -> Option<&'a serde_json::Value> {
    list.iter().find(|o| o["id"] == id)
}

#[test]
fn the_list_follows_the_files_whatever_happens_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let a = new_order(dir.path(), "complete-order.json");
    let b = new_order(dir.path(), "complete-order.json");
    let c = new_order(dir.path(), "complete-order.json");
    assert_eq!(list_json(dir.path()).len(), 3);
    assert!(
        dir.path().join("index.sqlite").exists(),
        "listing wrote the index"
    );

    // Edited behind our back (another tool, a restore from backup): a new name, same size or not.
    let path_a = dir.path().join(format!("orders/{a}.json"));
    let text = std::fs::read_to_string(&path_a)
        .unwrap()
        .replace("Redmond HQ main lines", "Redmond HQ edited by hand");
    std::fs::write(&path_a, text).unwrap();
    // Deleted.
    std::fs::remove_file(dir.path().join(format!("orders/{b}.json"))).unwrap();
    // Corrupted.
    std::fs::write(dir.path().join(format!("orders/{c}.json")), "{ not json").unwrap();
    // Added: a copy of a under a new id.
    let added = "PO-ADDEDBYHAND";
    let copy = std::fs::read_to_string(&path_a).unwrap().replace(&a, added);
    std::fs::write(dir.path().join(format!("orders/{added}.json")), copy).unwrap();

    let list = list_json(dir.path());
    assert_eq!(list.len(), 2, "{list:#?}");
    assert_eq!(
        find(&list, &a).unwrap()["name"],
        "Redmond HQ edited by hand"
    );
    assert!(find(&list, &b).is_none());
    assert!(
        find(&list, &c).is_none(),
        "the corrupt file is quarantined, not listed"
    );
    assert!(find(&list, added).is_some());
    assert_eq!(
        std::fs::read_dir(dir.path().join("quarantine"))
            .unwrap()
            .count(),
        1
    );

    // A broken index is rebuilt, never trusted.
    std::fs::write(dir.path().join("index.sqlite"), "garbage").unwrap();
    assert_eq!(list_json(dir.path()).len(), 2);
    // Saves through portwiz show at once.
    assert_eq!(
        run(dir.path(), &["set", &a, "order_name", "Renamed"]).code,
        0
    );
    assert_eq!(find(&list_json(dir.path()), &a).unwrap()["name"], "Renamed");
}
