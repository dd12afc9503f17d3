//! `DIR/index.json`: a cache of every order's summary, keyed by the file's size and modification
//! time. Opening the store stats each file and parses only those the index does not match, so
//! listing 10,000 orders reads one small file. The index is only a cache: a missing, stale or
//! broken one is rebuilt from the order files, which stay the truth.

use crate::domain::summary::Summary;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// Bumped whenever what a summary holds changes, so an old index is rebuilt rather than trusted.
const INDEX_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub mtime_ns: u128,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Stamp {
            len: meta.len(),
            mtime_ns,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub stamp: Stamp,
    pub revision: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer_schema: Option<u32>,
    pub summary: Summary,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    version: u32,
    pub entries: BTreeMap<String, Entry>,
}

pub fn path(dir: &Path) -> std::path::PathBuf {
    dir.join("index.json")
}

/// The index on disk, or an empty one when it is missing, unreadable or of another version.
pub fn read(dir: &Path) -> Index {
    fs::read(path(dir))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
        .filter(|index| index.version == INDEX_VERSION)
        .unwrap_or_default()
}

/// Replace the index atomically. Failing to write a cache is not an error worth stopping for.
pub fn write(dir: &Path, entries: &BTreeMap<String, Entry>) {
    #[derive(Serialize)]
    struct Out<'a> {
        version: u32,
        entries: &'a BTreeMap<String, Entry>,
    }
    if let Ok(bytes) = serde_json::to_vec(&Out {
        version: INDEX_VERSION,
        entries,
    }) {
        let _ = super::atomic::write_atomic(&path(dir), &bytes);
    }
}
