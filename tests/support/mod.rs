//! Helpers shared by the integration tests: run the real binary on a temp store.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The day every test runs on: a Thursday (Thanksgiving 2026).
pub const TODAY: &str = "2026-11-26";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A command for the real `portwiz` binary on the store at `dir`, with the clock pinned.
pub fn portwiz(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_portwiz"));
    cmd.env("PORTWIZ_DATA_DIR", dir)
        .env("PORTWIZ_TODAY", TODAY)
        .env_remove("NO_COLOR");
    cmd.stdin(Stdio::null());
    cmd
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

pub fn run(dir: &Path, args: &[&str]) -> Run {
    portwiz(dir)
        .args(args)
        .output()
        .expect("the portwiz binary runs")
        .into()
}

/// Create an order from a fixture and return its id.
pub fn new_order(dir: &Path, fixture_name: &str) -> String {
    let path = fixture(fixture_name);
    let out = run(dir, &["new", "--from", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.code, 0, "new failed: {}", out.stderr);
    out.stdout.trim().to_string()
}

/// The order file of `id`, parsed.
pub fn order_file(dir: &Path, id: &str) -> serde_json::Value {
    let text =
        std::fs::read_to_string(dir.join("orders").join(format!("{id}.json"))).expect("order file");
    serde_json::from_str(&text).expect("order file is JSON")
}
