//! The order's journal (issue 26.4): `portwiz note`, the order page's `n`, and notes in `show`,
//! the exports (a JSON round trip, the text summary) and the hand-off.

use crate::support::{demo_app, new_order, open_order, order_file, press, render, run, typed};
use crossterm::event::KeyCode;
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, update};

#[test]
fn a_note_is_added_shown_exported_and_imported_again() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let out = run(
        dir.path(),
        &["note", &id, "Called Contoso\u{1b}[2J: freeze lifted\u{7}"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!("{id}: note added 2026-11-26 12:00: Called Contoso: freeze lifted\n")
    );
    let file = order_file(dir.path(), &id);
    let history = file["history"].as_array().unwrap();
    let last = history.last().unwrap();
    assert_eq!(last["event"], "note");
    assert_eq!(last["note"], "Called Contoso: freeze lifted");

    let show = run(dir.path(), &["show", &id]);
    assert!(
        show.stdout
            .contains("2026-11-26 12:00  Note  Called Contoso: freeze lifted"),
        "{}",
        show.stdout
    );
    let text = run(dir.path(), &["export", &id, "--format", "text"]);
    assert!(
        text.stdout
            .contains("Notes (1)\n   2026-11-26 12:00 UTC  Called Contoso: freeze lifted\n"),
        "{}",
        text.stdout
    );

    let exported = dir.path().join("export.json");
    let path = exported.to_str().unwrap();
    assert_eq!(run(dir.path(), &["export", &id, "-o", path]).code, 0);
    let imported = run(dir.path(), &["import", path]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let copy = order_file(dir.path(), imported.stdout.trim());
    let notes: Vec<_> = copy["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["event"] == "note")
        .collect();
    assert_eq!(notes.len(), 1, "{copy:#}");
    assert_eq!(notes[0]["note"], "Called Contoso: freeze lifted");
}

#[test]
fn an_empty_or_over_long_note_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let before = order_file(dir.path(), &id);
    let empty = run(dir.path(), &["note", &id, "  "]);
    assert_eq!(empty.code, 1, "{}", empty.stderr);
    assert!(
        empty.stderr.contains("A note needs some text"),
        "{}",
        empty.stderr
    );
    let long = "x".repeat(4_001);
    let over = run(dir.path(), &["note", &id, &long]);
    assert_eq!(over.code, 1);
    assert!(
        over.stderr.contains("at most 4,000 characters"),
        "{}",
        over.stderr
    );
    assert_eq!(order_file(dir.path(), &id), before);
    assert_eq!(run(dir.path(), &["note", "PO-NOPE", "x"]).code, 2);
}

/// `n` on an order's page opens the note screen; Enter adds the note, saves and goes back; the
/// page's history and the hand-off then show it.
#[test]
fn n_on_the_order_page_adds_a_note_that_the_page_and_the_hand_off_show() {
    let mut app = demo_app(100, 30);
    let id = app.orders[0].id().to_string();
    open_order(&mut app, &id);
    press(&mut app, KeyCode::Char('n'));
    assert!(
        matches!(app.top(), Screen::Note(_)),
        "the note screen opens"
    );
    // Enter on nothing says why and stays.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(
        render(&app).contains("A note needs some text"),
        "{}",
        render(&app)
    );
    typed(&mut app, "Case 2612 comment: LOA ok");
    let effects = press(&mut app, KeyCode::Enter);
    let saved = effects.iter().find_map(|e| match e {
        Effect::Save(order) => Some(order.clone()),
        _ => None,
    });
    let saved = saved.expect("Enter saves the order");
    assert_eq!(
        saved.notes().map(|n| n.note.as_str()).collect::<Vec<_>>(),
        ["Case 2612 comment: LOA ok"]
    );
    update(&mut app, Msg::Saved(saved));
    assert!(matches!(app.top(), Screen::Order(_)), "back on the page");
    app.size = (100, 200);
    let page = render(&app);
    assert!(page.contains("Note: Case 2612 comment: LOA ok"), "{page}");
    press(&mut app, KeyCode::Char('t'));
    let handoff = portwiz::domain::handoff::handoff(app.order(&id).unwrap());
    assert_eq!(handoff.notes.len(), 1);
    assert!(
        handoff.notes[0].ends_with("UTC  Case 2612 comment: LOA ok"),
        "{:?}",
        handoff.notes
    );
}
