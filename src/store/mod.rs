//! The order files on disk (docs/storage.md). Nothing else touches the file system for orders.
//!
//! Layout: `DIR/orders/<id>.json`, one order a file, each with `schema_version` and a `revision`
//! that every save increments; `DIR/quarantine/` for files that could not be read; `DIR/.lock`,
//! held only while a save checks and replaces a file, so two instances never overwrite each other.

pub mod atomic;
pub mod board;
pub mod catalog;
pub mod examples;
#[cfg(test)]
mod fault_tests;
mod file;
mod index;
#[cfg(test)]
mod index_tests;
mod live;
mod lock;
mod open;
mod own;
pub mod packet;
pub mod preflight;
mod read_all;
pub mod teams;
pub mod tenants;
pub use read_all::EveryOrder;
pub mod watch;

pub use live::{Refresh, SavedEdit};
pub use open::Progress;

pub use file::{CURRENT_SCHEMA, MAX_FILE_BYTES, OrderFile};

use crate::domain::Order;
use crate::domain::summary::Summary;
use atomic::write_atomic_locked;
use index::Index;
use std::cell::OnceCell;
use std::collections::BTreeMap;
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
    #[error("`{prefix}` matches more than one order: {}; type more of the id", matches.join(", "))]
    Ambiguous {
        prefix: String,
        matches: Vec<String>,
    },
    #[error("order {id} cannot be read: {reason}")]
    Unreadable { id: String, reason: String },
    #[error(
        "order {0} has been saved so many times its revision cannot count further; export it and import the export as a new order"
    )]
    RevisionLimit(String),
    #[error("cannot save order {id}: {source}")]
    Busy { id: String, source: lock::LockError },
    #[error("`{0}` is not a valid order id (letters, digits, `-` and `_` only)")]
    BadId(String),
    #[error("an order with id {0} already exists")]
    Exists(String),
    #[error(
        "order {0} is being saved by other windows again and again; nothing was saved here. Your edit is kept: save again in a moment."
    )]
    Contended(String),
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
    /// A file we may not or will not read (permissions, not a regular file, too large, or
    /// newer and unreadable): left where it is, untouched.
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
                write!(
                    f,
                    "{} was skipped and left in place: {reason}",
                    path.display()
                )
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

/// One order as the store knows it: its summary (until handed to the app), the full order once
/// asked for.
#[derive(Debug)]
struct Slot {
    summary: Option<Box<Summary>>,
    revision: u64,
    newer_schema: Option<u32>,
    /// Boxed: a full order is large, and 100,000 slots hold almost none.
    full: OnceCell<Option<Box<Loaded>>>,
    /// The stamp of the file this slot was read from or saved as: a change on disk with the
    /// same stamp is this store's own save.
    stamp: Option<file::Stamp>,
}

impl Slot {
    fn loaded(loaded: Loaded, stamp: Option<file::Stamp>) -> Slot {
        Slot {
            summary: Some(Box::new(Summary::of(&loaded.order))),
            revision: loaded.revision,
            newer_schema: loaded.newer_schema,
            full: OnceCell::from(Some(Box::new(loaded))),
            stamp,
        }
    }

    /// What the store keeps of an order it does not hold in full: its revision and stamp, and
    /// its summary when `with_summary` (not once the app took the summaries).
    fn summary_only(loaded: &Loaded, stamp: file::Stamp, with_summary: bool) -> Slot {
        Slot {
            summary: with_summary.then(|| Box::new(Summary::of(&loaded.order))),
            revision: loaded.revision,
            newer_schema: loaded.newer_schema,
            full: OnceCell::new(),
            stamp: Some(stamp),
        }
    }

    fn of_entry(entry: index::Entry) -> Slot {
        Slot {
            summary: Some(entry.summary),
            revision: entry.revision,
            newer_schema: entry.newer_schema,
            full: OnceCell::new(),
            stamp: Some(entry.stamp),
        }
    }
}

/// Told once when a save has to wait for another instance's save, with its pid when known.
pub type WaitNotice = fn(Option<u32>);

#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    /// The orders known: every one after `open`, those looked up after `open_one`.
    slots: BTreeMap<String, Slot>,
    /// Whether `slots` holds every order in the folder.
    complete: bool,
    /// The summary index; `None` when it cannot be opened (the files alone then serve).
    index: Option<Index>,
    /// How saves open their temp file (unit tests put a full disk here).
    open_temp: atomic::OpenTemp,
    /// What a save says while it waits for another instance's lock.
    pub on_wait: WaitNotice,
    /// Earlier versions of orders read in full (a few each), by id: what an edit begun on one
    /// of them is merged from when the file moved on (`live::save_edit`).
    previous: std::collections::HashMap<String, Vec<Order>>,
}

