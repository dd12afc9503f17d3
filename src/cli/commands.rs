//! What each subcommand does: open the store, act through the domain, save, print. `run` opens
//! the store and hands each command to a function of its own.

use super::Failure;
use super::args::{Command, ExportArgs, RejectArgs, SetPairs};
use super::console::Console;
use super::input;
use super::listing::{list_reader, status_filter};
use super::output;
use super::rejection;
use super::stats;
use crate::domain::checks::Severity;
use crate::domain::document::{self, Document};
use crate::domain::edit::{Mode, Visit};
use crate::domain::entry;
use crate::domain::readiness::readiness;
use crate::domain::status::SupportScenario;
use crate::domain::summary::Summary;
use crate::domain::{Clock, FieldKey, FieldValue, Order, OrderFields, Status};
use crate::store::{Notice, Store};
use std::path::Path;

/// The real clock, read once per command (`crate::system::clock`).
pub fn system_clock() -> Clock {
    crate::system::clock()
}

/// Run one subcommand against the store in `dir`; all it prints goes through `console`.
pub fn run(
    command: Command,
    dir: &Path,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let command = match without_store(command, dir, clock, console) {
        Ok(done) => return done,
        Err(command) => command,
    };
    let mut command = command;
    let (mut store, notices) = open_store(&command, dir)?;
    // The id as typed may be any unique prefix, in any case: from here on it is the order's id,
    // and the order is loaded.
    if let Some(id) = order_id_mut(&mut command) {
        *id = store.resolve(id)?;
    }
    say_notices(&notices, console);
    dispatch(command, &mut store, dir, clock, console)
}

/// The commands made from the command line alone, or about every tenant under `dir`: they open
/// no store. `Err` hands any other command back.
fn without_store(
    command: Command,
    dir: &Path,
    clock: Clock,
    console: &mut Console,
) -> Result<Result<(), Failure>, Command> {
    Ok(match command {
        Command::Completions { shell } => super::docs::completions(shell, console),
        Command::Man => super::docs::man(console),
        // `classify` needs no order, so it opens no store.
        Command::Classify {
            json,
            explain,
            text,
        } => classify(json, explain, text.as_deref(), dir, console),
        Command::Tenants { json } => super::tenants::list(dir, clock, json, console),
        Command::List {
            status,
            json,
            all_tenants: true,
        } => super::tenants::board_list(dir, status, json, console),
        command => return Err(command),
    })
}

/// One call per command, on the store opened for it: a new command is one line here and a
/// function of its own (in its own file under `src/cli/`).
fn dispatch(
    command: Command,
    store: &mut Store,
    dir: &Path,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    match command {
        Command::List { status, json, .. } => list(store, status, json, console),
        Command::Show { id, json } => show(store, &id, json, clock, console),
        Command::New { from } => new(store, &from, clock, console),
        Command::Import { file } => import(store, &file, clock, console),
        Command::Copy { id } => copy(store, &id, clock, console),
        Command::Set { id, pairs } => set(store, &id, set_pairs(pairs)?, clock, console),
        Command::Submit { id } => submit(store, &id, clock, console),
        Command::Resubmit { id, unchanged } => resubmit(store, &id, unchanged, clock, console),
        Command::Stats { json } => console.print(&stats::report(store, clock, json)),
        Command::Report { to } => super::report::report(store, to, clock, console),
        Command::Today { json } => super::today::run(store, clock, json, console),
        Command::Calendar { output, force } => {
            super::calendar::run(store, output.as_deref(), force, clock, console)
        }
        Command::Ask { id, kind } => ask(store, &id, &kind, clock, console),
        Command::Reconcile { file, apply } => {
            super::reconcile::run(store, &file, apply, clock, console)
        }
        Command::Reject { id, how } => reject(store, &id, how, dir, clock, console),
        Command::Export { id, to } => export(store, &id, to, clock, console),
        Command::Foc { id, date, time } => foc(store, &id, &date, time.as_deref(), clock, console),
        Command::Complete { id } => complete(store, &id, clock, console),
        Command::Support {
            id,
            scenario,
            ticket,
        } => support(store, &id, &scenario, ticket, clock, console),
        Command::Ticket { id, ticket } => set_ticket(store, &id, &ticket, clock, console),
        Command::Note { id, text } => super::note::note(store, &id, &text, clock, console),
        Command::Assign { id, file } => super::assign::run(store, &id, &file, clock, console),
        Command::MoveOut { id, numbers } => {
            super::move_out::move_out(store, &id, &numbers, clock, console)
        }
        Command::Split { file, dry_run } => {
            super::split::split(store, &file, dry_run, clock, console)
        }
        Command::Cancel { id } => transition(store, &id, console, |o| o.cancel(clock.now)),
        // Run by `without_store`.
        Command::Completions { .. }
        | Command::Man
        | Command::Classify { .. }
        | Command::Tenants { .. } => Ok(()),
    }
}

