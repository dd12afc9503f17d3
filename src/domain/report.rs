//! A tenant's report for its own people (docs/command-line.md, `portwiz report`): each order's
//! status, dates, rejections and their causes, days to FOC, what it waits on and whom, and the
//! numbers ported; as Markdown or CSV. Made from one store's orders only, and never with a PIN:
//! no secret field is read here.

use super::insights::{first_reached, first_submitted};
use super::order::Order;
use super::registry::spec;
use super::sanitize::value_text;
use super::status::Status;
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// Longest quote of the carrier's words kept for a rejection, in characters.
const CAUSE_MAX: usize = 200;

/// One order's line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub carrier: String,
    pub created: String,
    pub submitted: String,
    pub foc: String,
    pub completed: String,
    /// Days from the first submission to the first FOC, when both happened.
    pub days_to_foc: Option<i64>,
    /// Each rejection: its date and the fields it named (their labels), with the carrier's key
    /// sentence when one was kept.
    pub rejections: Vec<String>,
    pub waits_on: &'static str,
    pub numbers: usize,
    /// The numbers of a completed order.
    pub ported: usize,
}

/// Who or what an order in `status` waits on.
pub const fn waits_on(status: Status) -> &'static str {
    match status {
        Status::Draft => "us (to finish and submit)",
        Status::CustomerActionRequired => "us (to fix what the carrier rejected)",
        Status::Submitted => "the current carrier (to answer)",
        Status::SupportEngaged => "Microsoft support",
        Status::FocConfirmed => "the port date",
        Status::Completed | Status::Cancelled => "nothing",
    }
}

fn day(at: Option<Timestamp>, zone: &TimeZone) -> String {
    at.map(|t| t.to_zoned(zone.clone()).date().to_string())
        .unwrap_or_default()
}

/// The report's lines, latest change first.
pub fn lines(orders: &[Order], zone: &TimeZone) -> Vec<Line> {
    let mut orders: Vec<&Order> = orders.iter().collect();
    orders.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
    orders.into_iter().map(|o| line(o, zone)).collect()
}

fn line(order: &Order, zone: &TimeZone) -> Line {
    let submitted = first_submitted(order);
    let foc_at = first_reached(order, Status::FocConfirmed);
    let days_to_foc = submitted
        .zip(foc_at)
        .map(|(s, f)| f.duration_since(s).as_secs().max(0) / 86_400);
    let rejections = order
        .rejections
        .iter()
        .map(|r| {
            let fields: Vec<&str> = r.fields.iter().map(|k| spec(*k).label).collect();
            let fields = if fields.is_empty() {
                "no field named".to_string()
            } else {
                fields.join(", ")
            };
            // The carrier's own words: the sentence that named the cause, else the start of
            // its text.
            let mut words = value_text(r.key_sentence.as_deref().unwrap_or(&r.text))
                .trim()
                .to_string();
            if words.chars().count() > CAUSE_MAX {
                words = words.chars().take(CAUSE_MAX).collect::<String>() + "…";
            }
            let words = if words.is_empty() {
                String::new()
            } else {
                format!(": “{words}”")
            };
            format!("{} {fields}{words}", day(Some(r.at), zone))
        })
        .collect();
    let numbers = order.fields.numbers.len();
    Line {
        id: order.id.clone(),
        name: value_text(&order.display_name()),
        status: order.status,
        carrier: value_text(&order.fields.current_carrier),
        created: day(Some(order.created_at), zone),
        submitted: day(submitted, zone),
        foc: order.foc.as_ref().map(|f| f.describe()).unwrap_or_default(),
        completed: day(first_reached(order, Status::Completed), zone),
        days_to_foc,
        rejections,
        waits_on: waits_on(order.status),
        numbers,
        ported: if order.status == Status::Completed {
            numbers
        } else {
            0
        },
    }
}

/// A Markdown cell: one line, and no `|` to break the table.
fn md(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The report as Markdown: a summary, a table of the orders, then each rejection and its cause.
pub fn markdown(title: &str, lines: &[Line], today: jiff::civil::Date) -> String {
    let mut out = format!(
        "# Number porting report: {}\n\n{}\n\n",
        md(title),
        summary(lines, today)
    );
    out.push_str("| Order | Name | Status | Carrier | Created | Submitted | FOC | Completed | Days to FOC | Rejections | Waits on | Numbers | Ported |\n");
    out.push_str("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for l in lines {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            l.id,
            md(&l.name),
            l.status.label(),
            md(&l.carrier),
            l.created,
            l.submitted,
            l.foc,
            l.completed,
            l.days_to_foc.map(|d| d.to_string()).unwrap_or_default(),
            l.rejections.len(),
            l.waits_on,
            l.numbers,
            l.ported
        ));
    }
    let rejected: Vec<&Line> = lines.iter().filter(|l| !l.rejections.is_empty()).collect();
    if !rejected.is_empty() {
        out.push_str("\n## Rejections and their causes\n");
        for l in rejected {
            out.push_str(&format!("\n**{}** ({})\n\n", md(&l.name), l.id));
            for r in &l.rejections {
                out.push_str(&format!("- {}\n", md(r)));
            }
        }
    }
    out
}

