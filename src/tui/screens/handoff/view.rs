//! The hand-off's view: the admin center's pages as headings, one value a line, the cursor, and
//! what was copied; the question over it. Draws only.

use super::{Ask, HandoffPage};
use crate::domain::handoff::{Handoff, HandoffLine};
use crate::tui::app::App;
use crate::tui::text::width as columns;
use crate::tui::text::{one_line, pad, truncate, wrap};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The widest label column (longer labels are cut).
const LABEL_MAX: usize = 36;
const COPIED: &str = "✓ copied";

pub fn render(app: &App, page: &HandoffPage, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let Some(handoff) = page.handoff(app) else {
        frame.render_widget(
            Paragraph::new(" This order is not in the store any more."),
            area,
        );
        return;
    };
    let width = usize::from(area.width);
    let intro = if handoff.case.is_empty() {
        " Enter each value in the Teams admin center's porting wizard, page by page:"
    } else {
        " A Port in case at the Phone Number Service Center: its fields, then the order's values:"
    };
    let mut head = vec![Line::styled(truncate(intro, width), theme.heading())];
    head.push(Line::styled(
        truncate(&progress(page, &handoff), width),
        theme.dim(),
    ));
    head.push(Line::raw(""));
    let (rows, cursor_row) = list(page, &handoff, theme, width);
    let list_height = usize::from(area.height).saturating_sub(head.len());
    // The cursor stays mid-screen (as in a pager), so what comes next is always in sight; the
    // ends of the list show whole.
    let offset = if page.cursor == 0 && cursor_row < list_height {
        // On the first value, what is above it (a case's fields) shows whole.
        0
    } else {
        cursor_row
            .saturating_sub(list_height / 2)
            .min(rows.len().saturating_sub(list_height))
    };
    let mut lines = head;
    lines.extend(rows.into_iter().skip(offset).take(list_height));
    frame.render_widget(Paragraph::new(lines), area);
    if let Some(ask) = &page.ask {
        render_question(app, ask, frame, area);
    }
}

/// "3 of 25 values copied · numbers CSV copied", and for a resubmission what comes first.
fn progress(page: &HandoffPage, handoff: &Handoff) -> String {
    let filled = handoff.lines().filter(|l| l.shown.is_some()).count();
    let copied = handoff
        .lines()
        .filter(|l| page.copied.contains(&l.key))
        .count();
    let mut text = format!(" {copied} of {filled} values copied");
    if page.csv_copied {
        text.push_str(" · numbers CSV copied");
    }
    match (handoff.resubmission, handoff.changed.len()) {
        (false, _) => {}
        (true, 0) => text.push_str(" · nothing changed since the rejection yet"),
        (true, n) => text.push_str(&format!(" · {n} changed since the rejection, first")),
    }
    text
}

/// The list's lines, and the row of the cursor's line.
fn list(
    page: &HandoffPage,
    handoff: &Handoff,
    theme: &Theme,
    width: usize,
) -> (Vec<Line<'static>>, usize) {
    let label_width = handoff
        .lines()
        .map(|l| columns(&l.label))
        .max()
        .unwrap_or(0)
        .min(LABEL_MAX);
    let mut rows: Vec<Line<'static>> = case_rows(handoff, theme, width);
    let mut cursor_row = 0;
    let mut index = 0;
    let sections: Vec<(Option<&str>, &[HandoffLine])> = if handoff.resubmission {
        vec![
            (
                Some("Changed since the rejection: enter these again"),
                &handoff.changed[..],
            ),
            (
                Some("Everything else, as already entered"),
                &handoff.rest[..],
            ),
        ]
    } else {
        vec![(None, &handoff.rest[..])]
    };
    for (title, lines) in sections {
        if let Some(title) = title {
            rows.push(Line::styled(format!(" {title}"), theme.heading()));
            if lines.is_empty() {
                rows.push(Line::styled("   (none)", theme.dim()));
            }
        }
        let mut page_shown = None;
        for line in lines {
            if page_shown != Some(line.page) {
                rows.push(Line::styled(
                    format!("  {}", line.page.title()),
                    theme.title(),
                ));
                page_shown = Some(line.page);
            }
            let selected = index == page.cursor;
            if selected {
                cursor_row = rows.len();
            }
            rows.push(value_line(
                line,
                selected,
                page.copied.contains(&line.key),
                label_width,
                width,
                theme,
            ));
            index += 1;
        }
        rows.push(Line::raw(""));
    }
    if !handoff.notes.is_empty() {
        rows.push(Line::styled(
            " Your notes (not entered in Teams)",
            theme.heading(),
        ));
        // Wrapped, not cut: a note is read here, never copied.
        for note in &handoff.notes {
            for part in wrap(&one_line(note), width.saturating_sub(4).max(10)) {
                rows.push(Line::raw(format!("    {part}")));
            }
        }
    }
    (rows, cursor_row)
}

