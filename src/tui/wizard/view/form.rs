//! A step's form: every field of the step, from the registry, with its input, its problems in
//! words, its rejection marker, its CSR difference, and help for the focused one.

use super::rows::{Place, Rows};
use crate::domain::checks::Severity;
use crate::domain::csr;
use crate::domain::key::FieldKey;
use crate::domain::registry::{FieldSpec, Kind};
use crate::domain::rules::NumberState;
use crate::domain::status::Status;
use crate::tui::text::{one_line, truncate, width as text_width, wrap};
use crate::tui::theme::Theme;
use crate::tui::widgets::input::TextField;
use crate::tui::wizard::dates::window_hint;
use crate::tui::wizard::keymap::keys_of;
use crate::tui::wizard::numbers::{label, summary, symbol};
use crate::tui::wizard::state::{Column, Editor, WizardState, is_csr_field};
use crate::tui::wizard::update::WizardMsg;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Widest an input box gets, so a line of text stays readable on wide screens.
const MAX_BOX: usize = 60;
const INDENT: &str = "  ";

pub fn rows(state: &WizardState, width: u16, height: u16, theme: &Theme) -> Rows {
    let width = usize::from(width);
    let mut rows = Rows::default();
    let mut title = vec![Span::styled(state.step.title().to_string(), theme.title())];
    title.push(Span::styled("   * required", theme.dim()));
    let csr_key = keys_of(&WizardMsg::ToggleCsr);
    let csr_hint = if state.csr_view {
        Some(format!("CSR column on ({csr_key} hides it)"))
    } else if state.step_has_csr_fields() {
        Some(format!("{csr_key}: compare with the CSR"))
    } else {
        None
    };
    if let Some(hint) = csr_hint {
        let title_width: usize = title.iter().map(|s| text_width(&s.content)).sum();
        // Beside the title when it fits, else on a line of its own: never cut.
        if title_width + 3 + text_width(&hint) <= width {
            title.push(Span::styled(format!("   {hint}"), theme.dim()));
            rows.push(Line::from(title));
        } else {
            rows.push(Line::from(title));
            rows.push(Line::from(Span::styled(hint, theme.dim())));
        }
    } else {
        rows.push(Line::from(title));
    }
    let focus = state.target();
    for field in state.step.fields_asked(&state.order.fields) {
        let start = rows.len();
        let focused_column = focus.filter(|t| t.key == field.key).map(|t| t.column);
        let place = Place {
            state,
            field,
            focused: focused_column,
            width,
            height: usize::from(height),
            theme,
        };
        label_rows(&place, &mut rows);
        input_rows(&place, &mut rows);
        note_rows(&place, &mut rows);
        if focused_column.is_some() {
            rows.focus = Some((start, rows.len().saturating_sub(1)));
        }
    }
    rows
}

fn is_required(state: &WizardState, field: &FieldSpec) -> bool {
    field.required_for(&state.order.fields)
}

/// The field's label with its marks (required, rejected, changed since the rejection, hidden),
/// the marks on a line of their own when they do not fit beside it.
fn label_rows(place: &Place, rows: &mut Rows) {
    let order = &place.state.order;
    let pointer = if place.focused.is_some() {
        "› "
    } else {
        INDENT
    };
    let required = if is_required(place.state, place.field) {
        " *"
    } else {
        ""
    };
    let label = format!("{}{required}", place.field.label_for(&order.fields));
    let mut tags: Vec<Span<'static>> = Vec::new();
    if order.rejected_fields().contains(&place.field.key) {
        tags.push(Span::styled(
            "! rejected by carrier",
            place.theme.rejected(),
        ));
    }
    if order.status == Status::CustomerActionRequired
        && order.changed_since_submission(place.field.key)
    {
        if !tags.is_empty() {
            tags.push(Span::raw(" · "));
        }
        tags.push(Span::styled("changed since rejection", place.theme.ok()));
    }
    let label_style = if place.focused.is_some() {
        place.theme.focus()
    } else {
        place.theme.title()
    };
    let mut label_line = vec![
        Span::styled(pointer.to_string(), place.theme.focus()),
        Span::styled(label.clone(), label_style),
    ];
    if place.field.secret {
        let reveal = keys_of(&WizardMsg::ToggleReveal);
        let words = match (
            place.focused == Some(Column::Order),
            place.state.pin_revealed,
        ) {
            (true, true) => format!("(shown · {reveal} hides it)"),
            (true, false) => format!("(hidden · {reveal} shows it)"),
            _ => "(hidden)".to_string(),
        };
        if !tags.is_empty() {
            tags.push(Span::raw(" "));
        }
        tags.push(Span::styled(words, place.theme.dim()));
    }
    let tags_width: usize = tags.iter().map(|s| text_width(&s.content)).sum();
    if !tags.is_empty() {
        if text_width(&label) + tags_width + 4 <= place.width {
            label_line.push(Span::raw("  "));
            label_line.extend(tags);
            rows.push(Line::from(label_line));
        } else {
            rows.push(Line::from(label_line));
            let mut second = vec![Span::raw("    ")];
            second.extend(tags);
            rows.push(Line::from(second));
        }
    } else {
        rows.push(Line::from(label_line));
    }
}

