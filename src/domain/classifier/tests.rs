use super::*;
use crate::domain::FieldKey;
use std::sync::LazyLock;

/// Compiling the catalog takes about a millisecond; the property tests run classify thousands of times.
static BUILTIN: LazyLock<Catalog> = LazyLock::new(Catalog::builtin);

fn fields(text: &str) -> Vec<FieldKey> {
    classify(text, &BUILTIN).fields
}

fn keys(groups: &[&str]) -> Vec<FieldKey> {
    let mut out: Vec<FieldKey> = groups
        .iter()
        .flat_map(|g| FieldKey::group(g).unwrap())
        .collect();
    out.sort();
    out
}

#[test]
fn builtin_catalog_compiles() {
    let catalog = Catalog::from_json(include_str!("../../../assets/rejections.json")).unwrap();
    assert!(catalog.rules().len() >= 30);
    let seeded = catalog
        .rules()
        .iter()
        .filter(|r| r.microsoft_text.is_some())
        .count();
    assert_eq!(seeded, 7);
}

#[test]
fn normalisation_reads_codes_contractions_and_abbreviations() {
    assert_eq!(fields("PASSCODE_PIN_INVALID"), keys(&["pin"]));
    assert_eq!(fields("The PIN doesn't match"), keys(&["pin"]));
    assert_eq!(fields("pin DOESNT match"), keys(&["pin"]));
    assert_eq!(fields("[7012] Acct# invalid"), keys(&["account_number"]));
    assert_eq!(
        fields("BTN/ATN MISMATCH"),
        keys(&["billing_telephone_number"])
    );
    assert_eq!(fields("btnMismatch"), keys(&["billing_telephone_number"]));
}

#[test]
fn zip_only_complaint_names_only_the_postal_code() {
    assert_eq!(
        fields("POSTAL_CODE_MISMATCH"),
        [FieldKey::ServiceAddressPostalCode]
    );
    assert_eq!(
        fields("Zip code invalid"),
        [FieldKey::ServiceAddressPostalCode]
    );
    assert_eq!(
        fields("Service address mismatch"),
        keys(&["service_address"])
    );
    assert_eq!(
        fields("zip code or service address is wrong"),
        keys(&["service_address"])
    );
}

#[test]
fn several_fields_in_one_text() {
    assert_eq!(
        fields("The account number and/or PIN is invalid"),
        keys(&["account_number", "pin"])
    );
    assert_eq!(
        fields("Name and address mismatch"),
        keys(&["organization_name", "service_address"])
    );
    let c = classify("EU name mismatch; BTN mismatch", &Catalog::builtin());
    let rules: Vec<&str> = c.matches.iter().map(|m| m.rule.as_str()).collect();
    assert_eq!(rules, ["organization_name_mismatch", "btn_mismatch"]);
}

#[test]
fn texts_that_name_no_field_are_not_recognised() {
    for text in [
        "Data Missing or Incorrect",
        "OTHER",
        "Order received and in progress",
        "",
        "  \n ",
        "Name mismatch",
        "Number invalid",
    ] {
        let c = classify(text, &Catalog::builtin());
        assert!(
            c.fields.is_empty() && c.matches.is_empty(),
            "{text:?} gave {c:?}"
        );
        assert!(!c.needs_carrier_contact);
        assert!(c.action.starts_with("Not recognised"));
    }
}

#[test]
fn vague_words_are_not_mistaken_for_fields() {
    assert!(fields("Order pinned for review, error").is_empty());
    assert!(fields("Account information incorrect").is_empty());
    assert_eq!(fields("Account number invalid"), keys(&["account_number"]));
}

#[test]
fn a_clause_saying_a_field_is_fine_is_ignored() {
    assert_eq!(
        fields("PIN is correct but the account number is wrong"),
        keys(&["account_number"])
    );
    assert!(fields("PIN verified, account number validated").is_empty());
    assert!(fields("Freeze lifted").is_empty());
}

#[test]
fn carrier_only_problems_say_so() {
    let c = classify("LSP FREEZE ON LINE", &Catalog::builtin());
    assert!(c.needs_carrier_contact);
    assert!(c.fields.is_empty());
    assert_eq!(c.matches[0].rule, "port_freeze");
    assert!(c.action.contains("freeze"));
}

