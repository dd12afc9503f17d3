//! Orders named by any unique prefix of their id, and the store's answers when something is in
//! the way: another instance holding the lock, a dangling `orders` link.

use crate::support::{new_order, portwiz, run};

#[test]
fn an_id_is_any_unique_prefix_in_any_case_and_an_ambiguous_one_lists_the_matches() {
    let dir = tempfile::tempdir().unwrap();
    let a = new_order(dir.path(), "complete-order.json");
    let b = new_order(dir.path(), "complete-order.json");
    // Generated ids share `PO-`; the first character after it that differs tells them apart.
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let prefix_a = a[..=common].to_lowercase();
    let out = run(dir.path(), &["show", &prefix_a, "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(&a), "{}", out.stdout);
    let out = run(dir.path(), &["set", &prefix_a, "order_name", "by prefix"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let shared = &a[..common];
    let out = run(dir.path(), &["show", shared]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(&a) && out.stderr.contains(&b) && out.stderr.contains("more than one"),
        "{}",
        out.stderr
    );
    assert_eq!(run(dir.path(), &["show", "PO-NOSUCH"]).code, 2);
}

#[test]
fn a_save_waits_for_another_instance_a_bounded_time_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(dir.path().join(".lock"))
        .unwrap();
    lock.lock().unwrap();
    let start = std::time::Instant::now();
    let out = portwiz(dir.path())
        .env("PORTWIZ_LOCK_TIMEOUT_MS", "400")
        .args(["set", &id, "order_name", "waited"])
        .output()
        .unwrap();
    let waited = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is saving; retrying…"), "{stderr}");
    assert!(stderr.contains("nothing was saved"), "{stderr}");
    println!("gave up after {waited:?}");
    assert!(waited < std::time::Duration::from_secs(5));
    drop(lock);
    assert_eq!(
        run(dir.path(), &["set", &id, "order_name", "saved"]).code,
        0
    );
}

#[cfg(unix)]
#[test]
fn a_dangling_orders_link_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("orders")).unwrap();
    let out = run(dir.path(), &["list"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("symbolic link") && out.stderr.contains("does not exist"),
        "{}",
        out.stderr
    );
}
