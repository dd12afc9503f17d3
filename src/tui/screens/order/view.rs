//! One order's page: header, the status banner, progress, the fields by wizard step with the
//! rejected ones marked, and the history. The whole page scrolls; lines are wrapped here so the
//! scroll range is exact.

use super::OrderPage;
use crate::domain::facts::{self, Detail, Mark, RejectionOutcome, Stage};
use crate::domain::history::Event;
use crate::domain::registry::{Kind, Step};
use crate::domain::rules::text::{counted, thousands};
use crate::domain::{FieldKey, Order, Status};
use crate::tui::app::App;
use crate::tui::layout::{CHROME_ROWS, Drawn, HEADER_NUMBERS};
use crate::tui::text::{
    ago, block_lines, clean_for_screen, duration, mask_secret, one_line, pad, wrap,
};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// The width of the field-label column.
const LABEL_WIDTH: usize = 36;
/// How many numbers the fields section lists before "and N more".
const FIELD_NUMBERS: usize = 12;

/// Lines of the page visible at once (below the line that stays put).
pub fn body_rows(size: (u16, u16)) -> usize {
    usize::from(size.1.saturating_sub(CHROME_ROWS + 1))
}

/// The furthest the page can scroll.
pub fn max_scroll(app: &App, order_id: &str) -> usize {
    match app.order(order_id) {
        Some(order) => page_lines(app, order, usize::from(app.size.0))
            .len()
            .saturating_sub(body_rows(app.size)),
        None => 0,
    }
}

pub fn render(app: &App, page: &OrderPage, frame: &mut Frame, area: Rect) -> Drawn {
    let Some(order) = app.order(&page.order_id) else {
        let text = format!(
            " Order {} is not in the store any more. Esc goes back.",
            page.order_id
        );
        frame.render_widget(Paragraph::new(Line::styled(text, app.theme.error())), area);
        return Drawn::default();
    };
    let lines = page_lines(app, order, usize::from(area.width));
    let rows = usize::from(area.height.saturating_sub(1));
    let start = page.scroll.min(lines.len().saturating_sub(rows));
    let end = (start + rows).min(lines.len());
    let position = if lines.len() > rows {
        format!("lines {}–{} of {} ", start + 1, end, lines.len())
    } else {
        String::new()
    };
    let status = format!("{} {}", order.status.symbol(), order.status.label());
    let left = format!(" {} · ", order.id);
    let room =
        usize::from(area.width).saturating_sub(left.width() + status.width() + position.width());
    let sticky = Line::from(vec![
        Span::styled(left, app.theme.dim()),
        Span::styled(status, app.theme.status(order.status)),
        Span::raw(" ".repeat(room)),
        Span::styled(position, app.theme.dim()),
    ]);
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(sticky), top);
    frame.render_widget(Paragraph::new(lines[start..end].to_vec()), body);
    Drawn::page(rows, lines.len())
}

/// Builds the page as wrapped lines.
struct Page<'t> {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: &'t Theme,
}

impl Page<'_> {
    fn blank(&mut self) {
        self.lines.push(Line::raw(""));
    }

    /// Wrapped text; the first line starts with `first`, the rest with `rest`. Every line is
    /// wrapped to the room the wider lead leaves, so no line runs off the right edge.
    fn text(&mut self, first: &str, rest: &str, text: &str, style: Style) {
        let lead = first.width().max(rest.width());
        let room = self.width.saturating_sub(lead).max(10);
        for (i, part) in wrap(text, room).into_iter().enumerate() {
            let lead = if i == 0 { first } else { rest };
            self.lines.push(Line::from(vec![
                Span::raw(lead.to_string()),
                Span::styled(part, style),
            ]));
        }
    }

    /// A banner line: a bar in the status's style, then wrapped text.
    fn banner(&mut self, status: Status, text: &str, style: Style) {
        let bar = self.theme.status(status);
        let room = self.width.saturating_sub(3).max(10);
        for part in wrap(text, room) {
            self.lines.push(Line::from(vec![
                Span::styled(" ▌ ", bar),
                Span::styled(part, style),
            ]));
        }
    }

    fn heading(&mut self, text: &str) {
        self.lines
            .push(Line::styled(format!(" {text}"), self.theme.heading()));
    }
}

