//! The All regions wizard (issue 25): a UK and a French order on each of its pages, and the
//! rule that no step is taken past Manage numbers until every number is valid.

use super::fixtures::*;
use crate::domain::countries::Route;
use crate::domain::fields::OrderFields;
use crate::domain::order::Order;
use crate::domain::registry::Step;
use crate::domain::secret::Secret;
use crate::tui::wizard::{Start, Wizard};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

fn uk_fields() -> OrderFields {
    let mut f = OrderFields {
        country: "GB".into(),
        number_type: "geographic".into(),
        numbers: vec!["+442079460000".into(), "+442079460001".into()],
        number_usage: vec![
            "+442079460000 user".into(),
            "+442079460001 voice_app".into(),
        ],
        port_type: "full".into(),
        billing_telephone_number: "+442079460000".into(),
        current_carrier: "Northwind Telecom".into(),
        organization_name: "Fabrikam UK Ltd".into(),
        account_number: "NW-448812".into(),
        pin: Secret::new(""),
        order_name: "London office".into(),
        port_date: "2026-12-15".into(),
        port_time: "09:30".into(),
        loa: "signed by Olivia Hughes 2026-11-20".into(),
        ..OrderFields::default()
    };
    f.authorized_user.first_name = "Olivia".into();
    f.authorized_user.last_name = "Hughes".into();
    f.service_address.street = "10 Whitehall Place".into();
    f.service_address.city = "London".into();
    f.service_address.postal_code = "SW1A 2AA".into();
    f.service_address.country = "GB".into();
    f.identifiers.underlying_carrier = "BT Wholesale".into();
    f.requester.name = "Sam Lee".into();
    f.requester.email = "sam@fabrikam.com".into();
    f
}

/// A French draft with work left: no usage yet, no RIO.
fn fr_fields() -> OrderFields {
    let mut f = OrderFields {
        country: "FR".into(),
        number_type: "geographic".into(),
        numbers: vec!["+33140000000".into(), "+33140000001".into()],
        port_type: "full".into(),
        billing_telephone_number: "+33140000000".into(),
        current_carrier: "Contoso Télécom".into(),
        organization_name: "Fabrikam France SAS".into(),
        account_number: "FR-77120".into(),
        order_name: "Paris office".into(),
        port_date: "2026-12-25".into(),
        port_time: "10:00".into(),
        ..OrderFields::default()
    };
    f.authorized_user.first_name = "Camille".into();
    f.authorized_user.last_name = "Martin".into();
    f.service_address.street = "12 rue de Rivoli".into();
    f.service_address.city = "Paris".into();
    f.service_address.postal_code = "75001".into();
    f.service_address.country = "FR".into();
    f.identifiers.siret = "73282932000074".into();
    f
}

fn order(id: &str, fields: OrderFields) -> Order {
    Order::new(id.into(), fields, clock().now)
}

fn on_page(order: Order, step: Step) -> Wizard {
    let mut wizard = Wizard::open(order, clock(), Start::FirstStep);
    press(
        &mut wizard,
        KeyCode::PageDown,
        step.index_in(Route::AllRegions),
    );
    assert_eq!(wizard.state.step, step);
    wizard
}

#[test]
fn a_uk_and_a_french_order_on_each_page() {
    for (name, fields) in [("uk", uk_fields()), ("fr", fr_fields())] {
        for step in Step::ALL_REGIONS {
            let n = step.index_in(Route::AllRegions) + 1;
            for (width, height) in [(80, 24), (120, 40)] {
                let wizard = on_page(order("ord-regions", fields.clone()), step);
                assert_snapshot!(
                    format!("regions_{name}_page_{n}_{width}x{height}"),
                    screen(&wizard, width, height)
                );
            }
        }
    }
}

#[test]
fn the_pages_are_the_all_regions_wizards_and_the_us_one_is_unchanged() {
    let mut wizard = Wizard::open(order("ord-uk", uk_fields()), clock(), Start::FirstStep);
    let mut seen = vec![wizard.state.step];
    for _ in 0..8 {
        press(&mut wizard, KeyCode::PageDown, 1);
        if seen.last() != Some(&wizard.state.step) {
            seen.push(wizard.state.step);
        }
    }
    assert_eq!(seen, Step::ALL_REGIONS);
    let mut us = Wizard::open(complete_draft(), clock(), Start::FirstStep);
    press(&mut us, KeyCode::PageDown, 6);
    assert_eq!(us.state.step, Step::Review);
}

#[test]
fn no_step_past_manage_numbers_until_every_number_is_valid() {
    let mut fields = uk_fields();
    fields.numbers.push("0845 600 0000".into());
    let mut wizard = on_page(order("ord-0845", fields), Step::ManageNumbers);
    press(&mut wizard, KeyCode::PageDown, 1);
    assert_eq!(wizard.state.step, Step::ManageNumbers);
    let notice = wizard.state.notice.as_ref().map(|m| m.text.clone());
    assert!(
        notice
            .as_deref()
            .is_some_and(|t| t.contains("Every number must be valid before you go on")),
        "{notice:?}"
    );
    let screen = screen(&wizard, 100, 30);
    assert!(screen.contains("0845"), "{screen}");
    // Back is always allowed.
    press(&mut wizard, KeyCode::PageUp, 1);
    assert_eq!(wizard.state.step, Step::GetStarted);
}

#[test]
fn a_usage_alone_gives_every_number_that_usage() {
    let mut fields = fr_fields();
    fields.number_usage.clear();
    let mut wizard = on_page(order("ord-fr", fields), Step::AddNumberFeatures);
    type_and_leave(&mut wizard, "conference");
    assert_eq!(
        wizard.state.order.fields.number_usage,
        ["+33140000000 conference", "+33140000001 conference"]
    );
    let screen = screen(&wizard, 80, 24);
    assert!(!screen.contains("no usage"), "{screen}");
}

#[test]
fn a_french_order_rejected_for_its_rio_reopens_on_add_account_information() {
    let mut fields = fr_fields();
    fields.number_usage = vec!["user".into()];
    fields.identifiers.rio = "01E12345A6BC".into();
    fields.requester.name = "Sam Lee".into();
    fields.requester.email = "sam@fabrikam.com".into();
    fields.port_date = "2026-12-15".into();
    fields.loa = "signed by Camille Martin 2026-11-20".into();
    let mut order = order("ord-rio", fields);
    order.fields.number_usage = crate::domain::rules::usage::normalise_usages(
        &order.fields.number_usage,
        &order.fields.numbers,
        order.fields.rules_country(),
    );
    order.loa_signed_fields = Some(order.fields.clone());
    order.submit(clock()).unwrap_or_else(|e| panic!("{e:?}"));
    let rejected = order.reject(
        crate::domain::order::RejectionInput {
            text: "Le RIO fourni est invalide".into(),
            fields: vec![crate::domain::key::FieldKey::IdRio],
            rules: Vec::new(),
            action: "Check the RIO by dialling 3179 from the line.".into(),
            needs_carrier_contact: false,
            key_sentence: None,
        },
        clock().now,
    );
    assert!(rejected.is_ok(), "{rejected:?}");
    let wizard = Wizard::open(order, clock(), Start::Resume);
    assert_eq!(wizard.state.step, Step::AddAccountInformation);
    let screen = screen(&wizard, 100, 30);
    assert!(screen.contains("3 Add account information"), "{screen}");
    assert!(screen.contains("RIO"), "{screen}");
}
