//! What each subcommand does: open the store, act through the domain, save, print.

use super::Failure;
use super::args::Command;
use super::output;
use super::rejection;
use crate::domain::document::{self, Document};
use crate::domain::entry::{self, CsvRefusal};
use crate::domain::status::SupportScenario;
use crate::domain::summary::Summary;
use crate::domain::validate::{Severity, check_field};
use crate::domain::{Clock, FieldKey, FieldValue, Order, OrderFields, Status};
use crate::store::{Notice, Store};
use std::io::Read;
use std::path::Path;

/// The real clock, read once per command. `PORTWIZ_TODAY=YYYY-MM-DD` pins it to noon UTC of that
/// day, so scripted runs and tests see the same date rules every day of the year.
pub fn system_clock() -> Clock {
    let pinned = std::env::var("PORTWIZ_TODAY").ok();
    if let Some(today) = pinned.and_then(|d| d.trim().parse::<jiff::civil::Date>().ok()) {
        return Clock::fixed(today);
    }
    let zoned = jiff::Zoned::now();
    Clock {
        now: zoned.timestamp(),
        today: zoned.date(),
    }
}

/// Run one subcommand against the store in `dir`; what it prints goes to `out`.
pub fn run(
    command: Command,
    dir: &Path,
    clock: Clock,
    out: &mut dyn std::io::Write,
) -> Result<(), Failure> {
    // `classify` needs no order, so it opens no store; `list` needs every order; every other
    // command is about one order and reads only that order's file.
    if let Command::Classify { json, text } = &command {
        return classify(*json, text.as_deref(), dir, out);
    }
    let opened = match &command {
        Command::List { .. } => Store::open(dir),
        _ => Store::open_one(dir),
    };
    let (mut store, notices) = opened.map_err(|e| Failure::Input(e.to_string()))?;
    store.on_wait = |holder| {
        let who = holder
            .map(|pid| format!(" (pid {pid})"))
            .unwrap_or_default();
        eprintln!("portwiz: another portwiz{who} is saving; retrying…");
    };
    for notice in &notices {
        if !matches!(notice, Notice::StaleTempRemoved(_)) {
            eprintln!("portwiz: {notice}");
        }
    }
    let print = |out: &mut dyn std::io::Write, text: String| {
        let _ = out.write_all(text.as_bytes());
    };
    match command {
        Command::List { status, json } => {
            let wanted = status
                .map(|s| {
                    s.parse::<Status>()
                        .map_err(|e| Failure::Input(e.to_string()))
                })
                .transpose()?;
            let mut rows: Vec<&Summary> = store
                .summaries()
                .filter(|o| wanted.is_none_or(|w| o.status == w))
                .collect();
            rows.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
            print(
                out,
                if json {
                    output::list_json(&rows)
                } else {
                    output::list_table(&rows, std::io::IsTerminal::is_terminal(&std::io::stdout()))
                },
            );
        }
        Command::Show { id, json } => {
            let id = store.resolve(&id)?;
            let order = &store.get(&id)?.order;
            print(
                out,
                if json {
                    output::json(&document::export(order, false))
                } else {
                    output::show(order, clock)
                },
            );
        }
        Command::New { from } => {
            let doc = read_document(&from, false)?;
            let order = Order::new(
                store.new_id(),
                with_numbers_normalised(doc.fields),
                clock.now,
            );
            let id = order.id.clone();
            // A draft may be incomplete; say what a value that is there gets wrong, now rather
            // than at `submit` (missing fields are for `submit` to list). stdout stays the id.
            for problem in crate::domain::validate::validate(&order.fields, clock.today) {
                if !order.fields.get(problem.key).is_empty() {
                    let kind = if problem.severity == Severity::Error {
                        "error"
                    } else {
                        "warning"
                    };
                    eprintln!("{kind}: {}", problem.message);
                }
            }
            store.create(order)?;
            print(out, format!("{id}\n"));
        }
        Command::Import { file } => {
            let doc = read_document(&file, true)?;
            let order = imported_order(store.new_id(), doc, clock);
            let id = order.id.clone();
            store.create(order)?;
            print(out, format!("{id}\n"));
        }
        Command::Set { id, key, value } => {
            let key: FieldKey = key
                .parse()
                .map_err(|e: crate::domain::key::UnknownFieldKey| Failure::Input(e.to_string()))?;
            let id = store.resolve(&id)?;
            let mut order = store.editable(&id)?.order.clone();
            let value = read_value(key, &value, &order.fields)?;
            let mut trial = order.fields.clone();
            trial.set(key, value.clone());
            let problems = check_field(key, &trial, clock.today);
            let errors: Vec<String> = problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .map(|p| p.message.clone())
                .collect();
            if !errors.is_empty() {
                return Err(Failure::Refused(errors));
            }
            for warning in problems.iter().filter(|p| p.severity == Severity::Warning) {
                eprintln!("warning: {}", warning.message);
            }
            let value = entry::normalised(key, value, &trial);
            if order.edit(key, value, clock.now)? {
                store.save(&order)?;
            }
        }
        Command::Submit { id } => transition(&mut store, &id, out, |o| o.submit(clock))?,
        Command::Resubmit { id } => transition(&mut store, &id, out, |o| o.resubmit(clock))?,
        Command::Classify { json, text } => classify(json, text.as_deref(), dir, out)?,
        Command::Reject { id, text, fields } => {
            let chosen = fields.map(|f| rejection::parse_fields(&f)).transpose()?;
            let id = store.resolve(&id)?;
            let mut order = store.editable(&id)?.order.clone();
            let text = rejection::read_text(Some(&text))?;
            let c = rejection::classify_text(&text, dir);
            let input = rejection::rejection_input(text, &c, chosen);
            let recorded = input.fields.clone();
            order.reject(input, clock.now)?;
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
            report.push_str(&format!("What to do: {}\n", c.action));
            print(out, report);
        }
        Command::Export {
            id,
            format,
            include_secrets,
            output: path,
            force,
        } => {
            let id = store.resolve(&id)?;
            let order = &store.get(&id)?.order;
            let text = crate::domain::export::render(order, format.into(), include_secrets)
                .map_err(|e| Failure::Refused(vec![e.to_string()]))?;
            match path {
                Some(path) => write_export(&path, &text, force)?,
                None => print(out, text),
            }
        }
        Command::Foc { id, date, time } => {
            // The same readings as the TUI's response dialog.
            let date = crate::domain::rules::port_date::parse_date(&date).ok_or_else(|| {
                Failure::Input(format!(
                    "`{}` is not a date; write it as YYYY-MM-DD or MM/DD/YYYY (month first), \
                     e.g. 2026-12-08 or 12/08/2026",
                    date.trim()
                ))
            })?;
            let time = time
                .map(|t| {
                    crate::domain::rules::port_time::parse_time(&t).ok_or_else(|| {
                        Failure::Input(format!(
                            "`{}` is not a time; write it as HH:MM (24-hour, US Eastern) or \
                             h:mm am/pm, e.g. 14:30 or 2:30 pm",
                            t.trim()
                        ))
                    })
                })
                .transpose()?;
            transition(&mut store, &id, out, |o| {
                o.confirm_foc(date, time, clock.now)
            })?;
        }
        Command::Complete { id } => transition(&mut store, &id, out, |o| o.complete(clock.now))?,
        Command::Support {
            id,
            scenario,
            ticket,
        } => {
            let scenario: SupportScenario = scenario.parse().map_err(Failure::Input)?;
            transition(&mut store, &id, out, |o| {
                o.engage_support(scenario, ticket.clone(), clock.now)
            })?;
        }
        Command::Ticket { id, ticket } => {
            transition(&mut store, &id, out, |o| o.set_ticket(&ticket, clock.now))?
        }
        Command::Cancel { id } => transition(&mut store, &id, out, |o| o.cancel(clock.now))?,
    }
    Ok(())
}

