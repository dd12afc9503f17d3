//! `portwiz calendar [-o FILE [--force]]`: the orders' dates as an iCalendar file
//! (`domain::calendar`, written by `domain::export::ics`), on stdout or into a file as `export
//! -o` writes one.

use super::{Console, Failure};
use crate::domain::Clock;
use crate::domain::calendar;
use crate::domain::export::ics;
use crate::store::Store;
use std::path::Path;

pub fn run(
    store: &Store,
    output: Option<&Path>,
    force: bool,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let events = calendar::events(&store.read_every_order(), clock);
    let text = ics::render(&events, clock.now);
    match output {
        Some(path) => {
            super::export_file::write_export(path, text.as_bytes(), force)?;
            console.say(&format!(
                "portwiz: {} events written to {}",
                events.len(),
                path.display()
            ));
            Ok(())
        }
        None => console.print(&text),
    }
}