impl Store {
    fn empty(dir: &Path, index: Option<Index>) -> Store {
        Store {
            dir: dir.to_path_buf(),
            slots: BTreeMap::new(),
            complete: false,
            index,
            open_temp: atomic::open_private,
            on_wait: |_| {},
            previous: std::collections::HashMap::new(),
        }
    }

    /// A store on `dir` with nothing read and nothing made there: the board's stand-in in the
    /// app (`portwiz --all-tenants`), whose runtime runs every effect about an order on that
    /// order's tenant's store, and none on this one.
    pub fn unopened(dir: &Path) -> Store {
        Store::empty(dir, None)
    }

    /// The store at `dir` for commands about one order: nothing is scanned; an order is read
    /// from its own file when looked up (`resolve`, `load`), and each save updates the index's
    /// row for that order only. `summaries` holds only the orders looked up.
    pub fn open_one(dir: &Path) -> Result<(Store, Vec<Notice>), StoreError> {
        let orders_dir = open::orders_dir_ready(dir)?;
        let mut notices = Vec::new();
        if let Some(w) = atomic::wider_than_private(&orders_dir) {
            notices.push(Notice::Permissions(w));
        }
        // Before the index exists: a store begun from the command line and then put in git
        // must not commit it.
        open::write_gitignore(dir);
        notices.extend(own::set_aside_odd(dir));
        Ok((Store::empty(dir, Index::open(dir)), notices))
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
        self.slots.values().filter_map(|s| s.summary.as_deref())
    }

    /// Every summary, handed over: the app keeps them, and the store then needs no copy (its
    /// `summaries` are empty afterwards; saving and loading are unaffected).
    /// Sized once: grown by doubling, 100,000 summaries left up to a third of the vector unused.
    pub fn take_summaries(&mut self) -> Vec<Summary> {
        let held = self.slots.values().filter(|s| s.summary.is_some()).count();
        let mut summaries = Vec::with_capacity(held);
        summaries.extend(
            self.slots
                .values_mut()
                .filter_map(|s| s.summary.take().map(|b| *b)),
        );
        summaries
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
            .get_or_init(|| {
                let (loaded, stamp) = file::read(&self.path_of(id)).ok()?;
                self.index_put(&index::entry_of(&loaded, stamp));
                Some(Box::new(loaded))
            })
            .as_deref()
            .ok_or_else(|| StoreError::Changed(id.to_string()))
    }

    /// One order to change: refused, before any edit is made, when a newer portwiz wrote it.
    pub fn editable(&self, id: &str) -> Result<&Loaded, StoreError> {
        let loaded = self.get(id)?;
        match loaded.newer_schema {
            Some(version) => Err(StoreError::ReadOnly {
                id: id.to_string(),
                version,
            }),
            None => Ok(loaded),
        }
    }

    /// One order by its exact id, read from its file when the store does not hold it yet.
    pub fn load(&mut self, id: &str) -> Result<&Loaded, StoreError> {
        file::check_id(id)?;
        if !self.slots.contains_key(id) {
            self.read_into_slot(id)?;
        }
        self.get(id)
    }

    /// The id an order is known by from what was typed: the id itself, or any unique prefix of
    /// it, in any case (docs/command-line.md). The order is then loaded. An ambiguous prefix is refused
    /// with the ids it matches. Prefixes are looked up in the index, then in the folder when
    /// the index knows none (an order added behind its back).
    pub fn resolve(&mut self, typed: &str) -> Result<String, StoreError> {
        let typed = typed.trim();
        file::check_id(typed)?;
        if self.slots.contains_key(typed) || self.path_of(typed).symlink_metadata().is_ok() {
            self.load(typed)?;
            return Ok(typed.to_string());
        }
        let mut matches = self.ids_with_prefix(typed);
        if matches.is_empty() && !self.complete {
            matches = open::ids_in_folder_with_prefix(&self.orders_dir(), typed);
        }
        // An id typed in full but in another case is that order, whatever else it prefixes.
        if let Some(exact) = matches.iter().find(|m| m.eq_ignore_ascii_case(typed)) {
            matches = vec![exact.clone()];
        }
        match matches.len() {
            0 => Err(StoreError::NotFound(typed.to_string())),
            1 => {
                let id = matches.remove(0);
                self.load(&id)?;
                Ok(id)
            }
            _ => Err(StoreError::Ambiguous {
                prefix: typed.to_string(),
                matches,
            }),
        }
    }

