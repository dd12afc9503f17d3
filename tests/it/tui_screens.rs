//! Whole-screen snapshots of the app on the demo orders at a fixed date, at 80×24 and 120×40.

use crate::support::{demo_app, open_order, render, test_clock};
use portwiz::tui::root::Screen;
use portwiz::tui::{Msg, Root, update};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot(name: &str, app: &Root) {
    let (w, h) = app.size;
    let screen = render(app);
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
}

#[test]
fn history() {
    for (w, h) in SIZES {
        let app = demo_app(w, h);
        let screen = render(&app);
        let n = crate::support::demo_count();
        assert!(
            screen.contains(&format!("Showing {n} of {n} orders")),
            "{screen}"
        );
        snapshot("history", &app);
    }
}

#[test]
fn filtered_history() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        update(
            &mut app,
            Msg::Key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Char('/'),
            )),
        );
        for c in "northwind".chars() {
            update(
                &mut app,
                Msg::Key(crossterm::event::KeyEvent::from(
                    crossterm::event::KeyCode::Char(c),
                )),
            );
        }
        let screen = render(&app);
        let shown = format!("Showing 3 of {} orders", crate::support::demo_count());
        assert!(screen.contains(&shown), "{screen}");
        assert!(screen.contains("Filter: northwind"), "{screen}");
        snapshot("history_filtered", &app);
    }
}

/// One order of each status, and what its banner must say.
const BANNERS: [(&str, &str, &[&str]); 7] = [
    (
        "draft",
        "PO-DEMO0001",
        &["✎ Draft", "Not submitted yet", "Press u to edit"],
    ),
    (
        "submitted",
        "PO-DEMO0002",
        &["→ Submitted", "3–5 business days"],
    ),
    (
        "customer_action_required",
        "PO-DEMO0003",
        &[
            "rejected by the current carrier",
            "Press u to update",
            "The account number provided doesn't match",
            "Fields concerned: Account number",
            "Recommended action: Update the Account number field",
            "Customer Service Record (CSR)",
        ],
    ),
    (
        "support_engaged",
        "PO-DEMO0009",
        &[
            "Microsoft support engaged: nothing for you to do",
            "Microsoft support will resubmit it",
            "Support ticket: SR-2611210043",
        ],
    ),
    (
        "foc_confirmed",
        "PO-DEMO0010",
        &["port on Thu 2026-12-03 at 10:00"],
    ),
    ("completed", "PO-DEMO0011", &["✓ Completed", "have ported"]),
    (
        "cancelled",
        "PO-DEMO0012",
        &["✗ Cancelled", "was cancelled"],
    ),
];

#[test]
fn order_page_banner_for_every_status() {
    for (name, id, expected) in BANNERS {
        for (w, h) in SIZES {
            let mut app = demo_app(w, h);
            open_order(&mut app, id);
            let screen = render(&app);
            for text in expected {
                assert!(
                    screen.contains(text),
                    "{name} {w}x{h}: no {text:?} in\n{screen}"
                );
            }
            snapshot(&format!("order_{name}"), &app);
        }
    }
}

#[test]
fn rejected_fields_are_marked_with_words_and_the_pin_is_masked() {
    let mut app = demo_app(120, 40);
    open_order(&mut app, "PO-DEMO0005");
    let max = portwiz::tui::screens::order::view::max_scroll(&app, "PO-DEMO0005");
    let mut seen = String::new();
    for scroll in (0..max).step_by(30).chain([max]) {
        if let Some(Screen::Order(page)) = app.screens.last_mut() {
            page.scroll = scroll;
        }
        seen.push_str(&render(&app));
    }
    let pin_line = seen
        .lines()
        .find(|l| l.contains("Account PIN") && l.contains("◀ rejected by carrier"));
    assert!(
        pin_line.is_some_and(|l| l.contains("▶") && l.contains("••••")),
        "{seen}"
    );
    assert!(!seen.contains("4417"), "the PIN leaked:\n{seen}");
    assert!(seen.contains("History (times in UTC)"));
}

