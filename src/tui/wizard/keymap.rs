//! Key events → wizard messages, through one table. The same table gives the footer: a key is
//! listed exactly where it works.

use super::input::request_for;
use super::state::{Editor, Prompt, WizardState};
use super::update::WizardMsg;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::InputRequest;

/// Where the user is, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Situation {
    Confirm,
    PathPrompt,
    Review,
    Text { secret: bool, csr_step: bool },
    Choice { csr_step: bool },
    Numbers,
}

/// When a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Confirm,
    PathPrompt,
    /// Anywhere but a prompt.
    Wizard,
    /// On any field.
    Field,
    /// On a one-line text field or a choice.
    LineOrChoice,
    Secret,
    Choice,
    Numbers,
    /// On a text field or the numbers area.
    Editable,
    CsrStep,
    Review,
}

impl When {
    fn applies(self, situation: Situation) -> bool {
        use Situation as S;
        let field = matches!(situation, S::Text { .. } | S::Choice { .. } | S::Numbers);
        match self {
            When::Confirm => situation == S::Confirm,
            When::PathPrompt => situation == S::PathPrompt,
            When::Wizard => !matches!(situation, S::Confirm | S::PathPrompt),
            When::Field => field,
            When::LineOrChoice => matches!(situation, S::Text { .. } | S::Choice { .. }),
            When::Secret => matches!(situation, S::Text { secret: true, .. }),
            When::Choice => matches!(situation, S::Choice { .. }),
            When::Numbers => situation == S::Numbers,
            When::Editable => matches!(situation, S::Text { .. } | S::Numbers),
            When::CsrStep => matches!(
                situation,
                S::Text { csr_step: true, .. } | S::Choice { csr_step: true }
            ),
            When::Review => situation == S::Review,
        }
    }
}

/// What a key does: a message without data (data-carrying messages come from the text fallback).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    NextField,
    PrevField,
    Advance,
    NextStep,
    PrevStep,
    Close,
    Save,
    Clear,
    Newline,
    LineUp,
    LineDown,
    ChoiceNext,
    ChoicePrev,
    ToggleReveal,
    ToggleCsr,
    OpenCsvPrompt,
    ReviewUp,
    ReviewDown,
    ReviewActivate,
    Confirm,
    Decline,
    PromptAccept,
    PromptCancel,
}

impl Action {
    fn msg(self) -> WizardMsg {
        match self {
            Action::NextField => WizardMsg::NextField,
            Action::PrevField => WizardMsg::PrevField,
            Action::Advance => WizardMsg::Advance,
            Action::NextStep => WizardMsg::NextStep,
            Action::PrevStep => WizardMsg::PrevStep,
            Action::Close => WizardMsg::Close,
            Action::Save => WizardMsg::Save,
            Action::Clear => WizardMsg::Edit(InputRequest::DeleteLine),
            Action::Newline => WizardMsg::Newline,
            Action::LineUp => WizardMsg::LineUp,
            Action::LineDown => WizardMsg::LineDown,
            Action::ChoiceNext => WizardMsg::ChoiceNext,
            Action::ChoicePrev => WizardMsg::ChoicePrev,
            Action::ToggleReveal => WizardMsg::ToggleReveal,
            Action::ToggleCsr => WizardMsg::ToggleCsr,
            Action::OpenCsvPrompt => WizardMsg::OpenCsvPrompt,
            Action::ReviewUp => WizardMsg::ReviewUp,
            Action::ReviewDown => WizardMsg::ReviewDown,
            Action::ReviewActivate => WizardMsg::ReviewActivate,
            Action::Confirm => WizardMsg::Confirm,
            Action::Decline => WizardMsg::Decline,
            Action::PromptAccept => WizardMsg::PromptAccept,
            Action::PromptCancel => WizardMsg::PromptCancel,
        }
    }
}

struct Binding {
    code: KeyCode,
    ctrl: bool,
    when: When,
    action: Action,
    /// Shown in the footer as (key, description) when not empty.
    key: &'static str,
    description: &'static str,
}

const fn bind(
    code: KeyCode,
    ctrl: bool,
    when: When,
    action: Action,
    key: &'static str,
    description: &'static str,
) -> Binding {
    Binding {
        code,
        ctrl,
        when,
        action,
        key,
        description,
    }
}

const CTRL: bool = true;
const PLAIN: bool = false;

