//! The wizard's update, driven by key events as the shell sends them.

use super::fixtures::*;
use crate::domain::checks::Severity;
use crate::domain::key::FieldKey;
use crate::domain::registry::Step;
use crate::domain::status::Status;
use crate::tui::wizard::Start;
use crate::tui::wizard::state::{Column, ConfirmKind, Editor, Prompt};
use crate::tui::wizard::{Wizard, WizardOutcome};
use crossterm::event::KeyCode;

fn focused_key(wizard: &Wizard) -> Option<FieldKey> {
    wizard.state.target().map(|t| t.key)
}

fn editor_text(wizard: &Wizard) -> String {
    match &wizard.state.editor {
        Editor::Text(field) => field.value().to_string(),
        Editor::Numbers(area) => area.text(),
        _ => String::new(),
    }
}

/// Go to the Account information step of a fresh draft, on its first field.
fn on_account_step(order: crate::domain::order::Order) -> Wizard {
    let mut wizard = Wizard::open(order, clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 3);
    assert_eq!(wizard.state.step, Step::AccountInformation);
    wizard
}

#[test]
fn typing_fills_the_field_and_leaving_it_saves_the_order() {
    let mut wizard = on_account_step(empty_draft());
    assert_eq!(focused_key(&wizard), Some(FieldKey::CurrentCarrier));
    type_text(&mut wizard, "Contoso Telecom");
    assert!(wizard.has_unsaved_edits());
    assert_eq!(wizard.order().fields.current_carrier, "");
    let outcome = wizard.handle_key(key(KeyCode::Tab), clock());
    let WizardOutcome::Save(order) = outcome else {
        panic!("leaving a changed field saves, got {outcome:?}");
    };
    assert_eq!(order.fields.current_carrier, "Contoso Telecom");
    assert!(!wizard.has_unsaved_edits());
    assert_eq!(focused_key(&wizard), Some(FieldKey::OrganizationName));
    // Leaving an unchanged field saves nothing.
    assert_eq!(
        wizard.handle_key(key(KeyCode::BackTab), clock()),
        WizardOutcome::Stay
    );
}

#[test]
fn the_cursor_moves_over_accents_cjk_and_emoji() {
    let mut wizard = on_account_step(empty_draft());
    type_text(&mut wizard, "é漢😀");
    press(&mut wizard, KeyCode::Left, 1);
    type_text(&mut wizard, "x");
    assert_eq!(editor_text(&wizard), "é漢x😀");
    press(&mut wizard, KeyCode::Home, 1);
    press(&mut wizard, KeyCode::Delete, 1);
    assert_eq!(editor_text(&wizard), "漢x😀");
    press(&mut wizard, KeyCode::End, 1);
    press(&mut wizard, KeyCode::Backspace, 1);
    assert_eq!(editor_text(&wizard), "漢x");
    // On screen the cursor stands after 漢x: the box starts at column 3 ("  ["), 漢 is 2 wide.
    let text = screen(&wizard, 80, 24);
    let box_line = text
        .lines()
        .position(|l| l.contains("[漢x"))
        .unwrap_or_default();
    assert!(
        text.contains(&format!("cursor: column {}, row {box_line}", 3 + 3)),
        "{text}"
    );
}

#[test]
fn readline_keys_clear_and_delete_words() {
    let mut wizard = on_account_step(empty_draft());
    type_text(&mut wizard, "Contoso Telecom");
    wizard.handle_key(ctrl('w'), clock());
    assert_eq!(editor_text(&wizard), "Contoso ");
    wizard.handle_key(ctrl('a'), clock());
    type_text(&mut wizard, ">");
    wizard.handle_key(ctrl('e'), clock());
    type_text(&mut wizard, "<");
    assert_eq!(editor_text(&wizard), ">Contoso <");
    wizard.handle_key(ctrl('u'), clock());
    assert_eq!(editor_text(&wizard), "");
}

