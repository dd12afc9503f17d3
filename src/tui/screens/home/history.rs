//! The home screen: the order history as a table. Only the rows on screen are built.

use crate::domain::Status;
use crate::domain::summary::Summary;
use crate::tui::app::{App, SortColumn, port_date};
use crate::tui::layout::{CHROME_ROWS, Drawn};
use crate::tui::text::{ago, one_line, truncate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

/// Lines above the table: counts and sort, the filter line, the column headers.
const HEAD_ROWS: u16 = 3;

/// How many order rows fit on a terminal of this size.
pub fn table_rows(size: (u16, u16)) -> usize {
    usize::from(size.1.saturating_sub(CHROME_ROWS + HEAD_ROWS))
}

/// Column widths: narrow below 100 columns (where the id takes the carrier's place), the
/// carrier from 100, full status labels and dates from 120, the date of the last change and
/// long headers from 150.
struct Columns {
    /// The selection marker, the mark while any order is marked, and the short id.
    id: u16,
    /// Whether the id column holds a mark (any order is marked).
    marking: bool,
    /// The tenant's name, on the board only.
    tenant: Option<u16>,
    /// What is left for the order name.
    name: u16,
    wide: bool,
    dated: bool,
    status: u16,
    /// None below 100 columns.
    carrier: Option<u16>,
    numbers: u16,
    port_date: u16,
    /// None on a narrow board, where the tenant takes its place.
    rejections: Option<u16>,
    changed: u16,
}

impl Columns {
    fn for_width(
        width: u16,
        id_width: usize,
        tenant_width: Option<usize>,
        marking: bool,
    ) -> Columns {
        let (wide, dated) = (width >= 120, width >= 150);
        let (status, carrier, numbers, port_date, rejections) = match width {
            0..100 => (17, None, 4, 10, 4),
            100..120 => (17, Some(12), 4, 10, 4),
            120..150 => (27, Some(14), 4, 14, 4),
            _ => (27, Some(18), 8, 14, 9),
        };
        let changed = if dated { 18 } else { 9 };
        let id = u16::try_from(id_width.min(MAX_ID_WIDTH) + 1 + usize::from(marking)).unwrap_or(12);
        // The tenant's name takes what it needs up to a column of its own, before the name.
        let most: u16 = if width >= 120 { 16 } else { 10 };
        let tenant = tenant_width.map(|w| u16::try_from(w).unwrap_or(most).clamp(6, most));
        let rejections = (tenant.is_none() || width >= 100).then_some(rejections);
        let columns = 6
            + u16::from(carrier.is_some())
            + u16::from(tenant.is_some())
            + u16::from(rejections.is_some());
        let fixed = id
            + tenant.unwrap_or(0)
            + status
            + carrier.unwrap_or(0)
            + numbers
            + port_date
            + rejections.unwrap_or(0)
            + changed
            + (columns - 1);
        Columns {
            id,
            marking,
            tenant,
            name: width.saturating_sub(fixed),
            wide,
            dated,
            status,
            carrier,
            numbers,
            port_date,
            rejections,
            changed,
        }
    }

    fn widths(&self) -> Vec<Constraint> {
        let mut widths = vec![Constraint::Length(self.id)];
        widths.extend(self.tenant.map(Constraint::Length));
        widths.extend([Constraint::Fill(1), Constraint::Length(self.status)]);
        widths.extend(self.carrier.map(Constraint::Length));
        widths.extend([
            Constraint::Length(self.numbers),
            Constraint::Length(self.port_date),
        ]);
        widths.extend(self.rejections.map(Constraint::Length));
        widths.push(Constraint::Length(self.changed));
        widths
    }
}

/// The glyph of a marked order, before its id.
pub const MARK: &str = "●";

/// The most an id column takes, whatever ids the store holds.
const MAX_ID_WIDTH: usize = 16;

/// The line over the history: how many orders are shown of how many, the marks, the status
/// filter and the sort.
fn counts_line(app: &App) -> String {
    let h = &app.history;
    let sort_arrow = if h.descending { "↓" } else { "↑" };
    let marked = match h.marks.len() {
        0 => String::new(),
        n => {
            // Marks the filter hides still count: `e`, `N` and `y` act on them too.
            let shown = h
                .rows
                .iter()
                .filter(|i| h.marks.contains(&app.key_of(&app.orders[**i])))
                .count();
            match n - shown.min(n) {
                0 => format!(" · {n} marked"),
                hidden => format!(" · {n} marked ({hidden} not shown)"),
            }
        }
    };
    // While the board reads every order, it shows each tenant's newest: said, with how far.
    let of_tenants = app
        .board
        .as_ref()
        .map_or(String::new(), |b| match app.reading {
            Some((done, total)) => format!(
                " of {} tenants · reading the rest ({done} of {total} tenants)",
                b.tenants.len()
            ),
            None => format!(" of {} tenants", b.tenants.len()),
        });
    format!(
        " Showing {} of {} orders{of_tenants}{marked} · Status: {} · Sorted by {} {sort_arrow}",
        h.rows.len(),
        app.orders.len(),
        h.status_filter.label(),
        h.sort.label(),
    )
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) -> Drawn {
    let theme = &app.theme;
    let h = &app.history;
    let summary = counts_line(app);
    let filter_line = filter_line(app);
    let top = Rect::new(area.x, area.y, area.width, 1);
    frame.render_widget(Paragraph::new(Line::styled(summary, theme.heading())), top);
    let second = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        1.min(area.height.saturating_sub(1)),
    );
    frame.render_widget(Paragraph::new(filter_line), second);

    let table_area = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2),
    );
    let visible = usize::from(table_area.height.saturating_sub(1));
    if h.rows.is_empty() {
        let text = if app.orders.is_empty() && app.board.is_some() {
            " No tenant has an order yet: T opens a tenant's store, where n starts one."
        } else if app.orders.is_empty() {
            " No orders yet: n starts one."
        } else {
            " No order matches. Esc clears the filter; f changes the status shown."
        };
        let below = Rect::new(
            table_area.x,
            table_area.y + 1,
            table_area.width,
            1.min(table_area.height),
        );
        frame.render_widget(Paragraph::new(Line::styled(text, theme.dim())), below);
    }
    let tenant_width = app.board.as_ref().map(|b| {
        b.tenants
            .iter()
            .map(|t| unicode_width::UnicodeWidthStr::width(one_line(t).as_str()))
            .max()
            .unwrap_or(0)
    });
    let cols = Columns::for_width(area.width, h.id_width, tenant_width, !h.marks.is_empty());
    let header = header_row(app, &cols);
    let offset = offset_showing(h.offset, h.selected, visible, h.rows.len());
    let end = (offset + visible).min(h.rows.len());
    let rows: Vec<Row> = h.rows[offset.min(end)..end]
        .iter()
        .enumerate()
        .filter_map(|(i, index)| {
            let order = app.orders.get(*index)?;
            let selected = offset + i == h.selected;
            Some(order_row(app, order, &cols, selected))
        })
        .collect();
    let table = Table::new(rows, cols.widths())
        .header(header)
        .column_spacing(1);
    frame.render_widget(table, table_area);
    Drawn {
        history_rows: visible,
        history_offset: offset,
        ..Drawn::default()
    }
}

