//! How commands print orders: aligned tables for people, one JSON document for programs.

use crate::domain::facts::{self, Detail, Mark, Stage};
use crate::domain::registry::Step;
use crate::domain::status::{OVERDUE_DAYS, Status};
use crate::domain::summary::Summary;
use crate::domain::{Clock, Order};
use serde_json::{Value, json};

/// One JSON document; every control, bidi and invisible character in it written as `\uXXXX`.
pub fn json(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut text = crate::domain::sanitize::escape_json_text(&text);
    text.push('\n');
    text
}

pub fn summary_json(o: &Summary) -> Value {
    json!({
        "id": o.id(),
        "name": o.name(),
        "status": o.status.key(),
        "current_carrier": o.carrier(),
        "numbers": o.number_count,
        "updated": o.updated_at.to_string(),
    })
}

pub fn list_json(orders: &[&Summary]) -> String {
    json(&Value::Array(
        orders.iter().map(|o| summary_json(o)).collect(),
    ))
}

/// Who reads `list`: people at a terminal this many columns wide, or a program (a pipe, a file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListReader {
    /// A header, status labels ("Customer action required"), "(no orders)" when there is
    /// nothing, and the carrier and the name shortened with `…` so each row fits the width.
    People { width: usize },
    /// Exactly one line per order, status keys, every value whole: scripts split it.
    Program,
}

const LIST_COLUMNS: usize = 6;
type ListRow = [String; LIST_COLUMNS];

/// One line per order. The name comes last: it is free text with spaces, and the columns
/// before it still split on whitespace.
pub fn list_table(orders: &[&Summary], reader: ListReader) -> String {
    let people = matches!(reader, ListReader::People { .. });
    let rows: Vec<ListRow> = orders
        .iter()
        .map(|o| {
            [
                clean_cell(o.id()),
                match people {
                    true => o.status.label().to_string(),
                    false => o.status.key().to_string(),
                },
                clean_cell(o.carrier()),
                o.number_count.to_string(),
                o.updated_at.strftime("%Y-%m-%d %H:%M").to_string(),
                clean_cell(o.name()),
            ]
        })
        .collect();
    let header = ["ID", "STATUS", "CARRIER", "NUMBERS", "UPDATED", "NAME"].map(str::to_string);
    // Columns on a screen; characters for a program, as it always was (byte for byte).
    let width = |text: &str| match people {
        true => crate::domain::sanitize::width(text),
        false => text.chars().count(),
    };
    let mut widths = header.clone().map(|h| width(&h));
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    if let ListReader::People { width } = reader {
        fit_columns(&mut widths, width);
    }
    let mut text = String::with_capacity(80 * (rows.len() + 1));
    let mut line = |row: &ListRow| {
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            let cell = match people {
                true => crate::domain::sanitize::truncate(cell, w),
                false => cell.clone(),
            };
            text.push_str(&cell);
            if i < LIST_COLUMNS - 1 {
                text.extend(std::iter::repeat_n(' ', w.saturating_sub(width(&cell))));
            }
        }
        text.push('\n');
    };
    if people {
        line(&header);
    }
    for row in &rows {
        line(row);
    }
    if rows.is_empty() && people {
        text.push_str("(no orders)\n");
    }
    text
}

/// The free-text columns, in the order they give up room: the name, then the carrier, then the
/// status, first down to a readable width, then (a narrow terminal) to a few letters. The id,
/// the count and the time are never cut.
const SHRINKABLE: [(usize, usize); 6] = [(5, 12), (2, 10), (1, 8), (5, 4), (2, 4), (1, 4)];

/// Narrow the free-text columns until a row fits `width` (as far as their minimums allow;
/// narrower still, the terminal wraps).
fn fit_columns(widths: &mut [usize; LIST_COLUMNS], width: usize) {
    let gaps = 2 * (LIST_COLUMNS - 1);
    for (column, least) in SHRINKABLE {
        let total: usize = widths.iter().sum::<usize>() + gaps;
        let over = total.saturating_sub(width);
        let room = widths[column].saturating_sub(least);
        widths[column] -= over.min(room);
    }
}

/// Text from outside, made safe to print on one line: terminal sequences removed.
fn clean_cell(text: &str) -> String {
    crate::domain::sanitize::clean(text).replace(['\n', '\t'], " ")
}

/// Text from outside, made safe to print, keeping its lines.
fn clean_lines(text: &str) -> String {
    crate::domain::sanitize::clean(text)
}

