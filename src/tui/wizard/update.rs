//! The wizard's pure update: a message changes the state and says what the shell should do
//! (`WizardOutcome`) and which effect, if any, `Wizard` must perform (reading a CSV file). No
//! terminal, no files, no clock: the clock arrives in the state.

use super::WizardOutcome;
use super::state::{Column, ConfirmKind, Editor, Prompt, WizardState};
use crate::domain::edit::Mode;
use crate::domain::entry;
use crate::domain::fields::FieldValue;
use crate::domain::key::FieldKey;
use crate::domain::readiness;
use crate::domain::readiness::{held_on_page, readiness, unchanged_warning};
use crate::domain::registry::is_list;
use crate::domain::registry::{Kind, Step, spec};
use crate::domain::status::Status;
use crate::tui::app::Message;
use crate::tui::msg::Effect;
use crate::tui::text::{clean_for_screen, one_line};
use std::path::PathBuf;
use tui_input::InputRequest;

#[derive(Debug, Clone, PartialEq)]
pub enum WizardMsg {
    NextField,
    PrevField,
    /// Enter on a field: the next field, or the next step after a step's last field.
    Advance,
    NextStep,
    PrevStep,
    Close,
    Save,
    Edit(InputRequest),
    Newline,
    LineUp,
    LineDown,
    ChoiceNext,
    ChoicePrev,
    /// The next option whose name starts with this letter.
    ChoiceJump(char),
    ToggleReveal,
    ToggleCsr,
    /// The CSR's value (often quoted by the carrier's rejection) into the order's field.
    TakeCsr,
    OpenCsvPrompt,
    ReviewUp,
    ReviewDown,
    ReviewActivate,
    /// `N` on Review: every number on a list of its own.
    ListNumbers,
    /// `t` on Review (or to its question): the hand-off, to enter the order in Teams.
    Handoff,
    Confirm,
    Decline,
    PromptEdit(InputRequest),
    PromptAccept,
    PromptCancel,
    Paste(String),
    /// The bytes of the CSV file the user named, or why it could not be read.
    CsvLoaded(Result<Vec<u8>, String>),
    /// Open or close the carrier's whole message over the form.
    TogglePinned,
    /// Scroll the open message by this many lines (negative: up).
    PinnedScroll(i16),
}

pub struct Updated {
    pub outcome: WizardOutcome,
    pub effect: Option<Effect>,
}

pub fn update(state: &mut WizardState, msg: WizardMsg) -> Updated {
    let typing = matches!(
        msg,
        WizardMsg::Edit(_) | WizardMsg::Paste(_) | WizardMsg::Newline
    );
    let updated = apply(state, msg);
    state.refresh_number_states();
    if typing {
        state.recheck_typed();
    }
    updated
}

