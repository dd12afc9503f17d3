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

/// Every tenant's orders under `root`, as the board reads them (each store by [`summaries`]):
/// the tenants' names, each order's summary with the place of its tenant in those names, and
/// what could not be read. An order whose id another tenant's order already has (a store copied
/// by hand) is left out and said: the board tells orders apart by id.
pub fn every_tenant(root: &Path) -> Every {
    let (names, mut problems) = super::tenants::names(root);
    let mut orders = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (tenant, name) in names.iter().enumerate() {
        let (summaries, unread) = summaries(&super::tenants::dir(root, name));
        problems.extend(unread.into_iter().map(|p| format!("tenant {name}: {p}")));
        // Said once a tenant, with the tenant whose ids they repeat first.
        let mut repeats: Vec<(usize, String)> = Vec::new();
        for summary in summaries {
            if let Some(first) = seen.get(summary.id()) {
                repeats.push((*first, summary.id().to_string()));
                continue;
            }
            seen.insert(summary.id().to_string(), tenant);
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
    Every {
        names,
        orders,
        problems,
    }
}

/// What [`every_tenant`] read.
#[derive(Debug, Default)]
pub struct Every {
    /// The tenants, sorted by name.
    pub names: Vec<String>,
    /// Each order with the place of its tenant in `names`.
    pub orders: Vec<(usize, Summary)>,
    /// Orders and folders that could not be read, in words.
    pub problems: Vec<String>,
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
