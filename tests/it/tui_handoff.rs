//! The hand-off view (`t` on an order's page): the order in the Teams admin center's page order,
//! `y` copying value by value (OSC 52, as an effect), the PIN only after a confirmation, `Y` the
//! numbers CSV, `s` recording the submission.

use crate::support::{demo_app, open_order, press, render, test_clock};
use crossterm::event::KeyCode;
use portwiz::domain::{FieldKey, FieldValue, Status};
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, Root, update};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The demo app on an order's hand-off.
fn handoff_on(id: &str, size: (u16, u16)) -> Root {
    let mut app = demo_app(size.0, size.1);
    open_order(&mut app, id);
    press(&mut app, KeyCode::Char('t'));
    assert!(
        matches!(app.top(), Screen::Handoff(_)),
        "t opens the hand-off"
    );
    app
}

fn copies(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Copy(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_draft_is_laid_out_by_the_admin_centers_pages() {
    for size in SIZES {
        let app = handoff_on("PO-DEMO0001", size);
        let screen = render(&app);
        for page in ["Get started", "Phone numbers", "Billing number"] {
            assert!(screen.contains(page), "{page}\n{screen}");
        }
        assert!(screen.contains("0 of "), "{screen}");
        insta::assert_snapshot!(format!("handoff_draft_{}x{}", size.0, size.1), screen);
    }
}

#[test]
fn a_resubmission_lists_the_changed_fields_first() {
    for size in SIZES {
        let mut app = demo_app(size.0, size.1);
        // Fix what the carrier rejected (the account number), as the wizard would.
        let mut order = app.order("PO-DEMO0003").unwrap().clone();
        order
            .edit(
                FieldKey::AccountNumber,
                FieldValue::Text("TC-44129-07".into()),
                test_clock().now,
            )
            .unwrap();
        app.upsert(order);
        open_order(&mut app, "PO-DEMO0003");
        press(&mut app, KeyCode::Char('t'));
        let screen = render(&app);
        let changed = screen
            .find("Changed since the rejection")
            .unwrap_or_else(|| panic!("{screen}"));
        let value = screen.find("TC-44129-07").unwrap();
        let rest = screen.find("Everything else").unwrap();
        assert!(changed < value && value < rest, "{screen}");
        assert!(
            screen.contains("1 changed since the rejection, first"),
            "{screen}"
        );
        // The first line is the changed value: y copies it.
        let effects = press(&mut app, KeyCode::Char('y'));
        assert_eq!(copies(&effects), ["TC-44129-07"]);
        let screen = render(&app);
        assert!(screen.contains("✓ copied"), "{screen}");
        insta::assert_snapshot!(
            format!("handoff_resubmission_{}x{}", size.0, size.1),
            screen
        );
    }
}

#[test]
fn y_copies_the_value_marks_it_and_moves_to_the_next() {
    let mut app = handoff_on("PO-DEMO0002", (120, 40));
    let first = copies(&press(&mut app, KeyCode::Char('y')));
    assert_eq!(first, ["United States"]);
    let second = copies(&press(&mut app, KeyCode::Char('y')));
    assert_eq!(second.len(), 1);
    assert_ne!(first, second, "the cursor moved on");
    let screen = render(&app);
    assert_eq!(screen.matches("✓ copied").count(), 2, "{screen}");
    // Already submitted: no submission to record, and the footer does not offer one.
    assert!(!screen.contains("Record submission"), "{screen}");
    assert!(screen.contains("2 of "), "{screen}");
}

#[test]
fn the_pin_is_copied_only_after_a_yes_and_never_shown() {
    let mut app = handoff_on("PO-DEMO0005", (120, 40));
    let pin = app
        .order("PO-DEMO0005")
        .unwrap()
        .fields
        .pin
        .expose()
        .to_string();
    assert!(!pin.is_empty());
    // Down to the PIN line.
    let mut guard = 0;
    while !render(&app)
        .lines()
        .any(|l| l.contains("›") && l.contains("Account PIN"))
    {
        press(&mut app, KeyCode::Down);
        guard += 1;
        assert!(guard < 40, "no PIN line");
    }
    assert!(copies(&press(&mut app, KeyCode::Char('y'))).is_empty());
    let screen = render(&app);
    assert!(screen.contains("Copy the PIN?"), "{screen}");
    assert!(!screen.contains(&pin), "{screen}");
    // No: nothing copied, the question gone.
    assert!(copies(&press(&mut app, KeyCode::Char('n'))).is_empty());
    assert!(!render(&app).contains("Copy the PIN?"));
    // Yes: the PIN in clear goes to the clipboard only.
    press(&mut app, KeyCode::Char('y'));
    let copied = copies(&press(&mut app, KeyCode::Char('y')));
    assert_eq!(copied, std::slice::from_ref(&pin));
    let screen = render(&app);
    assert!(!screen.contains(&pin), "{screen}");
    assert!(screen.contains("not shown"), "{screen}");
}

#[test]
fn shift_y_copies_the_numbers_as_the_csv_teams_uploads() {
    let mut app = handoff_on("PO-DEMO0002", (80, 24));
    let numbers = app.order("PO-DEMO0002").unwrap().fields.numbers.clone();
    let copied = copies(&press(&mut app, KeyCode::Char('Y')));
    assert_eq!(copied.len(), 1);
    let mut expected = String::from("PhoneNumber\r\n");
    for n in &numbers {
        expected.push_str(&format!("{n}\r\n"));
    }
    assert_eq!(copied[0], expected);
}

#[test]
fn s_records_the_submission_after_a_yes_through_the_readiness_check() {
    let mut app = demo_app(120, 40);
    let mut order = app.order("PO-DEMO0003").unwrap().clone();
    order
        .edit(
            FieldKey::AccountNumber,
            FieldValue::Text("TC-44129-07".into()),
            test_clock().now,
        )
        .unwrap();
    // A port date the rules accept on the test's day.
    order
        .edit(
            FieldKey::PortDate,
            FieldValue::Text("2026-12-08".into()),
            test_clock().now,
        )
        .unwrap();
    app.upsert(order);
    open_order(&mut app, "PO-DEMO0003");
    press(&mut app, KeyCode::Char('t'));
    // The question asks the runtime what the carrier rejected before, and shows it.
    let asked = press(&mut app, KeyCode::Char('s'));
    let Some(Effect::Preflight(order)) = asked.first() else {
        panic!("{asked:?}");
    };
    let warnings = portwiz::domain::preflight::warnings(order, &crate::support::demo_orders());
    assert!(!warnings.is_empty());
    update(
        &mut app,
        Msg::PreflightFound {
            order_id: order.id.clone(),
            carrier: String::new(),
            warnings,
        },
    );
    let screen = render(&app);
    assert!(screen.contains("Record the submission?"), "{screen}");
    assert!(screen.contains("From your history"), "{screen}");
    insta::assert_snapshot!("handoff_record_question_120x40", screen);
    let effects = press(&mut app, KeyCode::Char('y'));
    let saved = effects
        .iter()
        .find_map(|e| match e {
            Effect::Save(order) => Some(order.clone()),
            _ => None,
        })
        .expect("a save");
    assert_eq!(saved.status, Status::Submitted);
    assert!(!matches!(app.top(), Screen::Handoff(_)), "back on the page");

    // A draft with errors is not recorded: the readiness check says why.
    let mut app = demo_app(120, 40);
    let mut draft = app.order("PO-DEMO0001").unwrap().clone();
    draft.fields.account_number.clear();
    app.upsert(draft);
    open_order(&mut app, "PO-DEMO0001");
    press(&mut app, KeyCode::Char('t'));
    assert!(press(&mut app, KeyCode::Char('s')).is_empty());
    let screen = render(&app);
    assert!(screen.contains("Not recorded"), "{screen}");
    assert!(!screen.contains("Record the submission?"), "{screen}");
}

#[test]
fn the_list_scrolls_with_the_cursor_at_80x24() {
    let mut app = handoff_on("PO-DEMO0002", (80, 24));
    assert!(!render(&app).contains("Letter of Authorization"));
    press(&mut app, KeyCode::Char('G'));
    let screen = render(&app);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("› Letter of Authorization (LOA)")),
        "{screen}"
    );
    assert!(screen.contains("Authorize and submit"), "{screen}");
    // Half-way, the cursor's line is on screen with lines below it.
    for _ in 0..10 {
        press(&mut app, KeyCode::Up);
    }
    let screen = render(&app);
    let row = screen
        .lines()
        .position(|l| l.starts_with("  › "))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!((6..18).contains(&row), "row {row}:\n{screen}");
    press(&mut app, KeyCode::Char('g'));
    assert!(render(&app).contains("› Country or region"));
}
