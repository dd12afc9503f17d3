//! Draws the response dialog. Reads the model only.

use super::state::{
    Answer, FocFocus, FocForm, Form, RejectionFocus, RejectionForm, Respond, SupportFocus,
    SupportForm,
};
use crate::domain::classifier::Classification;
use crate::domain::status::SupportScenario;
use crate::domain::{FIELDS, Order, Step};
use crate::tui::app::App;
use crate::tui::text::hanging;
use crate::tui::text::{clean_for_screen, mask_secret, one_line, pad, truncate, wrap};
use crate::tui::theme::Theme;
use crate::tui::widgets::input::TextField;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The width of the labels in front of one-line inputs.
const LABEL: usize = 24;

/// Lines and where the cursor goes, built top to bottom.
struct Lines<'t> {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: &'t Theme,
    cursor: Option<(u16, u16)>,
}

impl Lines<'_> {
    fn blank(&mut self) {
        self.lines.push(Line::raw(""));
    }

    fn text(&mut self, lead: &str, text: &str, style: Style) {
        self.lines
            .extend(hanging(lead, text, self.width, Style::new(), style));
    }

    /// A labelled one-line input; the cursor is placed in it when focused.
    fn input(&mut self, label: &str, field: &TextField, focused: bool) {
        let room = self.width.saturating_sub(LABEL + 3).clamp(8, 40);
        let shown = field.visible(room, false);
        let text = clean_for_screen(&shown.text);
        let fill = room.saturating_sub(text.width());
        let marker = if focused { " ▶ " } else { "   " };
        let label_style = if focused {
            self.theme.focus()
        } else {
            self.theme.heading()
        };
        if focused {
            let x = LABEL + 3 + usize::from(shown.cursor_column);
            self.cursor = Some((
                u16::try_from(x).unwrap_or(0),
                u16::try_from(self.lines.len()).unwrap_or(0),
            ));
        }
        self.lines.push(Line::from(vec![
            Span::styled(marker.to_string(), label_style),
            Span::styled(pad(label, LABEL), label_style),
            Span::styled(format!("{text}{}", " ".repeat(fill)), self.theme.input()),
        ]));
    }

    /// The Save row.
    fn save_row(&mut self, words: &str, focused: bool) {
        let style = if focused {
            self.theme.focus()
        } else {
            self.theme.heading()
        };
        let marker = if focused { " ▶ " } else { "   " };
        self.lines.push(Line::from(vec![
            Span::styled(marker.to_string(), style),
            Span::styled(format!("[ {words} ]"), style),
        ]));
    }

    fn error(&mut self, error: &Option<String>) {
        if let Some(why) = error {
            let style = self.theme.error();
            self.text(" ✗ ", &one_line(why), style);
        }
    }
}

pub fn render(app: &App, respond: &Respond, frame: &mut Frame, area: Rect) {
    let Some(order) = app.order(&respond.order_id) else {
        let text = " This order is not in the store any more. Esc goes back.";
        frame.render_widget(Paragraph::new(Line::styled(text, app.theme.error())), area);
        return;
    };
    let mut out = Lines {
        lines: Vec::new(),
        width: usize::from(area.width),
        theme: &app.theme,
        cursor: None,
    };
    match &respond.form {
        None => choices(&mut out, app, respond, order),
        Some(Form::Rejection(form)) => {
            rejection(&mut out, frame, area, form, order);
            out.error(&respond.error);
        }
        Some(Form::Foc(form)) => {
            foc(&mut out, app, form, order);
            out.error(&respond.error);
        }
        Some(Form::Support(form)) => {
            support(&mut out, form);
            out.error(&respond.error);
        }
        Some(Form::Confirm(kind)) => confirm(&mut out, *kind, order, app.clock.now),
    }
    let rows = usize::from(area.height);
    let lines: Vec<Line> = out.lines.into_iter().take(rows).collect();
    frame.render_widget(Paragraph::new(lines), area);
    if let Some((x, y)) = out.cursor
        && y < area.height
    {
        frame.set_cursor_position(Position::new(area.x + x.min(area.width - 1), area.y + y));
    }
}

