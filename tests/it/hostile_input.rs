//! Hostile input never panics: order files of any bytes, fields documents of any text, and a
//! megabyte of each reader's input finishes. (The classifier's and the CSV reader's own proptests
//! live beside them; the sanitizer's too.)

use portwiz::domain::document;
use portwiz::store::{Notice, Store};
use proptest::prelude::*;
use std::fs;

const V1: &str = include_str!("../fixtures/schema/v1.json");

/// Write `bytes` as an order file and open the store: it loads, or the file is set aside whole.
fn open_with(bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let path = dir.path().join("orders/PO-SCHEMAV1.json");
    fs::write(&path, bytes).unwrap();
    let (store, notices) = Store::open(dir.path()).unwrap();
    if store.is_empty() {
        let kept = notices.iter().any(|n| match n {
            Notice::Quarantined { to, .. } => fs::read(to).is_ok_and(|b| b == bytes),
            Notice::Unreadable { .. } => fs::read(&path).is_ok_and(|b| b == bytes),
            _ => false,
        });
        prop_assert!(kept, "not loaded and not kept: {:?}", notices);
    } else {
        let _ = store.get("PO-SCHEMAV1");
    }
    Ok(())
}

/// JSON-ish values: objects keyed by real field and order keys, nested a few levels.
fn jsonish() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let keys = prop::sample::select(vec![
        "pin",
        "numbers",
        "organization_name",
        "status",
        "history",
        "rejections",
        "csr",
        "foc",
        "support",
        "ticket",
        "id",
        "loa",
        "documents",
        "port_date",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_an_order_file_load_or_are_set_aside(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        open_with(&bytes)?;
    }

    #[test]
    fn a_damaged_v1_file_loads_or_is_set_aside(cut in 0..V1.len(), at in 0..V1.len(), byte in any::<u8>()) {
        let mut bytes = V1.as_bytes()[..cut.max(at)].to_vec();
        if let Some(b) = bytes.get_mut(at) {
            *b = byte;
        }
        open_with(&bytes)?;
    }

    #[test]
    fn a_v1_file_with_any_value_swapped_in_loads_or_is_set_aside(key in "[a-z_]{1,20}", value in jsonish()) {
        let mut file: serde_json::Value = serde_json::from_str(V1).unwrap();
        file[key.as_str()] = value;
        open_with(file.to_string().as_bytes())?;
    }
}

proptest! {
    #[test]
    fn any_text_as_a_fields_document_parses_or_errs(text in "\\PC{0,200}", order_keys in any::<bool>()) {
        let _ = document::parse(&text, order_keys);
    }

    #[test]
    fn any_jsonish_fields_document_parses_or_errs(value in jsonish(), order_keys in any::<bool>()) {
        let _ = document::parse(&value.to_string(), order_keys);
    }
}

#[test]
fn a_megabyte_of_each_input_finishes() {
    // A fields document: 60,000 numbers.
    let numbers: Vec<String> = (0..60_000).map(|i| format!("+1425{i:07}")).collect();
    let doc = serde_json::json!({"numbers": numbers, "organization_name": "x".repeat(100_000)})
        .to_string();
    assert!(doc.len() > 1_000_000);
    assert!(document::parse(&doc, false).is_ok());
    // Nesting far deeper than any document: an error, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
    assert!(document::parse(&deep, true).is_err());
    // An order file of a megabyte, whole and then cut short.
    let mut file: serde_json::Value = serde_json::from_str(V1).unwrap();
    file["fields"]["numbers"] = numbers.into();
    file["fields"]["organization_name"] = "x".repeat(200_000).into();
    let bytes = file.to_string().into_bytes();
    assert!(bytes.len() > 1_000_000);
    open_with(&bytes).unwrap();
    open_with(&bytes[..bytes.len() / 2]).unwrap();
    open_with(deep.as_bytes()).unwrap();
    // The numbers CSV reader.
    let csv: String = (0..80_000).map(|i| format!("+1425{i:07}\n")).collect();
    assert!(csv.len() > 1_000_000);
    let read = portwiz::domain::rules::numbers::parse_numbers_csv(csv.as_bytes());
    assert!(read.file_error.is_none());
}
