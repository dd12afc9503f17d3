//! Faults of the disk and the file system, through the real binary: a write that fails mid-file, a
//! read-only data folder, an unreadable order file. Each: a clear message, nothing on disk damaged.
//! (A full disk with the store's own writer is proven in `src/store/fault_tests.rs`.)

use crate::support::{new_order, run};
use std::fs;
use std::path::Path;

/// Root ignores permissions, so permission tests cannot fail for it: find out by trying.
#[cfg(unix)]
fn permissions_are_enforced(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::create_dir(&probe).unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o500)).unwrap();
    let enforced = fs::write(probe.join("x"), "x").is_err();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o700)).unwrap();
    fs::remove_dir_all(&probe).unwrap();
    if !enforced {
        println!("skipped: running as root, permissions are not enforced");
    }
    enforced
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir.join("orders"))
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// A file-size limit makes the temp file's write fail half-way (EFBIG), the way a disk filling up
/// mid-save does: works as root too.
#[cfg(unix)]
#[test]
fn a_write_failing_half_way_leaves_the_order_whole_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let numbers: Vec<String> = (0..300).map(|i| format!("+1206555{i:04}")).collect();
    let doc = serde_json::json!({"order_name": "start", "numbers": numbers});
    let from = dir.path().join("big.json");
    fs::write(&from, doc.to_string()).unwrap();
    let out = run(dir.path(), &["new", "--from", from.to_str().unwrap()]);
    let id = out.stdout.trim().to_string();
    let before = snapshot(dir.path());

    // 4 KiB at most per file, and SIGXFSZ ignored so the write returns an error instead.
    let bin = env!("CARGO_BIN_EXE_portwiz");
    let script = format!("trap '' XFSZ; ulimit -f 8; exec '{bin}' set {id} order_name changed");
    let out: crate::support::Run = std::process::Command::new("sh")
        .args(["-c", &script])
        .env("PORTWIZ_DATA_DIR", dir.path())
        .env("PORTWIZ_TODAY", crate::support::TODAY)
        .output()
        .unwrap()
        .into();
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("cannot save order") && out.stderr.contains("free some space"),
        "{}",
        out.stderr
    );
    assert_eq!(
        snapshot(dir.path()),
        before,
        "the order file is untouched, no temp file left"
    );
    // With room again, the same command saves.
    assert_eq!(
        run(dir.path(), &["set", &id, "order_name", "changed"]).code,
        0
    );
}

/// A data folder the user cannot write: the save is refused with the reason, the file unchanged.
#[cfg(unix)]
#[test]
fn a_read_only_data_folder_refuses_the_save_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    if !permissions_are_enforced(dir.path()) {
        return;
    }
    let id = new_order(dir.path(), "complete-order.json");
    let before = snapshot(dir.path());
    let orders = dir.path().join("orders");
    fs::set_permissions(&orders, fs::Permissions::from_mode(0o500)).unwrap();
    let out = run(dir.path(), &["set", &id, "order_name", "changed"]);
    fs::set_permissions(&orders, fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("cannot save order") && out.stderr.contains("permissions"),
        "{}",
        out.stderr
    );
    assert_eq!(snapshot(dir.path()), before);
}

/// An order file the user cannot read: reported with its path, moved aside whole (never
/// deleted), and the other orders still load.
#[cfg(unix)]
#[test]
fn an_unreadable_order_file_is_reported_and_kept_and_the_rest_load() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    if !permissions_are_enforced(dir.path()) {
        return;
    }
    let good = new_order(dir.path(), "complete-order.json");
    let bad = new_order(dir.path(), "complete-order.json");
    let bad_path = dir.path().join(format!("orders/{bad}.json"));
    let bytes = fs::read(&bad_path).unwrap();
    fs::set_permissions(&bad_path, fs::Permissions::from_mode(0o000)).unwrap();
    let out = run(dir.path(), &["list"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(&good), "{}", out.stdout);
    assert!(
        out.stderr.contains(&format!("{bad}.json")),
        "{}",
        out.stderr
    );
    let moved = fs::read_dir(dir.path().join("quarantine"))
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    fs::set_permissions(&moved, fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(fs::read(moved).unwrap(), bytes, "kept whole");
}
