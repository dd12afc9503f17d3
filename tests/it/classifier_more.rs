//! portwiz's own held-out set (written before tuning): every row must pass.

use crate::rejection_sets as support;

#[test]
fn every_held_out_row_is_classified_as_labelled() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/rejections-more.tsv");
    let rows = support::read_rows(&path);
    assert!(
        rows.len() >= 100,
        "held-out set has only {} rows",
        rows.len()
    );
    support::assert_all_pass(&rows);
}
