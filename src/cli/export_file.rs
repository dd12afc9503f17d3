//! `export -o FILE`: the export lands whole or not at all, in a regular file only.
//!
//! A name that exists in any form (a file, a dangling link) needs `--force`; a link, a FIFO or a
//! device is never replaced, even with `--force`, since renaming over it would silently swap
//! something the user did not mean to hand over. The bytes go first to a temp file beside the
//! target that only portwiz names (`.portwiz-export-<pid>-<random>.tmp`, created new, 0600); a
//! kill can leave one behind, with the PIN in it if secrets were asked for, so every export first
//! removes such files of processes that are gone.

use super::Failure;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const TEMP_PREFIX: &str = ".portwiz-export-";
const TEMP_SUFFIX: &str = ".tmp";
/// A temp file this old is stale even if its process id was reused by a live process.
const TEMP_MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// Write `bytes` to `path` atomically; an existing regular file is replaced only with `force`.
pub fn write_export(path: &Path, bytes: &[u8], force: bool) -> Result<(), Failure> {
    // A bare file name has an empty parent; the temp file and the sync need a real folder.
    let path = match path.parent() {
        Some(parent) if parent.as_os_str().is_empty() => Path::new(".").join(path),
        _ => path.to_path_buf(),
    };
    let shown = path.display().to_string();
    let refuse = |reason: String| Failure::Refused(vec![reason]);
    let exists = match fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_dir() => {
            return Err(Failure::Input(format!(
                "{shown} is a folder; give a file name"
            )));
        }
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(refuse(format!(
                "{shown} is a symbolic link; portwiz does not write through or over links: \
                 name the file itself, or another name"
            )));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(refuse(format!(
                "{shown} is a device or a pipe, not a regular file; portwiz writes only regular \
                 files: choose another name"
            )));
        }
        Ok(_) if !force => {
            return Err(refuse(format!(
                "{shown} already exists; choose another name, or add --force to replace it"
            )));
        }
        Ok(_) => true,
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(refuse(format!("cannot write {shown}: {e}"))),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    remove_stale_temps(dir);
    let cannot = |e: io::Error| refuse(format!("cannot write {shown}: {e}"));
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(cannot)?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(cannot)?;
    // Dropping the temp file on an error below deletes it.
    let persisted = if exists {
        temp.persist(&path).map(drop)
    } else {
        // Fails if the name appeared meanwhile, rather than replacing what appeared.
        temp.persist_noclobber(&path).map(drop)
    };
    persisted.map_err(|e| cannot(e.error))?;
    sync_dir(dir).map_err(cannot)
}

/// fsync the folder, so the rename survives a power cut.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Remove export temp files in `dir` left by processes that no longer run (or older than a day).
/// Nothing else is touched: the name must be exactly one portwiz makes.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age > TEMP_MAX_AGE);
        if meta.is_file() && (old || !process_runs(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a name `.portwiz-export-<pid>-<random>.tmp`.
fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    let ours = !random.is_empty() && random.chars().all(|c| c.is_ascii_alphanumeric());
    ours.then(|| pid.parse().ok()).flatten()
}

/// Whether process `pid` is running; where that cannot be told, it is assumed to run (the temp
/// file then goes after a day).
fn process_runs(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc_dir = PathBuf::from("/proc");
    if cfg!(target_os = "linux") && proc_dir.join("self").exists() {
        return proc_dir.join(pid.to_string()).exists();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_portwiz_makes_are_temp_files() {
        assert_eq!(temp_owner(".portwiz-export-123-a1B2c3.tmp"), Some(123));
        for other in [
            ".tmp-123-PO-1.json",
            ".portwiz-export-123-.tmp",
            ".portwiz-export-x-abc.tmp",
            ".portwiz-export-123-a/b.tmp",
            "portwiz-export-123-abc.tmp",
            ".portwiz-export-123-abc.txt",
        ] {
            assert_eq!(temp_owner(other), None, "{other}");
        }
    }
}
