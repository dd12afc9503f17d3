//! Ctrl-T: the field takes the CSR's value (the value a rejection quoted, recorded as the CSR's),
//! so fixing a mismatch is one key.

use super::fixtures::{clock, ctrl, key, rejected_order};
use crate::domain::FieldKey;
use crate::domain::registry::Step;
use crate::tui::wizard::Start;
use crate::tui::wizard::{Wizard, WizardOutcome};
use crossterm::event::KeyCode;

fn on_organization_name(order: crate::domain::order::Order) -> Wizard {
    let mut wizard = Wizard::open(order, clock(), Start::FirstStep);
    for _ in 0..Step::ALL.len() {
        if wizard.state.step == Step::AccountInformation {
            break;
        }
        let _ = wizard.handle_key(key(KeyCode::PageDown), clock());
    }
    for _ in 0..8 {
        if wizard.state.target().map(|t| t.key) == Some(FieldKey::OrganizationName) {
            return wizard;
        }
        let _ = wizard.handle_key(key(KeyCode::Tab), clock());
    }
    panic!("the organization name is on the account step");
}

#[test]
fn ctrl_t_takes_the_csr_value_into_the_field_and_saves() {
    let mut order = rejected_order();
    order.set_csr(FieldKey::OrganizationName, "FOURTH COFFEE LLC", clock().now);
    let mut wizard = on_organization_name(order);
    let outcome = wizard.handle_key(ctrl('t'), clock());
    let WizardOutcome::Save(saved) = outcome else {
        panic!("taking the CSR value saves, got {outcome:?}");
    };
    assert_eq!(saved.fields.organization_name, "FOURTH COFFEE LLC");
    assert_eq!(
        wizard.state.editor_value().as_deref(),
        Some("FOURTH COFFEE LLC")
    );
}

#[test]
fn ctrl_t_without_a_csr_value_says_so_and_changes_nothing() {
    let mut wizard = on_organization_name(rejected_order());
    let before = wizard.order().fields.organization_name.clone();
    assert_eq!(wizard.handle_key(ctrl('t'), clock()), WizardOutcome::Stay);
    assert_eq!(wizard.order().fields.organization_name, before);
    assert!(
        wizard
            .state
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("No CSR value")),
    );
}

#[test]
fn ctrl_t_right_after_typing_the_csr_value_takes_what_was_typed() {
    let mut wizard = on_organization_name(rejected_order());
    let _ = wizard.handle_key(ctrl('k'), clock());
    let _ = wizard.handle_key(key(KeyCode::Tab), clock());
    assert_eq!(
        wizard.state.target().map(|t| t.column),
        Some(crate::tui::wizard::state::Column::Csr)
    );
    super::fixtures::type_text(&mut wizard, "FOURTH COFFEE LLC");
    let outcome = wizard.handle_key(ctrl('t'), clock());
    let WizardOutcome::Save(saved) = outcome else {
        panic!("taking the typed CSR value saves, got {outcome:?}");
    };
    assert_eq!(saved.fields.organization_name, "FOURTH COFFEE LLC");
    assert_eq!(
        saved
            .csr
            .get(&FieldKey::OrganizationName)
            .map(String::as_str),
        Some("FOURTH COFFEE LLC")
    );
    assert!(wizard.state.notice.as_ref().is_none_or(|n| !n.is_error));
}
