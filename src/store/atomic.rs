//! Atomic, durable file writes: a temp file in the same folder, fsync, rename over the target,
//! fsync the folder. A crash at any moment leaves the old file or the new one, never a torn one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Temp files start with this, so a start-up sweep can find the ones a crash left behind.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Where a temp file's bytes go: a file that can be flushed to disk. Tests supply one that fails
/// the way a full disk does.
pub trait Sink: Write {
    fn sync_all(&mut self) -> io::Result<()>;
}

impl Sink for File {
    fn sync_all(&mut self) -> io::Result<()> {
        File::sync_all(self)
    }
}

/// How to open a temp file for writing.
pub type OpenTemp = fn(&Path) -> io::Result<Box<dyn Sink>>;

/// Write `bytes` to `path` atomically, with 0600 permissions on Unix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, open_private)
}

/// `write_atomic` with the temp file opened by `open_temp`.
pub fn write_atomic_with(path: &Path, bytes: &[u8], open_temp: OpenTemp) -> io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("a file path without a folder"))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let temp = dir.join(format!("{TEMP_PREFIX}{}-{name}", std::process::id()));
    let written = open_temp(&temp).and_then(|mut sink| {
        sink.write_all(bytes)?;
        sink.sync_all()
    });
    let result = written.and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        // The target is untouched; the temp file is ours and half-written, so it goes.
        let _ = fs::remove_file(&temp);
        return result;
    }
    sync_dir(dir)
}

/// A new temp file, 0600 on Unix.
pub fn open_private(temp: &Path) -> io::Result<Box<dyn Sink>> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    Ok(Box::new(options.open(temp)?))
}

/// fsync a folder so a rename in it survives a power cut.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Create a folder (and its parents) with 0700 permissions on Unix.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Temp files a crashed save left behind in `dir`.
pub fn stale_temp_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(TEMP_PREFIX))
        })
        .collect()
}

/// Permissions wider than owner-only, as a warning to show (Unix only).
pub fn wider_than_private(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).ok()?.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then(|| {
            format!(
                "{} is readable by others (mode {mode:o}); run: chmod go-rwx {}",
                path.display(),
                path.display()
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Whether a file's mode lets anyone but its owner in (never on non-Unix systems).
pub fn is_wider_than_private(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o077 != 0
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// One warning for order files others can read: each named when few, the folder's when many.
pub fn wide_files_warning(orders_dir: &Path, files: &[PathBuf]) -> Option<String> {
    const NAMED: usize = 3;
    match files.len() {
        0 => None,
        n if n <= NAMED => {
            let names: Vec<String> = files.iter().map(|f| format!("'{}'", f.display())).collect();
            Some(format!(
                "{} readable by others; run: chmod 600 {}",
                if n == 1 {
                    "this order file is"
                } else {
                    "these order files are"
                },
                names.join(" ")
            ))
        }
        n => Some(format!(
            "{n} order files in {dir} are readable by others; run: chmod 600 '{dir}'/*.json",
            dir = orders_dir.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_the_file_and_leave_no_temp() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one")?;
        write_atomic(&path, b"two")?;
        assert_eq!(fs::read(&path)?, b"two");
        assert!(stale_temp_files(dir.path()).is_empty());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o777, 0o600);
        }
        Ok(())
    }
}
