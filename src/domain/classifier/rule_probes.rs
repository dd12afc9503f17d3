//! Every catalog rule has a text that triggers it and a near miss that must not: the same
//! vocabulary without the complaint, or the complaint about something else.

use super::{Catalog, classify};

/// (rule, a text that triggers it, a near miss that must not).
const PROBES: &[(&str, &str, &str)] = &[
    (
        "account_number_mismatch",
        "Account number invalid",
        "Account number verified",
    ),
    (
        "authorized_user_mismatch",
        "Authorized user name does not match",
        "Authorized user confirmed",
    ),
    (
        "authorized_user_not_authorized",
        "The person listed is not authorized on the account",
        "The person listed is correct",
    ),
    (
        "organization_name_mismatch",
        "Business name mismatch",
        "Business name is correct",
    ),
    (
        "pin_missing_or_incorrect",
        "Passcode required",
        "Passcode verified",
    ),
    (
        "service_address_mismatch",
        "Service address incorrect",
        "Service address validated",
    ),
    (
        "all_data_mismatch",
        "All data mismatch",
        "All details were approved",
    ),
    ("loa_missing", "LOA not attached", "LOA received"),
    (
        "port_freeze",
        "Port protection is enabled",
        "Porting is enabled",
    ),
    (
        "postal_code_mismatch",
        "Zip code invalid",
        "Zip code is valid",
    ),
    ("service_city_mismatch", "City is wrong", "City is fine"),
    (
        "service_state_mismatch",
        "State code not supported",
        "State code ok",
    ),
    (
        "service_street_mismatch",
        "House number not valid",
        "House number verified",
    ),
    ("btn_mismatch", "BTN incorrect", "BTN confirmed"),
    (
        "btn_ported_numbers_remain",
        "The BTN is porting but other numbers remain on the account",
        "The BTN is porting",
    ),
    (
        "numbers_left_on_account",
        "The remaining numbers must be addressed",
        "The remaining numbers were ported",
    ),
    (
        "replacement_btn_missing",
        "New BTN required",
        "New BTN accepted",
    ),
    (
        "port_type_incorrect",
        "Port type invalid",
        "Port type approved",
    ),
    (
        "order_name_invalid",
        "PON exceeds the maximum length",
        "PON received",
    ),
    (
        "numbers_not_on_account",
        "TN not found on the account",
        "TN found on the account",
    ),
    (
        "numbers_not_portable",
        "Rate center not portable",
        "Rate center verified",
    ),
    (
        "numbers_disconnected_or_inactive",
        "The telephone number is disconnected",
        "The telephone number is active",
    ),
    (
        "numbers_invalid",
        "Incorrect telephone number on form",
        "Telephone number on form confirmed",
    ),
    (
        "order_must_be_split",
        "Numbers from multiple accounts: separate orders needed",
        "One account, one order",
    ),
    ("foc_no_longer_valid", "FOC expired", "FOC confirmed"),
    (
        "port_date_too_soon",
        "Due date too soon",
        "Due date confirmed",
    ),
    (
        "port_date_weekend_or_holiday",
        "Port date falls on a holiday",
        "Port date falls on a Tuesday",
    ),
    (
        "port_date_working_days_only",
        "Numbers are moved on business days only",
        "Numbers are moved within five business days",
    ),
    (
        "port_date_invalid",
        "Desired due date invalid",
        "Desired due date accepted",
    ),
    (
        "port_time_outside_hours",
        "Port time outside business hours",
        "Port time accepted",
    ),
    ("loa_unsigned", "LOA not signed", "LOA signed and received"),
    ("loa_illegible", "Signature illegible", "Signature verified"),
    (
        "loa_too_old",
        "LOA older than 30 days",
        "LOA dated today was received",
    ),
    (
        "loa_signer_not_authorized",
        "The LOA is not authorized",
        "The LOA is signed and verified",
    ),
    ("loa_invalid", "LOA rejected", "LOA accepted"),
    (
        "documents_required",
        "Copy of bill required",
        "Copy of bill received",
    ),
    ("tax_id_required", "Tax ID missing", "Tax ID received"),
    (
        "pending_order",
        "Another order is pending on the account",
        "No other order on the account",
    ),
    (
        "end_user_not_confirmed",
        "The end user has not confirmed the port",
        "The end user confirmed the port",
    ),
    (
        "special_features_on_line",
        "Hunt group on the line",
        "Plain line",
    ),
    (
        "unpaid_balance",
        "Past due balance on the account",
        "Account paid up",
    ),
    (
        "account_inactive",
        "Account suspended",
        "Account in good standing",
    ),
    (
        "wrong_current_carrier",
        "Not a valid Resp Org",
        "Resp Org confirmed",
    ),
    // Country identifiers (issue 25).
    (
        "rio_incorrect",
        "Le RIO fourni est invalide",
        "RIO vérifié, portage accepté",
    ),
    ("siret_mismatch", "SIRET mismatch", "SIRET verified"),
    (
        "migration_code_incorrect",
        "Migration code not valid",
        "Migration code verified",
    ),
    (
        "pac_incorrect",
        "The porting authorisation code has expired",
        "PAC code accepted, port scheduled",
    ),
    (
        "codice_fiscale_mismatch",
        "Codice fiscale incorrect",
        "Codice fiscale verified",
    ),
    (
        "range_holder_mismatch",
        "CUPID does not match the range holder",
        "Port accepted, thank you",
    ),
    (
        "nif_mismatch",
        "NIF does not match the numbers' owner",
        "NIF verified",
    ),
    (
        "abn_mismatch",
        "ABN does not match our records",
        "ABN verified",
    ),
    ("cvp_incorrect", "CVP invalid", "CVP verified"),
    (
        "losing_carrier_not_answering",
        "The losing carrier is not responding",
        "The losing carrier confirmed the date",
    ),
    (
        "range_must_move_whole",
        "The DDI block must port as an entire range",
        "The numbers must port together with the BTN",
    ),
    (
        "record_mismatch",
        "What you entered differs from the details held by your old provider",
        "The PIN you entered differs from the one held by your old provider",
    ),
    (
        "customer_data_mismatch",
        "Customer details do not match the records",
        "Customer details were received",
    ),
    (
        "signature_not_authorized",
        "Unauthorized signature",
        "The signature was received",
    ),
    (
        "identity_document_mismatch",
        "Passport number incorrect",
        "Passport number verified",
    ),
    (
        "disaster_area",
        "The numbers lie in a declared disaster area",
        "The numbers lie in the service area",
    ),
    (
        "number_not_with_donor",
        "The number does not belong to the donor operator",
        "The number belongs to the donor operator",
    ),
    (
        "losing_carrier_unknown",
        "The losing carrier is unknown",
        "The losing carrier is known",
    ),
];

