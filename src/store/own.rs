//! portwiz's own files in the store (docs/storage.md): `.lock`, `index.sqlite` and its `-wal`,
//! `-shm` and `-journal`, `examples.json`, `quarantine/`. A store cloned from git or synced from
//! elsewhere may hold any of them as a link (out of the store) or a FIFO (which blocks an open):
//! they are opened without following links and without blocking, checked to be regular files
//! on the handle itself, and an odd one found at a start is set aside in `quarantine/` (then
//! made afresh), never written through.

use super::Notice;
use super::atomic::{self, create_private_dir};
use super::file::kind_of;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The own files that must be regular files when they exist.
pub const FILES: [&str; 6] = [
    ".lock",
    "index.sqlite",
    "index.sqlite-wal",
    "index.sqlite-shm",
    "index.sqlite-journal",
    "examples.json",
];

/// What a path is when it exists and is not a regular file (a link, a FIFO, a device, a folder).
pub fn odd(path: &Path) -> Option<&'static str> {
    let meta = fs::symlink_metadata(path).ok()?;
    (!meta.is_file()).then(|| kind_of(&meta.file_type()))
}

/// Open one of portwiz's own files with `options`, never through a link and never blocking on a
/// FIFO; refused unless what was opened is a regular file.
pub fn open(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| match odd(path) {
        Some(kind) => not_regular(path, kind),
        None => e,
    })?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(path, kind_of(&meta.file_type())));
    }
    Ok(file)
}

/// The bytes of one of portwiz's own files, opened as `open` does, refused when over `cap`
/// bytes (before reading them when the size says so).
pub fn read_capped(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let file = open(path, OpenOptions::new().read(true))?;
    let too_large = || {
        io::Error::other(format!(
            "{} is larger than {} KiB; it was not read",
            path.display(),
            cap / 1024
        ))
    };
    if file.metadata()?.len() > cap {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(too_large());
    }
    Ok(bytes)
}

fn not_regular(path: &Path, kind: &str) -> io::Error {
    io::Error::other(format!(
        "{} is {kind}, not a regular file; portwiz uses only regular files it made",
        path.display()
    ))
}

/// Set aside every odd own file of the store at `dir` (and a `quarantine` that is not a real
/// folder), saying what each was and where it went. Each is made afresh when next needed.
pub fn set_aside_odd(dir: &Path) -> Vec<Notice> {
    let mut notices = Vec::new();
    notices.extend(quarantine_cleared(dir));
    for name in FILES {
        let path = dir.join(name);
        if let Some(kind) = odd(&path) {
            let reason = format!("it is {kind}, where portwiz keeps a file of its own");
            notices.push(quarantine(dir, &path, reason));
        }
    }
    notices
}

/// Move an unparsable file aside, never deleting it; only into a real `quarantine/` folder (a
/// link there would carry the order, PIN included, out of the store).
pub(super) fn quarantine(dir: &Path, path: &Path, reason: String) -> Notice {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("order.json");
    let moved = match quarantine_ready(dir).0 {
        Some(qdir) => {
            let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
            let mut target = qdir.join(format!("{name}.{stamp}"));
            let mut n = 1;
            while target.symlink_metadata().is_ok() {
                target = qdir.join(format!("{name}.{stamp}.{n}"));
                n += 1;
            }
            fs::rename(path, &target).map(|()| target)
        }
        None => Err(std::io::Error::other(
            "the quarantine folder cannot be made",
        )),
    };
    match moved {
        Ok(target) => {
            // A file git (or a sync) wrote is often 0644 and may hold the PIN: no warning
            // watches quarantine/, so its copy there is made owner-only.
            atomic::make_private(&target);
            Notice::Quarantined {
                from: path.to_path_buf(),
                to: target,
                reason,
            }
        }
        Err(e) => Notice::Unreadable {
            path: path.to_path_buf(),
            reason: format!(
                "{reason}; it could not be moved to quarantine ({e}) and was left in place"
            ),
        },
    }
}

/// `DIR/quarantine` as a real folder of ours, when it can be made, and the notice of what was in
/// its place (`quarantine_cleared`).
pub fn quarantine_ready(dir: &Path) -> (Option<PathBuf>, Option<Notice>) {
    let notice = quarantine_cleared(dir);
    let qdir = dir.join("quarantine");
    let in_the_way = fs::symlink_metadata(&qdir).is_ok_and(|m| !m.is_dir());
    let made = !in_the_way && create_private_dir(&qdir).is_ok();
    (made.then_some(qdir), notice)
}

/// Anything at `DIR/quarantine` that is not a real folder (a link out of the store, a FIFO, a
/// file) renamed aside in `DIR` (a rename moves the link, never its target), and said.
fn quarantine_cleared(dir: &Path) -> Option<Notice> {
    let qdir = dir.join("quarantine");
    let meta = fs::symlink_metadata(&qdir).ok().filter(|m| !m.is_dir())?;
    let kind = kind_of(&meta.file_type());
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
    let aside = dir.join(format!("quarantine.{}.{stamp}", word(kind)));
    Some(match fs::rename(&qdir, &aside) {
        Ok(()) => Notice::Quarantined {
            from: qdir,
            to: aside,
            reason: format!(
                "it is {kind}, where portwiz keeps a folder of its own; a new one is made when needed"
            ),
        },
        Err(e) => Notice::Unreadable {
            path: qdir,
            reason: format!(
                "it is {kind}, where portwiz keeps a folder of its own, and could not be renamed ({e}); nothing is moved into it"
            ),
        },
    })
}

/// One word for a kind of file, for a file name.
fn word(kind: &str) -> &'static str {
    match kind {
        "a symbolic link" => "link",
        "a FIFO (named pipe)" => "fifo",
        "a device" => "device",
        "a socket" => "socket",
        _ => "odd",
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_link_is_not_opened_and_its_target_keeps_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep").unwrap();
        symlink(&victim, dir.path().join(".lock")).unwrap();
        let err = open(
            &dir.path().join(".lock"),
            OpenOptions::new().write(true).create(true).truncate(true),
        )
        .unwrap_err();
        assert!(err.to_string().contains("a symbolic link"), "{err}");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
    }

    #[test]
    fn odd_files_are_set_aside_in_quarantine_and_said() {
        let dir = tempfile::tempdir().unwrap();
        symlink("/nowhere", dir.path().join("examples.json")).unwrap();
        let notices = set_aside_odd(dir.path());
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(odd(&dir.path().join("examples.json")).is_none());
        let kept: Vec<_> = fs::read_dir(dir.path().join("quarantine"))
            .unwrap()
            .flatten()
            .collect();
        assert_eq!(kept.len(), 1);
        assert!(notices[0].to_string().contains("a symbolic link"));
    }
}
