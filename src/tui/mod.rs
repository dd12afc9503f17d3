//! The interactive app, in the Elm architecture: `App` is the model (`Root` adds the screen
//! stack), `Msg` what happens, `update` the only place the model changes (returning `Effect`s for
//! the runtime to run), `view` draws. The keymap turns keys into messages and feeds the footer and help. This module's `run`
//! is the runtime: it owns the terminal and the store and executes effects.

pub mod app;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod live;
pub mod msg;
pub mod respond;
pub mod root;
pub mod rows;
pub mod screen;
pub mod screens;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;
pub mod widgets;
pub mod wizard;

pub use app::App;
pub use msg::{Effect, MarkedExport, Msg, SaveError, Scroll};
pub use root::Root;
pub use update::update;
pub use view::view;

use crate::domain::{Clock, Order};
use crate::store::{Notice, Store};
use crossterm::event::{self, Event};
use std::collections::{BTreeSet, VecDeque};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// How the app was started.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// On a temporary copy of the demo orders.
    pub demo: bool,
    /// The store was opened from its summary index only: check every order file in the
    /// background after the first frame, and take its result when it comes.
    pub verify_first: bool,
    /// Nothing was read yet (no index): the first frame says the orders are being read, with
    /// a progress bar, until the check's result comes.
    pub cold: bool,
    /// The data folder whose tenants the app may switch between (none in the demo).
    pub root: Option<PathBuf>,
    /// The tenant whose store was opened (`None`: the data folder's own).
    pub tenant: Option<String>,
    /// The board (`portwiz --all-tenants`): every tenant's orders under `root`, each opened and
    /// saved in its own tenant's store; the store handed to `run` is only a stand-in.
    pub board: bool,
}

/// The model for a store just opened: its orders, its read-only ones and its notices.
pub fn app_for_store(store: &Store, notices: &[Notice], clock: Clock, size: (u16, u16)) -> Root {
    app_for_summaries(store.summaries().cloned().collect(), notices, clock, size)
}

/// The model for these summaries (handed over by `Store::take_summaries`: one copy, the app's).
pub fn app_for_summaries(
    summaries: Vec<crate::domain::summary::Summary>,
    notices: &[Notice],
    clock: Clock,
    size: (u16, u16),
) -> Root {
    let mut app = Root::from_summaries(summaries, clock, size);
    update::take_notices(&mut app.app, notices);
    app
}

/// How many changed files are re-read before the app takes them (`Incoming::Changed`).
const CHANGES_AT_ONCE: usize = 256;

/// Which store the watcher in force watches: a switch of tenant moves it on, and the watchers
/// of the stores before stop at their next change instead of reporting it.
type WatchGeneration = std::sync::Arc<std::sync::atomic::AtomicUsize>;

/// The store's watcher, answering on the runtime's one channel while `generation` stays the
/// one it started in.
fn watch_orders(store: &Store, tx: mpsc::Sender<Incoming>, generation: &WatchGeneration) {
    use std::sync::atomic::Ordering::SeqCst;
    let prefer = crate::store::watch::preferred();
    let (generation, mine) = (generation.clone(), generation.load(SeqCst));
    crate::store::watch::watch(&store.orders_dir(), prefer, move |ids| {
        generation.load(SeqCst) == mine && tx.send(Incoming::Changed(ids)).is_ok()
    });
}

/// Open `tenant`'s store (`None`: the data folder's own) in place of `store`, with a model of its
/// own, and start there next time; a store that cannot be opened is said and nothing changes.
fn switch_tenant(
    options: &mut Options,
    tenant: Option<String>,
    store: &mut Store,
    app: &mut Root,
) -> bool {
    let Some(root) = options.root.clone() else {
        return false;
    };
    let dir = match tenant.as_deref() {
        Some(name) => crate::store::tenants::create(&root, name),
        None => Ok(root.clone()),
    };
    let opened = dir
        .map_err(|e| e.to_string())
        .and_then(|dir| Store::open(&dir).map_err(|e| e.to_string()));
    let (mut fresh, notices) = match opened {
        Ok(opened) => opened,
        Err(e) => {
            app.message = Some(app::Message::error(format!("Cannot open that tenant: {e}")));
            return false;
        }
    };
    crate::store::tenants::remember(&root, tenant.as_deref());
    options.tenant = tenant;
    *app = first_model(&mut fresh, &notices, options, app.size);
    *store = fresh;
    let whose = options
        .tenant
        .as_deref()
        .unwrap_or("the store itself (no tenant)");
    let message = format!(
        "Now on {}: {} orders.",
        text::one_line(whose),
        app.orders.len()
    );
    app.message = Some(app::Message::info(message));
    true
}

/// Files changed on disk, taken a few hundred at a time: a `git pull` of every file re-reads
/// 100,000 orders, and each batch's parsed orders are gone before the next is read.
fn follow_changes(app: &mut Root, store: &mut Store, ids: BTreeSet<String>) {
    let ids: Vec<String> = ids.into_iter().collect();
    for batch in ids.chunks(CHANGES_AT_ONCE) {
        if let Some(msg) = store_changes(store, batch.iter().cloned().collect()) {
            update(app, msg);
        }
    }
    // Each batch's parsed orders are freed; a `git pull` of every file left them resident.
    if ids.len() > CHANGES_AT_ONCE {
        crate::system::release_free_memory();
    }
}

