//! Several orders at once on the history (issue 26.5): Space marks, `a` marks every order shown,
//! `A` clears; marks are kept by order, through filtering and sorting, and go with their order;
//! `y`, `N` and `e` act on the marked orders (else on the selected one).

use crate::support::{demo_app, press, render, typed};
use crossterm::event::KeyCode;
use portwiz::domain::export::Format;
use portwiz::store::Store;
use portwiz::tui::app::Context;
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, Root, execute, update};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The ids of the marked orders, in the history's order.
fn marked(app: &Root) -> Vec<String> {
    app.marked().iter().map(|s| s.id().to_string()).collect()
}

/// The ids of the first `n` rows of the history, top down.
fn first_rows(app: &Root, n: usize) -> Vec<String> {
    app.history.rows[..n]
        .iter()
        .map(|i| app.orders[*i].id().to_string())
        .collect()
}

/// Space on the first two rows: both marked, the cursor on the third.
fn mark_first_two(app: &mut Root) -> Vec<String> {
    let ids = first_rows(app, 2);
    press(app, KeyCode::Char(' '));
    press(app, KeyCode::Char(' '));
    ids
}

#[test]
fn space_marks_the_order_and_moves_on_and_again_unmarks_it() {
    let mut app = demo_app(100, 30);
    let ids = mark_first_two(&mut app);
    assert_eq!(marked(&app), ids);
    assert_eq!(app.history.selected, 2);
    let screen = render(&app);
    assert!(screen.contains("Order history · 2 marked"), "{screen}");
    assert!(screen.contains("15 orders · 2 marked"), "{screen}");
    // A glyph, not only a colour: both marked rows carry it, the others do not.
    let rows: Vec<&str> = screen.lines().filter(|l| l.contains("PO-DEMO")).collect();
    for id in &ids {
        assert!(
            rows.iter().any(|r| r.contains(&format!("●{id}"))),
            "{screen}"
        );
    }
    assert_eq!(screen.matches('●').count(), 2, "{screen}");
    // Back up and Space again: unmarked.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(marked(&app), ids[..1]);
    press(&mut app, KeyCode::Char('A'));
    assert!(marked(&app).is_empty());
    let screen = render(&app);
    assert!(
        !screen.contains("marked") && !screen.contains('●'),
        "{screen}"
    );
}

#[test]
fn marks_survive_the_filter_and_the_sort() {
    let mut app = demo_app(100, 30);
    let ids = mark_first_two(&mut app);
    // A filter that hides both: still marked, and said so.
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "northwind");
    press(&mut app, KeyCode::Enter);
    assert!(!app.history.rows.is_empty());
    assert_eq!(marked(&app).len(), 2);
    let screen = render(&app);
    assert!(screen.contains("2 marked (2 not shown)"), "{screen}");
    // `a` marks the three shown, keeping the two hidden.
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(marked(&app).len(), 5);
    press(&mut app, KeyCode::Esc);
    // Sorted by every column in turn: the same orders stay marked.
    let before: std::collections::BTreeSet<String> = marked(&app).into_iter().collect();
    for _ in 0..7 {
        press(&mut app, KeyCode::Char('s'));
        let now: std::collections::BTreeSet<String> = marked(&app).into_iter().collect();
        assert_eq!(now, before);
    }
    assert!(ids.iter().all(|id| before.contains(id)));
}

#[test]
fn the_mark_of_an_order_removed_elsewhere_goes_with_it() {
    let mut app = demo_app(100, 30);
    let ids = mark_first_two(&mut app);
    update(
        &mut app,
        Msg::StoreChanged {
            changed: Vec::new(),
            removed: vec![ids[0].clone()],
            notices: Vec::new(),
        },
    );
    assert_eq!(marked(&app), ids[1..]);
    assert!(render(&app).contains("1 marked"), "{}", render(&app));
}

#[test]
fn y_copies_the_marked_orders_and_only_them() {
    let mut app = demo_app(100, 30);
    let ids = mark_first_two(&mut app);
    let effects = press(&mut app, KeyCode::Char('y'));
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("y copies: {effects:?}");
    };
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("Order\tName\tStatus"), "{text}");
    for (line, id) in lines[1..].iter().zip(&ids) {
        assert!(line.starts_with(&format!("{id}\t")), "{text}");
    }
    let message = app.message.clone().unwrap();
    assert!(message.text.starts_with("Copied 2 orders"), "{message:?}");
    // Without marks, the selected order alone.
    press(&mut app, KeyCode::Char('A'));
    let selected = app.selected_summary().unwrap().id().to_string();
    let effects = press(&mut app, KeyCode::Char('y'));
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("y copies: {effects:?}");
    };
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains(&format!("\n{selected}\t")), "{text}");
}

#[test]
fn marked_history_snapshots() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        mark_first_two(&mut app);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Char(' '));
        let screen = render(&app);
        assert_eq!(screen.matches('●').count(), 3, "{screen}");
        insta::assert_snapshot!(format!("history_marked_{w}x{h}"), screen);
    }
}

// ---- A note on the marked orders ----