fn apply(state: &mut WizardState, msg: WizardMsg) -> Updated {
    if !matches!(msg, WizardMsg::Edit(_) | WizardMsg::PromptEdit(_)) {
        state.notice = None;
    }
    let outcome = match msg {
        WizardMsg::NextField | WizardMsg::Advance => next_field(state),
        WizardMsg::PrevField => prev_field(state),
        WizardMsg::NextStep => step_by(state, 1),
        WizardMsg::PrevStep => step_by(state, -1),
        WizardMsg::Close => {
            commit(state);
            WizardOutcome::Close(state.order.clone())
        }
        WizardMsg::Save => {
            // The shell's status line says whether the save landed (or why not).
            commit(state);
            WizardOutcome::Save(state.order.clone())
        }
        WizardMsg::Edit(request) => {
            edit(state, request);
            WizardOutcome::Stay
        }
        WizardMsg::Newline => {
            newline(state);
            WizardOutcome::Stay
        }
        WizardMsg::LineUp => line_by(state, false),
        WizardMsg::LineDown => line_by(state, true),
        WizardMsg::TogglePinned => toggle_pinned(state),
        WizardMsg::PinnedScroll(lines) => {
            scroll_pinned(state, lines);
            WizardOutcome::Stay
        }
        WizardMsg::ChoiceNext => cycle_choice(state, true),
        WizardMsg::ChoicePrev => cycle_choice(state, false),
        WizardMsg::ChoiceJump(letter) => jump_choice(state, letter),
        WizardMsg::ToggleReveal => {
            state.pin_revealed = !state.pin_revealed;
            WizardOutcome::Stay
        }
        WizardMsg::ToggleCsr => toggle_csr(state),
        WizardMsg::TakeCsr => take_csr(state),
        WizardMsg::OpenCsvPrompt => {
            open_csv_prompt(state);
            WizardOutcome::Stay
        }
        WizardMsg::ReviewUp => {
            review_move(state, false);
            WizardOutcome::Stay
        }
        WizardMsg::ReviewDown => {
            review_move(state, true);
            WizardOutcome::Stay
        }
        WizardMsg::ReviewActivate => review_activate(state),
        WizardMsg::ListNumbers => WizardOutcome::ShowNumbers,
        WizardMsg::Handoff => {
            state.prompt = None;
            WizardOutcome::Handoff(state.order.clone())
        }
        WizardMsg::Confirm => confirm(state),
        WizardMsg::Decline => {
            decline(state);
            WizardOutcome::Stay
        }
        WizardMsg::PromptEdit(request) => {
            prompt_edit(state, request);
            WizardOutcome::Stay
        }
        WizardMsg::PromptAccept => {
            return Updated {
                outcome: WizardOutcome::Stay,
                effect: prompt_accept(state),
            };
        }
        WizardMsg::PromptCancel => {
            state.prompt = None;
            WizardOutcome::Stay
        }
        WizardMsg::Paste(text) => {
            paste(state, &text);
            WizardOutcome::Stay
        }
        WizardMsg::CsvLoaded(result) => csv_loaded(state, result),
    };
    Updated {
        outcome,
        effect: None,
    }
}

/// Enter in the numbers area: a new line.
fn newline(state: &mut WizardState) {
    if let Editor::Numbers(area) = &mut state.editor {
        area.newline();
    }
}

/// ↑↓ in the numbers area: a line up or down, or past its first or last line to the field
/// before or after it.
fn line_by(state: &mut WizardState, down: bool) -> WizardOutcome {
    let Editor::Numbers(area) = &mut state.editor else {
        return WizardOutcome::Stay;
    };
    let moved = if down { area.down() } else { area.up() };
    match (moved, down) {
        (true, _) => WizardOutcome::Stay,
        (false, true) => next_field(state),
        (false, false) => prev_field(state),
    }
}

/// Scroll the carrier's open message by `lines` (negative: up).
fn scroll_pinned(state: &mut WizardState, lines: i16) {
    if let Some(scroll) = &mut state.pinned {
        *scroll = scroll.saturating_add_signed(lines);
    }
}

/// Ctrl-O in the numbers area: ask for the CSV file's path.
fn open_csv_prompt(state: &mut WizardState) {
    // The usage box is a text area too: a CSV of numbers is for the numbers only.
    let on_numbers = state.target().is_some_and(|t| t.key == FieldKey::Numbers);
    if matches!(state.editor, Editor::Numbers(_)) && on_numbers {
        state.prompt = Some(Prompt::CsvPath {
            path: Default::default(),
            error: None,
        });
    }
}

/// `n` to the question whether the order was submitted.
fn decline(state: &mut WizardState) {
    state.prompt = None;
    state.notice = Some(Message {
        text: "Not submitted: the order stays as it is".into(),
        is_error: false,
    });
}

/// A key typed into the CSV-path prompt.
fn prompt_edit(state: &mut WizardState, request: InputRequest) {
    if let Some(Prompt::CsvPath { path, error }) = &mut state.prompt {
        path.handle(request);
        *error = None;
    }
}

