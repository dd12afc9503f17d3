//! Atomic, durable file writes: a temp file in the same folder, fsync, rename over the target,
//! fsync the folder. A crash at any moment leaves the old file or the new one, never a torn one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Temp files start with this, so a start-up sweep can find the ones a crash left behind and
/// leave every other file alone (a `.tmp-*` of another tool is not ours).
pub const TEMP_PREFIX: &str = ".portwiz-tmp-";

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
    let (dir, name) = dir_and_name(path)?;
    let (temp, opened) = open_new_temp(dir, name, open_temp)?;
    write_then_rename(&temp, opened, bytes, path, dir)
}

/// `write_atomic_with` for a caller that holds the store's lock (`lock::acquire`): the temp file
/// has one name per target, `.portwiz-tmp-NAME`, and no other save can be using it, so one that
/// a killed save left (its bytes may hold the PIN) is removed first by this save.
pub fn write_atomic_locked(path: &Path, bytes: &[u8], open_temp: OpenTemp) -> io::Result<()> {
    let (dir, name) = dir_and_name(path)?;
    let temp = dir.join(format!("{TEMP_PREFIX}{name}"));
    match fs::symlink_metadata(&temp) {
        // Ours by its name; a link there is removed itself, never followed.
        Ok(_) => fs::remove_file(&temp)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let opened = open_temp(&temp)?;
    write_then_rename(&temp, opened, bytes, path, dir)
}

fn dir_and_name(path: &Path) -> io::Result<(&Path, &str)> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("a file path without a folder"))?;
    Ok((
        dir,
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
    ))
}

fn write_then_rename(
    temp: &Path,
    mut sink: Box<dyn Sink>,
    bytes: &[u8],
    path: &Path,
    dir: &Path,
) -> io::Result<()> {
    let written = sink.write_all(bytes).and_then(|()| sink.sync_all());
    drop(sink);
    let result = written.and_then(|()| fs::rename(temp, path));
    if result.is_err() {
        // The target is untouched; the temp file is ours and half-written, so it goes.
        let _ = fs::remove_file(temp);
        return result;
    }
    sync_dir(dir)
}

/// Write new files into `dir` atomically, flushing the disk once for all: every temp file is
/// written, the file system synced, then each renamed into place and the folder synced. A crash
/// leaves each file absent or whole (and maybe temp files, which the next start sweeps).
pub fn write_batch(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    let mut temps = Vec::with_capacity(files.len());
    let result = (|| {
        for (path, bytes) in files {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
            let (temp, mut sink) = open_new_temp(dir, name, open_private)?;
            temps.push(temp);
            sink.write_all(bytes)?;
            if !CAN_SYNC_FILE_SYSTEM {
                sink.sync_all()?;
            }
        }
        sync_file_system(dir)?;
        for ((path, _), temp) in files.iter().zip(&temps) {
            fs::rename(temp, path)?;
        }
        sync_dir(dir)
    })();
    if result.is_err() {
        for temp in &temps {
            let _ = fs::remove_file(temp);
        }
    }
    result
}

#[cfg(target_os = "linux")]
const CAN_SYNC_FILE_SYSTEM: bool = true;
#[cfg(not(target_os = "linux"))]
const CAN_SYNC_FILE_SYSTEM: bool = false;

/// Flush everything written to the file system holding `dir` (Linux's syncfs): one call for a
/// whole batch of files. Elsewhere each file was synced as it was written.
fn sync_file_system(dir: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        unsafe extern "C" {
            fn syncfs(fd: std::ffi::c_int) -> std::ffi::c_int;
        }
        let folder = File::open(dir)?;
        // SAFETY: syncfs takes any open descriptor and only reads it; `folder` outlives the call.
        if unsafe { syncfs(folder.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
    Ok(())
}

/// A temp file of a name no one else uses: our prefix, our pid and a random part, created with
/// `create_new` so an existing file (or a link planted there) is never opened.
fn open_new_temp(
    dir: &Path,
    name: &str,
    open_temp: OpenTemp,
) -> io::Result<(PathBuf, Box<dyn Sink>)> {
    let mut last = io::Error::other("no temp file name was free");
    for _ in 0..8 {
        let temp = dir.join(format!(
            "{TEMP_PREFIX}{}-{:016x}-{name}",
            std::process::id(),
            random()
        ));
        match open_temp(&temp) {
            Ok(sink) => return Ok((temp, sink)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// 64 random-enough bits: the std hasher's random keys, the clock and a counter.
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.finish()
}

/// A new temp file, 0600 on Unix; fails when the name exists.
pub fn open_private(temp: &Path) -> io::Result<Box<dyn Sink>> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
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

/// Temp files of ours a crashed save left behind in `dir` (regular files with our prefix only).
pub fn stale_temp_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(TEMP_PREFIX))
        })
        .map(|e| e.path())
        .collect()
}

/// Permissions wider than owner-only, as a warning to show (Unix only).
pub fn wider_than_private(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Of the folder itself: a link's mode says nothing, and chmod would change its target.
        let meta = fs::symlink_metadata(path).ok()?;
        if meta.file_type().is_symlink() {
            return None;
        }
        let mode = meta.permissions().mode() & 0o777;
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

/// Take group and others' bits off a regular file (never a link: chmod would change its target).
/// Best effort: a file that cannot be changed keeps its mode, and the caller's work goes on.
pub fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = fs::symlink_metadata(path)
            && meta.is_file()
        {
            let mode = meta.permissions().mode() & 0o7777;
            if mode & 0o077 != 0 {
                let _ = fs::set_permissions(path, fs::Permissions::from_mode(mode & !0o077));
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
    }
}

/// Whether a file's mode lets anyone but its owner in (never on non-Unix systems).
pub fn is_wider_than_private(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A link's own mode means nothing (and chmod on it changes its target): files only.
        meta.is_file() && meta.permissions().mode() & 0o077 != 0
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
            "{n} order files in {dir} are readable by others; run: find '{dir}' -maxdepth 1 -type f -name '*.json' -exec chmod 600 {{}} +",
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
