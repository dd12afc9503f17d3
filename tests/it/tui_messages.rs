//! Messages fit: a save error, a merge notice or any status message longer than the line
//! wraps (the status line grows to three lines), and a longer one says which key shows it whole;
//! nothing is cut silently with `…`.

use crate::support::{demo_app, open_order, press, render};
use crossterm::event::KeyCode;
use portwiz::domain::merge::merge;
use portwiz::domain::{FieldKey, FieldValue};
use portwiz::tui::app::{Context, Message};
use portwiz::tui::{Msg, update};

/// The screen's lines from the first that holds `start`, joined as one text.
fn text_from(screen: &str, start: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(at) = lines.iter().position(|l| l.contains(start)) else {
        panic!("{start:?} is not on the screen:\n{screen}");
    };
    lines[at..]
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_merge_notice_wraps_whole_at_80_columns() {
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0005");
    let Some(mine) = app.order("PO-DEMO0005").cloned() else {
        panic!("no demo order");
    };
    // Another window changed many fields meanwhile: the notice names each of them.
    let mut theirs = mine.clone();
    for (key, value) in [
        (FieldKey::OrderName, "Renamed elsewhere"),
        (FieldKey::CurrentCarrier, "Contoso Telecom West"),
        (FieldKey::OrganizationName, "Trey Research Holdings"),
        (FieldKey::AccountNumber, "ACC-778899"),
        (FieldKey::ServiceAddressCity, "Bellevue"),
        (FieldKey::RequesterEmail, "ops@treyresearch.net"),
    ] {
        theirs.fields.set(key, FieldValue::Text(value.into()));
    }
    let merged = merge(&mine, &theirs, &mine);
    update(
        &mut app,
        Msg::Merged {
            order: Box::new(merged.order.clone()),
            notice: merged.notice(),
        },
    );
    let screen = render(&app);
    let shown = text_from(&screen, "Another window changed");
    let whole = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(whole.len() > 160, "a long message: {whole}");
    assert!(
        shown.contains("your edits were combined with it."),
        "the end of the message is on screen:\n{screen}"
    );
    assert!(!shown.contains('…'), "{screen}");
    // The footer is still there, under the message.
    assert!(
        screen.lines().last().is_some_and(|l| l.contains("Back")),
        "{screen}"
    );
    insta::assert_snapshot!("merge_notice_80x24", screen);
}

#[test]
fn a_message_longer_than_three_lines_points_to_f2_which_shows_it_whole() {
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0005");
    let reason = format!(
        "the disk said no: {} and that is the end of the story.",
        "a long explanation of what went wrong on the way to the disk, ".repeat(4)
    );
    app.message = Some(Message::error(format!(
        "Order PO-DEMO0005 was not saved: {reason}"
    )));
    let screen = render(&app);
    assert!(screen.contains("F2: the whole message"), "{screen}");
    assert!(!screen.contains("end of the story"), "{screen}");
    // F2 shows it whole (and keeps it); Esc closes the view, the message still there.
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.context(), Context::Message);
    let screen = render(&app);
    assert!(screen.contains("end of the story."), "{screen}");
    insta::assert_snapshot!("message_shown_whole_80x24", screen);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::OrderPage);
    assert!(app.message.is_some());
    // The next key clears it, as any message.
    press(&mut app, KeyCode::Down);
    assert!(app.message.is_none());
}

#[test]
fn f2_without_a_message_is_the_screens_key() {
    let mut app = demo_app(80, 24);
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.context(), Context::History);
}

#[test]
fn the_carriers_advice_in_the_response_dialog_is_whole_at_80x24() {
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0002");
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Enter);
    update(
        &mut app,
        Msg::Paste("EU NAME MISMATCH; ZIP does not match CSR".into()),
    );
    let screen = render(&app);
    assert!(
        text_from(&screen, "Action:").contains("to the one on the CSR, then resubmit."),
        "{screen}"
    );
    assert!(
        !screen.lines().any(|l| l.trim_end().ends_with('…')),
        "{screen}"
    );
}
