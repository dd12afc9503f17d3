//! The export dialog (`e` on an order's page): `update` driven by key messages, the runtime's
//! `execute` writing into a temporary folder, and snapshots at 80×24.

use crate::support::{ctrl, demo_app, open_order, press, render, typed};
use crossterm::event::KeyCode;
use portwiz::domain::export::{Format, render as render_export};
use portwiz::store::Store;
use portwiz::tui::app::Context;
use portwiz::tui::root::Screen;
use portwiz::tui::screens::export::ExportStep;
use portwiz::tui::{Effect, Msg, Root, execute, update};
use std::path::{Path, PathBuf};

const ORDER: &str = "PO-DEMO0005";
const PIN: &str = "4417";

/// The app on ORDER's page with the export dialog open.
fn exporting() -> Root {
    let mut app = demo_app(80, 24);
    open_order(&mut app, ORDER);
    assert!(press(&mut app, KeyCode::Char('e')).is_empty());
    assert_eq!(app.context(), Context::ExportFormat);
    app
}

fn typed_path(app: &Root) -> String {
    match app.top() {
        Screen::Export(page) => page.path.value().to_string(),
        _ => panic!("the export dialog is not open"),
    }
}

fn export_effect(
    format: Format,
    path: &str,
    include_secrets: bool,
    overwrite: bool,
) -> Vec<Effect> {
    vec![Effect::Export {
        order_id: ORDER.to_string(),
        format,
        path: PathBuf::from(path),
        include_secrets,
        overwrite,
    }]
}

#[test]
fn enter_twice_exports_the_text_summary_without_the_pin() {
    let mut app = exporting();
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.context(), Context::ExportPath);
    assert_eq!(typed_path(&app), "PO-DEMO0005-summary.txt");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        export_effect(Format::Text, "PO-DEMO0005-summary.txt", false, false)
    );
}

#[test]
fn format_path_and_pin_make_the_effect() {
    let mut app = exporting();
    // ↓ then Enter: the LOA, with its own file name; it never holds the PIN.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(typed_path(&app), "PO-DEMO0005-loa.txt");
    ctrl(&mut app, 'p');
    let screen = render(&app);
    assert!(
        screen.contains("This format never holds the PIN."),
        "{screen}"
    );
    assert!(
        !screen.contains("Ctrl-P PIN"),
        "no PIN key in the footer: {screen}"
    );
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        export_effect(Format::Loa, "PO-DEMO0005-loa.txt", false, false)
    );
    // Esc goes back to the formats; `c` picks the CSV by its letter.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::ExportFormat);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(typed_path(&app), "PO-DEMO0005-numbers.csv");
    press(&mut app, KeyCode::Esc);
    // `j` is JSON here (the list moves with the arrows); the PIN goes in with Ctrl-P, warned.
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(typed_path(&app), "PO-DEMO0005.json");
    assert!(render(&app).contains("[ ] Include the PIN"));
    ctrl(&mut app, 'p');
    let screen = render(&app);
    assert!(screen.contains("[x] Include the PIN"), "{screen}");
    assert!(screen.contains("port-out PIN in clear"), "{screen}");
    // A path of one's own: Ctrl-U clears, letters type (`q`, `e`, `j` are text here).
    ctrl(&mut app, 'u');
    typed(&mut app, "~/exports/quarterly.json");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        export_effect(Format::Json, "~/exports/quarterly.json", true, false)
    );
    // A typed path is kept when the format changes; the PIN is dropped for a format without it.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(typed_path(&app), "~/exports/quarterly.json");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        export_effect(Format::Loa, "~/exports/quarterly.json", false, false)
    );
}

#[test]
fn an_empty_path_is_refused_at_the_dialog() {
    let mut app = exporting();
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(render(&app).contains("Give a file name to write to."));
}

#[test]
fn an_existing_file_is_replaced_only_after_y() {
    let mut app = exporting();
    press(&mut app, KeyCode::Enter);
    let first = press(&mut app, KeyCode::Enter);
    assert_eq!(
        first,
        export_effect(Format::Text, "PO-DEMO0005-summary.txt", false, false)
    );
    let path = "/home/user/PO-DEMO0005-summary.txt";
    update(
        &mut app,
        Msg::ExportExists {
            order_id: ORDER.into(),
            path: path.into(),
        },
    );
    assert_eq!(app.context(), Context::ExportReplace);
    let screen = render(&app);
    assert!(
        screen.contains("Replace /home/user/PO-DEMO0005-summary.txt? y/n"),
        "{screen}"
    );
    assert!(screen.contains("y Replace"), "footer: {screen}");
    // n: back to the path, nothing written.
    assert!(press(&mut app, KeyCode::Char('n')).is_empty());
    assert_eq!(app.context(), Context::ExportPath);
    assert_eq!(typed_path(&app), "PO-DEMO0005-summary.txt");
    // Again, and y: the same export, now replacing.
    press(&mut app, KeyCode::Enter);
    update(
        &mut app,
        Msg::ExportExists {
            order_id: ORDER.into(),
            path: path.into(),
        },
    );
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        export_effect(Format::Text, "PO-DEMO0005-summary.txt", false, true)
    );
}

