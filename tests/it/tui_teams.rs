//! "Import a Teams export" (`I` on the history), driven through `update`: the path at its field
//! (a bad file said there, the path kept), the results per order (ported, FOC accepted, missing
//! after the FOC) and the numbers no order holds, then `a` asks with the count and records
//! through the runtime (`Effect::RecordTeamsCheck`); at 80x24 and 120x40.

use crate::support::{demo_app, demo_orders, press, render, typed};
use crossterm::event::KeyCode;
use portwiz::domain::Clock;
use portwiz::domain::reconcile::{Applied, Check, PortSignal, TeamsNumber, apply};
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, Root, update};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
/// PO-DEMO0010's FOC is 2026-12-03: the day after, 18 of its 20 numbers show ported.
const DAY_AFTER_FOC: jiff::civil::Date = jiff::civil::date(2026, 12, 4);

/// What an export says: PO-DEMO0010's numbers ported but its last two, PO-DEMO0015's FOC
/// accepted, and a ported number no order holds.
fn export() -> Vec<TeamsNumber> {
    let orders = demo_orders();
    let numbers = |id: &str| {
        (orders.iter().find(|o| o.id == id))
            .map(|o| o.fields.numbers.clone())
            .unwrap()
    };
    let teams = |number: &str, port| TeamsNumber {
        number: number.to_string(),
        port,
    };
    let mut out: Vec<TeamsNumber> = (numbers("PO-DEMO0010").iter().take(18))
        .map(|n| teams(n, PortSignal::Completed))
        .collect();
    out.extend((numbers("PO-DEMO0015").iter()).map(|n| teams(n, PortSignal::FocAccepted)));
    out.push(teams("+13035559999", PortSignal::Completed));
    out
}

fn check() -> Check {
    Check::new(
        &demo_orders(),
        &export(),
        Clock::fixed(DAY_AFTER_FOC),
        "export-acquired.csv",
    )
}

fn teams_on(size: (u16, u16)) -> Root {
    let mut app = demo_app(size.0, size.1);
    assert!(press(&mut app, KeyCode::Char('I')).is_empty());
    assert!(matches!(app.top(), Screen::Teams(_)));
    app
}

fn results_on(size: (u16, u16)) -> Root {
    let mut app = teams_on(size);
    typed(&mut app, "export-acquired.csv");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(
        effects,
        [Effect::CheckTeamsExport("export-acquired.csv".into())]
    );
    update(&mut app, Msg::TeamsChecked(Ok(Box::new(check()))));
    app
}

#[test]
fn the_path_prompt_says_a_bad_file_at_the_field_and_keeps_the_path() {
    for size in SIZES {
        let app = teams_on(size);
        let screen = render(&app);
        assert!(screen.contains("Export (CSV or JSON):"), "{screen}");
        assert!(screen.contains("Export-CsAcquiredPhoneNumber"), "{screen}");
        insta::assert_snapshot!(format!("teams_path_{}x{}", size.0, size.1), screen);
    }
    let mut app = teams_on((80, 24));
    // Nothing typed: said at the field, nothing asked of the runtime.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(render(&app).contains("✗ Type the path of the export"));
    typed(&mut app, "/nowhere/export.csv");
    assert!(!press(&mut app, KeyCode::Enter).is_empty());
    update(
        &mut app,
        Msg::TeamsChecked(Err("export.csv: line 4: “x” is not a phone number".into())),
    );
    let screen = render(&app);
    assert!(screen.contains("✗ export.csv: line 4"), "{screen}");
    assert!(
        screen.contains("/nowhere/export.csv"),
        "the path stays: {screen}"
    );
    insta::assert_snapshot!("teams_bad_file_80x24", screen);
    // Esc leaves for the history.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Home(_)));
}

