//! `DIR/index.sqlite`: a cache of every order's summary, keyed by the file's size, modification
//! time and inode. Opening the store stats each file and parses only those the index does not
//! match; a save updates its order's row in the same step. The index is only a cache
//! (docs/storage.md): a missing, stale or broken one is rebuilt from the order files, which stay the
//! truth, and failing to write it never fails a command.
//!
//! One row an order, with the summary's columns, all of the order's digits (what the `/` filter
//! searches) and its carrier's key, so `submit` finds the carrier's recent orders without a scan.

use super::file::Stamp;
use crate::domain::Status;
use crate::domain::insights::carrier_key;
use crate::domain::summary::{Summary, SummaryParts};
use jiff::Timestamp;
use rusqlite::{Connection, params};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Bumped whenever what a row holds changes, so an old index is rebuilt rather than trusted.
const INDEX_VERSION: i64 = 5;

#[derive(Debug, Clone)]
pub struct Entry {
    pub stamp: Stamp,
    pub revision: u64,
    pub newer_schema: Option<u32>,
    /// Boxed: 100,000 entries are moved about while a store opens.
    pub summary: Box<Summary>,
}

pub fn path(dir: &Path) -> PathBuf {
    dir.join("index.sqlite")
}

pub struct Index {
    conn: Connection,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Index")
    }
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS orders (
    id TEXT PRIMARY KEY NOT NULL,
    lower_id TEXT NOT NULL,
    len INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL,
    revision INTEGER NOT NULL, newer_schema INTEGER,
    name TEXT NOT NULL, status TEXT NOT NULL, carrier TEXT NOT NULL,
    number_count INTEGER NOT NULL,
    port_date TEXT NOT NULL, foc_date TEXT, rejections INTEGER NOT NULL,
    updated_at INTEGER NOT NULL, in_status_since INTEGER NOT NULL, ticket TEXT,
    carrier_key TEXT NOT NULL,
    search_text TEXT NOT NULL, digits TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_by_lower_id ON orders(lower_id);
CREATE INDEX IF NOT EXISTS orders_by_update ON orders(updated_at);
CREATE INDEX IF NOT EXISTS orders_by_carrier
    ON orders(carrier_key, updated_at, id, status);
";

const COLUMNS: &str = "id, len, mtime_ns, inode, revision, newer_schema, name, status, carrier, \
     number_count, port_date, foc_date, rejections, updated_at, in_status_since, \
     ticket, search_text, digits";

/// Every row of the index of the store at `dir`, read without writing anything there (the board
/// reads other tenants' stores): opened read-only and immutable, so SQLite takes no lock and
/// makes no `-shm`/`-wal` file; rows still only in the write-ahead log are missed, which the
/// caller's check of each file's stamp makes up for. `None` when there is no usable index.
pub fn read_only_rows(dir: &Path) -> Option<Vec<Entry>> {
    read_only_query(dir, &format!("SELECT {COLUMNS} FROM orders"), -1)
}

/// The `limit` most recently changed rows of the index of the store at `dir`, read as
/// [`read_only_rows`] reads (nothing written there): a first screen of that store, with no
/// order file looked at.
pub fn read_only_newest(dir: &Path, limit: usize) -> Option<Vec<Entry>> {
    let query = format!("SELECT {COLUMNS} FROM orders ORDER BY updated_at DESC, id DESC LIMIT ?1");
    read_only_query(dir, &query, i64::try_from(limit).unwrap_or(i64::MAX))
}

/// The rows `query` (whose `?1` is `limit`, when it has one) selects from the index at `dir`,
/// opened read-only and immutable.
fn read_only_query(dir: &Path, query: &str, limit: i64) -> Option<Vec<Entry>> {
    let file = path(dir);
    if super::own::odd(&file).is_some() || !file.is_file() {
        return None;
    }
    let escaped = file
        .to_str()?
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23");
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
        | rusqlite::OpenFlags::SQLITE_OPEN_URI
        | rusqlite::OpenFlags::SQLITE_OPEN_NOFOLLOW;
    let conn = Connection::open_with_flags(format!("file:{escaped}?immutable=1"), flags).ok()?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .ok()?;
    if version != INDEX_VERSION {
        return None;
    }
    let mut stmt = conn.prepare(query).ok()?;
    let rows = match stmt.parameter_count() {
        0 => stmt.query_map([], entry_of_row),
        _ => stmt.query_map([limit], entry_of_row),
    };
    rows.ok()?.collect::<rusqlite::Result<Vec<Entry>>>().ok()
}

impl Index {
    /// The index of the store at `dir`, created when missing and started afresh when it cannot
    /// be read or is of another version. `None` when even a fresh one cannot be made (a
    /// read-only folder): the store then works from the files alone.
    pub fn open(dir: &Path) -> Option<Index> {
        match Index::try_open(dir) {
            Ok(index) => Some(index),
            Err(_) => {
                remove_files(dir);
                Index::try_open(dir).ok()
            }
        }
    }

    fn try_open(dir: &Path) -> rusqlite::Result<Index> {
        let file = path(dir);
        // A link or a FIFO as any of its files: SQLite would write through the link (or wait on
        // the FIFO for ever). Refused here, then removed and made afresh by `open`.
        for name in &super::own::FILES[1..5] {
            if super::own::odd(&dir.join(name)).is_some() {
                return Err(rusqlite::Error::InvalidPath(dir.join(name)));
            }
        }
        create_private_file(&file);
        let flags = rusqlite::OpenFlags::default() | rusqlite::OpenFlags::SQLITE_OPEN_NOFOLLOW;
        let conn = Connection::open_with_flags(&file, flags)?;
        // Another process's save holds the write lock for milliseconds; a cache never waits long.
        conn.busy_timeout(Duration::from_secs(2))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != INDEX_VERSION {
            if version != 0 {
                return Err(rusqlite::Error::InvalidQuery);
            }
            conn.query_row("PRAGMA journal_mode=WAL", [], |_| Ok(()))?;
            conn.execute_batch(SCHEMA)?;
            conn.execute_batch(&format!("PRAGMA user_version = {INDEX_VERSION}"))?;
        }
        // WAL keeps readers off a writer's way; a lost last transaction after a power cut only
        // means a re-read of the files it described.
        conn.execute_batch("PRAGMA synchronous = NORMAL")?;
        // Reading the schema now finds a broken file here rather than at the first query.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        Ok(Index { conn })
    }

    /// Throw the index away and start an empty one (it was found broken while reading it).
    pub fn reset(self, dir: &Path) -> Option<Index> {
        drop(self);
        remove_files(dir);
        Index::try_open(dir).ok()
    }

    /// Every row, in id order; an error means the index is broken.
    pub fn all(&self) -> rusqlite::Result<Vec<Entry>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM orders ORDER BY id"))?;
        let rows = stmt.query_map([], entry_of_row)?;
        rows.collect()
    }

    /// The `limit` most recently changed orders: enough for a first screen.
    pub fn newest(&self, limit: usize) -> rusqlite::Result<Vec<Entry>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM orders ORDER BY updated_at DESC, id DESC LIMIT ?1"
        ))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map([limit], entry_of_row)?;
        rows.collect()
    }

    /// Ids that start with `prefix`, in any case.
    pub fn ids_with_prefix(&self, prefix: &str) -> rusqlite::Result<Vec<String>> {
        let lower = prefix.to_ascii_lowercase();
        // Ids are ASCII letters, digits, `-` and `_`, all below U+007F.
        let upper = format!("{lower}\u{7f}");
        let mut stmt = self.conn.prepare(
            "SELECT id FROM orders WHERE lower_id >= ?1 AND lower_id < ?2 ORDER BY id LIMIT 50",
        )?;
        let rows = stmt.query_map([&lower, &upper], |r| r.get(0))?;
        rows.collect()
    }

    /// The ids and last changes of the orders whose carrier has this key
    /// (`insights::carrier_key`), drafts left out, most recently changed first; at most `limit`
    /// of them when given.
    pub fn carrier_newest(
        &self,
        carrier_key: &str,
        limit: Option<usize>,
    ) -> rusqlite::Result<Vec<(String, Timestamp)>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, updated_at FROM orders WHERE carrier_key = ?1 AND status != 'draft' \
             ORDER BY updated_at DESC, id DESC LIMIT ?2",
        )?;
        let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
        let rows = stmt.query_map(params![carrier_key, limit], |r| {
            let ns: i64 = r.get(1)?;
            let at = Timestamp::from_nanosecond(i128::from(ns)).map_err(|_| {
                rusqlite::Error::InvalidColumnType(
                    1,
                    "updated_at".into(),
                    rusqlite::types::Type::Integer,
                )
            })?;
            Ok((r.get(0)?, at))
        })?;
        rows.collect()
    }

    /// Replace one order's row.
    pub fn put(&self, entry: &Entry) -> rusqlite::Result<()> {
        self.apply(&[entry], &[])
    }

    /// Write some rows and remove others, all in one transaction: a kill leaves all or none.
    pub fn apply(&self, puts: &[&Entry], removes: &[String]) -> rusqlite::Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        {
            let mut put_order = tx.prepare(&format!(
                "INSERT OR REPLACE INTO orders (lower_id, carrier_key, {COLUMNS}) VALUES \
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
            ))?;
            let mut drop_order = tx.prepare("DELETE FROM orders WHERE id = ?1")?;
            for id in removes {
                drop_order.execute([id])?;
            }
            for entry in puts {
                let s = &entry.summary;
                put_order.execute(params![
                    s.id().to_ascii_lowercase(),
                    carrier_key(s.carrier()),
                    s.id(),
                    entry.stamp.len as i64,
                    entry.stamp.mtime_ns,
                    entry.stamp.inode as i64,
                    // Stored bit for bit: a revision above i64::MAX reads back the same.
                    entry.revision as i64,
                    entry.newer_schema,
                    s.name(),
                    s.status.key(),
                    s.carrier(),
                    s.number_count as i64,
                    s.port_date(),
                    s.foc_date.map(|d| d.to_string()),
                    s.rejections as i64,
                    nanos(s.updated_at),
                    nanos(s.in_status_since),
                    s.ticket(),
                    s.search_text(),
                    s.digits(),
                ])?;
            }
        }
        tx.commit()
    }
}

