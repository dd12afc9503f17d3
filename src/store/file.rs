//! One order file: its JSON shape, schema versions, and reading with precise error positions.

use super::{Loaded, StoreError};
use crate::domain::Order;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// Which file a row describes: a save or an edit by hand changes at least one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub mtime_ns: i64,
    pub inode: u64,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            len: meta.len(),
            mtime_ns,
            inode,
        }
    }
}

/// The schema this portwiz writes. Version 1 is the first that shipped.
pub const CURRENT_SCHEMA: u32 = 1;

/// The file's top level: the version, the revision, then the order's own fields.
#[derive(Serialize, Deserialize)]
pub struct OrderFile {
    pub schema_version: u32,
    #[serde(default)]
    pub revision: u64,
    #[serde(flatten)]
    pub order: Order,
}

#[derive(Deserialize)]
struct Header {
    schema_version: Option<u32>,
    #[serde(default)]
    revision: u64,
}

#[derive(Debug)]
pub enum ReadError {
    /// Not an order file we can read: to quarantine.
    Corrupt(String),
    /// Not readable by us (permissions, not a regular file, too large): reported, left in place.
    Unreadable(String),
    /// From a newer portwiz and not readable by us: left alone.
    Newer { version: u32, reason: String },
}

/// The file's bytes for an order at a revision. Never empty: a failure to encode is an error,
/// so no empty file can replace an order.
pub fn encode(order: &Order, revision: u64) -> Result<Vec<u8>, serde_json::Error> {
    let file = OrderFile {
        schema_version: CURRENT_SCHEMA,
        revision,
        order: order.clone(),
    };
    let mut bytes = serde_json::to_vec_pretty(&file)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// No order file is larger: 999 numbers and a long history fit in a small part of this.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The bytes of a regular file in the store, with the stamp of what was read: both come from
/// the same open handle, so a file replaced meanwhile is never described by the other's stamp.
/// FIFOs, devices and symbolic links are refused without being opened; so is a file over
/// `MAX_FILE_BYTES`.
pub fn read_bytes(path: &Path) -> Result<(Vec<u8>, Stamp), ReadError> {
    let unreadable = |e: std::io::Error| ReadError::Unreadable(format!("cannot read it: {e}"));
    let before = fs::symlink_metadata(path).map_err(unreadable)?;
    if !before.file_type().is_file() {
        return Err(ReadError::Unreadable(format!(
            "it is {}, not a regular file; portwiz reads only regular files",
            kind_of(&before.file_type())
        )));
    }
    let mut file = fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    let stamp = Stamp::of(&meta);
    // Swapped for something else between the look and the open.
    if !meta.is_file() || stamp.inode != Stamp::of(&before).inode {
        return Err(ReadError::Unreadable(
            "it was replaced while being read; it is read again at the next start".into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    (&mut file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok((bytes, stamp))
}

fn too_large() -> ReadError {
    ReadError::Unreadable(format!(
        "it is larger than {} MiB, far more than any order; it was not read",
        MAX_FILE_BYTES / (1024 * 1024)
    ))
}

/// What a file that is not a regular file is, in words.
pub fn kind_of(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_dir() {
        "a folder"
    } else {
        "something else"
    }
}

/// Read and parse one order file, with the stamp of the bytes read.
pub fn read(path: &Path) -> Result<(Loaded, Stamp), ReadError> {
    let (bytes, stamp) = read_bytes(path)?;
    parse(path, &bytes).map(|loaded| (loaded, stamp))
}

fn parse(path: &Path, bytes: &[u8]) -> Result<Loaded, ReadError> {
    // Notepad saves UTF-8 with a byte-order mark, and the README says to fix files in an editor.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let position = |e: &serde_json::Error| {
        // serde_json's words without its own "at line L column C": the position is said once.
        format!(
            "not valid JSON at line {}, column {}: {}",
            e.line(),
            e.column(),
            without_values(&crate::domain::document::json_problem(e)),
        )
    };
    let header: Header = serde_json::from_slice(bytes).map_err(|e| {
        ReadError::Corrupt(match merge_conflict_line(bytes) {
            Some(line) => merge_conflict_reason(path, line),
            None => position(&e),
        })
    })?;
    let version = header
        .schema_version
        .ok_or_else(|| ReadError::Corrupt("no schema_version".into()))?;
    let parsed: Result<OrderFile, _> = serde_json::from_slice(bytes);
    let file = match parsed {
        Ok(file) => file,
        Err(e) if version > CURRENT_SCHEMA => {
            return Err(ReadError::Newer {
                version,
                reason: position(&e),
            });
        }
        Err(e) => return Err(ReadError::Corrupt(position(&e))),
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if file.order.id != stem {
        return Err(ReadError::Corrupt(
            "its id does not match its file name".to_string(),
        ));
    }
    let mut order = file.order;
    order.revision = crate::domain::order::Revision(header.revision);
    Ok(Loaded {
        order,
        revision: header.revision,
        newer_schema: (version > CURRENT_SCHEMA).then_some(version),
    })
}

/// The first line (1-based) that is a git merge conflict marker (`<<<<<<<`, `=======`,
/// `>>>>>>>` at the start of a line), when the file has the three of them: a merge of two
/// versions of the file that git could not settle.
pub fn merge_conflict_line(bytes: &[u8]) -> Option<usize> {
    let text = String::from_utf8_lossy(bytes);
    let is = |l: &str, m: &str| l.starts_with(m);
    let mut first = None;
    let (mut ours, mut middle, mut theirs) = (false, false, false);
    for (i, l) in text.lines().enumerate() {
        let marker = if is(l, "<<<<<<<") {
            ours = true;
            true
        } else if l.trim_end() == "=======" {
            middle = true;
            true
        } else if is(l, ">>>>>>>") {
            theirs = true;
            true
        } else {
            false
        };
        if marker && first.is_none() {
            first = Some(i + 1);
        }
    }
    (ours && middle && theirs).then_some(first).flatten()
}

/// Why a file with merge conflict markers was set aside, and how to settle it.
fn merge_conflict_reason(path: &Path, line: usize) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(
        "it holds git merge conflict markers (<<<<<<<, =======, >>>>>>>) from line {line}: two versions of it were merged and neither was chosen. Pick one with git (`git checkout --ours orders/{name}` or `--theirs`), or edit the copy in quarantine and put it back in orders/; every other order works meanwhile"
    )
}

/// A parse error without the value it found: "invalid type: integer `1234`, expected a string"
/// would echo a PIN written as a number into a notice. The kind of value and the expectation stay.
pub fn without_values(message: &str) -> String {
    let mut out = message.to_string();
    for lead in ["invalid type: ", "invalid value: ", "invalid length "] {
        let Some(start) = out.find(lead).map(|i| i + lead.len()) else {
            continue;
        };
        let end = out[start..]
            .find(", expected")
            .map_or(out.len(), |i| start + i);
        let kind_end = out[start..end]
            .find(['`', '"', '\''])
            .map_or(end, |i| start + i);
        let kind = out[start..kind_end].trim_end().to_string();
        out.replace_range(start..end, &kind);
    }
    out
}

/// The revision of the file on disk now; 0 when there is none (or it cannot be read, which the
/// next open will report).
pub fn revision_on_disk(path: &Path) -> u64 {
    read_bytes(path)
        .ok()
        .and_then(|(bytes, _)| {
            let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
            serde_json::from_slice::<Header>(bytes).ok()
        })
        .map_or(0, |h| h.revision)
}

/// Ids become file names, so only a safe alphabet is allowed.
pub fn check_id(id: &str) -> Result<(), StoreError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !id.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(StoreError::BadId(id.to_string()))
    }
}

/// `PO-` and eight characters from a clock-and-process-seeded hash: short enough to type.
pub fn generate_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.write_u32(std::process::id());
    let mut bits = hasher.finish();
    let mut id = String::from("PO-");
    for _ in 0..8 {
        id.push(ALPHABET[(bits % 32) as usize] as char);
        bits /= 32;
    }
    id
}
