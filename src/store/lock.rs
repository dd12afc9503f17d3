//! A lock on `DIR/.lock`, a file of its own: the order files are replaced by rename, so a lock on
//! them would not hold. Held while a save checks the revision on disk and replaces the file, and
//! while a start sweeps stale temp files or rewrites the index, so neither touches a save in flight.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

pub struct Guard(File);

/// Wait for the lock.
pub fn acquire(dir: &Path) -> io::Result<Guard> {
    let file = open(dir)?;
    file.lock()?;
    Ok(Guard(file))
}

/// The lock if no one holds it now (for housekeeping that can wait for the next start).
pub fn try_acquire(dir: &Path) -> Option<Guard> {
    let file = open(dir).ok()?;
    file.try_lock().ok()?;
    Some(Guard(file))
}

fn open(dir: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(dir.join(".lock"))
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}
