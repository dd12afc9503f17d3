//! Preflight from history on the app's Review: what the order's carrier rejected on earlier
//! orders, beside the readiness warnings, never blocking. The wizard asks the runtime once it
//! reaches Review (`Effect::Preflight`); the runtime reads the carrier's orders from the store.

use crate::support::{demo_app, demo_orders, open_order, press, render};
use crossterm::event::KeyCode;
use portwiz::domain::preflight;
use portwiz::store::Store;
use portwiz::tui::{Effect, Msg, Root, execute, update};

/// The demo app on the wizard's Review of a rejected order, with the effects its keys asked.
fn review_of(id: &str, size: (u16, u16)) -> (Root, Vec<Effect>) {
    let mut app = demo_app(size.0, size.1);
    open_order(&mut app, id);
    press(&mut app, KeyCode::Char('u'));
    let mut effects = Vec::new();
    for _ in 0..7 {
        effects.extend(press(&mut app, KeyCode::PageDown));
    }
    assert!(render(&app).contains("Review"), "{}", render(&app));
    (app, effects)
}

fn preflight_asked(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Preflight(order) => Some(order.id.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn review_shows_the_carriers_history_beside_the_readiness_warnings() {
    for size in [(80, 24), (120, 40)] {
        // Tailspin rejected the account number on the user's other order (PO-DEMO0003).
        let (mut app, effects) = review_of("PO-DEMO0007", size);
        assert_eq!(preflight_asked(&effects), ["PO-DEMO0007"], "asked once");
        let order = app.order("PO-DEMO0007").unwrap().clone();
        let warnings = preflight::warnings(&order, &demo_orders());
        assert!(!warnings.is_empty());
        update(
            &mut app,
            Msg::PreflightFound {
                order_id: order.id.clone(),
                carrier: portwiz::domain::insights::carrier_key(&order.fields.current_carrier),
                warnings: warnings.clone(),
            },
        );
        let screen = render(&app);
        assert!(
            screen.contains("⚠ From your history: Tailspin Communications rejected"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("review_preflight_{}x{}", size.0, size.1), screen);
        // Another key on Review does not ask again.
        assert!(preflight_asked(&press(&mut app, KeyCode::Down)).is_empty());
    }
}

#[test]
fn the_runtime_answers_from_the_store() {
    let dir = tempfile::TempDir::new().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    for order in demo_orders() {
        store.create(order).unwrap();
    }
    let order = store.get("PO-DEMO0007").unwrap().order.clone();
    let expected = preflight::warnings(&order, &demo_orders());
    match execute(&mut store, Effect::Preflight(Box::new(order))) {
        Some(Msg::PreflightFound {
            order_id, warnings, ..
        }) => {
            assert_eq!(order_id, "PO-DEMO0007");
            assert_eq!(warnings, expected);
        }
        other => panic!("{other:?}"),
    }
}