/// A store in `dir` holding the demo orders.
fn demo_store(dir: &std::path::Path) -> Store {
    let (mut store, _) = Store::open(dir).unwrap_or_else(|e| panic!("{e}"));
    let (_, problems) = portwiz::demo::install(&mut store, crate::support::test_clock());
    assert!(problems.is_empty(), "{problems:?}");
    store
}

/// Each effect run by the runtime against `store`, its answer given to `update`.
fn run_effects(app: &mut Root, store: &mut Store, effects: Vec<Effect>) {
    for effect in effects {
        if let Some(reply) = execute(store, effect) {
            let more = update(app, reply);
            run_effects(app, store, more);
        }
    }
}

fn notes_of(store: &Store, id: &str) -> Vec<String> {
    store
        .get(id)
        .unwrap_or_else(|e| panic!("{e}"))
        .order
        .notes()
        .map(|n| n.note.clone())
        .collect()
}

#[test]
fn n_adds_one_note_to_each_marked_order_and_to_no_other() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(dir.path());
    let mut app = demo_app(100, 30);
    let ids = mark_first_two(&mut app);
    let others: Vec<String> = app
        .orders
        .iter()
        .map(|s| s.id().to_string())
        .filter(|id| !ids.contains(id))
        .collect();
    let history_before: Vec<usize> = others
        .iter()
        .map(|id| store.get(id).unwrap().order.history.len())
        .collect();
    assert!(press(&mut app, KeyCode::Char('N')).is_empty());
    assert!(
        matches!(app.top(), Screen::Note(_)),
        "the note dialog opens"
    );
    let screen = render(&app);
    assert!(screen.contains("A note on 2 orders"), "{screen}");
    assert!(screen.contains("each of these 2 orders"), "{screen}");
    for id in &ids {
        assert!(screen.contains(id.as_str()), "{screen}");
    }
    // An empty note is refused at the field, nothing asked of the runtime.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(render(&app).contains("A note needs some text"));
    typed(&mut app, "Called the carrier: freeze lifted");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::AddNotes { orders, text }] = effects.as_slice() else {
        panic!("Enter asks the runtime to add the notes: {effects:?}");
    };
    assert_eq!(orders.iter().map(|k| k.id.clone()).collect::<Vec<_>>(), ids);
    assert_eq!(text, "Called the carrier: freeze lifted");
    run_effects(&mut app, &mut store, effects);
    assert!(matches!(app.top(), Screen::Home(_)), "the dialog closes");
    let message = app.message.clone().unwrap();
    assert!(
        message.text.starts_with("Note added to 2 orders") && !message.is_error,
        "{message:?}"
    );
    for id in &ids {
        assert_eq!(notes_of(&store, id), ["Called the carrier: freeze lifted"]);
        // The app holds the order as saved.
        assert_eq!(app.order(id).unwrap().notes().count(), 1);
    }
    for (id, before) in others.iter().zip(history_before) {
        assert_eq!(store.get(id).unwrap().order.history.len(), before, "{id}");
    }
    // The marks stay, for the next action on the same orders (now first: changed last).
    let (mut still, mut ids) = (marked(&app), ids);
    still.sort();
    ids.sort();
    assert_eq!(still, ids);
}

#[test]
fn a_note_refused_for_one_order_stays_typed_for_that_one_alone() {
    let mut app = demo_app(100, 30);
    let ids = mark_first_two(&mut app);
    press(&mut app, KeyCode::Char('N'));
    typed(&mut app, "Case 2612");
    press(&mut app, KeyCode::Enter);
    let mut saved = app.order(&ids[0]).unwrap().clone();
    saved.add_note("Case 2612", app.clock.now).unwrap();
    update(
        &mut app,
        Msg::NotesAdded {
            saved: vec![saved],
            refused: vec![(ids[1].clone(), "the disk is full".into())],
        },
    );
    let Screen::Note(page) = app.top() else {
        panic!("the dialog stays open");
    };
    assert_eq!(page.note.value(), "Case 2612");
    assert_eq!(
        page.orders.iter().map(|k| k.id.clone()).collect::<Vec<_>>(),
        ids[1..]
    );
    let screen = render(&app);
    assert!(screen.contains("the disk is full"), "{screen}");
    assert!(app.message.as_ref().unwrap().is_error);
}

#[test]
fn without_marks_n_notes_the_selected_order_alone() {
    let mut app = demo_app(100, 30);
    press(&mut app, KeyCode::Down);
    let selected = app.selected_summary().unwrap().id().to_string();
    press(&mut app, KeyCode::Char('N'));
    typed(&mut app, "x");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::AddNotes { orders, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].id, selected);
}

#[test]
fn note_on_marked_orders_snapshots() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        mark_first_two(&mut app);
        press(&mut app, KeyCode::Char('N'));
        typed(&mut app, "Called Lumen: freeze lifted");
        insta::assert_snapshot!(format!("note_marked_{w}x{h}"), render(&app));
    }
}

// ---- Export of the marked orders ----

/// Mark the first two rows and open the export dialog on them.
fn exporting_two(app: &mut Root) -> Vec<String> {
    let ids = mark_first_two(app);
    assert!(press(app, KeyCode::Char('e')).is_empty());
    assert_eq!(app.context(), Context::ExportFormat);
    ids
}

