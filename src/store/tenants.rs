//! Tenants on disk (docs/storage.md): each is a store of its own, `DIR/tenants/NAME/`, and
//! `DIR/.last-tenant` (one of portwiz's own files) names the one the app used last.

use super::own;
use crate::domain::tenant::check_name;
use std::fs;
use std::path::{Path, PathBuf};

/// The folder that holds the tenants' stores.
pub fn root(dir: &Path) -> PathBuf {
    dir.join("tenants")
}

/// The store of tenant `name` (a name [`check_name`] took).
pub fn dir(dir: &Path, name: &str) -> PathBuf {
    root(dir).join(name)
}

/// The tenant whose store `store_dir` is (`DIR/tenants/NAME`); `None`: the store `DIR` itself.
pub fn name_of(store_dir: &Path) -> Option<String> {
    let parent = store_dir.parent()?;
    if parent.file_name()? != "tenants" {
        return None;
    }
    let name = store_dir.file_name()?.to_string_lossy().into_owned();
    check_name(&name).is_ok().then_some(name)
}

/// The tenants, sorted by name, and what was found under `tenants/` that is none (a link, a
/// file, a name portwiz would refuse), said and left alone.
pub fn names(dir: &Path) -> (Vec<String>, Vec<String>) {
    let (mut names, mut odd) = (Vec::new(), Vec::new());
    let Ok(entries) = fs::read_dir(root(dir)) else {
        return (names, odd);
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        match check_name(&name) {
            Ok(_) if is_dir => names.push(name),
            Ok(_) => odd.push(format!(
                "{} is not a folder (a link or a file); it is not a tenant",
                entry.path().display()
            )),
            Err(why) => odd.push(format!(
                "{}: {why}; it is not a tenant",
                entry.path().display()
            )),
        }
    }
    names.sort_by_key(|n| n.to_lowercase());
    (names, odd)
}

/// Where the app's last tenant is kept.
fn last_path(dir: &Path) -> PathBuf {
    dir.join(".last-tenant")
}

/// The tenant the app used last, when it still is one (opened as every own file: no link, no
/// FIFO, 1 KiB at most).
pub fn last_used(dir: &Path) -> Option<String> {
    let bytes = own::read_capped(&last_path(dir), 1024).ok()?;
    let name = String::from_utf8(bytes).ok()?.trim().to_string();
    let name = check_name(&name).ok()?.to_string();
    self::dir(dir, &name).is_dir().then_some(name)
}

/// Remember `tenant` (none: the store `DIR` itself) for the app's next start. A cache of a
/// choice: failing to write it costs only that choice.
pub fn remember(dir: &Path, tenant: Option<&str>) {
    let path = last_path(dir);
    if own::odd(&path).is_some() {
        return;
    }
    let _ = super::atomic::write_atomic(&path, tenant.unwrap_or("").as_bytes());
}

/// Make tenant `name`'s folder (and `tenants/`), private, when it does not exist yet.
pub fn create(dir: &Path, name: &str) -> std::io::Result<PathBuf> {
    super::atomic::create_private_dir(&root(dir))?;
    let store = self::dir(dir, name);
    super::atomic::create_private_dir(&store)?;
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_under_tenants_is_named_after_its_folder() {
        let data = Path::new("/data/portwiz");
        assert_eq!(name_of(&dir(data, "contoso")).as_deref(), Some("contoso"));
        assert_eq!(name_of(data), None);
        assert_eq!(name_of(&root(data)), None);
    }

    #[test]
    fn a_link_a_file_or_a_refused_name_under_tenants_is_no_tenant() {
        let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dir = temp.path();
        create(dir, "Contoso").unwrap_or_else(|e| panic!("{e}"));
        create(dir, "fabrikam").unwrap_or_else(|e| panic!("{e}"));
        fs::write(root(dir).join("notes.txt"), "x").unwrap_or_else(|e| panic!("{e}"));
        fs::create_dir(root(dir).join(".hidden")).unwrap_or_else(|e| panic!("{e}"));
        #[cfg(unix)]
        std::os::unix::fs::symlink("/tmp", root(dir).join("elsewhere"))
            .unwrap_or_else(|e| panic!("{e}"));
        let (names, odd) = names(dir);
        assert_eq!(names, ["Contoso", "fabrikam"]);
        assert!(odd.len() >= 2, "{odd:?}");
    }

    #[test]
    fn the_last_tenant_is_remembered_and_a_link_in_its_place_is_not_followed() {
        let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dir = temp.path();
        assert_eq!(last_used(dir), None);
        create(dir, "Contoso").unwrap_or_else(|e| panic!("{e}"));
        remember(dir, Some("Contoso"));
        assert_eq!(last_used(dir).as_deref(), Some("Contoso"));
        remember(dir, None);
        assert_eq!(last_used(dir), None);
        #[cfg(unix)]
        {
            let target = dir.join("target");
            fs::write(&target, "Contoso").unwrap_or_else(|e| panic!("{e}"));
            let _ = fs::remove_file(last_path(dir));
            std::os::unix::fs::symlink(&target, last_path(dir)).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(last_used(dir), None, "read through a link");
            remember(dir, Some("x"));
            assert_eq!(fs::read_to_string(&target).unwrap_or_default(), "Contoso");
        }
    }
}
