//! The user's labelled rejections (`DIR/examples.json`): the texts whose fields the user chose
//! (`reject --fields`, or a correction in the response dialog), so the classifier recognises
//! similar texts later. Written atomically like every order file, and under the store's lock (two
//! `reject --fields` at once each keep their teaching); read with a cap, never through a link
//! and never from a FIFO; a file that cannot be read is reported and never overwritten.

use super::atomic::{open_private, write_atomic_locked};
use crate::domain::classifier::LabelledExample;
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

pub const EXAMPLES_FILE: &str = "examples.json";
const SCHEMA: u32 = 1;
/// The newest examples kept; older ones are dropped first.
pub const MAX_EXAMPLES: usize = 10_000;
/// The largest file read: 10,000 examples of a typical carrier's text fit in a fraction of it.
/// A larger one (not written by portwiz) is reported and not used.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// The longest text kept in an example, in bytes: a rejection says what is wrong in its first
/// lines, and 10,000 of these still fit under `MAX_FILE_BYTES` with the oldest dropped first.
pub const MAX_TEXT_BYTES: usize = 4 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ExamplesError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("{path} is not a labelled-examples file ({reason}); it is left as it is")]
    Corrupt { path: PathBuf, reason: String },
    #[error("cannot save {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot save the learned example: {0}")]
    Busy(#[from] super::lock::LockError),
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
    let bytes = match super::own::read_capped(&path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(_) if let Some(kind) = super::own::odd(&path) => {
            return Err(ExamplesError::Corrupt {
                path,
                reason: format!("it is {kind}, not a regular file"),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(ExamplesError::Read { path, source }),
    };
    // A byte-order mark (an editor's) is not JSON, but the text after it is.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let doc: ExamplesDoc = serde_json::from_slice(bytes).map_err(|e| ExamplesError::Corrupt {
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

/// Adds `example` (replacing an older label of the same text) and saves atomically, under the
/// store's lock so that a parallel teaching is read before this one is written. Its text is cut
/// to `MAX_TEXT_BYTES`; the oldest examples go first when there are too many or the file would
/// outgrow `MAX_FILE_BYTES`.
pub fn append(dir: &Path, mut example: LabelledExample) -> Result<(), ExamplesError> {
    let _guard = super::lock::acquire(dir, &|_| {})?;
    crate::domain::sanitize::cut_to(&mut example.text, MAX_TEXT_BYTES);
    let mut examples = load(dir)?;
    examples.retain(|e| e.text.trim() != example.text.trim());
    examples.push(example);
    let mut excess = examples.len().saturating_sub(MAX_EXAMPLES);
    // An example's JSON is its text (escaped: at most six bytes a byte) and a few hundred more.
    let size = |e: &LabelledExample| e.text.len() * 2 + e.order.len() * 2 + 200;
    let mut total: usize = examples[excess..].iter().map(size).sum();
    while total as u64 > MAX_FILE_BYTES / 2 && excess + 1 < examples.len() {
        total -= size(&examples[excess]);
        excess += 1;
    }
    examples.drain(..excess);
    let doc = ExamplesDoc {
        schema_version: SCHEMA,
        examples,
    };
    let path = path(dir);
    let bytes = serde_json::to_vec_pretty(&doc).map_err(|e| ExamplesError::Write {
        path: path.clone(),
        source: io::Error::other(e),
    })?;
    write_atomic_locked(&path, &bytes, open_private)
        .map_err(|source| ExamplesError::Write { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FieldKey;
    use jiff::civil::Date;
    use std::fs;

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
    fn parallel_teachings_each_keep_theirs() {
        let dir = tempfile::tempdir().unwrap();
        std::thread::scope(|scope| {
            for n in 0..8 {
                let dir = dir.path();
                scope.spawn(move || {
                    append(
                        dir,
                        example(&format!("rejection number {n}"), FieldKey::Pin),
                    )
                    .unwrap();
                });
            }
        });
        assert_eq!(load(dir.path()).unwrap().len(), 8);
    }

    #[test]
    fn a_long_text_is_cut_and_the_file_stays_under_its_cap() {
        let dir = tempfile::tempdir().unwrap();
        let long = "é".repeat(MAX_TEXT_BYTES);
        append(dir.path(), example(&long, FieldKey::Pin)).unwrap();
        let loaded = load(dir.path()).unwrap();
        assert_eq!(loaded[0].text.len(), MAX_TEXT_BYTES);
        // Long texts up to near the cap, then one more: the oldest go, the file stays in bounds.
        let doc = ExamplesDoc {
            schema_version: SCHEMA,
            examples: (0..1_500)
                .map(|n| {
                    example(
                        &format!("{n} {}", "x".repeat(MAX_TEXT_BYTES)),
                        FieldKey::Pin,
                    )
                })
                .collect(),
        };
        fs::write(path(dir.path()), serde_json::to_vec(&doc).unwrap()).unwrap();
        append(dir.path(), example("the newest", FieldKey::Pin)).unwrap();
        let size = fs::metadata(path(dir.path())).unwrap().len();
        assert!(size <= MAX_FILE_BYTES / 2, "{size}");
        let loaded = load(dir.path()).unwrap();
        assert_eq!(loaded.last().unwrap().text, "the newest");
        assert!(loaded.len() > 400, "{}", loaded.len());
    }

    #[test]
    fn an_oversized_file_is_refused_before_it_is_parsed() {
        let dir = tempfile::tempdir().unwrap();
        let file = fs::File::create(path(dir.path())).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("larger than"), "{err}");
    }

    #[test]
    fn a_file_with_a_byte_order_mark_is_read() {
        let dir = tempfile::tempdir().unwrap();
        append(dir.path(), example("Code 4C", FieldKey::Pin)).unwrap();
        let text = fs::read_to_string(path(dir.path())).unwrap();
        fs::write(path(dir.path()), format!("\u{feff}{text}")).unwrap();
        assert_eq!(load(dir.path()).unwrap().len(), 1);
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