#[test]
fn help_lists_the_keys_of_the_screen() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        update(&mut app, Msg::ToggleHelp);
        snapshot("help_history", &app);
        let mut screen = render(&app);
        if screen.contains("more (↑↓ PgDn)") {
            // At 80×24 the history's help scrolls (t, m, T and I joined it): the rest is one
            // page down.
            crate::support::draw(&mut app);
            crate::support::press(&mut app, crossterm::event::KeyCode::PageDown);
            screen.push_str(&render(&app));
        }
        for text in [
            "Keys: order history",
            "Filter by name",
            "Ctrl-C",
            "Sort by the next column",
        ] {
            assert!(screen.contains(text), "no {text:?} in\n{screen}");
        }
    }
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0003");
    update(&mut app, Msg::ToggleHelp);
    let screen = render(&app);
    assert!(screen.contains("Keys: order page") && screen.contains("Update a rejected order"));
    snapshot("help_order_page", &app);
}

#[test]
fn welcome_on_an_empty_store() {
    for (w, h) in SIZES {
        let app = Root::new(Vec::new(), test_clock(), (w, h));
        let screen = render(&app);
        assert!(screen.contains("Welcome to portwiz"), "{screen}");
        assert!(
            screen.contains("demo copy of orders; your store stays empty"),
            "{screen}"
        );
        snapshot("welcome", &app);
    }
}

#[test]
fn too_small_says_so() {
    for (w, h) in [(79, 24), (80, 23), (40, 10)] {
        let app = demo_app(w, h);
        let screen = render(&app);
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&format!("Terminal too small (need 80×24, have {w}×{h})")),
            "{screen}"
        );
        // Plain mode works at any size: the screen says so.
        assert!(flat.contains("portwiz --plain"), "{screen}");
        snapshot("too_small", &app);
    }
}

#[test]
fn store_notices_are_shown_until_dismissed() {
    let mut app = demo_app(80, 24);
    app.notices = vec!["/data/orders/PO-X.json could not be read (expected value at line 1 column 1); it was moved to /data/quarantine/PO-X.json.20261126T120000Z and nothing was deleted".into()];
    let screen = render(&app);
    assert!(
        screen.contains("found something you should know") && screen.contains("could not be read"),
        "{screen}"
    );
    snapshot("notices", &app);
    update(&mut app, Msg::DismissNotices);
    assert!(!render(&app).contains("could not be read"));
}

#[test]
fn outside_text_is_cleaned_before_drawing() {
    let mut orders = crate::support::demo_orders();
    orders[0].fields.order_name = "Evil\u{1b}[2J\u{202E}name".into();
    let app = Root::new(orders, test_clock(), (100, 30));
    let screen = render(&app);
    assert!(screen.contains("Evil\u{FFFD}"), "{screen}");
    assert!(
        !screen.contains("[2J") && !screen.contains('\u{202E}'),
        "{screen}"
    );
    assert!(!screen.contains('\u{1b}'));
}

/// Help that does not fit scrolls, and always says how it closes and that more is below.
#[test]
fn help_scrolls_when_its_keys_do_not_fit() {
    use crate::support::{draw, press};
    use crossterm::event::KeyCode;
    // At 120×40 every key of the order page shows, and so does how help closes.
    let mut app = demo_app(120, 40);
    open_order(&mut app, "PO-DEMO0003");
    update(&mut app, Msg::ToggleHelp);
    let whole = render(&app);
    assert!(whole.contains("Esc, ? or F1 closes"), "{whole}");
    assert!(whole.contains("also inside text fields"), "{whole}");
    assert!(!whole.contains("more (↑↓ PgDn)"), "{whole}");
    draw(&mut app);
    assert!(
        !render(&app).contains("↑↓/PgDn Scroll"),
        "nothing to scroll"
    );
    // At 80×24 its keys (m, the e-mails, joined them) are more than the rows: help scrolls, and
    // the rest is one page down.
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0003");
    update(&mut app, Msg::ToggleHelp);
    draw(&mut app);
    let first = render(&app);
    assert!(first.contains("more (↑↓ PgDn)"), "{first}");
    press(&mut app, KeyCode::PageDown);
    let rest = render(&app);
    assert!(rest.contains("also inside text fields"), "{rest}");
    assert!(rest.contains("Mail: the e-mail that unblocks"), "{rest}");
    // With the store's notices above the screen help has fewer rows: it scrolls.
    let mut app = demo_app(80, 24);
    app.app.notices = vec!["A file was set aside".to_string(); 2];
    open_order(&mut app, "PO-DEMO0003");
    update(&mut app, Msg::ToggleHelp);
    draw(&mut app);
    let first = render(&app);
    assert!(first.contains("Esc, ? or F1 closes"), "{first}");
    assert!(first.contains("more (↑↓ PgDn)"), "{first}");
    assert!(first.contains("↑↓/PgDn Scroll"), "{first}");
    assert!(!first.contains("also inside text fields"), "{first}");
    press(&mut app, KeyCode::PageDown);
    let end = render(&app);
    assert!(end.contains("also inside text fields"), "{end}");
    assert!(
        end.contains("Esc, ? or F1 closes") && end.contains("above"),
        "{end}"
    );
    // No further than the end.
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(render(&app), end);
    press(&mut app, KeyCode::Char('k'));
    assert_ne!(render(&app), end);
    // Closing and opening again starts at the top.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('?'));
    draw(&mut app);
    assert_eq!(render(&app), first);
}