pub fn page_lines(app: &App, order: &Order, width: usize) -> Vec<Line<'static>> {
    let mut page = Page {
        lines: Vec::new(),
        width,
        theme: &app.theme,
    };
    header(&mut page, order);
    if let Some(note) = crate::domain::export::case::route_note(order) {
        page.text(" ⇢ ", "   ", &note, page.theme.heading());
    }
    page.blank();
    banner(&mut page, app, order);
    page.blank();
    progress(&mut page, order);
    page.blank();
    marked_numbers(&mut page, order);
    rejections_so_far(&mut page, order, &app.zone);
    fields(&mut page, order);
    assignments(&mut page, order, &app.zone);
    timeline(&mut page, order, &app.zone);
    page.lines
}

fn header(page: &mut Page, order: &Order) {
    let theme = page.theme;
    page.lines.push(Line::styled(
        format!(" {}", one_line(&order.display_name())),
        theme.title(),
    ));
    let carrier = match one_line(&order.fields.current_carrier) {
        c if c.is_empty() => "not set yet".to_string(),
        c => c,
    };
    page.text(
        " ",
        " ",
        &format!("Current carrier: {carrier}"),
        Style::new(),
    );
    let numbers = &order.fields.numbers;
    let mut listed: Vec<String> = numbers
        .iter()
        .take(HEADER_NUMBERS)
        .map(|n| match order.number_marks.contains_key(n) {
            true => format!("{} ✗", one_line(n)),
            false => one_line(n),
        })
        .collect();
    if numbers.len() > HEADER_NUMBERS {
        listed.push(format!(
            "and {} more (N: all)",
            numbers.len() - HEADER_NUMBERS
        ));
    }
    let count = match numbers.len() {
        0 => "No numbers yet".to_string(),
        n => crate::domain::rules::text::counted(n, "number"),
    };
    let text = if listed.is_empty() {
        count
    } else {
        format!("{count}: {}", listed.join(", "))
    };
    page.text(" ", " ", &text, Style::new());
}

fn banner(page: &mut Page, app: &App, order: &Order) {
    let theme = page.theme;
    let status = order.status;
    let title = format!("{} {}", status.symbol(), status.label());
    match status {
        Status::CustomerActionRequired => rejected_banner(page, app, order, &title),
        Status::SupportEngaged => support_banner(page, order, &title, &app.zone),
        Status::FocConfirmed => {
            let when = match &order.foc {
                Some(foc) => {
                    let day = foc.date.strftime("%a %Y-%m-%d");
                    match foc.time {
                        Some(t) => format!(
                            "{day} at {} ({})",
                            t.strftime("%H:%M"),
                            order.fields.carrier_zone_name()
                        ),
                        None => day.to_string(),
                    }
                }
                None => "a date not recorded".to_string(),
            };
            page.banner(
                status,
                &format!("{title}: the carrier committed to port on {when}."),
                theme.heading(),
            );
            page.banner(status, status.meaning(), Style::new());
            // The port date passed: what Today says (numbers Teams does not show ported).
            for need in crate::domain::today::needs(order, app.clock) {
                if let crate::domain::today::Need::PortNotRecorded { .. } = need {
                    page.banner(status, &format!("⚠ {}", need.says()), theme.warning());
                }
            }
            ticket_line(page, order);
        }
        Status::Draft => {
            page.banner(status, &title, theme.heading());
            page.banner(status, status.meaning(), Style::new());
            page.banner(
                status,
                "Press u to edit the draft in the wizard.",
                Style::new(),
            );
        }
        Status::Submitted => {
            page.banner(status, &title, theme.heading());
            page.banner(
                status,
                &crate::domain::today::status_meaning(order),
                Style::new(),
            );
            let since = ago(app.clock.now, order.in_status_since());
            page.banner(
                status,
                &format!(
                    "Submitted {since}. Nothing to do until the carrier answers; then press r to record its answer."
                ),
                Style::new(),
            );
            ticket_line(page, order);
        }
        Status::Completed | Status::Cancelled => {
            page.banner(status, &title, theme.heading());
            page.banner(status, status.meaning(), Style::new());
            ticket_line(page, order);
        }
    }
}

