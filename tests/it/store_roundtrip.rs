//! Property: any order survives save → load unchanged.

use jiff::Timestamp;
use portwiz::domain::{FieldKey, FieldValue, Order, OrderFields};
use portwiz::store::Store;
use proptest::prelude::*;

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,30}",
        "\\PC{0,20}",
        Just(String::new()),
        Just("\u{1b}[2J\u{0}\u{7f}é漢😀".to_string()),
    ]
}

fn any_fields() -> impl Strategy<Value = OrderFields> {
    let texts = prop::collection::vec(any_text(), FieldKey::ALL.len());
    let lists = prop::collection::vec(prop::collection::vec("[0-9+() -]{1,16}", 0..5), 3);
    (texts, lists).prop_map(|(texts, lists)| {
        let mut fields = OrderFields::default();
        let mut lists = lists.into_iter();
        for (key, text) in FieldKey::ALL.iter().zip(texts) {
            let value = if portwiz::domain::registry::is_list(*key) {
                FieldValue::List(lists.next().unwrap_or_default())
            } else {
                FieldValue::Text(text)
            };
            fields.set(*key, value);
        }
        fields
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
    #[test]
    fn any_order_survives_save_and_load(fields in any_fields(), seconds in 0i64..4_000_000_000, edits in prop::collection::vec(any_text(), 0..4)) {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = Store::open(dir.path()).unwrap();
        let now = Timestamp::from_second(seconds).unwrap();
        let mut order = Order::new(store.new_id(), fields, now);
        for edit in edits {
            let _ = order.edit(FieldKey::OrganizationName, FieldValue::Text(edit), now);
        }
        order.set_csr(FieldKey::AccountNumber, "CSR-1", now);
        store.create(order.clone()).unwrap();
        let (reopened, notices) = Store::open(dir.path()).unwrap();
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(&reopened.get(&order.id).unwrap().order, &order);
    }
}