/// Classify a carrier message; no order and no store is touched.
fn classify(
    json: bool,
    text: Option<&str>,
    dir: &Path,
    out: &mut dyn std::io::Write,
) -> Result<(), Failure> {
    let text = rejection::read_text(text)?;
    let c = rejection::classify_text(&text, dir);
    let printed = if json {
        output::json(&rejection::classification_json(&c))
    } else {
        rejection::classification_text(&c)
    };
    let _ = out.write_all(printed.as_bytes());
    Ok(())
}

/// Apply one lifecycle action, save, and say where the order stands now.
fn transition(
    store: &mut Store,
    id: &str,
    out: &mut dyn std::io::Write,
    action: impl FnOnce(&mut Order) -> Result<(), crate::domain::Refusal>,
) -> Result<(), Failure> {
    let id = store.resolve(id)?;
    let mut order = store.editable(&id)?.order.clone();
    action(&mut order)?;
    store.save(&order)?;
    let _ = writeln!(out, "{}: {}", order.id, order.status.label());
    Ok(())
}

/// Write an export atomically; an existing file is replaced only with `--force`.
fn write_export(path: &Path, text: &str, force: bool) -> Result<(), Failure> {
    // A bare file name has an empty parent; the atomic write needs a real folder to sync.
    let path = match path.parent() {
        Some(parent) if parent.as_os_str().is_empty() => Path::new(".").join(path),
        _ => path.to_path_buf(),
    };
    if path.is_dir() {
        return Err(Failure::Input(format!(
            "{} is a folder; give a file name",
            path.display()
        )));
    }
    if path.exists() && !force {
        return Err(Failure::Refused(vec![format!(
            "{} already exists; choose another name, or add --force to replace it",
            path.display()
        )]));
    }
    crate::store::atomic::write_atomic(&path, text.as_bytes())
        .map_err(|e| Failure::Refused(vec![format!("cannot write {}: {e}", path.display())]))
}

