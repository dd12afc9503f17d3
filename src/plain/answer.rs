//! What the carrier (or Microsoft) answered, recorded in plain mode with the response dialog's
//! questions: a rejection (its words, classified, and the fields it named), a FOC, completion,
//! Microsoft support (its scenario and ticket), a cancellation, or a support ticket alone. Each
//! goes through the order's own transition (`domain::transitions`), as the app and the commands
//! record it; what the lifecycle refuses is said, and nothing changes.

use super::named::{Reading, fields_named};
use super::prompt::Prompter;
use super::{Outcome, PlainError};
use crate::cli::rejection;
use crate::domain::answer::{Answer, refusal};
use crate::domain::classifier::is_lesson;
use crate::domain::export::one_line;
use crate::domain::rules::{port_date::parse_date, port_time::parse_time};
use crate::domain::status::SupportScenario;
use crate::domain::{Clock, Order, spec};
use crate::store::Store;
use std::io::{BufRead, Write};

/// The answers offered, in the dialog's order, then the ticket (the app's `a`).
enum Offer {
    Answer(Answer),
    Ticket,
}

/// Ask what was answered about `order`, record it and save; the end of input keeps the order.
pub fn record<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    store: &mut Store,
    mut order: Order,
    clock: Clock,
) -> Result<Outcome, PlainError> {
    p.say("")?;
    p.say(super::heading(&order))?;
    if order.status.is_final() {
        p.say("Nothing more can be recorded on it.")?;
        return Ok(Outcome::Kept(Some(order.id)));
    }
    let Some(offer) = choose(p, &order, clock)? else {
        return Ok(end_of_input(p, &order)?);
    };
    let recorded = match offer {
        Offer::Answer(Answer::Rejection) => rejection(p, store.dir(), &mut order, clock)?,
        Offer::Answer(Answer::Foc) => foc(p, &mut order, clock)?,
        Offer::Answer(kind @ (Answer::Completion | Answer::Cancellation)) => {
            confirm(p, &mut order, kind, clock)?
        }
        Offer::Answer(Answer::Support) => support(p, &mut order, clock)?,
        Offer::Ticket => ticket(p, &mut order, clock)?,
    };
    if recorded {
        store.save(&order)?;
        p.say(format!(
            "Recorded. Order {} is now {}.",
            order.id,
            order.status.label()
        ))?;
        if order.status.is_editable() {
            p.say("Run portwiz --plain again and choose it to fix what the carrier named.")?;
        }
    } else {
        p.say("Nothing was recorded.")?;
    }
    Ok(Outcome::Kept(Some(order.id)))
}

fn end_of_input<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    order: &Order,
) -> std::io::Result<Outcome> {
    p.say("End of input. Nothing was recorded.")?;
    Ok(Outcome::Kept(Some(order.id.clone())))
}

/// The menu: each answer with what it means, or why it cannot be recorded now.
fn choose<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    order: &Order,
    clock: Clock,
) -> Result<Option<Offer>, PlainError> {
    p.say("What did the carrier or Microsoft answer?")?;
    for (n, kind) in Answer::ALL.into_iter().enumerate() {
        let why = match refusal(order, kind, clock.now) {
            None => kind.meaning().to_string(),
            Some(why) => format!("not now: {}", one_line(&why)),
        };
        p.say(format!("  {}) {}: {why}", n + 1, kind.label()))?;
    }
    let ticket = Answer::ALL.len() + 1;
    p.say(format!(
        "  {ticket}) A support ticket: its id or link, to find it again"
    ))?;
    loop {
        let Some(answer) = p.ask("Answer: ")? else {
            return Ok(None);
        };
        let chosen = answer.trim().parse::<usize>().ok();
        match chosen {
            Some(n) if n == ticket => return Ok(Some(Offer::Ticket)),
            Some(n) if (1..ticket).contains(&n) => {
                let kind = Answer::ALL[n - 1];
                match refusal(order, kind, clock.now) {
                    None => return Ok(Some(Offer::Answer(kind))),
                    Some(why) => p.say(format!("  Refused: {}", one_line(&why)))?,
                }
            }
            _ => p.say(format!("  Type a number from 1 to {ticket}."))?,
        }
    }
}

