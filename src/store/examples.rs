//! The user's labelled rejections (`DIR/examples.json`): the texts whose fields the user chose
//! (`reject --fields`, or a correction in the response dialog), so the classifier recognises
//! similar texts later. Written atomically like every order file; a file that cannot be read is
//! reported and never overwritten.

use super::atomic::write_atomic;
use crate::domain::classifier::LabelledExample;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub const EXAMPLES_FILE: &str = "examples.json";
const SCHEMA: u32 = 1;
/// The newest examples kept; older ones are dropped first.
pub const MAX_EXAMPLES: usize = 10_000;

#[derive(Debug, thiserror::Error)]
pub enum ExamplesError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("{path} is not a labelled-examples file ({reason}); it is left as it is")]
    Corrupt { path: PathBuf, reason: String },
    #[error("cannot save {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
}

#[derive(Serialize, Deserialize)]
struct ExamplesDoc {
    schema_version: u32,
    examples: Vec<LabelledExample>,
}

pub fn path(dir: &Path) -> PathBuf {
    dir.join(EXAMPLES_FILE)
}

/// The examples in `dir`, oldest first; none when the file does not exist.
pub fn load(dir: &Path) -> Result<Vec<LabelledExample>, ExamplesError> {
    let path = path(dir);
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(ExamplesError::Read { path, source }),
        // Only a regular file portwiz made: never a FIFO, device or link.
        Ok(meta) if !meta.is_file() => {
            return Err(ExamplesError::Corrupt {
                path,
                reason: "not a regular file".into(),
            });
        }
        Ok(_) => {}
    }
    let text = fs::read_to_string(&path).map_err(|source| ExamplesError::Read {
        path: path.clone(),
        source,
    })?;
    let doc: ExamplesDoc = serde_json::from_str(&text).map_err(|e| ExamplesError::Corrupt {
        path: path.clone(),
        reason: format!(
            "line {}, column {}: {}",
            e.line(),
            e.column(),
            crate::domain::document::json_problem(&e)
        ),
    })?;
    if doc.schema_version > SCHEMA {
        return Err(ExamplesError::Corrupt {
            path,
            reason: format!("written by a newer portwiz (schema {})", doc.schema_version),
        });
    }
    Ok(doc.examples)
}

/// Adds `example` (replacing an older label of the same text) and saves atomically.
pub fn append(dir: &Path, example: LabelledExample) -> Result<(), ExamplesError> {
    let mut examples = load(dir)?;
    examples.retain(|e| e.text.trim() != example.text.trim());
    examples.push(example);
    if examples.len() > MAX_EXAMPLES {
        let excess = examples.len() - MAX_EXAMPLES;
        examples.drain(..excess);
    }
    let doc = ExamplesDoc {
        schema_version: SCHEMA,
        examples,
    };
    let path = path(dir);
    let bytes = serde_json::to_vec_pretty(&doc).map_err(|e| ExamplesError::Write {
        path: path.clone(),
        source: io::Error::other(e),
    })?;
    write_atomic(&path, &bytes).map_err(|source| ExamplesError::Write { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FieldKey;
    use jiff::civil::Date;

    fn example(text: &str, key: FieldKey) -> LabelledExample {
        LabelledExample {
            text: text.into(),
            fields: vec![key],
            labelled_on: Date::constant(2026, 11, 30),
            order: "Contoso HQ".into(),
        }
    }

    #[test]
    fn examples_survive_a_reload_and_a_relabel_replaces_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(dir.path()).unwrap().is_empty());
        append(
            dir.path(),
            example("ALI mismatch", FieldKey::ServiceAddressStreet),
        )
        .unwrap();
        append(dir.path(), example("Code 4C", FieldKey::Pin)).unwrap();
        append(
            dir.path(),
            example("ALI mismatch ", FieldKey::ServiceAddressCity),
        )
        .unwrap();
        let loaded = load(dir.path()).unwrap();
        assert_eq!(loaded.len(), 2);
        assert_eq!(loaded[1].fields, [FieldKey::ServiceAddressCity]);
        assert_eq!(loaded[0].order, "Contoso HQ");
    }

    #[test]
    fn a_broken_file_is_reported_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(path(dir.path()), "{ not json").unwrap();
        assert!(matches!(
            load(dir.path()),
            Err(ExamplesError::Corrupt { .. })
        ));
        assert!(append(dir.path(), example("x", FieldKey::Pin)).is_err());
        assert_eq!(fs::read_to_string(path(dir.path())).unwrap(), "{ not json");
    }
}