/// Run the app on `store` until the user quits. The terminal is restored however this ends.
pub fn run(store: Store, notices: Vec<Notice>, options: Options) -> io::Result<()> {
    let mut terminal = terminal::enter()?;
    let _restore = terminal::RestoreGuard;
    // phonenumber's tables are built off the loop, so the first order opened answers at once.
    std::thread::spawn(crate::domain::rules::numbers::warm_up);
    let size = terminal.size()?;
    let mut runtime = Runtime::start(store, options);
    let mut app = first_model(
        &mut runtime.store,
        &notices,
        &runtime.options,
        (size.width, size.height),
    );
    // On the board each order's tenant's store is opened when first needed; none is watched.
    runtime.board = runtime
        .options
        .root
        .as_deref()
        .filter(|_| runtime.options.board)
        .map(|root| {
            board_first_frame(&mut app, root);
            crate::store::board::Stores::new(root)
        });
    // Keys, the background check and the watcher all arrive on one channel: the loop blocks on
    // it, so nothing is polled and no frame is drawn without an event.
    let (tx, rx) = mpsc::channel::<Incoming>();
    read_terminal_in_background(tx.clone());
    match runtime.board.as_ref() {
        None => watch_orders(&runtime.store, tx.clone(), &runtime.generation),
        Some(stores) => {
            runtime.checking = true;
            start_board(
                &mut terminal,
                &mut app,
                stores.root(),
                &tx,
                &runtime.generation,
            )?;
        }
    }
    // The check of every file runs on its own thread, so keys are answered meanwhile.
    if runtime.checking && runtime.board.is_none() {
        app.reading = runtime.options.cold.then_some((0, 0));
        check_in_background(runtime.store.dir(), tx.clone(), runtime.options.cold);
    }
    // Insights, Today and the watcher of a tenant switched to answer on the channel too.
    runtime.tx = Some(tx);
    // What arrived while keys typed ahead of the conflict view were set apart.
    let mut backlog: VecDeque<Incoming> = VecDeque::new();
    loop {
        let mut drawn = layout::Drawn::default();
        terminal.draw(|frame| drawn = view(&app, frame))?;
        typed_ahead_of_the_view(&mut app, &rx, &mut backlog);
        update(&mut app, Msg::Drawn(drawn));
        if app.quit {
            // The demo copy, if one was opened, is deleted here.
            drop(runtime);
            return Ok(());
        }
        let incoming = match backlog.pop_front().map_or_else(|| rx.recv(), Ok) {
            Ok(incoming) => incoming,
            // Every sender gone: the terminal can no longer be read.
            Err(_) => return Ok(()),
        };
        let Some(msg) = runtime.take(&mut app, incoming)? else {
            continue;
        };
        update(&mut app, Msg::Tick(now()));
        let effects = update(&mut app, msg);
        runtime.carry_out(&mut app, effects.into());
    }
}

/// What the runtime holds between events besides the model: the store on screen and how it
/// came to be there.
struct Runtime {
    store: Store,
    options: Options,
    /// The check of every order file is running in the background.
    checking: bool,
    /// Orders saved or changed while the check ran: its view of them may predate that.
    saved_meanwhile: Vec<String>,
    /// The demo copy opened from the welcome screen, deleted when the app ends.
    demo_copy: Option<tempfile::TempDir>,
    generation: WatchGeneration,
    /// The runtime's channel, for the threads it starts (set once the loop begins).
    tx: Option<mpsc::Sender<Incoming>>,
    /// On the board (`--all-tenants`): the tenants' stores, each opened when one of its orders
    /// is; `store` is then only a stand-in that no effect about an order reaches.
    board: Option<crate::store::board::Stores>,
}

impl Runtime {
    fn start(store: Store, options: Options) -> Self {
        Runtime {
            store,
            checking: options.verify_first,
            options,
            saved_meanwhile: Vec::new(),
            demo_copy: None,
            generation: WatchGeneration::default(),
            tx: None,
            board: None,
        }
    }

    /// The message `incoming` brings the app, if any; what only the runtime needs (changed
    /// files, the check's store) is taken here.
    fn take(&mut self, app: &mut Root, incoming: Incoming) -> io::Result<Option<Msg>> {
        Ok(match incoming {
            Incoming::Terminal(Err(e)) => return Err(e),
            Incoming::Terminal(Ok(event)) => terminal_msg(event),
            // The demo copy stands in for the user's store: what that store's watcher and check
            // report is not about the orders on screen.
            Incoming::Changed(_) | Incoming::Checked(_) if self.demo_copy.is_some() => None,
            Incoming::Changed(ids) => {
                if self.checking {
                    self.saved_meanwhile.extend(ids.iter().cloned());
                }
                follow_changes(app, &mut self.store, ids);
                None
            }
            Incoming::Insights(insights) => Some(Msg::InsightsLoaded(insights)),
            Incoming::Today(items) => Some(Msg::TodayLoaded(items)),
            Incoming::Reading(done, total) if self.checking => Some(Msg::Reading(done, total)),
            Incoming::Reading(..) => None,
            // The check of a store the app has left for another tenant's.
            Incoming::Checked(Ok((ref fresh, _))) if fresh.dir() != self.store.dir() => None,
            Incoming::Checked(result) => {
                self.checking = false;
                take_checked(app, &mut self.store, result, &mut self.saved_meanwhile);
                None
            }
            Incoming::BoardChanged(tenant, ids) => {
                let root = self.board.as_ref().map(|b| b.root().to_path_buf());
                root.and_then(|root| board_changes(app, &root, &tenant, ids))
            }
            // The board's read, unless the app has left the board for a tenant's store.
            Incoming::BoardChecked(every) => {
                let root = self.board.as_ref().map(|b| b.root().to_path_buf());
                if let Some(root) = root {
                    self.checking = false;
                    self.saved_meanwhile.clear();
                    return Ok(Some(board_read(app, &root, *every)));
                }
                None
            }
        })
    }

    /// Run `effects` and those their answers bring, in order.
    fn carry_out(&mut self, app: &mut Root, mut effects: VecDeque<Effect>) {
        while let Some(effect) = effects.pop_front() {
            if self.checking
                && let Effect::Save(order) = &effect
            {
                self.saved_meanwhile.push(order.id.clone());
            }
            match effect {
                Effect::OpenDemoCopy => effects.extend(update(app, self.open_demo_copy())),
                Effect::SwitchTenant(tenant) => {
                    // The effects after a switch were meant for the store left behind.
                    if self.switch_tenant(app, tenant) {
                        effects.clear();
                    }
                }
                // On the board every other effect runs in its order's tenant's store.
                effect if self.board.is_some() => {
                    let reply = self
                        .board
                        .as_mut()
                        .and_then(|stores| on_the_board(stores, app, &mut self.store, effect));
                    effects.extend(reply.map(|msg| update(app, msg)).unwrap_or_default());
                }
                Effect::LoadInsights | Effect::LoadToday => {
                    // Every order read: ~350 ms at 10,000, so not here; the screen says it reads.
                    if let Some(tx) = &self.tx {
                        every_order_in_background(&self.store, tx.clone(), effect);
                    }
                }
                effect => {
                    if let Some(reply) = execute(&mut self.store, effect) {
                        effects.extend(update(app, reply));
                    }
                }
            }
        }
    }

