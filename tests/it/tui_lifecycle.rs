//! The app follows the lifecycle rules the domain and the command line keep (issue 18): a FOC on
//! a weekend or holiday and a completion before the FOC are said in the response dialog, and a
//! carrier's status update is not recorded as a rejection without asking.

use crate::support::{ctrl, demo_app, open_order, press, render, typed};
use crossterm::event::KeyCode;
use portwiz::domain::Status;
use portwiz::tui::root::{Root, Screen};
use portwiz::tui::{Effect, Msg, update};

/// The dialog on `id` with the answer at `index` chosen.
fn respond(app: &mut Root, id: &str, index: usize) {
    open_order(app, id);
    press(app, KeyCode::Char('r'));
    assert!(
        matches!(app.top(), Screen::Respond(_)),
        "r opens the dialog"
    );
    for _ in 0..4 {
        press(app, KeyCode::Up);
    }
    for _ in 0..index {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}

fn saves(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Save(_)))
}

#[test]
fn a_foc_on_a_weekend_or_a_holiday_is_warned_about_in_the_dialog() {
    for (date, why) in [("2026-12-12", "Saturday"), ("2026-12-25", "Christmas")] {
        let mut app = demo_app(100, 30);
        respond(&mut app, "PO-DEMO0002", 1);
        typed(&mut app, date);
        let screen = render(&app).replace('\n', " ");
        assert!(
            screen.contains(why) && screen.contains("carriers port on business days"),
            "{screen}"
        );
    }
}

#[test]
fn a_foc_dated_before_the_submission_is_warned_about_in_the_dialog() {
    // A year typed by habit: the FOC falls before the order was submitted.
    let mut app = demo_app(100, 30);
    respond(&mut app, "PO-DEMO0002", 1);
    typed(&mut app, "2025-12-14");
    let screen = render(&app).replace('\n', " ");
    assert!(
        screen.contains("is before the order was submitted"),
        "{screen}"
    );
}

#[test]
fn completing_before_the_foc_date_is_warned_about_before_y() {
    let mut app = demo_app(100, 30);
    respond(&mut app, "PO-DEMO0010", 2);
    let screen = render(&app).replace('\n', " ");
    assert!(
        screen.contains("is before the FOC date 2026-12-03"),
        "{screen}"
    );
}

#[test]
fn a_status_update_pasted_as_a_rejection_is_said_and_asked_about() {
    let mut app = demo_app(100, 30);
    respond(&mut app, "PO-DEMO0002", 0);
    update(
        &mut app,
        Msg::Paste("Your port request is processing.".into()),
    );
    let screen = render(&app).replace('\n', " ");
    assert!(screen.contains("reads like a status update"), "{screen}");
    assert!(
        !saves(&ctrl(&mut app, 's')),
        "the first Ctrl-S asks instead of recording"
    );
    let asked = render(&app).replace('\n', " ");
    assert!(asked.contains("Ctrl-S again"), "{asked}");
    let effects = ctrl(&mut app, 's');
    let saved = effects.iter().find_map(|e| match e {
        Effect::Save(order) => Some(order.clone()),
        _ => None,
    });
    assert_eq!(
        saved.map(|o| o.status),
        Some(Status::CustomerActionRequired),
        "the second Ctrl-S records it as the user asked"
    );
}
