//! Helpers shared by the integration tests. Each test file uses only some of them.
#![allow(dead_code)]

pub mod hostile;
pub mod pty;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use portwiz::domain::{Clock, Order};
use portwiz::tui::root::Screen;
use portwiz::tui::screens::order::OrderPage;
use portwiz::tui::{Effect, Msg, Root, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Draw a frame as the runtime does before each event, and tell `update` what it laid out.
pub fn draw(app: &mut Root) {
    let (width, height) = app.size;
    let mut drawn = Default::default();
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let _ = terminal.draw(|frame| drawn = view(app, frame));
    update(app, Msg::Drawn(drawn));
}

/// A key pressed with no modifier (after a frame, as in the runtime).
pub fn press(app: &mut Root, code: KeyCode) -> Vec<Effect> {
    draw(app);
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Ctrl and a letter.
pub fn ctrl(app: &mut Root, c: char) -> Vec<Effect> {
    draw(app);
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

/// Each character of `text` as a key.
pub fn typed(app: &mut Root, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Put an order's page on top, as `Enter` on the history would once it is loaded.
pub fn open_order(app: &mut Root, id: &str) {
    app.screens.push(Screen::Order(OrderPage {
        order_id: id.to_string(),
        scroll: 0,
    }));
}

/// The day every screen test lives on.
pub fn test_clock() -> Clock {
    Clock::fixed(jiff::civil::date(2026, 11, 26))
}

pub fn demo_orders() -> Vec<Order> {
    let (orders, problems) = portwiz::demo::orders();
    assert!(problems.is_empty(), "{problems:?}");
    orders
}

/// How many demo orders there are, read from the demo itself: a test that counts them follows
/// the demo when an order is added.
pub fn demo_count() -> usize {
    portwiz::demo::DEMO_FILES.len()
}

/// The app on the demo orders, at a fixed date, of the given size.
pub fn demo_app(width: u16, height: u16) -> Root {
    Root::new(demo_orders(), test_clock(), (width, height))
}

/// The demo's orders on a board of two tenants, `contoso` and `fabrikam`, alternately.
pub fn demo_board(width: u16, height: u16) -> Root {
    let mut app = demo_app(width, height);
    let tenants = vec!["contoso".to_string(), "fabrikam".to_string()];
    let tenant_of = app
        .orders
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id().to_string(), i % 2))
        .collect();
    app.board = Some(portwiz::tui::app::Board {
        tenants: tenants.clone(),
        tenant_of,
    });
    app.tenants = tenants;
    app.refresh_rows();
    app
}

/// Draw the app and return the screen as text, one line a row, trailing spaces trimmed.
pub fn render(app: &Root) -> String {
    let (width, height) = app.size;
    let backend = TestBackend::new(width, height);
    let mut terminal = match Terminal::new(backend) {
        Ok(t) => t,
        Err(e) => panic!("test terminal: {e}"),
    };
    if let Err(e) = terminal.draw(|frame| {
        view(app, frame);
    }) {
        panic!("draw: {e}");
    }
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            if let Some(cell) = buffer.cell((x, y)) {
                line.push_str(cell.symbol());
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

// ---- Running the real binary on a temp store ----

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The day every test runs on: a Thursday (Thanksgiving 2026).
/// `classify --json`'s keys in the order serde_json writes them (docs/command-line.md): the first
/// four of the contract, then the ones added since; keys are only ever added.
pub const CLASSIFY_JSON_KEYS: [&str; 9] = [
    "action",
    "ask_carrier",
    "confidence",
    "fields",
    "matches",
    "needs_carrier_contact",
    "not_sure",
    "status_update",
    "suggestion",
];

pub const TODAY: &str = "2026-11-26";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A command for the real `portwiz` binary on the store at `dir`, with the clock pinned.
pub fn portwiz(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_portwiz"));
    cmd.env("PORTWIZ_DATA_DIR", dir)
        .env("PORTWIZ_TODAY", TODAY)
        // History times are shown in the zone of `TZ`: no test reads the machine's.
        .env("TZ", "UTC")
        // History entries are signed with who made them: no test reads the machine's user.
        .env("PORTWIZ_USER", "tester")
        .env_remove("NO_COLOR");
    cmd.stdin(Stdio::null());
    cmd
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// Make order `id` a UK order with a voice-app number (so a Service Center case), with `more`
/// KEY VALUE pairs set in the same edit.
pub fn make_uk_case(dir: &Path, id: &str, more: &[&str]) {
    let mut args = vec![
        "set",
        id,
        "country",
        "GB",
        "numbers",
        "+442079460000;+442079460001",
        "number_usage",
        "+442079460000 voice_app;+442079460001 user",
    ];
    args.extend_from_slice(more);
    let set = run(dir, &args);
    assert_eq!(set.code, 0, "{}", set.stderr);
}

pub fn run(dir: &Path, args: &[&str]) -> Run {
    portwiz(dir)
        .args(args)
        .output()
        .expect("the portwiz binary runs")
        .into()
}

/// `portwiz ARGS` on `day` (`PORTWIZ_TODAY`).
pub fn run_on(dir: &Path, day: &str, args: &[&str]) -> Run {
    portwiz(dir)
        .env("PORTWIZ_TODAY", day)
        .args(args)
        .output()
        .expect("the portwiz binary runs")
        .into()
}

/// [`run_on`] that must succeed: its stdout.
pub fn ok_on(dir: &Path, day: &str, args: &[&str]) -> String {
    let out = run_on(dir, day, args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    out.stdout
}

/// Create an order from a fixture and return its id.
pub fn new_order(dir: &Path, fixture_name: &str) -> String {
    let path = fixture(fixture_name);
    let out = run(dir, &["new", "--from", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.code, 0, "new failed: {}", out.stderr);
    out.stdout.trim().to_string()
}

/// The order file of `id`, parsed.
pub fn order_file(dir: &Path, id: &str) -> serde_json::Value {
    let text =
        std::fs::read_to_string(dir.join("orders").join(format!("{id}.json"))).expect("order file");
    serde_json::from_str(&text).expect("order file is JSON")
}
