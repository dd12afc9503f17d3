//! The board's read of a store (docs/storage.md, "The board"): every order's summary from the
//! store's index, checked against each order file's stamp (a file changed or new since is
//! parsed), without writing anything in that store: no index, lock, `.gitignore` or quarantine
//! is made or changed there, so reading every tenant leaves each one byte-identical.

use super::file::{self, Stamp};
use super::index;
use crate::domain::summary::Summary;
use std::collections::HashMap;
use std::path::Path;

/// The orders of the store at `dir`, and what could not be read (said, never set aside).
pub fn summaries(dir: &Path) -> (Vec<Summary>, Vec<String>) {
    let mut cached: HashMap<String, index::Entry> = index::read_only_rows(dir)
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.summary.id().to_string(), e))
        .collect();
    let (mut summaries, mut problems) = (Vec::new(), Vec::new());
    let Ok(entries) = std::fs::read_dir(dir.join("orders")) else {
        return (summaries, problems);
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(id) = super::watch::order_id(&path) else {
            continue;
        };
        // Only regular files, as every read of the store: a link or a FIFO is left alone.
        let Ok(meta) = path.symlink_metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        match cached.remove(&id) {
            Some(row) if row.stamp == Stamp::of(&meta) => summaries.push(*row.summary),
            _ => match file::read(&path) {
                Ok((loaded, _)) => summaries.push(Summary::of(&loaded.order)),
                Err(e) => problems.push(format!("{}: {}", path.display(), why(e))),
            },
        }
    }
    (summaries, problems)
}

fn why(e: file::ReadError) -> String {
    match e {
        file::ReadError::Corrupt(reason) | file::ReadError::Unreadable(reason) => reason,
        file::ReadError::Newer { version, reason } => {
            format!("written by a newer portwiz (schema {version}): {reason}")
        }
    }
}
