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
    summaries.reserve(cached.len());
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(id) = name.to_str().and_then(super::watch::id_of_name) else {
            continue;
        };
        // Looked at from the folder (no path walked again for each of 100,000 files), without
        // following a link: only regular files, as every read of the store.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        match cached.remove(id) {
            Some(row) if row.stamp == Stamp::of(&meta) => summaries.push(*row.summary),
            _ => match file::read(&entry.path()) {
                Ok((loaded, _)) => summaries.push(Summary::of(&loaded.order)),
                Err(e) => problems.push(format!("{}: {}", entry.path().display(), why(e))),
            },
        }
    }
    (summaries, problems)
}

/// One order of tenant `tenant`'s store as its file now says, read as [`summaries`] reads
/// (nothing written there); `None` when there is no such order file or it cannot be read.
pub fn summary_of(root: &Path, tenant: &str, id: &str) -> Option<Summary> {
    crate::domain::tenant::check_name(tenant).ok()?;
    file::check_id(id).ok()?;
    let path = super::tenants::dir(root, tenant)
        .join("orders")
        .join(format!("{id}.json"));
    if !path.symlink_metadata().ok()?.is_file() {
        return None;
    }
    let (loaded, _) = file::read(&path).ok()?;
    Some(Summary::of(&loaded.order))
}

/// One order file of tenant `tenant` read again after the watcher saw it change, as the board
/// reads (nothing written in that store, nothing set aside).
#[derive(Debug)]
pub enum Reread {
    /// The order as its file now says.
    Changed(Box<crate::domain::Order>),
    /// No such order file any more.
    Gone,
    /// The file is there but cannot be read: said, left in place.
    Unreadable(super::Notice),
}

/// Read order `id` of tenant `tenant` again (see [`Reread`]); `None` for a name or an id that
/// is not one.
pub fn reread(root: &Path, tenant: &str, id: &str) -> Option<Reread> {
    crate::domain::tenant::check_name(tenant).ok()?;
    file::check_id(id).ok()?;
    let path = super::tenants::dir(root, tenant)
        .join("orders")
        .join(format!("{id}.json"));
    let Ok(meta) = path.symlink_metadata() else {
        return Some(Reread::Gone);
    };
    if !meta.is_file() {
        return Some(Reread::Gone);
    }
    Some(match file::read(&path) {
        Ok((loaded, _)) => Reread::Changed(Box::new(loaded.order)),
        Err(e) => Reread::Unreadable(super::Notice::Unreadable {
            reason: why(e),
            path,
        }),
    })
}

fn why(e: file::ReadError) -> String {
    match e {
        file::ReadError::Corrupt(reason) | file::ReadError::Unreadable(reason) => reason,
        file::ReadError::Newer { version, reason } => {
            format!("written by a newer portwiz (schema {version}): {reason}")
        }
    }
}

/// Every tenant's orders under `root`, as the board reads them (each store by [`summaries`]):
/// the tenants' names, each order's summary with the place of its tenant in those names, and
/// what could not be read. An order whose id another tenant's order already has (a store copied
/// by hand) is left out and said: the board tells orders apart by id.
pub fn every_tenant(root: &Path) -> Every {
    every_tenant_reporting(root, &|_, _| {})
}

/// [`every_tenant`], the tenants read on a few threads at once; `progress` hears (tenants read,
/// tenants) as each one is done.
pub fn every_tenant_reporting(root: &Path, progress: &(dyn Fn(usize, usize) + Sync)) -> Every {
    let (names, problems) = super::tenants::names(root);
    let read = each_in_parallel(&names, progress, |name| {
        summaries(&super::tenants::dir(root, name))
    });
    gather(names, problems, read)
}

/// The board's first frame: the newest orders of each tenant (the `FIRST_SCREEN` most recently
/// changed), as its index last saw them, without looking at any order file, so it comes at
/// once whatever the number of orders. [`every_tenant`] then reads them all (on a thread of the
/// runtime's) and replaces it. What could not be read is left for that read to say.
pub fn newest(root: &Path) -> Every {
    let (names, _) = super::tenants::names(root);
    let read = names
        .iter()
        .map(|name| {
            let dir = super::tenants::dir(root, name);
            let rows = index::read_only_newest(&dir, super::open::FIRST_SCREEN);
            let summaries = rows.unwrap_or_default().into_iter().map(|e| *e.summary);
            (summaries.collect(), Vec::new())
        })
        .collect();
    let mut every = gather(names, Vec::new(), read);
    every.problems.clear();
    every
}

/// `read` of each of `names`, in their order, on up to four threads (the tenants' stores are
/// independent): done tenants are counted into `progress`.
fn each_in_parallel<T: Send>(
    names: &[String],
    progress: &(dyn Fn(usize, usize) + Sync),
    read: impl Fn(&str) -> T + Sync,
) -> Vec<T> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let (next, done) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let results: Mutex<Vec<(usize, T)>> = Mutex::new(Vec::with_capacity(names.len()));
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(name) = names.get(i) else {
                return;
            };
            let result = read(name);
            if let Ok(mut results) = results.lock() {
                results.push((i, result));
            }
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, names.len());
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads.min(names.len()) {
            scope.spawn(work);
        }
        work();
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, result)| result).collect()
}