fn choices(out: &mut Lines, app: &App, respond: &Respond, order: &Order) {
    let theme = out.theme;
    let waited = app.clock.now.as_second() - order.in_status_since().as_second();
    let since = crate::tui::text::duration(waited);
    out.text(
        " ",
        &format!(
            "What did the carrier (or Microsoft) answer? The order has been in “{}” for {since}.",
            order.status.label()
        ),
        theme.heading(),
    );
    out.blank();
    for (i, choice) in respond.choices.iter().enumerate() {
        let selected = i == respond.selected;
        let marker = if selected { " ▶ " } else { "   " };
        let available = choice.refusal.is_none();
        let style = match (selected, available) {
            (true, _) => theme.focus(),
            (false, true) => theme.heading(),
            (false, false) => theme.dim(),
        };
        let mark = if available { "" } else { "✗ " };
        out.lines.push(Line::from(vec![
            Span::styled(marker.to_string(), style),
            Span::styled(format!("{mark}{}", choice.kind.label()), style),
        ]));
        match &choice.refusal {
            None => out.text("     ", choice.kind.meaning(), Style::new()),
            Some(why) => {
                // The domain's refusal, without the "Cannot … order ID:" it opens with.
                let why = one_line(why);
                let short = why.find(": it is ").map_or(why.as_str(), |i| &why[i + 2..]);
                out.text("     ", &format!("Not now: {short}"), theme.dim());
            }
        }
    }
    out.error(&respond.error);
}

/// The rejection form: the box, the classifier's suggestion, the checklist, Save.
fn rejection(out: &mut Lines, frame: &mut Frame, area: Rect, form: &RejectionForm, order: &Order) {
    let theme = out.theme;
    let tall = area.height >= 30;
    out.text(
        " ",
        "Rejection: paste or type the carrier's words; tick the fields it named.",
        theme.heading(),
    );
    // The box: drawn over the blank lines reserved for it.
    let inner_rows: usize = if tall { 6 } else { 3 };
    let top = out.lines.len();
    for _ in 0..inner_rows + 2 {
        out.blank();
    }
    let text_focused = form.focus == RejectionFocus::Text;
    text_box(
        out,
        frame,
        area,
        (top, inner_rows),
        form,
        order,
        text_focused,
    );

    // The suggestion, field by field, with the words that triggered it: whole, as long as the
    // checklist keeps three rows (a longer one says so; the carrier's advice is never cut unsaid).
    let reserved = 1 + 3 + 1; // the checklist's heading, three of its rows, the Save row
    let cap = usize::from(area.height)
        .saturating_sub(out.lines.len() + reserved)
        .max(2);
    let suggestion = suggestion(form, theme, order);
    let room = out.width.saturating_sub(3);
    let mut wrapped: Vec<(String, Style)> = suggestion
        .into_iter()
        .flat_map(|(t, s)| wrap(&t, room).into_iter().map(move |l| (l, s)))
        .collect();
    if wrapped.len() > cap {
        wrapped.truncate(cap - 1);
        wrapped.push((truncate("… the rest in a taller window", room), theme.dim()));
    }
    for (line, style) in wrapped {
        out.lines.push(Line::from(vec![
            Span::raw("   "),
            Span::styled(line, style),
        ]));
    }

    checklist(out, area, form, order);
    out.save_row(
        "Save: record the rejection → Customer action required (Ctrl-S)",
        form.focus == RejectionFocus::List && form.save_row(),
    );
}

