//! `portwiz move-out ID [NUMBER...]`: numbers out of an order into a new draft of their own
//! (`domain::move_out`), by default the numbers the carrier's rejection marked.

use super::Failure;
use super::console::Console;
use crate::domain::{Clock, Status};
use crate::store::Store;

/// Make the draft, save it, then the order without the numbers; the new id on stdout, what
/// moved and what is left on stderr. The draft is saved first: if the second save fails, the
/// numbers are in both orders, never in neither.
pub fn move_out(
    store: &mut Store,
    id: &str,
    numbers: &[String],
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let mut order = store.editable(id)?.order.clone();
    let chosen = order.numbers_to_move(numbers)?;
    let marks: Vec<String> = chosen
        .iter()
        .map(|n| match order.number_marks.get(n) {
            Some(mark) => format!("  {n}: {} (\"{}\")", mark.problem.label(), mark.words),
            None => format!("  {n}"),
        })
        .collect();
    let draft = order.move_out(&chosen, store.new_id(), clock)?;
    let new_id = draft.id.clone();
    store.create(draft)?;
    store.save(&order)?;
    console.say(&format!(
        "portwiz: moved {} number(s) out of {} into the new draft {new_id}:",
        chosen.len(),
        order.id
    ));
    for line in &marks {
        console.say(line);
    }
    let left = order.fields.numbers.len();
    console.say(&if order.status == Status::CustomerActionRequired {
        format!(
            "portwiz: {} keeps {left} number(s), ready to resubmit: `portwiz resubmit {}`",
            order.id, order.id
        )
    } else {
        format!("portwiz: {} keeps {left} number(s)", order.id)
    });
    console.print(&format!("{new_id}\n"))
}
