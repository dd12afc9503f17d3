//! "Assign the numbers": the rows (number, type, identity, LocationId), each row's problems
//! under it, and the row being edited or the paste box at the bottom. Draws only.

use super::{AssignPage, Editing, RowField};
use crate::domain::assignment::IdentityKind;
use crate::domain::checks::Severity;
use crate::tui::app::App;
use crate::tui::layout::Drawn;
use crate::tui::text::{one_line, pad, truncate, wrap_at_most};
use crate::tui::widgets::form::{draw_with_input, input_line};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The number's column: E.164 is at most 16 characters.
const NUMBER: usize = 17;
/// The type's column.
const KIND: usize = 10;
/// The LocationId's column at most: a GUID and a space.
const LOCATION: usize = 37;

/// The LocationId column's width: as wide as the longest given (a GUID), else its heading.
fn location_width(page: &AssignPage) -> usize {
    let longest = page
        .rows
        .iter()
        .map(|r| r.location.chars().count())
        .max()
        .unwrap_or(0);
    (longest + 1).clamp("LocationId".len() + 1, LOCATION)
}

fn kind_word(kind: IdentityKind) -> &'static str {
    match kind {
        IdentityKind::User => "User",
        IdentityKind::ResourceAccount => "Resource",
        IdentityKind::ConferenceBridge => "Bridge",
    }
}

pub fn render(app: &App, page: &AssignPage, frame: &mut Frame, area: Rect) -> Drawn {
    let bottom = match (&page.paste, &page.editing) {
        (Some(_), _) => area.height.saturating_sub(4).clamp(4, 12),
        (None, Some(_)) => 4,
        (None, None) => 0,
    };
    let [list, below] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(bottom)]).areas(area);
    let drawn = rows(app, page, frame, list);
    if let Some(area_text) = &page.paste {
        paste_box(app, page, area_text, frame, below);
    } else if let Some(e) = &page.editing {
        row_editor(app, e, frame, below);
    }
    drawn
}

/// The lines of row `i`: the row, then its first problem (and how many more).
fn row_lines(app: &App, page: &AssignPage, i: usize, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let row = &page.rows[i];
    let identity_room = width
        .saturating_sub(2 + NUMBER + KIND + location_width(page))
        .max(12);
    let identity = if row.identity.is_empty() {
        "—".to_string()
    } else {
        one_line(&row.identity)
    };
    let text = format!(
        "  {}{}{}{}",
        pad(&row.number, NUMBER),
        pad(kind_word(row.kind), KIND),
        pad(
            &truncate(&identity, identity_room.saturating_sub(1)),
            identity_room
        ),
        truncate(&one_line(&row.location), location_width(page))
    );
    let style = if i == page.cursor {
        theme.selected()
    } else {
        Style::new()
    };
    let mut lines = vec![Line::styled(truncate(&text, width), style)];
    // The row's first problem, on up to two lines under it (F2 and the status line say it
    // whole when the row is kept).
    if let Some((severity, problem)) = page.problems.get(i).and_then(|p| p.first()) {
        let more = page.problems[i].len() - 1;
        let more = if more > 0 {
            format!(" (+{more} more)")
        } else {
            String::new()
        };
        let (mark, style) = match severity {
            Severity::Error => ("✗", theme.error()),
            Severity::Warning => ("!", theme.warning()),
        };
        let text = format!("{problem}{more}");
        for (n, part) in wrap_at_most(&text, width.saturating_sub(6), 2)
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 {
                format!("    {mark} ")
            } else {
                "      ".to_string()
            };
            lines.push(Line::styled(format!("{lead}{part}"), style));
        }
    }
    lines
}