/// The classifier's suggestion, field by field, with the words that triggered it.
fn suggestion(form: &RejectionForm, theme: &Theme, order: &Order) -> Vec<(String, Style)> {
    let mut suggestion: Vec<(String, Style)> = Vec::new();
    let c = &form.classification;
    if form.text.text().trim().is_empty() {
        suggestion.push((
            "The classifier's suggestion appears here as you paste or type.".into(),
            theme.dim(),
        ));
    } else if form.looks_like_status() {
        let words: Vec<String> = c
            .status_words
            .iter()
            .map(|w| format!("“{}”", one_line(w)))
            .collect();
        suggestion.push((
            format!(
                "⚠ This reads like a status update ({}), not a rejection: no field is named. Record it only if the carrier did reject the order.",
                words.join(", ")
            ),
            theme.warning(),
        ));
    } else if !c.is_recognised() {
        suggestion.push((
            "Not recognised: no rule matched these words. Tick the fields the carrier named, if any."
                .into(),
            theme.warning(),
        ));
        if let Some(line) = form.suggestion.as_ref().map(model_suggestion) {
            suggestion.push((line, theme.warning()));
        }
    } else {
        if c.is_guess() {
            suggestion.push((
                format!("A guess: the words were weak. {WHICH_FIELD}"),
                theme.warning(),
            ));
        } else if c.is_not_sure() {
            suggestion.push((
                format!(
                    "Not sure (confidence {:.2}). {WHICH_FIELD}",
                    c.certainty().unwrap_or(0.0),
                ),
                theme.warning(),
            ));
        }
        for key in &c.fields {
            let words: Vec<String> = form
                .evidence(*key)
                .iter()
                .map(|w| format!("“{}”", one_line(w)))
                .collect();
            let because = if words.is_empty() {
                String::new()
            } else {
                format!(" ← {}", words.join(", "))
            };
            suggestion.push((
                format!(
                    "◆ {}{because}",
                    crate::domain::spec(*key).label_for(&order.fields)
                ),
                theme.rejected(),
            ));
        }
        if c.fields.is_empty() {
            suggestion.push((
                "◆ No field of the order: the account itself.".into(),
                theme.rejected(),
            ));
        }
        for (key, value) in &form.quoted {
            suggestion.push((
                format!(
                    "= The carrier's record: {} “{}” (kept as the CSR value: Ctrl-T in the wizard takes it)",
                    crate::domain::spec(*key).label_for(&order.fields),
                    one_line(value)
                ),
                theme.ok(),
            ));
        }
        let contact = if c.needs_carrier_contact {
            " Only the carrier can fix this: contact it first."
        } else {
            ""
        };
        suggestion.push((
            format!("Action: {}{contact}", one_line(&c.action)),
            Style::new(),
        ));
    }
    named_numbers(&mut suggestion, form, theme);
    suggestion
}

/// The numbers of the order the words name with a problem: saving marks them (the order's
/// page and its numbers list show them; `o` there moves them out).
fn named_numbers(suggestion: &mut Vec<(String, Style)>, form: &RejectionForm, theme: &Theme) {
    if form.named.is_empty() || form.text.text().trim().is_empty() {
        return;
    }
    let listed: Vec<String> = form
        .named
        .iter()
        .map(|n| format!("{} ({})", n.number, n.problem.label()))
        .collect();
    suggestion.push((
        format!(
            "✗ Numbers it names, marked on saving: {} (the numbers list, N, moves them out)",
            listed.join(", ")
        ),
        theme.rejected(),
    ));
}