/// The issue's families of carrier-side blocks, in wording of our own (not the corpus's): each
/// reads as "only the carrier can clear it", naming no field.
#[test]
fn carrier_side_blocks_in_other_words_need_the_carrier() {
    for text in [
        "The losing carrier is not responding to our requests.",
        "The end user has decided to remain with the current provider.",
        "This number was reported stolen.",
        "The customer's account is in arrears.",
        "A bundled broadband service exists on the line.",
        "Contractual obligations apply until the end of the minimum term.",
        "This number is already being processed under another transaction.",
    ] {
        let c = classify(text, &BUILTIN);
        assert!(c.needs_carrier_contact, "{text:?} gave {c:?}");
        assert!(c.fields.is_empty(), "{text:?} gave {:?}", c.fields);
    }
}

/// A number named after the field a complaint is about only says where that field sits.
#[test]
fn a_number_named_after_the_complaint_is_not_a_second_field() {
    assert_eq!(
        fields("The PIN submitted for this phone number does not match our records."),
        keys(&["pin"])
    );
    assert_eq!(
        fields("An invalid PIN was given for the telephone number."),
        keys(&["pin"])
    );
    // Named first, or in a sentence of its own, it is a complaint of its own.
    assert_eq!(
        fields("The TN is invalid and the PIN is missing"),
        keys(&["numbers", "pin"])
    );
    assert_eq!(
        fields("Telephone number invalid. PIN invalid."),
        keys(&["numbers", "pin"])
    );
}

/// A range that moves only whole is about the numbers list; an unauthorized signature or signer
/// is about the authorized user (the LOA only when the LOA itself is named: see
/// `an_unauthorized_signer_is_the_authorized_user`).
#[test]
fn ranges_and_signatures_name_their_field() {
    assert_eq!(
        fields("DDI blocks can only be ported as an entire range."),
        keys(&["numbers"])
    );
    assert_eq!(fields("Unauthorized Signature"), keys(&["authorized_user"]));
    assert_eq!(
        fields("The signer is not authorized on the account."),
        keys(&["authorized_user"])
    );
}

#[test]
fn matches_carry_score_and_evidence() {
    let c = classify(
        "The provided PIN is missing or incorrect.",
        &Catalog::builtin(),
    );
    let m = &c.matches[0];
    assert_eq!(m.rule, "pin_missing_or_incorrect");
    assert_eq!(m.score, 1.0);
    assert_eq!(m.evidence, ["PIN", "missing", "incorrect"]);

    let spread = classify("Rejected. PIN.", &Catalog::builtin());
    assert_eq!(spread.fields, [FieldKey::Pin]);
    assert!(spread.matches[0].score < 1.0 && spread.matches[0].score > 0.0);
}

#[test]
fn json_form_follows_the_cli_contract() {
    let c = classify("PIN invalid", &Catalog::builtin());
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["fields"], serde_json::json!(["pin"]));
    assert_eq!(json["matches"][0]["rule"], "pin_missing_or_incorrect");
    assert_eq!(json["matches"][0]["score"], 1.0);
    assert!(json["matches"][0].get("evidence").is_none());
    assert_eq!(json["needs_carrier_contact"], false);
}

#[test]
fn overrides_add_a_rule_and_a_synonym() {
    let doc = r#"{
        "concepts": {"pin": ["codigo"], "gremlin": ["gremlins"]},
        "rules": [{"id": "gremlins", "title": "Gremlins", "fields": ["numbers"],
                   "action": "Feed them before midnight.", "when": [["gremlin"]]}]
    }"#;
    let catalog = Catalog::with_overrides(doc).unwrap();
    assert_eq!(classify("codigo wrong", &catalog).fields, [FieldKey::Pin]);
    assert_eq!(
        classify("Gremlins on the line", &catalog).fields,
        [FieldKey::Numbers]
    );
    assert!(
        classify("codigo wrong", &Catalog::builtin())
            .fields
            .is_empty()
    );
}

