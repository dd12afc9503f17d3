//! A store kept in git (issue 17, point 4): after a merge that conflicts on one order file,
//! portwiz lists every other order, quarantines that one with a message that says it holds
//! merge conflict markers and how to settle it, and its index (a cache git never sees) is right.

use crate::support::{new_order, run};
use portwiz::store::Store;
use std::path::Path;
use std::process::Command;

/// `git` in `dir` with a throwaway identity; `None` when git is not installed.
fn git(dir: &Path, args: &[&str]) -> Option<std::process::Output> {
    Command::new("git")
        .args([
            "-c",
            "user.name=portwiz test",
            "-c",
            "user.email=test@example.com",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .ok()
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args).unwrap_or_else(|| panic!("git vanished"));
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn set_name(dir: &Path, id: &str, name: &str) {
    let out = run(dir, &["set", id, "order_name", name]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_conflicting_merge_of_one_order_quarantines_it_and_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = dir.path();
    if git(dir, &["--version"]).is_none_or(|o| !o.status.success()) {
        eprintln!(
            "SKIPPED: git is not installed, so a store in a git working tree cannot be tried"
        );
        return;
    }
    git_ok(dir, &["init", "-q", "."]);
    let conflicted = new_order(dir, "complete-order.json");
    let other = new_order(dir, "complete-order.json");
    set_name(dir, &other, "The untouched order");
    // The store says what git should not keep: the index and the lock are this machine's.
    let ignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap_or_default();
    assert!(ignore.lines().any(|l| l == "index.sqlite"), "{ignore}");
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-q", "-m", "two orders"]);
    let tracked = git(dir, &["ls-files"]).map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    assert!(!tracked.unwrap_or_default().contains("index.sqlite"));

    // Two branches rename the same order differently.
    git_ok(dir, &["checkout", "-q", "-b", "colleague"]);
    set_name(dir, &conflicted, "Their name");
    git_ok(dir, &["commit", "-q", "-a", "-m", "theirs"]);
    git_ok(dir, &["checkout", "-q", "main"]);
    set_name(dir, &conflicted, "Our name");
    git_ok(dir, &["commit", "-q", "-a", "-m", "ours"]);
    let merge = git(dir, &["merge", "colleague"]).unwrap_or_else(|| panic!("git vanished"));
    assert!(
        !merge.status.success(),
        "the merge was expected to conflict"
    );
    let text = std::fs::read_to_string(dir.join("orders").join(format!("{conflicted}.json")))
        .unwrap_or_default();
    assert!(text.contains("<<<<<<<"), "{text}");

    // portwiz lists the other order and says what is wrong with this one.
    let list = run(dir, &["list"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(
        list.stdout.contains("The untouched order"),
        "{}",
        list.stdout
    );
    assert!(!list.stdout.contains(&conflicted), "{}", list.stdout);
    assert!(
        list.stderr.contains("merge conflict markers"),
        "{}",
        list.stderr
    );
    assert!(
        list.stderr.contains("git checkout --ours"),
        "{}",
        list.stderr
    );
    assert!(
        !dir.join("orders")
            .join(format!("{conflicted}.json"))
            .exists()
    );
    let quarantined = std::fs::read_dir(dir.join("quarantine"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(quarantined, 1, "the conflicted copy is kept, not deleted");

    // The index, read alone, holds the order that is there and not the one set aside.
    let cached = Store::open_cached(dir).unwrap_or_else(|| panic!("no index"));
    let ids: Vec<String> = cached.summaries().map(|s| s.id().to_string()).collect();
    assert_eq!(ids, vec![other.clone()]);

    // Settling it with git, as the message says, brings the order back.
    git_ok(
        dir,
        &[
            "checkout",
            "--theirs",
            "--",
            &format!("orders/{conflicted}.json"),
        ],
    );
    let list = run(dir, &["list"]);
    assert!(list.stdout.contains("Their name"), "{}", list.stdout);
    assert!(
        list.stdout.contains("The untouched order"),
        "{}",
        list.stdout
    );
}