#[test]
fn a_failure_stays_at_the_dialog_and_success_closes_it() {
    let mut app = exporting();
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, "/nowhere/x.txt");
    press(&mut app, KeyCode::Enter);
    update(
        &mut app,
        Msg::ExportFailed {
            order_id: ORDER.into(),
            reason: "There is no folder /nowhere: create it first or choose another.".into(),
        },
    );
    assert_eq!(app.context(), Context::ExportPath);
    assert_eq!(typed_path(&app), "/nowhere/x.txt", "the path is kept");
    let screen = render(&app);
    assert!(screen.contains("✗ There is no folder /nowhere"), "{screen}");
    // Typing clears the error; the answer to a write comes back as a message.
    typed(&mut app, "t");
    assert!(!render(&app).contains("There is no folder"));
    update(
        &mut app,
        Msg::Exported {
            order_id: ORDER.into(),
            path: "/tmp/x.txt".into(),
        },
    );
    assert_eq!(app.context(), Context::OrderPage);
    let screen = render(&app);
    assert!(screen.contains("✓ Exported to /tmp/x.txt"), "{screen}");
}

#[test]
fn esc_cancels() {
    let mut app = exporting();
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.context(), Context::OrderPage);
    // From the path: back to the formats, then out.
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Export(p) if p.step == ExportStep::Format));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::OrderPage);
    assert!(app.message.is_none());
}

