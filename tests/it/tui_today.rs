//! The Today screen (`t` on the history): what needs the user now, most urgent first, with a
//! cursor; Enter opens the order; the same list as `portwiz today`.

use crate::support::{demo_app, demo_orders, press, render, test_clock};
use crossterm::event::KeyCode;
use portwiz::domain::today;
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, Root, update};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn today_on(size: (u16, u16)) -> Root {
    let mut app = demo_app(size.0, size.1);
    let effects = press(&mut app, KeyCode::Char('t'));
    assert!(
        effects.is_empty(),
        "every demo order is at hand: {effects:?}"
    );
    assert!(matches!(app.top(), Screen::Today(_)));
    app
}

#[test]
fn the_demo_today_at_80x24_and_120x40() {
    let items = today::today(&demo_orders(), test_clock());
    assert!(!items.is_empty());
    for size in SIZES {
        let app = today_on(size);
        let screen = render(&app);
        assert!(screen.contains("Today, 2026-11-26"), "{screen}");
        assert!(screen.contains(items[0].need.title()), "{screen}");
        assert!(screen.contains(&items[0].id), "{screen}");
        assert!(screen.contains("Enter Open"), "{screen}");
        insta::assert_snapshot!(format!("today_{}x{}", size.0, size.1), screen);
    }
}

#[test]
fn the_cursor_moves_and_enter_opens_its_order() {
    let items = today::today(&demo_orders(), test_clock());
    let mut app = today_on((80, 24));
    press(&mut app, KeyCode::Down);
    let screen = render(&app);
    assert!(
        screen.contains(&format!("▸ {} · {}", items[1].need.title(), items[1].id)),
        "{screen}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.top(), Screen::Order(_)));
    assert!(render(&app).contains(&items[1].id));
    // Esc from the order goes back to Today.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Today(_)));
    // Esc from Today goes back to the history.
    let mut app = today_on((80, 24));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Home(_)));
}

#[test]
fn when_the_orders_are_not_at_hand_they_are_read_and_the_list_follows() {
    let mut app = demo_app(80, 24);
    let ids: Vec<String> = app.app.loaded.keys().cloned().collect();
    app.app.loaded.clear();
    let effects = press(&mut app, KeyCode::Char('t'));
    assert!(effects.contains(&Effect::LoadToday), "{effects:?}");
    assert!(render(&app).contains("Reading every order…"));
    let items = today::today(&demo_orders(), test_clock());
    update(&mut app, Msg::TodayLoaded(items.clone()));
    assert!(render(&app).contains(&items[0].id));
    // Enter on an order not at hand reads it, and its page opens when it comes.
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects, [Effect::Load(items[0].id.clone())]);
    let order = demo_orders()
        .into_iter()
        .find(|o| o.id == items[0].id)
        .unwrap();
    update(&mut app, Msg::Loaded(Box::new(order)));
    assert!(matches!(app.top(), Screen::Order(_)), "{ids:?}");
}

#[test]
fn a_tiny_terminal_says_so_and_the_list_comes_back_at_a_good_size() {
    let mut app = today_on((80, 24));
    update(&mut app, Msg::Resize(60, 15));
    assert!(render(&app).contains("Terminal too small"));
    update(&mut app, Msg::Resize(80, 24));
    assert!(render(&app).contains("Today, 2026-11-26"));
}
