//! The order files on disk (design.md §4). Nothing else touches the file system for orders.
//!
//! Layout: `DIR/orders/<id>.json`, one order a file, each with `schema_version` and a `revision`
//! that every save increments; `DIR/quarantine/` for files that could not be read; `DIR/.lock`,
//! held only while a save checks and replaces a file, so two instances never overwrite each other.

pub mod atomic;
pub mod catalog;
#[cfg(test)]
mod fault_tests;
mod file;
mod index;
mod lock;

pub use file::{CURRENT_SCHEMA, OrderFile};

use crate::domain::Order;
use crate::domain::summary::Summary;
use atomic::{
    TEMP_PREFIX, create_private_dir, stale_temp_files, wider_than_private, write_atomic_with,
};
use index::Stamp;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot use the data folder {path}: {source}")]
    Folder { path: PathBuf, source: io::Error },
    #[error(
        "cannot save order {id} to {path}: {source}. Your edit is kept in memory; free some space or fix the folder's permissions, then save again."
    )]
    Write {
        id: String,
        path: PathBuf,
        source: io::Error,
    },
    #[error(
        "order {id} was changed by another portwiz (revision {on_disk} on disk, {loaded} here). Your edit is kept; reload the order to see the other change, or export yours."
    )]
    Conflict {
        id: String,
        loaded: u64,
        on_disk: u64,
    },
    #[error(
        "order {id} was written by a newer portwiz (schema {version}); it is read-only here. Update portwiz to change it."
    )]
    ReadOnly { id: String, version: u32 },
    #[error(
        "order {0} changed on disk and can no longer be read; restart portwiz to see it (a broken file is then set aside)"
    )]
    Changed(String),
    #[error("no order with id `{0}`")]
    NotFound(String),
    #[error("`{0}` is not a valid order id (letters, digits, `-` and `_` only)")]
    BadId(String),
    #[error("an order with id {0} already exists")]
    Exists(String),
    #[error("cannot encode order {id}: {reason}; nothing was written")]
    Encode { id: String, reason: String },
}

/// Something the user should know after opening the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// An unreadable file, moved aside: where it went and why.
    Quarantined {
        from: PathBuf,
        to: PathBuf,
        reason: String,
    },
    /// A file from a newer portwiz: shown, not editable.
    NewerSchema { id: String, version: u32 },
    /// A file newer and unreadable: left where it is, untouched.
    Unreadable { path: PathBuf, reason: String },
    /// Permissions wider than owner-only.
    Permissions(String),
    /// Leftovers of an interrupted save, removed.
    StaleTempRemoved(PathBuf),
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Quarantined { from, to, reason } => write!(
                f,
                "{} could not be read ({reason}); it was moved to {} and nothing was deleted",
                from.display(),
                to.display()
            ),
            Notice::NewerSchema { id, version } => {
                write!(
                    f,
                    "order {id} was written by a newer portwiz (schema {version}) and opens read-only"
                )
            }
            Notice::Unreadable { path, reason } => {
                write!(f, "{} was skipped: {reason}", path.display())
            }
            Notice::Permissions(warning) => write!(f, "warning: {warning}"),
            Notice::StaleTempRemoved(path) => {
                write!(f, "removed {} left by an interrupted save", path.display())
            }
        }
    }
}

/// A loaded order with what the store needs to save it safely.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub order: Order,
    /// The revision read from disk (0 for an order not saved yet).
    pub revision: u64,
    /// `Some(version)` when a newer portwiz wrote it: not to be saved by us.
    pub newer_schema: Option<u32>,
}

/// One order as the store knows it: its summary always, the full order once asked for.
#[derive(Debug)]
struct Slot {
    summary: Summary,
    revision: u64,
    newer_schema: Option<u32>,
    full: OnceCell<Option<Loaded>>,
}

impl Slot {
    fn loaded(loaded: Loaded) -> Slot {
        Slot {
            summary: Summary::of(&loaded.order),
            revision: loaded.revision,
            newer_schema: loaded.newer_schema,
            full: OnceCell::from(Some(loaded)),
        }
    }
}

#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    slots: BTreeMap<String, Slot>,
    /// How saves open their temp file (unit tests put a full disk here).
    open_temp: atomic::OpenTemp,
}