/// The line under the counts: the filter as typed or kept, else how to filter.
fn filter_line(app: &App) -> Line<'static> {
    let (theme, h) = (&app.theme, &app.history);
    if h.editing_filter {
        Line::from(vec![
            Span::styled(" Filter: ", theme.heading()),
            Span::raw(one_line(&h.filter)),
            Span::styled("▏", theme.key()),
            Span::styled("  (Enter keeps it, Esc clears it)", theme.dim()),
        ])
    } else if h.filter.is_empty() && app.board.is_some() {
        Line::styled(
            " Filter: none (/ to filter by tenant, name, carrier, number or id)",
            theme.dim(),
        )
    } else if h.filter.is_empty() {
        Line::styled(
            " Filter: none (/ to filter by name, carrier, number or id)",
            theme.dim(),
        )
    } else {
        Line::from(vec![
            Span::styled(" Filter: ", theme.heading()),
            Span::raw(one_line(&h.filter)),
            Span::styled("  (/ to change, Esc to clear)", theme.dim()),
        ])
    }
}

/// The first row to show so that the selected one is in sight: `offset` moved as little as
/// possible, and no empty rows below the last while there are rows above.
pub fn offset_showing(offset: usize, selected: usize, visible: usize, len: usize) -> usize {
    let visible = visible.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + visible {
        selected + 1 - visible
    } else {
        offset
    };
    offset.min(len.saturating_sub(visible))
}

fn header_row(app: &App, cols: &Columns) -> Row<'static> {
    let h = &app.history;
    let arrow = if h.descending { "↓" } else { "↑" };
    let names: [(Option<SortColumn>, &str); 9] = [
        (None, if cols.marking { "  Id" } else { " Id" }),
        (Some(SortColumn::Tenant), "Tenant"),
        (Some(SortColumn::Name), "Order name"),
        (Some(SortColumn::Status), "Status"),
        (Some(SortColumn::Carrier), "Carrier"),
        (
            Some(SortColumn::Numbers),
            if cols.dated { "Numbers" } else { "#" },
        ),
        (Some(SortColumn::PortDate), "Port date"),
        (
            Some(SortColumn::Rejections),
            if cols.dated { "Rejected" } else { "Rej" },
        ),
        (
            Some(SortColumn::LastChange),
            if cols.dated { "Last change" } else { "Changed" },
        ),
    ];
    let cells = names
        .into_iter()
        .filter(|(column, _)| cols.carrier.is_some() || *column != Some(SortColumn::Carrier))
        .filter(|(column, _)| cols.tenant.is_some() || *column != Some(SortColumn::Tenant))
        .filter(|(column, _)| cols.rejections.is_some() || *column != Some(SortColumn::Rejections))
        .map(|(column, name)| {
            let text = if column == Some(h.sort) {
                format!("{name}{arrow}")
            } else {
                name.to_string()
            };
            Cell::from(text)
        });
    Row::new(cells).style(
        app.theme
            .heading()
            .add_modifier(ratatui::style::Modifier::UNDERLINED),
    )
}