fn fired(text: &str, catalog: &Catalog) -> Vec<String> {
    classify(text, catalog)
        .matches
        .into_iter()
        .map(|m| m.rule)
        .collect()
}

#[test]
fn every_rule_has_a_probe() {
    let catalog = Catalog::builtin();
    for rule in catalog.rules() {
        assert!(
            PROBES.iter().any(|(id, _, _)| *id == rule.id),
            "rule {} has no trigger and near miss",
            rule.id
        );
    }
    assert_eq!(PROBES.len(), catalog.rules().len());
}

#[test]
fn each_trigger_fires_its_rule_and_each_near_miss_does_not() {
    let catalog = Catalog::builtin();
    let mut wrong = Vec::new();
    for (id, trigger, near_miss) in PROBES {
        let hit = fired(trigger, &catalog);
        if !hit.iter().any(|r| r == id) {
            wrong.push(format!("{id}: trigger {trigger:?} fired {hit:?}"));
        }
        let miss = fired(near_miss, &catalog);
        if miss.iter().any(|r| r == id) {
            wrong.push(format!("{id}: near miss {near_miss:?} fired {miss:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_rule_names_its_source() {
    for rule in Catalog::builtin().rules() {
        assert!(
            rule.source.as_deref().is_some_and(|s| s.len() > 10),
            "rule {} has no source note",
            rule.id
        );
    }
}