/// The wizard's keys; the first binding that matches wins, and the footer lists them in this
/// order.
const BINDINGS: &[Binding] = &[
    bind(
        KeyCode::Char('y'),
        PLAIN,
        When::Confirm,
        Action::Confirm,
        "y",
        "yes",
    ),
    bind(
        KeyCode::Char('Y'),
        PLAIN,
        When::Confirm,
        Action::Confirm,
        "",
        "",
    ),
    bind(
        KeyCode::Char('n'),
        PLAIN,
        When::Confirm,
        Action::Decline,
        "n",
        "no",
    ),
    bind(
        KeyCode::Char('N'),
        PLAIN,
        When::Confirm,
        Action::Decline,
        "",
        "",
    ),
    bind(
        KeyCode::Esc,
        PLAIN,
        When::Confirm,
        Action::Decline,
        "Esc",
        "no",
    ),
    bind(
        KeyCode::Enter,
        PLAIN,
        When::PathPrompt,
        Action::PromptAccept,
        "Enter",
        "load the CSV",
    ),
    bind(
        KeyCode::Esc,
        PLAIN,
        When::PathPrompt,
        Action::PromptCancel,
        "Esc",
        "cancel",
    ),
    bind(
        KeyCode::Enter,
        PLAIN,
        When::LineOrChoice,
        Action::Advance,
        "Enter",
        "next field",
    ),
    bind(
        KeyCode::Enter,
        PLAIN,
        When::Numbers,
        Action::Newline,
        "Enter",
        "new line",
    ),
    bind(
        KeyCode::Enter,
        PLAIN,
        When::Review,
        Action::ReviewActivate,
        "Enter",
        "submit / go to problem",
    ),
    bind(
        KeyCode::Up,
        PLAIN,
        When::Review,
        Action::ReviewUp,
        "↑↓",
        "select problem",
    ),
    bind(
        KeyCode::Down,
        PLAIN,
        When::Review,
        Action::ReviewDown,
        "",
        "",
    ),
    bind(
        KeyCode::Char('k'),
        PLAIN,
        When::Review,
        Action::ReviewUp,
        "",
        "",
    ),
    bind(
        KeyCode::Char('j'),
        PLAIN,
        When::Review,
        Action::ReviewDown,
        "",
        "",
    ),
    bind(
        KeyCode::Tab,
        PLAIN,
        When::Field,
        Action::NextField,
        "Tab",
        "next field",
    ),
    bind(
        KeyCode::BackTab,
        PLAIN,
        When::Field,
        Action::PrevField,
        "S-Tab",
        "previous field",
    ),
    bind(
        KeyCode::Right,
        PLAIN,
        When::Choice,
        Action::ChoiceNext,
        "←→",
        "change choice",
    ),
    bind(
        KeyCode::Left,
        PLAIN,
        When::Choice,
        Action::ChoicePrev,
        "",
        "",
    ),
    bind(
        KeyCode::Char(' '),
        PLAIN,
        When::Choice,
        Action::ChoiceNext,
        "",
        "",
    ),
    bind(
        KeyCode::Up,
        PLAIN,
        When::LineOrChoice,
        Action::PrevField,
        "",
        "",
    ),
    bind(
        KeyCode::Down,
        PLAIN,
        When::LineOrChoice,
        Action::NextField,
        "",
        "",
    ),
    bind(KeyCode::Up, PLAIN, When::Numbers, Action::LineUp, "", ""),
    bind(
        KeyCode::Down,
        PLAIN,
        When::Numbers,
        Action::LineDown,
        "",
        "",
    ),
    bind(
        KeyCode::Char('o'),
        CTRL,
        When::Numbers,
        Action::OpenCsvPrompt,
        "Ctrl-O",
        "load CSV",
    ),
    bind(
        KeyCode::Char('r'),
        CTRL,
        When::Secret,
        Action::ToggleReveal,
        "Ctrl-R",
        "show/hide PIN",
    ),
    bind(
        KeyCode::Char('u'),
        CTRL,
        When::Editable,
        Action::Clear,
        "Ctrl-U",
        "clear",
    ),
    bind(
        KeyCode::Char('k'),
        CTRL,
        When::CsrStep,
        Action::ToggleCsr,
        "Ctrl-K",
        "CSR column",
    ),
    bind(
        KeyCode::PageDown,
        PLAIN,
        When::Wizard,
        Action::NextStep,
        "PgDn",
        "next step",
    ),
    bind(
        KeyCode::PageUp,
        PLAIN,
        When::Wizard,
        Action::PrevStep,
        "PgUp",
        "previous step",
    ),
    bind(
        KeyCode::Char('s'),
        CTRL,
        When::Wizard,
        Action::Save,
        "Ctrl-S",
        "save draft",
    ),
    bind(
        KeyCode::Esc,
        PLAIN,
        When::Wizard,
        Action::Close,
        "Esc",
        "close (draft kept)",
    ),
];

/// Where the user is.
pub fn situation(state: &WizardState) -> Situation {
    match &state.prompt {
        Some(Prompt::Confirm(_)) => return Situation::Confirm,
        Some(Prompt::CsvPath { .. }) => return Situation::PathPrompt,
        None => {}
    }
    let csr_step = state.step_has_csr_fields();
    match &state.editor {
        Editor::None => Situation::Review,
        Editor::Choice(_) => Situation::Choice { csr_step },
        Editor::Numbers(_) => Situation::Numbers,
        Editor::Text(_) => Situation::Text {
            secret: state.target().is_some_and(|t| {
                t.column == super::state::Column::Order
                    && crate::domain::registry::spec(t.key).secret
            }),
            csr_step,
        },
    }
}

/// The message a key stands for here, if any. Key releases and repeats of releases are ignored.
pub fn message_for(key: &KeyEvent, situation: Situation) -> Option<WizardMsg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let code = match key.code {
        // Some terminals send Ctrl-letters upper-cased.
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    if let Some(binding) = BINDINGS
        .iter()
        .find(|b| b.code == code && b.ctrl == ctrl && b.when.applies(situation))
    {
        return Some(binding.action.msg());
    }
    match situation {
        Situation::Text { .. } | Situation::Numbers => request_for(key).map(WizardMsg::Edit),
        Situation::PathPrompt => request_for(key).map(WizardMsg::PromptEdit),
        _ => None,
    }
}

/// (key, description) of every key that works here, for the shell's footer and help.
pub fn footer_keys(situation: Situation) -> Vec<(&'static str, &'static str)> {
    let mut keys: Vec<(&'static str, &'static str)> = Vec::new();
    for binding in BINDINGS {
        if binding.key.is_empty() || !binding.when.applies(situation) {
            continue;
        }
        if keys.iter().any(|(k, _)| *k == binding.key) {
            continue;
        }
        keys.push((binding.key, binding.description));
    }
    keys
}
