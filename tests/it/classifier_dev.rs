//! The shared labelled dev set: every row must pass.

use crate::rejection_sets as support;

use portwiz::domain::FieldKey;
use portwiz::domain::classifier::{Catalog, classify};
use std::path::PathBuf;

/// Rows whose label contradicts docs/field-keys.md ("only `postal_code` for a zip-code-only
/// complaint"); the dev set's groups cannot express a single address key. These rows are still
/// checked, against the design's answer. Reported upstream so the label can gain an also_ok.
const DESIGN_OVERRIDES: &[(&str, &[FieldKey])] = &[(
    "POSTAL_CODE_MISMATCH",
    &[FieldKey::ServiceAddressPostalCode],
)];

#[test]
fn every_dev_row_is_classified_as_labelled() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = first_existing(&[
        root.join("../shared/data/rejections-dev.tsv"),
        root.join("tests/data/rejections-dev.tsv"),
    ]);
    let rows = support::read_rows(&path);
    assert!(rows.len() >= 23, "dev set shrank to {} rows", rows.len());
    let (overridden, labelled): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .partition(|r| DESIGN_OVERRIDES.iter().any(|(text, _)| r.text == *text));
    support::assert_all_pass(&labelled);

    assert_eq!(overridden.len(), DESIGN_OVERRIDES.len());
    let catalog = Catalog::builtin();
    for (text, keys) in DESIGN_OVERRIDES {
        assert_eq!(classify(text, &catalog).fields, *keys, "{text}");
    }
}

/// The first of `candidates` that exists.
fn first_existing(candidates: &[PathBuf]) -> PathBuf {
    candidates
        .iter()
        .find(|p| p.is_file())
        .cloned()
        .unwrap_or_else(|| panic!("none of {candidates:?} exists"))
}
