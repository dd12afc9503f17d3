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
    for step in Step::ALL.iter().chain(&Step::ALL_REGIONS) {
        assert_eq!(
            step.fields().next().is_some(),
            *step != Step::Review,
            "{step:?}"
        );
    }
}

#[test]
fn fields_are_listed_in_step_order() {
    for route in [Route::UsCanada, Route::AllRegions] {
        let steps: Vec<usize> = FIELDS
            .iter()
            .map(|f| f.step_on(route).index_in(route))
            .collect();
        let mut sorted = steps.clone();
        sorted.sort();
        assert_eq!(steps, sorted, "{route:?}");
        for (i, step) in Step::pages(route).iter().enumerate() {
            assert_eq!(step.index_in(route), i);
            assert!(
                FIELDS.iter().all(|f| f.step_on(route) != Step::Review),
                "no field is entered on Review"
            );
        }
        // Every field's page is one of its route's pages.
        for field in FIELDS {
            assert!(
                Step::pages(route).contains(&field.step_on(route)),
                "{:?}",
                field.key
            );
        }
    }
}

#[test]
fn the_all_regions_pages_are_microsofts_classic_wizard() {
    let titles: Vec<&str> = Step::ALL_REGIONS.iter().map(|s| s.title()).collect();
    assert_eq!(
        titles,
        [
            "Get started",
            "Manage numbers",
            "Add account information",
            "Add number features",
            "Complete your order",
            "Review"
        ]
    );
    let usage = spec(FieldKey::NumberUsage);
    assert_eq!(usage.step_on(Route::AllRegions), Step::AddNumberFeatures);
    let mut us = OrderFields {
        country: "US".into(),
        ..OrderFields::default()
    };
    assert!(
        !usage.asked(&us),
        "the US & Canada wizard has no usage page"
    );
    us.country = "GB".into();
    assert!(usage.asked(&us) && usage.required_for(&us));
    assert_eq!(
        Step::AddNumberFeatures
            .fields_asked(&us)
            .map(|f| f.key)
            .collect::<Vec<_>>(),
        [FieldKey::NumberUsage]
    );
}