/// Replace the path with `path` and press Enter: the effects.
fn write_to(app: &mut Root, path: &std::path::Path) -> Vec<Effect> {
    crate::support::ctrl(app, 'u');
    typed(app, &path.display().to_string());
    press(app, KeyCode::Enter)
}

#[test]
fn e_writes_the_marked_orders_in_one_json_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(dir.path());
    let mut app = demo_app(100, 30);
    let ids = exporting_two(&mut app);
    assert!(render(&app).contains("Export 2 orders: what should the file hold?"));
    press(&mut app, KeyCode::Char('j'));
    let Screen::Export(page) = app.top() else {
        panic!("the dialog is open")
    };
    assert_eq!(page.path.value(), "portwiz-2-orders.json");
    let file = out.path().join("two.json");
    let effects = write_to(&mut app, &file);
    let [Effect::ExportMarked { orders, format, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(*format, Format::Json);
    assert_eq!(orders.iter().map(|k| k.id.clone()).collect::<Vec<_>>(), ids);
    run_effects(&mut app, &mut store, effects);
    assert!(matches!(app.top(), Screen::Home(_)), "the dialog closes");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let exported: Vec<&str> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(exported, ids);
    assert!(!text.contains("4417"), "no PIN unless asked");
    let message = app.message.clone().unwrap();
    assert!(
        message.text.starts_with("Exported 2 orders to "),
        "{message:?}"
    );
}

#[test]
fn e_writes_a_file_each_in_a_folder_and_asks_before_replacing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(dir.path());
    let mut app = demo_app(100, 30);
    let ids = exporting_two(&mut app);
    press(&mut app, KeyCode::Char('t'));
    assert!(render(&app).contains("Folder:"), "{}", render(&app));
    let effects = write_to(&mut app, out.path());
    run_effects(&mut app, &mut store, effects);
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = ids.iter().map(|id| format!("{id}-summary.txt")).collect();
    expected.sort();
    assert_eq!(names, expected, "a file for each marked order, none other");
    assert!(
        app.message.as_ref().unwrap().text.contains("(2 files)"),
        "{:?}",
        app.message
    );
    // Again: both exist, so it asks, naming them; y replaces them.
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Char('t'));
    let effects = write_to(&mut app, out.path());
    run_effects(&mut app, &mut store, effects);
    assert_eq!(app.context(), Context::ExportReplace);
    assert!(render(&app).contains("Replace 2 files"), "{}", render(&app));
    let effects = press(&mut app, KeyCode::Char('y'));
    run_effects(&mut app, &mut store, effects);
    assert!(matches!(app.top(), Screen::Home(_)));
}

#[test]
fn e_writes_every_number_of_the_marked_orders_in_one_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(dir.path());
    let mut app = demo_app(100, 30);
    let ids = exporting_two(&mut app);
    press(&mut app, KeyCode::Char('c'));
    let file = out.path().join("numbers.csv");
    let effects = write_to(&mut app, &file);
    run_effects(&mut app, &mut store, effects);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    let numbers: usize = ids
        .iter()
        .map(|id| store.get(id).unwrap().order.fields.numbers.len())
        .sum();
    assert_eq!(text.lines().count(), numbers + 1, "{text}");
    assert!(text.starts_with("PhoneNumber,order_id,order_name\r\n"));
    for id in &ids {
        assert!(text.contains(&format!(",{id},")), "{text}");
    }
}

#[test]
fn without_marks_e_exports_the_selected_order_as_its_page_does() {
    let mut app = demo_app(100, 30);
    let selected = app.selected_summary().unwrap().id().to_string();
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::Export { order_id, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(*order_id, selected);
}

#[test]
fn export_of_marked_orders_snapshots() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        exporting_two(&mut app);
        insta::assert_snapshot!(format!("export_marked_{w}x{h}"), render(&app));
        press(&mut app, KeyCode::Char('t'));
        insta::assert_snapshot!(format!("export_marked_folder_{w}x{h}"), render(&app));
    }
}

// ---- The board (every tenant's orders) ----

/// The demo's orders on a board of two tenants, alternately.
fn board_app() -> Root {
    crate::support::demo_board(120, 40)
}

#[test]
fn on_the_board_a_mark_names_the_orders_tenant_too() {
    let mut app = board_app();
    let ids = mark_first_two(&mut app);
    let screen = render(&app);
    assert!(screen.contains("2 marked"), "{screen}");
    assert_eq!(screen.matches('●').count(), 2, "{screen}");
    let keys: Vec<_> = app.marked().iter().map(|s| app.key_of(s)).collect();
    for (key, id) in keys.iter().zip(&ids) {
        assert_eq!(key.id, *id);
        let board = app.board.as_ref().unwrap();
        assert_eq!(key.tenant.as_deref(), board.tenant(id), "{key:?}");
        assert!(key.tenant.is_some());
    }
    // N asks for the notes with each order's tenant, for the runtime to route.
    press(&mut app, KeyCode::Char('N'));
    typed(&mut app, "x");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::AddNotes { orders, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(*orders, keys);
}