/// A rejected order's banner: what happened, how long it has waited on the user, what to do.
fn rejected_banner(page: &mut Page, app: &App, order: &Order, title: &str) {
    let theme = page.theme;
    let status = order.status;
    page.banner(
        status,
        &format!("{title}: rejected by the current carrier."),
        theme.rejected(),
    );
    let waited = app.clock.now.as_second() - order.in_status_since().as_second();
    page.banner(
        status,
        &format!(
            "{} for {}. Press u to update the order and resubmit it.",
            status.label(),
            duration(waited)
        ),
        theme.heading(),
    );
    if let Some(days) = facts::days_overdue(order, app.clock.now) {
        page.banner(
            status,
            &format!(
                "⏰ Waiting on you for {days} days: some providers cancel a rejected order that is not answered within 45 days. Resubmit soon, or press a to ask Microsoft for help."
            ),
            theme.warning(),
        );
    }
    rejection_details(page, order);
    ticket_line(page, order);
}

/// Microsoft support has the order: why, since when, its ticket.
fn support_banner(page: &mut Page, order: &Order, title: &str, zone: &jiff::tz::TimeZone) {
    let theme = page.theme;
    let status = order.status;
    page.banner(
        status,
        &format!("{title}: nothing for you to do."),
        theme.heading(),
    );
    page.banner(
        status,
        "Microsoft support is resolving this order on your behalf and will contact you if needed.",
        Style::new(),
    );
    if let Some(support) = &order.support {
        page.banner(
            status,
            &format!("Why: {}", support.scenario.description()),
            Style::new(),
        );
        page.banner(
            status,
            &format!(
                "Since: {}",
                support
                    .since
                    .to_zoned(zone.clone())
                    .strftime("%Y-%m-%d %H:%M %Z")
            ),
            Style::new(),
        );
    }
    let ticket = match &order.ticket {
        Some(t) => format!("Support ticket: {}", one_line(t)),
        None => "Support ticket: none recorded yet (a shows how to find it and records it).".into(),
    };
    page.banner(status, &ticket, Style::new());
}

fn rejection_details(page: &mut Page, order: &Order) {
    let status = order.status;
    let Some(rejection) = order.last_rejection() else {
        page.banner(
            status,
            "The carrier's words were not recorded.",
            Style::new(),
        );
        return;
    };
    page.banner(
        status,
        &format!("The carrier said ({}):", rejection.at.strftime("%Y-%m-%d")),
        page.theme.heading(),
    );
    let words = mask_secret(
        &clean_for_screen(&rejection.text),
        order.fields.pin.expose(),
    );
    // One quotation however many lines the e-mail had: quotes open and close it once.
    let lines = block_lines(&words);
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        let open = if i == 0 { "“" } else { "" };
        let close = if i == last { "”" } else { "" };
        page.banner(status, &format!("{open}{line}{close}"), Style::new());
    }
    let concerned = if rejection.fields.is_empty() {
        "none of the order's fields: the account itself".to_string()
    } else {
        labels(&rejection.fields)
    };
    page.banner(
        status,
        &format!("Fields concerned: {concerned}"),
        page.theme.rejected(),
    );
    if !rejection.action.trim().is_empty() {
        page.banner(
            status,
            &format!("Recommended action: {}", one_line(&rejection.action)),
            Style::new(),
        );
    }
    if rejection.needs_carrier_contact {
        page.banner(
            status,
            "Only the carrier can fix this: contact it first, then resubmit.",
            Style::new(),
        );
    }
    if facts::concerns_the_csr(rejection) {
        page.banner(
            status,
            "Compare these fields with the carrier's Customer Service Record (CSR); ask the carrier for a copy if you have none.",
            page.theme.dim(),
        );
    }
}