#[test]
fn tab_and_backtab_move_between_fields_and_across_steps() {
    let mut wizard = Wizard::open(empty_draft(), clock(), Start::FirstStep);
    assert_eq!(focused_key(&wizard), Some(FieldKey::Country));
    press(&mut wizard, KeyCode::Tab, 1);
    assert_eq!(focused_key(&wizard), Some(FieldKey::NumberType));
    // Past the step's last field: the next step.
    press(&mut wizard, KeyCode::Tab, 1);
    assert_eq!(wizard.state.step, Step::PhoneNumbers);
    assert_eq!(focused_key(&wizard), Some(FieldKey::Numbers));
    // Back before the first field: the previous step's last field.
    press(&mut wizard, KeyCode::BackTab, 1);
    assert_eq!(wizard.state.step, Step::GetStarted);
    assert_eq!(focused_key(&wizard), Some(FieldKey::NumberType));
    // Enter on a line field is "next field".
    press(&mut wizard, KeyCode::Enter, 1);
    assert_eq!(focused_key(&wizard), Some(FieldKey::Numbers));
}

#[test]
fn page_keys_move_between_steps() {
    let mut wizard = Wizard::open(empty_draft(), clock(), Start::FirstStep);
    for expected in &Step::ALL[1..] {
        press(&mut wizard, KeyCode::PageDown, 1);
        assert_eq!(wizard.state.step, *expected);
    }
    press(&mut wizard, KeyCode::PageDown, 1);
    assert_eq!(wizard.state.step, Step::Review);
    assert!(matches!(wizard.state.editor, Editor::None));
    press(&mut wizard, KeyCode::PageUp, 2);
    assert_eq!(wizard.state.step, Step::PortingDetails);
    assert_eq!(focused_key(&wizard), Some(FieldKey::OrderName));
}

#[test]
fn leaving_a_field_checks_it_and_shows_the_problem_in_words() {
    let mut wizard = on_account_step(empty_draft());
    press(&mut wizard, KeyCode::Tab, 2);
    assert_eq!(focused_key(&wizard), Some(FieldKey::AccountNumber));
    assert!(!wizard.state.checked.contains_key(&FieldKey::AccountNumber));
    press(&mut wizard, KeyCode::Tab, 1);
    let problems = &wizard.state.checked[&FieldKey::AccountNumber];
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Error);
    assert!(problems[0].message.contains("required"));
    assert!(screen(&wizard, 120, 40).contains("✗ Account number: required."));
    // A long organization name draws a warning with its symbol.
    press(&mut wizard, KeyCode::BackTab, 2);
    type_and_leave(&mut wizard, "Fabrikam Incorporated of Redmond Washington");
    assert!(screen(&wizard, 120, 40).contains("⚠ Organization name: 43 characters"));
}