    /// The demo copy takes the store's place until the app ends; the user's own store is not
    /// written, and the check of it is no longer wanted.
    fn open_demo_copy(&mut self) -> Msg {
        let (reply, copy) = make_demo_copy();
        if let Some((temp, copy)) = copy {
            self.store = copy;
            self.demo_copy = Some(temp);
            self.checking = false;
            self.saved_meanwhile.clear();
        }
        reply
    }

    /// Another tenant's store in place of this one, watched in place of it; `false` when it
    /// could not be opened (the app says why, nothing changes).
    fn switch_tenant(&mut self, app: &mut Root, tenant: Option<String>) -> bool {
        // Leaving the board for one tenant's store (or from one to another).
        self.options.board = false;
        if !switch_tenant(&mut self.options, tenant, &mut self.store, app) {
            self.options.board = self.board.is_some();
            return false;
        }
        self.board = None;
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if let Some(tx) = &self.tx {
            watch_orders(&self.store, tx.clone(), &self.generation);
        }
        self.checking = false;
        self.saved_meanwhile.clear();
        true
    }
}

/// The board's first frame in the model: each tenant's newest orders from its index
/// (`store::board::newest`: no order file looked at, nothing written), each with its tenant.
/// Every order comes later, from [`check_board_in_background`].
pub fn board_first_frame(app: &mut Root, root: &Path) {
    app.tenant = None;
    app.board = Some(app::Board::default());
    update::board_checked(app, crate::store::board::newest(root));
}

/// The board's orders in the model at once: every tenant's, read without writing in any
/// (`store::board::every_tenant`), each with its tenant; what could not be read is a notice.
pub fn load_board(app: &mut Root, root: &Path) {
    app.tenant = None;
    app.board = Some(app::Board::default());
    update::board_checked(app, crate::store::board::every_tenant(root));
}

/// The board's first frame drawn, then every tenant read (as a single store's check) and each
/// tenant's orders watched (as a single store's are) on threads of their own: started before
/// it, they held the first frame back on two busy cores (0.8 s at load 9).
fn start_board(
    terminal: &mut terminal::Tui,
    app: &mut Root,
    root: &Path,
    tx: &mpsc::Sender<Incoming>,
    generation: &WatchGeneration,
) -> io::Result<()> {
    app.reading = Some((0, app.tenants.len()));
    terminal.draw(|frame| {
        view(app, frame);
    })?;
    check_board_in_background(root, tx.clone());
    watch_board(root, tx, generation);
    Ok(())
}

/// Each tenant's orders folder watched (as a single store's), answering on the runtime's
/// channel with the tenant's name while `generation` stays the one it started in.
fn watch_board(root: &Path, tx: &mpsc::Sender<Incoming>, generation: &WatchGeneration) {
    use std::sync::atomic::Ordering::SeqCst;
    let prefer = crate::store::watch::preferred();
    for name in crate::store::tenants::names(root).0 {
        let orders = crate::store::tenants::dir(root, &name).join("orders");
        let (tx, generation, mine) = (tx.clone(), generation.clone(), generation.load(SeqCst));
        crate::store::watch::watch(&orders, prefer, move |ids| {
            let changed = Incoming::BoardChanged(name.clone(), ids);
            generation.load(SeqCst) == mine && tx.send(changed).is_ok()
        });
    }
}

/// Order files of `tenant` changed on disk while the board is open: each is read again (in
/// that tenant's folder only, nothing written) and the board follows, as a single store's app
/// does. An id the board shows for another tenant is left alone.
pub fn board_changes(
    app: &mut Root,
    root: &Path,
    tenant: &str,
    ids: BTreeSet<String>,
) -> Option<Msg> {
    use crate::store::board::{Reread, reread};
    let (mut changed, mut removed, mut notices) = (Vec::new(), Vec::new(), Vec::new());
    let board = app.board.as_mut()?;
    for id in ids {
        let whose = board.tenant(&id);
        if whose.is_some_and(|t| t != tenant) {
            continue;
        }
        match reread(root, tenant, &id) {
            Some(Reread::Changed(order)) => {
                board.adopt(&id, tenant);
                changed.push(*order);
            }
            Some(Reread::Gone) if whose.is_some() => removed.push(id),
            Some(Reread::Unreadable(notice)) => notices.push(notice),
            Some(Reread::Gone) | None => {}
        }
    }
    (!changed.is_empty() || !removed.is_empty() || !notices.is_empty()).then_some(
        Msg::StoreChanged {
            changed,
            removed,
            notices,
        },
    )
}

/// Every tenant's orders read on threads of their own (`store::board::every_tenant`), with how
/// many tenants are read so far, while keys are answered on the first frame's.
fn check_board_in_background(root: &Path, tx: mpsc::Sender<Incoming>) {
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        let progress = std::sync::Mutex::new(tx.clone());
        let every = crate::store::board::every_tenant_reporting(&root, &|done, total| {
            if let Ok(tx) = progress.lock() {
                let _ = tx.send(Incoming::Reading(done, total));
            }
        });
        let _ = tx.send(Incoming::BoardChecked(Box::new(every)));
    });
}

