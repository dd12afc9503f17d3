//! The All regions wizard's "Add number features": each number's usage typed one a line in a
//! box (`+442079460000 voice_app`, or a usage alone for every number without one), then how
//! many numbers have which usage. What is wrong is the field's problems, shown below it.

use super::rows::{Place, Rows};
use crate::domain::fields::FieldValue;
use crate::domain::key::FieldKey;
use crate::domain::rules::usage::usage_counts;
use crate::tui::text::{truncate, width as text_width};
use crate::tui::theme::Theme;
use crate::tui::widgets::textarea::TextArea;
use crate::tui::wizard::state::{Column, Editor, WizardState};
use ratatui::text::{Line, Span};

const INDENT: &str = "  ";
const MAX_BOX: usize = 60;

/// The text area a multi-line field shows: the editor's while it is focused, else one made from
/// the order's stored value (kept in `stored` for the caller's frame).
fn shown_area<'a>(
    state: &'a WizardState,
    key: FieldKey,
    focused: bool,
    stored: &'a mut Option<TextArea>,
) -> &'a TextArea {
    match (&state.editor, focused) {
        (Editor::Numbers(area), true) => area,
        _ => {
            let text = match state.order.fields.get(key) {
                FieldValue::List(items) => items.join("\n"),
                FieldValue::Text(text) => text,
            };
            stored.insert(TextArea::new(&text))
        }
    }
}

/// The box of a field typed one item a line (the numbers, the usages), `placeholder` in it while
/// it is empty and not focused; how many lines it holds.
pub(super) fn area_box(place: &Place, key: FieldKey, placeholder: &str, rows: &mut Rows) -> usize {
    let focused = place.focused == Some(Column::Order);
    let mut stored = None;
    let area = shown_area(place.state, key, focused, &mut stored);
    let box_width = place.width.saturating_sub(8).clamp(8, MAX_BOX);
    let (height, theme) = (place.height, place.theme);
    area_rows(area, focused, placeholder, box_width, height, theme, rows);
    area.lines().len()
}

/// The usage box and the count of numbers by usage.
pub fn usage_rows(place: &Place, rows: &mut Rows) {
    let placeholder = "e.g. user (every number), or +442079460000 voice_app a line";
    area_box(place, FieldKey::NumberUsage, placeholder, rows);
    let (state, width, theme) = (place.state, place.width, place.theme);
    rows.push(Line::from(Span::styled(
        truncate(
            &format!("{INDENT}└ Enter: new line · usages: user, voice_app, conference"),
            width,
        ),
        theme.dim(),
    )));
    rows.push(Line::from(Span::styled(
        truncate(&format!("{INDENT}{}", usage_summary(state)), width),
        theme.dim(),
    )));
}

/// A window of the area's lines around its cursor, boxed (the numbers' box and the usages').
fn area_rows(
    area: &TextArea,
    focused: bool,
    placeholder: &str,
    box_width: usize,
    height: usize,
    theme: &Theme,
    rows: &mut Rows,
) {
    let window = 6usize.min(height.saturating_sub(8)).max(3);
    let total = area.lines().len();
    let first = if focused {
        (area.row() + 1)
            .saturating_sub(window)
            .min(total.saturating_sub(window))
    } else {
        0
    };
    let empty = area.text().trim().is_empty();
    for (i, line) in area.lines().iter().enumerate().skip(first).take(window) {
        let is_current = focused && i == area.row();
        let shown = if is_current {
            line.visible(box_width, false)
        } else {
            line.clone().with_cursor(0).visible(box_width, false)
        };
        let text = if empty && i == 0 && !focused {
            let hint = truncate(placeholder, box_width);
            Span::styled(format!("{hint:<box_width$}"), theme.dim())
        } else {
            let pad = box_width.saturating_sub(text_width(&shown.text));
            Span::styled(format!("{}{}", shown.text, " ".repeat(pad)), theme.input())
        };
        if is_current {
            rows.cursor = Some((
                rows.len(),
                u16::try_from(4 + usize::from(shown.cursor_column)).unwrap_or(u16::MAX),
            ));
        }
        rows.push(Line::from(vec![
            Span::raw(format!("{INDENT}│ ")),
            text,
            Span::raw(" │"),
        ]));
    }
}

/// "3 numbers: 2 User, 1 Voice app; 1 without a usage", from the stored value.
fn usage_summary(state: &WizardState) -> String {
    let fields = &state.order.fields;
    let (counts, without) = usage_counts(
        &fields.number_usage,
        &fields.numbers,
        fields.rules_country(),
    );
    let total = fields.numbers.len();
    let given: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(u, n)| format!("{n} {}", u.label()))
        .collect();
    let mut words = format!(
        "{total} number{}: {}",
        if total == 1 { "" } else { "s" },
        if given.is_empty() {
            "none has a usage yet".to_string()
        } else {
            given.join(", ")
        }
    );
    if without > 0 && !given.is_empty() {
        words.push_str(&format!("; {without} without a usage"));
    }
    words
}
