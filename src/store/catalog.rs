//! The store's own rejection catalog (`DIR/rejections.json`), read without printing anything:
//! a problem comes back in words for the front end to show its own way (the app as a notice,
//! after its screen is up).

use crate::domain::classifier::Catalog;
use std::io::Read;
use std::path::Path;

/// The largest catalog file read (1 MiB, as the CLI's cap).
pub const MAX_BYTES: u64 = 1024 * 1024;

/// The catalog for the store in `dir`: the built-in one with the file's overrides, or the
/// built-in one and why the file was not used.
pub fn load(dir: &Path) -> (Catalog, Option<String>) {
    let path = dir.join("rejections.json");
    if !path.exists() {
        return (Catalog::builtin(), None);
    }
    let fallback = |why: String| {
        (
            Catalog::builtin(),
            Some(format!("{why}; using the built-in catalog")),
        )
    };
    let mut bytes = Vec::new();
    let read = std::fs::File::open(&path)
        .and_then(|file| file.take(MAX_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return fallback(format!("cannot read {}: {e}", path.display()));
    }
    if bytes.len() as u64 > MAX_BYTES {
        return fallback(format!(
            "{} is larger than {MAX_BYTES} bytes",
            path.display()
        ));
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return fallback(format!("{} is not UTF-8 text", path.display()));
    };
    match Catalog::with_overrides(&text) {
        Ok(catalog) => (catalog, None),
        Err(e) => fallback(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_catalog_is_a_problem_in_words_and_the_builtin_is_used() {
        let Ok(dir) = tempfile::tempdir() else { return };
        assert!(load(dir.path()).1.is_none());
        let _ = std::fs::write(dir.path().join("rejections.json"), "{ not json");
        let (catalog, problem) = load(dir.path());
        let problem = problem.unwrap_or_default();
        assert!(problem.contains("rejections.json"), "{problem}");
        assert!(problem.ends_with("using the built-in catalog"), "{problem}");
        assert_eq!(catalog.rules().len(), Catalog::builtin().rules().len());
    }
}