/// The board's read of every tenant, as the app takes it: the orders the app holds in full
/// (opened, saved or made since the first frame) are read again from their files, since the
/// read may have passed them before they were saved.
pub fn board_read(app: &Root, root: &Path, mut every: crate::store::board::Every) -> Msg {
    if let Some(board) = &app.board {
        for id in app.loaded.keys() {
            let tenant = board.tenant(id);
            let read = tenant.and_then(|t| crate::store::board::summary_of(root, t, id));
            if let (Some(tenant), Some(summary)) = (tenant, read) {
                every.put(tenant, summary);
            }
        }
    }
    Msg::BoardChecked(Box::new(every))
}

/// Where an effect runs on the board.
enum OnBoard {
    /// On the store of this tenant (its order's).
    Tenant(String),
    /// Nowhere in a store (the clipboard, a CSV the user named, the screens' own).
    NoStore,
    /// Not on the board, and why.
    Refused(&'static str),
}

/// Where `effect` runs on the board: an order's effects in its tenant's store; a learned example
/// in the store of the order last opened, whose rejection it labels.
fn board_place(app: &App, stores: &crate::store::board::Stores, effect: &Effect) -> OnBoard {
    let board = app.board.as_ref();
    let tenant_of = |id: &str| {
        board.and_then(|b| b.tenant(id)).map_or(
            OnBoard::Refused("That order is on no tenant of the board."),
            |t| OnBoard::Tenant(t.to_string()),
        )
    };
    match effect {
        Effect::Save(order) | Effect::Preflight(order) | Effect::SaveMovedOut { order, .. } => {
            tenant_of(&order.id)
        }
        Effect::MoveOut(id) => tenant_of(id),
        // Several orders at once: in one tenant's store (marks of several tenants are
        // refused, said so, rather than split between stores).
        Effect::AddNotes { orders, .. } | Effect::ExportMarked { orders, .. } => {
            one_tenant(board, orders)
        }
        Effect::Load(id)
        | Effect::CopyOrder(id)
        | Effect::Export { order_id: id, .. }
        | Effect::WritePacket { order_id: id, .. } => tenant_of(id),
        Effect::Learn(_) => stores
            .last()
            .map_or(OnBoard::NoStore, |t| OnBoard::Tenant(t.to_string())),
        Effect::NewOrderId | Effect::CreateDrafts(_) | Effect::OpenDemoCopy => OnBoard::Refused(
            "On the board a new order has no tenant: T opens a tenant's store, where n starts one.",
        ),
        Effect::LoadInsights | Effect::LoadToday => {
            OnBoard::Refused("Today and insights are per tenant: T opens a tenant's store.")
        }
        Effect::CheckTeamsExport(_) | Effect::RecordTeamsCheck(_) => OnBoard::Refused(
            "The Teams export is checked against one tenant's orders: T opens a tenant's store.",
        ),
        Effect::Copy(_)
        | Effect::ReadNumbersCsv(_)
        | Effect::SwitchTenant(_)
        | Effect::Close
        | Effect::Open(_)
        | Effect::Quit => OnBoard::NoStore,
    }
}

/// The one tenant of several orders on the board.
fn one_tenant(board: Option<&app::Board>, orders: &[crate::domain::summary::OrderKey]) -> OnBoard {
    let tenants: BTreeSet<Option<&str>> = orders
        .iter()
        .map(|k| board.and_then(|b| b.tenant(&k.id)))
        .collect();
    match tenants.into_iter().collect::<Vec<_>>().as_slice() {
        [Some(tenant)] => OnBoard::Tenant(tenant.to_string()),
        [None] | [] => OnBoard::Refused("Those orders are on no tenant of the board."),
        _ => OnBoard::Refused(
            "The marked orders are of several tenants: on the board, e and N act on one tenant's at a time (/ and the tenant's name, then a).",
        ),
    }
}

/// Run an effect on the board: in its order's tenant's store (opened the first time, under that
/// store's own lock for saves), never in another's; `stand_in` serves effects that touch no store.
fn on_the_board(
    stores: &mut crate::store::board::Stores,
    app: &mut Root,
    stand_in: &mut Store,
    effect: Effect,
) -> Option<Msg> {
    let tenant = match board_place(app, stores, &effect) {
        OnBoard::Tenant(tenant) => tenant,
        OnBoard::NoStore => return execute(stand_in, effect),
        OnBoard::Refused(why) => {
            app.message = Some(app::Message::error(why));
            return None;
        }
    };
    let store = match stores.of(&tenant) {
        Ok(store) => store,
        Err(e) => {
            let shown = text::one_line(&tenant);
            app.message = Some(app::Message::error(format!("Tenant {shown}: {e}")));
            return None;
        }
    };
    // A save is of an order read in this store: its file is read first when it is not yet.
    if let Effect::Save(order) = &effect
        && store.get(&order.id).is_err()
    {
        let _ = store.load(&order.id);
    }
    let reply = execute(store, effect);
    // A copy, or the numbers moved out, is a new order of the same tenant.
    let new_id = match &reply {
        Some(Msg::CopyId { id, .. }) => Some(id.clone()),
        Some(Msg::MovedOut { draft, .. }) => Some(draft.id.clone()),
        _ => None,
    };
    if let (Some(id), Some(board)) = (new_id, app.board.as_mut()) {
        board.adopt(&id, &tenant);
    }
    reply
}

/// The model of the first frame: the store's summaries, the theme, the rejection catalog and
/// the learned examples (a problem with either is a notice, as the alternate screen is on).
fn first_model(store: &mut Store, notices: &[Notice], options: &Options, size: (u16, u16)) -> Root {
    let mut app = app_for_summaries(store.take_summaries(), notices, now(), size);
    app.theme = theme::Theme::for_no_color(std::env::var_os("NO_COLOR").as_deref());
    // Read without printing: the alternate screen is on. A problem is a notice like the store's.
    let (catalog, problem) = crate::store::catalog::load(store.dir());
    app.catalog = catalog;
    app.notices.extend(problem);
    match crate::store::examples::load(store.dir()) {
        Ok(list) => app.examples = crate::domain::classifier::ExampleIndex::new(list),
        Err(e) => app
            .notices
            .push(format!("{e}; learned examples are not used")),
    }
    app.demo = options.demo;
    app.zone = crate::system::time_zone();
    app.session = session_id();
    app.export_dir = export_folder();
    app.tenant = options.tenant.clone();
    if let Some(root) = &options.root {
        app.tenants = crate::store::tenants::names(root).0;
    }
    app
}

/// This app's id among the windows on the store: its process id and the time it started.
fn session_id() -> String {
    let nanos = jiff::Timestamp::now().as_nanosecond().unsigned_abs();
    format!("{:x}-{:x}", std::process::id(), nanos % (1 << 40))
}

/// The check of every order file, taken in place of the first frame's index: orders saved or
/// changed meanwhile are read again, and edits begun on the first frame's orders still merge.
fn take_checked(
    app: &mut Root,
    store: &mut Store,
    result: CheckResult,
    saved_meanwhile: &mut Vec<String>,
) {
    match result {
        Ok((mut fresh, notices)) => {
            for id in saved_meanwhile.drain(..) {
                let _ = fresh.reload(&id);
            }
            let first = std::mem::replace(store, fresh);
            store.carry_versions(first);
            // Moved, not copied: the app holds the only summaries.
            let summaries = store.take_summaries();
            update(app, Msg::StoreChecked { summaries, notices });
            // The first frame's summaries and the check's index rows are freed now.
            crate::system::release_free_memory();
        }
        Err(e) => app.notices.push(e.to_string()),
    }
}

/// What a terminal event means to the app (focus changes and mouse events mean nothing).
fn terminal_msg(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) => Some(Msg::Key(key)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(width, height) => Some(Msg::Resize(width, height)),
        _ => None,
    }
}

