//! An order of 10,000 numbers, a Phone Number Service Center case (issue 26; targets: it
//! validates in under 50 ms, and the app answers a key on it in under 50 ms). The app is driven
//! as the runtime drives it: a key through `update`, then a frame on a `TestBackend`, whose
//! layout flows back to `update`. A key that goes back and forth (↓ then ↑) is timed as the
//! mean of the pair; a key that opens or closes a screen is timed alone, on a fresh app.

#[path = "support/mod.rs"]
#[allow(dead_code)] // The memory reading is the other benches'.
mod support;

use criterion::{BatchSize, BenchmarkGroup, Criterion, criterion_group, criterion_main};
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

type Group<'a> = BenchmarkGroup<'a, criterion::measurement::WallTime>;

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
    let mut edited = order.fields.clone();
    let mut flip = false;
    group.bench_function(
        "validate after one number changed (the list is new, its numbers are not)",
        |b| {
            b.iter(|| {
                flip = !flip;
                edited.numbers[NUMBERS / 2] =
                    format!("+1206{:07}", if flip { 3_000_000 } else { 3_000_001 });
                validate(black_box(&edited), today)
            })
        },
    );
    group.bench_function("the case export (export --format case)", |b| {
        b.iter(|| portwiz::domain::export::case::render(black_box(&order)))
    });
    group.finish();
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A key as the runtime hands it on, then the frame it draws (whose layout goes back to
/// `update`, as the runtime's loop does).
fn key_and_frame(app: &mut Root, code: KeyCode) -> usize {
    update(app, key(code));
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

/// The app on the order's page, after these keys (each drawn).
fn after_keys(order: &Order, keys: &[KeyCode]) -> Root {
    let mut app = app_on(order, Screen::Order(OrderPage::new(order.id.clone())));
    for code in keys {
        key_and_frame(&mut app, *code);
    }
    app
}

/// Keys pressed in turn, one an iteration (the time is their mean), on the app `keys_before`
/// leads to from the order's page.
fn cycle(group: &mut Group, name: &str, order: &Order, keys_before: &[KeyCode], keys: &[KeyCode]) {
    group.bench_function(name, |b| {
        let mut app = after_keys(order, keys_before);
        let mut next = 0;
        b.iter(|| {
            let code = keys[next];
            next = (next + 1) % keys.len();
            key_and_frame(&mut app, code)
        })
    });
}

/// One key, alone, on a fresh app that `keys_before` led to from the order's page.
fn once(group: &mut Group, name: &str, order: &Order, keys_before: &[KeyCode], code: KeyCode) {
    group.bench_function(name, |b| {
        b.iter_batched(
            || after_keys(order, keys_before),
            |mut app| key_and_frame(&mut app, code),
            BatchSize::PerIteration,
        )
    });
}

fn bench_pages(c: &mut Criterion) {
    use KeyCode::{Char, Down, Esc, PageDown, Up};
    let order = big_order();
    let mut group = c.benchmark_group("a key on an order of 10,000 numbers, then a frame");
    cycle(&mut group, "order page: ↓ / ↑", &order, &[], &[Down, Up]);
    once(
        &mut group,
        "order page: N opens the numbers list",
        &order,
        &[],
        Char('N'),
    );
    group.bench_function("numbers list (N): PgDn, to the end and back", |b| {
        let mut list = app_on(&order, Screen::Numbers(NumbersPage::of(&order, false)));
        b.iter(|| {
            if let Some(Screen::Numbers(p)) = list.screens.last_mut()
                && p.scroll > 5_000
            {
                p.scroll = 0;
            }
            key_and_frame(&mut list, PageDown)
        })
    });
    once(
        &mut group,
        "order page: t opens the hand-off",
        &order,
        &[],
        Char('t'),
    );
    cycle(
        &mut group,
        "hand-off: ↓ / ↑",
        &order,
        &[Char('t')],
        &[Down, Up],
    );
    once(
        &mut group,
        "order page: u opens the wizard where work is left",
        &order,
        &[],
        Char('u'),
    );
    once(
        &mut group,
        "wizard: Esc closes it",
        &order,
        &[Char('u')],
        Esc,
    );
    group.finish();
}

fn bench_wizard(c: &mut Criterion) {
    use KeyCode::{Backspace, Char, Down, PageDown, PageUp, Tab, Up};
    let order = big_order();
    let mut group =
        c.benchmark_group("a key in the wizard on an order of 10,000 numbers, then a frame");
    group.bench_function("PgDn / PgUp between Get started and the numbers", |b| {
        let wizard = Wizard::open(order.clone(), clock(), Start::FirstStep);
        let mut app = app_on(&order, Screen::Wizard(Box::new(wizard)));
        let keys = [PageDown, PageUp];
        let mut next = 0;
        b.iter(|| {
            let code = keys[next];
            next = (next + 1) % keys.len();
            key_and_frame(&mut app, code)
        })
    });
    let resumed = [Char('u')];
    cycle(
        &mut group,
        "where work is left: ↓ / ↑ (the next field, back)",
        &order,
        &resumed,
        &[Down, Up],
    );
    cycle(
        &mut group,
        "a letter typed in a field, then Backspace",
        &order,
        &resumed,
        &[Char('x'), Backspace],
    );
    let numbers_step = [Char('u'), PageUp, PageUp, PageUp];
    cycle(
        &mut group,
        "the numbers area: a digit typed, then Backspace",
        &order,
        &numbers_step,
        &[Char('5'), Backspace],
    );
    cycle(
        &mut group,
        "the numbers area: ↑ / ↓ a line",
        &order,
        &numbers_step,
        &[Up, Down],
    );
    once(
        &mut group,
        "the numbers area: Tab leaves it",
        &order,
        &numbers_step,
        Tab,
    );
    let review = [Char('u'), PageDown, PageDown];
    cycle(
        &mut group,
        "Review: ↓ / ↑ (the problems)",
        &order,
        &review,
        &[Down, Up],
    );
    once(
        &mut group,
        "Review: t opens the hand-off",
        &order,
        &review,
        Char('t'),
    );
    group.finish();
}

criterion_group!(benches, bench_validate, bench_pages, bench_wizard);
criterion_main!(benches);
