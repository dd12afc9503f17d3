//! A lock on `DIR/.lock`, a file of its own: the order files are replaced by rename, so a lock on
//! them would not hold. Held while a save checks the revision on disk and replaces the file, and
//! while a start sweeps stale temp files, so neither touches a save in flight. The holder writes
//! its process id into the file, so a waiting instance can say whom it waits for.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::Path;
use std::time::{Duration, Instant};

pub struct Guard(File);

/// How long a save waits for another instance's save before giving up: saves hold the lock for
/// milliseconds, so this long means something is stuck. `PORTWIZ_LOCK_TIMEOUT_MS` shortens it
/// (tests).
fn timeout() -> Duration {
    std::env::var("PORTWIZ_LOCK_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(Duration::from_secs(10), Duration::from_millis)
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("cannot open the lock file: {0}")]
    Io(#[from] io::Error),
    #[error(
        "another portwiz{} has been saving for {}s and still holds the store's lock; nothing was saved. Try again when it has finished (or close it).",
        holder.map(|p| format!(" (pid {p})")).unwrap_or_default(),
        waited.as_secs()
    )]
    TimedOut {
        holder: Option<u32>,
        waited: Duration,
    },
}

/// Wait for the lock, at most `timeout()`. `waiting` hears once, with the holder's pid when
/// known, that the wait has begun.
pub fn acquire(dir: &Path, waiting: &dyn Fn(Option<u32>)) -> Result<Guard, LockError> {
    let mut file = open(dir)?;
    let start = Instant::now();
    let limit = timeout();
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) => {
                // Best effort: the pid only makes another instance's message clearer.
                let _ = file.set_len(0).and_then(|()| {
                    file.rewind()?;
                    write!(file, "{}", std::process::id())
                });
                return Ok(Guard(file));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
            Err(std::fs::TryLockError::WouldBlock) => {}
        }
        if !told {
            waiting(holder(&mut file));
            told = true;
        }
        if start.elapsed() >= limit {
            return Err(LockError::TimedOut {
                holder: holder(&mut file),
                waited: start.elapsed(),
            });
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The lock if no one holds it now (for housekeeping that can wait for the next start).
pub fn try_acquire(dir: &Path) -> Option<Guard> {
    let file = open(dir).ok()?;
    file.try_lock().ok()?;
    Some(Guard(file))
}

/// The process id the holder wrote, if any.
fn holder(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(16).read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

/// Never through a link (a `.lock` committed as a link to `~/.bashrc` would be emptied) and never
/// a FIFO: `own::open` refuses both.
fn open(dir: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    super::own::open(&dir.join(".lock"), &mut options)
}

impl Drop for Guard {
    fn drop(&mut self) {
        // No pid left behind: a later holder that writes none (an older portwiz) is not named
        // by ours.
        let _ = self.0.set_len(0);
        let _ = self.0.unlock();
    }
}