/// A fresh temporary copy of the demo orders: the answer for the app, and the copy's folder and
/// store to stand in for the user's (none when it could not be made).
fn make_demo_copy() -> (Msg, Option<(tempfile::TempDir, Store)>) {
    match crate::demo::temporary_copy(now()) {
        Ok((temp, copy, orders, problems)) => {
            (Msg::OrdersAdded { orders, problems }, Some((temp, copy)))
        }
        Err(e) => (
            Msg::OrdersAdded {
                orders: Vec::new(),
                problems: vec![e],
            },
            None,
        ),
    }
}

type CheckResult = Result<(Store, Vec<Notice>), crate::store::StoreError>;

/// What the runtime waits for: the terminal (a key, a paste, a resize), the background check's
/// result, or order files changed on disk.
enum Incoming {
    Terminal(io::Result<Event>),
    Checked(CheckResult),
    Changed(BTreeSet<String>),
    /// The insights, computed from every order on a thread of their own.
    Insights(Box<crate::domain::insights::Insights>),
    /// Today's list, made from every order on a thread of its own.
    Today(Vec<crate::domain::today::Item>),
    /// How far the read of a store without an index has come: files parsed, files to parse
    /// (on the board: tenants read, tenants).
    Reading(usize, usize),
    /// The board's read of every tenant.
    BoardChecked(Box<crate::store::board::Every>),
    /// Order files of this tenant changed on disk while the board is open.
    BoardChanged(String, BTreeSet<String>),
}

/// `Effect::LoadInsights` or `Effect::LoadToday` on a thread of its own: the store hands over
/// what to read (the orders at hand, the files of the others) and goes on answering keys.
fn every_order_in_background(store: &Store, tx: mpsc::Sender<Incoming>, effect: Effect) {
    let every = store.every_order();
    std::thread::spawn(move || {
        let orders = every.read();
        let clock = now();
        let made = if effect == Effect::LoadToday {
            Incoming::Today(crate::domain::today::today(&orders, clock))
        } else {
            Incoming::Insights(Box::new(crate::domain::insights::compute(
                &orders, clock.now,
            )))
        };
        let _ = tx.send(made);
    });
}

/// The terminal's events, read on a thread of their own into the runtime's channel.
fn read_terminal_in_background(tx: mpsc::Sender<Incoming>) {
    std::thread::spawn(move || {
        loop {
            let events = match event::read() {
                Ok(event) => terminal::typed(event).into_iter().map(Ok).collect(),
                Err(e) => vec![Err(e)],
            };
            for event in events {
                let failed = event.is_err();
                if tx.send(Incoming::Terminal(event)).is_err() || failed {
                    return;
                }
            }
        }
    });
}

/// `Store::open` (every order file checked, every summary read) on a thread of its own; the
/// store comes back on the channel, to replace the first frame's partial view.
fn check_in_background(dir: &Path, tx: mpsc::Sender<Incoming>, report: bool) {
    let dir = dir.to_path_buf();
    let progress = std::sync::Arc::new(crate::store::Progress::default());
    let checked = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    if report {
        // A few times a second, how far the read has come: the progress bar's only source.
        let (tx, progress, checked) = (tx.clone(), progress.clone(), checked.clone());
        std::thread::spawn(move || {
            while !checked.load(std::sync::atomic::Ordering::Relaxed) {
                let (done, total) = progress.now();
                if tx.send(Incoming::Reading(done, total)).is_err() {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(150));
            }
        });
    }
    std::thread::spawn(move || {
        let opened = Store::open_reporting(&dir, &progress);
        checked.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = tx.send(Incoming::Checked(opened));
    });
}

/// Re-read the order files the watcher named (those alone) and say what changed; `None` when
/// nothing did (this window's own saves, a touch).
pub fn store_changes(store: &mut Store, ids: BTreeSet<String>) -> Option<Msg> {
    use crate::store::Refresh;
    let (mut changed, mut removed, mut notices) = (Vec::new(), Vec::new(), Vec::new());
    for id in ids {
        match store.refresh(&id) {
            Refresh::Unchanged => {}
            Refresh::Changed(loaded) => {
                if let Some(version) = loaded.newer_schema {
                    notices.push(Notice::NewerSchema {
                        id: id.clone(),
                        version,
                    });
                }
                changed.push(loaded.order);
            }
            Refresh::Gone => removed.push(id),
            Refresh::SetAside(notice) => {
                removed.push(id);
                notices.push(notice);
            }
        }
    }
    (!changed.is_empty() || !removed.is_empty() || !notices.is_empty()).then_some(
        Msg::StoreChanged {
            changed,
            removed,
            notices,
        },
    )
}