/// One order for people; history times in `zone`.
pub fn show(order: &Order, clock: Clock, zone: &jiff::tz::TimeZone) -> String {
    let mut text = format!(
        "{}  {}\n",
        clean_cell(&order.id),
        clean_cell(&order.display_name())
    );
    text.push_str(&format!(
        "Status: {} ({})\n  {}\n",
        order.status.label(),
        order.status.key(),
        crate::domain::today::status_meaning(order)
    ));
    text.push_str(&format!("Progress: {}\n", progress_words(order)));
    if let Some(note) = crate::domain::export::case::route_note(order) {
        text.push_str(&format!(
            "Route: {note} (export --format case writes its fields)\n"
        ));
    }
    if let Some(days) = facts::days_overdue(order, clock.now) {
        text.push_str(&format!(
            "  Overdue: waiting on you for {days} days (more than {OVERDUE_DAYS}); some \
             providers cancel a rejected order not answered within 45 days.\n"
        ));
    }
    push_open_rejection(&mut text, order);
    push_marked_numbers(&mut text, order);
    if let Some(foc) = &order.foc {
        text.push_str(&format!(
            "FOC (the carrier's port date): {}{}\n",
            foc.date,
            foc.time
                .map(|t| format!(
                    " {} {}",
                    t.strftime("%H:%M"),
                    order.fields.carrier_zone_name()
                ))
                .unwrap_or_default()
        ));
    }
    // Why support has the order, as the app's page says it.
    if let (Status::SupportEngaged, Some(support)) = (order.status, &order.support) {
        text.push_str(&format!(
            "Microsoft support engaged since {} ({}): {}\n",
            support.since.strftime("%Y-%m-%d"),
            support.scenario.key(),
            support.scenario.description()
        ));
    }
    if let Some(ticket) = &order.ticket {
        text.push_str(&format!("Support ticket: {}\n", clean_cell(ticket)));
    }
    for step in Step::pages_of(&order.fields).iter().copied() {
        let fields: Vec<_> = step.fields_asked(&order.fields).collect();
        if fields.is_empty() {
            continue;
        }
        text.push_str(&format!("\n{}\n", step.title()));
        for field in fields {
            let value = order.fields.get(field.key).to_line();
            let shown = if field.secret {
                order.fields.pin.masked().to_string()
            } else {
                clean_cell(&value)
            };
            text.push_str(&format!(
                "  {:<36} {}\n",
                field.label_for(&order.fields),
                shown
            ));
        }
    }
    push_assignments(&mut text, order, zone);
    push_rejections_and_history(&mut text, order, zone);
    text
}

/// `show --json`: the order as `export --format json` writes it without secrets (its plan as
/// `assignments`), plus `assignment_plan`: what the plan says of the order.
pub fn show_json(order: &Order) -> String {
    let mut value = crate::domain::document::export(order, false);
    let plan = crate::domain::assign::overview(order);
    if let Value::Object(map) = &mut value {
        map.insert(
            "assignment_plan".into(),
            json!({
                "assigned": plan.assigned.len(),
                "numbers": order.fields.numbers.len(),
                "not_assigned": plan.not_assigned,
                "problems": plan.problems.iter().map(|(number, problem)| {
                    json!({"number": number, "problem": problem})
                }).collect::<Vec<_>>(),
                "changed": plan.changed.map(|t| t.to_string()),
                "script_ready": plan.script_ready(),
            }),
        );
    }
    json(&value)
}

/// How many numbers without an assignment `show` spells out (then a count).
const SHOWN_NOT_ASSIGNED: usize = 20;

/// Who gets which number in Teams, what is left, what to fix, and the script's command; on a
/// FOC-confirmed or completed order with no plan, how to make one.
fn push_assignments(text: &mut String, order: &Order, zone: &jiff::tz::TimeZone) {
    let plan = crate::domain::assign::overview(order);
    let id = clean_cell(&order.id);
    if plan.is_empty() {
        if matches!(order.status, Status::FocConfirmed | Status::Completed) {
            text.push_str(&format!(
                "\nAssignments: none yet (`portwiz assign {id} FILE.csv` says who gets each number \
                 in Teams)\n"
            ));
        }
        return;
    }
    let changed = plan
        .changed
        .map(|t| format!("; changed {}", facts::local_time(t, zone)))
        .unwrap_or_default();
    text.push_str(&format!(
        "\nAssignments ({} of {} assigned{changed})\n",
        crate::domain::rules::text::thousands(plan.assigned.len()),
        crate::domain::rules::text::counted(order.fields.numbers.len(), "number")
    ));
    for (number, assignment) in &plan.assigned {
        text.push_str(&format!(
            "  {number}  {}\n",
            clean_cell(&assignment.describe())
        ));
    }
    if !plan.not_assigned.is_empty() {
        let shown: Vec<&str> = plan
            .not_assigned
            .iter()
            .take(SHOWN_NOT_ASSIGNED)
            .copied()
            .collect();
        let more = match plan.not_assigned.len().saturating_sub(SHOWN_NOT_ASSIGNED) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        text.push_str(&format!(
            "  Not assigned yet ({}): {}{more}\n",
            plan.not_assigned.len(),
            shown.join(", ")
        ));
    }
    for (_, problem) in &plan.problems {
        text.push_str(&format!("  ! {}\n", clean_cell(problem)));
    }
    if plan.script_ready() {
        text.push_str(&format!(
            "  The Teams PowerShell: portwiz export {id} --format powershell -o {id}-assignments.ps1\n"
        ));
    } else {
        text.push_str(&format!(
            "  Fix these (portwiz assign {id} FILE.csv: its next change drops numbers no longer \
             on the order) \
             before the PowerShell script can be written\n"
        ));
    }
}