fn rows(app: &App, page: &AssignPage, frame: &mut Frame, area: Rect) -> Drawn {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let assigned = page.rows.iter().filter(|r| !r.identity.is_empty()).count();
    let mut lines = vec![
        Line::styled(
            truncate(
                &format!(
                    " {assigned} of {} numbers have an identity · Enter edits a row · p pastes rows from a sheet",
                    page.rows.len()
                ),
                width,
            ),
            theme.heading(),
        ),
        Line::styled(
            truncate(
                &format!(
                    "  {}{}{}LocationId",
                    pad("Number", NUMBER),
                    pad("Type", KIND),
                    pad(
                        "Identity",
                        width
                            .saturating_sub(2 + NUMBER + KIND + location_width(page))
                            .max(12)
                    ),
                ),
                width,
            ),
            theme.dim(),
        ),
    ];
    let room = usize::from(area.height).saturating_sub(lines.len()).max(1);
    // The first row shown: the cursor's row and its problem stay on screen.
    let mut start = page.cursor;
    let mut used = row_lines(app, page, page.cursor, width).len();
    while start > 0 {
        let above = row_lines(app, page, start - 1, width).len();
        if used + above > room {
            break;
        }
        used += above;
        start -= 1;
    }
    let mut body: Vec<Line<'static>> = Vec::new();
    for i in start..page.rows.len() {
        body.extend(row_lines(app, page, i, width));
        if body.len() >= room {
            break;
        }
    }
    body.truncate(room);
    lines.extend(body);
    frame.render_widget(Paragraph::new(lines), area);
    Drawn {
        page_rows: room,
        page_lines: page.rows.len(),
        ..Drawn::default()
    }
}

fn row_editor(app: &App, e: &Editing, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let room = width.saturating_sub(16).max(8);
    let style = |f: RowField| {
        if e.focus == f {
            theme.focus()
        } else {
            theme.dim()
        }
    };
    let (identity, identity_at) = input_line(
        " Identity:     ",
        &e.identity,
        room,
        style(RowField::Identity),
        theme.input(),
    );
    let (location, location_at) = input_line(
        " LocationId:   ",
        &e.location,
        room,
        style(RowField::Location),
        theme.input(),
    );
    let kind = Line::from(vec![
        Span::styled(" Type:         ", theme.dim()),
        Span::raw(e.kind.label()),
        Span::styled("  (Ctrl-T changes it)", theme.dim()),
    ]);
    let hint = Line::styled(
        truncate(
            " A user's UPN (alice@contoso.com), a resource account, or the bridge's name",
            width,
        ),
        theme.dim(),
    );
    let (row, column) = match e.focus {
        RowField::Identity => (0, identity_at),
        RowField::Location => (1, location_at),
    };
    draw_with_input(
        frame,
        area,
        vec![identity, location, kind, hint],
        (row, column),
        3,
    );
}

fn paste_box(
    app: &App,
    page: &AssignPage,
    area_text: &crate::tui::widgets::textarea::TextArea,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let mut lines = vec![Line::styled(
        truncate(
            " Paste rows from a sheet (PhoneNumber, Identity, LocationId, IdentityType; tabs or commas), then Ctrl-S",
            width,
        ),
        theme.heading(),
    )];
    let rows = usize::from(area.height).saturating_sub(2).max(1);
    let start = (area_text.row() + 1).saturating_sub(rows);
    for field in area_text.lines().iter().skip(start).take(rows) {
        let shown = field.visible(width.saturating_sub(2), false).text;
        lines.push(Line::styled(
            format!(" {}", one_line(&shown)),
            theme.input(),
        ));
    }
    let cursor_row = 1 + area_text.row() - start;
    if let Some(why) = &page.paste_error {
        lines.push(Line::styled(
            truncate(&format!(" ✗ {}", one_line(why)), width),
            theme.error(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
    let column = 1 + area_text
        .current()
        .visible(width.saturating_sub(2), false)
        .cursor_column;
    if cursor_row < usize::from(area.height) {
        frame.set_cursor_position(Position::new(
            area.x + column.min(area.width.saturating_sub(1)),
            area.y + u16::try_from(cursor_row).unwrap_or(0),
        ));
    }
}
