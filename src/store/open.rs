//! Opening the whole store: every order file checked against the index, only new or changed
//! ones parsed (on every core), the index brought in step in one transaction; and what a start
//! does around that (the orders folder, stale temp files, the store's `.gitignore`).

use super::atomic::{self, create_private_dir, stale_temp_files, wider_than_private};
use super::file::{self, ReadError, Stamp};
use super::index::{self, Entry, Index};
use super::{Notice, Slot, Store, StoreError, lock, own};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// How far an open has come: order files to parse (known once the folder is listed) and parsed.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
}

impl Progress {
    /// (parsed, to parse) now.
    pub fn now(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// How many orders a first frame is drawn from: more than any screen shows, in the default
/// order (the latest change first).
pub(super) const FIRST_SCREEN: usize = 300;

/// What the store's `.gitignore` says: the index and the lock are this machine's, not data.
const GITIGNORE: &str = "# Written by portwiz: the index is a cache rebuilt from orders/, the lock is per machine.\nindex.sqlite\nindex.sqlite-*\n.lock\n";
/// Added to it since: copies of broken orders (PIN included) are not data to commit.
const GITIGNORE_SINCE: &str = "quarantine/\n";

/// What a check of the order files found against the stamps it was given.
struct Scan {
    /// For each known order (in the order given): whether its file is unchanged.
    unchanged: Vec<bool>,
    /// Orders new or changed, parsed.
    fresh: Vec<Entry>,
    notices: Vec<Notice>,
}

/// What a start does before looking at the orders: the folder, its permissions, the store's
/// `.gitignore`, and the sweep of our stale temp files.
fn prepare(dir: &Path) -> Result<(PathBuf, Vec<Notice>), StoreError> {
    let orders_dir = orders_dir_ready(dir)?;
    let mut notices = Vec::new();
    // The orders folder guards the files; the data folder itself may be one the user chose.
    if let Some(w) = wider_than_private(&orders_dir) {
        notices.push(Notice::Permissions(w));
    }
    write_gitignore(dir);
    notices.extend(own::set_aside_odd(dir));
    // A temp file is stale only when no save is running: saves hold the lock while their temp
    // file exists, so sweep under it, and leave the sweep to a later start when it is busy.
    if let Some(_guard) = lock::try_acquire(dir) {
        for stale in stale_temp_files(&orders_dir)
            .into_iter()
            .chain(stale_temp_files(dir))
        {
            if fs::remove_file(&stale).is_ok() {
                notices.push(Notice::StaleTempRemoved(stale));
            }
        }
    }
    Ok((orders_dir, notices))
}

/// Stat every order file against `known` (id, stamp and newer schema, sorted by id) and parse
/// only the new or changed ones, on every core; unparsable ones are quarantined, unreadable
/// ones reported and left in place. The index gets the changes in one transaction.
fn scan(
    dir: &Path,
    orders_dir: &Path,
    index: Option<&Index>,
    known: &[(&str, Stamp, Option<u32>)],
    progress: &Progress,
) -> Result<Scan, StoreError> {
    let mut notices = Vec::new();
    let mut unchanged = vec![false; known.len()];
    let mut to_read = Vec::new();
    let mut wide_files = Vec::new();
    let mut gone = Vec::new();
    let mut files = order_files(orders_dir)?;
    // Both in id order: one merge pass pairs each file with what is known of it.
    files.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    let mut next = 0;
    for found in files {
        let id = found.id;
        while next < known.len() && known[next].0 < id.as_str() {
            gone.push(known[next].0.to_string());
            next += 1;
        }
        let row = (next < known.len() && known[next].0 == id).then(|| {
            next += 1;
            next - 1
        });
        let path = orders_dir.join(format!("{id}.json"));
        if let Some(kind) = found.not_regular {
            gone.extend(row.map(|i| known[i].0.to_string()));
            notices.push(Notice::Unreadable {
                path,
                reason: format!(
                    "it is {kind}, not a regular file; portwiz reads only regular files in its store"
                ),
            });
            continue;
        }
        if found.wide {
            wide_files.push(path.clone());
        }
        match row {
            // One its mode keeps from us is read (and fails, and is said) even when unchanged.
            Some(i) if known[i].1 == found.stamp && found.readable => {
                if let Some(version) = known[i].2 {
                    notices.push(Notice::NewerSchema {
                        id: id.clone(),
                        version,
                    });
                }
                unchanged[i] = true;
            }
            _ => to_read.push((id, path)),
        }
    }
    // Known orders left are files that are gone.
    gone.extend(known[next..].iter().map(|k| k.0.to_string()));
    let mut fresh = Vec::new();
    progress.total.store(to_read.len(), Ordering::Relaxed);
    for (id, path, read) in read_in_parallel(to_read, progress) {
        match read {
            Ok(entry) => {
                if let Some(version) = entry.newer_schema {
                    notices.push(Notice::NewerSchema { id, version });
                }
                fresh.push(entry);
                continue;
            }
            Err(ReadError::Newer { version, reason }) => notices.push(Notice::Unreadable {
                path,
                reason: format!(
                    "written by a newer portwiz (schema {version}) and not readable here: {reason}"
                ),
            }),
            Err(ReadError::Unreadable(reason)) => notices.push(Notice::Unreadable { path, reason }),
            Err(ReadError::Corrupt(reason)) => {
                // Moved away: a chmod of its old name would fail.
                wide_files.retain(|wide| wide != &path);
                notices.push(own::quarantine(dir, &path, reason));
            }
        }
        gone.push(id);
    }
    if let Some(index) = index
        && (!fresh.is_empty() || !gone.is_empty())
    {
        let puts: Vec<&Entry> = fresh.iter().collect();
        let _ = index.apply(&puts, &gone);
    }
    notices.extend(atomic::wide_files_warning(orders_dir, &wide_files).map(Notice::Permissions));
    Ok(Scan {
        unchanged,
        fresh,
        notices,
    })
}

impl Store {
    /// Open (creating if needed) the store at `dir`. Every order file is checked against the
    /// summary index and only new or changed files are parsed; unparsable ones are quarantined
    /// and reported, unreadable ones reported and left in place, and every other order loads.
    pub fn open(dir: &Path) -> Result<(Store, Vec<Notice>), StoreError> {
        Store::open_reporting(dir, &Progress::default())
    }

    /// `Store::open`, counting the order files it parses in `progress` as it goes (the app
    /// draws a progress bar from it while a store without an index is read).
    pub fn open_reporting(
        dir: &Path,
        progress: &Progress,
    ) -> Result<(Store, Vec<Notice>), StoreError> {
        let (orders_dir, mut notices) = prepare(dir)?;
        let mut index = Index::open(dir);
        let cached = match index.as_ref().map(Index::all) {
            Some(Ok(rows)) => rows,
            // Broken while being read: a cache, so start it afresh.
            Some(Err(_)) => {
                index = index.and_then(|i| i.reset(dir));
                Vec::new()
            }
            None => Vec::new(),
        };
        let known: Vec<(&str, Stamp, Option<u32>)> = cached
            .iter()
            .map(|e| (e.summary.id(), e.stamp, e.newer_schema))
            .collect();
        let found = scan(dir, &orders_dir, index.as_ref(), &known, progress)?;
        drop(known);
        notices.extend(found.notices);
        let mut slots: Vec<(String, Slot)> = cached
            .into_iter()
            .zip(found.unchanged)
            .filter(|(_, unchanged)| *unchanged)
            .chain(found.fresh.into_iter().map(|e| (e, true)))
            .map(|(entry, _)| (entry.summary.id().to_string(), Slot::of_entry(entry)))
            .collect();
        // Built from sorted pairs in one go rather than by 100,000 inserts.
        slots.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut store = Store::empty(dir, index);
        store.slots = slots.into_iter().collect();
        store.complete = true;
        Ok((store, notices))
    }

    /// The store at `dir` with no order read yet, for a first frame at once when there is no
    /// index to draw it from (a cold store, as after a `git clone`): the folder is made ready
    /// (`open`'s start), and the caller then runs `Store::open_reporting` on another thread.
    pub fn open_unread(dir: &Path) -> Result<(Store, Vec<Notice>), StoreError> {
        let (_, notices) = prepare(dir)?;
        Ok((Store::empty(dir, None), notices))
    }

    /// The most recently changed orders as the summary index last saw them, without looking
    /// at any order file: a first frame within milliseconds, whatever the number of orders.
    /// `None` when there is no usable index. The caller must then `Store::open` the same folder
    /// (on another thread, say), which checks every file and replaces this partial view.
    pub fn open_cached(dir: &Path) -> Option<Store> {
        if !index::path(dir).is_file() {
            return None;
        }
        let index = Index::open(dir)?;
        let rows = index.newest(FIRST_SCREEN).ok()?;
        if rows.is_empty() {
            return None;
        }
        let mut store = Store::empty(dir, Some(index));
        store.slots = rows
            .into_iter()
            .map(|entry| (entry.summary.id().to_string(), Slot::of_entry(entry)))
            .collect();
        Some(store)
    }
}

/// One `<id>.json` in the folder, as little as the check needs (100,000 of these are held).
struct OrderFile {
    id: String,
    stamp: Stamp,
    /// What it is when it is not a regular file (a link, a FIFO, a device...).
    not_regular: Option<&'static str>,
    /// Readable by others.
    wide: bool,
    /// Readable by us, as far as its mode says.
    readable: bool,
}

/// Every `<id>.json` in the folder, looked at without following links. Anything else (another
/// tool's files, our temp files, a save in flight) is not ours to read or move.
fn order_files(orders_dir: &Path) -> Result<Vec<OrderFile>, StoreError> {
    let entries = fs::read_dir(orders_dir).map_err(|source| StoreError::Folder {
        path: orders_dir.to_path_buf(),
        source,
    })?;
    Ok(entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name();
            let id = name
                .to_str()?
                .strip_suffix(".json")
                .filter(|id| file::check_id(id).is_ok())?
                .to_string();
            let meta = entry.metadata().ok()?;
            Some(OrderFile {
                id,
                stamp: Stamp::of(&meta),
                not_regular: (!meta.is_file()).then(|| file::kind_of(&meta.file_type())),
                wide: atomic::is_wider_than_private(&meta),
                readable: may_read(&meta, euid()),
            })
        })
        .collect())
}

