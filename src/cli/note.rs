//! `portwiz note ID TEXT`: a dated note in the order's journal (`domain::journal`).

use super::Failure;
use super::console::Console;
use crate::domain::Clock;
use crate::domain::facts::local_time;
use crate::store::Store;

/// Add the note, save, and say what was recorded (the note as stored: cleaned, one line).
pub fn note(
    store: &mut Store,
    id: &str,
    text: &str,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let mut order = store.editable(id)?.order.clone();
    let stored = order.add_note(text, clock.now)?;
    store.save(&order)?;
    let zone = crate::system::time_zone();
    console.print(&format!(
        "{}: note added {}: {}\n",
        order.id,
        local_time(clock.now, &zone),
        stored
    ))
}
