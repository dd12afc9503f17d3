//! Numbers one by one (issue 26.3): a rejection that names numbers marks them on the order with
//! the carrier's words (`reject`, `show`, `show --json`), `move-out` makes a draft of them and
//! leaves the rest ready to resubmit, and the marks survive an export and an import.

use crate::support::{new_order, order_file, run};

const CARRIER: &str = "Order rejected. 425-555-0101 belongs to another BAN; \
                       TN 4255550102 is disconnected. Contact us at 425-555-0199.";

/// The fixture order (…0100, …0101, …0102), submitted and rejected with [`CARRIER`].
fn rejected(dir: &std::path::Path) -> String {
    let id = new_order(dir, "complete-order.json");
    let submitted = run(dir, &["submit", &id]);
    assert_eq!(submitted.code, 0, "{}", submitted.stderr);
    let out = run(dir, &["reject", &id, "--text", CARRIER, "--force"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Numbers the carrier rejected"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "x +14255550101  not on the account: \"425-555-0101 belongs to another BAN;\""
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("x +14255550102  disconnected"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("+14255550199"), "{}", out.stdout);
    id
}

#[test]
fn a_rejection_marks_the_numbers_it_names_in_the_file_and_in_show() {
    let dir = tempfile::tempdir().unwrap();
    let id = rejected(dir.path());
    let file = order_file(dir.path(), &id);
    let marks = file["number_marks"].as_object().unwrap();
    assert_eq!(marks.len(), 2, "{file:#}");
    assert_eq!(marks["+14255550101"]["problem"], "not_on_account");
    assert_eq!(marks["+14255550102"]["problem"], "disconnected");

    let show = run(dir.path(), &["show", &id]);
    assert!(
        show.stdout.contains("Numbers the carrier rejected (2):"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains(&format!(
            "Move them out into a draft of their own: portwiz move-out {id}"
        )),
        "{}",
        show.stdout
    );
    let json = run(dir.path(), &["show", &id, "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        doc["number_marks"]["+14255550102"]["problem"],
        "disconnected"
    );
}

#[test]
fn move_out_makes_a_draft_of_the_marked_numbers_and_the_rest_resubmits() {
    let dir = tempfile::tempdir().unwrap();
    let id = rejected(dir.path());
    let out = run(dir.path(), &["move-out", &id]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let new_id = out.stdout.trim().to_string();
    assert!(new_id.starts_with("PO-") && new_id != id, "{}", out.stdout);
    assert!(out.stderr.contains("moved 2 number(s)"), "{}", out.stderr);
    assert!(out.stderr.contains("ready to resubmit"), "{}", out.stderr);

    let old = order_file(dir.path(), &id);
    assert_eq!(
        old["fields"]["numbers"],
        serde_json::json!(["+14255550100"])
    );
    assert!(old.get("number_marks").is_none(), "{old:#}");
    let last = old["history"].as_array().unwrap().last().unwrap().clone();
    assert!(last["note"].as_str().unwrap().contains(&new_id), "{last}");

    let new = order_file(dir.path(), &new_id);
    assert_eq!(new["status"], "draft");
    assert_eq!(
        new["fields"]["numbers"],
        serde_json::json!(["+14255550101", "+14255550102"])
    );
    assert_eq!(
        new["fields"]["account_number"],
        old["fields"]["account_number"]
    );
    assert_eq!(new["number_marks"].as_object().unwrap().len(), 2);
    assert!(new["history"][0]["note"].as_str().unwrap().contains(&id));

    let resubmitted = run(dir.path(), &["resubmit", &id]);
    assert_eq!(resubmitted.code, 0, "{}", resubmitted.stderr);
}

#[test]
fn move_out_of_named_numbers_and_its_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let id = rejected(dir.path());
    let before = order_file(dir.path(), &id);
    let stranger = run(dir.path(), &["move-out", &id, "425-555-0199"]);
    assert_eq!(stranger.code, 1, "{}", stranger.stderr);
    assert!(
        stranger.stderr.contains("not a number of order"),
        "{}",
        stranger.stderr
    );
    let all = run(
        dir.path(),
        &["move-out", &id, "4255550100", "4255550101", "4255550102"],
    );
    assert_eq!(all.code, 1, "{}", all.stderr);
    assert!(all.stderr.contains("every number"), "{}", all.stderr);
    assert_eq!(
        order_file(dir.path(), &id),
        before,
        "a refusal saves nothing"
    );

    let one = run(dir.path(), &["move-out", &id, "(425) 555-0101"]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    let old = order_file(dir.path(), &id);
    assert_eq!(
        old["fields"]["numbers"],
        serde_json::json!(["+14255550100", "+14255550102"])
    );
    assert_eq!(old["number_marks"].as_object().unwrap().len(), 1);

    let fresh = new_order(dir.path(), "complete-order.json");
    let nothing = run(dir.path(), &["move-out", &fresh]);
    assert_eq!(nothing.code, 1);
    assert!(
        nothing.stderr.contains("marked by the carrier"),
        "{}",
        nothing.stderr
    );
}

#[test]
fn the_marks_survive_an_export_and_an_import() {
    let dir = tempfile::tempdir().unwrap();
    let id = rejected(dir.path());
    let exported = dir.path().join("export.json");
    let path = exported.to_str().unwrap();
    assert_eq!(run(dir.path(), &["export", &id, "-o", path]).code, 0);
    let imported = run(dir.path(), &["import", path]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let copy = order_file(dir.path(), imported.stdout.trim());
    let original = order_file(dir.path(), &id);
    assert_eq!(copy["number_marks"], original["number_marks"]);
    // And the imported order moves them out as the original would.
    let out = run(dir.path(), &["move-out", imported.stdout.trim()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn an_order_file_without_marks_reads_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let file = order_file(dir.path(), &id);
    assert!(file.get("number_marks").is_none(), "{file:#}");
    let show = run(dir.path(), &["show", &id]);
    assert!(!show.stdout.contains("Numbers the carrier rejected"));
}

// ---- The app: the response dialog, the order page, the numbers list's `o` ----

use crate::support::{ctrl, open_order, press, render, test_clock};
use crossterm::event::KeyCode;
use portwiz::domain::order::RejectionInput;
use portwiz::domain::{Order, Status};
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, Root, update};

/// The fixture order as `PO-ONE`, submitted (and rejected with [`CARRIER`] when `rejected`).
fn app_order(rejected: bool) -> Order {
    let text = std::fs::read_to_string(crate::support::fixture("complete-order.json")).unwrap();
    let fields = portwiz::domain::document::parse(&text, false)
        .unwrap()
        .fields;
    let clock = test_clock();
    let mut order = Order::new("PO-ONE".into(), fields, clock.now);
    order.submit(clock).unwrap();
    if rejected {
        let input = RejectionInput {
            text: CARRIER.into(),
            ..Default::default()
        };
        order.reject(input, clock.now).unwrap();
    }
    order
}

fn saves(effects: &[Effect]) -> Vec<Order> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(order) => Some((**order).clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_response_dialog_names_the_numbers_it_will_mark_and_saving_marks_them() {
    let mut app = Root::new(vec![app_order(false)], test_clock(), (120, 40));
    open_order(&mut app, "PO-ONE");
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Enter); // a rejection
    update(&mut app, Msg::Paste(CARRIER.into()));
    let screen = render(&app);
    assert!(
        screen.contains("✗ Numbers it names, marked on saving: +14255550101 (not on the account)"),
        "{screen}"
    );
    let saved = saves(&ctrl(&mut app, 's'));
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].status, Status::CustomerActionRequired);
    assert_eq!(saved[0].marked_numbers().len(), 2);
}

#[test]
fn o_on_the_numbers_list_moves_the_rejected_numbers_out_after_a_yes() {
    let mut app = Root::new(vec![app_order(true)], test_clock(), (100, 30));
    open_order(&mut app, "PO-ONE");
    let page = render(&app);
    assert!(page.contains("+14255550101 ✗"), "{page}");
    assert!(page.contains("Numbers the carrier rejected (2)"), "{page}");
    assert!(
        page.contains("✗ +14255550102  disconnected: \"TN 4255550102 is disconnected.\""),
        "{page}"
    );

    press(&mut app, KeyCode::Char('N'));
    assert!(matches!(app.top(), Screen::Numbers(_)), "N opens the list");
    let list = render(&app);
    assert!(
        list.contains("Rejected by the carrier (2) · o moves them out"),
        "{list}"
    );
    assert!(
        list.contains("not on the account: \"425-555-0101 belongs"),
        "{list}"
    );
    assert!(list.contains("+14255550102 ✗"), "{list}");
    assert!(list.contains("o Move out"), "the footer offers it: {list}");

    // `o` asks; `n` leaves everything as it was.
    assert!(press(&mut app, KeyCode::Char('o')).is_empty());
    assert!(
        render(&app)
            .contains("Move the 2 number(s) the carrier rejected out into a new draft? y yes"),
        "{}",
        render(&app)
    );
    assert!(press(&mut app, KeyCode::Char('n')).is_empty());
    assert!(!render(&app).contains("? y yes"));

    press(&mut app, KeyCode::Char('o'));
    let effects = press(&mut app, KeyCode::Char('y'));
    assert_eq!(effects, vec![Effect::MoveOut("PO-ONE".into())]);
    // The runtime answers with a fresh id; the draft is created first, then the order saved.
    let effects = update(
        &mut app,
        Msg::MoveOutId {
            source: "PO-ONE".into(),
            id: "PO-TWO".into(),
        },
    );
    let [Effect::SaveMovedOut { draft, order }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(draft.id, "PO-TWO");
    assert_eq!(draft.fields.numbers, ["+14255550101", "+14255550102"]);
    assert_eq!(order.fields.numbers, ["+14255550100"]);
    assert!(
        matches!(app.top(), Screen::Order(_)),
        "back on the order's page"
    );
    let (draft, order) = (draft.clone(), order.clone());
    update(&mut app, Msg::MovedOut { draft, order });
    assert!(app.order("PO-TWO").is_some(), "the draft is in the history");
    let page = render(&app);
    assert!(
        page.contains(
            "Moved 2 number(s) out into the new draft PO-TWO “Redmond HQ main lines (moved out)”"
        ),
        "{page}"
    );
    assert!(!page.contains("Numbers the carrier rejected"), "{page}");
    assert!(page.contains("1 number: +14255550100"), "{page}");
}

#[test]
fn o_is_not_offered_without_marks_or_on_a_submitted_order() {
    let mut app = Root::new(vec![app_order(false)], test_clock(), (100, 30));
    open_order(&mut app, "PO-ONE");
    update(
        &mut app,
        Msg::Key(crossterm::event::KeyEvent::from(KeyCode::Char('N'))),
    );
    assert!(matches!(app.top(), Screen::Numbers(_)));
    assert!(!render(&app).contains("Move out"), "{}", render(&app));
    assert!(press(&mut app, KeyCode::Char('o')).is_empty());
    assert!(!render(&app).contains("y yes"));
}

#[test]
fn the_numbers_list_with_marks_fits_a_tiny_terminal() {
    let mut app = Root::new(vec![app_order(true)], test_clock(), (80, 24));
    open_order(&mut app, "PO-ONE");
    press(&mut app, KeyCode::Char('N'));
    let list = render(&app);
    assert!(list.contains("Rejected by the carrier (2)"), "{list}");
    assert!(list.lines().all(|l| l.chars().count() <= 80), "{list}");
}
