//! The export dialog, drawn over the order's page: the formats, the path input with the PIN
//! toggle, and the question before replacing a file. Draws only.

use super::{ExportPage, ExportStep, key_of};
use crate::domain::export::Format;
use crate::domain::export::several;
use crate::tui::app::App;
use crate::tui::text::hanging;
use crate::tui::text::{clean_for_screen, one_line, pad};
use crate::tui::widgets::popup::popup;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

const WIDTH: u16 = 72;
const LABEL: &str = " File: ";
const FOLDER: &str = " Folder: ";

pub fn render(app: &App, page: &ExportPage, frame: &mut Frame, area: Rect) {
    // The order's page stays in view under the dialog: the root draws it first
    // (`Component::over_below`).
    let inner = usize::from(WIDTH.min(area.width).saturating_sub(2));
    let name = match page.orders.len() {
        0 => format!("“{}”", app.order_name(&page.order_id)),
        n => format!("{n} orders"),
    };
    let (lines, cursor) = match &page.step {
        ExportStep::Format => (format_lines(app, page, &name, inner), None),
        ExportStep::Path | ExportStep::Replace(_) => path_lines(app, page, &name, inner),
    };
    let rect = popup(frame, area, "Export", lines, WIDTH);
    if let Some((x, y)) = cursor {
        let x = u16::try_from(x).unwrap_or(u16::MAX);
        let y = u16::try_from(y).unwrap_or(u16::MAX);
        // Inside the border, and only when the row is drawn.
        if y.saturating_add(2) < rect.height {
            frame.set_cursor_position(Position::new(
                rect.x + 1 + x.min(rect.width.saturating_sub(3)),
                rect.y + 1 + y,
            ));
        }
    }
}

/// `body` wrapped to `inner` columns after `lead`, in `style`.
fn text(lines: &mut Vec<Line<'static>>, inner: usize, lead: &str, body: &str, style: Style) {
    lines.extend(hanging(lead, body, inner, Style::new(), style));
}

/// The first step: the formats to choose from.
fn format_lines(app: &App, page: &ExportPage, name: &str, inner: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let text = |lines: &mut Vec<Line<'static>>, lead: &str, body: &str, style: Style| {
        text(lines, inner, lead, body, style);
    };
    text(
        &mut lines,
        " ",
        &format!("Export {name}: what should the file hold?"),
        theme.heading(),
    );
    if !page.orders.is_empty() {
        text(
            &mut lines,
            " ",
            "CSV and JSON put them in one file; the other formats write a file for each order.",
            theme.dim(),
        );
    }
    lines.push(Line::raw(""));
    for format in &page.formats {
        let chosen = *format == page.format;
        let (mark, style) = if chosen {
            (" › ", theme.focus())
        } else {
            ("   ", Style::new())
        };
        lines.push(Line::from(vec![
            Span::styled(mark, style),
            Span::styled(key_of(*format).map_or(' ', |k| k).to_string(), theme.key()),
            Span::raw(" "),
            Span::styled(pad(format.label(), 22), style),
            Span::styled(about(page, *format), theme.dim()),
        ]));
    }
    lines.push(Line::raw(""));
    let letters: Vec<String> = page
        .formats
        .iter()
        .filter_map(|f| key_of(*f).map(String::from))
        .collect();
    let letters = match letters.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    text(
        &mut lines,
        " ",
        &format!("↑↓ and Enter, or the letter: {letters}. Esc cancels."),
        theme.dim(),
    );
    lines
}