/// Where exports go by default: the user's documents folder, else downloads, else home.
fn export_folder() -> Option<PathBuf> {
    let user = directories::UserDirs::new()?;
    let folder = user
        .document_dir()
        .or(user.download_dir())
        .unwrap_or(user.home_dir());
    Some(folder.to_path_buf())
}

fn now() -> Clock {
    crate::system::clock()
}

/// Run one effect against the store; the answer goes back to `update`.
pub fn execute(store: &mut Store, effect: Effect) -> Option<Msg> {
    match effect {
        Effect::Save(order) => Some(save(store, order)),
        Effect::NewOrderId => Some(Msg::NewOrderId(store.new_id())),
        Effect::CopyOrder(source) => Some(Msg::CopyId {
            source,
            id: store.new_id(),
        }),
        Effect::MoveOut(source) => Some(Msg::MoveOutId {
            source,
            id: store.new_id(),
        }),
        // The runtime's loop swaps the store for the copy before it gets here.
        Effect::OpenDemoCopy => None,
        Effect::Load(order_id) => Some(match store.load(&order_id) {
            Ok(loaded) => Msg::Loaded(Box::new(loaded.order.clone())),
            Err(e) => Msg::LoadFailed {
                order_id,
                reason: e.to_string(),
            },
        }),
        Effect::Export {
            order_id,
            format,
            path,
            include_secrets,
            overwrite,
        } => Some(
            match export_order(store, &order_id, format, &path, include_secrets, overwrite) {
                Ok(path) => Msg::Exported { order_id, path },
                Err(ExportRefused::Exists(path)) => Msg::ExportExists { order_id, path },
                Err(ExportRefused::Failed(reason)) => Msg::ExportFailed { order_id, reason },
            },
        ),
        Effect::ReadNumbersCsv(path) => Some(Msg::FileRead(read_file(&path))),
        Effect::AddNotes { orders, text } => Some(add_notes(store, &orders, &text)),
        Effect::ExportMarked {
            orders,
            format,
            path,
            include_secrets,
            overwrite,
        } => Some(Msg::MarkedExported(export_marked(
            store,
            &orders,
            format,
            &path,
            (include_secrets, overwrite),
        ))),
        Effect::WritePacket { order_id, dir } => {
            Some(match write_packet(store, &order_id, &dir, false) {
                Ok(path) => Msg::Exported { order_id, path },
                Err(reason) => Msg::ExportFailed { order_id, reason },
            })
        }
        Effect::CreateDrafts(drafts) => Some(create_drafts(store, drafts)),
        Effect::SaveMovedOut { draft, order } => Some(save_moved_out(store, draft, order)),
        Effect::CheckTeamsExport(path) => Some(Msg::TeamsChecked(
            check_teams_export(store, &path).map(Box::new),
        )),
        Effect::RecordTeamsCheck(check) => Some(record_teams_check(store, &check)),
        Effect::Preflight(order) => Some(Msg::PreflightFound {
            order_id: order.id.clone(),
            carrier: crate::domain::insights::carrier_key(&order.fields.current_carrier),
            warnings: crate::store::preflight::warnings(store, &order),
        }),
        Effect::LoadInsights => {
            let orders = store.read_every_order();
            let insights = crate::domain::insights::compute(&orders, now().now);
            Some(Msg::InsightsLoaded(Box::new(insights)))
        }
        Effect::LoadToday => Some(Msg::TodayLoaded(crate::domain::today::today(
            &store.read_every_order(),
            now(),
        ))),
        Effect::Copy(text) => copy_to_clipboard(&text)
            .err()
            .map(|e| Msg::CopyFailed(e.to_string())),
        Effect::Learn(example) => crate::store::examples::append(store.dir(), *example)
            .err()
            .map(|e| Msg::LearnFailed(e.to_string())),
        // The runtime's loop switches the store before it gets here.
        Effect::SwitchTenant(_) => None,
        Effect::Close | Effect::Open(_) | Effect::Quit => None,
    }
}

/// The note added to each order as on disk and saved as any edit is (merged when the file moved
/// on); which were saved, and why the others were not. One store: the open tenant's.
fn add_notes(store: &mut Store, orders: &[crate::domain::summary::OrderKey], text: &str) -> Msg {
    let (mut saved, mut refused) = (Vec::new(), Vec::new());
    for key in orders {
        let noted = store
            .editable(&key.id)
            .map_err(|e| e.to_string())
            .and_then(|loaded| {
                let mut order = loaded.order.clone();
                order.add_note(text, now().now).map_err(|e| e.to_string())?;
                Ok(order)
            });
        let answer = match noted {
            Ok(order) => save(store, Box::new(order)),
            Err(why) => {
                refused.push((key.id.clone(), why));
                continue;
            }
        };
        match answer {
            Msg::Saved(order) | Msg::Merged { order, .. } => saved.push(*order),
            Msg::SaveFailed { error, .. } => refused.push((key.id.clone(), error.to_string())),
            _ => refused.push((
                key.id.clone(),
                "changed in another window at the same time; open it to add the note".into(),
            )),
        }
    }
    Msg::NotesAdded { saved, refused }
}

/// Create a draft of each fields (the edit operation's normalising, as `new --from`); the
/// orders saved, and why any was not.
fn create_drafts(store: &mut Store, drafts: Vec<crate::domain::OrderFields>) -> Msg {
    let (mut orders, mut problems) = (Vec::new(), Vec::new());
    for fields in drafts {
        let (order, _) = Order::from_fields(store.new_id(), &fields, now().now);
        match store.create(order.clone()) {
            Ok(()) => orders.push(order),
            Err(e) => problems.push(e.to_string()),
        }
    }
    Msg::DraftsCreated { orders, problems }
}