/// The support ticket, when one is recorded (support engaged shows its own line).
fn ticket_line(page: &mut Page, order: &Order) {
    if let Some(t) = &order.ticket {
        page.banner(
            order.status,
            &format!("Support ticket: {}", one_line(t)),
            Style::new(),
        );
    }
}

/// How many marked numbers the page spells out; the numbers list (`N`) has them all.
const PAGE_MARKED: usize = 10;

/// The numbers the carrier rejected, each with its words, and where to move them out.
fn marked_numbers(page: &mut Page, order: &Order) {
    let marked = order.marked_numbers();
    if marked.is_empty() {
        return;
    }
    let theme = page.theme;
    page.heading(&format!("Numbers the carrier rejected ({})", marked.len()));
    for (number, mark) in marked.iter().take(PAGE_MARKED) {
        page.text(
            &format!(" ✗ {number}  "),
            "   ",
            &one_line(&mark.describe()),
            theme.rejected(),
        );
    }
    let more = match marked.len().saturating_sub(PAGE_MARKED) {
        0 => String::new(),
        n => format!("and {n} more: "),
    };
    let movable = order.status.is_editable() && marked.len() < order.fields.numbers.len();
    let hint = if movable {
        format!(
            "{more}N lists every number; o there moves these out into a new draft (same account fields), leaving the rest to resubmit."
        )
    } else if order.status.is_editable() {
        format!(
            "{more}Every number of the order is marked: fix what the carrier named (u), such as the account these numbers are on."
        )
    } else {
        format!("{more}N lists every number.")
    };
    page.text("   ", "   ", &hint, theme.dim());
    page.blank();
}

/// Every rejection, oldest first: when, which fields, the carrier's words, and what the user
/// changed before resubmitting.
fn rejections_so_far(page: &mut Page, order: &Order, zone: &jiff::tz::TimeZone) {
    if order.rejections.is_empty() {
        return;
    }
    let theme = page.theme;
    page.heading(&format!("Rejections so far ({})", order.rejections.len()));
    let pin = order.fields.pin.expose();
    let outcomes = facts::rejection_outcomes(order);
    for (i, rejection) in order.rejections.iter().enumerate() {
        let fields = if rejection.fields.is_empty() {
            "no field named".to_string()
        } else {
            labels(&rejection.fields)
        };
        page.text(
            &format!("   ✗{} ", i + 1),
            "       ",
            &format!("{} · {fields}", facts::local_time(rejection.at, zone)),
            theme.rejected(),
        );
        let words = mask_secret(&clean_for_screen(&rejection.text), pin);
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        if !words.is_empty() {
            page.text("       ", "        ", &format!("“{words}”"), Style::new());
        }
        let outcome = outcomes
            .get(i)
            .unwrap_or(&RejectionOutcome::Unknown)
            .to_string();
        let outcome = one_line(&outcome);
        page.text("       ", "         ", &outcome, theme.dim());
    }
    page.blank();
}

/// Draft → Submitted → FOC confirmed → Completed, with the rejections between Submitted and FOC.
fn progress(page: &mut Page, order: &Order) {
    let progress = facts::progress(order);
    let mut text = String::from("Progress: ");
    for (i, stage) in Stage::ALL.into_iter().enumerate() {
        let mark = match progress.mark(stage) {
            Mark::Done => "✓",
            Mark::Current => "●",
            Mark::Ahead => "○",
        };
        text.push_str(&format!("{mark} {}", stage.status().label()));
        let between: Vec<String> = [("✗", progress.rejections), ("⚑", progress.support)]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(mark, n)| format!("{mark}{n}"))
            .collect();
        if stage == Stage::Submitted && !between.is_empty() {
            text.push_str(&format!(" ─{}─ ", between.join(" ")));
        } else if i + 1 < Stage::ALL.len() {
            text.push_str(" ─ ");
        }
    }
    if progress.cancelled {
        text.push_str(&format!(" · ✗ {}", Status::Cancelled.label()));
    }
    page.text(" ", "   ", &text, Style::new());
    let mut legend = Vec::new();
    match progress.rejections {
        0 => {}
        1 => legend.push("✗1 = rejected once by the carrier.".to_string()),
        n => legend.push(format!("✗{n} = rejected {n} times by the carrier.")),
    }
    match progress.support {
        0 => {}
        1 => legend.push("⚑1 = Microsoft support engaged once.".to_string()),
        n => legend.push(format!("⚑{n} = Microsoft support engaged {n} times.")),
    }
    if !legend.is_empty() {
        page.text(" ", " ", &legend.join(" "), page.theme.dim());
    }
}

