//! How the board (`portwiz --all-tenants`, issue 28) reads its tenants: its first frame is each
//! tenant's newest orders as that tenant's index has them (no order file looked at), and the
//! read of every tenant that follows (every index, every file's stamp, on threads of the
//! runtime's) replaces it with what the files say: a file changed behind the index is read, a
//! broken one is said and left where it is, and nothing is written in any tenant.

use crate::support::{press, render, test_clock};
use crossterm::event::KeyCode;
use portwiz::domain::{Order, OrderFields};
use portwiz::store::board::{every_tenant, summary_of};
use portwiz::store::{Store, tenants};
use portwiz::tui::{Msg, Root, app_for_summaries, board_first_frame, board_read, update};
use std::path::Path;

/// An order named `name` saved in tenant `tenant`'s store (made when missing).
fn order_in(root: &Path, tenant: &str, id: &str, name: &str) -> Order {
    let dir = tenants::create(root, tenant).unwrap_or_else(|e| panic!("{e}"));
    let (mut store, _) = Store::open(&dir).unwrap_or_else(|e| panic!("{e}"));
    let fields = OrderFields {
        order_name: name.to_string(),
        ..OrderFields::default()
    };
    let order = Order::new(id.to_string(), fields, jiff::Timestamp::UNIX_EPOCH);
    store
        .create(order.clone())
        .unwrap_or_else(|e| panic!("{e}"));
    order
}

fn order_file(root: &Path, tenant: &str, id: &str) -> std::path::PathBuf {
    tenants::dir(root, tenant)
        .join("orders")
        .join(format!("{id}.json"))
}

/// The order file rewritten with another name, as another program would (the index not told).
fn rename_behind_the_index(root: &Path, tenant: &str, id: &str, from: &str, to: &str) {
    let path = order_file(root, tenant, id);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains(from), "{text}");
    std::fs::write(&path, text.replace(from, to)).unwrap_or_else(|e| panic!("{e}"));
}

fn names(app: &Root) -> Vec<String> {
    let mut names: Vec<String> = app.orders.iter().map(|s| s.name().to_string()).collect();
    names.sort();
    names
}

fn empty_board() -> Root {
    app_for_summaries(Vec::new(), &[], test_clock(), (120, 40))
}

#[test]
fn the_first_frame_is_each_tenants_index_and_the_read_after_it_is_what_the_files_say() {
    let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = temp.path();
    order_in(root, "northwind", "PO-NORTH1", "HQ lines");
    order_in(root, "woodgrove", "PO-WOOD1", "Branch office");
    rename_behind_the_index(root, "northwind", "PO-NORTH1", "HQ lines", "HQ lines moved");
    let broken = order_file(root, "woodgrove", "PO-BROKEN");
    std::fs::write(&broken, "{ not an order").unwrap_or_else(|e| panic!("{e}"));
    let before = crate::tenants::files(root);

    let mut app = empty_board();
    board_first_frame(&mut app, root);
    assert_eq!(
        names(&app),
        ["Branch office", "HQ lines"],
        "as the indexes say"
    );
    assert!(app.notices.is_empty(), "{:?}", app.notices);
    assert_eq!(app.tenants, ["northwind", "woodgrove"]);
    let board = app.board.as_ref().expect("on the board");
    assert_eq!(board.tenant("PO-WOOD1"), Some("woodgrove"));
    // Space marks the first row: the mark outlives the read.
    press(&mut app, KeyCode::Char(' '));
    let marked = app
        .marked()
        .iter()
        .map(|s| s.id().to_string())
        .collect::<Vec<_>>();

    update(&mut app, Msg::BoardChecked(Box::new(every_tenant(root))));
    assert_eq!(names(&app), ["Branch office", "HQ lines moved"]);
    let said = app.notices.join("\n");
    assert!(
        said.contains("tenant woodgrove") && said.contains("PO-BROKEN"),
        "{said}"
    );
    let still = app
        .marked()
        .iter()
        .map(|s| s.id().to_string())
        .collect::<Vec<_>>();
    assert_eq!(still, marked);
    assert!(render(&app).contains("HQ lines moved"), "{}", render(&app));
    assert!(broken.is_file(), "the board sets nothing aside");
    assert_eq!(
        crate::tenants::files(root),
        before,
        "the board wrote in a tenant"
    );
}

