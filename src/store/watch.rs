//! Noticing changes to `DIR/orders` made by anyone else (another window, the CLI, a sync tool,
//! git): the ids of the order files that changed, a burst of events debounced into one batch.
//!
//! The operating system's events (inotify, FSEvents, ReadDirectoryChangesW through `notify`)
//! say which file changed, so only that file is looked at. Network and synced folders often
//! deliver no events for changes made on another machine, so a slow poll (one `stat` of each
//! file) runs as well; when the watcher cannot start, or `PORTWIZ_WATCH=poll`, a quicker poll
//! does the whole job. Only `<id>.json` names count: portwiz's temp files, the index and the
//! lock are not order files.

use super::file;
use super::file::Stamp;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How changes are noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The operating system's events, with a slow poll for what they miss.
    Events,
    /// A poll of every file's stamp, twice a second.
    Poll,
}

/// After an event, how long to wait for the rest of its burst (a save is a create, a write
/// and a rename; a `git checkout` is hundreds).
const DEBOUNCE: Duration = Duration::from_millis(80);
/// The longest a burst delays its batch.
const MAX_DELAY: Duration = Duration::from_millis(300);
/// The poll beside events: for folders whose events come from elsewhere or not at all.
const SLOW_POLL: Duration = Duration::from_secs(5);
/// The poll alone.
const QUICK_POLL: Duration = Duration::from_millis(500);

/// How the user asked changes to be noticed: `PORTWIZ_WATCH=poll` for the poll alone.
pub fn preferred() -> How {
    match std::env::var("PORTWIZ_WATCH") {
        Ok(v) if v == "poll" => How::Poll,
        _ => How::Events,
    }
}

/// Watch `orders_dir` on a thread of its own, the way `prefer` says when it can; `deliver`
/// gets the ids of changed files, batch by batch, until it returns `false` (its receiver is
/// gone). Returns how it watches.
pub fn watch<F>(orders_dir: &Path, prefer: How, deliver: F) -> How
where
    F: FnMut(BTreeSet<String>) -> bool + Send + 'static,
{
    let (raw_tx, raw_rx) = mpsc::channel::<PathBuf>();
    let watcher = match prefer {
        How::Poll => None,
        How::Events => start_events(orders_dir, raw_tx),
    };
    let how = if watcher.is_some() {
        How::Events
    } else {
        How::Poll
    };
    let poll_every = match how {
        How::Events => SLOW_POLL,
        How::Poll => QUICK_POLL,
    };
    let dir = orders_dir.to_path_buf();
    std::thread::spawn(move || {
        // Owned here: events stop when this thread ends.
        let _watcher = watcher;
        run(&dir, &raw_rx, poll_every, deliver);
    });
    how
}

/// The operating system's watcher on the folder, sending the paths events name.
fn start_events(dir: &Path, tx: mpsc::Sender<PathBuf>) -> Option<notify::RecommendedWatcher> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let handler = move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else {
            return;
        };
        // Reads (ours included) change nothing.
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            let _ = tx.send(path);
        }
    };
    let mut watcher = notify::recommended_watcher(handler).ok()?;
    watcher.watch(dir, RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}

/// The id of an order file's path: `<id>.json` with a valid id, nothing else.
pub fn order_id(path: &Path) -> Option<String> {
    id_of_name(path.file_name()?.to_str()?).map(str::to_string)
}

pub(super) fn id_of_name(name: &str) -> Option<&str> {
    let id = name.strip_suffix(".json")?;
    file::check_id(id).ok()?;
    Some(id)
}

/// Every order file's stamp as last seen, by id, and the poll that last saw it: a poll then
/// compares the folder with it file by file, rather than making a second map of 100,000 ids
/// every few seconds (issue 23).
#[derive(Default)]
struct Known {
    files: HashMap<Box<str>, (Stamp, u32)>,
    poll: u32,
}

impl Known {
    fn of_folder(dir: &Path) -> Known {
        let mut known = Known::default();
        poll(dir, &mut known);
        known
    }
}

/// The ids among `ids` whose stamp differs from `known` (new, changed or gone); `known` is
/// brought up to date.
fn changed(dir: &Path, ids: BTreeSet<String>, known: &mut Known) -> BTreeSet<String> {
    ids.into_iter()
        .filter(|id| {
            let now = dir
                .join(format!("{id}.json"))
                .symlink_metadata()
                .ok()
                .map(|m| Stamp::of(&m));
            let before = match now {
                Some(stamp) => known.files.insert(id.as_str().into(), (stamp, known.poll)),
                None => known.files.remove(id.as_str()),
            };
            before.map(|(stamp, _)| stamp) != now
        })
        .collect()
}