/// The draft first, then the order the numbers left (see `Effect::SaveMovedOut`).
fn save_moved_out(store: &mut Store, draft: Box<Order>, order: Box<Order>) -> Msg {
    let draft_id = draft.id.clone();
    let created = store
        .create(*draft)
        .and_then(|()| Ok(store.get(&draft_id)?.order.clone()));
    match (created, save(store, order)) {
        (Ok(draft), Msg::Saved(order)) => Msg::MovedOut {
            draft: Box::new(draft),
            order,
        },
        (Ok(_), other) => other,
        (Err(e), _) => Msg::SaveFailed {
            order_id: draft_id,
            error: save_error(e),
        },
    }
}

/// The tenant's export at `path` (as typed) compared with every order: read only when it is a
/// regular file within the size `reconcile` takes, then parsed; a bad file is why, in words.
fn check_teams_export(
    store: &Store,
    typed: &Path,
) -> Result<crate::domain::reconcile::Check, String> {
    use crate::domain::reconcile::{Check, parse};
    let path = resolve_export_path(typed)?;
    let bytes = read_capped_file(&path, parse::MAX_BYTES)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{name} is not UTF-8 text: is it the CSV or JSON Teams exported?"))?;
    let numbers = parse::parse(&text).map_err(|e| format!("{name}: {e}"))?;
    Ok(Check::new(
        &store.read_every_order(),
        &numbers,
        now(),
        &name,
    ))
}

/// Record a check on its orders; what was recorded, order by order.
fn record_teams_check(store: &mut Store, check: &crate::domain::reconcile::Check) -> Msg {
    use crate::domain::reconcile::Applied;
    let (mut orders, mut lines, mut problems) = (Vec::new(), Vec::new(), Vec::new());
    for outcome in store.record_teams_check(&check.report, now(), &check.source) {
        match outcome {
            Ok((order, applied)) => {
                lines.push(match applied {
                    Applied::Completed => format!("{}: completed", order.id),
                    _ => format!("{}: noted in its history", order.id),
                });
                orders.push(order);
            }
            Err((id, e)) => problems.push(format!("{id}: {e}")),
        }
    }
    Msg::TeamsRecorded {
        orders,
        lines,
        problems,
    }
}

/// Save an order: a new one is created; an edit is saved over the revision it was read at,
/// merged with the file when that moved on (a conflict goes to the user, never decided here).
fn save(store: &mut Store, order: Box<Order>) -> Msg {
    use crate::store::SavedEdit;
    let result = if store.get(&order.id).is_ok() {
        store.save_edit(&order)
    } else {
        let id = order.id.clone();
        store.create((*order).clone()).and_then(|()| {
            let saved = store.get(&id)?;
            Ok(SavedEdit::Saved(Box::new(saved.order.clone())))
        })
    };
    match result {
        Ok(SavedEdit::Saved(saved)) => Msg::Saved(saved),
        Ok(SavedEdit::Merged { order, merge }) => Msg::Merged {
            order,
            notice: merge.notice(),
        },
        Ok(SavedEdit::Conflicts { merge, .. }) => Msg::SaveConflict { merge, mine: order },
        Err(e) => Msg::SaveFailed {
            order_id: order.id.clone(),
            error: save_error(e),
        },
    }
}

/// A store error as the app acts on it.
fn save_error(error: crate::store::StoreError) -> SaveError {
    use crate::store::StoreError;
    match error {
        e @ (StoreError::Folder { .. } | StoreError::Write { .. } | StoreError::Changed(_)) => {
            SaveError::Io(e.to_string())
        }
        e => SaveError::Refused(e.to_string()),
    }
}

/// A file's bytes, or why they could not be read, in words.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("Cannot read {}: {e}", path.display()))
}

/// The order's hand-off packet written into `dir` (`~` and a relative path resolved as an
/// export's path), the PIN in its field sheet only when `include_secrets`; the folder written.
fn write_packet(
    store: &Store,
    order_id: &str,
    dir: &Path,
    include_secrets: bool,
) -> Result<String, String> {
    let dir = resolve_export_path(dir)?;
    let order = &store
        .get(order_id)
        .map_err(|e| format!("the order could not be read: {e}"))?
        .order;
    let files = crate::domain::packet::files(order, include_secrets).map_err(|e| e.to_string())?;
    crate::store::packet::write(&dir, &files)?;
    Ok(dir.display().to_string())
}

/// A file the user named, read only when it is a regular file (a link to one is fine) of at
/// most `cap` bytes: a FIFO or a device would hang or never end.
pub fn read_capped_file(path: &Path, cap: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => format!("There is no file {shown}: check the path."),
        _ => format!("Cannot read {shown}: {e}"),
    })?;
    if meta.is_dir() {
        return Err(format!("{shown} is a folder: add the file's name."));
    }
    if !meta.is_file() {
        return Err(format!(
            "{shown} is not a regular file (a pipe or a device): name the exported file."
        ));
    }
    let too_large = || format!("{shown} is larger than {} MiB: it was not read.", cap >> 20);
    if meta.len() > cap {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(|e| format!("Cannot read {shown}: {e}"))?;
    let mut bytes = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("Cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > cap {
        return Err(too_large());
    }
    Ok(bytes)
}

enum ExportRefused {
    /// The file exists (its absolute path) and replacing it was not asked.
    Exists(String),
    Failed(String),
}

/// Render an order and write it atomically; returns the absolute path written.
fn export_order(
    store: &Store,
    order_id: &str,
    format: crate::domain::export::Format,
    typed: &Path,
    include_secrets: bool,
    overwrite: bool,
) -> Result<String, ExportRefused> {
    use ExportRefused::Failed;
    let order = &store
        .get(order_id)
        .map_err(|e| Failed(format!("The order could not be read: {e}")))?
        .order;
    if format.writes_folder() {
        return write_packet(store, order_id, typed, include_secrets).map_err(Failed);
    }
    let written = crate::domain::export::powershell::Written {
        tenant: crate::store::tenants::name_of(store.dir()),
        at: now().now,
    };
    let bytes = crate::domain::export::bytes(order, format, include_secrets, &written)
        .map_err(|e| Failed(format!("Nothing was written: {e}")))?;
    let path = resolve_export_path(typed).map_err(Failed)?;
    write_export(&path, &bytes, overwrite)
}