    /// Ids known to start with `prefix` (any case) whose file is there.
    fn ids_with_prefix(&self, prefix: &str) -> Vec<String> {
        let lower = prefix.to_ascii_lowercase();
        let mut ids: Vec<String> = if self.complete {
            self.slots
                .keys()
                .filter(|id| id.to_ascii_lowercase().starts_with(&lower))
                .cloned()
                .collect()
        } else {
            let from_index = self
                .index
                .as_ref()
                .and_then(|i| i.ids_with_prefix(prefix).ok());
            from_index.unwrap_or_default()
        };
        ids.retain(|id| self.slots.contains_key(id) || self.path_of(id).symlink_metadata().is_ok());
        ids
    }

    /// The ids and last changes of the orders of the carrier with this key
    /// (`insights::carrier_key`), drafts left out, most recently changed first, as the index
    /// knows them (at most `limit`); `None` without a usable index.
    pub fn carrier_newest(
        &self,
        carrier_key: &str,
        limit: Option<usize>,
    ) -> Option<Vec<(String, jiff::Timestamp)>> {
        self.index.as_ref()?.carrier_newest(carrier_key, limit).ok()
    }

    fn read_into_slot(&mut self, id: &str) -> Result<(), StoreError> {
        let path = self.path_of(id);
        if path.symlink_metadata().is_err() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        match file::read(&path) {
            Ok((loaded, stamp)) => {
                self.index_put(&index::entry_of(&loaded, stamp));
                self.slots
                    .insert(id.to_string(), Slot::loaded(loaded, Some(stamp)));
                Ok(())
            }
            Err(file::ReadError::Corrupt(reason) | file::ReadError::Unreadable(reason)) => {
                Err(StoreError::Unreadable {
                    id: id.to_string(),
                    reason,
                })
            }
            Err(file::ReadError::Newer { version, .. }) => Err(StoreError::ReadOnly {
                id: id.to_string(),
                version,
            }),
        }
    }

    /// A fresh id no other order has.
    pub fn new_id(&self) -> String {
        let mut id = file::generate_id();
        while self.slots.contains_key(&id) || self.path_of(&id).symlink_metadata().is_ok() {
            id = file::generate_id();
        }
        id
    }

    /// Save a new order; refuses an id already in use.
    pub fn create(&mut self, order: Order) -> Result<(), StoreError> {
        file::check_id(&order.id)?;
        if self.slots.contains_key(&order.id) || self.path_of(&order.id).symlink_metadata().is_ok()
        {
            return Err(StoreError::Exists(order.id));
        }
        self.save(&order)
    }

    /// Save an order atomically. Refused when another instance saved it since we loaded it, or
    /// when a newer portwiz wrote it. On success the store holds the saved order, and the
    /// index's row for it is replaced in the same step (under the same lock).
    pub fn save(&mut self, order: &Order) -> Result<(), StoreError> {
        let known = self.slots.get(&order.id);
        // An edit is made on the full order, read from the file when first asked for: its revision
        // (not the index's, which may be older) is the one the disk must still have.
        let full = known.and_then(|s| s.full.get()).and_then(Option::as_deref);
        let loaded_revision = full.map_or(known.map_or(0, |s| s.revision), |l| l.revision);
        self.save_at(order, loaded_revision).map(|_| ())
    }

    /// Save an order whose file must still be at revision `loaded_revision`; the new revision.
    fn save_at(&mut self, order: &Order, loaded_revision: u64) -> Result<u64, StoreError> {
        file::check_id(&order.id)?;
        let path = self.path_of(&order.id);
        let known = self.slots.get(&order.id);
        let full = known.and_then(|s| s.full.get()).and_then(Option::as_deref);
        let newer = known.and_then(|s| s.newer_schema.or(full.and_then(|l| l.newer_schema)));
        if let Some(version) = newer {
            return Err(StoreError::ReadOnly {
                id: order.id.clone(),
                version,
            });
        }
        let write_err = |source| StoreError::Write {
            id: order.id.clone(),
            path: path.clone(),
            source,
        };
        let _guard =
            lock::acquire(&self.dir, &self.on_wait).map_err(|source| StoreError::Busy {
                id: order.id.clone(),
                source,
            })?;
        let on_disk = file::revision_on_disk(&path);
        if on_disk != loaded_revision {
            return Err(StoreError::Conflict {
                id: order.id.clone(),
                loaded: loaded_revision,
                on_disk,
            });
        }
        let revision = loaded_revision
            .checked_add(1)
            .ok_or_else(|| StoreError::RevisionLimit(order.id.clone()))?;
        let mut saved = order.clone();
        self.sign(&mut saved);
        let bytes = file::encode(&saved, revision).map_err(|e| StoreError::Encode {
            id: order.id.clone(),
            reason: e.to_string(),
        })?;
        write_atomic_locked(&path, &bytes, self.open_temp).map_err(write_err)?;
        saved.revision = crate::domain::order::Revision(revision);
        let loaded = Loaded {
            order: saved,
            revision,
            newer_schema: None,
        };
        // Under the lock no other save replaces the file, so this stamp is of the bytes above.
        let stamp = path.symlink_metadata().ok().map(|m| file::Stamp::of(&m));
        if let Some(stamp) = stamp {
            self.index_put(&index::entry_of(&loaded, stamp));
        }
        self.replace_slot(&order.id, Slot::loaded(loaded, stamp));
        Ok(revision)
    }