/// The Service Center case's fields, each wrapped under its label, before the order's values
/// (which the case's description and the carrier still need, and which `y` copies).
fn case_rows(handoff: &Handoff, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    if handoff.case.is_empty() {
        return Vec::new();
    }
    let mut rows = vec![Line::styled(
        format!(
            " The case ({})",
            crate::domain::export::case::SERVICE_CENTER_URL
        ),
        theme.heading(),
    )];
    for field in &handoff.case {
        // One line a field where it fits; the description's other lines are the order's values,
        // listed below to copy.
        let lines: Vec<&str> = match field.label {
            "Description" => field.value.lines().take(1).collect(),
            _ => field.value.lines().collect(),
        };
        let text = format!("{}: {}", field.label, lines.join(" · "));
        for (i, part) in wrap(&one_line(&text), width.saturating_sub(4).max(10))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "  " } else { "    " };
            rows.push(Line::raw(format!("{lead}{part}")));
        }
    }
    rows.push(Line::raw(""));
    rows.push(Line::styled(
        " The order's values (y copies one)",
        theme.heading(),
    ));
    rows
}

fn value_line(
    line: &HandoffLine,
    selected: bool,
    copied: bool,
    label_width: usize,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let pointer = if selected { "  › " } else { "    " };
    let mark = if copied { COPIED } else { "" };
    let room = width
        .saturating_sub(4 + label_width + 2 + columns(COPIED) + 2)
        .max(8);
    let (value, value_style) = match (&line.shown, line.secret) {
        (Some(shown), true) => (format!("{shown} (hidden; y asks first)"), theme.dim()),
        (Some(shown), false) => (shown.clone(), ratatui::style::Style::new()),
        (None, _) => ("(empty)".to_string(), theme.dim()),
    };
    let label_style = if selected {
        theme.focus()
    } else {
        ratatui::style::Style::new()
    };
    Line::from(vec![
        Span::styled(pointer, label_style),
        Span::styled(pad(&line.label, label_width), label_style),
        Span::raw("  "),
        Span::styled(pad(&truncate(&value, room), room), value_style),
        Span::raw("  "),
        Span::styled(mark, theme.ok()),
    ])
}

fn render_question(app: &App, ask: &Ask, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let box_width: u16 = 64;
    let inner = usize::from(box_width.min(area.width).saturating_sub(4));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let (title, text, yes) = match ask {
        Ask::CopyPin => (
            "Copy the PIN?",
            "Copy the account PIN to the clipboard? It is not shown here: it goes straight to your terminal's clipboard, to paste into the admin center.".to_string(),
            "copy the PIN",
        ),
        Ask::Submit {
            resubmission,
            warning,
            history,
        } => {
            let verb = if *resubmission {
                "resubmitted"
            } else {
                "submitted"
            };
            let mut text = format!("Record that this order is entered and {verb} in the Teams admin center? Its status becomes Submitted.");
            if let Some(warning) = warning {
                text.push_str(&format!("\n⚠ {warning}"));
            }
            for warning in history {
                text.push_str(&format!("\n⚠ From your history: {}", one_line(warning)));
            }
            ("Record the submission?", text, "record it")
        }
    };
    for part in wrap(&text, inner) {
        lines.push(Line::raw(format!(" {part}")));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::raw(" "),
        Span::styled("y", theme.key()),
        Span::raw(format!(" {yes}   ")),
        Span::styled("n", theme.key()),
        Span::raw("/"),
        Span::styled("Esc", theme.key()),
        Span::raw(" no"),
    ]));
    crate::tui::widgets::popup::popup(frame, area, title, lines, box_width);
}