/// What opening the store found, said on stderr (a removed stale temp file goes unsaid).
fn say_notices(notices: &[Notice], console: &mut Console) {
    for notice in notices {
        if !matches!(notice, Notice::StaleTempRemoved(_)) {
            console.say(&format!("portwiz: {notice}"));
        }
    }
}

/// The store for `command`: `list` and `stats` need every order; every other command is about
/// one order and reads only that order's file (`submit` and `resubmit` find the carrier's recent
/// orders in the index).
fn open_store(command: &Command, dir: &Path) -> Result<(Store, Vec<Notice>), Failure> {
    let opened = match command {
        Command::List { .. }
        | Command::Stats { .. }
        | Command::Report { .. }
        | Command::Today { .. }
        | Command::Calendar { .. }
        | Command::Reconcile { .. } => Store::open(dir),
        _ => Store::open_one(dir),
    };
    let (mut store, notices) = opened.map_err(|e| Failure::Input(e.to_string()))?;
    store.on_wait = |holder| {
        let who = holder
            .map(|pid| format!(" (pid {pid})"))
            .unwrap_or_default();
        Console::say_on_stderr(&format!(
            "portwiz: another portwiz{who} is saving; retrying…"
        ));
    };
    Ok((store, notices))
}

fn list(
    store: &Store,
    status: Option<String>,
    json: bool,
    console: &mut Console,
) -> Result<(), Failure> {
    let wanted = status_filter(status)?;
    let mut rows: Vec<&Summary> = store
        .summaries()
        .filter(|o| wanted.accepts(o.status))
        .collect();
    rows.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id().cmp(b.id())));
    console.print(&if json {
        output::list_json(&rows)
    } else {
        output::list_table(&rows, list_reader())
    })
}

fn show(
    store: &Store,
    id: &str,
    json: bool,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let order = &store.get(id)?.order;
    console.print(&if json {
        output::show_json(order)
    } else {
        output::show(order, clock, &crate::system::time_zone())
    })
}

fn new(store: &mut Store, from: &Path, clock: Clock, console: &mut Console) -> Result<(), Failure> {
    let doc = read_document(from, false)?;
    let made = crate::domain::import::new_order(store.new_id(), &doc, clock.now, clock.today)?;
    create_and_say(store, made, console)
}

/// `import FILE.json`: the export read, made an order by the domain's import rule
/// (`domain::import`), saved; its id alone on stdout.
fn import(
    store: &mut Store,
    file: &Path,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let doc = read_document(file, true)?;
    let made = crate::domain::import::imported_order(store.new_id(), doc, clock.now, clock.today)?;
    create_and_say(store, made, console)
}

/// A made order's warnings on stderr, the order saved, its id alone on stdout (`new`, `import`).
fn create_and_say(
    store: &mut Store,
    made: crate::domain::import::Made,
    console: &mut Console,
) -> Result<(), Failure> {
    for warning in &made.warnings {
        console.say(warning);
    }
    let id = made.order.id.clone();
    store.create(made.order)?;
    console.print(&format!("{id}\n"))
}

/// A new draft with the order's fields only: its story stays with the original (a copy made
/// by `import` would count the original's rejections twice).
fn copy(store: &mut Store, id: &str, clock: Clock, console: &mut Console) -> Result<(), Failure> {
    let copy = store
        .get(id)?
        .order
        .copy_as_draft(store.new_id(), clock.now);
    let new_id = copy.id.clone();
    store.create(copy)?;
    console.print(&format!("{new_id}\n"))
}

fn set(
    store: &mut Store,
    id: &str,
    pairs: Vec<(FieldKey, String)>,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let mut order = store.editable(id)?.order.clone();
    let before = order.clone();
    let mut edits = Vec::new();
    for (key, value) in pairs {
        edits.push((key, read_value(key, &value, &order.fields, console)?));
    }
    // One command is one visit: one history entry for every field it changes, checked
    // together once all are applied.
    let edited = order
        .edit_fields(&mut Visit::new(), edits, clock, Mode::RefuseErrors)
        .map_err(|e| Failure::Refused(crate::domain::Refusal::from(e).reasons))?;
    for warning in edited
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
    {
        console.say(&format!("warning: {}", warning.message));
    }
    if edited.changed {
        store.save(&order)?;
    }
    console.print(&changed_lines(&before, &order))
}