fn fields(page: &mut Page, order: &Order) {
    let theme = page.theme;
    let rejected = order.rejected_fields();
    let value_width = page.width.saturating_sub(LABEL_WIDTH + 2).max(12);
    for step in Step::pages_of(&order.fields).iter().copied() {
        if step.fields().next().is_none() {
            continue;
        }
        page.heading(step.title());
        for field in step.fields_asked(&order.fields) {
            let is_rejected = rejected.contains(&field.key);
            let value = field_value(order, field.key, field.secret);
            let mut words = if value.is_empty() {
                "—".to_string()
            } else {
                value
            };
            let changed = order.status.is_editable() && order.changed_since_submission(field.key);
            match (is_rejected, changed) {
                (true, true) => words.push_str(" ◀ rejected by carrier; ✎ changed since"),
                (true, false) => words.push_str(" ◀ rejected by carrier"),
                (false, true) => words.push_str(" ✎ changed since last submission"),
                (false, false) => {}
            }
            let style = if is_rejected {
                theme.rejected()
            } else {
                Style::new()
            };
            let gutter = if is_rejected { " ▶ " } else { "   " };
            for (i, part) in wrap(&words, value_width).into_iter().enumerate() {
                let label = if i == 0 {
                    pad(&field.label_for(&order.fields), LABEL_WIDTH - 1)
                } else {
                    pad("", LABEL_WIDTH - 1)
                };
                page.lines.push(Line::from(vec![
                    Span::styled(gutter.to_string(), style),
                    Span::styled(label, if is_rejected { style } else { theme.dim() }),
                    Span::styled(part, style),
                ]));
            }
        }
        page.blank();
    }
}

/// How many assigned numbers the page spells out; the assignment screen (`A`) has them all.
const PAGE_ASSIGNED: usize = 10;

/// Who gets which number in Teams (`domain::assign::overview`), what is left, what to fix, and
/// where the script comes from; on a FOC-confirmed or completed order with no plan, how to
/// make one.
fn assignments(page: &mut Page, order: &Order, zone: &jiff::tz::TimeZone) {
    let theme = page.theme;
    let plan = crate::domain::assign::overview(order);
    if plan.is_empty() {
        if matches!(order.status, Status::FocConfirmed | Status::Completed) {
            page.heading("Assignments: none yet");
            page.text(
                "   ",
                "   ",
                "A says who gets each number in Teams.",
                theme.dim(),
            );
            page.blank();
        }
        return;
    }
    let changed = plan
        .changed
        .map(|t| format!("; changed {}", facts::local_time(t, zone)))
        .unwrap_or_default();
    page.heading(&format!(
        "Assignments ({} of {} assigned{changed})",
        thousands(plan.assigned.len()),
        counted(order.fields.numbers.len(), "number")
    ));
    for (number, assignment) in plan.assigned.iter().take(PAGE_ASSIGNED) {
        page.text(
            &format!(" → {}  ", one_line(number)),
            "   ",
            &one_line(&assignment.describe()),
            Style::new(),
        );
    }
    if let Some(more) = plan
        .assigned
        .len()
        .checked_sub(PAGE_ASSIGNED)
        .filter(|n| *n > 0)
    {
        page.text(
            "   ",
            "   ",
            &format!("and {more} more (A: all)"),
            theme.dim(),
        );
    }
    if !plan.not_assigned.is_empty() {
        let shown: Vec<String> = plan
            .not_assigned
            .iter()
            .take(FIELD_NUMBERS)
            .map(|n| one_line(n))
            .collect();
        let more = match plan.not_assigned.len().saturating_sub(FIELD_NUMBERS) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        page.text(
            "   ",
            "   ",
            &format!(
                "Not assigned yet ({}): {}{more}",
                plan.not_assigned.len(),
                shown.join(", ")
            ),
            theme.dim(),
        );
    }
    for (_, problem) in &plan.problems {
        page.text(" ✗ ", "   ", &one_line(problem), theme.error());
    }
    let next = if plan.script_ready() {
        "e then a writes them as Teams PowerShell, a line a number."
    } else {
        "Fix these with A (the next change of the plan drops numbers no longer on the order) before the PowerShell script can be written."
    };
    page.text("   ", "   ", next, theme.dim());
    page.blank();
}