/// The rejection the order waits on, quoted, with the fields it names and what to do.
fn push_open_rejection(text: &mut String, order: &Order) {
    let Some(rejection) = order
        .last_rejection()
        .filter(|_| order.status == crate::domain::Status::CustomerActionRequired)
    else {
        return;
    };
    text.push_str("\nRejected by the carrier:\n");
    for line in clean_lines(&rejection.text).lines() {
        text.push_str(&format!("  > {line}\n"));
    }
    for key in &rejection.fields {
        text.push_str(&format!(
            "  ! {} ({key})\n",
            crate::domain::spec(*key).label
        ));
    }
    if !rejection.action.is_empty() {
        text.push_str(&format!(
            "  What to do: {}\n",
            clean_cell(&rejection.action)
        ));
    }
}

/// The numbers the carrier marked, each with its words, and how to move them out.
fn push_marked_numbers(text: &mut String, order: &Order) {
    let marked = order.marked_numbers();
    if marked.is_empty() {
        return;
    }
    text.push_str(&format!(
        "\nNumbers the carrier rejected ({}):\n",
        marked.len()
    ));
    for (number, mark) in &marked {
        text.push_str(&format!("  x {number}  {}\n", clean_cell(&mark.describe())));
    }
    if order.status.is_editable() {
        text.push_str(&format!(
            "  Move them out into a draft of their own: portwiz move-out {}\n",
            order.id
        ));
    }
}

/// Every rejection with what came of it, then the order's history, oldest first.
fn push_rejections_and_history(text: &mut String, order: &Order, zone: &jiff::tz::TimeZone) {
    if !order.rejections.is_empty() {
        text.push_str(&format!("\nRejections ({})\n", order.rejections.len()));
        let outcomes = facts::rejection_outcomes(order);
        for (i, (rejection, outcome)) in order.rejections.iter().zip(outcomes).enumerate() {
            text.push_str(&format!(
                "  {}. {}  {}\n     {}\n",
                i + 1,
                facts::local_time(rejection.at, zone),
                field_labels(&rejection.fields),
                clean_cell(&outcome.to_string())
            ));
        }
    }
    text.push_str(&format!(
        "\nHistory (times in {})\n",
        facts::zone_name(zone, order.updated_at)
    ));
    for (entry, detail) in facts::timeline(order) {
        let detail = match detail {
            Detail::Nothing => String::new(),
            Detail::RejectedFields(keys) => field_labels(keys),
            Detail::Note(note) => clean_cell(note),
        };
        let by = entry
            .author()
            .map(|name| format!("  (by {})", clean_cell(name)))
            .unwrap_or_default();
        text.push_str(&format!(
            "  {}  {}  {detail}{by}\n",
            facts::local_time(entry.at, zone),
            entry.event.label(),
        ));
    }
}

/// "✓ Draft → ● Submitted → ○ FOC confirmed → ○ Completed; rejected 2 times".
fn progress_words(order: &Order) -> String {
    let progress = facts::progress(order);
    let stages: Vec<String> = Stage::ALL
        .iter()
        .map(|stage| {
            let mark = match progress.mark(*stage) {
                Mark::Done => "✓",
                Mark::Current => "●",
                Mark::Ahead => "○",
            };
            format!("{mark} {}", stage.status().label())
        })
        .collect();
    let mut words = stages.join(" → ");
    if progress.cancelled {
        words.push_str(", then ✗ cancelled");
    }
    match progress.rejections {
        0 => {}
        1 => words.push_str("; rejected once"),
        n => words.push_str(&format!("; rejected {n} times")),
    }
    match progress.support {
        0 => {}
        1 => words.push_str("; Microsoft support engaged once"),
        n => words.push_str(&format!("; Microsoft support engaged {n} times")),
    }
    words
}

/// The labels of the fields a rejection named, or that it named none.
fn field_labels(keys: &[crate::domain::FieldKey]) -> String {
    if keys.is_empty() {
        return "(no field named)".to_string();
    }
    let labels: Vec<&str> = keys.iter().map(|k| crate::domain::spec(*k).label).collect();
    labels.join(", ")
}