#[test]
fn overrides_replace_a_builtin_rule_by_id() {
    let doc = r#"{"rules": [{"id": "port_freeze", "title": "Freeze", "fields": ["pin"],
        "action": "Ask for the freeze PIN.", "needs_carrier_contact": false, "when": [["freeze"]]}]}"#;
    let catalog = Catalog::with_overrides(doc).unwrap();
    assert_eq!(catalog.rules().len(), Catalog::builtin().rules().len());
    let c = classify("Account frozen", &catalog);
    assert_eq!(c.fields, [FieldKey::Pin]);
    assert!(!c.needs_carrier_contact);
}

#[test]
fn broken_overrides_report_line_and_column() {
    let doc = "{\n  \"rules\": [\n    {\"id\": \"x\",, }\n  ]\n}";
    match Catalog::with_overrides(doc) {
        Err(CatalogError::Json { line, column, .. }) => assert_eq!((line, column), (3, 16)),
        other => panic!("expected a JSON error, got {other:?}"),
    }
    let unknown_field = r#"{"rules": [{"id": "x", "title": "x", "fields": ["pni"], "action": "", "when": [["pin"]]}]}"#;
    assert!(matches!(
        Catalog::with_overrides(unknown_field),
        Err(CatalogError::UnknownField { .. })
    ));
    let unknown_concept = r#"{"rules": [{"id": "x", "title": "x", "fields": ["pin"], "action": "", "when": [["pni"]]}]}"#;
    assert!(matches!(
        Catalog::with_overrides(unknown_concept),
        Err(CatalogError::UnknownConcept { .. })
    ));
    let bad_id = r#"{"rules": [{"id": "Bad Id", "title": "x", "fields": [], "action": "", "when": [["pin"]]}]}"#;
    assert!(matches!(
        Catalog::with_overrides(bad_id),
        Err(CatalogError::BadRuleId(_))
    ));
    assert!(matches!(
        Catalog::with_overrides(r#"{"rulez": []}"#),
        Err(CatalogError::Json { .. })
    ));
}

#[test]
fn a_megabyte_of_text_classifies() {
    let sentence =
        "The account number and/or PIN provided doesn't match; BTN_MISMATCH [7012] café ✓. ";
    let text = sentence.repeat(1_000_000 / sentence.len() + 1);
    let c = classify(&text, &Catalog::builtin());
    assert_eq!(
        c.fields,
        keys(&["account_number", "billing_telephone_number", "pin"])
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_string_classifies_without_panicking(s in any::<String>()) {
            let c = classify(&s, &BUILTIN);
            prop_assert_eq!(c.fields.is_empty(), c.matches.iter().all(|m| m.fields.is_empty()));
            prop_assert!(c.matches.iter().all(|m| (0.0..=1.0).contains(&m.score)));
        }

        #[test]
        fn any_bytes_classify_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let text = String::from_utf8_lossy(&bytes);
            classify(&text, &BUILTIN);
        }

        #[test]
        fn vocabulary_soup_classifies_without_panicking(
            words in proptest::collection::vec(prop_oneof![
                Just("PIN"), Just("doesn't"), Just("account"), Just("number"), Just("BTN_ATN"), Just("."),
                Just(","), Just("but"), Just("'s"), Just("is correct"), Just("LOAs"), Just("#"), Just("’"),
                Just("zip"), Just("freeze"), Just("-"), Just("\n"), Just("mismatch"), Just("ÉÑ"),
            ], 0..40)
        ) {
            let text = words.join(" ");
            let c = classify(&text, &BUILTIN);
            let mut sorted = c.fields.clone();
            sorted.sort();
            sorted.dedup();
            prop_assert_eq!(sorted, c.fields);
        }
    }
}

#[test]
fn advice_follows_the_fields_the_user_chose_not_the_suggestion() {
    let c = classify(
        "The provided PIN is missing or incorrect. Please update the PIN.",
        &BUILTIN,
    );
    assert_eq!(c.fields, vec![FieldKey::Pin]);
    assert_eq!(c.action_for(&[FieldKey::Pin], &BUILTIN), c.action);
    let chosen = c.action_for(&[FieldKey::AccountNumber], &BUILTIN);
    assert!(!chosen.contains("PIN"), "{chosen}");
    assert!(chosen.to_lowercase().contains("account number"), "{chosen}");
    let time = classify("Due date cannot be met for the requested time", &BUILTIN);
    let advice = time.action_for(&[FieldKey::PortTime], &BUILTIN);
    assert!(!advice.contains("Move the port date"), "{advice}");
    assert!(advice.contains("port time"), "{advice}");
}