/// The carrier's words (lines up to an empty one), the classifier's reading, the fields to fix
/// (`named`: Enter keeps the suggestion; "not sure" asks which field), recorded as `reject`
/// records them: the quoted values become the CSR's; a correction of the suggestion, or the
/// answer to "not sure", is learned (`is_lesson`, as the dialog learns).
fn rejection<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    dir: &std::path::Path,
    order: &mut Order,
    clock: Clock,
) -> Result<bool, PlainError> {
    p.say("Paste or type the carrier's words; an empty line ends them.")?;
    let mut lines = Vec::new();
    while let Some(line) = p.ask(if lines.is_empty() { "Words: " } else { "" })? {
        if line.trim().is_empty() {
            break;
        }
        lines.push(line);
    }
    let text = lines.join("\n");
    if text.trim().is_empty() {
        p.say("  No words were given.")?;
        return Ok(false);
    }
    let catalog = rejection::catalog(dir);
    let c = rejection::classify_with(&text, &catalog, dir);
    for line in rejection::classification_text(&c).lines() {
        p.say(format!("  {line}"))?;
    }
    let suggestion = rejection::suggestion(&text, &catalog, &c);
    let reading = Reading {
        answer: &c,
        suggestion: suggestion.as_ref(),
    };
    let Some(chosen) = fields_named(p, order, &reading)? else {
        return Ok(false);
    };
    if chosen.is_empty() && c.is_status_update() {
        let question =
            "  This reads like a status update, not a rejection. Record it anyway? [y/N] ";
        if !yes(p.ask(question)?) {
            return Ok(false);
        }
    }
    let quoted = crate::domain::classifier::quoted_values(&text, &catalog, &chosen);
    // As the dialog learns: a changed choice, or the answer to "which field?" (the same rule).
    if is_lesson(&c, suggestion.as_ref(), &chosen) {
        rejection::learn(dir, &text, &chosen, order, clock.today);
    }
    let input = rejection::rejection_input(text, &c, Some(chosen), &catalog);
    if let Err(why) = order.reject(input, clock.now) {
        p.say(format!("  Refused: {}", one_line(&why.to_string())))?;
        return Ok(false);
    }
    for (key, value) in &quoted {
        order.set_csr(*key, value, clock.now);
        p.say(format!(
            "  The carrier's record: {} “{}” (kept as the CSR value)",
            spec(*key).label_for(&order.fields),
            one_line(value)
        ))?;
    }
    Ok(true)
}

/// The port date (and time) the carrier confirmed, read as `foc` reads them; its warnings said.
fn foc<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    order: &mut Order,
    clock: Clock,
) -> Result<bool, PlainError> {
    let date = loop {
        let Some(answer) = p.ask("FOC date (YYYY-MM-DD or MM/DD/YYYY): ")? else {
            return Ok(false);
        };
        match parse_date(&answer) {
            Some(date) => break date,
            None => p.say("  Not a date: write it as 2026-12-08 or 12/08/2026 (month first).")?,
        }
    };
    let time = loop {
        let zone = order.fields.carrier_zone_name();
        let Some(answer) = p.ask(&format!(
            "FOC time (HH:MM {zone}, or 2:30 pm; Enter for none): "
        ))?
        else {
            return Ok(false);
        };
        if answer.trim().is_empty() {
            break None;
        }
        match parse_time(&answer) {
            Some(time) => break Some(time),
            None => p.say("  Not a time: write it as 14:30 or 2:30 pm.")?,
        }
    };
    for warning in order.foc_date_warnings(date) {
        p.say(format!("  Warning: {}", one_line(&warning)))?;
    }
    said_if_refused(p, order.confirm_foc(date, time, clock.now))
}

/// Completion or cancellation: asked once more, as the dialog's `y` does.
fn confirm<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    order: &mut Order,
    kind: Answer,
    clock: Clock,
) -> Result<bool, PlainError> {
    if !yes(p.ask(&format!("{}? [y/N] ", kind.meaning()))?) {
        return Ok(false);
    }
    let done = match kind {
        Answer::Completion => order.complete(clock.now),
        _ => order.cancel(clock.now),
    };
    said_if_refused(p, done)
}

/// Why Microsoft support has the order (its scenario), and its ticket if there is one.
fn support<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    order: &mut Order,
    clock: Clock,
) -> Result<bool, PlainError> {
    p.say("Why does Microsoft support have the order?")?;
    for (n, scenario) in SupportScenario::ALL.into_iter().enumerate() {
        p.say(format!("  {}) {}", n + 1, scenario.description()))?;
    }
    let scenario = loop {
        let Some(answer) = p.ask("Scenario: ")? else {
            return Ok(false);
        };
        match answer.trim().parse::<usize>() {
            Ok(n) if (1..=SupportScenario::ALL.len()).contains(&n) => {
                break SupportScenario::ALL[n - 1];
            }
            _ => p.say(format!(
                "  Type a number from 1 to {}.",
                SupportScenario::ALL.len()
            ))?,
        }
    };
    let Some(ticket) = p.ask("Support ticket id or link (Enter for none): ")? else {
        return Ok(false);
    };
    let ticket = Some(ticket.trim().to_string()).filter(|t| !t.is_empty());
    said_if_refused(p, order.engage_support(scenario, ticket, clock.now))
}

/// A support ticket's id or link, on any open order (the app's `a`).
fn ticket<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    order: &mut Order,
    clock: Clock,
) -> Result<bool, PlainError> {
    loop {
        let Some(answer) = p.ask("Support ticket id or link: ")? else {
            return Ok(false);
        };
        if answer.trim().is_empty() {
            p.say("  A ticket needs an id or a link.")?;
            continue;
        }
        return said_if_refused(p, order.set_ticket(answer.trim(), clock.now));
    }
}

fn said_if_refused<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    done: Result<(), crate::domain::Refusal>,
) -> Result<bool, PlainError> {
    match done {
        Ok(()) => Ok(true),
        Err(why) => {
            p.say(format!("  Refused: {}", one_line(&why.to_string())))?;
            Ok(false)
        }
    }
}

fn yes(answer: Option<String>) -> bool {
    answer.is_some_and(|a| matches!(a.trim().to_lowercase().as_str(), "y" | "yes"))
}
