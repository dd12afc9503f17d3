//! The first question: a new order, one of the orders that can still be edited, or one waiting
//! on the carrier (or Microsoft) whose answer to record.

use super::prompt::Prompter;
use crate::domain::export::one_line;
use crate::domain::summary::Summary;
use crate::domain::{Clock, Order, OrderFields, insights};
use crate::store::Store;
use std::io::{self, BufRead, Write};

/// What the user chose to do.
pub enum Chosen {
    /// Answer the fields of a new order, a draft or a rejected order.
    Edit(Order),
    /// Record what the carrier (or Microsoft) answered about this order.
    Answer(Order),
}

/// The order to work on and what to do with it, or `None` at the end of input.
pub fn choose_order<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    store: &Store,
    clock: Clock,
) -> io::Result<Option<Chosen>> {
    let now = clock.now;
    let newest_first =
        |a: &&Summary, b: &&Summary| b.updated_at.cmp(&a.updated_at).then(a.id().cmp(b.id()));
    let mut open: Vec<&Summary> = store
        .summaries()
        .filter(|s| s.status.is_editable())
        .collect();
    open.sort_by(newest_first);
    let mut waiting: Vec<&Summary> = store
        .summaries()
        .filter(|s| !s.status.is_editable() && !s.status.is_final())
        .collect();
    waiting.sort_by(newest_first);
    let new_order = || Order::new(store.new_id(), OrderFields::default(), now);
    if open.is_empty() && waiting.is_empty() {
        p.say("No draft or rejected order to continue: starting a new order.")?;
        return Ok(Some(Chosen::Edit(new_order())));
    }
    list_orders(p, &open, &waiting)?;
    let listed: Vec<&Summary> = open.iter().chain(&waiting).copied().collect();
    loop {
        let Some(answer) = p.ask("Order: ")? else {
            return Ok(None);
        };
        let answer = answer.trim();
        if answer.is_empty() || answer.eq_ignore_ascii_case("new") {
            return Ok(Some(Chosen::Edit(new_order())));
        }
        if ["i", "insights", "stats"]
            .iter()
            .any(|w| answer.eq_ignore_ascii_case(w))
        {
            let figures = insights::compute(&store.read_every_order(), now);
            p.say(crate::cli::stats::text(&figures, clock).trim_end())?;
            p.say("")?;
            continue;
        }
        // `r 2` (or `r PO-…`): record an answer, whatever the order's status.
        let (to_answer, which) = match answer.split_once(' ') {
            Some((r, rest)) if r.eq_ignore_ascii_case("r") => (true, rest.trim()),
            _ => (false, answer),
        };
        let id = match which.parse::<usize>() {
            Ok(n) if (1..=listed.len()).contains(&n) => listed[n - 1].id().to_string(),
            Ok(_) => {
                p.say(format!("Choose a number from 1 to {}.", listed.len()))?;
                continue;
            }
            Err(_) => which.to_string(),
        };
        match store.get(&id) {
            Ok(loaded) if to_answer || !loaded.order.status.is_editable() => {
                return Ok(Some(Chosen::Answer(loaded.order.clone())));
            }
            Ok(loaded) => return Ok(Some(Chosen::Edit(loaded.order.clone()))),
            Err(e) => p.say(format!("{e}."))?,
        }
    }
}

/// The orders to continue, then those waiting on an answer, numbered as one list.
fn list_orders<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    open: &[&Summary],
    waiting: &[&Summary],
) -> io::Result<()> {
    let line = |n: usize, s: &Summary| {
        format!(
            "  {}) {}  {}  {} ({} numbers)",
            n,
            s.id(),
            s.status.label(),
            one_line(s.name()),
            s.number_count
        )
    };
    if !open.is_empty() {
        p.say("Orders you can continue:")?;
    }
    for (n, s) in open.iter().enumerate() {
        p.say(line(n + 1, s))?;
    }
    if !waiting.is_empty() {
        p.say(
            "Orders waiting on the carrier or Microsoft (choose one to record what it answered):",
        )?;
    }
    for (n, s) in waiting.iter().enumerate() {
        p.say(line(open.len() + n + 1, s))?;
    }
    p.say(
        "Type a number from the list or an order id to continue it; press Enter for a new order.",
    )?;
    p.say(
        "Type r and a number (r 1) to record what the carrier or Microsoft answered about an \
         order, or its support ticket.",
    )?;
    p.say("Type i for the insights from your orders' history (as portwiz stats prints them).")
}
