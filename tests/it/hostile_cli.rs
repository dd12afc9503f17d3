//! Issue 16 from the outside: hostile files, fields documents, CSVs, carrier texts, file names and
//! stores with FIFOs, devices and links, through every subcommand of the real binary. Each case
//! must end within a time bound (printed with what it took), and nothing it prints on stdout or
//! stderr may hold a C0 control but newline and tab, a C1 control, DEL or a bidi control.

use crate::support::hostile::{BOUND, Input, PAYLOAD, check, leak, mkfifo, os, run_bounded};
use crate::support::{fixture, new_order, run};
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

fn hostile(value: &str) -> String {
    format!("{value}{PAYLOAD}")
}

/// The fixture order with the payload in every value, numbers and e-mails included.
fn hostile_document() -> serde_json::Value {
    let text = fs::read_to_string(fixture("complete-order.json")).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    for (_, value) in doc.as_object_mut().unwrap().iter_mut() {
        match value {
            serde_json::Value::String(s) => *s = hostile(s),
            serde_json::Value::Array(items) => items.push(PAYLOAD.into()),
            _ => {}
        }
    }
    doc
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> PathBuf {
    fs::write(path, bytes).unwrap();
    path.to_path_buf()
}

fn arg(path: &Path) -> String {
    path.to_str().unwrap().to_string()
}

#[test]
fn hostile_values_never_reach_a_terminal_through_any_subcommand() {
    let store = tempfile::tempdir().unwrap();
    let dir = store.path();
    let files = tempfile::tempdir().unwrap();
    let good = new_order(dir, "complete-order.json");
    let doc_path = write(
        &files.path().join("hostile.json"),
        hostile_document().to_string(),
    );
    let mut leaks = Vec::new();
    let name = "new --from (every value hostile)";
    let created = run_bounded(
        dir,
        name,
        &os(&["new", "--from", &arg(&doc_path)]),
        Input::Null,
    );
    leaks.extend(leak(name, &created, false));
    assert_eq!(created.code, Some(0), "{}", created.stderr);
    let bad = String::from_utf8(created.stdout)
        .unwrap()
        .trim()
        .to_string();

    // A rejection whose carrier text and advice are hostile, imported back.
    run(dir, &["submit", &good]);
    run(dir, &["reject", &good, "--text", "PIN invalid"]);
    let exported = run(dir, &["export", &good]);
    let mut export: serde_json::Value = serde_json::from_str(&exported.stdout).unwrap();
    export["rejections"][0]["action"] = hostile("Call them").into();
    export["rejections"][0]["text"] = hostile("PIN invalid").into();
    export["history"][0]["note"] = hostile("note").into();
    let import_path = write(&files.path().join("export.json"), export.to_string());
    let name = "import (hostile rejection)";
    let imported = run_bounded(dir, name, &os(&["import", &arg(&import_path)]), Input::Null);
    leaks.extend(leak(name, &imported, false));
    assert_eq!(imported.code, Some(0), "{}", imported.stderr);
    let rejected = String::from_utf8(imported.stdout)
        .unwrap()
        .trim()
        .to_string();

    let unknown_key = write(
        &files.path().join("key.json"),
        serde_json::json!({ hostile("organization"): "x" }).to_string(),
    );
    let broken = write(
        &files.path().join("broken.json"),
        format!("{{\"pin\": 1234, \"{PAYLOAD}\": "),
    );
    let wrong_type = write(
        &files.path().join("type.json"),
        serde_json::json!({ "numbers": hostile("+1425") , "status": PAYLOAD }).to_string(),
    );
    let named = files.path().join(format!("doc{PAYLOAD}.json"));
    write(&named, "{\"numbers\": 5}");
    let missing = files.path().join(format!("gone{PAYLOAD}.json"));
    let csv = write(
        &files.path().join("numbers.csv"),
        format!("PhoneNumber{PAYLOAD}\n+14255550100\n{PAYLOAD}\n+1425\u{1b}[2J555\n"),
    );
    let csv_header = write(
        &files.path().join("header.csv"),
        format!("Name{PAYLOAD},Other\nx,y\n"),
    );
    let csv_named = files.path().join(format!("n{PAYLOAD}.csv"));
    write(&csv_named, format!("PhoneNumber\n{PAYLOAD}\n"));
    let carrier_text = write(
        &files.path().join("carrier.txt"),
        hostile("Rejected: PIN mismatch "),
    );
    let catalog = dir.join("rejections.json");
    // `$P` is the payload, `$X` a word with the payload after it; `$GOOD` a clean order, `$BAD` the
    // hostile one, `$REJ` the imported rejected one; `@$…` the files above.
    let cases: &[(&str, &[&str])] = &[
        ("list", &["list"]),
        ("list --json", &["list", "--json"]),
        ("list --status", &["list", "--status", "$P"]),
        ("show", &["show", "$BAD"]),
        ("show --json", &["show", "$BAD", "--json"]),
        ("show (imported rejection)", &["show", "$REJ"]),
        (
            "show --json (imported rejection)",
            &["show", "$REJ", "--json"],
        ),
        ("show (hostile id)", &["show", "$X"]),
        ("export json", &["export", "$BAD", "--include-secrets"]),
        (
            "export text",
            &["export", "$BAD", "--format", "text", "--include-secrets"],
        ),
        ("export csv", &["export", "$BAD", "--format", "csv"]),
        ("export loa", &["export", "$BAD", "--format", "loa"]),
        (
            "export text (imported rejection)",
            &["export", "$REJ", "--format", "text"],
        ),
        ("export -o hostile name", &["export", "$BAD", "-o", "$OUT"]),
        ("submit", &["submit", "$BAD"]),
        ("set date", &["set", "$GOOD", "port_date", "$P"]),
        ("set time", &["set", "$GOOD", "port_time", "$P"]),
        ("set e-mail", &["set", "$GOOD", "requester.email", "$X"]),
        (
            "set e-mails",
            &["set", "$GOOD", "notification_emails", "$X"],
        ),
        (
            "set number",
            &["set", "$GOOD", "billing_telephone_number", "$P"],
        ),
        ("set key", &["set", "$GOOD", "$P", "x"]),
        ("set id", &["set", "$P", "order_name", "x"]),
        ("set name", &["set", "$GOOD", "order_name", "$P"]),
        (
            "set numbers @csv rows",
            &["set", "$GOOD", "numbers", "@$CSV"],
        ),
        (
            "set numbers @csv header",
            &["set", "$GOOD", "numbers", "@$HEADER"],
        ),
        (
            "set numbers @csv named",
            &["set", "$GOOD", "numbers", "@$NAMEDCSV"],
        ),
        (
            "set numbers @missing",
            &["set", "$GOOD", "numbers", "@$MISSING"],
        ),
        ("new --from unknown key", &["new", "--from", "$KEY"]),
        ("new --from broken", &["new", "--from", "$BROKEN"]),
        ("new --from wrong types", &["new", "--from", "$TYPES"]),
        ("import wrong types", &["import", "$TYPES"]),
        ("new --from hostile name", &["new", "--from", "$NAMED"]),
        ("new --from missing", &["new", "--from", "$MISSING"]),
        ("foc date", &["foc", "$GOOD", "$P"]),
        ("foc time", &["foc", "$GOOD", "2026-12-08", "$P"]),
        (
            "support scenario",
            &["support", "$GOOD", "--scenario", "$P"],
        ),
        ("ticket", &["ticket", "$GOOD", "$P"]),
        (
            "reject --fields",
            &["reject", "$BAD", "--text", "x", "--fields", "$P"],
        ),
        ("classify", &["classify", "$X"]),
        ("classify --json", &["classify", "--json", "$X"]),
        ("resubmit", &["resubmit", "$REJ"]),
        ("reject", &["reject", "$REJ", "--text", "$X"]),
        ("show (after reject)", &["show", "$REJ"]),
        ("complete", &["complete", "$X"]),
        ("cancel", &["cancel", "$BAD"]),
        ("unknown option", &["list", "--$P"]),
    ];
    let tokens = [
        ("$P", PAYLOAD.to_string()),
        ("$X", hostile("PIN mismatch")),
        ("$GOOD", good.clone()),
        ("$BAD", bad.clone()),
        ("$REJ", rejected.clone()),
        ("$OUT", arg(&files.path().join(format!("out{PAYLOAD}/x")))),
        ("$CSV", arg(&csv)),
        ("$HEADER", arg(&csv_header)),
        ("$NAMEDCSV", arg(&csv_named)),
        ("$MISSING", arg(&missing)),
        ("$KEY", arg(&unknown_key)),
        ("$BROKEN", arg(&broken)),
        ("$TYPES", arg(&wrong_type)),
        ("$NAMED", arg(&named)),
    ];
    for (name, args) in cases {
        let args: Vec<OsString> = args
            .iter()
            .map(|a| {
                let token = tokens.iter().find(|(t, _)| a.ends_with(t));
                token
                    .map_or_else(|| a.to_string(), |(t, v)| a.replace(t, v))
                    .into()
            })
            .collect();
        let outcome = run_bounded(dir, name, &args, Input::Null);
        leaks.extend(leak(name, &outcome, *name == "export csv"));
    }
    assert!(
        leaks.is_empty(),
        "{} cases leak:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
    let stdin = Input::File(&carrier_text);
    check(dir, "classify stdin", &os(&["classify", "-"]), stdin, false);

    // The user's catalog, broken with hostile text in it.
    write(
        &catalog,
        format!("{{\"rules\": [{{\"id\": \"{PAYLOAD}\", \"x\": \"{PAYLOAD}\""),
    );
    check(
        dir,
        "classify (broken catalog)",
        &os(&["classify", "PIN mismatch"]),
        Input::Null,
        false,
    );
    write(
        &catalog,
        serde_json::json!({ "rules": PAYLOAD }).to_string(),
    );
    check(
        dir,
        "classify (catalog of the wrong shape)",
        &os(&["classify", "PIN mismatch"]),
        Input::Null,
        false,
    );
}

#[test]
fn order_files_with_hostile_names_and_contents_are_reported_cleanly() {
    let store = tempfile::tempdir().unwrap();
    let dir = store.path();
    let id = new_order(dir, "complete-order.json");
    let orders = dir.join("orders");
    let text = fs::read_to_string(orders.join(format!("{id}.json"))).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    // An id taken from a hostile file name, with hostile values inside.
    file["fields"]["current_carrier"] = hostile("Contoso").into();
    write(&orders.join(format!("PO-{PAYLOAD}.json")), file.to_string());
    // serde's messages echo the unknown value; the notice names the file.
    let mut unknown = file.clone();
    unknown["status"] = PAYLOAD.into();
    write(
        &orders.join(format!("PO-Q{PAYLOAD}.json")),
        unknown.to_string(),
    );
    write(
        &orders.join("PO-BROKEN.json"),
        format!("{{\"schema_version\": 1, \"{PAYLOAD}"),
    );
    let mut pin_number = file.clone();
    pin_number["fields"]["pin"] = 918273.into();
    write(&orders.join("PO-PINNUMBER.json"), pin_number.to_string());
    for (name, args) in [
        ("list (hostile store)", os(&["list"])),
        ("list --json (hostile store)", os(&["list", "--json"])),
        ("show (hostile store)", os(&["show", &id])),
        ("list again", os(&["list"])),
    ] {
        check(dir, name, &args, Input::Null, false);
    }
}

#[test]
fn a_store_with_fifos_devices_and_links_never_hangs() {
    let store = tempfile::tempdir().unwrap();
    let dir = store.path();
    let id = new_order(dir, "complete-order.json");
    let orders = dir.join("orders");
    mkfifo(&orders.join("PO-FIFO.json"));
    std::os::unix::fs::symlink("/dev/zero", orders.join("PO-ZERO.json")).unwrap();
    std::os::unix::fs::symlink("/nowhere", orders.join("PO-DANGLING.json")).unwrap();
    mkfifo(&dir.join("rejections.json"));
    for (name, args) in [
        ("list (FIFO, /dev/zero, dangling link)", os(&["list"])),
        ("show", os(&["show", &id])),
        (
            "classify (catalog is a FIFO)",
            os(&["classify", "PIN mismatch"]),
        ),
    ] {
        let outcome = check(dir, name, &args, Input::Null, false);
        assert!(outcome.took < BOUND);
    }
}

#[test]
fn json_output_escapes_what_it_keeps_and_exports_drop_invisible_characters() {
    let store = tempfile::tempdir().unwrap();
    let dir = store.path();
    let files = tempfile::tempdir().unwrap();
    let name = hostile("Fabrikam");
    let doc = serde_json::json!({ "organization_name": name, "numbers": ["+1425\u{200b}5550100\u{feff}"] });
    let path = write(&files.path().join("doc.json"), doc.to_string());
    let created = run(dir, &["new", "--from", &arg(&path)]);
    assert_eq!(created.code, 0, "{}", created.stderr);
    let id = created.stdout.trim();
    // The edit operation stores no control: the value comes in cleaned.
    let order_path = dir.join("orders").join(format!("{id}.json"));
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&order_path).unwrap()).unwrap();
    let cleaned = portwiz::domain::sanitize::value_text(&name);
    assert_eq!(
        file["fields"]["organization_name"].as_str(),
        Some(cleaned.trim()),
        "{file:#}"
    );
    assert!(!cleaned.chars().any(char::is_control), "{cleaned:?}");
    // A file that holds controls anyway (an older portwiz, a hand edit): `show --json` keeps the
    // value as stored, every control written as an escape.
    file["fields"]["organization_name"] = serde_json::Value::String(name.clone());
    std::fs::write(&order_path, file.to_string()).unwrap();
    let shown = check(
        dir,
        "show --json",
        &os(&["show", id, "--json"]),
        Input::Null,
        false,
    );
    let text = String::from_utf8(shown.stdout).unwrap();
    for escape in ["\\u001b", "\\u009b", "\\u202e", "\\u200b", "\\ufeff"] {
        assert!(text.contains(escape), "{escape} in {text}");
    }
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let stored = value["organization_name"].as_str().unwrap();
    assert!(
        stored.contains('\u{9b}') && stored.contains('\u{202e}'),
        "{stored:?}"
    );
    // Exports carry no zero-width character or byte-order mark inside a value.
    for format in ["json", "text", "csv", "loa"] {
        let name = format!("export {format}");
        let args = os(&["export", id, "--format", format]);
        let out = check(dir, &name, &args, Input::Null, format == "csv");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains(['\u{200b}', '\u{feff}']), "{name}: {text:?}");
        assert!(text.contains("5550100"), "{name}: {text}");
    }
}
