//! The e-mails that unblock a port on an order's page (`m`): the asks that fit the order, the
//! suggested first, the chosen one previewed; Enter copies it whole (OSC 52, `Effect::Copy`),
//! never with the PIN; at 80x24 and 120x40.

use crate::support::{demo_app, demo_orders, open_order, press, render, test_clock};
use crossterm::event::KeyCode;
use portwiz::domain::asks;
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Root};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
/// Rejected by the carrier, with a PIN: every e-mail fits.
const REJECTED: &str = "PO-DEMO0005";

fn asks_on(size: (u16, u16), id: &str) -> Root {
    let mut app = demo_app(size.0, size.1);
    open_order(&mut app, id);
    press(&mut app, KeyCode::Char('m'));
    assert!(matches!(app.top(), Screen::Asks(_)));
    app
}

#[test]
fn the_asks_that_fit_are_listed_suggested_first_with_a_preview() {
    let order = demo_orders()
        .into_iter()
        .find(|o| o.id == REJECTED)
        .unwrap();
    let kinds = asks::fitting(&order, test_clock());
    assert!(kinds.len() > 1, "{kinds:?}");
    for size in SIZES {
        let app = asks_on(size, REJECTED);
        let screen = render(&app);
        assert!(
            screen.contains(&format!(
                "▸ {:<10} {}  (suggested)",
                kinds[0].key(),
                kinds[0].label()
            )),
            "{screen}"
        );
        assert!(screen.contains("To: "), "{screen}");
        assert!(screen.contains("Subject: "), "{screen}");
        assert!(screen.contains("Enter Copy"), "{screen}");
        insta::assert_snapshot!(format!("asks_{}x{}", size.0, size.1), screen);
    }
}

#[test]
fn enter_copies_the_chosen_email_whole_and_never_the_pin() {
    let order = demo_orders()
        .into_iter()
        .find(|o| o.id == REJECTED)
        .unwrap();
    let kinds = asks::fitting(&order, test_clock());
    let mut app = asks_on((80, 24), REJECTED);
    press(&mut app, KeyCode::Down);
    assert!(render(&app).contains(&format!("▸ {}", kinds[1].key())));
    let effects = press(&mut app, KeyCode::Enter);
    let text = asks::ask(&order, kinds[1], test_clock()).text();
    assert_eq!(effects, [Effect::Copy(text.clone())]);
    let pin = order.fields.pin.expose();
    assert!(!pin.is_empty() && !text.contains(pin), "{text}");
    let screen = render(&app);
    assert!(screen.contains("portwiz sends nothing"), "{screen}");
    // Every e-mail that fits, copied: none holds the PIN.
    for kind in kinds {
        assert!(!asks::ask(&order, kind, test_clock()).text().contains(pin));
    }
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Order(_)));
}

#[test]
fn a_long_email_scrolls_with_pgdn_and_a_closed_order_has_nothing_to_ask() {
    let mut app = asks_on((80, 24), REJECTED);
    let before = render(&app);
    assert!(before.contains("more lines (PgDn)"), "{before}");
    crate::support::draw(&mut app);
    press(&mut app, KeyCode::PageDown);
    let after = render(&app);
    assert_ne!(before, after);
    assert!(after.contains("Thank you"), "{after}");
    // A completed order: nothing left to unblock.
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0011");
    press(&mut app, KeyCode::Char('m'));
    assert!(render(&app).contains("Nothing to ask: the order is completed."));
}
