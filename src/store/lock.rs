//! A lock on `DIR/.lock`, a file of its own: the order files are replaced by rename, so a lock on
//! them would not hold. Held only while a save checks the revision on disk and replaces the file.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

pub struct Guard(File);

pub fn acquire(dir: &Path) -> io::Result<Guard> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(dir.join(".lock"))?;
    file.lock()?;
    Ok(Guard(file))
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}
