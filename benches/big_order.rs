//! An order of 10,000 numbers, a Phone Number Service Center case (issue 26; targets: it
//! validates in under 50 ms, and the app answers a key on it in under 50 ms). The app is driven
//! as the runtime drives it: a key through `update`, then a frame on a `TestBackend`, whose
//! layout flows back to `update`.

#[path = "support/mod.rs"]
#[allow(dead_code)] // The memory reading is the other benches'.
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::date;
use portwiz::domain::readiness::readiness;
use portwiz::domain::validate::validate;
use portwiz::domain::{Clock, FieldKey, FieldValue, Order};
use portwiz::tui::root::Screen;
use portwiz::tui::screens::numbers::NumbersPage;
use portwiz::tui::screens::order::OrderPage;
use portwiz::tui::wizard::{Start, Wizard};
use portwiz::tui::{Msg, Root, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

const NUMBERS: usize = 10_000;
const SIZE: (u16, u16) = (120, 40);

fn clock() -> Clock {
    Clock::fixed(date(2026, 11, 26))
}

/// The test fixture order with 10,000 numbers (+1 206 200-0000 on), the first the BTN.
fn big_order() -> Order {
    let mut order = support::fixture_order("PO-BIG".into(), NUMBERS, clock().now);
    let btn = order.fields.numbers[0].clone();
    order
        .fields
        .set(FieldKey::BillingTelephoneNumber, FieldValue::Text(btn));
    order
}

fn bench_validate(c: &mut Criterion) {
    let order = big_order();
    let today = clock().today;
    let mut group = c.benchmark_group("an order of 10,000 numbers");
    group.bench_function("validate (warm: each number checked before)", |b| {
        b.iter(|| validate(black_box(&order.fields), today))
    });
    group.bench_function("the readiness check (Review, submit)", |b| {
        b.iter(|| readiness(black_box(&order), today))
    });
    group.finish();
}

/// A key as the runtime hands it on, then the frame it draws (whose layout goes back to
/// `update`, as the runtime's loop does).
fn key_and_frame(app: &mut Root, code: KeyCode) -> usize {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    let mut drawn = Default::default();
    let Ok(mut terminal) = Terminal::new(TestBackend::new(SIZE.0, SIZE.1));
    let _ = terminal.draw(|frame| drawn = view(app, frame));
    update(app, Msg::Drawn(drawn));
    terminal.backend().buffer().content.len()
}

fn app_on(order: &Order, screen: Screen) -> Root {
    let mut app = Root::new(vec![order.clone()], clock(), SIZE);
    app.screens.push(screen);
    support::draw(&app, SIZE.0, SIZE.1);
    app
}

fn bench_keys(c: &mut Criterion) {
    let order = big_order();
    let mut group = c.benchmark_group("a key on an order of 10,000 numbers, then a frame");
    let mut page = app_on(&order, Screen::Order(OrderPage::new(order.id.clone())));
    let mut down = true;
    group.bench_function("order page: ↓ / ↑", |b| {
        b.iter(|| {
            down = !down;
            key_and_frame(&mut page, if down { KeyCode::Down } else { KeyCode::Up })
        })
    });
    let mut list = app_on(&order, Screen::Numbers(NumbersPage::of(&order, false)));
    group.bench_function("numbers list (N): PgDn, to the end and back", |b| {
        b.iter(|| {
            if let Some(Screen::Numbers(p)) = list.screens.last_mut()
                && p.scroll > 5_000
            {
                p.scroll = 0;
            }
            key_and_frame(&mut list, KeyCode::PageDown)
        })
    });
    let wizard = Wizard::open(order.clone(), clock(), Start::FirstStep);
    let mut steps = app_on(&order, Screen::Wizard(Box::new(wizard)));
    let mut forward = false;
    group.bench_function(
        "wizard: PgDn / PgUp between Get started and the numbers",
        |b| {
            b.iter(|| {
                forward = !forward;
                key_and_frame(
                    &mut steps,
                    if forward {
                        KeyCode::PageDown
                    } else {
                        KeyCode::PageUp
                    },
                )
            })
        },
    );
    let review = Wizard::open(order.clone(), clock(), Start::Resume);
    let mut resume = app_on(&order, Screen::Wizard(Box::new(review)));
    let mut next = true;
    group.bench_function("wizard where work is left: ↓ / ↑", |b| {
        b.iter(|| {
            next = !next;
            key_and_frame(&mut resume, if next { KeyCode::Down } else { KeyCode::Up })
        })
    });
    group.finish();
}

criterion_group!(benches, bench_validate, bench_keys);
criterion_main!(benches);