/// The fields to tick, grouped by step, scrolled to keep the cursor on screen.
fn checklist(out: &mut Lines, area: Rect, form: &RejectionForm, order: &Order) {
    let theme = out.theme;
    // The checklist, grouped by step, scrolled to keep the cursor on screen.
    let ticked = form.fields().len();
    out.text(
        " ",
        &format!("Fields to fix ({ticked} ticked; ◆ suggested; Space ticks):"),
        theme.heading(),
    );
    let list_focused = form.focus == RejectionFocus::List;
    let used = out.lines.len() + 1; // the Save row
    let visible = usize::from(area.height).saturating_sub(used).max(3);
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut cursor_row = 0;
    let mut first_ticked: Option<usize> = None;
    for step in Step::pages(form.route).iter().copied() {
        let mut fields = FIELDS
            .iter()
            .enumerate()
            .filter(|(i, f)| f.step_on(form.route) == step && form.offers(*i))
            .peekable();
        if fields.peek().is_none() {
            continue;
        }
        rows.push(Line::styled(format!("   {}", step.title()), theme.dim()));
        for (i, field) in fields {
            let here = list_focused && form.cursor == i;
            if here {
                cursor_row = rows.len();
            }
            if form.is_ticked(field.key) && first_ticked.is_none() {
                first_ticked = Some(rows.len());
            }
            let tick = if form.is_ticked(field.key) {
                "[x]"
            } else {
                "[ ]"
            };
            let note = match (form.is_suggested(field.key), form.is_ticked(field.key)) {
                (true, true) => "  ◆ suggested",
                (true, false) => "  ◆ suggested, unticked by you",
                (false, true) => "  ✎ ticked by you",
                (false, false) => "",
            };
            let style = if here {
                theme.focus()
            } else if form.is_ticked(field.key) {
                theme.rejected()
            } else {
                Style::new()
            };
            let marker = if here { "   ▶ " } else { "     " };
            rows.push(Line::from(vec![
                Span::styled(marker.to_string(), style),
                // The order's own label: "Port time (local, Europe/Paris)" outside the US.
                Span::styled(format!("{tick} {}", field.label_for(&order.fields)), style),
                Span::styled(note.to_string(), theme.dim()),
            ]));
        }
    }
    if list_focused && form.save_row() {
        cursor_row = rows.len().saturating_sub(1);
    }
    if !list_focused {
        // Show the first ticked field (and those after it) while the box has the focus.
        cursor_row = first_ticked.map_or(0, |r| r + (visible / 2).saturating_sub(1));
    }
    let start = cursor_row
        .saturating_sub(visible / 2)
        .min(rows.len().saturating_sub(visible));
    let end = (start + visible).min(rows.len());
    let more_above = start > 0;
    let more_below = end < rows.len();
    for (n, row) in rows[start..end].iter().enumerate() {
        let mut row = row.clone();
        if (n == 0 && more_above) || (n + 1 == end - start && more_below) {
            let arrow = if n == 0 && more_above { "↑" } else { "↓" };
            row.spans
                .push(Span::styled(format!("  {arrow} more"), theme.dim()));
        }
        out.lines.push(row);
    }
}

/// The multi-line box, with its text cleaned, scrolled to the cursor's line.
fn text_box(
    out: &mut Lines,
    frame: &mut Frame,
    area: Rect,
    (top, inner_rows): (usize, usize),
    form: &RejectionForm,
    order: &Order,
    focused: bool,
) {
    let pin = order.fields.pin.expose();
    let screen = |t: &str| mask_secret(&clean_for_screen(t), pin);
    let theme = out.theme;
    let y = area.y + u16::try_from(top).unwrap_or(0);
    let height = u16::try_from(inner_rows + 2).unwrap_or(3);
    if y + height > area.y + area.height {
        return;
    }
    let rect = Rect::new(area.x + 1, y, area.width.saturating_sub(2), height);
    let inner_width = usize::from(rect.width.saturating_sub(2)).max(1);
    let lines = form.text.lines();
    // Long lines wrap inside the box (a carrier's paragraph is often one line), one column kept
    // free for the cursor at the end of a row.
    let wrap_width = inner_width.saturating_sub(1).max(1);
    let mut rows: Vec<String> = Vec::new();
    let mut cursor_at = (0usize, 0usize);
    for (i, line) in lines.iter().enumerate() {
        let pieces = soft_wrap(&screen(line.value()), wrap_width);
        if i == form.text.row() {
            let before = screen(line.split_at_cursor().0).width();
            let mut start = 0;
            for (k, piece) in pieces.iter().enumerate() {
                let w = piece.width();
                if before < start + w || k + 1 == pieces.len() {
                    cursor_at = (rows.len() + k, before.saturating_sub(start).min(wrap_width));
                    break;
                }
                start += w;
            }
        }
        rows.extend(pieces);
    }
    let first = cursor_at.0.saturating_sub(inner_rows - 1);
    let shown: Vec<Line> = rows
        .iter()
        .skip(first)
        .take(inner_rows)
        .map(|r| Line::raw(truncate(r, inner_width)))
        .collect();
    let cursor = u16::try_from(cursor_at.1).ok();
    let title = if focused {
        " Carrier's words (Enter new line, Tab to the fields) "
    } else {
        " Carrier's words "
    };
    let border = if focused { theme.focus() } else { theme.dim() };
    let count = lines.len();
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::styled(
            format!(" {count} line{} ", if count == 1 { "" } else { "s" }),
            theme.dim(),
        ))
        .border_style(border);
    frame.render_widget(Paragraph::new(shown).block(block), rect);
    if focused && let Some(col) = cursor {
        let line = u16::try_from(cursor_at.0 - first).unwrap_or(0);
        out.cursor = Some((2 + col, u16::try_from(top).unwrap_or(0) + 1 + line));
    }
}

