//! portwiz's own files in the store (docs/storage.md: `.lock`, `index.sqlite` and its `-wal`/`-shm`,
//! `examples.json`, `quarantine/`) planted as links and FIFOs, as a store cloned from git may hold
//! them: no command follows one out of the store, none hangs on one, and each is reported and set
//! aside (or rebuilt) rather than written through (issue 23, point 1).

use crate::support::hostile::{BOUND, Input, check, mkfifo, os};
use crate::support::new_order;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

/// A file of someone else's, outside the store, that must keep its bytes.
const VICTIM: &[u8] = b"export PATH=$HOME/bin:$PATH\n";

/// The own files a store holds, as they are named in it.
const OWN_FILES: [&str; 5] = [
    ".lock",
    "index.sqlite",
    "index.sqlite-wal",
    "index.sqlite-shm",
    "examples.json",
];

/// Every command that touches the own files: a read, a save, a teaching, a classify.
fn touch_everything(dir: &Path, id: &str, case: &str) {
    touch_everything_as(dir, &[], id, case);
}

/// The same, each command after `before` (`--tenant NAME`: a tenant's store).
fn touch_everything_as(dir: &Path, before: &[&str], id: &str, case: &str) {
    for (name, rest) in [
        ("list", os(&["list"])),
        ("set", os(&["set", id, "order_name", "Renamed"])),
        ("submit", os(&["submit", id])),
        (
            "reject --fields",
            os(&[
                "reject",
                id,
                "--text",
                "Account number mismatch",
                "--fields",
                "account_number",
            ]),
        ),
        ("classify", os(&["classify", "PIN mismatch"])),
        ("list again", os(&["list"])),
    ] {
        let args: Vec<_> = os(before).into_iter().chain(rest).collect();
        let outcome = check(dir, &format!("{name} ({case})"), &args, Input::Null, false);
        assert!(outcome.took < BOUND);
    }
}

fn store_with_order() -> (tempfile::TempDir, String) {
    let store = tempfile::tempdir().unwrap();
    let id = new_order(store.path(), "complete-order.json");
    (store, id)
}

#[test]
fn a_link_as_any_own_file_is_never_written_through() {
    for own in OWN_FILES {
        let (store, id) = store_with_order();
        let dir = store.path();
        let outside = tempfile::tempdir().unwrap();
        let victim = outside.path().join("victim");
        fs::write(&victim, VICTIM).unwrap();
        let _ = fs::remove_file(dir.join(own));
        symlink(&victim, dir.join(own)).unwrap();
        touch_everything(dir, &id, &format!("{own} -> a file outside"));
        assert_eq!(fs::read(&victim).unwrap(), VICTIM, "{own} wrote through");
        assert_eq!(
            fs::read_dir(outside.path()).unwrap().count(),
            1,
            "{own}: a file appeared outside the store"
        );
        assert!(
            !dir.join(own).is_symlink(),
            "{own}: the link was left in place"
        );
    }
}

#[test]
fn a_dangling_link_as_any_own_file_creates_nothing_outside() {
    for own in OWN_FILES {
        let (store, id) = store_with_order();
        let dir = store.path();
        let outside = tempfile::tempdir().unwrap();
        let _ = fs::remove_file(dir.join(own));
        symlink(outside.path().join("planted"), dir.join(own)).unwrap();
        touch_everything(dir, &id, &format!("{own} -> nowhere"));
        assert!(
            !outside.path().join("planted").exists(),
            "{own}: followed a dangling link"
        );
    }
}

#[test]
fn a_fifo_as_any_own_file_hangs_nothing_and_is_reported() {
    for own in OWN_FILES {
        let (store, id) = store_with_order();
        let dir = store.path();
        let _ = fs::remove_file(dir.join(own));
        mkfifo(&dir.join(own));
        let first = check(
            dir,
            &format!("list ({own} a FIFO)"),
            &os(&["list"]),
            Input::Null,
            false,
        );
        assert_eq!(first.code, Some(0), "{own}: {}", first.stderr);
        assert!(
            first.stderr.contains(own) && first.stderr.contains("FIFO"),
            "{own}: not reported: {}",
            first.stderr
        );
        touch_everything(dir, &id, &format!("{own} a FIFO"));
    }
}

