//! Issue 16 from the outside: hostile files, fields documents, CSVs, carrier texts, file names and
//! stores with FIFOs, devices and links, through every subcommand of the real binary. Each case
//! must end within a time bound (printed with what it took), and nothing it prints on stdout or
//! stderr may hold a C0 control but newline and tab, a C1 control, DEL or a bidi control.

use crate::support::{TODAY, fixture, new_order, run};
use std::ffi::OsString;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every kind of text that can take over a terminal, in one value: clear screen, OSC 52 clipboard
/// write, 8-bit CSI and OSC, bidi override and isolate, zero-width space, BOM, CR, BS, DEL, BEL.
pub const PAYLOAD: &str = "\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{9d}0;title\u{9c}\u{202e}\u{2066}\u{200b}\u{feff}\r\u{8}\u{7f}x";

/// What one case may take: a debug build on two cores shared with other builds. Cases take
/// milliseconds when nothing is wrong; a hang or an unbounded read takes far longer.
pub const BOUND: Duration = Duration::from_secs(15);

pub struct Outcome {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub took: Duration,
}

/// Where a case's stdin comes from.
pub enum Input<'a> {
    Null,
    File(&'a Path),
}

/// Run the binary on `dir` with `args`; kill it and fail if it outlives [`BOUND`]. stdout and
/// stderr go to files, so a large output cannot stall the child on a full pipe.
pub fn run_bounded(dir: &Path, name: &str, args: &[OsString], input: Input) -> Outcome {
    let out_dir = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (out_dir.path().join("out"), out_dir.path().join("err"));
    let mut cmd = Command::new(binary());
    cmd.env("PORTWIZ_DATA_DIR", dir)
        .env("PORTWIZ_TODAY", TODAY)
        .args(args)
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(&err_path).unwrap());
    cmd.stdin(match input {
        Input::Null => Stdio::null(),
        Input::File(path) => Stdio::from(File::open(path).unwrap()),
    });
    let started = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > BOUND {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = started.elapsed();
    println!(
        "hostile case {name}: {} ms (bound {} s)",
        took.as_millis(),
        BOUND.as_secs()
    );
    let outcome = Outcome {
        code: status.and_then(|s| s.code()),
        stdout: fs::read(&out_path).unwrap(),
        stderr: String::from_utf8_lossy(&fs::read(&err_path).unwrap()).into_owned(),
        took,
    };
    assert!(
        status.is_some(),
        "{name}: still running after {BOUND:?}, killed"
    );
    outcome
}

/// The binary under test; `PORTWIZ_TEST_BIN` points these cases at another build (an older one,
/// to see them fail).
pub fn binary() -> PathBuf {
    std::env::var_os("PORTWIZ_TEST_BIN")
        .map_or_else(|| env!("CARGO_BIN_EXE_portwiz").into(), PathBuf::from)
}

/// The first character in `bytes` that must not reach a terminal, if any. `\r` is allowed only
/// right before `\n` when `crlf` (the CSV export's line ends). Bytes that are not UTF-8 count as
/// unsafe: a terminal may read a lone 0x9B as CSI.
pub fn first_unsafe(bytes: &[u8], crlf: bool) -> Option<String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Some("bytes that are not UTF-8".into());
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let bad = match c {
            '\n' | '\t' => false,
            '\r' => !(crlf && chars.peek() == Some(&'\n')),
            c if (c as u32) < 0x20 => true,
            '\u{7f}'..='\u{9f}' => true,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => true,
            '\u{061c}' => true,
            _ => false,
        };
        if bad {
            let at = text.find(c).unwrap_or(0);
            let mut start = at.saturating_sub(40);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let context: String = text[start..].chars().take(60).collect();
            return Some(format!("U+{:04X} in {context:?}", c as u32));
        }
    }
    None
}

/// A case: its name, its arguments, and whether `\r\n` may appear on stdout.
pub fn check(dir: &Path, name: &str, args: &[OsString], input: Input, crlf: bool) -> Outcome {
    let outcome = run_bounded(dir, name, args, input);
    if let Some(problem) = leak(name, &outcome, crlf) {
        panic!("{problem}");
    }
    outcome
}

/// What of `outcome` must not reach a terminal, if anything.
pub fn leak(name: &str, outcome: &Outcome, crlf: bool) -> Option<String> {
    if let Some(bad) = first_unsafe(&outcome.stdout, crlf) {
        return Some(format!("{name}: stdout has {bad}"));
    }
    let bad = first_unsafe(outcome.stderr.as_bytes(), false)?;
    Some(format!("{name}: stderr has {bad}"))
}

pub fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

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

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
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
#[ignore = "the store side of issue 16 point 2 (regular files only in orders/) is the index helper's; \
            run with --ignored once it is merged"]
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
