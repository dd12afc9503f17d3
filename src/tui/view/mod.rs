//! `view`: draws the model, changes nothing. One frame: a title line, the screen, a status line
//! and the footer; help, store notices and the quit question draw over it.

pub mod footer;
pub mod help;
pub mod too_small;

use super::app::{App, Message};
use super::layout::Drawn;
use super::root::Root;
use super::text::{one_line, wrap};
use super::widgets::popup::popup;
use super::widgets::status;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draw a frame; returns what it laid out, for `update` (`Msg::Drawn`).
pub fn view(root: &Root, frame: &mut Frame) -> Drawn {
    let app = &root.app;
    let area = frame.area();
    if app.too_small() {
        too_small::render(root, frame, area);
        return Drawn::default();
    }
    // The status line grows to fit its message (up to three lines).
    let status_lines = app
        .message
        .as_ref()
        .map(|m| status_text(m, usize::from(area.width)))
        .unwrap_or_default();
    let status_height = u16::try_from(status_lines.len().max(1)).unwrap_or(1);
    let notice_lines = notices_panel(app, usize::from(area.width));
    let notices_height = u16::try_from(notice_lines.len()).unwrap_or(0);
    let [title, notices, body, status, footer_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(notices_height),
        Constraint::Min(1),
        Constraint::Length(status_height),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(notice_lines), notices);
    let top = root.top().component();
    render_title(
        app,
        whose_orders(root).as_deref(),
        &top.title(app),
        frame,
        title,
    );
    // A dialog keeps the screen under it in view.
    if top.over_below()
        && let Some(below) = root.screens.iter().rev().nth(1)
    {
        below.component().view(app, frame, body);
    }
    let mut drawn = top.view(app, frame, body);
    render_status(app, status_lines, frame, status);
    footer::render(root, frame, footer_area);
    if app.help_open {
        (drawn.help_rows, drawn.help_lines) = help::render(app, top, frame, body);
    }
    if app.message_open
        && let Some(message) = root.status_message()
    {
        render_message(app, message, frame, body);
    }
    if let Some((_, unsaved)) = root.leaving {
        render_confirm_leave(app, unsaved, frame, body);
    }
    if app.confirm_quit {
        render_confirm_quit(root, frame, body);
    }
    drawn
}

/// Whose orders the screen shows: the tenant open; on the board every tenant, and over the
/// history the tenant of the order opened from it (the selected row's).
fn whose_orders(root: &Root) -> Option<String> {
    let app = &root.app;
    let Some(board) = &app.board else {
        return app.tenant.clone();
    };
    let opened = app
        .selected_summary()
        .filter(|_| root.screens.len() > 1)
        .and_then(|s| board.tenant(s.id()));
    Some(match opened {
        Some(tenant) => format!("All tenants › {tenant}"),
        None => "All tenants".to_string(),
    })
}

