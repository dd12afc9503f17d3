//! The PIN after a full flow through the real binary: only in the order file's `fields.pin` (once)
//! and in exports that ask for it; never in output, history, the index, `{:?}` or a panic message.

use crate::support::{fixture, run};
use std::fs;
use std::path::{Path, PathBuf};

const PIN: &str = "7351902468";

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// Run a command that must succeed; its stdout and stderr together.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    format!("{}{}", out.stdout, out.stderr)
}

#[test]
fn the_pin_appears_only_in_the_order_file_and_when_asked_for() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let mut doc: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture("complete-order.json")).unwrap()).unwrap();
    doc["pin"] = PIN.into();
    let from = work.path().join("order.json");
    fs::write(&from, doc.to_string()).unwrap();

    let id = ok(&data, &["new", "--from", from.to_str().unwrap()])
        .trim()
        .to_string();
    let mut printed = vec![
        ok(&data, &["set", &id, "order_name", "Redmond HQ"]),
        ok(&data, &["submit", &id]),
        ok(
            &data,
            &[
                "reject",
                &id,
                "--text",
                "The provided PIN is missing or incorrect.",
            ],
        ),
        ok(&data, &["set", &id, "pin", "24680"]),
        ok(&data, &["set", &id, "pin", PIN]),
        ok(&data, &["resubmit", &id]),
        ok(&data, &["show", &id]),
        ok(&data, &["show", &id, "--json"]),
        ok(&data, &["list"]),
        ok(&data, &["list", "--json"]),
    ];
    for format in ["json", "text", "csv", "loa"] {
        let out = run(&data, &["export", &id, "--format", format]);
        match out.code {
            0 => printed.push(format!("{}{}", out.stdout, out.stderr)),
            _ => println!("skipped export --format {format}: {}", out.stderr.trim()),
        }
    }
    for (i, text) in printed.iter().enumerate() {
        assert!(!text.contains(PIN), "output {i} shows the PIN:\n{text}");
    }
    let with = ok(
        &data,
        &["export", &id, "--format", "json", "--include-secrets"],
    );
    assert!(with.contains(PIN), "--include-secrets exports the PIN");

    let order_path = data.join(format!("orders/{id}.json"));
    for path in files_under(&data) {
        let text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
        let count = text.matches(PIN).count();
        if path == order_path {
            let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(file["fields"]["pin"], PIN);
            let history = file["history"].to_string();
            assert!(
                history.contains("\"pin\""),
                "the PIN changes are in history, masked"
            );
            // Snapshots (fields as last submitted, as the LOA signed) never hold the PIN.
            assert_eq!(file["submitted_fields"]["pin"], "");
            file["fields"]["pin"] = "".into();
            assert!(
                !file.to_string().contains(PIN),
                "history, rejections: no PIN"
            );
            assert_eq!(count, 1, "the PIN is stored once, in fields.pin");
        } else {
            assert_eq!(count, 0, "{} holds the PIN", path.display());
        }
    }

    // In memory: Debug of the order and its parts, and a panic that formats the order.
    let (store, _) = portwiz::store::Store::open(&data).unwrap();
    let order = store.get(&id).unwrap().order.clone();
    assert_eq!(order.fields.pin.expose(), PIN);
    for debug in [
        format!("{order:?}"),
        format!("{order:#?}"),
        format!("{:?}", order.fields),
        format!("{:?}", order.rejections),
        format!("{:?}", store.get(&id).unwrap()),
    ] {
        assert!(!debug.contains(PIN), "{debug}");
    }
    let panicked = std::panic::catch_unwind(|| panic!("cannot save {order:?}")).unwrap_err();
    let message = panicked.downcast_ref::<String>().unwrap();
    assert!(message.contains(&id) && !message.contains(PIN), "{message}");
}

#[cfg(unix)]
#[test]
fn everything_the_store_writes_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let id = crate::support::new_order(&data, "complete-order.json");
    // Another start writes the index; a broken file fills quarantine/.
    fs::write(data.join("orders/PO-BROKEN.json"), "{").unwrap();
    ok(&data, &["list"]);
    let mode = |p: PathBuf| fs::metadata(&p).unwrap().permissions().mode() & 0o777;
    for folder in ["", "orders", "quarantine"] {
        assert_eq!(mode(data.join(folder)), 0o700, "{folder}/");
    }
    for file in [
        format!("orders/{id}.json"),
        "index.sqlite".into(),
        ".lock".into(),
    ] {
        assert_eq!(mode(data.join(&file)), 0o600, "{file}");
    }
}

#[cfg(unix)]
#[test]
fn order_files_others_can_read_are_named_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let id = crate::support::new_order(dir.path(), "complete-order.json");
    let path = dir.path().join(format!("orders/{id}.json"));
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let out = run(dir.path(), &["list"]);
    assert_eq!(out.code, 0);
    let warning = format!("run: chmod 600 '{}'", path.display());
    assert!(out.stderr.contains(&warning), "{}", out.stderr);
    // Fixed: no warning.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    assert!(!run(dir.path(), &["list"]).stderr.contains("chmod"));

    // Many at once: one line for the folder, not one per file.
    for _ in 0..4 {
        let other = crate::support::new_order(dir.path(), "complete-order.json");
        let p = dir.path().join(format!("orders/{other}.json"));
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
    }
    let (_, notices) = portwiz::store::Store::open(dir.path()).unwrap();
    let warnings: Vec<String> = notices.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("4 order files") && warnings[0].contains("-type f -name '*.json'"),
        "{warnings:?}"
    );
}