#[test]
fn the_sentence_that_triggered_the_match_is_given() {
    let text = "Hello, thank you for your order. We looked at it today. The PIN does not match our records! Regards, the porting team";
    let c = classify(text, &BUILTIN);
    assert_eq!(c.fields, keys(&["pin"]));
    assert_eq!(
        c.key_sentence_of(text),
        Some("The PIN does not match our records!")
    );
    let terse = "Rejected. PIN.";
    let c = classify(terse, &BUILTIN);
    assert!(c.key_sentence_of(terse).is_some());
    assert_eq!(
        classify("good morning", &BUILTIN).key_sentence_of("good morning"),
        None
    );
}

#[test]
fn a_status_update_is_told_from_a_rejection() {
    for text in [
        "your port request is processing",
        "We received your order",
        "Thank you, we have received your port request and it is being reviewed.",
        "Your order has been scheduled",
        "Pending: we have sent the request to your losing carrier and are waiting for them to accept it. No action is required.",
        "PIN verified, account number validated, waiting for FOC",
        "Transfer approved: the order has been accepted by the losing carrier.",
    ] {
        let c = classify(text, &BUILTIN);
        assert!(c.is_status_update(), "{text}: {:?}", c.status_words);
    }
    for text in [
        "Rejected. PIN.",
        "rejected",
        "We received your order but cannot process it",
        "order not processing, error 7012",
        "good morning",
    ] {
        assert!(!classify(text, &BUILTIN).is_status_update(), "{text}");
    }
    assert_eq!(
        classify("we received your order", &BUILTIN).status_words,
        ["received"]
    );
}

#[test]
fn no_rejection_of_the_sets_reads_as_a_status_update() {
    for set in [
        include_str!("../../../tests/data/rejections-public.tsv"),
        include_str!("../../../tests/data/rejections-dev.tsv"),
        include_str!("../../../tests/data/rejections-more.tsv"),
    ] {
        // expect <TAB> also_ok <TAB> text
        for line in set.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [expect, _, text] = cols[..] else {
                continue;
            };
            let c = classify(text, &BUILTIN);
            if expect != "none" {
                assert!(!c.is_status_update(), "{text}: {:?}", c.status_words);
            }
        }
    }
}

/// A signer who is not authorized names the authorized user (the signer is that person); the LOA
/// only when the LOA itself is said to be unauthorized, or a new one signed by someone is asked.
#[test]
fn an_unauthorized_signer_is_the_authorized_user() {
    assert_eq!(
        fields("Rejected: unauthorized signer/name"),
        keys(&["authorized_user"])
    );
    assert_eq!(
        fields("The letter of authorization is not authorized."),
        keys(&["authorized_user", "loa"])
    );
    assert_eq!(
        fields("Unauthorized request: no LOA on the order."),
        keys(&["loa"])
    );
}

/// Numbers that stay with the carrier are about the port type; a BTN that ports while they stay
/// also asks for a replacement BTN.
#[test]
fn numbers_left_behind_are_the_port_type() {
    assert_eq!(
        fields("Tell us what to do with the remaining numbers: they must be addressed."),
        keys(&["port_type"])
    );
    assert_eq!(
        fields("The BTN is porting while other numbers remain on the account."),
        keys(&["port_type", "replacement_btn"])
    );
}

/// A number that moved to another carrier, or one suspended for debt, is not a numbers fix.
#[test]
fn numbers_held_by_a_block_or_another_carrier_are_no_numbers_fix() {
    let c = classify(
        "The line is suspended because of an unpaid balance.",
        &BUILTIN,
    );
    assert!(c.needs_carrier_contact && c.fields.is_empty(), "{c:?}");
    assert_eq!(
        fields("The phone number requested has moved to a different carrier."),
        keys(&["current_carrier"])
    );
}