    /// Sign the history entries made since the order was read with who saves them
    /// (docs/storage.md: the author is worked out once a process).
    fn sign(&self, order: &mut Order) {
        if order.history.iter().any(|e| e.by.is_none()) {
            crate::domain::history::sign(&mut order.history, &crate::system::author(&self.dir));
        }
    }

    /// Put a slot in place, keeping the full order it replaces among the previous versions.
    fn replace_slot(&mut self, id: &str, slot: Slot) {
        let old = self.slots.insert(id.to_string(), slot);
        if let Some(order) = old
            .and_then(|s| s.full.into_inner())
            .flatten()
            .map(|l| l.order)
        {
            let kept = self.previous.entry(id.to_string()).or_default();
            kept.push(order);
            // A few versions are enough: an edit is based on one of the last.
            if kept.len() > 4 {
                kept.remove(0);
            }
        }
    }

    /// Save many new orders at once (a generator, a bulk import): each file is written whole
    /// and renamed into place like any save, but the disk is flushed once for the batch rather
    /// than twice a file, and the index gets one transaction. Refused as a whole, before
    /// anything is written, when an id is taken.
    pub fn create_batch(&mut self, mut orders: Vec<Order>) -> Result<(), StoreError> {
        for order in &mut orders {
            self.sign(order);
        }
        for order in &orders {
            file::check_id(&order.id)?;
            if self.slots.contains_key(&order.id)
                || self.path_of(&order.id).symlink_metadata().is_ok()
            {
                return Err(StoreError::Exists(order.id.clone()));
            }
        }
        let Some(first) = orders.first() else {
            return Ok(());
        };
        let _guard =
            lock::acquire(&self.dir, &self.on_wait).map_err(|source| StoreError::Busy {
                id: first.id.clone(),
                source,
            })?;
        let files = orders
            .iter()
            .map(|o| {
                let bytes = file::encode(o, 1).map_err(|e| StoreError::Encode {
                    id: o.id.clone(),
                    reason: e.to_string(),
                })?;
                Ok((self.path_of(&o.id), bytes))
            })
            .collect::<Result<Vec<(PathBuf, Vec<u8>)>, StoreError>>()?;
        atomic::write_batch(&self.orders_dir(), &files).map_err(|source| StoreError::Write {
            id: first.id.clone(),
            path: self.orders_dir(),
            source,
        })?;
        let mut entries = Vec::with_capacity(orders.len());
        for order in orders {
            let stamp = self
                .path_of(&order.id)
                .symlink_metadata()
                .map(|m| file::Stamp::of(&m))
                .map_err(|source| StoreError::Write {
                    id: order.id.clone(),
                    path: self.path_of(&order.id),
                    source,
                })?;
            let loaded = Loaded {
                order,
                revision: 1,
                newer_schema: None,
            };
            let entry = index::entry_of(&loaded, stamp);
            self.slots.insert(
                entry.summary.id().to_string(),
                Slot {
                    summary: Some(entry.summary.clone()),
                    revision: 1,
                    newer_schema: None,
                    full: OnceCell::new(),
                    stamp: Some(entry.stamp),
                },
            );
            entries.push(entry);
        }
        if let Some(index) = &self.index {
            let puts: Vec<&index::Entry> = entries.iter().collect();
            let _ = index.apply(&puts, &[]);
        }
        Ok(())
    }

    /// Re-read one order from disk (after a conflict, to see the other instance's change).
    pub fn reload(&mut self, id: &str) -> Result<&Loaded, StoreError> {
        file::check_id(id)?;
        match file::read(&self.path_of(id)) {
            Ok((loaded, stamp)) => {
                self.index_put(&index::entry_of(&loaded, stamp));
                self.replace_slot(id, Slot::loaded(loaded, Some(stamp)));
                self.get(id)
            }
            Err(_) => Err(StoreError::NotFound(id.to_string())),
        }
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.orders_dir().join(format!("{id}.json"))
    }

    /// Replace one order's row in the index. A cache: failing to write it is not worth stopping
    /// for (the next full open re-reads the file).
    fn index_put(&self, entry: &index::Entry) {
        if let Some(index) = &self.index {
            let _ = index.put(entry);
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
