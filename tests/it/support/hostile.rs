//! Running the real binary on hostile input: a time bound on each run, and the check that nothing
//! it prints could act on a terminal (issue 16).

use super::TODAY;
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
    // In a folder of its own: a random `export -o NAME` must not land in the source tree.
    cmd.current_dir(out_dir.path())
        .env("PORTWIZ_DATA_DIR", dir)
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

pub fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}