/// Enter on the CSV-path prompt: the runtime is asked to read the file (an empty path is
/// refused at the prompt).
fn prompt_accept(state: &mut WizardState) -> Option<Effect> {
    let Some(Prompt::CsvPath { path, error }) = &mut state.prompt else {
        return None;
    };
    let typed = path.value().trim().to_string();
    if typed.is_empty() {
        *error = Some("Type the path of a CSV file with a PhoneNumber column".into());
        return None;
    }
    Some(Effect::ReadNumbersCsv(PathBuf::from(typed)))
}

fn saved_if(changed: bool, state: &WizardState) -> WizardOutcome {
    if changed {
        WizardOutcome::Save(state.order.clone())
    } else {
        WizardOutcome::Stay
    }
}

/// Write the focused input into the order (or the CSR) and check the field. Whether the order
/// changed.
fn commit(state: &mut WizardState) -> bool {
    let (Some(target), Some(value)) = (state.target(), state.editor_value()) else {
        return false;
    };
    let now = state.clock.now;
    let changed = match target.column {
        Column::Csr => {
            if crate::domain::edit::is_mask(&value) {
                state.notice = Some(Message {
                    text: format!(
                        "✗ {}",
                        crate::domain::edit::EditRefusal::Mask { key: target.key }
                    ),
                    is_error: true,
                });
            }
            let before = state.order.csr.get(&target.key).cloned();
            state.order.set_csr(target.key, &value, now);
            state.order.csr.get(&target.key).cloned() != before
        }
        Column::Order => {
            if !state.has_pending_edit() {
                false
            } else {
                edit_text(state, target.key, value)
            }
        }
    };
    state.check(target.key);
    changed
}

/// Whether the domain refused what the focused input holds (too long, too many numbers, a
/// mask): the user stays on it, with the reason, rather than lose what was typed.
fn refused(state: &WizardState) -> bool {
    state.notice.as_ref().is_some_and(|n| n.is_error) && state.has_pending_edit()
}

/// Leave the focused input for another on the same step.
fn focus_to(state: &mut WizardState, focus: usize) -> WizardOutcome {
    let changed = commit(state);
    if refused(state) {
        return WizardOutcome::Stay;
    }
    state.focus = focus;
    state.pin_revealed = false;
    state.load_editor();
    saved_if(changed, state)
}

/// Go to another step, focused on its first input (or its last, going back field by field).
fn go_to_step(state: &mut WizardState, step: Step, focus_last: bool) -> WizardOutcome {
    let changed = commit(state);
    if refused(state) {
        return WizardOutcome::Stay;
    }
    let left = state.step;
    if left != Step::Review {
        state.visited.insert(left);
        state.check_step(left);
    }
    let route = state.order.fields.route();
    if step.index_in(route) > left.index_in(route)
        && let Some(why) = held_on_page(&state.order.fields, left, state.clock.today)
    {
        state.notice = Some(Message {
            text: format!("✗ {why}"),
            is_error: true,
        });
        return saved_if(changed, state);
    }
    state.step = step;
    state.focus = if focus_last {
        state.targets().len().saturating_sub(1)
    } else {
        0
    };
    state.pin_revealed = false;
    state.review_selected = None;
    state.review_scroll = 0;
    state.load_editor();
    saved_if(changed, state)
}

fn next_field(state: &mut WizardState) -> WizardOutcome {
    if state.focus + 1 < state.targets().len() {
        focus_to(state, state.focus + 1)
    } else {
        step_by(state, 1)
    }
}

fn prev_field(state: &mut WizardState) -> WizardOutcome {
    if state.focus > 0 {
        return focus_to(state, state.focus - 1);
    }
    match state.step.moved_by(state.order.fields.route(), -1) {
        Some(step) => go_to_step(state, step, true),
        None => WizardOutcome::Stay,
    }
}

