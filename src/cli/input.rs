//! What a command reads from outside (a fields document, a CSV of numbers, a carrier's text, the
//! user's rejection catalog): only a regular file or standard input, and never more than a cap,
//! so a FIFO, `/dev/zero` or a runaway file ends at once with a reason instead of hanging or
//! eating memory. The README's "Your data" states these limits.

use super::Failure;
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

/// A fields document for `new --from` or `import`: an order of 999 numbers with its history is
/// far below this, and a document of 100,000 numbers (1.6 MB) still parses in milliseconds, so
/// the edit operation can name the real problem (more than Teams' 999 numbers an order).
pub const DOCUMENT_MAX_BYTES: u64 = 4 * 1024 * 1024;
/// A CSV of numbers for `set ID numbers @FILE.csv`.
pub const CSV_MAX_BYTES: u64 = 1024 * 1024;
/// Lines of that CSV: twice the 10,000 numbers an order (a Service Center case) keeps, so the
/// refusal of a far larger file comes before parsing.
pub const CSV_MAX_LINES: usize = 20_000;
/// A carrier's rejection text (`reject --text`, `classify`): a long e-mail is a few kilobytes.
pub const CARRIER_TEXT_MAX_BYTES: u64 = 64 * 1024;
/// The user's `rejections.json` in the data folder.
pub const CATALOG_MAX_BYTES: u64 = 1024 * 1024;

/// What is read, for the messages: "fields document", "CSV file"…
pub struct Limit {
    pub what: &'static str,
    pub max_bytes: u64,
}

pub const DOCUMENT: Limit = Limit {
    what: "fields document",
    max_bytes: DOCUMENT_MAX_BYTES,
};
pub const CSV: Limit = Limit {
    what: "CSV file",
    max_bytes: CSV_MAX_BYTES,
};
pub const CARRIER_TEXT: Limit = Limit {
    what: "carrier text",
    max_bytes: CARRIER_TEXT_MAX_BYTES,
};
/// A company's sheet for `split`: 50,000 rows with a few columns are about 5 MB.
pub const SHEET: Limit = Limit {
    what: "sheet",
    max_bytes: 16 * 1024 * 1024,
};
pub const CATALOG: Limit = Limit {
    what: "rejection catalog",
    max_bytes: CATALOG_MAX_BYTES,
};

/// `path` as bytes, `-` being standard input.
pub fn read_bytes(path: &Path, limit: &Limit) -> Result<Vec<u8>, Failure> {
    if path.as_os_str() == "-" {
        return read_stdin(limit);
    }
    let file = open_regular(path)?;
    read_capped(file, limit, &path.display().to_string())
}

/// `path` as text (UTF-8), `-` being standard input.
pub fn read_text(path: &Path, limit: &Limit) -> Result<String, Failure> {
    let bytes = read_bytes(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        Failure::Input(format!(
            "{} is not UTF-8 text: {e}",
            shown_name(path, limit)
        ))
    })
}

/// Standard input as bytes, up to the cap.
pub fn read_stdin(limit: &Limit) -> Result<Vec<u8>, Failure> {
    read_capped(std::io::stdin().lock(), limit, "standard input")
}

/// Text given on the command line, held to the same cap as the same text in a file.
pub fn check_argument(text: &str, limit: &Limit) -> Result<(), Failure> {
    if text.len() as u64 > limit.max_bytes {
        return Err(too_large("the argument", limit));
    }
    Ok(())
}

fn shown_name(path: &Path, limit: &Limit) -> String {
    if path.as_os_str() == "-" {
        format!("the {} on standard input", limit.what)
    } else {
        path.display().to_string()
    }
}

/// Open `path` for reading only if it is a regular file (a link to one is fine: the user named
/// it). Checked before opening, so opening a FIFO cannot block, and again on the open handle, in
/// case the name was swapped in between; where the flag is known the open does not wait either.
fn open_regular(path: &Path) -> Result<File, Failure> {
    let cannot = |e: std::io::Error| Failure::Input(format!("cannot read {}: {e}", path.display()));
    let not_regular = || {
        Failure::Input(format!(
            "{} is not a regular file (a folder, a device or a pipe); give a file",
            path.display()
        ))
    };
    if !std::fs::metadata(path).map_err(cannot)?.is_file() {
        return Err(not_regular());
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    if let Some(flag) = O_NONBLOCK {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(flag);
    }
    let file = options.open(path).map_err(cannot)?;
    if !file.metadata().map_err(cannot)?.is_file() {
        return Err(not_regular());
    }
    Ok(file)
}

/// `O_NONBLOCK` where its value is the same on every target of the family (no `libc` here).
#[cfg(unix)]
const O_NONBLOCK: Option<i32> = if cfg!(any(
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly"
)) {
    Some(0x4)
} else if cfg!(all(
    any(target_os = "linux", target_os = "android"),
    any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv64",
        target_arch = "powerpc64",
        target_arch = "s390x",
        target_arch = "loongarch64"
    )
)) {
    Some(0o4000)
} else {
    None
};

/// At most `max_bytes` of `source`; one byte more is the sign it is too large.
fn read_capped(source: impl Read, limit: &Limit, name: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    source
        .take(limit.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
    if bytes.len() as u64 > limit.max_bytes {
        return Err(too_large(name, limit));
    }
    Ok(bytes)
}

fn too_large(name: &str, limit: &Limit) -> Failure {
    Failure::Input(format!(
        "{name} is larger than {} KiB, the limit for a {}; nothing was read",
        limit.max_bytes / 1024,
        limit.what
    ))
}

/// A CSV of more lines than [`CSV_MAX_LINES`], refused before any row is parsed.
pub fn check_csv_lines(bytes: &[u8], name: &str) -> Result<(), Failure> {
    let lines = bytes.iter().filter(|b| **b == b'\n').count();
    if lines > CSV_MAX_LINES {
        return Err(Failure::Input(format!(
            "{name} has more than {CSV_MAX_LINES} lines; an order takes at most 10,000 numbers \
             (a Service Center case; portwiz split FILE.csv makes several orders of a larger \
             sheet), so nothing was read"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: Limit = Limit {
        what: "test",
        max_bytes: 4,
    };

    #[test]
    fn a_source_over_the_cap_is_refused_after_reading_one_byte_more() {
        assert_eq!(
            read_capped(&b"abcd"[..], &TINY, "x").ok(),
            Some(b"abcd".to_vec())
        );
        let endless = std::io::repeat(0);
        let refused = read_capped(endless, &TINY, "x").unwrap_err();
        assert!(refused.lines()[0].contains("larger than"), "{:?}", refused);
    }

    #[test]
    fn a_folder_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let refused = read_bytes(dir.path(), &DOCUMENT).unwrap_err();
        assert!(refused.lines()[0].contains("not a regular file"));
    }

    #[test]
    fn too_many_csv_lines_are_refused_before_parsing() {
        let many = "+14255550100\n".repeat(CSV_MAX_LINES + 1);
        assert!(check_csv_lines(many.as_bytes(), "n.csv").is_err());
        assert!(check_csv_lines(&many.as_bytes()[13..], "n.csv").is_ok());
    }
}
