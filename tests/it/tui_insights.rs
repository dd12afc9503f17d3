//! The insights screen (`i` on the history): per carrier, bars with the figures beside them,
//! readable without colour, scrolling when there are many carriers.

use crate::support::{demo_app, demo_orders, press, render, test_clock};
use crossterm::event::KeyCode;
use portwiz::domain::insights;
use portwiz::domain::summary::Summary;
use portwiz::tui::root::Screen;
use portwiz::tui::theme::Theme;
use portwiz::tui::{Effect, Msg, Root, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn insights_on(size: (u16, u16)) -> Root {
    let mut app = demo_app(size.0, size.1);
    let effects = press(&mut app, KeyCode::Char('i'));
    assert!(
        effects.is_empty(),
        "every demo order is at hand: {effects:?}"
    );
    assert!(matches!(app.top(), Screen::Insights(_)));
    app
}

#[test]
fn the_demo_insights_at_80x24_and_120x40() {
    for size in SIZES {
        let app = insights_on(size);
        let screen = render(&app);
        let figures = insights::compute(&demo_orders(), test_clock().now);
        let heading = format!(
            "Insights from {} orders ({} carriers)",
            crate::support::demo_count(),
            figures.carriers.len()
        );
        assert!(screen.contains(&heading), "{screen}");
        assert!(screen.contains("All carriers"), "{screen}");
        assert!(screen.contains("Rejected"), "{screen}");
        assert!(screen.contains("█"), "{screen}");
        insta::assert_snapshot!(format!("insights_{}x{}", size.0, size.1), screen);
    }
}

#[test]
fn the_figures_are_the_domains() {
    let app = insights_on((120, 40));
    let figures = insights::compute(&demo_orders(), test_clock().now);
    let screen = render(&app);
    let all = &figures.all;
    let rate = all.rejection_rate().unwrap() * 100.0;
    assert!(
        screen.contains(&format!(
            "{rate:.0}%  {} of {} (",
            all.rejected, all.submitted
        )),
        "{screen}"
    );
    let top = &figures.carriers[0];
    assert!(screen.contains(&top.carrier), "{screen}");
}

/// The screen's cells: (text, whether any cell has a colour).
fn cells(app: &Root) -> (String, bool) {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| {
            view(app, frame);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    let text = buffer.content.iter().map(|c| c.symbol()).collect();
    let coloured = buffer
        .content
        .iter()
        .any(|c| c.fg != Color::Reset || c.bg != Color::Reset);
    (text, coloured)
}

#[test]
fn without_colour_the_screen_says_the_same() {
    let mut app = insights_on((80, 24));
    app.theme = Theme::for_no_color(Some(std::ffi::OsStr::new("1")));
    let (plain, coloured) = cells(&app);
    assert!(!coloured, "NO_COLOR draws no colour");
    app.theme = Theme::for_no_color(None);
    let (colour, coloured) = cells(&app);
    assert!(coloured, "colours otherwise");
    // Bars and words carry the meaning: the text is the same either way.
    assert_eq!(plain, colour);
    app.theme = Theme::for_no_color(Some(std::ffi::OsStr::new("1")));
    insta::assert_snapshot!("insights_no_color_80x24", render(&app));
}

#[test]
fn many_carriers_scroll() {
    let mut orders = demo_orders();
    let template = orders[0].clone();
    for i in 0..30 {
        let mut order = template.clone();
        order.id = format!("PO-MANY{i:04}");
        order.fields.current_carrier = format!("Carrier {i:02}");
        orders.push(order);
    }
    // The carrier listed last, as the domain orders them (the demo's own come among these).
    let figures = insights::compute(&orders, test_clock().now);
    let last_carrier = figures
        .carriers
        .last()
        .map(|c| c.carrier.clone())
        .unwrap_or_default();
    assert!(figures.carriers.len() > 30);
    let mut app = Root::new(orders, test_clock(), (80, 24));
    press(&mut app, KeyCode::Char('i'));
    let first = render(&app);
    assert!(!first.contains(&last_carrier), "{first}");
    press(&mut app, KeyCode::Char('G'));
    let last = render(&app);
    assert!(last.contains(&last_carrier), "{last}");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(render(&app), first);
}

#[test]
fn from_summaries_alone_the_runtime_reads_the_orders() {
    let orders = demo_orders();
    let summaries: Vec<Summary> = orders.iter().map(Summary::of).collect();
    let mut app = Root::from_summaries(summaries, test_clock(), (80, 24));
    let effects = press(&mut app, KeyCode::Char('i'));
    assert_eq!(effects, [Effect::LoadInsights]);
    assert!(render(&app).contains("Reading every order"));
    let figures = insights::compute(&orders, test_clock().now);
    update(&mut app, Msg::InsightsLoaded(Box::new(figures)));
    let heading = format!("Insights from {} orders", crate::support::demo_count());
    assert!(render(&app).contains(&heading));
}

#[test]
fn the_history_lists_i_in_its_footer_and_help() {
    let mut app = demo_app(120, 40);
    assert!(render(&app).contains("i Stats"), "{}", render(&app));
    update(&mut app, Msg::ToggleHelp);
    assert!(render(&app).contains("Insights per carrier"));
}

/// Each carrier has a sparkline of the last weeks' submissions and rejections, with the numbers
/// beside it, as the domain counts them.
#[test]
fn sparklines_of_the_last_weeks_with_their_numbers() {
    use portwiz::domain::insights::weekly::{WEEKS, sparkline};
    let figures = insights::compute(&demo_orders(), test_clock().now);
    let all = &figures.all;
    let sent: usize = all.weekly.sent.iter().sum();
    assert!(sent > 0, "the demo orders were sent in the last weeks");
    let app = insights_on((120, 40));
    let screen = render(&app);
    let line = screen
        .lines()
        .find(|l| l.contains("Submitted/wk"))
        .unwrap_or_else(|| panic!("no sparkline in\n{screen}"));
    assert!(line.contains(&sparkline(&all.weekly.sent)), "{line}");
    assert!(line.contains(&format!("{sent} in {WEEKS} weeks")), "{line}");
    assert!(screen.contains("Rejections a week"), "{screen}");
}

/// In the real app the orders are read on a thread of their own (`Effect::LoadInsights`): the
/// answer reaches the screen through the runtime's channel, and keys still work after it.
#[test]
fn the_app_reads_the_orders_off_the_runtime_and_shows_them() {
    use crate::support::new_order;
    use crate::support::pty::{PtySession, TIMEOUT, keys};
    let dir = tempfile::tempdir().unwrap();
    new_order(dir.path(), "complete-order.json");
    new_order(dir.path(), "complete-order.json");
    let mut app = PtySession::spawn(
        env!("CARGO_BIN_EXE_portwiz"),
        &[],
        &[("PORTWIZ_DATA_DIR", dir.path())],
        100,
        30,
    )
    .unwrap();
    app.wait_for("Showing 2 of 2", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("i");
    let screen = app
        .wait_for("Insights from 2 orders", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(screen.contains("Submitted/wk"), "{screen}");
    app.send_then(keys::ESC, "Showing 2 of 2", TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.send("q");
    app.wait_exit(TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_app_names_as_many_rejected_fields_as_stats() {
    let app = insights_on((120, 40));
    let figures = insights::compute(&demo_orders(), test_clock().now);
    let groups = &figures.all.rejected_groups;
    assert!(groups.len() > 3, "the demo rejects more than three groups");
    let screen = render(&app);
    for group in groups.iter().take(insights::GROUPS_LISTED) {
        assert!(
            screen.contains(group.label),
            "{} missing:\n{screen}",
            group.label
        );
    }
}