/// The report as a PDF (US Letter, laid out as the LOA PDF is): the Markdown's content, each
/// order a block of its values with its rejections and their causes under it.
pub fn pdf(title: &str, lines: &[Line], today: jiff::civil::Date) -> Vec<u8> {
    let text = pdf_text(title, lines, today);
    let title = format!("Number porting report: {}", value_text(title));
    super::export::loa_pdf::text_pdf(&text, "Number porting report", &title)
}

/// The PDF's text: the title, the summary, then a numbered block an order, its values in a
/// column (runs of two spaces part the columns, so a value keeps none).
fn pdf_text(title: &str, lines: &[Line], today: jiff::civil::Date) -> String {
    let one = |text: &str| {
        let text = value_text(text);
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() {
            "—".to_string()
        } else {
            words.join(" ")
        }
    };
    let mut out = format!(
        "Number porting report: {}\n\n{}\n",
        one(title),
        summary(lines, today)
    );
    for (n, l) in lines.iter().enumerate() {
        out.push_str(&format!("\n{}. {} ({})\n", n + 1, one(&l.name), l.id));
        let days = l.days_to_foc.map(|d| d.to_string()).unwrap_or_default();
        let numbers = format!("{}, {} ported", l.numbers, l.ported);
        for (label, value) in [
            ("Status", l.status.label()),
            ("Carrier", &l.carrier),
            ("Created", &l.created),
            ("First submitted", &l.submitted),
            ("FOC", &l.foc),
            ("Completed", &l.completed),
            ("Days to FOC", &days),
            ("Waits on", l.waits_on),
            ("Numbers", &numbers),
        ] {
            out.push_str(&format!("  {label:<22}  {}\n", one(value)));
        }
        if !l.rejections.is_empty() {
            out.push_str(&format!("  {:<22}  {}\n", "Rejections", l.rejections.len()));
            for r in &l.rejections {
                out.push_str(&format!("      {}\n", one(r)));
            }
        }
    }
    out
}

/// The summary line: orders, waiting on us, numbers ported.
fn summary(lines: &[Line], today: jiff::civil::Date) -> String {
    let ported: usize = lines.iter().map(|l| l.ported).sum();
    let waiting_on_us = lines.iter().filter(|l| l.status.waits_on_user()).count();
    format!(
        "As of {today}: {}, {waiting_on_us} waiting on us, {} ported.",
        super::insights::plural(lines.len(), "order"),
        super::insights::plural(ported, "number"),
    )
}

/// The report as CSV: one row per order (rejections joined with ` / `); cells that a
/// spreadsheet would run as a formula start with `'`.
pub fn csv(lines: &[Line]) -> String {
    let mut out = String::from(
        "Order,Name,Status,Carrier,Created,Submitted,FOC,Completed,DaysToFOC,Rejections,Causes,WaitsOn,Numbers,Ported\r\n",
    );
    for l in lines {
        let cells = [
            l.id.clone(),
            l.name.clone(),
            l.status.label().to_string(),
            l.carrier.clone(),
            l.created.clone(),
            l.submitted.clone(),
            l.foc.clone(),
            l.completed.clone(),
            l.days_to_foc.map(|d| d.to_string()).unwrap_or_default(),
            l.rejections.len().to_string(),
            l.rejections.join(" / "),
            l.waits_on.to_string(),
            l.numbers.to_string(),
            l.ported.to_string(),
        ];
        let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(cell: &str) -> String {
    let cell = if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_orders::complete_order;

    #[test]
    fn a_line_keeps_no_secret_and_a_cell_runs_no_formula() {
        let mut order = complete_order("PO-REPORT", "=HYPERLINK(\"x\")", 0);
        order.fields.pin = crate::domain::secret::Secret::new("97531");
        let lines = lines(&[order], &TimeZone::UTC);
        let csv = csv(&lines);
        let md = markdown("t|x", &lines, jiff::civil::date(2026, 12, 6));
        for out in [&csv, &md] {
            assert!(!out.contains("97531"), "{out}");
        }
        assert!(csv.contains(",\"'=HYPERLINK"), "{csv}");
        assert!(md.contains("t\\|x"), "{md}");
        assert_eq!(lines[0].waits_on, waits_on(Status::Draft));
    }
}