fn render_title(app: &App, whose: Option<&str>, place: &str, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let demo = if app.demo { "  [demo copy]" } else { "" };
    // Whose orders these are, before anything else: a tenant's name, cut to a third of the line.
    let tenant = whose.map_or(String::new(), |t| {
        let most = usize::from(area.width) / 3;
        format!(
            "{} › ",
            super::text::truncate(&super::text::one_line(t), most.max(4))
        )
    });
    let room = usize::from(area.width).saturating_sub(
        " portwiz  ".len() + demo.len() + unicode_width::UnicodeWidthStr::width(tenant.as_str()),
    );
    let spans = vec![
        Span::styled(
            " portwiz ",
            theme
                .title()
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ),
        Span::raw(" "),
        Span::styled(tenant, theme.title()),
        Span::styled(super::text::truncate(place, room), theme.heading()),
        Span::styled(demo, theme.dim()),
    ];
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The status message with its mark, in the lines it takes at this width.
fn status_text(message: &Message, width: usize) -> Vec<String> {
    status::lines(&marked(message), width)
}

fn marked(message: &Message) -> String {
    let mark = if message.is_error { "✗ " } else { "✓ " };
    format!("{mark}{}", message.text)
}

fn render_status(app: &App, lines: Vec<String>, frame: &mut Frame, area: Rect) {
    let Some(message) = &app.message else {
        return;
    };
    let style = if message.is_error {
        app.theme.error()
    } else {
        app.theme.ok()
    };
    let lines: Vec<Line> = lines.into_iter().map(|l| Line::styled(l, style)).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// `F2`: the status message whole, over the screen.
fn render_message(app: &App, message: &Message, frame: &mut Frame, area: Rect) {
    let width = area.width.min(76);
    let inner = usize::from(width.saturating_sub(2));
    let style = if message.is_error {
        app.theme.error()
    } else {
        app.theme.ok()
    };
    let mut lines: Vec<Line<'static>> = wrap(&one_line(&message.text), inner)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled("Enter or Esc closes this.", app.theme.dim()));
    popup(frame, area, "Message", lines, width);
}

/// Most lines the store's notices take above the screen (the screen keeps the rest).
const NOTICE_LINES: usize = 6;

/// The store's notices as a panel above the screen: not over it, and taking no key but their
/// own (Ctrl-N), so a notice that arrives as the user types never eats a key.
fn notices_panel(app: &App, width: usize) -> Vec<Line<'static>> {
    if app.notices.is_empty() {
        return Vec::new();
    }
    let theme = &app.theme;
    let inner = width.saturating_sub(4);
    let mut lines = vec![Line::from(vec![
        Span::styled(
            super::text::truncate(
                "⚠ Opening the store found something you should know",
                width.saturating_sub(20),
            ),
            theme.warning(),
        ),
        Span::styled(" · Ctrl-N dismisses", theme.dim()),
    ])];
    let mut body: Vec<String> = Vec::new();
    for notice in &app.notices {
        for (i, part) in wrap(&one_line(notice), inner).into_iter().enumerate() {
            let bullet = if i == 0 { "  • " } else { "    " };
            body.push(format!("{bullet}{part}"));
        }
    }
    if body.len() > NOTICE_LINES {
        body.truncate(NOTICE_LINES);
        if let Some(last) = body.last_mut() {
            *last = super::text::truncate(&format!("{last} …"), width);
        }
    }
    lines.extend(body.into_iter().map(Line::raw));
    lines.push(Line::styled("─".repeat(width), theme.dim()));
    lines
}

/// Esc on a screen that holds unsaved work: say what would be lost, and ask.
fn render_confirm_leave(app: &App, unsaved: &str, frame: &mut Frame, area: Rect) {
    let width = area.width.min(60);
    let mut lines: Vec<Line<'static>> = wrap(unsaved, usize::from(width.saturating_sub(2)))
        .into_iter()
        .map(|l| Line::styled(l, app.theme.heading()))
        .collect();
    lines.extend([
        Line::raw("Leave without saving it?"),
        Line::raw(""),
        Line::from(lose_or_stay(app, " leave, lose it   ")),
    ]);
    popup(frame, area, "Leave?", lines, width);
}

/// "y <lose> n/Esc stay": the answers of a question before losing unsaved work.
fn lose_or_stay(app: &App, lose: &'static str) -> Vec<Span<'static>> {
    let key = |k: &'static str| Span::styled(k, app.theme.key());
    vec![
        key("y"),
        Span::raw(lose),
        key("n"),
        Span::raw("/"),
        key("Esc"),
        Span::raw(" stay"),
    ]
}

fn render_confirm_quit(root: &Root, frame: &mut Frame, area: Rect) {
    let app = &root.app;
    let key = |k: &'static str| Span::styled(k, app.theme.key());
    // Only the wizard can save on the way out; other unsaved text can only be kept by staying.
    let wizard_can_save = root.can_save_on_quit();
    let mut choices = Vec::new();
    if wizard_can_save {
        choices.extend([key("s"), Span::raw(" save and quit   ")]);
    }
    choices.extend(lose_or_stay(app, " quit, lose them   "));
    let question = if wizard_can_save {
        "Save before quitting?"
    } else {
        "Quit without saving it?"
    };
    let lines = vec![
        Line::styled(
            root.unsaved_edits()
                .unwrap_or("Something you typed is not saved."),
            app.theme.heading(),
        ),
        Line::raw(question),
        Line::raw(""),
        Line::from(choices),
    ];
    popup(frame, area, "Quit?", lines, 60);
}