/// What `set` changed, one line a field on stdout (the PIN masked); or that nothing did.
fn changed_lines(before: &Order, after: &Order) -> String {
    let shown = |key: FieldKey, order: &Order| {
        let value = order.fields.get(key);
        if value.is_empty() {
            "(empty)".to_string()
        } else if crate::domain::registry::spec(key).secret {
            crate::domain::secret::MASK.to_string()
        } else {
            format!("“{}”", crate::domain::export::one_line(&value.to_line()))
        }
    };
    let lines: Vec<String> = FieldKey::ALL
        .iter()
        .filter(|k| before.fields.get(**k) != after.fields.get(**k))
        .map(|k| {
            format!(
                "{}: {} {} → {}\n",
                after.id,
                crate::domain::registry::spec(*k).label_for(&after.fields),
                shown(*k, before),
                shown(*k, after)
            )
        })
        .collect();
    if lines.is_empty() {
        format!(
            "{}: nothing changed (the values were already so)\n",
            after.id
        )
    } else {
        lines.concat()
    }
}

fn submit(store: &mut Store, id: &str, clock: Clock, console: &mut Console) -> Result<(), Failure> {
    // In another status the refusal alone is the answer: no warnings before it.
    if store.get(id)?.order.status == Status::Draft {
        print_warnings(store, id, clock, console)?;
        stats::warn_from_history(store, id, Status::Draft, console);
    }
    transition(store, id, console, |o| o.submit(clock))
}

fn resubmit(
    store: &mut Store,
    id: &str,
    unchanged: bool,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    if store.get(id)?.order.status != Status::CustomerActionRequired {
        return transition(store, id, console, |o| o.resubmit(clock));
    }
    print_warnings(store, id, clock, console)?;
    stats::warn_from_history(store, id, Status::CustomerActionRequired, console);
    match store.get(id)?.order.ensure_changed_since_rejection() {
        Err(refusal) if !unchanged => return Err(refusal.into()),
        Err(_) => console.say(
            "portwiz: resubmitting without changes, as --unchanged says (the cause was \
             lifted on the carrier's side)",
        ),
        Ok(()) => {}
    }
    transition(store, id, console, |o| o.resubmit(clock))
}

fn reject(
    store: &mut Store,
    id: &str,
    args: RejectArgs,
    dir: &Path,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let chosen = args
        .fields
        .map(|f| rejection::parse_fields(&f))
        .transpose()?;
    let mut order = store.editable(id)?.order.clone();
    let text = rejection::read_text(Some(&args.text))?;
    let catalog = rejection::catalog(dir);
    let c = rejection::classify_with(&text, &catalog, dir);
    if !args.force && chosen.is_none() {
        rejection::refuse_status_update(&c)?;
    }
    if let Some(fields) = &chosen {
        rejection::learn(dir, &text, fields, &order, clock.today);
    }
    let quoted = rejection::quoted_values(&text, &c, dir);
    let input = rejection::rejection_input(text, &c, chosen, &catalog);
    let (recorded, action) = (input.fields.clone(), input.action.clone());
    order.reject(input, clock.now)?;
    for (key, value) in &quoted {
        order.set_csr(*key, value, clock.now);
    }
    store.save(&order)?;
    let mut report = format!("{}: {}\n", order.id, order.status.label());
    if recorded.is_empty() {
        report.push_str("The carrier named no field portwiz recognises: compare the whole order with the carrier's Customer Service Record.\n");
    } else {
        report.push_str("Fields to fix:\n");
        for key in &recorded {
            report.push_str(&format!(
                "  ! {} ({key})\n",
                crate::domain::spec(*key).label
            ));
        }
    }
    for (key, value) in &quoted {
        report.push_str(&format!(
            "The carrier's record says {key} = \"{value}\" (kept as the CSR value)\n"
        ));
    }
    let marked: Vec<String> = order
        .marked_numbers()
        .into_iter()
        .filter(|(_, mark)| mark.at == clock.now)
        .map(|(number, mark)| format!("  x {number}  {}\n", mark.describe()))
        .collect();
    if !marked.is_empty() {
        report.push_str(&format!(
            "Numbers the carrier rejected (marked on the order; `portwiz move-out {}` moves them \
             into a draft of their own):\n{}",
            order.id,
            marked.concat()
        ));
    }
    report.push_str(&format!("What to do: {action}\n"));
    console.print(&report)
}

