//! The app's tenants (issue 28.1): the title names the tenant open, `T` on the history opens the
//! picker (the list kit), Enter asks the runtime to switch; in the real binary the switch shows
//! the other tenant's orders only, and the next start opens on it.

use crate::support::pty::PtySession;
use crate::support::{TODAY, demo_app, fixture, portwiz, press, render};
use crossterm::event::KeyCode;
use portwiz::tui::Effect;
use std::path::Path;
use std::time::Duration;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

#[test]
fn t_opens_the_picker_and_enter_switches_to_the_row_under_the_cursor() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        app.tenant = Some("fabrikam".into());
        app.tenants = vec!["contoso".into(), "fabrikam".into(), "northwind".into()];
        assert!(
            render(&app)
                .lines()
                .next()
                .unwrap_or_default()
                .contains("fabrikam")
        );
        press(&mut app, KeyCode::Char('T'));
        let screen = render(&app);
        assert!(screen.contains("Tenants"), "{screen}");
        assert!(screen.contains("fabrikam  (open)"), "{screen}");
        assert!(screen.contains("(no tenant: the store itself)"), "{screen}");
        insta::assert_snapshot!(format!("tenants_picker_{w}x{h}"), screen);
        // The cursor starts on the tenant open; two up is the store itself.
        press(&mut app, KeyCode::Up);
        press(&mut app, KeyCode::Up);
        let effects = press(&mut app, KeyCode::Enter);
        assert!(effects.contains(&Effect::SwitchTenant(None)), "{effects:?}");
        press(&mut app, KeyCode::Char('T'));
        press(&mut app, KeyCode::Down);
        let effects = press(&mut app, KeyCode::Enter);
        assert!(
            effects.contains(&Effect::SwitchTenant(Some("northwind".into()))),
            "{effects:?}"
        );
    }
}

#[test]
fn the_demo_copy_has_no_tenants_to_switch_to() {
    let mut app = demo_app(80, 24);
    app.demo = true;
    let effects = press(&mut app, KeyCode::Char('T'));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(render(&app).contains("no tenants"), "{}", render(&app));
}

