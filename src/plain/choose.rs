//! The first question: a new order, or one of the orders that can still be edited.

use super::prompt::Prompter;
use crate::domain::export::one_line;
use crate::domain::{Clock, Order, OrderFields, Status, insights};
use crate::store::Store;
use std::io::{self, BufRead, Write};

/// The order to work on, or `None` at the end of input.
pub fn choose_order<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    store: &Store,
    clock: Clock,
) -> io::Result<Option<Order>> {
    let now = clock.now;
    let mut open: Vec<_> = store
        .summaries()
        .filter(|s| s.status.is_editable())
        .collect();
    open.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
    let new_order = || Order::new(store.new_id(), OrderFields::default(), now);
    if open.is_empty() {
        p.say("No draft or rejected order to continue: starting a new order.")?;
        return Ok(Some(new_order()));
    }
    p.say("Orders you can continue:")?;
    for (n, s) in open.iter().enumerate() {
        p.say(format!(
            "  {}) {}  {}  {} ({} numbers)",
            n + 1,
            s.id,
            s.status.label(),
            one_line(&s.name),
            s.number_count
        ))?;
    }
    p.say(
        "Type a number from the list or an order id to continue it; press Enter for a new order.",
    )?;
    p.say("Type i for the insights from your orders' history (as portwiz stats prints them).")?;
    loop {
        let Some(answer) = p.ask("Order: ")? else {
            return Ok(None);
        };
        let answer = answer.trim();
        if answer.is_empty() || answer.eq_ignore_ascii_case("new") {
            return Ok(Some(new_order()));
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
        let id = match answer.parse::<usize>() {
            Ok(n) if (1..=open.len()).contains(&n) => open[n - 1].id.clone(),
            Ok(_) => {
                p.say(format!("Choose a number from 1 to {}.", open.len()))?;
                continue;
            }
            Err(_) => answer.to_string(),
        };
        match store.get(&id) {
            Ok(loaded) if loaded.order.status.is_editable() => {
                return Ok(Some(loaded.order.clone()));
            }
            Ok(loaded) => p.say(format!(
                "Order {id} is {}: only orders in {} or {} can be changed.",
                loaded.order.status.label(),
                Status::Draft.label(),
                Status::CustomerActionRequired.label()
            ))?,
            Err(e) => p.say(format!("{e}."))?,
        }
    }
}
