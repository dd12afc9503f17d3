//! Tenants (docs/storage.md, issue 28.1): `--tenant NAME` / `PORTWIZ_TENANT` work on
//! `DIR/tenants/NAME/`, a store of its own; a command with one tenant never reads or writes
//! another's; names that try to leave `tenants/` are refused.

use crate::support::{fixture, portwiz, run};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn in_tenant(dir: &Path, tenant: &str, args: &[&str]) -> crate::support::Run {
    portwiz(dir)
        .arg("--tenant")
        .arg(tenant)
        .args(args)
        .output()
        .expect("runs")
        .into()
}

fn new_in(dir: &Path, tenant: &str) -> String {
    let from = fixture("complete-order.json");
    let out = in_tenant(
        dir,
        tenant,
        &["new", "--from", from.to_str().expect("utf-8")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout.trim().to_string()
}

/// Every file under `dir` with its bytes and modification time.
pub fn files(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read_dir").flatten() {
            let path = entry.path();
            let meta = entry.metadata().expect("metadata");
            if meta.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read");
                out.insert(path, (bytes, meta.modified().expect("mtime")));
            }
        }
    }
    out
}

#[test]
fn a_command_with_one_tenant_never_reads_or_writes_another() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    let a = new_in(dir, "contoso");
    let b = new_in(dir, "fabrikam");
    assert!(
        dir.join("tenants/contoso/orders")
            .join(format!("{a}.json"))
            .is_file()
    );
    assert!(
        dir.join("tenants/fabrikam/orders")
            .join(format!("{b}.json"))
            .is_file()
    );
    assert!(!dir.join("orders").join(format!("{a}.json")).exists());
    let before = files(&dir.join("tenants/fabrikam"));
    let list = in_tenant(dir, "contoso", &["list"]);
    assert!(
        list.stdout.contains(&a) && !list.stdout.contains(&b),
        "{}",
        list.stdout
    );
    let show = in_tenant(dir, "contoso", &["show", &b]);
    assert_eq!(
        show.code, 2,
        "another tenant's order is not found: {}",
        show.stdout
    );
    let set = in_tenant(dir, "contoso", &["set", &a, "order_name", "Only A"]);
    assert_eq!(set.code, 0, "{}", set.stderr);
    let env = portwiz(dir)
        .env("PORTWIZ_TENANT", "contoso")
        .args(["stats"])
        .output()
        .expect("runs");
    assert!(env.status.success());
    assert_eq!(
        files(&dir.join("tenants/fabrikam")),
        before,
        "tenant B untouched"
    );
    // Without a tenant, the store is DIR itself: neither tenant's orders.
    let root = run(dir, &["list"]);
    assert!(
        !root.stdout.contains(&a) && !root.stdout.contains(&b),
        "{}",
        root.stdout
    );
}

#[test]
fn names_that_try_to_escape_are_refused_with_a_clear_message() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    for bad in [
        "../x",
        "a/b",
        "..",
        ".hidden",
        "a\\b",
        "x\u{1b}]52;c;aGk=\u{7}",
        "",
    ] {
        let out = in_tenant(dir, bad, &["list"]);
        assert_eq!(out.code, 2, "{bad:?}: {}", out.stderr);
        assert!(out.stderr.contains("tenant"), "{bad:?}: {}", out.stderr);
        assert!(!out.stderr.contains('\u{1b}'), "{:?}", out.stderr);
    }
    let env = portwiz(dir)
        .env("PORTWIZ_TENANT", "../../etc")
        .args(["list"])
        .output()
        .expect("runs");
    assert_eq!(env.status.code(), Some(2));
    assert!(
        !dir.join("tenants").exists()
            || std::fs::read_dir(dir.join("tenants")).expect("dir").count() == 0
    );
    assert!(!dir.parent().expect("parent").join("x").exists());
}

#[test]
fn a_mistyped_tenant_is_refused_and_names_the_tenants_there_are() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    new_in(dir, "contoso");
    let out = in_tenant(dir, "contsoo", &["list"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("contoso"), "{}", out.stderr);
    assert!(!dir.join("tenants/contsoo").exists());
}

#[test]
fn tenants_lists_each_with_its_counts_and_what_waits() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    let a = new_in(dir, "contoso");
    new_in(dir, "contoso");
    let b = new_in(dir, "fabrikam");
    assert_eq!(in_tenant(dir, "fabrikam", &["submit", &b]).code, 0);
    let out = run(dir, &["tenants"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let contoso = out
        .stdout
        .lines()
        .find(|l| l.starts_with("contoso"))
        .unwrap_or_default();
    assert!(
        contoso.contains(" 2 ") && contoso.contains("2 waiting on you"),
        "{}",
        out.stdout
    );
    let fabrikam = out
        .stdout
        .lines()
        .find(|l| l.starts_with("fabrikam"))
        .unwrap_or_default();
    assert!(fabrikam.contains("1 on the carrier"), "{}", out.stdout);
    let json = run(dir, &["tenants", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(doc["tenants"][0]["tenant"], "contoso");
    assert_eq!(doc["tenants"][0]["orders"], 2);
    assert_eq!(doc["tenants"][1]["waiting_on_carrier"], 1);
    let _ = a;
}

#[test]
fn the_board_lists_every_tenants_orders_and_leaves_every_store_byte_identical() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    let a = new_in(dir, "contoso");
    let b = new_in(dir, "fabrikam");
    assert_eq!(in_tenant(dir, "fabrikam", &["submit", &b]).code, 0);
    // A file changed by hand since the index saw it: the board reads the file, not the row.
    let path = dir.join("tenants/contoso/orders").join(format!("{a}.json"));
    let mut file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    file["fields"]["order_name"] = "Edited by hand".into();
    std::fs::write(&path, serde_json::to_vec(&file).expect("json")).expect("write");
    let before = files(&dir.join("tenants"));
    let out = run(dir, &["list", "--all-tenants"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line_a = out
        .stdout
        .lines()
        .find(|l| l.contains(&a))
        .unwrap_or_default();
    let line_b = out
        .stdout
        .lines()
        .find(|l| l.contains(&b))
        .unwrap_or_default();
    assert!(
        line_a.starts_with("contoso ") && line_a.contains("Edited by hand"),
        "{}",
        out.stdout
    );
    assert!(line_b.starts_with("fabrikam "), "{}", out.stdout);
    let only = run(
        dir,
        &["list", "--all-tenants", "--status", "submitted", "--json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&only.stdout).expect("json");
    assert_eq!(doc.as_array().map(Vec::len), Some(1), "{}", only.stdout);
    assert_eq!(doc[0]["tenant"], "fabrikam");
    assert_eq!(doc[0]["id"], b.as_str());
    assert_eq!(
        files(&dir.join("tenants")),
        before,
        "the board wrote in a tenant's store"
    );
    let both = in_tenant(dir, "contoso", &["list", "--all-tenants"]);
    assert_eq!(both.code, 2, "--tenant and --all-tenants: {}", both.stderr);
}