/// The field's input as its kind asks (a box, a choice, the numbers), the port date's window,
/// and the CSR's box beside it when the CSR column is on.
fn input_rows(place: &Place, rows: &mut Rows) {
    let order = &place.state.order;
    let box_width = place.width.saturating_sub(6).clamp(8, MAX_BOX);
    let order_focused = place.focused == Some(Column::Order);
    match place.field.kind {
        Kind::Choice(options) => choice_rows(
            place.state,
            place.field,
            options,
            order_focused,
            place.width,
            place.theme,
            rows,
        ),
        // The area, then the count by state and every number with its state (as many as
        // fit; those with a problem first when they do not all fit).
        Kind::Numbers => {
            numbers_area_rows(place, rows);
            number_state_rows(place.state, place.width, place.height, place.theme, rows);
        }
        Kind::Usages => super::usage::usage_rows(place, rows),
        _ => {
            let value = order.fields.get(place.field.key).to_line();
            let masked = place.field.secret && !(order_focused && place.state.pin_revealed);
            let editor = match (&place.state.editor, order_focused) {
                (Editor::Text(f), true) => Some(f),
                _ => None,
            };
            text_box_row(
                INDENT,
                &value,
                editor,
                masked,
                box_width,
                place.theme,
                rows,
                Some(&place.field.example_for(&order.fields)),
            );
        }
    }
    if place.field.key == FieldKey::PortDate {
        rows.push(Line::from(Span::styled(
            format!(
                "{INDENT}  {}",
                window_hint(
                    order.fields.rules_country(),
                    order.fields.numbers.len(),
                    place.state.clock.today
                )
            ),
            place.theme.dim(),
        )));
    }
    if place.state.csr_view && is_csr_field(place.field) {
        let csr_value = order.csr.get(&place.field.key).cloned().unwrap_or_default();
        let editor = match (&place.state.editor, place.focused) {
            (Editor::Text(f), Some(Column::Csr)) => Some(f),
            _ => None,
        };
        let lead = if place.focused == Some(Column::Csr) {
            "› CSR "
        } else {
            "  CSR "
        };
        text_box_row(
            lead,
            &csr_value,
            editor,
            place.field.secret,
            box_width.saturating_sub(4),
            place.theme,
            rows,
            None,
        );
    }
}

/// What is said about the field: its problems, a signed LOA to sign again, how it differs
/// from the CSR, and its help while focused.
fn note_rows(place: &Place, rows: &mut Rows) {
    let order = &place.state.order;
    if let Some(problems) = place.state.checked.get(&place.field.key) {
        for problem in problems {
            let (symbol, style) = match problem.severity {
                Severity::Error => ("✗", place.theme.error()),
                Severity::Warning => ("⚠", place.theme.warning()),
            };
            message_rows(
                &format!("{symbol} {}", without_help(place, &problem.message)),
                style,
                place.width,
                rows,
            );
        }
    }
    if place.field.key == FieldKey::Loa {
        let resign = order.loa_needs_resigning();
        if !resign.is_empty() {
            let labels: Vec<&str> = resign
                .iter()
                .map(|k| crate::domain::registry::spec(*k).label)
                .collect();
            message_rows(
                &format!(
                    "! Sign again: {} changed after this LOA was signed. Have the authorized user sign a new LOA, then record it here.",
                    labels.join(", ")
                ),
                place.theme.rejected(),
                place.width,
                rows,
            );
        }
    }
    if let Some(csr_value) = order.csr.get(&place.field.key) {
        let value = order.fields.get(place.field.key).to_line();
        match csr::compare(&value, csr_value) {
            Some(diff) => message_rows(
                &csr::describe(place.field, csr_value, &diff),
                place.theme.warning(),
                place.width,
                rows,
            ),
            None if place.state.csr_view => {
                message_rows("= CSR: matches", place.theme.ok(), place.width, rows);
            }
            None => {}
        }
    }
    if place.focused.is_some() {
        let fields = &place.state.order.fields;
        let mut help = place.field.help_for(fields).to_string();
        let example = place.field.example_for(fields);
        if !example.is_empty() && !place.field.secret {
            help.push_str(&format!(" Example: {example}"));
        }
        message_rows(&help, place.theme.dim(), place.width, rows);
    }
}