fn read_document(path: &Path, allow_order_keys: bool) -> Result<Document, Failure> {
    let text = read_text(path)?;
    document::parse(&text, allow_order_keys)
        .map_err(|e| Failure::Input(format!("{}: {e}", path.display())))
}

fn read_text(path: &Path) -> Result<String, Failure> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        return Ok(text);
    }
    std::fs::read_to_string(path)
        .map_err(|e| Failure::Input(format!("cannot read {}: {e}", path.display())))
}

/// A value from the command line; `numbers @FILE.csv` reads a CSV (Teams' `PhoneNumber` column):
/// every bad row is reported by its row number and the change is refused, so nothing half-read
/// is stored; repeated rows are merged with a warning.
fn read_value(key: FieldKey, value: &str, fields: &OrderFields) -> Result<FieldValue, Failure> {
    let Some(path) = value.strip_prefix('@').filter(|_| key == FieldKey::Numbers) else {
        return Ok(FieldValue::Text(value.to_string()));
    };
    let bytes =
        std::fs::read(path).map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))?;
    match entry::numbers_from_csv(&bytes, fields) {
        Ok(import) => {
            for warning in &import.warnings {
                eprintln!("warning: {path}: {warning}");
            }
            Ok(FieldValue::List(import.numbers))
        }
        Err(CsvRefusal::File(e)) => Err(Failure::Input(format!("{path}: {e}"))),
        Err(CsvRefusal::Rows { messages, good }) => {
            let mut reasons: Vec<String> =
                messages.iter().map(|m| format!("{path}: {m}")).collect();
            reasons.push(format!(
                "{good} good row(s) were read; nothing was changed. Fix the rows above and run the command again."
            ));
            Err(Failure::Refused(reasons))
        }
    }
}

/// An imported export becomes a new order that keeps the status and story it read.
/// The fields with the numbers written as `set` and the app write them (E.164), so a hand-written
/// `(425) 555-0101` does not reach the CSV export in that form. Numbers that do not parse are
/// kept as written, for `submit` to report.
fn with_numbers_normalised(mut fields: OrderFields) -> OrderFields {
    for key in [
        FieldKey::Numbers,
        FieldKey::BillingTelephoneNumber,
        FieldKey::ReplacementBtn,
    ] {
        let value = entry::normalised(key, fields.get(key), &fields);
        fields.set(key, value);
    }
    fields
}

fn imported_order(id: String, doc: Document, clock: Clock) -> Order {
    let mut order = Order::new(id, with_numbers_normalised(doc.fields), clock.now);
    if let Some(status) = doc.status {
        order.status = status;
    }
    if !doc.history.is_empty() {
        order.history = doc.history;
        order.created_at = order.history.first().map_or(clock.now, |h| h.at);
    }
    order.rejections = doc.rejections;
    order.csr = doc.csr;
    order.foc = doc.foc;
    order.support = doc.support;
    order.ticket = doc.ticket;
    if order.status != Status::Draft {
        let mut sent = order.fields.clone();
        sent.pin = crate::domain::secret::Secret::default();
        order.submitted_fields = Some(sent);
    }
    order.history.push(crate::domain::history::HistoryEntry {
        at: clock.now,
        event: crate::domain::history::Event::Imported,
        from: None,
        to: None,
        note: "Imported from an export".into(),
        changes: Vec::new(),
    });
    order.updated_at = clock.now;
    order
}
