//! The text export: the order as a plain summary in the wizard's order, to read, paste into the
//! Teams admin center or e-mail to the carrier. No colour, no box drawing: it reads the same in
//! a mail client, a screen reader or a terminal.

use super::{clean, one_line, readable_value, wrapped_numbers};
use crate::domain::key::FieldKey;
use crate::domain::order::Order;
use crate::domain::registry::{FIELDS, Step};
use crate::domain::status::Status;

/// Numbers on one line of the list: five E.164 numbers and their commas fit in 72 columns.
const NUMBERS_PER_LINE: usize = 5;
const NOT_GIVEN: &str = "(not given)";
const WITHHELD: &str = "(withheld)";
/// After a value the carrier's latest rejection named: words, not colour.
const REJECTED_MARK: &str = "   <- named in the rejection";

/// The summary. The PIN shows as "(withheld)" unless `include_secrets`.
pub fn render(order: &Order, include_secrets: bool) -> String {
    let mut out = String::new();
    header(&mut out, order);
    rejection(&mut out, order);
    foc(&mut out, order);
    let width = FIELDS
        .iter()
        .map(|f| f.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let steps = Step::pages_of(&order.fields)
        .iter()
        .filter(|s| s.fields().next().is_some());
    for (n, step) in steps.enumerate() {
        out.push_str(&format!("\n{}. {}\n", n + 1, step.title()));
        for field in step.fields_asked(&order.fields) {
            let label = format!("{}:", field.label_for(&order.fields));
            if field.key == FieldKey::Numbers {
                numbers(&mut out, &order.fields.numbers, &label);
                continue;
            }
            let value = order.fields.get(field.key);
            let shown = match readable_value(field, &value) {
                None => NOT_GIVEN.to_string(),
                Some(_) if field.secret && !include_secrets => WITHHELD.to_string(),
                Some(v) => v,
            };
            let flag = if order.rejected_fields().contains(&field.key) {
                REJECTED_MARK
            } else {
                ""
            };
            out.push_str(&format!("   {label:<width$}{shown}{flag}\n"));
        }
    }
    notes(&mut out, order);
    out
}

/// The journal's notes, dated, after the fields: what was said with the carrier or the desk.
fn notes(out: &mut String, order: &Order) {
    let notes = crate::domain::journal::dated_notes(order);
    if notes.is_empty() {
        return;
    }
    out.push_str(&format!("\nNotes ({})\n", notes.len()));
    for note in notes {
        out.push_str(&format!("   {}\n", one_line(&note)));
    }
}

fn header(out: &mut String, order: &Order) {
    let title = format!("Port order: {}", one_line(&order.display_name()));
    out.push_str(&format!("{title}\n{}\n", "=".repeat(title.chars().count())));
    out.push_str(&format!("Order ID: {}\n", one_line(&order.id)));
    out.push_str(&format!("Status:   {}\n", order.status.label()));
    out.push_str(&format!("          {}\n", order.status.meaning()));
    if let Some(ticket) = &order.ticket {
        out.push_str(&format!("Support ticket: {}\n", one_line(ticket)));
    }
}

/// The latest rejection, while the order waits on the customer.
fn rejection(out: &mut String, order: &Order) {
    let Some(r) = order
        .last_rejection()
        .filter(|_| order.status == Status::CustomerActionRequired)
    else {
        return;
    };
    out.push_str(&format!(
        "\nRejected by the carrier on {}:\n",
        r.at.strftime("%Y-%m-%d")
    ));
    for line in clean(&r.text).lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(&format!("   > {}\n", line.trim_end()));
    }
    if r.fields.is_empty() {
        out.push_str("   Fields to fix: none named; compare every field with the carrier's Customer Service Record.\n");
    } else {
        let labels: Vec<&str> = r
            .fields
            .iter()
            .map(|k| crate::domain::spec(*k).label)
            .collect();
        out.push_str(&format!("   Fields to fix: {}\n", labels.join(", ")));
    }
    if !r.action.trim().is_empty() {
        out.push_str(&format!("   What to do: {}\n", one_line(&r.action)));
    }
}

/// The date the carrier committed to.
fn foc(out: &mut String, order: &Order) {
    let Some(foc) = &order.foc else {
        return;
    };
    let time = foc
        .time
        .map(|t| {
            format!(
                " at {} {}",
                t.strftime("%H:%M"),
                order.fields.carrier_zone_name()
            )
        })
        .unwrap_or_default();
    out.push_str(&format!(
        "\nConfirmed port date (FOC): {}{time}\n",
        foc.date
    ));
}

fn numbers(out: &mut String, numbers: &[String], label: &str) {
    let label = label.trim_end_matches(':');
    match numbers.len() {
        0 => out.push_str(&format!("   {label}: {NOT_GIVEN}\n")),
        n => out.push_str(&format!(
            "   {label} ({n}):\n{}\n",
            wrapped_numbers(numbers, NUMBERS_PER_LINE, "     ")
        )),
    }
}
