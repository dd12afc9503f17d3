//! The Teams export screen: the path field with its message, or the results (per order what
//! Teams shows, then the numbers no order holds, then what `a` would record), scrolled as one
//! page; the question over them. Draws only.

use super::TeamsPage;
use crate::domain::reconcile::{Check, OrderResult, shortened};
use crate::domain::rules::text::thousands;
use crate::tui::app::App;
use crate::tui::layout::Drawn;
use crate::tui::text::{hanging, one_line, wrap};
use crate::tui::widgets::form::{Below, Prompt, draw_prompt};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const LABEL: &str = " Export (CSV or JSON): ";

pub fn render(app: &App, page: &TeamsPage, frame: &mut Frame, area: Rect) -> Drawn {
    let Some(check) = &page.check else {
        path_view(app, page, frame, area);
        return Drawn::default();
    };
    let lines = result_lines(app, page, check, usize::from(area.width));
    let rows = usize::from(area.height);
    let start = page.scroll.min(lines.len().saturating_sub(rows));
    let shown: Vec<Line<'static>> = lines.iter().skip(start).take(rows).cloned().collect();
    frame.render_widget(Paragraph::new(shown), area);
    if page.confirming {
        question(app, check, frame, area);
    }
    Drawn {
        page_rows: rows,
        page_lines: lines.len(),
        ..Drawn::default()
    }
}

fn path_view(app: &App, page: &TeamsPage, frame: &mut Frame, area: Rect) {
    let below = match (&page.input.error, page.busy) {
        (Some(why), _) => Below::Error(why),
        (None, true) => Below::Hint("Reading the export…"),
        (None, false) => {
            Below::Hint("Enter shows what it says; nothing is recorded until you say so.")
        }
    };
    let intro = "What Teams itself says of each number, against your orders: the CSV of Export-CsAcquiredPhoneNumber, Get-CsPhoneNumberAssignment as CSV or JSON, or Graph's numberAssignments JSON (docs/reconcile.md).";
    let prompt = Prompt {
        intro,
        label: LABEL,
        field: &page.input.path,
        below,
    };
    draw_prompt(frame, area, &app.theme, prompt);
}

fn result_lines(app: &App, page: &TeamsPage, check: &Check, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut text = |lead: &str, body: &str, style: Style| {
        lines.extend(hanging(lead, &one_line(body), width, Style::new(), style));
    };
    let report = &check.report;
    text(
        " ",
        &format!(
            "Read {} numbers from {}; {} to look at.",
            thousands(report.read),
            check.source,
            match report.orders.len() {
                1 => "1 order".to_string(),
                n => format!("{n} orders"),
            }
        ),
        theme.heading(),
    );
    if report.orders.is_empty() {
        text(
            " ",
            "No order's numbers show a port in it, and no FOC date has passed.",
            Style::new(),
        );
    }
    for result in &report.orders {
        text(" ", &order_heading(result), theme.heading());
        for (what, numbers, style) in order_rows(result) {
            let style = if style { theme.error() } else { Style::new() };
            text("   ", &format!("{what}: {numbers}"), style);
        }
    }
    if !report.unclaimed.is_empty() {
        let numbers: Vec<String> = report.unclaimed.iter().map(|n| n.number.clone()).collect();
        text(
            " ⚠ ",
            &format!(
                "In Teams with a port status, held by no order: {} ({})",
                thousands(numbers.len()),
                shortened(&numbers)
            ),
            theme.warning(),
        );
    }
    match &page.recorded {
        Some(done) => {
            text(" ", "Recorded:", theme.heading());
            for line in done {
                text("   ", line, Style::new());
            }
        }
        None if check.planned.is_empty() => {
            text(" ", "Nothing new to record · Esc back", theme.dim());
        }
        None => text(
            " ",
            &format!("a records it ({}) · Esc back", check.planned_words()),
            theme.dim(),
        ),
    }
    lines
}

fn order_heading(r: &OrderResult) -> String {
    let foc = r.foc_date.map(|d| format!(", FOC {d}")).unwrap_or_default();
    format!("{}  {} ({}{foc})", r.id, r.name, r.status.label())
}

/// (what, the numbers, whether it is a problem) for each thing Teams shows of the order.
fn order_rows(r: &OrderResult) -> Vec<(&'static str, String, bool)> {
    let of = |numbers: &[String]| {
        format!(
            "{} of {} ({})",
            numbers.len(),
            r.numbers,
            shortened(numbers)
        )
    };
    let mut rows = Vec::new();
    if r.all_ported() {
        rows.push(("Ported", format!("all {} numbers", r.numbers), false));
    } else if !r.ported.is_empty() {
        rows.push(("Ported", of(&r.ported), false));
    }
    if !r.foc_accepted.is_empty() {
        rows.push(("FOC accepted", of(&r.foc_accepted), false));
    }
    if !r.missing.is_empty() {
        rows.push(("Missing after the FOC date", of(&r.missing), true));
    }
    rows
}

fn question(app: &App, check: &Check, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let box_width: u16 = 64;
    let inner = usize::from(box_width.min(area.width).saturating_sub(4));
    let text = format!(
        "Record what {} shows: {}? A completed or cancelled order is never changed, and no order moves backwards.",
        one_line(&check.source),
        check.planned_words()
    );
    let mut lines: Vec<Line<'static>> = wrap(&text, inner)
        .into_iter()
        .map(|part| Line::raw(format!(" {part}")))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::raw(" "),
        Span::styled("y", theme.key()),
        Span::raw(" record it   "),
        Span::styled("n", theme.key()),
        Span::raw("/"),
        Span::styled("Esc", theme.key()),
        Span::raw(" no"),
    ]));
    crate::tui::widgets::popup::popup(frame, area, "Record the check?", lines, box_width);
}
