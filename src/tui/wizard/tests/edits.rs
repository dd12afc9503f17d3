//! The wizard edits through the domain: its readiness verdicts and refusals are the domain's.

use super::fixtures::*;
use crate::domain::checks::Severity;
use crate::domain::key::FieldKey;
use crate::domain::registry::Step;
use crate::tui::wizard::Start;
use crate::tui::wizard::state::{ConfirmKind, Editor, Prompt};
use crate::tui::wizard::{Wizard, WizardOutcome};
use crossterm::event::KeyCode;

fn editor_text(wizard: &Wizard) -> String {
    match &wizard.state.editor {
        Editor::Text(field) => field.value().to_string(),
        _ => String::new(),
    }
}

#[test]
fn a_partial_port_moving_its_btn_is_warned_about_on_step_3_and_review_yet_submits() {
    let mut order = complete_draft();
    order.fields.port_type = "partial".into();
    let mut wizard = Wizard::open(order, clock(), Start::FirstStep);
    let warning = crate::domain::readiness::readiness(wizard.order(), clock().today)
        .into_iter()
        .find(|p| p.key == FieldKey::ReplacementBtn)
        .unwrap_or_else(|| panic!("no replacement BTN warning"));
    assert_eq!(warning.severity, Severity::Warning);
    // Under the field on step 3, as on Review: the same words.
    press(&mut wizard, KeyCode::PageDown, 2);
    assert_eq!(wizard.state.step, Step::BillingAndPortType);
    let field = wizard.state.checked.get(&FieldKey::ReplacementBtn).cloned();
    assert!(
        field.is_some_and(|p| p.iter().any(|p| p.message == warning.message)),
        "{:?}",
        wizard.state.checked.get(&FieldKey::ReplacementBtn)
    );
    let items = crate::domain::readiness::readiness(wizard.order(), clock().today);
    assert!(
        items.iter().any(|i| i.message == warning.message),
        "{items:?}"
    );
    press(&mut wizard, KeyCode::PageDown, 4);
    assert_eq!(wizard.state.step, Step::Review);
    wizard.handle_key(key(KeyCode::Enter), clock());
    assert!(matches!(
        wizard.state.prompt,
        Some(Prompt::Confirm(ConfirmKind::Submit))
    ));
}

#[test]
fn a_refused_value_keeps_the_user_on_its_field_with_the_reason() {
    let mut wizard = Wizard::open(empty_draft(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 3);
    let long = "x".repeat(crate::domain::edit::TEXT_LIMIT + 1);
    wizard.handle_paste(&long, clock());
    assert_eq!(
        wizard.handle_key(key(KeyCode::Tab), clock()),
        WizardOutcome::Stay
    );
    assert_eq!(
        wizard.state.target().map(|t| t.key),
        Some(FieldKey::CurrentCarrier)
    );
    assert_eq!(editor_text(&wizard), long);
    assert_eq!(wizard.order().fields.current_carrier, "");
    let text = screen(&wizard, 100, 30);
    assert!(text.contains("at most 1000"), "{text}");
}

#[test]
fn the_numbers_error_goes_as_soon_as_the_bad_number_is_deleted() {
    let mut wizard = Wizard::open(draft_in_progress(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 1);
    assert_eq!(
        wizard.state.target().map(|t| t.key),
        Some(FieldKey::Numbers)
    );
    let before = screen(&wizard, 100, 40);
    assert!(
        before.contains("✗ Phone numbers: call me contains letters"),
        "{before}"
    );
    // Clear the box and type one good number: no Tab yet.
    wizard.handle_key(ctrl('u'), clock());
    while !editor_numbers(&wizard).is_empty() {
        wizard.handle_key(key(KeyCode::Backspace), clock());
    }
    type_text(&mut wizard, "+14255550123");
    let after = screen(&wizard, 100, 40);
    assert!(
        !after.contains("✗ Phone numbers: call me contains letters"),
        "{after}"
    );
}

#[test]
fn the_replacement_btn_warning_follows_what_is_typed() {
    let mut order = complete_draft();
    order.fields.port_type = "partial".into();
    let mut wizard = Wizard::open(order, clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 2);
    while wizard.state.target().map(|t| t.key) != Some(FieldKey::ReplacementBtn) {
        wizard.handle_key(key(KeyCode::Tab), clock());
    }
    assert!(screen(&wizard, 100, 40).contains("carriers expect a replacement BTN"));
    type_text(&mut wizard, "+14255550999");
    let typed = screen(&wizard, 100, 40);
    assert!(
        !typed.contains("carriers expect a replacement BTN"),
        "{typed}"
    );
}

fn editor_numbers(wizard: &Wizard) -> String {
    match &wizard.state.editor {
        Editor::Numbers(area) => area.text(),
        _ => String::new(),
    }
}