/// The second step: the path typed (and where its cursor is), the PIN's box, the question
/// before replacing a file.
fn path_lines(
    app: &App,
    page: &ExportPage,
    name: &str,
    inner: usize,
) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
    let theme = &app.theme;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cursor = None;
    let text = |lines: &mut Vec<Line<'static>>, lead: &str, body: &str, style: Style| {
        text(lines, inner, lead, body, style);
    };
    text(
        &mut lines,
        " ",
        &format!("Export {name} as {}", page.format.label()),
        theme.heading(),
    );
    lines.push(Line::raw(""));
    let label = if page.to_folder() { FOLDER } else { LABEL };
    let room = inner.saturating_sub(label.width() + 1).max(8);
    let shown = page.path.visible(room, false);
    let value = clean_for_screen(&shown.text);
    let fill = room.saturating_sub(value.width());
    if page.step == ExportStep::Path {
        cursor = Some((
            label.width() + usize::from(shown.cursor_column),
            lines.len(),
        ));
    }
    lines.push(Line::from(vec![
        Span::styled(label, theme.focus()),
        Span::styled(format!("{value}{}", " ".repeat(fill)), theme.input()),
    ]));
    // The whole path, however long: the box above scrolls to its cursor.
    let typed = one_line(page.path.value().trim());
    if typed.width() > room {
        text(&mut lines, "       ", &format!("= {typed}"), theme.dim());
    }
    text(&mut lines, "       ", &where_it_goes(page), theme.dim());
    lines.push(Line::raw(""));
    pin_lines(app, page, inner, &mut lines);
    if let Some(why) = &page.error {
        lines.push(Line::raw(""));
        text(&mut lines, " ✗ ", &one_line(why), theme.error());
    }
    if let ExportStep::Replace(path) = &page.step {
        lines.push(Line::raw(""));
        text(
            &mut lines,
            " ",
            &format!("Replace {}? y/n", one_line(path)),
            theme.heading(),
        );
        text(
            &mut lines,
            " ",
            if page.to_folder() {
                "These files exist: y replaces them, n goes back to choose another folder."
            } else {
                "The file exists: y replaces it, n goes back to choose another name."
            },
            theme.dim(),
        );
    } else {
        lines.push(Line::raw(""));
        text(
            &mut lines,
            " ",
            if page.to_folder() {
                "Enter writes the files. Esc: back to the formats."
            } else {
                "Enter writes the file. Esc: back to the formats."
            },
            theme.dim(),
        );
    }
    (lines, cursor)
}

/// Whether the file will hold the PIN (for the formats that can).
fn pin_lines(app: &App, page: &ExportPage, inner: usize, lines: &mut Vec<Line<'static>>) {
    let theme = &app.theme;
    let text = |lines: &mut Vec<Line<'static>>, lead: &str, body: &str, style: Style| {
        text(lines, inner, lead, body, style);
    };
    if page.format.may_hold_the_pin() {
        let tick = if page.include_secrets { "[x]" } else { "[ ]" };
        lines.push(Line::from(vec![
            Span::raw(format!(" {tick} Include the PIN  ")),
            Span::styled("Ctrl-P", theme.key()),
            Span::styled(" changes this", theme.dim()),
        ]));
        if page.include_secrets {
            text(
                lines,
                " ⚠ ",
                if page.format.writes_folder() {
                    "The packet's field sheet will hold the port-out PIN in clear: keep it private."
                } else {
                    "The file will hold the port-out PIN in clear: keep it private."
                },
                theme.warning(),
            );
        }
    } else {
        text(lines, " ", "This format never holds the PIN.", theme.dim());
    }
}

/// Where the file (or the files) go, in words.
fn where_it_goes(page: &ExportPage) -> String {
    let count = page.orders.len();
    match (count, page.format) {
        (0, Format::Packet) => {
            "A new folder (its parent must exist) or an empty one, never replaced; ~ is your home folder."
                .to_string()
        }
        (0, _) => "A bare name goes in the current folder; ~ is your home folder.".to_string(),
        (_, Format::Json) => format!(
            "One file: a JSON array of the {count} orders' fields documents. ~ is your home folder."
        ),
        (_, Format::Csv) => format!(
            "One file: every number of the {count} orders, with its order's id and name. ~ is your home folder."
        ),
        (_, format) => {
            let first = page
                .orders
                .first()
                .map_or(String::new(), |k| several::file_name(&k.id, format));
            format!(
                "A file for each of the {count} orders in this folder ({first}, …). ~ is your home folder."
            )
        }
    }
}

/// What a format holds, as the list of formats says it: for several orders JSON and CSV say
/// what their one file holds (`import` reads one order's document, not the array).
fn about(page: &ExportPage, format: Format) -> &'static str {
    match (page.orders.is_empty(), format) {
        (false, Format::Json) => "every field, an array of the orders",
        (false, Format::Csv) => "every number, with its order",
        _ => format.brief(),
    }
}