impl Store {
    /// Open (creating if needed) the store at `dir`. Every order file is checked against the
    /// summary index and only new or changed files are parsed; unreadable ones are quarantined and
    /// reported, and every other order still loads.
    pub fn open(dir: &Path) -> Result<(Store, Vec<Notice>), StoreError> {
        let folder_err = |source| StoreError::Folder {
            path: dir.to_path_buf(),
            source,
        };
        let orders_dir = dir.join("orders");
        create_private_dir(&orders_dir).map_err(folder_err)?;
        let mut notices = Vec::new();
        // The orders folder guards the files; the data folder itself may be one the user chose.
        if let Some(w) = wider_than_private(&orders_dir) {
            notices.push(Notice::Permissions(w));
        }
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
        let mut store = Store {
            dir: dir.to_path_buf(),
            slots: BTreeMap::new(),
            open_temp: atomic::open_private,
        };
        let mut cached = index::read(dir).entries;
        let mut index_changed = false;
        let mut wide_files = Vec::new();
        let entries = fs::read_dir(&orders_dir).map_err(folder_err)?;
        for entry in entries.flatten() {
            let path = entry.path();
            // Another instance's save in progress is not an order (and must not be quarantined).
            let in_flight = entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX);
            if in_flight || path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Some(id) = path
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            let meta = entry.metadata().ok();
            if meta.as_ref().is_some_and(atomic::is_wider_than_private) {
                wide_files.push(path.clone());
            }
            let stamp = meta.as_ref().map(Stamp::of);
            if let Some(hit) = cached
                .remove(&id)
                .filter(|e| Some(&e.stamp) == stamp.as_ref())
            {
                if let Some(version) = hit.newer_schema {
                    notices.push(Notice::NewerSchema {
                        id: id.clone(),
                        version,
                    });
                }
                let slot = Slot {
                    summary: hit.summary,
                    revision: hit.revision,
                    newer_schema: hit.newer_schema,
                    full: OnceCell::new(),
                };
                store.slots.insert(id, slot);
                continue;
            }
            index_changed = true;
            match file::read(&path) {
                Ok(loaded) => {
                    if let Some(version) = loaded.newer_schema {
                        notices.push(Notice::NewerSchema { id: id.clone(), version });
                    }
                    store.slots.insert(id, Slot::loaded(loaded));
                }
                Err(file::ReadError::Newer { version, reason }) => notices.push(Notice::Unreadable {
                    path: path.clone(),
                    reason: format!("written by a newer portwiz (schema {version}) and not readable here: {reason}"),
                }),
                Err(file::ReadError::Corrupt(reason)) => notices.push(store.quarantine(&path, reason)),
            }
        }
        notices
            .extend(atomic::wide_files_warning(&orders_dir, &wide_files).map(Notice::Permissions));
        // Entries left in the cache are files that are gone.
        if index_changed || !cached.is_empty() {
            store.write_index();
        }
        Ok((store, notices))
    }

    /// The store as its summary index last saw it, without looking at the order files: fast
    /// enough for a first frame over thousands of orders. `None` when there is no usable index.
    /// The caller must then `Store::open` the same folder, which checks every file (and
    /// quarantines, reports and re-indexes) and replaces this view.
    pub fn open_cached(dir: &Path) -> Option<Store> {
        let cached = index::read(dir).entries;
        if cached.is_empty() {
            return None;
        }
        let slots = cached
            .into_iter()
            .map(|(id, hit)| {
                let slot = Slot {
                    summary: hit.summary,
                    revision: hit.revision,
                    newer_schema: hit.newer_schema,
                    full: OnceCell::new(),
                };
                (id, slot)
            })
            .collect();
        Some(Store {
            dir: dir.to_path_buf(),
            slots,
            open_temp: atomic::open_private,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn orders_dir(&self) -> PathBuf {
        self.dir.join("orders")
    }

    pub fn quarantine_dir(&self) -> PathBuf {
        self.dir.join("quarantine")
    }

    /// Every order's summary, by id: cheap, whatever the number of orders.
    pub fn summaries(&self) -> impl Iterator<Item = &Summary> {
        self.slots.values().map(|s| &s.summary)
    }

    /// Every order in full, loading those not loaded yet (slow for thousands: prefer
    /// `summaries`). An order whose file became unreadable since opening is skipped.
    pub fn orders(&self) -> impl Iterator<Item = &Loaded> {
        self.slots.keys().filter_map(|id| self.get(id).ok())
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// One order in full, read from its file the first time it is asked for.
    pub fn get(&self, id: &str) -> Result<&Loaded, StoreError> {
        let slot = self
            .slots
            .get(id)
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        slot.full
            .get_or_init(|| file::read(&self.path_of(id)).ok())
            .as_ref()
            .ok_or_else(|| StoreError::Changed(id.to_string()))
    }

    /// A fresh id no other order has.
    pub fn new_id(&self) -> String {
        let mut id = file::generate_id();
        while self.slots.contains_key(&id) || self.path_of(&id).exists() {
            id = file::generate_id();
        }
        id
    }

    /// Save a new order; refuses an id already in use.
    pub fn create(&mut self, order: Order) -> Result<(), StoreError> {
        file::check_id(&order.id)?;
        if self.slots.contains_key(&order.id) || self.path_of(&order.id).exists() {
            return Err(StoreError::Exists(order.id));
        }
        self.save(&order)
    }

    /// Save an order atomically. Refused when another instance saved it since we loaded it, or
    /// when a newer portwiz wrote it. On success the store holds the saved order.
    pub fn save(&mut self, order: &Order) -> Result<(), StoreError> {
        file::check_id(&order.id)?;
        let path = self.path_of(&order.id);
        let known = self.slots.get(&order.id);
        // An edit is made on the full order, read from the file when first asked for: its revision
        // (not the index's, which may be older) is the one the disk must still have.
        let full = known.and_then(|s| s.full.get()).and_then(Option::as_ref);
        let newer = known.and_then(|s| s.newer_schema.or(full.and_then(|l| l.newer_schema)));
        if let Some(version) = newer {
            return Err(StoreError::ReadOnly {
                id: order.id.clone(),
                version,
            });
        }
        let loaded_revision = full.map_or(known.map_or(0, |s| s.revision), |l| l.revision);
        let write_err = |source| StoreError::Write {
            id: order.id.clone(),
            path: path.clone(),
            source,
        };
        let _guard = lock::acquire(&self.dir).map_err(write_err)?;
        let on_disk = file::revision_on_disk(&path);
        if on_disk != loaded_revision {
            return Err(StoreError::Conflict {
                id: order.id.clone(),
                loaded: loaded_revision,
                on_disk,
            });
        }
        let revision = loaded_revision + 1;
        let bytes = file::encode(order, revision).map_err(|e| StoreError::Encode {
            id: order.id.clone(),
            reason: e.to_string(),
        })?;
        write_atomic_with(&path, &bytes, self.open_temp).map_err(write_err)?;
        let loaded = Loaded {
            order: order.clone(),
            revision,
            newer_schema: None,
        };
        self.slots.insert(order.id.clone(), Slot::loaded(loaded));
        Ok(())
    }

    /// Re-read one order from disk (after a conflict, to see the other instance's change).
    pub fn reload(&mut self, id: &str) -> Result<&Loaded, StoreError> {
        file::check_id(id)?;
        match file::read(&self.path_of(id)) {
            Ok(loaded) => {
                self.slots.insert(id.to_string(), Slot::loaded(loaded));
                self.get(id)
            }
            Err(_) => Err(StoreError::NotFound(id.to_string())),
        }
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.orders_dir().join(format!("{id}.json"))
    }

    /// Rewrite the summary index from what is loaded now, with each file's current stamp.
    fn write_index(&self) {
        // Under the lock, like every temp file, so another instance's sweep leaves it alone; a
        // cache is not worth waiting for.
        let Some(_guard) = lock::try_acquire(&self.dir) else {
            return;
        };
        let entries = self
            .slots
            .iter()
            .filter_map(|(id, slot)| {
                let meta = fs::metadata(self.path_of(id)).ok()?;
                Some((
                    id.clone(),
                    index::Entry {
                        stamp: Stamp::of(&meta),
                        revision: slot.revision,
                        newer_schema: slot.newer_schema,
                        summary: slot.summary.clone(),
                    },
                ))
            })
            .collect();
        index::write(&self.dir, &entries);
    }

    /// Move an unreadable file aside, never deleting it.
    fn quarantine(&self, path: &Path, reason: String) -> Notice {
        let qdir = self.quarantine_dir();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("order.json");
        let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
        let mut target = qdir.join(format!("{name}.{stamp}"));
        let mut n = 1;
        while target.exists() {
            target = qdir.join(format!("{name}.{stamp}.{n}"));
            n += 1;
        }
        let moved = create_private_dir(&qdir).and_then(|()| fs::rename(path, &target));
        match moved {
            Ok(()) => Notice::Quarantined {
                from: path.to_path_buf(),
                to: target,
                reason,
            },
            Err(e) => Notice::Unreadable {
                path: path.to_path_buf(),
                reason: format!(
                    "{reason}; it could not be moved to quarantine ({e}) and was left in place"
                ),
            },
        }
    }
}

/// The data folder: `--data-dir` wins over `PORTWIZ_DATA_DIR`, which wins over the platform's
/// data folder for portwiz.
pub fn resolve_data_dir(flag: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(dir) = flag {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os("PORTWIZ_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "portwiz")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or_else(|| {
            "no home folder to keep orders in; pass --data-dir DIR or set PORTWIZ_DATA_DIR"
                .to_string()
        })
}
