//! One order file: its JSON shape, schema versions, and reading with precise error positions.

use super::{Loaded, StoreError};
use crate::domain::Order;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::Path;

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

pub enum ReadError {
    /// Not an order file we can read: to quarantine.
    Corrupt(String),
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

pub fn read(path: &Path) -> Result<Loaded, ReadError> {
    let bytes = fs::read(path).map_err(|e| ReadError::Corrupt(format!("cannot read: {e}")))?;
    let position =
        |e: &serde_json::Error| format!("{e} (line {}, column {})", e.line(), e.column());
    let header: Header =
        serde_json::from_slice(&bytes).map_err(|e| ReadError::Corrupt(position(&e)))?;
    let version = header
        .schema_version
        .ok_or_else(|| ReadError::Corrupt("no schema_version".into()))?;
    let parsed: Result<OrderFile, _> = serde_json::from_slice(&bytes);
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
        return Err(ReadError::Corrupt(format!(
            "its id `{}` does not match its file name",
            file.order.id
        )));
    }
    Ok(Loaded {
        order: file.order,
        revision: header.revision,
        newer_schema: (version > CURRENT_SCHEMA).then_some(version),
    })
}

/// The revision of the file on disk now; 0 when there is none (or it cannot be read, which the
/// next open will report).
pub fn revision_on_disk(path: &Path) -> u64 {
    fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Header>(&bytes).ok())
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