fn step_by(state: &mut WizardState, delta: isize) -> WizardOutcome {
    match state.step.moved_by(state.order.fields.route(), delta) {
        Some(step) => go_to_step(state, step, false),
        None => WizardOutcome::Stay,
    }
}

fn editing_allowed(state: &mut WizardState) -> bool {
    let on_order = state.target().is_some_and(|t| t.column == Column::Order);
    if on_order && !state.order.status.is_editable() {
        state.notice = Some(Message {
            text: format!(
                "✗ This order is {}: its fields can be changed only in Draft or Customer action required",
                state.order.status.label()
            ),
            is_error: true,
        });
        return false;
    }
    true
}

fn edit(state: &mut WizardState, request: InputRequest) {
    if !editing_allowed(state) {
        return;
    }
    match &mut state.editor {
        Editor::Text(field) => {
            field.handle(request);
        }
        Editor::Numbers(area) => area.handle(request),
        Editor::Choice(_) | Editor::None => {}
    }
}

fn paste(state: &mut WizardState, text: &str) {
    let cleaned = clean_for_screen(text);
    if let Some(Prompt::CsvPath { path, error }) = &mut state.prompt {
        path.insert_str(one_line(&cleaned).trim());
        *error = None;
        return;
    }
    if state.prompt.is_some() || !editing_allowed(state) {
        return;
    }
    let list = state
        .target()
        .is_some_and(|t| t.column == Column::Order && is_list(t.key));
    match &mut state.editor {
        Editor::Numbers(area) => area.paste(&cleaned),
        Editor::Text(field) if list => {
            let items: Vec<&str> = cleaned
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            field.insert_str(&items.join("; "));
        }
        Editor::Text(field) => field.insert_str(one_line(&cleaned).trim()),
        Editor::Choice(_) | Editor::None => {}
    }
}

fn toggle_pinned(state: &mut WizardState) -> WizardOutcome {
    if state.pinned.is_some() {
        state.pinned = None;
    } else if state.pinned_rejection().is_some() {
        state.pinned = Some(0);
    } else {
        state.notice = Some(Message {
            text: "No carrier's words on this order: Ctrl-P opens a rejection's message.".into(),
            is_error: false,
        });
    }
    WizardOutcome::Stay
}

/// The focused choice's options and its selection, when a choice has the focus and may be
/// changed.
fn focused_choice(
    state: &mut WizardState,
) -> Option<(
    &'static crate::domain::rules::choices::Choices,
    &mut Option<usize>,
)> {
    if !editing_allowed(state) {
        return None;
    }
    let Kind::Choice(options) = spec(state.target()?.key).kind else {
        return None;
    };
    match &mut state.editor {
        Editor::Choice(selected) => Some((options, selected)),
        _ => None,
    }
}

fn cycle_choice(state: &mut WizardState, forward: bool) -> WizardOutcome {
    if let Some((options, selected)) = focused_choice(state) {
        let n = options.len();
        *selected = Some(match (*selected, forward) {
            (None, true) => 0,
            (None, false) => n.saturating_sub(1),
            (Some(i), true) => (i + 1) % n.max(1),
            (Some(i), false) => (i + n.max(1) - 1) % n.max(1),
        });
    }
    WizardOutcome::Stay
}

/// The option after the selected one whose label starts with `letter` (any case), wrapping.
fn jump_choice(state: &mut WizardState, letter: char) -> WizardOutcome {
    if let Some((options, selected)) = focused_choice(state) {
        let n = options.len();
        let start = selected.map_or(0, |i| i + 1);
        let starts = |i: usize| {
            options[i % n]
                .1
                .chars()
                .next()
                .is_some_and(|c| c.to_lowercase().eq(letter.to_lowercase()))
        };
        if let Some(found) = (start..start + n).find(|i| starts(*i)) {
            *selected = Some(found % n);
        }
    }
    WizardOutcome::Stay
}