fn new_in(dir: &Path, tenant: &str, name: &str) {
    let out = portwiz(dir)
        .args(["--tenant", tenant, "new", "--from"])
        .arg(fixture("complete-order.json"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let set = portwiz(dir)
        .args(["--tenant", tenant, "set", &id, "order_name", name])
        .output()
        .expect("runs");
    assert!(set.status.success());
}

fn spawn(dir: &Path, args: &[&str]) -> PtySession {
    let env = [
        ("PORTWIZ_DATA_DIR", dir.as_os_str()),
        ("PORTWIZ_TODAY", std::ffi::OsStr::new(TODAY)),
    ];
    PtySession::spawn(env!("CARGO_BIN_EXE_portwiz"), args, &env, 100, 30)
        .unwrap_or_else(|e| panic!("{e}"))
}

const WAIT: Duration = Duration::from_secs(20);

#[test]
fn the_app_switches_tenant_and_starts_on_the_last_one_next_time() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    new_in(dir, "contoso", "Contoso HQ lines");
    new_in(dir, "fabrikam", "Fabrikam branch");
    let mut app = spawn(dir, &["--tenant", "contoso"]);
    let screen = app
        .wait_for("Contoso HQ lines", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!screen.contains("Fabrikam branch"), "{screen}");
    assert!(
        screen
            .lines()
            .next()
            .unwrap_or_default()
            .contains("contoso"),
        "{screen}"
    );
    app.send_then("T", "(open)", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("\x1b[B");
    app.send("\r");
    let screen = app
        .wait_for("Fabrikam branch", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!screen.contains("Contoso HQ lines"), "{screen}");
    app.send("q");
    app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    let again = spawn(dir, &[]);
    let screen = again
        .wait_for("Fabrikam branch", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        screen
            .lines()
            .next()
            .unwrap_or_default()
            .contains("fabrikam"),
        "{screen}"
    );
}

/// The board (`portwiz --all-tenants`, issue 28.2): every tenant's orders in one history with
/// a tenant column; an order opened there is edited in its own tenant's store, and every file
/// of the other tenant stays byte-identical (and no `.last-tenant` is written: the board is no
/// tenant).
#[test]
fn a_board_session_edits_one_tenants_order_and_leaves_the_other_byte_identical() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    new_in(dir, "northwind", "HQ lines");
    new_in(dir, "woodgrove", "Branch office");
    let woodgrove = dir.join("tenants/woodgrove");
    let before = crate::tenants::files(&woodgrove);
    let mut app = spawn(dir, &["--all-tenants"]);
    let screen = app
        .wait_until(WAIT, |s| {
            s.contains("HQ lines") && s.contains("Branch office")
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(screen.contains("All tenants"), "{screen}");
    let row = screen
        .lines()
        .find(|l| l.contains("Branch office"))
        .unwrap_or_default();
    assert!(row.contains("woodgrove"), "no tenant column: {screen}");
    // The filter finds a tenant by its name (no order's own text holds it).
    app.send("/northw\r");
    let screen = app
        .wait_for("Showing 1 of 2", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!screen.contains("Branch office"), "{screen}");
    app.send_then("\r", "All tenants › northwind", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("n");
    app.send("Called the carrier about the board");
    app.send_then("\r", "Saved “HQ lines”", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send_then("\x1b", "Showing 1 of 2", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("q");
    app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    let orders = std::fs::read_dir(dir.join("tenants/northwind/orders")).expect("orders");
    let noted = orders.flatten().any(|f| {
        std::fs::read_to_string(f.path()).is_ok_and(|t| t.contains("Called the carrier about"))
    });
    assert!(noted, "the note was not saved in northwind's store");
    assert_eq!(
        crate::tenants::files(&woodgrove),
        before,
        "the board wrote in another tenant's store"
    );
    assert!(!dir.join(".last-tenant").exists(), "the board is no tenant");
}

/// The board follows the disk while open (issue 28): an order renamed from the command line in
/// its tenant's store shows on the board without a key.
#[test]
fn the_board_shows_an_order_renamed_elsewhere_without_a_key() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    new_in(dir, "northwind", "HQ lines");
    new_in(dir, "woodgrove", "Branch office");
    let mut app = spawn(dir, &["--all-tenants"]);
    app.wait_until(WAIT, |s| {
        s.contains("HQ lines") && s.contains("Branch office")
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let file = std::fs::read_dir(dir.join("tenants/northwind/orders"))
        .expect("orders")
        .flatten()
        .find(|f| f.file_name().to_string_lossy().ends_with(".json"))
        .expect("an order file");
    let name = file.file_name().to_string_lossy().into_owned();
    let id = name.trim_end_matches(".json");
    let set = portwiz(dir)
        .args([
            "--tenant",
            "northwind",
            "set",
            id,
            "order_name",
            "HQ renamed",
        ])
        .output()
        .expect("runs");
    assert!(set.status.success());
    let screen = app
        .wait_for("HQ renamed", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(screen.contains("Branch office"), "{screen}");
    app.send("q");
    app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
}

use crate::support::demo_board as board_app;

#[test]
fn the_board_shows_each_orders_tenant_sorts_by_it_and_starts_no_order_without_a_tenant() {
    for (w, h) in SIZES {
        let mut app = board_app(w, h);
        let screen = render(&app);
        assert!(
            screen
                .lines()
                .next()
                .unwrap_or_default()
                .contains("All tenants")
        );
        assert!(screen.contains("Tenant"), "{screen}");
        assert!(
            screen.contains("contoso") && screen.contains("fabrikam"),
            "{screen}"
        );
        assert!(
            !screen.contains("n New"),
            "n is refused on the board: {screen}"
        );
        insta::assert_snapshot!(format!("board_{w}x{h}"), screen);
        // n, i and t ask for a tenant first: nothing happens but the reason.
        for key in ['n', 'i', 't', 'm'] {
            let effects = press(&mut app, KeyCode::Char(key));
            assert!(effects.is_empty(), "{key}: {effects:?}");
            assert!(
                render(&app).contains("T opens a tenant"),
                "{key}: {}",
                render(&app)
            );
        }
        // The sort's cycle passes through the tenant after the last change.
        press(&mut app, KeyCode::Char('s'));
        let screen = render(&app);
        assert!(screen.contains("Sorted by Tenant"), "{screen}");
        let tenants: Vec<&str> = screen
            .lines()
            .filter_map(|l| {
                ["contoso", "fabrikam"]
                    .into_iter()
                    .find(|t| l.contains(&format!(" {t} ")))
            })
            .collect();
        let mut sorted = tenants.clone();
        sorted.sort_unstable();
        assert!(tenants.len() >= 2 && tenants == sorted, "{screen}");
        // The picker marks no tenant open and switches to any row, the store itself too.
        press(&mut app, KeyCode::Char('T'));
        assert!(!render(&app).contains("(open)"), "{}", render(&app));
        let effects = press(&mut app, KeyCode::Enter);
        assert!(effects.contains(&Effect::SwitchTenant(None)), "{effects:?}");
    }
}