#[test]
fn the_results_say_per_order_what_teams_shows() {
    for size in SIZES {
        let app = results_on(size);
        let screen = render(&app);
        assert!(
            screen.contains("Read 24 numbers from export-acquired.csv"),
            "{screen}"
        );
        assert!(screen.contains("PO-DEMO0010"), "{screen}");
        assert!(screen.contains("Ported: 18 of 20"), "{screen}");
        assert!(
            screen.contains("Missing after the FOC date: 2 of 20"),
            "{screen}"
        );
        assert!(screen.contains("FOC accepted: 5 of 5"), "{screen}");
        assert!(
            screen.contains("held by no order: 1 (+13035559999)"),
            "{screen}"
        );
        assert!(screen.contains("a Record"), "{screen}");
        insta::assert_snapshot!(format!("teams_results_{}x{}", size.0, size.1), screen);
    }
}

#[test]
fn a_records_after_a_question_with_the_count() {
    let mut app = results_on((80, 24));
    assert!(press(&mut app, KeyCode::Char('a')).is_empty());
    let screen = render(&app);
    assert!(screen.contains("Record the check?"), "{screen}");
    assert!(screen.contains("shows: 1 order noted in its"), "{screen}");
    insta::assert_snapshot!("teams_confirm_80x24", screen);
    // No: nothing recorded, the results back.
    assert!(press(&mut app, KeyCode::Char('n')).is_empty());
    assert!(!render(&app).contains("Record the check?"));
    press(&mut app, KeyCode::Char('a'));
    let effects = press(&mut app, KeyCode::Char('y'));
    assert_eq!(effects, [Effect::RecordTeamsCheck(Box::new(check()))]);

    // The runtime records it as `reconcile --apply` does; the app holds the order as saved.
    let check = check();
    let mut order = (demo_orders().into_iter())
        .find(|o| o.id == "PO-DEMO0010")
        .unwrap();
    let result = check
        .report
        .orders
        .iter()
        .find(|r| r.id == order.id)
        .unwrap();
    let applied = apply(
        &mut order,
        result,
        Clock::fixed(DAY_AFTER_FOC),
        &check.source,
    );
    assert!(matches!(applied, Applied::Noted(_)));
    update(
        &mut app,
        Msg::TeamsRecorded {
            orders: vec![order.clone()],
            lines: vec!["PO-DEMO0010: noted in its history".into()],
            problems: Vec::new(),
        },
    );
    assert_eq!(app.app.order("PO-DEMO0010"), Some(&order));
    let screen = render(&app);
    assert!(
        screen.contains("PO-DEMO0010: noted in its history"),
        "{screen}"
    );
    assert!(
        !screen.contains("a Record"),
        "nothing new to record: {screen}"
    );
    // Again: nothing new to record, and no question.
    press(&mut app, KeyCode::Char('a'));
    assert!(!render(&app).contains("Record the check?"));
}

#[test]
fn esc_goes_back_to_the_path_kept_and_a_tiny_terminal_says_so() {
    let mut app = results_on((80, 24));
    press(&mut app, KeyCode::Esc);
    let screen = render(&app);
    assert!(screen.contains("export-acquired.csv"), "{screen}");
    assert!(screen.contains("Export (CSV or JSON):"), "{screen}");
    let mut app = results_on((80, 24));
    update(&mut app, Msg::Resize(60, 15));
    assert!(render(&app).contains("Terminal too small"));
    update(&mut app, Msg::Resize(80, 24));
    assert!(render(&app).contains("Missing after the FOC date"));
}

#[test]
fn the_order_page_says_the_numbers_missing_after_the_foc() {
    let check = check();
    let mut order = (demo_orders().into_iter())
        .find(|o| o.id == "PO-DEMO0010")
        .unwrap();
    let result = check
        .report
        .orders
        .iter()
        .find(|r| r.id == order.id)
        .unwrap();
    apply(
        &mut order,
        result,
        Clock::fixed(DAY_AFTER_FOC),
        &check.source,
    );
    let mut app = Root::new(vec![order], Clock::fixed(DAY_AFTER_FOC), (80, 24));
    crate::support::open_order(&mut app, "PO-DEMO0010");
    let screen = render(&app);
    assert!(
        screen.contains(
            "⚠ The port date 2026-12-03 10:00 passed 1 day ago: Teams does not show 2 of"
        ),
        "{screen}"
    );
    assert!(
        screen.contains("20 numbers ported after the FOC date"),
        "{screen}"
    );
}