/// A "required" problem ends with the field's help, for the lists that show no help (Review,
/// `submit`); under a focused field the help follows it, so the problem stops at "required".
fn without_help<'m>(place: &Place, message: &'m str) -> &'m str {
    if place.focused.is_none() {
        return message;
    }
    let fields = &place.state.order.fields;
    let specific = place.field.help_for(fields);
    [specific.as_ref(), place.field.help]
        .into_iter()
        .filter(|help| !help.is_empty())
        .find_map(|help| message.strip_suffix(help))
        .map_or(message, str::trim_end)
}

/// Longest a message line gets, so help stays readable on wide screens.
const MAX_MESSAGE: usize = 100;

/// A message under a field, wrapped whole: a problem, a hint or the field's help is never cut.
fn message_rows(text: &str, style: Style, width: usize, rows: &mut Rows) {
    for line in wrap(&one_line(text), width.saturating_sub(6).min(MAX_MESSAGE)) {
        rows.push(Line::from(Span::styled(format!("{INDENT}  {line}"), style)));
    }
}

/// `lead[text in a box]`: the editor's text and cursor when focused, else the stored value from
/// its start; an empty unfocused box shows the example, dimmed.
#[allow(clippy::too_many_arguments)]
fn text_box_row(
    lead: &str,
    value: &str,
    editor: Option<&TextField>,
    masked: bool,
    box_width: usize,
    theme: &Theme,
    rows: &mut Rows,
    example: Option<&str>,
) {
    let stored = TextField::new(&one_line(value)).with_cursor(0);
    let field = editor.unwrap_or(&stored);
    let shown = field.visible(box_width, masked);
    let mut spans = vec![Span::raw(lead.to_string()), Span::raw("[")];
    let inner = if editor.is_none() && field.value().is_empty() {
        let placeholder = example
            .filter(|e| !e.is_empty())
            .map(|e| truncate(&format!("e.g. {e}"), box_width));
        match placeholder {
            Some(text) => {
                let pad = box_width.saturating_sub(text_width(&text));
                spans.push(Span::styled(text, theme.dim()));
                " ".repeat(pad)
            }
            None => " ".repeat(box_width),
        }
    } else {
        let pad = box_width.saturating_sub(text_width(&shown.text));
        format!("{}{}", shown.text, " ".repeat(pad))
    };
    spans.push(Span::styled(inner, theme.input()));
    spans.push(Span::raw("]"));
    if editor.is_some() {
        let column = text_width(lead) + 1 + usize::from(shown.cursor_column);
        rows.cursor = Some((rows.len(), u16::try_from(column).unwrap_or(u16::MAX)));
    }
    rows.push(Line::from(spans));
}

/// Past this many options a choice shows only the chosen one (the countries).
const LONG_CHOICE: usize = 6;

fn choice_rows(
    state: &WizardState,
    field: &FieldSpec,
    options: &crate::domain::rules::choices::Choices,
    focused: bool,
    width: usize,
    theme: &Theme,
    rows: &mut Rows,
) {
    let selected = match (&state.editor, focused) {
        (Editor::Choice(selected), true) => *selected,
        _ => {
            let value = state.order.fields.get(field.key).to_line();
            options.position_of(&value)
        }
    };
    let option_span = |i: usize, label: &str| {
        let on = selected == Some(i);
        let text = format!("({}) {label}", if on { "•" } else { " " });
        let style = match (on, focused) {
            (true, true) => theme.focus(),
            (true, false) => theme.title(),
            _ => Style::new(),
        };
        Span::styled(text, style)
    };
    let inline: usize = options
        .iter()
        .map(|(_, l)| text_width(l) + 6)
        .sum::<usize>()
        + 2;
    let hint = if focused {
        "   ←→ or Space to change"
    } else {
        ""
    };
    if options.len() > LONG_CHOICE {
        // A long list (the countries) shows the chosen option and where it stands in the list.
        let (i, label) = match selected {
            Some(i) => (i, options[i].1),
            None => (0, "none chosen"),
        };
        let place = selected.map_or(format!("{} options", options.len()), |_| {
            format!("{} of {}", i + 1, options.len())
        });
        let shown = truncate(label, width.saturating_sub(40).max(12));
        let mut spans = vec![Span::raw(INDENT)];
        spans.push(match selected {
            Some(i) => option_span(i, &format!("{shown} ({})", options[i].0)),
            None => Span::raw(format!("( ) {shown}")),
        });
        let jump = if focused { ", or its first letter" } else { "" };
        let keys = format!("{hint}{jump}");
        let used: usize = spans.iter().map(Span::width).sum();
        if used + text_width(&format!("   {place}{keys}")) <= width {
            spans.push(Span::styled(format!("   {place}{keys}"), theme.dim()));
            rows.push(Line::from(spans));
        } else {
            // Too narrow for the keys beside the choice (80 columns): they get a line of their
            // own rather than being cut.
            spans.push(Span::styled(format!("   {place}"), theme.dim()));
            rows.push(Line::from(spans));
            if focused {
                rows.push(Line::from(vec![
                    Span::raw(INDENT),
                    Span::styled(keys.trim_start().to_string(), theme.dim()),
                ]));
            }
        }
    } else if inline + text_width(hint) <= width {
        let mut spans = vec![Span::raw(INDENT)];
        for (i, (_, label)) in options.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw("   "));
            }
            spans.push(option_span(i, label));
        }
        spans.push(Span::styled(hint, theme.dim()));
        rows.push(Line::from(spans));
    } else {
        for (i, (_, label)) in options.iter().enumerate() {
            let label = truncate(label, width.saturating_sub(8));
            rows.push(Line::from(vec![Span::raw(INDENT), option_span(i, &label)]));
        }
        if focused {
            rows.push(Line::from(Span::styled(
                format!("{INDENT}{}", hint.trim_start()),
                theme.dim(),
            )));
        }
    }
    if selected.is_none() && !focused {
        stored_outside_choices(state, field, theme, rows);
    }
}