/// The carrier's record wins: the field takes the CSR's value, checked like a typed one.
fn take_csr(state: &mut WizardState) -> WizardOutcome {
    let Some(target) = state.target() else {
        return WizardOutcome::Stay;
    };
    // A CSR value just typed (not yet left with Tab) is the one to take.
    let typed = target.column == Column::Csr && commit(state);
    let Some(value) = state.order.csr.get(&target.key).cloned() else {
        state.notice = Some(Message {
            text: "No CSR value for this field yet (Ctrl-K shows the CSR column).".into(),
            is_error: true,
        });
        return WizardOutcome::Stay;
    };
    let changed = edit_text(state, target.key, value);
    state.check(target.key);
    state.load_editor();
    saved_if(changed || typed, state)
}

fn toggle_csr(state: &mut WizardState) -> WizardOutcome {
    if !state.step_has_csr_fields() {
        return WizardOutcome::Stay;
    }
    let changed = commit(state);
    let key = state.target().map(|t| t.key);
    state.csr_view = !state.csr_view;
    state.focus = state
        .targets()
        .iter()
        .position(|t| Some(t.key) == key && t.column == Column::Order)
        .unwrap_or(0);
    state.load_editor();
    saved_if(changed, state)
}

fn review_move(state: &mut WizardState, down: bool) {
    let count = readiness(&state.order, state.clock.today).len();
    if down {
        // Moving on past the last problem is reading on: nothing stays selected, so Enter
        // submits instead of jumping to a problem now out of sight.
        match state.review_selected {
            None if count > 0 && state.review_scroll == 0 => state.review_selected = Some(0),
            Some(i) if i + 1 < count => state.review_selected = Some(i + 1),
            _ => {
                state.review_selected = None;
                state.review_scroll = state.review_scroll.saturating_add(1);
            }
        }
    } else if state.review_scroll > 0 {
        state.review_scroll -= 1;
    } else {
        state.review_selected = match state.review_selected {
            Some(0) | None => None,
            Some(i) => Some(i - 1),
        };
    }
}

/// Focus the (order) input of a field, on its step.
pub fn jump_to(state: &mut WizardState, key: FieldKey) -> WizardOutcome {
    let step = spec(key).step_on(state.order.fields.route());
    let outcome = go_to_step(state, step, false);
    state.focus = state
        .targets()
        .iter()
        .position(|t| t.key == key && t.column == Column::Order)
        .unwrap_or(0);
    state.load_editor();
    outcome
}

fn review_activate(state: &mut WizardState) -> WizardOutcome {
    if let Some(selected) = state.review_selected {
        let items = readiness(&state.order, state.clock.today);
        if let Some(item) = items.get(selected) {
            return jump_to(state, item.key);
        }
        state.review_selected = None;
    }
    let kind = match state.order.status {
        Status::Draft => ConfirmKind::Submit,
        Status::CustomerActionRequired => ConfirmKind::Resubmit,
        other => {
            state.notice = Some(Message {
                text: format!(
                    "This order is {}: there is nothing to submit",
                    other.label()
                ),
                is_error: true,
            });
            return WizardOutcome::Stay;
        }
    };
    let errors = readiness::blocking(&state.order, state.clock.today);
    if !errors.is_empty() {
        // What the heading and footer say Enter does now: the first error (readiness lists
        // errors first).
        let first = readiness(&state.order, state.clock.today)
            .into_iter()
            .find(|p| p.severity == crate::domain::checks::Severity::Error);
        let verb = if kind == ConfirmKind::Resubmit {
            "resubmitted"
        } else {
            "submitted"
        };
        state.notice = Some(Message {
            text: format!(
                "✗ Not {verb}: {} error(s) to fix first; this is the first",
                errors.len()
            ),
            is_error: true,
        });
        return match first {
            Some(problem) => jump_to(state, problem.key),
            None => WizardOutcome::Stay,
        };
    }
    // Nothing changed since the rejection: one question that says why, as the command line's
    // `resubmit --unchanged` asks for.
    let kind = if kind == ConfirmKind::Resubmit && unchanged_warning(&state.order).is_some() {
        ConfirmKind::ResubmitUnchanged
    } else {
        kind
    };
    state.refusal.clear();
    state.prompt = Some(Prompt::Confirm(kind));
    WizardOutcome::Stay
}

