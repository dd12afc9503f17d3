//! The registry's own checks: one entry per key, in key and step order.

use super::*;

#[test]
fn every_key_has_its_own_entry_in_key_order() {
    for (i, key) in FieldKey::ALL.iter().enumerate() {
        assert_eq!(FIELDS[i].key, *key);
        assert_eq!(spec(*key).key, *key);
    }
    assert_eq!(FIELDS.len(), FieldKey::ALL.len());
    assert!(spec_named("colour").is_err());
    assert_eq!(spec_named("pin").map(|s| s.key), Ok(FieldKey::Pin));
}

#[test]
fn only_the_pin_is_secret_and_every_step_but_review_has_fields() {
    let secret: Vec<_> = FIELDS.iter().filter(|f| f.secret).map(|f| f.key).collect();
    assert_eq!(secret, [FieldKey::Pin]);
    for step in Step::ALL {
        assert_eq!(
            step.fields().next().is_some(),
            step != Step::Review,
            "{step:?}"
        );
    }
}

#[test]
fn fields_are_listed_in_step_order() {
    let steps: Vec<_> = FIELDS.iter().map(|f| f.step).collect();
    let mut sorted = steps.clone();
    sorted.sort();
    assert_eq!(steps, sorted);
    for (i, step) in Step::ALL.iter().enumerate() {
        assert_eq!(step.index(), i);
    }
}
