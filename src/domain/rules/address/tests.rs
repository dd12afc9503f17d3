use super::*;

#[test]
fn us_zip_and_zip_plus_4() {
    assert_eq!(check_postal_code("98052", Country::Us), Ok("98052".into()));
    assert_eq!(
        check_postal_code(" 98052-6399 ", Country::Us),
        Ok("98052-6399".into())
    );
    assert_eq!(
        check_postal_code("980526399", Country::Us),
        Ok("98052-6399".into())
    );
    assert_eq!(
        check_postal_code("98052 6399", Country::Us),
        Ok("98052-6399".into())
    );
    for bad in [
        "9805",
        "980521",
        "98052-639",
        "9805-26399",
        "ABCDE",
        "",
        "98052--6399",
        "K1A 0B1",
    ] {
        let err = check_postal_code(bad, Country::Us).unwrap_err();
        assert!(
            err.message()
                .contains("write 5 digits (98052) or ZIP+4 (98052-6399)"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn canadian_postal_codes_are_normalised() {
    assert_eq!(
        check_postal_code("K1A 0B1", Country::Ca),
        Ok("K1A 0B1".into())
    );
    assert_eq!(
        check_postal_code("k1a0b1", Country::Ca),
        Ok("K1A 0B1".into())
    );
    assert_eq!(
        check_postal_code(" m5v-3l9 ", Country::Ca),
        Ok("M5V 3L9".into())
    );
    assert_eq!(
        check_postal_code("H2X  1Y4", Country::Ca),
        Ok("H2X 1Y4".into())
    );
}

#[test]
fn canadian_postal_code_letter_rules() {
    let err = check_postal_code("D1A 0B1", Country::Ca).unwrap_err();
    assert!(
        err.message().contains("the letter D is never used"),
        "{err}"
    );
    let err = check_postal_code("K1A 0U1", Country::Ca).unwrap_err();
    assert!(
        err.message().contains("the letter U is never used"),
        "{err}"
    );
    let err = check_postal_code("W1A 0B1", Country::Ca).unwrap_err();
    assert!(
        err.message().contains("no postal code starts with W"),
        "{err}"
    );
    assert!(check_postal_code("Z1A 0B1", Country::Ca).is_err());
    // W and Z are fine after the first position.
    assert_eq!(
        check_postal_code("K1W 0Z1", Country::Ca),
        Ok("K1W 0Z1".into())
    );
    let err = check_postal_code("K1A OB1", Country::Ca).unwrap_err();
    assert!(err.message().contains("did you mean 0, zero?"), "{err}");
    for bad in ["98052", "K1A 0B", "K1A 0B12", "11A 0B1", ""] {
        let err = check_postal_code(bad, Country::Ca).unwrap_err();
        assert!(err.message().contains("like K1A 0B1"), "{bad}: {err}");
    }
}

#[test]
fn po_boxes_are_recognised() {
    for street in [
        "PO Box 123",
        "P.O. Box 123",
        "p.o.box 123",
        "P O Box 123",
        "POBox 123",
        "Post Office Box 123",
        "POB 123",
        "P.O.B. 12",
        "Box 12",
        "Box #12",
        "box12",
        "PMB 456, 100 Main St",
        "100 Main St PMB 456",
        "1 Main St, Box 9",
        "C.P. 56",
        "Case postale 56",
        "Postal Box 7",
    ] {
        assert!(looks_like_po_box(street), "{street}");
    }
}

#[test]
fn street_addresses_are_not_po_boxes() {
    for street in [
        "12 Boxwood Ave",
        "1 Microsoft Way",
        "400 Box Elder Rd",
        "10 Post Road",
        "5 Post Box Lane",
        "77 Pobst St",
        "Boxer Blvd 5",
        "123 Main Street, Suite 400",
        "",
    ] {
        assert!(!looks_like_po_box(street), "{street}");
    }
}

#[test]
fn us_states_by_code_and_name() {
    assert_eq!(check_region("wa", Country::Us), Ok("WA".into()));
    assert_eq!(check_region("Washington", Country::Us), Ok("WA".into()));
    assert_eq!(check_region("new  york", Country::Us), Ok("NY".into()));
    assert_eq!(check_region("DC", Country::Us), Ok("DC".into()));
    assert_eq!(
        check_region("District of Columbia", Country::Us),
        Ok("DC".into())
    );
    assert_eq!(
        check_region("Washington, D.C.", Country::Us),
        Ok("DC".into())
    );
    assert_eq!(check_region("PR", Country::Us), Ok("PR".into()));
    assert_eq!(check_region("Puerto Rico", Country::Us), Ok("PR".into()));
    assert_eq!(check_region("CA", Country::Us), Ok("CA".into()));
    let err = check_region("XX", Country::Us).unwrap_err();
    assert_eq!(
        err.message(),
        "`XX` is not a US state; write its 2-letter code or name, e.g. WA or Washington."
    );
    let err = check_region("Ontario", Country::Us).unwrap_err();
    assert!(err.message().contains("that's in Canada"), "{err}");
}

#[test]
fn canadian_provinces_by_code_and_name() {
    assert_eq!(check_region("on", Country::Ca), Ok("ON".into()));
    assert_eq!(check_region("Quebec", Country::Ca), Ok("QC".into()));
    assert_eq!(check_region("Québec", Country::Ca), Ok("QC".into()));
    assert_eq!(check_region("PQ", Country::Ca), Ok("QC".into()));
    assert_eq!(
        check_region("British Columbia", Country::Ca),
        Ok("BC".into())
    );
    assert_eq!(check_region("Newfoundland", Country::Ca), Ok("NL".into()));
    assert_eq!(check_region("P.E.I.", Country::Ca), Ok("PE".into()));
    assert_eq!(check_region("Yukon", Country::Ca), Ok("YT".into()));
    let err = check_region("WA", Country::Ca).unwrap_err();
    assert!(
        err.message().contains("that's in the United States"),
        "{err}"
    );
    assert!(err.message().contains("e.g. ON or Ontario"), "{err}");
    assert!(check_region("", Country::Ca).is_err());
}

#[test]
fn a_postcode_of_another_state_or_province_is_named_with_both() {
    let words = postcode_region_conflict("98052", "OR", Country::Us).unwrap_or_default();
    assert!(
        words.contains("ZIP code 98052 is in Washington (WA)"),
        "{words}"
    );
    assert!(words.contains("is OR"), "{words}");
    assert_eq!(postcode_region_conflict("98052", "WA", Country::Us), None);
    assert_eq!(postcode_region_conflict("98052", "", Country::Us), None);
    let words = postcode_region_conflict("M5V 3L9", "QC", Country::Ca).unwrap_or_default();
    assert!(
        words.contains("postal code M5V 3L9 is in Ontario (ON)"),
        "{words}"
    );
    assert_eq!(postcode_region_conflict("X0A 0H0", "NU", Country::Ca), None);
    // Where the rulebook has no table, nothing is said.
    let france: Country = "FR".parse().unwrap();
    assert_eq!(postcode_region_conflict("75001", "IDF", france), None);
}

#[test]
fn validation_warns_at_the_postal_code_when_the_address_contradicts_itself() {
    use crate::domain::checks::Severity;
    use crate::domain::fields::{FieldValue, OrderFields};
    use crate::domain::key::FieldKey;
    use crate::domain::validate::validate;
    let mut fields = OrderFields::default();
    for (key, value) in [
        (FieldKey::Country, "US"),
        (FieldKey::ServiceAddressCountry, "US"),
        (FieldKey::ServiceAddressCity, "Redmond"),
        (FieldKey::ServiceAddressState, "OR"),
        (FieldKey::ServiceAddressPostalCode, "98052"),
    ] {
        fields.set(key, FieldValue::Text(value.into()));
    }
    let today = jiff::civil::date(2026, 11, 26);
    let found: Vec<_> = validate(&fields, today)
        .into_iter()
        .filter(|p| p.key == FieldKey::ServiceAddressPostalCode)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0].message.contains("Washington (WA)"), "{found:?}");
    fields.set(FieldKey::ServiceAddressState, FieldValue::Text("WA".into()));
    assert!(
        !validate(&fields, today)
            .iter()
            .any(|p| p.key == FieldKey::ServiceAddressPostalCode),
    );
}
