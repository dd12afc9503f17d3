//! The import rule (docs/command-line.md, "The fields document"): an exported order becomes an
//! order. `import` reads a fields document with an export's `id`, `status`, `history`… and makes
//! a new order that keeps the status and story it read; its fields go through the edit
//! operation's normalising (as `new --from`), and masks (an export without secrets writes a PIN
//! as `••••`) are never taken as values. The command line only reads the file and reports.

use super::assign;
use super::checks::Severity;
use super::document::Document;
use super::edit::{EditRefusal, is_mask};
use super::history::{Event, HistoryEntry};
use super::order::{Order, Refusal};
use super::status::Status;
use super::validate::validate;
use jiff::Timestamp;
use jiff::civil::Date;

/// A document made an order, with what to tell the user about it (each line a whole sentence
/// ready for stderr: `warning: …`, `to fix before submitting: …`).
#[derive(Debug, Clone)]
pub struct Made {
    pub order: Order,
    pub warnings: Vec<String>,
}

/// A new draft from a fields document (`new --from`): the values given, normalised; a mask
/// left out with a warning; any other value the edit operation refuses refuses the document.
pub fn new_order(id: String, doc: &Document, now: Timestamp, today: Date) -> Result<Made, Refusal> {
    let (order, refused) = Order::from_fields(id, &doc.fields, now);
    let mut warnings = masks_left_out(refused)?;
    warnings.extend(value_problems(&order, today));
    Ok(Made { order, warnings })
}

/// An export read back as a new order (`import`): its fields as [`new_order`] takes them, then
/// its status, history, rejections, CSR values (not masks), FOC, support case, ticket (cleaned
/// and capped as one typed in), the fields the signed LOA covered, the marks of numbers it holds
/// and its assignment plan (checked as a sheet: an error refuses the import, a warning is
/// said); an `imported` entry ends its history. Values of an order past submission are history,
/// not problems: only an editable one has them said.
pub fn imported_order(
    id: String,
    doc: Document,
    now: Timestamp,
    today: Date,
) -> Result<Made, Refusal> {
    let (mut order, refused) = Order::from_fields(id, &doc.fields, now);
    let mut warnings = masks_left_out(refused)?;
    if let Some(status) = doc.status {
        order.status = status;
    }
    if !doc.history.is_empty() {
        order.history = doc.history;
        order.created_at = order.history.first().map_or(now, |h| h.at);
    }
    order.rejections = doc.rejections;
    order.csr = doc.csr.into_iter().filter(|(_, v)| !is_mask(v)).collect();
    order.foc = doc.foc;
    order.support = doc.support;
    // Marks of numbers the order holds only: a mark is about a number of the order.
    order.number_marks = doc
        .number_marks
        .into_iter()
        .filter(|(n, _)| order.fields.numbers.contains(n))
        .collect();
    order.ticket = doc
        .ticket
        .as_deref()
        .map(super::transitions::ticket_text)
        .transpose()?
        .filter(|t| !t.is_empty());
    if doc.loa_signed.is_some() {
        // What the signed LOA covered, not the fields as imported: the re-sign warning stays.
        order.loa_signed_fields = doc.loa_signed;
    }
    warnings.extend(take_plan(&mut order, &doc.assignments)?);
    if order.status != Status::Draft {
        order.submitted_fields = Some(order.snapshot());
    }
    order.history.push(HistoryEntry {
        at: now,
        event: Event::Imported,
        from: None,
        to: None,
        note: "Imported from an export".into(),
        changes: Vec::new(),
        visit: None,
        by: None,
    });
    order.updated_at = now;
    if order.status.is_editable() {
        warnings.extend(value_problems(&order, today));
    }
    Ok(Made { order, warnings })
}

/// The edit operation's refusals of a document's values: masks (an export without secrets) are
/// left out, each said as a warning; anything else (too long, too many numbers) refuses it.
fn masks_left_out(refused: Vec<EditRefusal>) -> Result<Vec<String>, Refusal> {
    let (masks, others): (Vec<_>, Vec<_>) = refused
        .into_iter()
        .partition(|r| matches!(r, EditRefusal::Mask { .. }));
    if !others.is_empty() {
        return Err(Refusal {
            reasons: others.into_iter().map(|r| r.to_string()).collect(),
        });
    }
    Ok(masks
        .into_iter()
        .map(|mask| format!("warning: {mask} It was left out."))
        .collect())
}

/// What a value the document gave gets wrong: now rather than at `submit` (missing fields are
/// for `submit` to list). The order is still made (a draft may hold a wrong value, kept as
/// given), so the words say so rather than "error".
fn value_problems(order: &Order, today: Date) -> Vec<String> {
    validate(&order.fields, today)
        .into_iter()
        .filter(|problem| !order.fields.get(problem.key).is_empty())
        .map(|problem| {
            let kind = if problem.severity == Severity::Error {
                "to fix before submitting"
            } else {
                "warning"
            };
            format!("{kind}: {}", problem.message)
        })
        .collect()
}

/// An export's assignment plan, checked against the imported order as a sheet is: an error
/// refuses the import; the warnings are returned.
fn take_plan(order: &mut Order, plan: &super::assignment::Plan) -> Result<Vec<String>, Refusal> {
    let proposal = assign::propose(order, &assign::rows_of(plan));
    if proposal.has_errors() {
        return Err(Refusal {
            reasons: proposal
                .errors()
                .map(|e| format!("assignments: {e}"))
                .collect(),
        });
    }
    let warnings = proposal
        .warnings()
        .map(|w| format!("warning: assignments: {w}"))
        .collect();
    for change in proposal.changes {
        if let Some(a) = change.after {
            order.assignments.insert(change.number, a);
        }
    }
    Ok(warnings)
}

#[cfg(test)]
mod tests;