/// A stored value that is none of the choices (written by hand or by an older portwiz), said
/// under them.
fn stored_outside_choices(state: &WizardState, field: &FieldSpec, theme: &Theme, rows: &mut Rows) {
    let value = state.order.fields.get(field.key).to_line();
    if !value.trim().is_empty() {
        rows.push(Line::from(Span::styled(
            format!("{INDENT}  (holds “{}”, not one of these)", one_line(&value)),
            theme.warning(),
        )));
    }
}

/// The numbers area: a window of its lines around the cursor, then how to add more.
fn numbers_area_rows(place: &Place, rows: &mut Rows) {
    let placeholder = "e.g. +14255550100, 425-555-0101 (paste a list, or Ctrl-O for a CSV)";
    let total = super::usage::area_box(place, FieldKey::Numbers, placeholder, rows);
    let (width, theme) = (place.width, place.theme);
    let window = 6usize.min(place.height.saturating_sub(8)).max(3);
    let hidden = total.saturating_sub(window);
    let more = if hidden > 0 {
        format!("{INDENT}└ {total} lines; ↑↓ move between them")
    } else {
        format!(
            "{INDENT}└ {}: new line · {}: load a CSV (PhoneNumber column)",
            keys_of(&WizardMsg::Newline),
            keys_of(&WizardMsg::OpenCsvPrompt)
        )
    };
    rows.push(Line::from(Span::styled(
        truncate(&more, width),
        theme.dim(),
    )));
}

/// The count of numbers by state, then each number with its state, as many as fit (those with
/// a problem first when they do not all fit).
fn number_state_rows(
    state: &WizardState,
    width: usize,
    height: usize,
    theme: &Theme,
    rows: &mut Rows,
) {
    let states = &state.number_states.states;
    if states.is_empty() {
        return;
    }
    let all_valid = states.iter().all(|(_, s)| *s == NumberState::Valid);
    let style = if all_valid {
        theme.ok()
    } else {
        theme.warning()
    };
    rows.push(Line::from(Span::styled(
        format!("{INDENT}{}", summary(states)),
        style,
    )));
    // Only the rows that can show are built.
    let room = height.saturating_sub(rows.len().min(height)).max(4);
    let mut listed: Vec<&(String, NumberState)> = states.iter().collect();
    if listed.len() > room {
        listed.sort_by_key(|(_, s)| *s == NumberState::Valid);
    }
    let number_width = width.saturating_sub(30).clamp(10, 24);
    let shown = if listed.len() > room {
        room - 1
    } else {
        listed.len()
    };
    for (number, number_state) in listed.iter().take(shown) {
        let style = if *number_state == NumberState::Valid {
            theme.ok()
        } else {
            theme.error()
        };
        let number = truncate(&one_line(number), number_width);
        let pad = number_width.saturating_sub(text_width(&number));
        rows.push(Line::from(vec![
            Span::raw(format!("{INDENT}  {number}{}  ", " ".repeat(pad))),
            Span::styled(
                format!("{} {}", symbol(number_state), label(number_state)),
                style,
            ),
        ]));
    }
    if listed.len() > shown {
        let rest = &listed[shown..];
        let kind = if rest.iter().all(|(_, s)| *s == NumberState::Valid) {
            " valid"
        } else {
            ""
        };
        rows.push(Line::from(Span::styled(
            format!("{INDENT}  … and {} more{kind}", rest.len()),
            theme.dim(),
        )));
    }
}