fn order_row(app: &App, order: &Summary, cols: &Columns, selected: bool) -> Row<'static> {
    let theme = &app.theme;
    let status = if cols.wide {
        format!("{} {}", order.status.symbol(), order.status.label())
    } else {
        format!("{} {}", order.status.symbol(), short_label(order.status))
    };
    let date = match (port_date(order), order.foc_date.is_some()) {
        (Some(d), true) if cols.wide => format!("{d} FOC"),
        (Some(d), true) => format!("{} FOC", d.strftime("%b %d")),
        (Some(d), false) if cols.wide => d.to_string(),
        (Some(d), false) => d.strftime("%b %d").to_string(),
        (None, _) => "—".to_string(),
    };
    let rejections = match order.rejections {
        0 => "—".to_string(),
        n => format!("✗{n}"),
    };
    let changed = if cols.dated {
        format!(
            "{} · {}",
            order.updated_at.strftime("%b %d"),
            ago(app.clock.now, order.updated_at)
        )
    } else {
        ago(app.clock.now, order.updated_at)
    };
    let marker = if selected { "▶" } else { " " };
    // A marked order carries a glyph, not only a colour (plain terminals, screen readers).
    let mark = match (cols.marking, app.history.marks.contains(&app.key_of(order))) {
        (false, _) => "",
        (true, true) => MARK,
        (true, false) => " ",
    };
    let carrier = one_line(order.carrier());
    // Waiting on the user too long: a marker and the days, before the name.
    let overdue = match order.days_overdue(app.clock.now) {
        Some(days) => format!("⏰{days} d "),
        None => String::new(),
    };
    let ticket = match &order.ticket() {
        Some(t) if cols.wide => format!(" · ticket {}", one_line(t)),
        _ => String::new(),
    };
    let short_id: String = one_line(order.id())
        .chars()
        .take(usize::from(cols.id) - 1 - usize::from(cols.marking))
        .collect();
    let mut cells = vec![Cell::from(format!("{marker}{mark}{short_id}"))];
    if let Some(width) = cols.tenant {
        let tenant = app.board.as_ref().and_then(|b| b.tenant(order.id()));
        cells.push(Cell::from(truncate(
            &one_line(tenant.unwrap_or("—")),
            usize::from(width),
        )));
    }
    cells.extend([
        Cell::from(truncate(
            &format!("{overdue}{}{ticket}", one_line(order.name())),
            usize::from(cols.name),
        )),
        Cell::from(Span::styled(status, theme.status(order.status))),
    ]);
    if let Some(width) = cols.carrier {
        cells.push(Cell::from(if carrier.is_empty() {
            "—".to_string()
        } else {
            truncate(&carrier, usize::from(width))
        }));
    }
    cells.extend([Cell::from(order.number_count.to_string()), Cell::from(date)]);
    if cols.rejections.is_some() {
        cells.push(Cell::from(rejections));
    }
    cells.push(Cell::from(changed));
    let row = Row::new(cells);
    match (selected, mark == MARK) {
        (true, _) => row.style(theme.selected()),
        (false, true) => row.style(theme.focus()),
        (false, false) => row.style(Style::new()),
    }
}

/// The status in at most 15 columns, for narrow terminals.
pub fn short_label(status: Status) -> &'static str {
    match status {
        Status::CustomerActionRequired => "Action required",
        Status::SupportEngaged => "Support engaged",
        other => other.label(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    #[test]
    fn ago_reads_short() {
        let now: Timestamp = "2026-11-26T12:00:00Z"
            .parse()
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let at = |s: &str| s.parse::<Timestamp>().unwrap_or(Timestamp::UNIX_EPOCH);
        assert_eq!(ago(now, at("2026-11-26T11:59:30Z")), "just now");
        assert_eq!(ago(now, at("2026-11-26T11:55:00Z")), "5 min ago");
        assert_eq!(ago(now, at("2026-11-26T09:00:00Z")), "3 h ago");
        assert_eq!(ago(now, at("2026-11-23T12:00:00Z")), "3 d ago");
        assert_eq!(ago(now, at("2026-07-01T12:00:00Z")), "4 mo ago");
    }
}
