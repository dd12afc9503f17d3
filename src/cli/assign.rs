//! `portwiz assign ID FILE.csv` (docs/command-line.md, assign): who each ported number goes to in
//! Teams. The sheet is read whole and checked by the domain (`domain::assign`) before the order
//! changes: a bad sheet is named line by line on stderr and changes nothing; a good one is saved
//! as one history entry, and stdout says each number it changed.

use super::Failure;
use super::console::Console;
use super::input;
use crate::domain::Clock;
use crate::domain::assign::{self, Headers};
use crate::store::Store;
use std::path::Path;

pub fn run(
    store: &mut Store,
    id: &str,
    path: &Path,
    clock: Clock,
    console: &mut Console,
) -> Result<(), Failure> {
    let name = path.display().to_string();
    let bytes = input::read_bytes(path, &input::CSV)?;
    input::check_csv_lines(&bytes, &name)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| Failure::Input(format!("{name} is not UTF-8 text: {e}")))?;
    let rows = assign::read_rows(&text, Headers::Required)
        .map_err(|e| Failure::Input(format!("{name}: {e}")))?;
    let mut order = store.editable(id)?.order.clone();
    let proposal = assign::propose(&order, &rows);
    for warning in proposal.warnings() {
        console.say(&format!("warning: {name}: {warning}"));
    }
    if proposal.has_errors() {
        let mut reasons: Vec<String> = proposal.errors().map(|e| format!("{name}: {e}")).collect();
        reasons.push(format!("nothing was changed in order {}", order.id));
        return Err(Failure::Refused(reasons));
    }
    order.assign(&proposal.changes, clock.now)?;
    if !proposal.changes.is_empty() {
        store.save(&order)?;
    }
    let mut out = String::new();
    for change in &proposal.changes {
        out.push_str(&change.describe());
        out.push('\n');
    }
    let assigned = order.assigned_count();
    let total = order.fields.numbers.len();
    out.push_str(&match proposal.changes.len() {
        0 => format!(
            "{}: nothing changed; {assigned} of {total} numbers assigned\n",
            order.id
        ),
        n => format!(
            "{}: {n} {} changed; {assigned} of {total} numbers assigned\n",
            order.id,
            if n == 1 { "assignment" } else { "assignments" }
        ),
    });
    console.print(&out)
}
