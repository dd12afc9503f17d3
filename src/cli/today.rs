//! `portwiz today`: what needs the user now, most urgent first (`domain::today`), as text or one
//! JSON document.

use super::Failure;
use super::console::Console;
use crate::domain::Clock;
use crate::domain::today::{self, Item};
use crate::store::Store;
use serde_json::{Value, json};

/// Print today's list of every order in the store.
pub fn run(
    store: &Store,
    clock: Clock,
    as_json: bool,
    console: &mut Console,
) -> Result<(), Failure> {
    let items = today::today(&store.read_every_order(), clock);
    if as_json {
        console.print(&super::output::json(&to_json(&items, clock)))
    } else {
        console.print(&text(&items, clock))
    }
}

/// The list as text: a heading with the date, then per item its id, name and heading, and what
/// to do on the next line.
pub fn text(items: &[Item], clock: Clock) -> String {
    if items.is_empty() {
        return format!("Today, {}: nothing needs you.\n", clock.today);
    }
    let things = if items.len() == 1 {
        "thing needs"
    } else {
        "things need"
    };
    let mut out = format!(
        "Today, {}: {} {things} you, most urgent first.\n",
        clock.today,
        items.len()
    );
    for item in items {
        out.push_str(&format!(
            "\n{}  {}  {}\n  {}\n",
            item.id,
            item.need.title(),
            item.name,
            item.need.says()
        ));
    }
    out
}

fn to_json(items: &[Item], clock: Clock) -> Value {
    let items: Vec<Value> = items
        .iter()
        .map(|item| {
            json!({
                "id": item.id,
                "name": item.name,
                "status": item.status.key(),
                "rank": item.need.rank(),
                "need": item.need.title(),
                "says": item.need.says(),
            })
        })
        .collect();
    json!({"today": clock.today.to_string(), "items": items})
}