/// An order saved on the board while its tenants were being read: the read may have passed its
/// file before the save, so the runtime reads the files of the orders the app holds again.
#[test]
fn an_order_saved_while_the_board_is_read_keeps_what_was_saved() {
    let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = temp.path();
    let mut order = order_in(root, "northwind", "PO-NORTH1", "HQ lines");
    order_in(root, "woodgrove", "PO-WOOD1", "Branch office");
    let mut app = empty_board();
    board_first_frame(&mut app, root);
    let read_before_the_save = every_tenant(root);

    let (mut store, _) =
        Store::open_one(&tenants::dir(root, "northwind")).unwrap_or_else(|e| panic!("{e}"));
    let loaded = store.load("PO-NORTH1").unwrap_or_else(|e| panic!("{e}"));
    order.revision = loaded.order.revision;
    order.fields.order_name = "HQ lines, renamed".to_string();
    store.save_edit(&order).unwrap_or_else(|e| panic!("{e}"));
    app.upsert(
        store
            .get("PO-NORTH1")
            .unwrap_or_else(|e| panic!("{e}"))
            .order
            .clone(),
    );

    let msg = board_read(&app, root, read_before_the_save);
    update(&mut app, msg);
    assert_eq!(names(&app), ["Branch office", "HQ lines, renamed"]);
    let summary = summary_of(root, "northwind", "PO-NORTH1").map(|s| s.name().to_string());
    assert_eq!(summary.as_deref(), Some("HQ lines, renamed"));
    assert_eq!(
        summary_of(root, "northwind", "../woodgrove/orders/PO-WOOD1"),
        None
    );
    assert_eq!(summary_of(root, "../x", "PO-WOOD1"), None);
}

/// Once the app has left the board (`T`, a tenant's store), the board's read is not taken.
#[test]
fn the_boards_read_is_not_taken_off_the_board() {
    let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = temp.path();
    order_in(root, "northwind", "PO-NORTH1", "HQ lines");
    let mut app = empty_board();
    update(&mut app, Msg::BoardChecked(Box::new(every_tenant(root))));
    assert!(app.orders.is_empty() && app.board.is_none());
}

/// The board follows the disk while open (issue 28): an order file of one tenant changed,
/// removed or broken elsewhere is read again in that tenant's folder alone and the history
/// shows it; nothing is written or set aside; an id the board shows for another tenant is left
/// alone.
#[test]
fn the_board_follows_order_files_changed_on_disk() {
    use portwiz::tui::board_changes;
    use std::collections::BTreeSet;
    let temp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = temp.path();
    order_in(root, "northwind", "PO-NORTH1", "HQ lines");
    order_in(root, "woodgrove", "PO-WOOD1", "Branch office");
    let mut app = empty_board();
    board_first_frame(&mut app, root);
    update(&mut app, Msg::BoardChecked(Box::new(every_tenant(root))));
    let ids = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();

    rename_behind_the_index(root, "northwind", "PO-NORTH1", "HQ lines", "HQ lines moved");
    // A copy of woodgrove's order put in northwind's folder: the board shows it as woodgrove's.
    let copied = order_file(root, "northwind", "PO-WOOD1");
    std::fs::copy(order_file(root, "woodgrove", "PO-WOOD1"), &copied)
        .unwrap_or_else(|e| panic!("{e}"));
    let msg = board_changes(&mut app, root, "northwind", ids(&["PO-NORTH1", "PO-WOOD1"]));
    update(&mut app, msg.expect("a change"));
    assert_eq!(names(&app), ["Branch office", "HQ lines moved"]);
    let board = app.board.as_ref().expect("on the board");
    assert_eq!(board.tenant("PO-WOOD1"), Some("woodgrove"));

    // A new order, written by another window of northwind.
    let new = order_file(root, "northwind", "PO-NORTH2");
    let text = std::fs::read_to_string(order_file(root, "northwind", "PO-NORTH1"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&new, text.replace("PO-NORTH1", "PO-NORTH2")).unwrap_or_else(|e| panic!("{e}"));
    let msg = board_changes(&mut app, root, "northwind", ids(&["PO-NORTH2"]));
    update(&mut app, msg.expect("a change"));
    assert_eq!(app.orders.len(), 3);
    let board = app.board.as_ref().expect("on the board");
    assert_eq!(board.tenant("PO-NORTH2"), Some("northwind"));

    // Broken, then removed.
    let broken = order_file(root, "woodgrove", "PO-WOOD1");
    std::fs::write(&broken, "{ broken").unwrap_or_else(|e| panic!("{e}"));
    let before = crate::tenants::files(root);
    let msg = board_changes(&mut app, root, "woodgrove", ids(&["PO-WOOD1"]));
    update(&mut app, msg.expect("a notice"));
    assert!(
        app.notices.join("\n").contains("PO-WOOD1"),
        "{:?}",
        app.notices
    );
    assert_eq!(
        crate::tenants::files(root),
        before,
        "nothing written or set aside"
    );
    std::fs::remove_file(&broken).unwrap_or_else(|e| panic!("{e}"));
    let msg = board_changes(&mut app, root, "woodgrove", ids(&["PO-WOOD1"]));
    update(&mut app, msg.expect("a removal"));
    assert!(!names(&app).contains(&"Branch office".to_string()));
    assert!(render(&app).contains("HQ lines moved"), "{}", render(&app));
    assert!(board_changes(&mut app, root, "northwind", ids(&["../x"])).is_none());
}