/// At 80 columns the order page's footer still names the hand-off.
#[test]
fn order_page_footer_names_the_handoff_at_80_columns() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        open_order(&mut app, "PO-DEMO0003");
        let screen = render(&app);
        let footer = screen.lines().nth(usize::from(h) - 1).unwrap_or("");
        assert!(footer.contains("t Hand-off"), "{screen}");
        assert!(
            footer.contains("? Help") && footer.contains("q Quit"),
            "{screen}"
        );
    }
}

/// Issue 23, point 4: a store without an index draws its first frame at once, a progress bar
/// while the orders are read on a thread, then the history when the read is done.
#[test]
fn a_cold_store_shows_a_progress_bar_then_the_history() {
    use portwiz::domain::summary::Summary;
    for size in [(80, 24), (120, 40)] {
        let mut app = Root::from_summaries(Vec::new(), crate::support::test_clock(), size);
        app.reading = Some((0, 0));
        crate::support::draw(&mut app);
        assert!(crate::support::render(&app).contains("Listing the order files"));
        update(&mut app, Msg::Reading(12_345, 100_000));
        let screen = crate::support::render(&app);
        assert!(screen.contains("12,345 of 100,000"), "{screen}");
        assert!(!screen.contains("no orders in this store"), "{screen}");
        insta::assert_snapshot!(format!("cold_store_reading_{}x{}", size.0, size.1), screen);
        // n starts a new order meanwhile; d (the demo copy) is not offered.
        assert!(
            screen.contains("New order") && !screen.contains("Demo"),
            "{screen}"
        );
        let summaries: Vec<Summary> = crate::support::demo_orders()
            .iter()
            .map(Summary::of)
            .collect();
        update(
            &mut app,
            Msg::StoreChecked {
                summaries,
                notices: Vec::new(),
            },
        );
        let screen = crate::support::render(&app);
        assert!(screen.contains("Order history"), "{screen}");
        assert!(app.reading.is_none());
    }
}

/// The order page's history in the app's zone (the runtime takes it from `TZ`), named in its
/// heading.
#[test]
fn the_order_pages_history_is_in_the_local_zone() {
    let mut app = crate::support::demo_app(100, 200);
    app.zone = jiff::tz::TimeZone::get("Asia/Tokyo").unwrap();
    crate::support::open_order(&mut app, "PO-DEMO0002");
    let screen = crate::support::render(&app);
    assert!(screen.contains("History (times in Asia/Tokyo)"), "{screen}");
    assert!(!screen.contains("(times in UTC)"), "{screen}");
}

/// Counts of numbers are written one way everywhere: "2,000 numbers" on the order's page, on its
/// numbers screen (`N`), never "2000 numbers".
#[test]
fn a_count_of_numbers_has_thousands_everywhere() {
    let mut orders = crate::support::demo_orders();
    let order = &mut orders[0];
    order.fields.numbers = (0..2000).map(|i| format!("+1312555{i:04}")).collect();
    let id = order.id.clone();
    let mut app = Root::new(orders, test_clock(), (100, 30));
    open_order(&mut app, &id);
    let page = render(&app);
    assert!(page.contains("2,000 numbers"), "{page}");
    crate::support::press(&mut app, crossterm::event::KeyCode::Char('N'));
    let numbers = render(&app);
    assert!(numbers.contains("2,000 numbers"), "{numbers}");
    assert!(!numbers.contains("2000 numbers") && !page.contains("2000 numbers"));
}