/// Write an export file atomically at an absolute path; never over an existing one (a dangling
/// link included) unless `overwrite`. Returns the path written, as shown.
fn write_export(path: &Path, bytes: &[u8], overwrite: bool) -> Result<String, ExportRefused> {
    use ExportRefused::Failed;
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(Failed(format!("{shown} is a folder: add a file name.")));
    }
    let dir = path.parent().unwrap_or(Path::new("/"));
    if !dir.is_dir() {
        return Err(Failed(format!(
            "There is no folder {}: create it first or choose another.",
            dir.display()
        )));
    }
    // A dangling symbolic link counts as a file too: nothing is replaced without asking.
    if !overwrite && path.symlink_metadata().is_ok() {
        return Err(ExportRefused::Exists(shown));
    }
    crate::store::atomic::write_atomic(path, bytes).map_err(|e| {
        Failed(match e.kind() {
            io::ErrorKind::PermissionDenied => {
                format!(
                    "You may not write in {}: choose another folder.",
                    dir.display()
                )
            }
            _ => format!("Could not write {shown}: {e}"),
        })
    })?;
    Ok(shown)
}

/// Several orders exported: one file for JSON and CSV, else one per order in the folder typed.
/// Every file is rendered before any is written, so an order that cannot be exported stops
/// the export before it starts. One store: the open tenant's.
fn export_marked(
    store: &Store,
    keys: &[crate::domain::summary::OrderKey],
    format: crate::domain::export::Format,
    typed: &Path,
    (include_secrets, overwrite): (bool, bool),
) -> MarkedExport {
    use crate::domain::export::several;
    let failed = |reason: String| MarkedExport::Failed {
        written: Vec::new(),
        reason,
    };
    let mut orders = Vec::new();
    for key in keys {
        match store.get(&key.id) {
            Ok(loaded) => orders.push(loaded.order.clone()),
            Err(e) => return failed(format!("{} could not be read: {e}", key.id)),
        }
    }
    let path = match resolve_export_path(typed) {
        Ok(path) => path,
        Err(reason) => return failed(reason),
    };
    if several::is_combined(format) {
        let written = several::combined(&orders, format, include_secrets)
            .map_err(|e| ExportRefused::Failed(format!("Nothing was written: {e}")))
            .and_then(|bytes| write_export(&path, &bytes, overwrite));
        return match written {
            Ok(shown) => MarkedExport::Written(vec![shown]),
            Err(ExportRefused::Exists(shown)) => MarkedExport::Exists(vec![shown]),
            Err(ExportRefused::Failed(reason)) => failed(reason),
        };
    }
    if !path.is_dir() {
        return failed(format!(
            "There is no folder {}: one file per order goes in a folder; create it first or choose another.",
            path.display()
        ));
    }
    let mut files = Vec::new();
    for order in &orders {
        match crate::domain::export::file(order, format, include_secrets) {
            Ok(bytes) => files.push((path.join(several::file_name(&order.id, format)), bytes)),
            Err(e) => return failed(format!("Nothing was written: {}: {e}", order.id)),
        }
    }
    let existing: Vec<String> = files
        .iter()
        .filter(|(file, _)| file.symlink_metadata().is_ok())
        .map(|(file, _)| file.display().to_string())
        .collect();
    if !overwrite && !existing.is_empty() {
        return MarkedExport::Exists(existing);
    }
    let mut written = Vec::new();
    for (file, bytes) in &files {
        match write_export(file, bytes, true) {
            Ok(shown) => written.push(shown),
            Err(ExportRefused::Failed(reason) | ExportRefused::Exists(reason)) => {
                return MarkedExport::Failed { written, reason };
            }
        }
    }
    MarkedExport::Written(written)
}

/// A typed export path made absolute: `~` (alone or leading) is the home folder, and a relative
/// path is taken from the current folder.
pub fn resolve_export_path(typed: &Path) -> Result<PathBuf, String> {
    let expanded = match typed.strip_prefix("~") {
        Ok(rest) => {
            let dirs = directories::BaseDirs::new()
                .ok_or_else(|| "Could not find your home folder to read `~`.".to_string())?;
            dirs.home_dir().join(rest)
        }
        Err(_) => typed.to_path_buf(),
    };
    std::path::absolute(&expanded)
        .map_err(|e| format!("Could not read the path {}: {e}", expanded.display()))
}

/// Put text on the clipboard through the terminal (OSC 52: `ESC ] 52 ; c ; <base64> ST`,
/// crossterm's `CopyToClipboard`), beside ratatui's own output. It works over SSH and inside
/// tmux (`set-clipboard on`), where no clipboard program can reach the user's desktop.
fn copy_to_clipboard(text: &str) -> io::Result<()> {
    crossterm::execute!(
        io::stdout().lock(),
        crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
    )
}

/// The keys already waiting when a conflict view that opened by itself was first drawn: typed
/// before the user could see it, they go to `update` before the frame is reported, so the view
/// takes none of them as a choice (`update::typed_before_the_view`). Whatever else was waiting
/// is kept, in order, for the loop.
fn typed_ahead_of_the_view(
    app: &mut Root,
    rx: &mpsc::Receiver<Incoming>,
    backlog: &mut VecDeque<Incoming>,
) {
    if !matches!(app.screens.last(), Some(root::Screen::Conflict(page)) if !page.armed) {
        return;
    }
    while let Ok(incoming) = rx.try_recv() {
        match incoming {
            Incoming::Terminal(Ok(Event::Key(key))) => {
                // Typing in a field asks for nothing from the runtime.
                let _ = update(app, Msg::Key(key));
            }
            other => backlog.push_back(other),
        }
    }
}
