//! Whole-screen snapshots (no colour, so the text alone must carry every meaning). Read them in
//! `snapshots/`: nothing may be cut off or garbled.

use super::fixtures::*;
use crate::domain::fields::FieldValue;
use crate::domain::key::FieldKey;
use crate::domain::registry::Step;
use crate::tui::theme::Theme;
use crate::tui::wizard::Start;
use crate::tui::wizard::Wizard;
use crossterm::event::KeyCode;
use insta::assert_snapshot;

fn on_step(order: crate::domain::order::Order, step: Step) -> Wizard {
    let mut wizard = Wizard::open(order, clock(), Start::FirstStep);
    press(
        &mut wizard,
        KeyCode::PageDown,
        step.index_in(crate::domain::countries::Route::UsCanada),
    );
    wizard
}

#[test]
fn every_step_at_80x24() {
    for step in Step::ALL {
        let wizard = on_step(draft_in_progress(), step);
        assert_snapshot!(
            format!(
                "step_{}_80x24",
                step.index_in(crate::domain::countries::Route::UsCanada) + 1
            ),
            screen(&wizard, 80, 24)
        );
    }
}

#[test]
fn every_step_at_120x40() {
    for step in Step::ALL {
        let wizard = on_step(draft_in_progress(), step);
        assert_snapshot!(
            format!(
                "step_{}_120x40",
                step.index_in(crate::domain::countries::Route::UsCanada) + 1
            ),
            screen(&wizard, 120, 40)
        );
    }
}

#[test]
fn a_new_empty_draft_at_80x24() {
    let wizard = Wizard::open(empty_draft(), clock(), Start::FirstStep);
    assert_snapshot!("new_draft_80x24", screen(&wizard, 80, 24));
}

#[test]
fn a_rejected_order() {
    let wizard = Wizard::open(rejected_order(), clock(), Start::Resume);
    assert_snapshot!("rejected_80x24", screen(&wizard, 80, 24));
    assert_snapshot!("rejected_120x40", screen(&wizard, 120, 40));
    assert_snapshot!("rejected_200x60", screen(&wizard, 200, 60));
}

fn order_with_csr() -> crate::domain::order::Order {
    let mut order = complete_draft();
    let now = clock().now;
    order.set_csr(FieldKey::OrganizationName, "Fabrikam Inc of Redmond", now);
    order.set_csr(FieldKey::AccountNumber, "ACC-0098756", now);
    order.set_csr(FieldKey::AuthorizedUserLastName, "  reyes ", now);
    order.set_csr(FieldKey::Pin, "1111", now);
    order
}

#[test]
fn csr_differences() {
    let mut wizard = on_step(order_with_csr(), Step::AccountInformation);
    wizard.handle_key(ctrl('k'), clock());
    assert_snapshot!("csr_column_120x40", screen(&wizard, 120, 40));
    assert_snapshot!("csr_column_80x24", screen(&wizard, 80, 24));
    let text = screen(&wizard, 120, 40);
    assert!(!text.contains("1111") && !text.contains("918273"), "{text}");
}

#[test]
fn review_with_errors_and_warnings() {
    let mut wizard = on_step(draft_in_progress(), Step::Review);
    press(&mut wizard, KeyCode::Down, 2);
    assert_snapshot!("review_errors_120x40", screen(&wizard, 120, 40));
    assert_snapshot!("review_errors_80x24", screen(&wizard, 80, 24));
}

/// A rejected order being fixed: the account number changed (so the LOA needs signing again),
/// the organization name still differs from the CSR.
fn rejected_and_partly_fixed() -> crate::domain::order::Order {
    let mut order = rejected_order();
    let now = clock().now;
    let _ = order.edit(
        FieldKey::AccountNumber,
        FieldValue::Text("ACC-0098756".into()),
        now,
    );
    let _ = order.edit(FieldKey::Pin, FieldValue::Text("4455".into()), now);
    order.set_csr(FieldKey::OrganizationName, "Fabrikam Inc of Redmond", now);
    order
}