fn nanos(t: Timestamp) -> i64 {
    i64::try_from(t.as_nanosecond()).unwrap_or(i64::MAX)
}

fn entry_of_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Entry> {
    let bad = |i: usize| {
        rusqlite::Error::InvalidColumnType(i, "value".into(), rusqlite::types::Type::Text)
    };
    let status: String = r.get(7)?;
    let status: Status = status.parse().map_err(|_| bad(7))?;
    let foc_date: Option<String> = r.get(11)?;
    let foc_date = foc_date
        .map(|d| d.parse().map_err(|_| bad(11)))
        .transpose()?;
    let timestamp = |i: usize| -> rusqlite::Result<Timestamp> {
        let ns: i64 = r.get(i)?;
        Timestamp::from_nanosecond(i128::from(ns)).map_err(|_| bad(i))
    };
    let parts = SummaryParts {
        id: r.get(0)?,
        name: r.get(6)?,
        status,
        carrier: r.get(8)?,
        number_count: r.get::<_, i64>(9)? as usize,
        port_date: r.get(10)?,
        foc_date,
        rejections: r.get::<_, i64>(12)? as usize,
        updated_at: timestamp(13)?,
        in_status_since: timestamp(14)?,
        ticket: r.get(15)?,
        search_text: r.get(16)?,
        digits: r.get(17)?,
    };
    let summary = Summary::from_parts(parts).ok_or_else(|| bad(16))?;
    Ok(Entry {
        stamp: Stamp {
            len: r.get::<_, i64>(1)? as u64,
            mtime_ns: r.get(2)?,
            inode: r.get::<_, i64>(3)? as u64,
        },
        revision: r.get::<_, i64>(4)? as u64,
        newer_schema: r.get(5)?,
        summary: Box::new(summary),
    })
}

/// The entry for an order just read or written.
pub fn entry_of(loaded: &super::Loaded, stamp: Stamp) -> Entry {
    Entry {
        stamp,
        revision: loaded.revision,
        newer_schema: loaded.newer_schema,
        summary: Box::new(Summary::of(&loaded.order)),
    }
}

/// Make the file owner-only before SQLite opens it (its `-wal` and `-shm` files copy its mode).
fn create_private_file(file: &Path) {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let _ = super::own::open(file, &mut options);
}

fn remove_files(dir: &Path) {
    let file = path(dir);
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = file.clone().into_os_string();
        name.push(suffix);
        let _ = fs::remove_file(PathBuf::from(name));
    }
}