/// This process's effective user id (`None` where there is none to ask).
fn euid() -> Option<u32> {
    #[cfg(unix)]
    {
        // SAFETY: geteuid has no preconditions and cannot fail.
        Some(unsafe { libc::geteuid() })
    }
    #[cfg(not(unix))]
    None
}

/// Whether the user `euid` may read a file of this mode (root always may). Group membership is
/// not looked up: a file only its group may read counts as readable, and reading it tells.
pub(super) fn may_read(meta: &fs::Metadata, euid: Option<u32>) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match euid {
            None | Some(0) => true,
            Some(me) if me == meta.uid() => meta.mode() & 0o400 != 0,
            Some(_) => meta.mode() & 0o044 != 0,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, euid);
        true
    }
}

/// Parse the files on every core; each result is an index entry (the full order is dropped at
/// once, so a rebuild never holds every order in memory).
fn read_in_parallel(
    files: Vec<(String, PathBuf)>,
    progress: &Progress,
) -> Vec<(String, PathBuf, Result<Entry, ReadError>)> {
    let read = |(id, path): (String, PathBuf)| {
        let entry = file::read(&path).map(|(loaded, stamp)| index::entry_of(&loaded, stamp));
        progress.done.fetch_add(1, Ordering::Relaxed);
        (id, path, entry)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || files.len() < 64 {
        return files.into_iter().map(read).collect();
    }
    let chunk = files.len().div_ceil(threads);
    let mut chunks: Vec<Vec<(String, PathBuf)>> = Vec::new();
    let mut files = files.into_iter().peekable();
    while files.peek().is_some() {
        chunks.push(files.by_ref().take(chunk).collect());
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || chunk.into_iter().map(read).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// `DIR/orders`, created when missing; a link to nowhere is named as such.
pub(super) fn orders_dir_ready(dir: &Path) -> Result<PathBuf, StoreError> {
    let orders_dir = dir.join("orders");
    let folder_err = |source| StoreError::Folder {
        path: orders_dir.clone(),
        source,
    };
    if let Ok(meta) = orders_dir.symlink_metadata()
        && meta.file_type().is_symlink()
        && !orders_dir.exists()
    {
        let target = fs::read_link(&orders_dir)
            .map(|t| t.display().to_string())
            .unwrap_or_else(|_| "?".into());
        return Err(folder_err(std::io::Error::other(format!(
            "it is a symbolic link to {target}, which does not exist; create that folder or remove the link"
        ))));
    }
    create_private_dir(&orders_dir).map_err(folder_err)?;
    Ok(orders_dir)
}

/// Ids of order files in the folder that start with `prefix`, in any case (the slow path, for
/// an order the index does not know yet).
pub(super) fn ids_in_folder_with_prefix(orders_dir: &Path, prefix: &str) -> Vec<String> {
    let lower = prefix.to_ascii_lowercase();
    let Ok(entries) = fs::read_dir(orders_dir) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.strip_suffix(".json")?.to_string();
            (file::check_id(&name).is_ok() && name.to_ascii_lowercase().starts_with(&lower))
                .then_some(name)
        })
        .collect();
    ids.sort();
    ids
}

/// A `.gitignore` for a store kept in git, written once; one an older portwiz wrote gains the
/// lines added since, and one of the user's own is never changed.
pub(super) fn write_gitignore(dir: &Path) {
    let path = dir.join(".gitignore");
    let content = match fs::symlink_metadata(&path) {
        Err(_) => format!("{GITIGNORE}{GITIGNORE_SINCE}"),
        Ok(meta) if meta.is_file() => {
            let Some(old) = own::read_capped(&path, 4096)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
            else {
                return;
            };
            if !old.starts_with(GITIGNORE) || old.lines().any(|l| l == "quarantine/") {
                return;
            }
            format!("{old}{GITIGNORE_SINCE}")
        }
        Ok(_) => return,
    };
    let _ = atomic::write_atomic(&path, content.as_bytes());
}