/// `text` cut into rows of at most `width` columns, breaking after a space when a row has one
/// and between characters otherwise. Nothing is dropped: the rows joined give `text` back, so a
/// column in the text maps to one row and column on screen.
fn soft_wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let width = width.max(1);
    let mut rows: Vec<String> = Vec::new();
    let mut row: Vec<(&str, usize)> = Vec::new();
    let mut used = 0usize;
    for g in text.graphemes(true) {
        let w = g.width();
        while used + w > width && !row.is_empty() {
            let cut = row
                .iter()
                .rposition(|(g, _)| *g == " ")
                .map_or(row.len(), |i| i + 1);
            let cut = if cut == row.len() || cut == 0 {
                row.len()
            } else {
                cut
            };
            let rest = row.split_off(cut);
            rows.push(row.iter().map(|(g, _)| *g).collect());
            used = rest.iter().map(|(_, w)| w).sum();
            row = rest;
        }
        row.push((g, w));
        used += w;
    }
    rows.push(row.iter().map(|(g, _)| *g).collect());
    rows
}

fn foc(out: &mut Lines, app: &App, form: &FocForm, order: &Order) {
    let theme = out.theme;
    out.text(
        " ",
        "FOC confirmation: the date (and time) the carrier committed to port on.",
        theme.heading(),
    );
    let requested = match (order.fields.port_date.trim(), order.fields.port_time.trim()) {
        ("", _) => "no port date was requested".to_string(),
        (d, "") => format!("you requested {}", one_line(d)),
        (d, t) => format!(
            "you requested {} at {} {}",
            one_line(d),
            one_line(t),
            order.fields.carrier_zone_name()
        ),
    };
    out.text(" ", &format!("For comparison: {requested}."), theme.dim());
    out.blank();
    let check = form.check(order, app.clock.today);
    out.input(
        "Date (YYYY-MM-DD)",
        &form.date,
        form.focus == FocFocus::Date,
    );
    match &check.date {
        Ok(d) => out.text(
            &" ".repeat(LABEL + 3),
            &format!("✓ {}", d.strftime("%A %Y-%m-%d")),
            theme.ok(),
        ),
        Err(why) if !form.date.value().trim().is_empty() => {
            out.text(&" ".repeat(LABEL + 3), &format!("✗ {why}"), theme.error());
        }
        Err(why) => out.text(&" ".repeat(LABEL + 3), why, theme.dim()),
    }
    out.input(
        "Time (HH:MM, optional)",
        &form.time,
        form.focus == FocFocus::Time,
    );
    match &check.time {
        Ok(Some(t)) => out.text(
            &" ".repeat(LABEL + 3),
            &format!(
                "✓ {} {}",
                t.strftime("%H:%M"),
                order.fields.carrier_zone_name()
            ),
            theme.ok(),
        ),
        Ok(None) => out.text(
            &" ".repeat(LABEL + 3),
            "No time: the carrier gave a date only.",
            theme.dim(),
        ),
        Err(why) => out.text(&" ".repeat(LABEL + 3), &format!("✗ {why}"), theme.error()),
    }
    out.blank();
    for warning in &check.warnings {
        out.text(" ⚠ ", warning, theme.warning());
    }
    if !check.warnings.is_empty() {
        out.blank();
    }
    out.save_row(
        "Save: record the FOC → FOC confirmed (Ctrl-S)",
        form.focus == FocFocus::Save,
    );
}