#[test]
fn choices_cycle_and_are_written_when_left() {
    let mut wizard = Wizard::open(empty_draft(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::Right, 1);
    assert!(matches!(wizard.state.editor, Editor::Choice(Some(0))));
    press(&mut wizard, KeyCode::Char(' '), 1);
    assert!(matches!(wizard.state.editor, Editor::Choice(Some(1))));
    let countries = crate::domain::registry::COUNTRIES.len();
    press(&mut wizard, KeyCode::Right, countries - 1);
    assert!(
        matches!(wizard.state.editor, Editor::Choice(Some(0))),
        "wraps around the {countries} countries"
    );
    press(&mut wizard, KeyCode::Left, 1);
    press(&mut wizard, KeyCode::Right, 2);
    assert!(wizard.has_unsaved_edits());
    let screen_text = screen(&wizard, 80, 24);
    assert!(
        screen_text.contains("(•) Canada (CA)   2 of"),
        "{screen_text}"
    );
    let WizardOutcome::Save(order) = wizard.handle_key(key(KeyCode::Tab), clock()) else {
        panic!("leaving a changed choice saves");
    };
    assert_eq!(order.fields.country, "CA");
}

#[test]
fn the_pin_is_masked_until_revealed_and_masked_again_on_leaving() {
    let mut wizard = on_account_step(complete_draft());
    // As many Tabs as the field table puts fields before the PIN on its step.
    let tabs = wizard
        .state
        .targets()
        .iter()
        .position(|t| t.key == FieldKey::Pin)
        .unwrap_or_default();
    press(&mut wizard, KeyCode::Tab, tabs);
    assert_eq!(focused_key(&wizard), Some(FieldKey::Pin));
    let masked = screen(&wizard, 120, 40);
    assert!(
        // The same four dots for any PIN: its length is not shown either.
        !masked.contains("918273") && masked.contains("[•••• ") && !masked.contains("•••••"),
        "{masked}"
    );
    wizard.handle_key(ctrl('r'), clock());
    let shown = screen(&wizard, 120, 40);
    assert!(
        shown.contains("[918273") && shown.contains("Ctrl-R hides it"),
        "{shown}"
    );
    press(&mut wizard, KeyCode::Tab, 1);
    press(&mut wizard, KeyCode::BackTab, 1);
    assert!(!wizard.state.pin_revealed);
    assert!(!screen(&wizard, 120, 40).contains("918273"));
    // Ctrl-R does nothing on other fields' footers.
    press(&mut wizard, KeyCode::Tab, 1);
    assert!(!wizard.footer_keys().iter().any(|(k, _)| *k == "Ctrl-R"));
}

#[test]
fn a_pasted_list_fills_the_numbers_area_with_states_and_a_count() {
    let mut wizard = Wizard::open(empty_draft(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 1);
    assert!(matches!(wizard.state.editor, Editor::Numbers(_)));
    wizard.handle_paste(
        "+14255550100\r\n425-555-0101\n(425) 555-0100\nnot-a-number\n+442079460958",
        clock(),
    );
    assert!(wizard.has_unsaved_edits());
    let text = screen(&wizard, 80, 24);
    assert!(
        text.contains("5 numbers: 2 valid, 1 duplicate, 1 wrong country, 1 not a number"),
        "{text}"
    );
    assert!(
        text.contains("✗ duplicate") && text.contains("✓ valid"),
        "{text}"
    );
    // Enter is a new line here; Tab leaves and saves the list.
    press(&mut wizard, KeyCode::Enter, 1);
    type_text(&mut wizard, "4255550109");
    let WizardOutcome::Save(order) = wizard.handle_key(key(KeyCode::Tab), clock()) else {
        panic!("Tab out of the numbers saves");
    };
    // Stored through the domain's edit: E.164, the repeat merged, the rest as typed.
    assert_eq!(
        order.fields.numbers,
        [
            "+14255550100",
            "+14255550101",
            "not-a-number",
            "+442079460958",
            "+14255550109"
        ]
    );
}

/// Do what the runtime does with the wizard's request to read a file.
fn perform(wizard: &mut Wizard, outcome: WizardOutcome) -> WizardOutcome {
    match outcome {
        WizardOutcome::Perform(crate::tui::msg::Effect::ReadNumbersCsv(path)) => {
            wizard.csv_read(crate::tui::read_file(&path), clock())
        }
        other => other,
    }
}

#[test]
fn a_csv_loads_through_the_path_prompt_and_errors_stay_at_the_prompt() {
    let dir = tempfile::tempdir().ok();
    let Some(dir) = dir else { return };
    let good = dir.path().join("numbers.csv");
    let bad = dir.path().join("bad.csv");
    let _ = std::fs::write(&good, "PhoneNumber\n+14255550100\n+14255550101\n");
    let _ = std::fs::write(&bad, "Number\n+14255550100\n");
    let mut wizard = Wizard::open(empty_draft(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 1);
    wizard.handle_key(ctrl('o'), clock());
    assert!(matches!(wizard.state.prompt, Some(Prompt::CsvPath { .. })));
    wizard.handle_paste(&bad.display().to_string(), clock());
    // Enter asks the runtime to read the file; the wizard itself reads nothing.
    let asked = wizard.handle_key(key(KeyCode::Enter), clock());
    assert_eq!(
        asked,
        WizardOutcome::Perform(crate::tui::msg::Effect::ReadNumbersCsv(bad.clone()))
    );
    assert_eq!(perform(&mut wizard, asked), WizardOutcome::Stay);
    let text = screen(&wizard, 80, 24);
    assert!(text.contains("✗ No column is headed PhoneNumber"), "{text}");
    wizard.handle_key(ctrl('u'), clock());
    wizard.handle_paste(&good.display().to_string(), clock());
    let asked = wizard.handle_key(key(KeyCode::Enter), clock());
    let WizardOutcome::Save(order) = perform(&mut wizard, asked) else {
        panic!("a loaded CSV is saved at once");
    };
    assert_eq!(order.fields.numbers, ["+14255550100", "+14255550101"]);
    assert!(wizard.state.prompt.is_none());
    let text = screen(&wizard, 80, 24);
    assert!(
        text.contains("✓ Read 2 numbers from 2 good rows."),
        "{text}"
    );
}

#[test]
fn a_rejected_order_opens_on_its_first_rejected_field() {
    let wizard = Wizard::open(rejected_order(), clock(), Start::Resume);
    assert_eq!(wizard.state.step, Step::AccountInformation);
    // Rejected: account number and organization name; the organization name comes first.
    assert_eq!(focused_key(&wizard), Some(FieldKey::OrganizationName));
    let text = screen(&wizard, 120, 40);
    assert_eq!(text.matches("! rejected by carrier").count(), 2, "{text}");
    assert!(!text.contains('\x1b'));
}

#[test]
fn a_field_changed_after_the_rejection_says_so() {
    let mut wizard = Wizard::open(rejected_order(), clock(), Start::Resume);
    press(&mut wizard, KeyCode::Tab, 1);
    assert_eq!(focused_key(&wizard), Some(FieldKey::AccountNumber));
    wizard.handle_key(ctrl('u'), clock());
    type_and_leave(&mut wizard, "ACC-0098766");
    assert!(screen(&wizard, 120, 40).contains("! rejected by carrier · changed since rejection"));
}

#[test]
fn enter_on_a_selected_review_problem_jumps_to_its_field() {
    let mut wizard = Wizard::open(draft_in_progress(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 6);
    assert_eq!(wizard.state.step, Step::Review);
    press(&mut wizard, KeyCode::Down, 1);
    assert_eq!(wizard.state.review_selected, Some(0));
    let first = crate::domain::readiness::readiness(wizard.order(), clock().today)[0].clone();
    assert_eq!(first.severity, Severity::Error);
    press(&mut wizard, KeyCode::Enter, 1);
    assert_eq!(focused_key(&wizard), Some(first.key));
    assert_eq!(
        wizard.state.step,
        crate::domain::registry::spec(first.key).step
    );
}

#[test]
fn review_refuses_to_ask_while_errors_remain() {
    let mut wizard = Wizard::open(draft_in_progress(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 6);
    assert_eq!(
        wizard.handle_key(key(KeyCode::Enter), clock()),
        WizardOutcome::Stay
    );
    assert!(wizard.state.prompt.is_none());
    assert!(screen(&wizard, 80, 24).contains("✗ Not submitted"));
}

#[test]
fn submitting_asks_and_y_submits() {
    let mut wizard = Wizard::open(complete_draft(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 6);
    press(&mut wizard, KeyCode::Enter, 1);
    assert!(matches!(
        wizard.state.prompt,
        Some(Prompt::Confirm(ConfirmKind::Submit))
    ));
    // portwiz sends nothing: the question is whether the user submitted it in Teams.
    let asked = screen(&wizard, 80, 24);
    assert!(
        asked.contains("Submitted in the Teams admin center?"),
        "{asked}"
    );
    assert!(asked.contains("t: the hand-off"), "{asked}");
    assert!(!asked.contains("Submit this order to"), "{asked}");
    assert_eq!(wizard.footer_keys()[0], ("y", "yes"));
    let WizardOutcome::Submit(order) = wizard.handle_key(key(KeyCode::Char('y')), clock()) else {
        panic!("y records the submission");
    };
    assert_eq!(order.status, Status::Submitted);
    let done = screen(&wizard, 80, 24);
    assert!(
        done.contains("Recorded as submitted in the Teams admin center"),
        "{done}"
    );
    assert!(!done.contains("Sent to"), "{done}");
}

#[test]
fn review_says_ready_for_teams_and_t_opens_the_hand_off() {
    let mut wizard = Wizard::open(complete_draft(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 6);
    let review = screen(&wizard, 80, 24);
    assert!(
        review.contains("ready for the Teams admin center (t)"),
        "{review}"
    );
    assert!(!review.contains("send"), "{review}");
    assert!(wizard.footer_keys().contains(&("t", "hand-off")));
    let WizardOutcome::Handoff(order) = wizard.handle_key(key(KeyCode::Char('t')), clock()) else {
        panic!("t on Review opens the hand-off");
    };
    assert_eq!(order.status, Status::Draft, "the hand-off records nothing");
    // From the question too: the user who has not entered it yet goes to the hand-off.
    let mut wizard = Wizard::open(complete_draft(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 6);
    press(&mut wizard, KeyCode::Enter, 1);
    assert!(matches!(
        wizard.handle_key(key(KeyCode::Char('t')), clock()),
        WizardOutcome::Handoff(_)
    ));
}

#[test]
fn n_declines_and_nothing_is_sent() {
    let mut wizard = Wizard::open(complete_draft(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 6);
    press(&mut wizard, KeyCode::Enter, 1);
    assert_eq!(
        wizard.handle_key(key(KeyCode::Char('n')), clock()),
        WizardOutcome::Stay
    );
    assert_eq!(wizard.order().status, Status::Draft);
    assert!(wizard.state.prompt.is_none());
}

#[test]
fn resubmitting_without_fixing_asks_once_saying_why() {
    let mut wizard = Wizard::open(rejected_order(), clock(), Start::Resume);
    press(&mut wizard, KeyCode::PageDown, 3);
    assert_eq!(wizard.state.step, Step::Review);
    press(&mut wizard, KeyCode::Enter, 1);
    assert!(matches!(
        wizard.state.prompt,
        Some(Prompt::Confirm(ConfirmKind::ResubmitUnchanged))
    ));
    let asked = screen(&wizard, 80, 24).replace('\n', " ");
    assert!(
        asked.contains("will most likely reject the order again")
            && asked.contains("lifted")
            && asked.contains("Resubmitted unchanged in the Teams admin center? y records it"),
        "one question says why and when it is right: {asked}"
    );
    let WizardOutcome::Submit(order) = wizard.handle_key(key(KeyCode::Char('y')), clock()) else {
        panic!("one y resubmits");
    };
    assert_eq!(order.status, Status::Submitted);
}

#[test]
fn a_freeze_is_resubmitted_unchanged_without_a_nag() {
    let mut wizard = Wizard::open(frozen_order(), clock(), Start::Resume);
    let opened = screen(&wizard, 80, 24);
    assert!(
        opened.contains("Rejected by carrier on 2026-11-26: contact the carrier, then resubmit"),
        "{opened}"
    );
    assert!(!opened.contains("fields marked"), "{opened}");
    assert_eq!(
        wizard.state.step,
        Step::Review,
        "nothing to fix: opens on Review"
    );
    let review = screen(&wizard, 120, 40);
    assert!(
        review.contains("Only Contoso Telecom can clear this rejection"),
        "{review}"
    );
    assert!(review.contains("in the order needs to change"), "{review}");
    assert!(!review.contains("most likely reject"), "{review}");
    press(&mut wizard, KeyCode::Enter, 1);
    assert!(
        screen(&wizard, 120, 40).contains("Has Contoso Telecom done what it asked"),
        "the question reminds the user of the carrier's part"
    );
    let WizardOutcome::Submit(order) = wizard.handle_key(key(KeyCode::Char('y')), clock()) else {
        panic!("one y resubmits the unchanged order");
    };
    assert_eq!(order.status, Status::Submitted);
    assert!(order.changes_since_submission().is_empty());
}

#[test]
fn resubmitting_after_a_fix_asks_once() {
    let mut wizard = Wizard::open(rejected_order(), clock(), Start::Resume);
    press(&mut wizard, KeyCode::Tab, 1);
    wizard.handle_key(ctrl('u'), clock());
    type_text(&mut wizard, "ACC-0098766");
    press(&mut wizard, KeyCode::PageDown, 3);
    press(&mut wizard, KeyCode::Enter, 1);
    let WizardOutcome::Submit(order) = wizard.handle_key(key(KeyCode::Char('y')), clock()) else {
        panic!("one y resubmits a fixed order");
    };
    assert_eq!(order.fields.account_number, "ACC-0098766");
    assert_eq!(order.status, Status::Submitted);
}

#[test]
fn esc_closes_with_the_draft_kept_and_ctrl_s_saves() {
    let mut wizard = on_account_step(empty_draft());
    type_text(&mut wizard, "Contoso");
    let WizardOutcome::Save(order) = wizard.handle_key(ctrl('s'), clock()) else {
        panic!("Ctrl-S saves");
    };
    assert_eq!(order.fields.current_carrier, "Contoso");
    type_text(&mut wizard, " Telecom");
    let WizardOutcome::Close(order) = wizard.handle_key(key(KeyCode::Esc), clock()) else {
        panic!("Esc closes");
    };
    assert_eq!(order.fields.current_carrier, "Contoso Telecom");
}

#[test]
fn the_csr_column_records_values_and_flags_differences() {
    let mut wizard = on_account_step(complete_draft());
    press(&mut wizard, KeyCode::Tab, 1);
    assert_eq!(focused_key(&wizard), Some(FieldKey::OrganizationName));
    wizard.handle_key(ctrl('k'), clock());
    assert!(wizard.state.csr_view);
    press(&mut wizard, KeyCode::Tab, 1);
    let target = wizard.state.target();
    assert_eq!(
        target.map(|t| (t.key, t.column)),
        Some((FieldKey::OrganizationName, Column::Csr))
    );
    type_text(&mut wizard, "Fabrikam Inc of Redmond");
    let WizardOutcome::Save(order) = wizard.handle_key(key(KeyCode::Tab), clock()) else {
        panic!("a CSR value is saved with the order");
    };
    assert_eq!(
        order
            .csr
            .get(&FieldKey::OrganizationName)
            .map(String::as_str),
        Some("Fabrikam Inc of Redmond")
    );
    let text = screen(&wizard, 120, 40);
    assert!(
        text.contains("≠ CSR: “Fabrikam Inc of Redmond” (the order leaves out “of Redmond”)"),
        "{text}"
    );
    let items = crate::domain::readiness::readiness(wizard.order(), clock().today);
    assert!(
        items
            .iter()
            .any(|i| i.key == FieldKey::OrganizationName && i.message.contains("≠ CSR"))
    );
}

#[test]
fn a_submitted_order_cannot_be_typed_into() {
    let mut order = complete_draft();
    let _ = order.submit(clock());
    let mut wizard = Wizard::open(order, clock(), Start::FirstStep);
    type_text(&mut wizard, "x");
    press(&mut wizard, KeyCode::Right, 1);
    assert!(!wizard.has_unsaved_edits());
    assert!(screen(&wizard, 80, 24).contains("can be changed only in Draft"));
}

#[test]
fn the_footer_lists_the_keys_that_work_here() {
    let mut wizard = on_account_step(empty_draft());
    let keys: Vec<&str> = wizard.footer_keys().iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys[..4],
        ["Tab/Shift-Tab", "PgDn/PgUp", "Ctrl-S", "Esc"],
        "moving and saving come first"
    );
    for expected in ["Ctrl-U", "Ctrl-K"] {
        assert!(keys.contains(&expected), "{expected} in {keys:?}");
    }
    assert!(!keys.contains(&"Ctrl-O"));
    assert_eq!(
        keys[keys.len() - 2..],
        ["Ctrl-C", "F1"],
        "quit and help last"
    );
    // Help lists what works here first, from the same table (a field's keys on a field),
    // then the rest of the wizard's keys.
    let (help, all) = help_here(&wizard);
    for expected in [
        "Tab",
        "Shift-Tab",
        "PgDn",
        "PgUp",
        "Ctrl-U",
        "Ctrl-K",
        "Ctrl-S",
        "Esc",
        "Enter",
        "Ctrl-C",
        "F1",
    ] {
        assert!(help.contains(&expected), "{expected} in {help:?}");
    }
    assert!(
        !help.contains(&"N"),
        "Review's keys are not a field's: {help:?}"
    );
    assert!(all.contains(&("N", "On Review: every phone number, on a list of its own")));
    press(&mut wizard, KeyCode::PageDown, 3);
    let review = wizard.footer_keys();
    // An empty draft has errors: Enter goes to the first, it does not submit.
    assert_eq!(review[0], ("Enter", "go to the first error"));
    assert!(review.contains(&("↑↓", "select problem")));
    assert!(!review.iter().any(|(k, _)| k.starts_with("Tab")));
    // While an error blocks, the hand-off is not offered.
    assert!(!review.iter().any(|(k, _)| *k == "t"));
    let (help, _) = help_here(&wizard);
    for expected in ["Enter", "↑/k", "↓/j", "t", "N", "?", "Ctrl-P", "Esc"] {
        assert!(help.contains(&expected), "{expected} in {help:?}");
    }
    assert!(
        !help.contains(&"Ctrl-U"),
        "a field's keys are not Review's: {help:?}"
    );
}

/// The keys help lists first, those that work where the wizard is (from the same table as the
/// footer), and help's entries for the rest of the wizard.
fn help_here(wizard: &Wizard) -> (Vec<&'static str>, Vec<(&'static str, &'static str)>) {
    let mut here = wizard.help_keys();
    let split = here
        .iter()
        .position(|(_, words)| *words == crate::tui::wizard::keymap::ELSEWHERE)
        .unwrap_or(here.len());
    let elsewhere = here.split_off(split);
    (here.into_iter().map(|(k, _)| k).collect(), elsewhere)
}

/// Every key the footer or help names does what they say where they say it: each binding in
/// force is found by its own keys.
#[test]
fn each_key_named_where_the_user_is_is_the_one_looked_up() {
    let mut wizard = on_account_step(empty_draft());
    for _ in 0..4 {
        let layers = crate::tui::wizard::keymap::layers(&wizard.state);
        for binding in crate::tui::keymap::bindings(crate::tui::wizard::keymap::KEYS, &layers)
            .filter(|b| b.action.is_some())
        {
            for k in binding.keys {
                let event = crossterm::event::KeyEvent::new(
                    k.code,
                    if k.ctrl {
                        crossterm::event::KeyModifiers::CONTROL
                    } else {
                        crossterm::event::KeyModifiers::NONE
                    },
                );
                assert_eq!(
                    crate::tui::wizard::keymap::translate(&event, &wizard.state),
                    binding.action.clone(),
                    "{:?} in {layers:?}",
                    k.code
                );
            }
        }
        press(&mut wizard, KeyCode::PageDown, 1);
    }
}

#[test]
fn long_text_scrolls_inside_its_box_with_the_cursor_at_the_end() {
    let mut wizard = on_account_step(empty_draft());
    let long =
        "Contoso Telecommunications of the Pacific Northwest, Regional Business Services Division";
    type_text(&mut wizard, long);
    let text = screen(&wizard, 80, 24);
    let line = text
        .lines()
        .find(|l| l.contains("Division"))
        .unwrap_or_default();
    assert!(line.starts_with("  [") && line.ends_with(']'), "{line}");
    assert!(!line.contains("Contoso"), "the start scrolled off: {line}");
    // The cursor sits just after "Division", inside the box.
    let column = 3 + line[3..].trim_end_matches(']').trim_end().chars().count();
    assert!(
        text.contains(&format!("cursor: column {column},")),
        "{text}"
    );
    assert!(wizard.has_unsaved_edits());
}

#[test]
fn the_csr_hint_is_never_cut() {
    let mut wizard = Wizard::open(empty_draft(), clock(), Start::FirstStep);
    press(&mut wizard, KeyCode::PageDown, 2);
    assert_eq!(wizard.state.step, Step::BillingAndPortType);
    for (width, height) in [(80, 24), (100, 30), (120, 40)] {
        let shown = screen(&wizard, width, height);
        assert!(
            shown.contains("Ctrl-K: compare with the CSR"),
            "{width}x{height}:\n{shown}"
        );
    }
}

#[test]
fn an_address_rejection_is_dealt_with_by_correcting_the_wrong_part() {
    let mut order = complete_draft();
    let _ = order.submit(clock());
    let _ = order.reject(
        crate::domain::order::RejectionInput {
            text: "The provided zip code or service address doesn't match.".into(),
            fields: FieldKey::group("service_address").unwrap_or_default(),
            rules: vec!["service_address".into()],
            action: "Update the Service address section.".into(),
            needs_carrier_contact: false,
            key_sentence: None,
        },
        clock().now,
    );
    let mut wizard = Wizard::open(order, clock(), Start::Resume);
    assert_eq!(focused_key(&wizard), Some(FieldKey::ServiceAddressStreet));
    assert!(screen(&wizard, 120, 40).contains("! 4 Account information"));
    press(&mut wizard, KeyCode::Tab, 3);
    assert_eq!(
        focused_key(&wizard),
        Some(FieldKey::ServiceAddressPostalCode)
    );
    wizard.handle_key(ctrl('u'), clock());
    type_text(&mut wizard, "98053");
    press(&mut wizard, KeyCode::PageDown, 3);
    assert_eq!(wizard.state.step, Step::Review);
    let review = screen(&wizard, 120, 40);
    assert!(review.contains("✓ 4 Account information"), "{review}");
    assert!(!review.contains("not changed since"), "{review}");
    assert!(!review.contains("most likely reject"), "{review}");
}

#[test]
fn enter_on_review_submits_after_reading_past_the_warnings() {
    let mut wizard = Wizard::open(rejected_order(), clock(), Start::Resume);
    press(&mut wizard, KeyCode::PageDown, 6);
    assert_eq!(wizard.state.step, Step::Review);
    let count = crate::domain::readiness::readiness(wizard.order(), clock().today).len();
    assert!(count > 0, "the fixture has warnings to read");
    assert_eq!(
        wizard.footer_keys()[0],
        ("Enter", "record resubmission"),
        "nothing selected: Enter records the resubmission, and the footer says so"
    );
    // ↓ through the warnings and on, to read the fields below them.
    press(&mut wizard, KeyCode::Down, count + 5);
    assert_eq!(wizard.state.review_selected, None, "past the warnings");
    press(&mut wizard, KeyCode::Enter, 1);
    assert!(
        matches!(
            wizard.state.prompt,
            Some(Prompt::Confirm(
                ConfirmKind::Resubmit | ConfirmKind::ResubmitUnchanged
            ))
        ),
        "Enter asks to resubmit, it does not jump to a warning left behind: {:?}",
        wizard.state.step
    );
    press(&mut wizard, KeyCode::Char('n'), 1);
    // On a warning, Enter goes to it, and the footer and the heading say so.
    press(&mut wizard, KeyCode::Up, count + 5);
    press(&mut wizard, KeyCode::Down, 1);
    assert_eq!(wizard.state.review_selected, Some(0));
    assert_eq!(wizard.footer_keys()[0], ("Enter", "go to this problem"));
    assert!(
        screen(&wizard, 80, 24).contains("Enter: go to the selected problem"),
        "{}",
        screen(&wizard, 80, 24)
    );
}

#[test]
fn a_letter_jumps_through_the_long_country_list() {
    let mut wizard = Wizard::open(empty_draft(), clock(), Start::FirstStep);
    type_text(&mut wizard, "f");
    assert!(screen(&wizard, 100, 30).contains("(•) Finland (FI)"));
    type_text(&mut wizard, "F");
    assert!(screen(&wizard, 100, 30).contains("(•) France (FR)"));
    type_text(&mut wizard, "u");
    assert!(screen(&wizard, 100, 30).contains("(•) United Kingdom (GB)"));
    type_text(&mut wizard, "u");
    assert!(
        screen(&wizard, 100, 30).contains("(•) United States (US)"),
        "wraps"
    );
    type_text(&mut wizard, "u");
    let WizardOutcome::Save(order) = wizard.handle_key(key(KeyCode::Tab), clock()) else {
        panic!("leaving a changed choice saves");
    };
    assert_eq!(order.fields.country, "GB");
}

#[test]
fn a_reopened_draft_opens_where_work_is_left_and_a_ready_one_on_review() {
    // The numbers (a bad one) come first in wizard order.
    let wizard = Wizard::open(draft_in_progress(), clock(), Start::Resume);
    assert_eq!(wizard.state.step, Step::PhoneNumbers);
    assert_eq!(focused_key(&wizard), Some(FieldKey::Numbers));
    // Fixed numbers: the next thing missing is the postal code.
    let mut order = draft_in_progress();
    order.fields.numbers = vec!["+14255550100".into()];
    let wizard = Wizard::open(order, clock(), Start::Resume);
    assert_eq!(wizard.state.step, Step::AccountInformation);
    assert_eq!(
        focused_key(&wizard),
        Some(FieldKey::ServiceAddressPostalCode)
    );
    let wizard = Wizard::open(complete_draft(), clock(), Start::Resume);
    assert_eq!(wizard.state.step, Step::Review);
    // A new order and a copy start at step 1, as they always did.
    let wizard = Wizard::open(draft_in_progress(), clock(), Start::FirstStep);
    assert_eq!(wizard.state.step, Step::GetStarted);
}