#[test]
fn footer_and_help_show_the_export_keys() {
    let mut app = demo_app(80, 24);
    open_order(&mut app, ORDER);
    assert!(render(&app).contains("e Export"));
    press(&mut app, KeyCode::Char('e'));
    let screen = render(&app);
    assert!(
        screen.contains("↑↓ Move  Enter Choose  t/l/p/c/s/j/a/h Format  Esc Cancel  ? Help"),
        "{screen}"
    );
    press(&mut app, KeyCode::Char('?'));
    let screen = render(&app);
    assert!(screen.contains("Keys: export"), "{screen}");
    assert!(
        screen.contains("LOA: the Letter of Authorization"),
        "{screen}"
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    let screen = render(&app);
    assert!(
        screen.contains("Enter Export  Ctrl-P PIN  Esc Back"),
        "{screen}"
    );
}

// ---- The runtime ----

/// A store in `dir` holding the demo orders.
fn demo_store(dir: &Path) -> Store {
    let (mut store, _) = Store::open(dir).unwrap_or_else(|e| panic!("{e}"));
    let (_, problems) = portwiz::demo::install(&mut store, crate::support::test_clock());
    assert!(problems.is_empty(), "{problems:?}");
    store
}

fn export(store: &mut Store, format: Format, path: &Path, pin: bool, overwrite: bool) -> Msg {
    let effect = Effect::Export {
        order_id: ORDER.into(),
        format,
        path: path.to_path_buf(),
        include_secrets: pin,
        overwrite,
    };
    execute(store, effect).unwrap_or_else(|| panic!("no answer"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn execute_writes_each_format_as_the_renderer_renders_it() {
    let store_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(store_dir.path());
    let order = store
        .get(ORDER)
        .unwrap_or_else(|e| panic!("{e}"))
        .order
        .clone();
    for (format, pin) in [
        (Format::Text, false),
        (Format::Text, true),
        (Format::Loa, false),
        (Format::Csv, false),
        (Format::Json, false),
        (Format::Json, true),
    ] {
        let path = out.path().join(format!("{format:?}-{pin}.out"));
        let answer = export(&mut store, format, &path, pin, false);
        assert_eq!(
            answer,
            Msg::Exported {
                order_id: ORDER.into(),
                path: path.display().to_string(),
            }
        );
        let expected = render_export(&order, format, pin).unwrap_or_else(|e| panic!("{e}"));
        let written = read(&path);
        assert_eq!(written, expected, "{format:?}");
        assert_eq!(written.contains(PIN), pin, "{format:?} PIN only when asked");
    }
}

#[test]
fn p_exports_the_loa_as_a_pdf_and_the_runtime_writes_its_bytes() {
    let mut app = exporting();
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(typed_path(&app), "PO-DEMO0005-loa.pdf");
    ctrl(&mut app, 'p');
    assert!(render(&app).contains("This format never holds the PIN."));
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        export_effect(Format::LoaPdf, "PO-DEMO0005-loa.pdf", false, false)
    );
    let store_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(store_dir.path());
    let order = store
        .get(ORDER)
        .unwrap_or_else(|e| panic!("{e}"))
        .order
        .clone();
    let path = out.path().join("loa.pdf");
    let answer = export(&mut store, Format::LoaPdf, &path, true, false);
    assert!(matches!(answer, Msg::Exported { .. }), "{answer:?}");
    let written = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let expected = portwiz::domain::export::file(&order, Format::LoaPdf, false)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written, expected);
    assert!(written.starts_with(b"%PDF-"));
    assert!(!written.windows(PIN.len()).any(|w| w == PIN.as_bytes()));
}

#[test]
fn execute_never_replaces_a_file_without_overwrite() {
    let store_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(store_dir.path());
    let path = out.path().join("summary.txt");
    std::fs::write(&path, "keep me").unwrap_or_else(|e| panic!("{e}"));
    let answer = export(&mut store, Format::Text, &path, false, false);
    assert_eq!(
        answer,
        Msg::ExportExists {
            order_id: ORDER.into(),
            path: path.display().to_string(),
        }
    );
    assert_eq!(read(&path), "keep me");
    let answer = export(&mut store, Format::Text, &path, false, true);
    assert!(matches!(answer, Msg::Exported { .. }), "{answer:?}");
    let replaced = read(&path);
    assert!(replaced.contains("Trey Research Corp"), "{replaced}");
    assert!(!replaced.contains("keep me"), "{replaced}");
}

#[test]
fn execute_says_why_nothing_was_written() {
    let store_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(store_dir.path());
    let missing = out.path().join("no-such-folder").join("x.txt");
    match export(&mut store, Format::Csv, &missing, false, false) {
        Msg::ExportFailed { reason, .. } => {
            assert!(reason.contains("There is no folder"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert!(!missing.exists());
    match export(&mut store, Format::Csv, out.path(), false, true) {
        Msg::ExportFailed { reason, .. } => assert!(reason.contains("is a folder"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn home_and_relative_paths_are_made_absolute() {
    let home = directories::BaseDirs::new()
        .map(|d| d.home_dir().to_path_buf())
        .unwrap_or_else(|| panic!("no home folder"));
    let resolved = portwiz::tui::resolve_export_path(Path::new("~/x/order.json"));
    assert_eq!(resolved, Ok(home.join("x/order.json")));
    assert_eq!(
        portwiz::tui::resolve_export_path(Path::new("~")),
        Ok(home.clone())
    );
    let cwd = std::env::current_dir().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        portwiz::tui::resolve_export_path(Path::new("order.csv")),
        Ok(cwd.join("order.csv"))
    );
    // `~name` is a file name, not someone's home.
    assert_eq!(
        portwiz::tui::resolve_export_path(Path::new("~name")),
        Ok(cwd.join("~name"))
    );
}

#[test]
fn keys_and_runtime_together_export_then_ask_before_replacing() {
    let store_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(store_dir.path());
    let path = out.path().join("numbers.csv");
    let shown = path.display().to_string();
    let run = |app: &mut Root, store: &mut Store, effects: Vec<Effect>| {
        for effect in effects {
            if let Some(reply) = execute(store, effect) {
                assert!(update(app, reply).is_empty());
            }
        }
    };
    for round in 0..2 {
        let mut app = exporting();
        press(&mut app, KeyCode::Char('c'));
        ctrl(&mut app, 'u');
        typed(&mut app, &shown);
        let effects = press(&mut app, KeyCode::Enter);
        run(&mut app, &mut store, effects);
        if round == 1 {
            assert_eq!(app.context(), Context::ExportReplace);
            let effects = press(&mut app, KeyCode::Char('y'));
            run(&mut app, &mut store, effects);
        }
        assert_eq!(app.context(), Context::OrderPage);
        let screen = render(&app);
        assert!(screen.contains("✓ Exported to"), "{screen}");
        assert!(read(&path).starts_with("PhoneNumber"), "{}", read(&path));
    }
}

// ---- Snapshots ----

#[test]
fn export_dialog_snapshots() {
    let mut app = exporting();
    insta::assert_snapshot!("export_format_80x24", render(&app));
    press(&mut app, KeyCode::Char('j'));
    ctrl(&mut app, 'p');
    insta::assert_snapshot!("export_path_with_pin_80x24", render(&app));
    press(&mut app, KeyCode::Enter);
    update(
        &mut app,
        Msg::ExportExists {
            order_id: ORDER.into(),
            path: "/home/user/PO-DEMO0005.json".into(),
        },
    );
    insta::assert_snapshot!("export_replace_80x24", render(&app));
}

#[test]
fn the_path_starts_in_the_users_documents_folder_shown_in_full() {
    let mut app = demo_app(80, 24);
    app.app.export_dir = Some(PathBuf::from("/home/dana/Documents"));
    open_order(&mut app, ORDER);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        typed_path(&app),
        "/home/dana/Documents/PO-DEMO0005-summary.txt"
    );
    let screen = render(&app);
    assert!(
        screen.contains("/home/dana/Documents/PO-DEMO0005-summary.txt"),
        "the whole path is on screen: {screen}"
    );
    // Another format offers its own name in the same folder.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(typed_path(&app), "/home/dana/Documents/PO-DEMO0005.json");
}

/// ORDER with its first number assigned to a user at an emergency location (a US order needs
/// one).
fn with_an_assignment(mut order: portwiz::domain::Order) -> portwiz::domain::Order {
    use portwiz::domain::assignment::{Assignment, IdentityKind};
    let number = order.fields.numbers[0].clone();
    order.assignments.insert(
        number,
        Assignment {
            identity: "alice@contoso.com".into(),
            kind: IdentityKind::User,
            location_id: "5d0d1a0b-6a3f-4a8e-9b55-3c2f1e0a7d11".into(),
        },
    );
    order
}

#[test]
fn the_dialog_offers_every_format_that_applies_to_the_order() {
    let mut app = exporting();
    let offered = |app: &Root| match app.top() {
        Screen::Export(page) => page.formats.clone(),
        _ => panic!("the export dialog is not open"),
    };
    // Nothing assigned: no PowerShell script ('a' does nothing); every other format.
    let without: Vec<Format> = Format::ALL
        .into_iter()
        .filter(|f| *f != Format::Powershell)
        .collect();
    assert_eq!(offered(&app), without);
    assert!(!render(&app).contains("PowerShell"));
    assert!(press(&mut app, KeyCode::Char('a')).is_empty());
    assert_eq!(app.context(), Context::ExportFormat);
    // Once a number is assigned: every format, the script on 'a'.
    press(&mut app, KeyCode::Esc);
    let order = app.loaded[ORDER].clone();
    update(&mut app, Msg::Loaded(Box::new(with_an_assignment(order))));
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(offered(&app), Format::ALL.to_vec());
    let screen = render(&app);
    assert!(screen.contains("a PowerShell script"), "{screen}");
    assert!(screen.contains("t, l, p, c, s, j, a or h"), "{screen}");
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(typed_path(&app), "PO-DEMO0005-assignments.ps1");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        export_effect(
            Format::Powershell,
            "PO-DEMO0005-assignments.ps1",
            false,
            false
        )
    );
    // The runtime writes the script, with the tenant and time in its header.
    let store_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(store_dir.path());
    let order = with_an_assignment(
        store
            .get(ORDER)
            .unwrap_or_else(|e| panic!("{e}"))
            .order
            .clone(),
    );
    store.save_edit(&order).unwrap_or_else(|e| panic!("{e}"));
    let path = out.path().join("script.ps1");
    let answer = export(&mut store, Format::Powershell, &path, false, false);
    assert!(matches!(answer, Msg::Exported { .. }), "{answer:?}");
    let script = read(&path);
    assert!(script.contains("# Tenant: none"), "{script}");
    assert!(
        script.contains("Set-CsPhoneNumberAssignment -Identity 'alice@contoso.com'"),
        "{script}"
    );
}

#[test]
fn h_writes_the_hand_off_packet_into_a_folder_the_pin_only_when_asked() {
    let mut app = exporting();
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(typed_path(&app), "PO-DEMO0005-packet");
    let screen = render(&app);
    assert!(screen.contains("Folder:"), "{screen}");
    assert!(screen.contains("[ ] Include the PIN"), "{screen}");
    ctrl(&mut app, 'p');
    assert!(render(&app).contains("field sheet will hold the port-out PIN"));
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        export_effect(Format::Packet, "PO-DEMO0005-packet", true, false)
    );
    let store_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = demo_store(store_dir.path());
    for pin in [false, true] {
        let dir = out.path().join(format!("packet-{pin}"));
        let answer = export(&mut store, Format::Packet, &dir, pin, false);
        assert_eq!(
            answer,
            Msg::Exported {
                order_id: ORDER.into(),
                path: dir.display().to_string(),
            }
        );
        let sheet = read(&dir.join("1-admin-center-fields.txt"));
        assert_eq!(sheet.contains(PIN), pin, "{sheet}");
        assert!(dir.join("3-letter-of-authorization.pdf").is_file());
    }
    // A packet never replaces anything: the folder is not empty now.
    let dir = out.path().join("packet-false");
    match export(&mut store, Format::Packet, &dir, false, true) {
        Msg::ExportFailed { reason, .. } => assert!(!reason.is_empty()),
        other => panic!("{other:?}"),
    }
}
