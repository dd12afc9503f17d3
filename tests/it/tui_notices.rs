//! Store notices (a file moved to quarantine, loose permissions) arrive a moment after the first
//! frame, from the background check. They must not eat a key meant for the screen: they show in
//! a panel above it, and Ctrl-N, their own key, dismisses them.

use crate::support::{ctrl, demo_app, press, render};
use crossterm::event::KeyCode;
use portwiz::tui::root::Screen;
use portwiz::tui::{Msg, update};

const QUARANTINED: &str = "/data/orders/PO-X.json could not be read (expected value at line 1 column 1); it was moved to /data/quarantine/PO-X.json.20261126T120000Z and nothing was deleted";

#[test]
fn the_first_enter_after_a_notice_arrives_still_opens_the_order() {
    let mut app = demo_app(100, 30);
    let summaries = app.app.orders.clone();
    render(&app);
    // The background check reports a quarantined file just as the user presses Enter.
    update(
        &mut app,
        Msg::StoreChecked {
            summaries,
            notices: Vec::new(),
        },
    );
    app.app.notices.push(QUARANTINED.into());
    let screen = render(&app);
    assert!(
        screen.contains("could not be read") && screen.contains("Ctrl-N"),
        "{screen}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.top(), Screen::Order(_)),
        "Enter reached the history under the notice"
    );
    assert!(
        render(&app).contains("could not be read"),
        "the notice stays until dismissed"
    );
    ctrl(&mut app, 'n');
    assert!(app.app.notices.is_empty());
    assert!(!render(&app).contains("could not be read"));
    assert!(matches!(app.top(), Screen::Order(_)));
}

#[test]
fn notices_take_a_panel_above_the_screen_at_80x24() {
    let mut app = demo_app(80, 24);
    app.app.notices = vec![QUARANTINED.into()];
    let screen = render(&app);
    insta::assert_snapshot!("notices_panel_80x24", screen);
    // The screen's keys reach the screen: ↓ moves the selection, q still asks to quit.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.app.history.selected, 1);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.app.quit);
}

/// Tried as a new user: a store folder readable by others was said twice, once from the first
/// frame's index and once from the check of every file. A notice already shown is not added again.
#[test]
fn a_notice_the_first_frame_gave_is_not_repeated_by_the_check() {
    let mut app = demo_app(100, 30);
    let summaries = app.app.orders.clone();
    let loose = portwiz::store::Notice::Permissions(
        "warning: /data/orders is readable by others (mode 755); run: chmod go-rwx /data/orders"
            .into(),
    );
    app.app.notices.push(loose.to_string());
    update(
        &mut app,
        Msg::StoreChecked {
            summaries,
            notices: vec![loose.clone(), loose],
        },
    );
    assert_eq!(app.app.notices.len(), 1, "{:#?}", app.app.notices);
}