/// A catch-all in another clause than the specific complaint is a complaint of its own; in the
/// same clause it only says where that complaint sits.
#[test]
fn a_catch_all_in_another_clause_is_its_own_complaint() {
    let c = classify(
        "The end user did not confirm the port, or the letter of authorization was invalid.",
        &BUILTIN,
    );
    assert!(c.needs_carrier_contact, "{c:?}");
    assert_eq!(c.fields, keys(&["loa"]));
}

/// Naming the range holder is no complaint about it: only a wrong or missing one is.
#[test]
fn the_range_holder_named_without_a_complaint_is_context() {
    assert!(
        fields("Your provider or the range holder decides whether the number can move.").is_empty()
    );
    assert_eq!(
        fields("The range holder given is wrong."),
        [FieldKey::IdUnderlyingCarrier]
    );
}

/// Blocks only the carrier can clear, in words of our own: a line to unlock, a disaster area, a
/// bill not paid, a contract, an order elsewhere. None is a field to fix, nor the carrier's name.
#[test]
fn blocks_the_carrier_holds_need_the_carrier() {
    for text in [
        "The line must be unlocked by the customer before it can move.",
        "The service address was rejected because it lies in a disaster area.",
        "Service was suspended after a failure to pay the last invoice.",
        "This line is contracted until March.",
        "The number already has an order to port elsewhere.",
        "The number has a current order to move to another provider; cancel one of them.",
    ] {
        let c = classify(text, &BUILTIN);
        assert!(c.needs_carrier_contact, "{text:?} gave {c:?}");
        assert!(c.fields.is_empty(), "{text:?} gave {:?}", c.fields);
    }
}

/// A text that names a block only to say it does not apply names no block.
#[test]
fn a_block_said_not_to_apply_is_no_block() {
    for text in [
        "An open balance does not prevent porting.",
        "A running contract is no reason to refuse the transfer.",
    ] {
        let c = classify(text, &BUILTIN);
        assert!(!c.needs_carrier_contact, "{text:?} gave {c:?}");
        assert!(c.fields.is_empty(), "{text:?} gave {:?}", c.fields);
    }
    // Another clause still blocks.
    let c = classify(
        "The account is in arrears, although a contract would not prevent it.",
        &BUILTIN,
    );
    assert!(c.needs_carrier_contact, "{c:?}");
}

/// Numbers that are not with the losing carrier named, an unknown losing carrier, or no
/// agreement with it are about who the carrier is; a number missing from the carrier's account
/// is still the numbers list.
#[test]
fn who_the_carrier_is_names_the_current_carrier() {
    for text in [
        "These numbers do not belong to the losing carrier on the order.",
        "The releasing operator is unknown.",
        "No interconnection agreement exists with this carrier. The number cannot be ported.",
    ] {
        assert_eq!(fields(text), keys(&["current_carrier"]), "{text:?}");
    }
    assert_eq!(
        fields("The number was not found on the losing carrier's account."),
        keys(&["numbers"])
    );
}

/// Words that only look like a field: a state the order is in, and a document that lacks a
/// number (the document is what to fix).
#[test]
fn context_that_looks_like_a_field_is_not_one() {
    assert!(fields("After a rejection the order moves to an error state you can edit.").is_empty());
    assert_eq!(
        fields("The address given could not be validated."),
        keys(&["service_address"])
    );
    assert_eq!(
        fields("The bill you uploaded does not show the phone number to port."),
        keys(&["documents"])
    );
}

#[test]
fn a_mismatch_with_the_carriers_record_names_the_whole_identity_unless_a_field_is_named() {
    let whole = keys(&["organization_name", "authorized_user", "service_address"]);
    assert_eq!(
        fields("What you typed differs from the details held by your old provider."),
        whole
    );
    assert_eq!(
        fields("Die Angaben stimmen nicht mit den hinterlegten Daten überein."),
        whole
    );
    // A field named in another sentence is what the record disagrees with.
    assert_eq!(
        fields("The PIN was wrong. The one on file was different."),
        keys(&["pin"])
    );
    // A field in the same sentence: the rule does not fire at all.
    assert_eq!(
        fields("The BTN does not match the information on file."),
        keys(&["billing_telephone_number"])
    );
}