fn confirm(state: &mut WizardState) -> WizardOutcome {
    let Some(Prompt::Confirm(kind)) = state.prompt.clone() else {
        return WizardOutcome::Stay;
    };
    state.prompt = None;
    let clock = state.clock;
    let result = match kind {
        ConfirmKind::Submit => state.order.submit(clock),
        ConfirmKind::Resubmit | ConfirmKind::ResubmitUnchanged => state.order.resubmit(clock),
    };
    match result {
        Ok(()) => {
            state.refusal.clear();
            // portwiz sends nothing: "submitted" records what the user did in Teams.
            let verb = if kind == ConfirmKind::Submit {
                "submitted"
            } else {
                "resubmitted"
            };
            state.notice = Some(Message {
                text: format!("✓ Recorded as {verb} in the Teams admin center"),
                is_error: false,
            });
            WizardOutcome::Submit(state.order.clone())
        }
        Err(refusal) => {
            state.refusal = refusal.reasons;
            state.notice = Some(Message {
                text: "✗ Not submitted: see the reasons listed".into(),
                is_error: true,
            });
            WizardOutcome::Stay
        }
    }
}

/// The CSV file's bytes, read by the domain's one CSV reader: the good rows' numbers are added
/// to the numbers field, the bad rows named in the notice, and both counted.
fn csv_loaded(state: &mut WizardState, result: Result<Vec<u8>, String>) -> WizardOutcome {
    let read = result.and_then(|bytes| {
        entry::numbers_from_csv(&bytes, &state.order.fields).map_err(|e| e.to_string())
    });
    let import = match read {
        Ok(import) if !import.numbers.is_empty() => import,
        Ok(import) => {
            let mut words = vec![import.summary()];
            words.extend(import.bad_rows);
            if let Some(Prompt::CsvPath { error, .. }) = &mut state.prompt {
                *error = Some(one_line(&words.join(" ")));
            }
            return WizardOutcome::Stay;
        }
        Err(message) => {
            if let Some(Prompt::CsvPath { error, .. }) = &mut state.prompt {
                *error = Some(one_line(&message));
            }
            return WizardOutcome::Stay;
        }
    };
    state.prompt = None;
    let Editor::Numbers(area) = &state.editor else {
        return WizardOutcome::Stay;
    };
    let mut lines: Vec<String> = area
        .text()
        .lines()
        .map(str::to_string)
        .filter(|l| !l.trim().is_empty())
        .collect();
    lines.extend(import.numbers.iter().cloned());
    state.editor = Editor::Numbers(crate::tui::widgets::textarea::TextArea::new(
        &lines.join("\n"),
    ));
    let changed = commit(state);
    if state.notice.is_none() {
        let mut words = vec![import.summary()];
        words.extend(import.bad_rows.iter().cloned());
        state.notice = Some(Message {
            text: one_line(&format!("✓ {}", words.join(" "))),
            is_error: !import.bad_rows.is_empty(),
        });
    }
    saved_if(changed, state)
}

/// One typed value through the domain's edit operation, as a draft keeps it; a refusal is shown
/// as the wizard's notice. Whether the order changed.
fn edit_text(state: &mut WizardState, key: FieldKey, value: String) -> bool {
    let clock = state.clock;
    match state.order.edit_field(
        &mut state.visit,
        key,
        FieldValue::Text(value),
        clock,
        Mode::KeepDraft,
    ) {
        Ok(edited) => edited.changed,
        Err(refusal) => {
            state.notice = Some(Message {
                text: format!("✗ {refusal}"),
                is_error: true,
            });
            false
        }
    }
}