#[test]
fn review_of_a_resubmission_with_changes() {
    let wizard = on_step(rejected_and_partly_fixed(), Step::Review);
    let text = screen(&wizard, 120, 40);
    assert_snapshot!("review_resubmission_120x40", text);
    assert!(!text.contains("4455") && !text.contains("918273"), "{text}");
    assert_snapshot!("review_resubmission_80x24", screen(&wizard, 80, 24));
    assert_snapshot!("review_resubmission_200x60", screen(&wizard, 200, 60));
}

#[test]
fn colour_never_is_the_only_sign() {
    // The same screen with and without colour says the same words.
    let wizard = Wizard::open(rejected_order(), clock(), Start::Resume);
    let plain = screen_with(&wizard, 120, 40, &Theme::plain());
    let coloured = screen_with(&wizard, 120, 40, &Theme { color: true });
    assert_eq!(plain, coloured);
}

/// The wizard on the numbers step after a CSV with these rows was read.
fn csv_loaded(rows: &[&str]) -> Wizard {
    let mut wizard = on_step(empty_draft(), Step::PhoneNumbers);
    let bytes = format!("PhoneNumber\n{}\n", rows.join("\n")).into_bytes();
    wizard.csv_read(Ok(bytes), clock());
    wizard
}

#[test]
fn a_notice_longer_than_the_line_wraps_whole() {
    let wizard = csv_loaded(&["+14255550100", "not-a-number"]);
    let Some(notice) = wizard.notice().map(|n| n.text.clone()) else {
        panic!("a loaded CSV says what it loaded");
    };
    assert!(notice.chars().count() > 80, "{notice}");
    let text = screen(&wizard, 80, 24);
    let shown: String = text
        .lines()
        .skip_while(|l| !l.starts_with('✓'))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shown.starts_with(&notice), "{text}");
    assert!(!text.contains('…'), "{text}");
}

#[test]
fn a_notice_longer_than_three_lines_names_the_key_that_shows_it() {
    let bad: Vec<String> = (1..=12).map(|i| format!("bad number {i}")).collect();
    let mut rows = vec!["+14255550100"];
    rows.extend(bad.iter().map(String::as_str));
    let wizard = csv_loaded(&rows);
    let text = screen(&wizard, 80, 24);
    assert!(text.contains("F2: the whole message"), "{text}");
    // The whole notice is kept for F2 (the root shows it): its end is not on screen.
    let Some(notice) = wizard.notice().map(|n| n.text.clone()) else {
        panic!("no notice");
    };
    assert!(notice.contains("Row 5:"), "{notice}");
    assert!(!text.contains("Row 5:"), "{text}");
}

#[test]
fn a_review_problem_longer_than_two_lines_is_shown_whole_at_80x24() {
    let mut order = complete_draft();
    order.fields.organization_name = "Contoso Pharmaceuticals Inc".into();
    let wizard = on_step(order, Step::Review);
    let text = screen(&wizard, 80, 24);
    let joined = text.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    assert!(
        joined.contains("if their record is shortened, use their version."),
        "{text}"
    );
}

#[test]
fn the_review_heading_is_never_cut() {
    let mut order = complete_draft();
    order.fields.port_type = "partial".into();
    let wizard = on_step(order, Step::Review);
    let text = screen(&wizard, 100, 30);
    assert!(text.contains("warning(s) to read"), "{text}");
    assert!(text.contains("admin center (t)"), "{text}");
}

/// A required field left empty: under the focused field the problem says "required" and the
/// help follows once; unfocused (where no help is shown) the problem keeps the help.
#[test]
fn a_focused_required_field_does_not_repeat_its_help() {
    let mut wizard = on_step(empty_draft(), Step::BillingAndPortType);
    press(&mut wizard, KeyCode::Tab, 2);
    let help = "The account's main number";
    let unfocused = screen(&wizard, 100, 30);
    assert!(
        unfocused.contains("Billing telephone number (BTN): required. The"),
        "{unfocused}"
    );
    press(&mut wizard, KeyCode::BackTab, 1);
    let focused = screen(&wizard, 100, 30);
    assert!(
        focused.contains("Billing telephone number (BTN): required.\n"),
        "{focused}"
    );
    assert_eq!(focused.matches(help).count(), 1, "{focused}");
}