fn export(
    store: &Store,
    id: &str,
    to: ExportArgs,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let format = to.format;
    if to.include_secrets && !format.may_hold_the_pin() {
        return Err(Failure::Input(format!(
            "--include-secrets adds the PIN to json and text exports and packets only; the {} export \
             never holds it",
            format.name()
        )));
    }
    let order = &store.get(id)?.order;
    if format.writes_folder() {
        let (dir, force) = (to.file.output, to.file.force);
        return super::packet::export_packet(order, to.include_secrets, dir, force, console);
    }
    let written = crate::domain::export::powershell::Written {
        tenant: crate::store::tenants::name_of(store.dir()),
        at: clock.now,
    };
    let bytes = crate::domain::export::bytes(order, format, to.include_secrets, &written)
        .map_err(|e| Failure::Refused(vec![e.to_string()]))?;
    match to.file.output {
        Some(path) => super::export_file::write_export(&path, &bytes, to.file.force),
        // Text is cleaned on its way to stdout; the PDF's bytes are the file.
        None if format.is_text() => console.print(&String::from_utf8_lossy(&bytes)),
        None if Console::out_is_terminal() => Err(Failure::Input(format!(
            "the LOA PDF is a binary file and is not written to a terminal; \
             write it to a file with `portwiz export {id} --format loa-pdf -o {id}-loa.pdf`, \
             or redirect it: `... > {id}-loa.pdf`",
            id = order.id
        ))),
        None => console.print_binary(&bytes),
    }
}

fn foc(
    store: &mut Store,
    id: &str,
    date: &str,
    time: Option<&str>,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    // The same readings as the TUI's response dialog.
    let date = crate::domain::rules::port_date::parse_date(date).ok_or_else(|| {
        Failure::Input(format!(
            "`{}` is not a date; write it as YYYY-MM-DD or MM/DD/YYYY (month first), \
             e.g. 2026-12-08 or 12/08/2026",
            date.trim()
        ))
    })?;
    let time = time
        .map(|t| {
            crate::domain::rules::port_time::parse_time(t).ok_or_else(|| {
                // The carrier's zone is the order's (an unknown id is said by `get` below).
                let zone = store.get(id).map_or_else(
                    |_| "US Eastern".to_string(),
                    |l| l.order.fields.carrier_zone_name(),
                );
                Failure::Input(format!(
                    "`{}` is not a time; write it as HH:MM (24-hour, {zone}) or \
                     h:mm am/pm, e.g. 14:30 or 2:30 pm",
                    t.trim()
                ))
            })
        })
        .transpose()?;
    let warnings = store.get(id)?.order.foc_date_warnings(date);
    transition(store, id, console, |o| o.confirm_foc(date, time, clock.now))?;
    for warning in warnings {
        console.say(&format!("warning: {warning}"));
    }
    Ok(())
}

fn complete(
    store: &mut Store,
    id: &str,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let warnings = store.get(id)?.order.completion_warnings(clock.now);
    transition(store, id, console, |o| o.complete(clock.now))?;
    for warning in warnings {
        console.say(&format!("warning: {warning}"));
    }
    Ok(())
}

/// `ask ID KIND`: the e-mail on stdout, ready to paste.
fn ask(
    store: &mut Store,
    id: &str,
    kind: &str,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let kind: crate::domain::asks::AskKind = kind
        .parse()
        .map_err(|e: String| Failure::Input(format!("ask: {e}")))?;
    let order = &store.get(id)?.order;
    console.print(&crate::domain::asks::ask(order, kind, clock).text())
}

/// The order a command is about, if any. Every variant is named, so a new command has to say.
fn order_id_mut(command: &mut Command) -> Option<&mut String> {
    match command {
        Command::Show { id, .. }
        | Command::Set { id, .. }
        | Command::Submit { id }
        | Command::Reject { id, .. }
        | Command::Resubmit { id, .. }
        | Command::Export { id, .. }
        | Command::Foc { id, .. }
        | Command::Complete { id }
        | Command::Support { id, .. }
        | Command::Ticket { id, .. }
        | Command::Note { id, .. }
        | Command::Assign { id, .. }
        | Command::MoveOut { id, .. }
        | Command::Cancel { id }
        | Command::Copy { id }
        | Command::Ask { id, .. } => Some(id),
        Command::List { .. }
        | Command::New { .. }
        | Command::Classify { .. }
        | Command::Import { .. }
        | Command::Split { .. }
        | Command::Stats { .. }
        | Command::Today { .. }
        | Command::Calendar { .. }
        | Command::Reconcile { .. }
        | Command::Completions { .. }
        | Command::Tenants { .. }
        | Command::Report { .. }
        | Command::Man => None,
    }
}

