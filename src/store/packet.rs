//! Writing a hand-off packet (`domain::packet`) into its folder (docs/command-line.md, `export
//! --format packet`): a folder made new (0700), or one that exists and is empty; a folder with
//! anything in it is refused, naming what the packet would overwrite. Nothing is written through
//! a link: the folder may not be one, and each file is created new without following one
//! (`O_NOFOLLOW`, `O_EXCL`), 0600 when it holds the PIN, else 0644, and synced.

use super::atomic::{create_private_dir, sync_dir};
use crate::domain::packet::PacketFile;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Write `files` into the folder `dir`; the reason in words when nothing or not all was written.
pub fn write(dir: &Path, files: &[PacketFile]) -> Result<(), String> {
    let shown = dir.display();
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(format!(
                "{shown} is a symbolic link; portwiz does not write through links: name the folder itself, or a new one"
            ));
        }
        Ok(meta) if !meta.is_dir() => {
            return Err(format!(
                "{shown} exists and is not a folder: name a new folder for the packet"
            ));
        }
        Ok(_) => refuse_unless_empty(dir, files)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
            if parent.is_some_and(|p| !p.is_dir()) {
                return Err(format!(
                    "there is no folder {}: create it first, or choose another place",
                    parent
                        .map(Path::display)
                        .map_or(String::new(), |p| p.to_string())
                ));
            }
            // Not recursive: only the packet's own folder is made, never a parent.
            create_private_dir(dir).map_err(|e| format!("cannot make the folder {shown}: {e}"))?;
        }
        Err(e) => return Err(format!("cannot use {shown}: {e}")),
    }
    let mut written = Vec::new();
    for file in files {
        if let Err(e) = create(&dir.join(file.name), file) {
            let so_far = if written.is_empty() {
                String::new()
            } else {
                format!(" ({} written before it)", written.join(", "))
            };
            return Err(format!(
                "cannot write {}: {e}{so_far}",
                dir.join(file.name).display()
            ));
        }
        written.push(file.name);
    }
    sync_dir(dir).map_err(|e| format!("cannot sync {shown}: {e}"))
}

/// An existing folder takes a packet only when empty; else what it holds is named.
fn refuse_unless_empty(dir: &Path, files: &[PacketFile]) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let held: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if held.is_empty() {
        return Ok(());
    }
    let overwritten: Vec<&str> = files
        .iter()
        .map(|f| f.name)
        .filter(|name| held.iter().any(|h| h == name))
        .collect();
    let what = if overwritten.is_empty() {
        format!("it holds {} other files", held.len())
    } else {
        format!("the packet would overwrite {}", overwritten.join(", "))
    };
    Err(format!(
        "{} is not empty ({what}); a packet goes in a new or empty folder: name another",
        dir.display()
    ))
}

/// One file, created new (never over anything, never through a link), written and synced.
fn create(path: &Path, file: &PacketFile) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(if file.holds_pin { 0o600 } else { 0o644 })
            .custom_flags(libc::O_NOFOLLOW);
    }
    let mut out = options.open(path)?;
    out.write_all(&file.bytes)?;
    out.sync_all()
}