/// Each tenant's orders read (in the order of `names`) made one board: an id is shown once,
/// with the first tenant that has it.
fn gather(
    names: Vec<String>,
    mut problems: Vec<String>,
    read: Vec<(Vec<Summary>, Vec<String>)>,
) -> Every {
    let total = read.iter().map(|(s, _)| s.len()).sum();
    let mut orders = Vec::with_capacity(total);
    let mut tenant_of: HashMap<String, usize> = HashMap::with_capacity(total);
    for (tenant, (summaries, unread)) in read.into_iter().enumerate() {
        let name = names.get(tenant).map_or("", String::as_str);
        problems.extend(unread.into_iter().map(|p| format!("tenant {name}: {p}")));
        // Said once a tenant, with the tenant whose ids they repeat first.
        let mut repeats: Vec<(usize, String)> = Vec::new();
        for summary in summaries {
            if let Some(first) = tenant_of.get(summary.id()) {
                repeats.push((*first, summary.id().to_string()));
                continue;
            }
            tenant_of.insert(summary.id().to_string(), tenant);
            orders.push((tenant, summary));
        }
        if let Some((first, id)) = repeats.first() {
            problems.push(format!(
                "tenant {name}: {} of its orders ({id} first) have the ids of orders of tenant {} (a copied store?); the board shows each id once: open them with --tenant {name}",
                repeats.len(),
                names[*first]
            ));
        }
    }
    // In id order, as a store's: the history then tells equal keys apart by place.
    orders.sort_unstable_by(|a: &(usize, Summary), b| a.1.id().cmp(b.1.id()));
    Every {
        names,
        orders,
        tenant_of,
        problems,
    }
}

/// What [`every_tenant`] read.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Every {
    /// The tenants, sorted by name.
    pub names: Vec<String>,
    /// Each order with the place of its tenant in `names`.
    pub orders: Vec<(usize, Summary)>,
    /// The place in `names` of each order's tenant, by order id (the board's `tenant_of`).
    pub tenant_of: HashMap<String, usize>,
    /// Orders and folders that could not be read, in words.
    pub problems: Vec<String>,
}

impl Every {
    /// Put in (or replace) one order of tenant `tenant` (an order read again).
    pub fn put(&mut self, tenant: &str, summary: Summary) {
        let Some(place) = self.names.iter().position(|n| n == tenant) else {
            return;
        };
        self.tenant_of.insert(summary.id().to_string(), place);
        match self.orders.iter_mut().find(|(_, s)| s.id() == summary.id()) {
            Some(slot) => *slot = (place, summary),
            None => self.orders.push((place, summary)),
        }
    }
}

/// The board's stores: a tenant's store is opened (for commands about one order: nothing
/// scanned, `Store::open_one`) when one of its orders is first opened or saved, and every edit of
/// that order goes to it alone, under its own lock. No store is opened before.
#[derive(Debug)]
pub struct Stores {
    root: std::path::PathBuf,
    open: HashMap<String, super::Store>,
    /// The tenant whose store was used last.
    last: Option<String>,
}

impl Stores {
    pub fn new(root: &Path) -> Stores {
        Stores {
            root: root.to_path_buf(),
            open: HashMap::new(),
            last: None,
        }
    }

    /// The tenant whose store was used last (where an order's page was last opened or saved).
    pub fn last(&self) -> Option<&str> {
        self.last.as_deref()
    }

    /// The data folder whose tenants these are.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Tenant `name`'s store, opened the first time; only an existing tenant's (the board never
    /// makes one).
    pub fn of(&mut self, name: &str) -> Result<&mut super::Store, super::StoreError> {
        if !self.open.contains_key(name) {
            let dir = super::tenants::dir(&self.root, name);
            if crate::domain::tenant::check_name(name).is_err() || !dir.is_dir() {
                return Err(super::StoreError::Folder {
                    path: dir,
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "no such tenant (renamed or removed since the board was read?)",
                    ),
                });
            }
            let (store, _) = super::Store::open_one(&dir)?;
            self.open.insert(name.to_string(), store);
        }
        self.last = Some(name.to_string());
        self.open
            .get_mut(name)
            .ok_or_else(|| super::StoreError::NotFound(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_two_tenants_share_is_shown_once_and_said_once_a_tenant() {
        let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = temp.path();
        for tenant in ["alpha", "beta"] {
            let dir = super::super::tenants::create(root, tenant).unwrap_or_else(|e| panic!("{e}"));
            let (mut store, _) = super::super::Store::open(&dir).unwrap_or_else(|e| panic!("{e}"));
            for id in [
                "PO-SAME1",
                "PO-SAME2",
                &format!("PO-{}", tenant.to_uppercase()),
            ] {
                let order = crate::domain::Order::new(
                    id.to_string(),
                    crate::domain::OrderFields::default(),
                    jiff::Timestamp::UNIX_EPOCH,
                );
                store.create(order).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        let every = every_tenant(root);
        assert_eq!(every.names, ["alpha", "beta"]);
        assert_eq!(every.orders.len(), 4, "{:?}", every.orders);
        assert_eq!(every.problems.len(), 1, "{:?}", every.problems);
        assert!(
            every.problems[0].starts_with("tenant beta: 2 of its orders"),
            "{:?}",
            every.problems
        );
        let mut stores = Stores::new(root);
        assert!(stores.of("beta").is_ok() && stores.last() == Some("beta"));
        assert!(stores.of("gamma").is_err(), "the board makes no tenant");
        assert!(!super::super::tenants::dir(root, "gamma").exists());
    }
}
