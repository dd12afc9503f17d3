//! The wizard edits through the domain: its readiness verdicts and refusals are the domain's.

use super::fixtures::*;
use crate::domain::key::FieldKey;
use crate::domain::registry::Step;
use crate::domain::validate::Severity;
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