#[test]
fn a_quarantine_link_never_receives_an_order() {
    let (store, id) = store_with_order();
    let dir = store.path();
    let outside = tempfile::tempdir().unwrap();
    symlink(outside.path(), dir.join("quarantine")).unwrap();
    fs::write(
        dir.join("orders/PO-BROKEN.json"),
        "{ \"pin\": \"1234\", broken",
    )
    .unwrap();
    let listed = check(
        dir,
        "list (quarantine a link)",
        &os(&["list"]),
        Input::Null,
        false,
    );
    assert_eq!(listed.code, Some(0), "{}", listed.stderr);
    assert_eq!(
        fs::read_dir(outside.path()).unwrap().count(),
        0,
        "an order left the store through the quarantine link"
    );
    assert!(!dir.join("quarantine").is_symlink());
    assert!(dir.join("quarantine").is_dir());
    assert_eq!(fs::read_dir(dir.join("quarantine")).unwrap().count(), 1);
    // The link itself is kept, renamed, and said.
    assert!(
        listed.stderr.contains("a symbolic link"),
        "{}",
        listed.stderr
    );
    let kept = fs::read_dir(dir).unwrap().flatten();
    assert!(
        kept.filter(|e| e
            .file_name()
            .to_string_lossy()
            .starts_with("quarantine.link."))
            .any(|e| e.path().is_symlink())
    );
    assert!(!dir.join("orders/PO-BROKEN.json").exists());
    touch_everything(dir, &id, "quarantine was a link");
}

#[test]
fn a_quarantine_fifo_is_set_aside_and_the_broken_order_still_goes_to_quarantine() {
    let (store, _id) = store_with_order();
    let dir = store.path();
    mkfifo(&dir.join("quarantine"));
    fs::write(dir.join("orders/PO-BROKEN.json"), "{ broken").unwrap();
    let listed = check(
        dir,
        "list (quarantine a FIFO)",
        &os(&["list"]),
        Input::Null,
        false,
    );
    assert_eq!(listed.code, Some(0), "{}", listed.stderr);
    assert!(dir.join("quarantine").is_dir(), "{}", listed.stderr);
    assert!(!dir.join("orders/PO-BROKEN.json").exists());
}

#[test]
fn the_store_gitignore_keeps_quarantine_out_of_git() {
    let (store, _id) = store_with_order();
    let ignore = fs::read_to_string(store.path().join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "quarantine/"), "{ignore}");
}

#[test]
fn an_older_portwiz_gitignore_gains_quarantine_and_a_users_own_is_left_alone() {
    let (store, _id) = store_with_order();
    let dir = store.path();
    let older = "# Written by portwiz: the index is a cache rebuilt from orders/, the lock is per machine.\nindex.sqlite\nindex.sqlite-*\n.lock\n";
    fs::write(dir.join(".gitignore"), older).unwrap();
    check(
        dir,
        "list (older .gitignore)",
        &os(&["list"]),
        Input::Null,
        false,
    );
    let upgraded = fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert!(upgraded.starts_with(older), "{upgraded}");
    assert!(upgraded.lines().any(|l| l == "quarantine/"), "{upgraded}");

    let mine = "# mine\n*.bak\n";
    fs::write(dir.join(".gitignore"), mine).unwrap();
    check(
        dir,
        "list (a user's .gitignore)",
        &os(&["list"]),
        Input::Null,
        false,
    );
    assert_eq!(fs::read_to_string(dir.join(".gitignore")).unwrap(), mine);
}