/// The whole folder against `known` (new, changed and gone files), which is brought up to date.
fn poll(dir: &Path, known: &mut Known) -> BTreeSet<String> {
    known.poll = known.poll.wrapping_add(1);
    let this_poll = known.poll;
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let Some(id) = name.to_str().and_then(id_of_name) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let stamp = Stamp::of(&meta);
        match known.files.get_mut(id) {
            Some(seen) => {
                if seen.0 != stamp {
                    ids.insert(id.to_string());
                }
                *seen = (stamp, this_poll);
            }
            None => {
                known.files.insert(id.into(), (stamp, this_poll));
                ids.insert(id.to_string());
            }
        }
    }
    known.files.retain(|id, (_, seen)| {
        if *seen != this_poll {
            ids.insert(id.to_string());
        }
        *seen == this_poll
    });
    ids
}

fn run<F>(dir: &Path, raw: &mpsc::Receiver<PathBuf>, poll_every: Duration, mut deliver: F)
where
    F: FnMut(BTreeSet<String>) -> bool,
{
    let mut known = Known::of_folder(dir);
    let mut next_poll = Instant::now() + poll_every;
    loop {
        let wait = next_poll.saturating_duration_since(Instant::now());
        let batch = match raw.recv_timeout(wait) {
            Ok(first) => {
                let mut ids: BTreeSet<String> = order_id(&first).into_iter().collect();
                let start = Instant::now();
                // The rest of the burst.
                while start.elapsed() < MAX_DELAY {
                    match raw.recv_timeout(DEBOUNCE) {
                        Ok(path) => ids.extend(order_id(&path)),
                        Err(_) => break,
                    }
                }
                changed(dir, ids, &mut known)
            }
            Err(RecvTimeoutError::Timeout) => {
                next_poll = Instant::now() + poll_every;
                poll(dir, &mut known)
            }
            // No events (the poll alone): wait for the poll's turn.
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(wait);
                next_poll = Instant::now() + poll_every.min(QUICK_POLL);
                poll(dir, &mut known)
            }
        };
        if !batch.is_empty() && !deliver(batch) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_order_file_names_count() {
        assert_eq!(
            order_id(Path::new("/s/orders/PO-ABC.json")).as_deref(),
            Some("PO-ABC")
        );
        for other in [
            "/s/orders/.portwiz-tmp-1-2-PO-ABC.json",
            "/s/orders/PO-ABC.json.tmp",
            "/s/index.sqlite",
            "/s/orders/notes.txt",
        ] {
            assert_eq!(order_id(Path::new(other)), None, "{other}");
        }
    }

    #[test]
    fn a_poll_finds_new_changed_and_gone_files() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let write = |name: &str, text: &str| {
            std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{e}"))
        };
        write("PO-A.json", "{}");
        write("PO-B.json", "{}");
        let mut known = Known::of_folder(dir.path());
        write("PO-B.json", "{\"changed\": true}");
        write("PO-C.json", "{}");
        write(".portwiz-tmp-PO-D.json", "{}");
        std::fs::remove_file(dir.path().join("PO-A.json")).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<String> = poll(dir.path(), &mut known).into_iter().collect();
        assert_eq!(ids, ["PO-A", "PO-B", "PO-C"]);
        assert!(poll(dir.path(), &mut known).is_empty());
    }

    /// A file written after the watch starts is delivered within a second or two, by events
    /// and by the poll alone; a temp file is not.
    #[test]
    fn a_change_is_delivered_either_way() {
        for prefer in [How::Events, How::Poll] {
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            let (tx, rx) = mpsc::channel();
            let how = watch(dir.path(), prefer, move |ids| tx.send(ids).is_ok());
            if prefer == How::Poll {
                assert_eq!(how, How::Poll);
            }
            // Give the watcher its first look before writing.
            std::thread::sleep(Duration::from_millis(100));
            std::fs::write(dir.path().join(".portwiz-tmp-1-2-PO-X.json"), "{}")
                .unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(dir.path().join("PO-NEW.json"), "{}").unwrap_or_else(|e| panic!("{e}"));
            let ids = rx
                .recv_timeout(Duration::from_secs(5))
                .unwrap_or_else(|e| panic!("{how:?}: nothing delivered: {e}"));
            assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["PO-NEW"], "{how:?}");
        }
    }
}
