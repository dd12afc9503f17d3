//! What the process reads from its surroundings for every front end: the clock.

use crate::domain::Clock;

/// Hand the heap the allocator keeps after a large free back to the system. glibc returns only
/// the top of each heap by itself: after the check of every file (built on a thread, in that
/// thread's arena) or a re-read of every file, the holes left between the summaries kept stay
/// resident (about 25 MiB at 100,000 orders). Elsewhere a no-op.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of glibc's own arenas; it has no
    // preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The time zone people read times in: `TZ`, else the system's (`/etc/localtime`); UTC when
/// neither says. Tests set `TZ`, so none depends on the machine's zone.
pub fn time_zone() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::system()
}

/// The real clock, read once per command (or per event in the app). `PORTWIZ_TODAY=YYYY-MM-DD`
/// pins it to noon UTC of that day, so scripted runs and tests see the same date rules every
/// day of the year.
pub fn clock() -> Clock {
    let pinned = std::env::var("PORTWIZ_TODAY").ok();
    if let Some(today) = pinned.and_then(|d| d.trim().parse::<jiff::civil::Date>().ok()) {
        return Clock::fixed(today);
    }
    let zoned = jiff::Zoned::now();
    Clock {
        now: zoned.timestamp(),
        today: zoned.date(),
    }
}

/// Who is making the changes this process saves in the store at `dir` (docs/storage.md):
/// `PORTWIZ_USER`, else the store's git `user.name` when the store is in a git work tree, else
/// the OS user name; cleaned and capped as any outside text, and worked out once a process per
/// store.
pub fn author(dir: &std::path::Path) -> String {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static KNOWN: OnceLock<Mutex<HashMap<std::path::PathBuf, String>>> = OnceLock::new();
    let known = KNOWN.get_or_init(Default::default);
    if let Some(name) = known.lock().ok().and_then(|k| k.get(dir).cloned()) {
        return name;
    }
    let name = first_author([
        std::env::var("PORTWIZ_USER").ok(),
        in_git_work_tree(dir).then(|| git_user_name(dir)).flatten(),
        os_user(),
    ]);
    if let Ok(mut k) = known.lock() {
        k.insert(dir.to_path_buf(), name.clone());
    }
    name
}

/// The first name that says something once cleaned.
fn first_author(names: [Option<String>; 3]) -> String {
    names
        .into_iter()
        .flatten()
        .map(|n| crate::domain::history::author_text(&n))
        .find(|n| !n.is_empty())
        .unwrap_or_default()
}

/// Whether `dir` or a folder above it holds `.git` (a folder, or the file of a linked work tree).
fn in_git_work_tree(dir: &std::path::Path) -> bool {
    dir.ancestors()
        .any(|d| d.join(".git").symlink_metadata().is_ok())
}

/// Longest portwiz waits for `git config user.name` (a hung git never stops a save).
const GIT_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// `git config user.name` run in `dir`: it reads the config files only (no network, no prompt);
/// `None` when git is missing, fails, says nothing or takes longer than [`GIT_WAIT`].
fn git_user_name(dir: &std::path::Path) -> Option<String> {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new("git")
        .args(["config", "user.name"])
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let started = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() < GIT_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    };
    let mut out = String::new();
    child
        .stdout
        .take()?
        .take(4096)
        .read_to_string(&mut out)
        .ok()?;
    status.success().then_some(out)
}

/// The OS user's name: `USER` (`USERNAME` on Windows), `LOGNAME`, else the password database.
fn os_user() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .into_iter()
        .find_map(|v| std::env::var(v).ok().filter(|n| !n.trim().is_empty()))
        .or_else(password_database_user)
}

#[cfg(unix)]
fn password_database_user() -> Option<String> {
    // SAFETY: getpwuid returns a pointer to static storage or null; the name is copied at once,
    // before any other call could reuse that storage.
    unsafe {
        let entry = libc::getpwuid(libc::getuid());
        if entry.is_null() || (*entry).pw_name.is_null() {
            return None;
        }
        Some(
            std::ffi::CStr::from_ptr((*entry).pw_name)
                .to_string_lossy()
                .into_owned(),
        )
    }
}

#[cfg(not(unix))]
fn password_database_user() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_name_that_says_something_wins_cleaned_and_capped() {
        let name = first_author([Some(" \u{1b}[31m ".into()), Some("Alice\u{7}".into()), None]);
        assert_eq!(name, "Alice");
        let long = first_author([None, None, Some("x".repeat(500))]);
        assert_eq!(long.len(), crate::domain::history::AUTHOR_MAX);
        assert_eq!(first_author([None, None, None]), "");
    }

    #[test]
    fn a_folder_outside_git_is_no_work_tree_and_one_inside_is() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = dir.path().join("store");
        std::fs::create_dir_all(&store).unwrap_or_else(|e| panic!("{e}"));
        assert!(!in_git_work_tree(&store) || in_git_work_tree(dir.path()));
        std::fs::create_dir(dir.path().join(".git")).unwrap_or_else(|e| panic!("{e}"));
        assert!(in_git_work_tree(&store));
    }
}