fn support(out: &mut Lines, form: &SupportForm) {
    let theme = out.theme;
    out.text(
        " ",
        "Microsoft support engaged: why is Microsoft handling the order?",
        theme.heading(),
    );
    out.blank();
    let list_focused = form.focus == SupportFocus::Scenarios;
    for (i, scenario) in SupportScenario::ALL.iter().enumerate() {
        let chosen = i == form.scenario;
        let here = list_focused && chosen;
        let style = if here {
            theme.focus()
        } else if chosen {
            theme.heading()
        } else {
            Style::new()
        };
        let lead = format!(
            "{}{} ",
            if here { " ▶ " } else { "   " },
            if chosen { "(•)" } else { "( )" }
        );
        out.lines.extend(hanging(
            &lead,
            scenario.description(),
            out.width,
            style,
            style,
        ));
    }
    out.blank();
    out.input(
        "Ticket id or link",
        &form.ticket,
        form.focus == SupportFocus::Ticket,
    );
    out.text(
        &" ".repeat(LABEL + 3),
        "Optional: from the order's page in the Teams admin center (a shows how).",
        theme.dim(),
    );
    out.blank();
    out.save_row(
        "Save: record it → Microsoft support engaged (Ctrl-S)",
        form.focus == SupportFocus::Save,
    );
}

fn confirm(out: &mut Lines, kind: Answer, order: &Order, now: jiff::Timestamp) {
    let theme = out.theme;
    let name = one_line(&order.display_name());
    match kind {
        Answer::Completion => {
            out.text(" ", "Completion: the numbers ported.", theme.heading());
            out.blank();
            for warning in order.completion_warnings(now) {
                out.text(" ⚠ ", &warning, theme.warning());
            }
            out.text(
                " ",
                &format!("Record that “{name}” is completed? Completed is final: the order cannot change after it."),
                Style::new(),
            );
        }
        _ => {
            out.text(" ", "Cancellation", theme.heading());
            out.blank();
            out.text(
                " ",
                &format!("Cancel “{name}”? Cancelled is final: to port these numbers later, start a new order."),
                Style::new(),
            );
        }
    }
    out.blank();
    out.lines.push(Line::from(vec![
        Span::raw(" "),
        Span::styled("y", theme.key()),
        Span::raw(" yes, record it    "),
        Span::styled("n", theme.key()),
        Span::raw(" / "),
        Span::styled("Esc", theme.key()),
        Span::raw(" no, go back"),
    ]));
}

/// The learned model's reading of a text no rule read, in words: never ticked for the user.
fn model_suggestion(s: &Classification) -> String {
    let confidence = s.certainty().unwrap_or(0.0);
    let sure = s.is_sure();
    let opening = if sure {
        "No rule named it, but the model reads it as"
    } else {
        "Not sure: the model suggests"
    };
    let mut what: Vec<&str> = s
        .fields
        .iter()
        .map(|k| crate::domain::insights::group_label(*k))
        .collect();
    what.dedup();
    if what.is_empty() {
        let ask = if sure {
            String::new()
        } else {
            " If the carrier named a field, tick it below and save: portwiz learns your answer."
                .to_string()
        };
        return format!(
            "{opening} something only the carrier can clear (confidence {confidence:.2}): contact it before resubmitting.{ask}"
        );
    }
    let ask = if sure {
        "Tick them if the carrier's words say so."
    } else {
        WHICH_FIELD
    };
    format!(
        "{opening} {} (confidence {confidence:.2}). {ask}",
        what.join(", ")
    )
}

/// The question a "not sure" answer asks: the user's answer is learned (`RejectionForm::correction`).
const WHICH_FIELD: &str =
    "Which field did the carrier reject? Tick it below and save: portwiz learns your answer.";

#[cfg(test)]
mod tests {
    use super::soft_wrap;

    #[test]
    fn soft_wrap_breaks_after_spaces_and_keeps_every_character() {
        let text = "BTN/ATN mismatch: the billing telephone number does not match";
        let rows = soft_wrap(text, 20);
        assert_eq!(rows.concat(), text);
        assert!(rows.iter().all(|r| r.chars().count() <= 20), "{rows:?}");
        assert_eq!(rows[0], "BTN/ATN mismatch: ");
        assert_eq!(soft_wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(soft_wrap("", 4), [""]);
    }
}