#[test]
fn parallel_teachings_each_keep_theirs() {
    let store = tempfile::tempdir().unwrap();
    let dir = store.path();
    let ids: Vec<String> = (0..8)
        .map(|_| {
            let id = new_order(dir, "complete-order.json");
            assert_eq!(crate::support::run(dir, &["submit", &id]).code, 0);
            id
        })
        .collect();
    let children: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(n, id)| {
            crate::support::portwiz(dir)
                .args(["reject", id, "--text"])
                .arg(format!("Rejection code {n}: the record on file differs"))
                .args(["--fields", "account_number"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = fs::read_to_string(dir.join("examples.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["examples"].as_array().unwrap().len(), 8, "{text}");
}

/// How a name is planted in the store.
#[derive(Clone, Copy, Debug)]
enum Planted {
    LinkOut,
    Dangling,
    Fifo,
}

/// The temp files a save under the lock names itself (`.portwiz-tmp-NAME`: an order's and the
/// learned examples') and the store's `.gitignore` (which portwiz writes), planted as links to a
/// file outside, as links to nowhere and as FIFOs: nothing is written through or created
/// outside, nothing hangs, and the saves still land.
#[test]
fn temp_names_and_the_gitignore_planted_as_links_or_fifos_are_never_followed() {
    for planted in [Planted::LinkOut, Planted::Dangling, Planted::Fifo] {
        for name in [
            "orders/.portwiz-tmp-ID.json",
            ".portwiz-tmp-examples.json",
            ".gitignore",
        ] {
            let (store, id) = store_with_order();
            let dir = store.path();
            let path = dir.join(name.replace("ID", &id));
            let outside = tempfile::tempdir().unwrap();
            let victim = outside.path().join("victim");
            fs::write(&victim, VICTIM).unwrap();
            let _ = fs::remove_file(&path);
            match planted {
                Planted::LinkOut => symlink(&victim, &path).unwrap(),
                Planted::Dangling => symlink(outside.path().join("planted"), &path).unwrap(),
                Planted::Fifo => mkfifo(&path),
            }
            let case = format!("{name} planted as {planted:?}");
            touch_everything(dir, &id, &case);
            assert_eq!(fs::read(&victim).unwrap(), VICTIM, "{case}: wrote through");
            assert_eq!(
                fs::read_dir(outside.path()).unwrap().count(),
                1,
                "{case}: a file appeared outside the store"
            );
            let order = crate::support::order_file(dir, &id);
            assert_eq!(order["fields"]["order_name"], "Renamed", "{case}");
            let examples = fs::read_to_string(dir.join("examples.json")).unwrap_or_default();
            assert!(examples.contains("Account number mismatch"), "{case}");
        }
    }
}

/// A tenant's store (`DIR/tenants/NAME/`) is a store of its own, with its own `.lock`, index,
/// `examples.json` and quarantine: each planted there as a link (to a file outside, or to
/// nowhere) or a FIFO is never followed or waited on either, and the data folder's own
/// `.last-tenant` as a link is not written through by the app's choice of tenant.
#[test]
fn a_tenant_store_s_own_files_are_never_followed_either() {
    let data = tempfile::tempdir().unwrap();
    let root = data.path();
    let fixture = crate::support::fixture("complete-order.json");
    let made = check(
        root,
        "new in a tenant",
        &os(&[
            "--tenant",
            "Contoso",
            "new",
            "--from",
            fixture.to_str().unwrap(),
        ]),
        Input::Null,
        false,
    );
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let id = String::from_utf8_lossy(&made.stdout).trim().to_string();
    let tenant = root.join("tenants").join("Contoso");
    assert!(tenant.join("orders").join(format!("{id}.json")).is_file());
    for own in OWN_FILES.into_iter().chain(["quarantine"]) {
        for planted in ["a link to a file outside", "a link to nowhere", "a FIFO"] {
            let outside = tempfile::tempdir().unwrap();
            let victim = outside.path().join("victim");
            fs::write(&victim, VICTIM).unwrap();
            let path = tenant.join(own);
            let _ = fs::remove_file(&path);
            let _ = fs::remove_dir_all(&path);
            match planted {
                "a FIFO" => mkfifo(&path),
                "a link to nowhere" => symlink(outside.path().join("planted"), &path).unwrap(),
                _ => symlink(&victim, &path).unwrap(),
            }
            let case = format!("tenant's {own} as {planted}");
            touch_everything_as(root, &["--tenant", "Contoso"], &id, &case);
            assert_eq!(fs::read(&victim).unwrap(), VICTIM, "{case}: wrote through");
            assert_eq!(
                fs::read_dir(outside.path()).unwrap().count(),
                1,
                "{case}: a file appeared outside the store"
            );
            let meta = fs::symlink_metadata(&path);
            assert!(
                meta.is_err() || !meta.unwrap().file_type().is_symlink(),
                "{case}: the link was left in place"
            );
        }
    }
    // The data folder's `.last-tenant` as a link: reading and remembering a tenant go through
    // `tenants::last_used`/`remember`, which refuse it (their unit test); the CLI leaves it be.
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    fs::write(&victim, VICTIM).unwrap();
    symlink(&victim, root.join(".last-tenant")).unwrap();
    touch_everything_as(root, &["--tenant", "Contoso"], &id, ".last-tenant a link");
    assert_eq!(
        fs::read(&victim).unwrap(),
        VICTIM,
        ".last-tenant wrote through"
    );
}