fn field_value(order: &Order, key: FieldKey, secret: bool) -> String {
    if secret {
        return order.fields.pin.masked().to_string();
    }
    if key == FieldKey::Numbers {
        let numbers = &order.fields.numbers;
        let mut shown: Vec<String> = numbers
            .iter()
            .take(FIELD_NUMBERS)
            .map(|n| one_line(n))
            .collect();
        if numbers.len() > FIELD_NUMBERS {
            shown.push(format!(
                "and {} more (N: all)",
                numbers.len() - FIELD_NUMBERS
            ));
        }
        return shown.join(", ");
    }
    let value = one_line(&order.fields.get(key).to_line());
    if let Kind::Choice(options) = crate::domain::spec(key).kind
        && let Some(label) = options.label_of(&value)
    {
        return label.to_string();
    }
    value
}

fn timeline(page: &mut Page, order: &Order, zone: &jiff::tz::TimeZone) {
    let theme = page.theme;
    page.heading(&format!(
        "History (times in {})",
        facts::zone_name(zone, order.updated_at)
    ));
    let indent = " ".repeat(20);
    for (entry, detail) in facts::timeline(order) {
        let time = facts::local_time(entry.at, zone);
        let label = entry.event.label();
        let style = match entry.event {
            Event::Rejected => theme.rejected(),
            _ => theme.heading(),
        };
        let note = match detail {
            Detail::Nothing => String::new(),
            Detail::RejectedFields([]) => "(no field named)".to_string(),
            Detail::RejectedFields(keys) => labels(keys),
            Detail::Note(note) => one_line(note),
        };
        let by = entry
            .author()
            .map(|name| format!(" · by {}", one_line(name)))
            .unwrap_or_default();
        let room = page.width.saturating_sub(indent.len()).max(10);
        let first_room = room.saturating_sub(label.width() + 2 + by.width()).max(10);
        let mut parts = wrap(&note, first_room).into_iter();
        let first = parts.next().unwrap_or_default();
        page.lines.push(Line::from(vec![
            Span::styled(format!("   {time} "), theme.dim()),
            Span::styled(label.to_string(), style),
            Span::raw(if first.is_empty() {
                String::new()
            } else {
                format!(": {first}")
            }),
            Span::styled(by, theme.dim()),
        ]));
        let rest: Vec<String> = parts.collect();
        if !rest.is_empty() {
            page.text(&indent, &indent, &rest.join(" "), Style::new());
        }
        for change in &entry.changes {
            let spec = crate::domain::spec(change.key);
            let text = format!(
                "· {}: {} → {}",
                spec.label,
                quoted(&change.from),
                quoted(&change.to)
            );
            page.text(&indent, &format!("{indent}  "), &text, theme.dim());
        }
    }
}

/// The labels of fields, in the order given.
fn labels(keys: &[FieldKey]) -> String {
    let labels: Vec<&str> = keys.iter().map(|k| crate::domain::spec(*k).label).collect();
    labels.join(", ")
}

fn quoted(value: &str) -> String {
    let v = one_line(value);
    if v.is_empty() {
        "(empty)".to_string()
    } else {
        format!("“{v}”")
    }
}