/// Classify a carrier message; no order and no store is touched.
fn classify(
    json: bool,
    explain: bool,
    text: Option<&str>,
    dir: &Path,
    console: &mut Console,
) -> Result<(), Failure> {
    let text = rejection::read_text(text)?;
    let catalog = rejection::catalog(dir);
    let c = rejection::classify_with(&text, &catalog, dir);
    let suggestion = rejection::suggestion(&text, &catalog, &c);
    console.print(&if json {
        output::json(&rejection::classification_json(&c, suggestion.as_ref()))
    } else {
        let mut out = rejection::classification_text(&c);
        out += &rejection::suggestion_text(suggestion.as_ref());
        if explain {
            let reading = rejection::model_reading(&text, &catalog, &c);
            out += &rejection::explanation_text(&c, reading.as_ref());
            out += &rejection::model_explanation(reading.as_ref());
        }
        out
    })
}

/// Apply one lifecycle action, save, and say where the order stands now.
fn transition(
    store: &mut Store,
    id: &str,
    console: &mut Console,
    action: impl FnOnce(&mut Order) -> Result<(), crate::domain::Refusal>,
) -> Result<(), Failure> {
    let mut order = store.editable(id)?.order.clone();
    action(&mut order)?;
    store.save(&order)?;
    console.print(&format!("{}: {}\n", order.id, order.status.label()))
}

fn read_document(path: &Path, allow_order_keys: bool) -> Result<Document, Failure> {
    let text = input::read_text(path, &input::DOCUMENT)?;
    document::parse(&text, allow_order_keys)
        .map_err(|e| Failure::Input(format!("{}: {e}", path.display())))
}

/// The readiness check's warnings, on stderr, before a submission (its errors refuse it).
fn print_warnings(
    store: &Store,
    id: &str,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let order = &store.get(id)?.order;
    for problem in readiness(order, clock.today) {
        if problem.severity == Severity::Warning {
            console.say(&format!("warning: {}", problem.message));
        }
    }
    Ok(())
}

/// `KEY VALUE [KEY VALUE]...` as keys and values; an unknown key or a key without a value is a
/// usage error.
fn set_pairs(pairs: SetPairs) -> Result<Vec<(FieldKey, String)>, Failure> {
    let SetPairs { key, value, more } = pairs;
    if more.len() % 2 == 1 {
        return Err(Failure::Input(format!(
            "`{}` has no value; give KEY VALUE pairs",
            more.last().map(String::as_str).unwrap_or_default()
        )));
    }
    let mut words = vec![key, value];
    words.extend(more);
    words
        .chunks(2)
        .map(|pair| {
            let key: FieldKey = pair[0]
                .parse()
                .map_err(|e: crate::domain::key::UnknownFieldKey| Failure::Input(e.to_string()))?;
            Ok((key, pair[1].clone()))
        })
        .collect()
}

/// A value from the command line; `numbers @FILE.csv` reads a CSV (Teams' `PhoneNumber` column)
/// with the domain's reader: each bad row is named once on stderr with its row number and left
/// out, the good rows are kept, and a summary gives both counts.
fn read_value(
    key: FieldKey,
    value: &str,
    fields: &OrderFields,
    console: &mut Console,
) -> Result<FieldValue, Failure> {
    let Some(path) = value.strip_prefix('@').filter(|_| key == FieldKey::Numbers) else {
        return Ok(FieldValue::Text(value.to_string()));
    };
    let bytes = input::read_bytes(Path::new(path), &input::CSV)?;
    input::check_csv_lines(&bytes, path)?;
    let import = entry::numbers_from_csv(&bytes, fields)
        .map_err(|e| Failure::Input(format!("{path}: {e}")))?;
    for problem in &import.bad_rows {
        console.say(&format!("error: {path}: {problem}"));
    }
    for repeat in &import.repeats {
        console.say(&format!("warning: {path}: {repeat}"));
    }
    console.say(&format!("{path}: {}", import.summary()));
    if import.numbers.is_empty() {
        return Err(Failure::Refused(vec![format!(
            "{path}: no good row; nothing was changed"
        )]));
    }
    Ok(FieldValue::List(import.numbers))
}

fn support(
    store: &mut Store,
    id: &str,
    scenario: &str,
    ticket: Option<String>,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let scenario: SupportScenario = scenario.parse().map_err(Failure::Input)?;
    transition(store, id, console, |o| {
        o.engage_support(scenario, ticket, clock.now)
    })
}

fn set_ticket(
    store: &mut Store,
    id: &str,
    ticket: &str,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    if ticket.trim().is_empty() {
        return Err(Failure::Input(format!(
            "no ticket given for order {id}: a ticket needs an id or a link"
        )));
    }
    transition(store, id, console, |o| o.set_ticket(ticket, clock.now))
}
