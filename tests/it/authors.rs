//! Who did what (docs/storage.md, issue 28.5): every history entry records its author, shown by
//! `show`, kept in exports, and kept for each side when two people's work meets.

use crate::support::{new_order, order_file, portwiz, run};
use std::path::Path;
use std::process::Command;

fn authors(dir: &Path, id: &str) -> Vec<String> {
    order_file(dir, id)["history"]
        .as_array()
        .map(|h| {
            h.iter()
                .map(|e| e["by"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn portwiz_user_signs_every_entry_and_show_and_export_say_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let id = new_order(dir.path(), "complete-order.json");
    let out = portwiz(dir.path())
        .env("PORTWIZ_USER", "Dana \u{1b}[31mOps")
        .args(["set", &id, "order_name", "Renamed"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(authors(dir.path(), &id), vec!["tester", "Dana Ops"]);
    let show = run(dir.path(), &["show", &id]);
    assert!(show.stdout.contains("(by tester)"), "{}", show.stdout);
    assert!(show.stdout.contains("(by Dana Ops)"), "{}", show.stdout);
    assert!(!show.stdout.contains('\u{1b}'));
    let export = run(dir.path(), &["export", &id, "--format", "json"]);
    assert!(
        export.stdout.contains(r#""by": "Dana Ops""#),
        "{}",
        export.stdout
    );
}

#[test]
fn an_order_file_without_authors_still_reads_and_keeps_them_unknown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let id = new_order(dir.path(), "complete-order.json");
    let path = dir.path().join("orders").join(format!("{id}.json"));
    let mut file = order_file(dir.path(), &id);
    for entry in file["history"].as_array_mut().expect("history") {
        entry.as_object_mut().expect("entry").remove("by");
    }
    std::fs::write(&path, serde_json::to_vec_pretty(&file).expect("json")).expect("write");
    let set = run(dir.path(), &["set", &id, "order_name", "Later"]);
    assert_eq!(set.code, 0, "{}", set.stderr);
    assert_eq!(authors(dir.path(), &id), vec!["", "tester"]);
    let show = run(dir.path(), &["show", &id]);
    assert_eq!(show.stdout.matches("(by ").count(), 1, "{}", show.stdout);
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// portwiz in a git work tree with no `PORTWIZ_USER`: the author is the repository's name.
fn as_git_user(dir: &Path, args: &[&str]) {
    let out = portwiz(dir)
        .env_remove("PORTWIZ_USER")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_store_in_git_signs_with_each_clones_user_name_and_a_pull_keeps_both() {
    let root = tempfile::tempdir().expect("tempdir");
    let (alice, bob) = (root.path().join("alice"), root.path().join("bob"));
    std::fs::create_dir(&alice).expect("mkdir");
    git(&alice, &["init", "-q", "-b", "main"]);
    git(&alice, &["config", "user.name", "Alice Admin"]);
    git(&alice, &["config", "user.email", "a@example.com"]);
    let fixture = crate::support::fixture("complete-order.json");
    let created = portwiz(&alice)
        .env_remove("PORTWIZ_USER")
        .env("HOME", &alice)
        .args(["new", "--from", fixture.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    let id = String::from_utf8_lossy(&created.stdout).trim().to_string();
    git(&alice, &["add", "-A"]);
    git(&alice, &["commit", "-q", "-m", "order"]);
    git(root.path(), &["clone", "-q", "alice", "bob"]);
    git(&bob, &["config", "user.name", "Bob Tech"]);
    git(&bob, &["config", "user.email", "b@example.com"]);
    as_git_user(&bob, &["set", &id, "account_number", "4455"]);
    git(&bob, &["commit", "-q", "-am", "bob's edit"]);
    git(&alice, &["pull", "-q", "--no-rebase", "../bob", "main"]);
    as_git_user(&alice, &["set", &id, "order_name", "Alice's name"]);
    assert_eq!(
        authors(&alice, &id),
        vec!["Alice Admin", "Bob Tech", "Alice Admin"]
    );
}
