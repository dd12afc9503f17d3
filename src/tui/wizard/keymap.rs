//! Key events → wizard messages, through one table. The same table gives the footer: a key is
//! listed exactly where it works.

use super::state::{Editor, Prompt, WizardState};
use super::update::WizardMsg;
use crate::tui::widgets::input::request_for;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::InputRequest;

/// Where the user is, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Situation {
    Confirm,
    PathPrompt,
    /// The carrier's whole message is open over the form.
    Pinned,
    /// Review; `on_problem` while a problem is selected (Enter goes to it, else it submits).
    Review {
        on_problem: bool,
    },
    Text {
        secret: bool,
        csr_step: bool,
    },
    Choice {
        csr_step: bool,
    },
    Numbers,
}

/// When a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Confirm,
    PathPrompt,
    Pinned,
    /// Anywhere but a prompt or the open message.
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
            When::Pinned => situation == S::Pinned,
            When::Wizard => !matches!(situation, S::Confirm | S::PathPrompt | S::Pinned),
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
            When::Review => matches!(situation, S::Review { .. }),
        }
    }
}

struct Binding {
    code: KeyCode,
    ctrl: bool,
    when: When,
    /// What the key does: a message without data (messages with data, such as typed text, come
    /// from the text fallback in `message_for`).
    action: WizardMsg,
    /// How help writes the key (empty for keys help names with another, such as `Y` with `y`);
    /// a test checks help names every one.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "read by help's completeness test")
    )]
    key: &'static str,
}

const fn bind(
    code: KeyCode,
    ctrl: bool,
    when: When,
    action: WizardMsg,
    key: &'static str,
) -> Binding {
    Binding {
        code,
        ctrl,
        when,
        action,
        key,
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
        WizardMsg::Confirm,
        "y",
    ),
    bind(
        KeyCode::Char('Y'),
        PLAIN,
        When::Confirm,
        WizardMsg::Confirm,
        "",
    ),
    bind(
        KeyCode::Char('n'),
        PLAIN,
        When::Confirm,
        WizardMsg::Decline,
        "n",
    ),
    bind(
        KeyCode::Char('t'),
        PLAIN,
        When::Confirm,
        WizardMsg::Handoff,
        "t",
    ),
    bind(
        KeyCode::Char('N'),
        PLAIN,
        When::Confirm,
        WizardMsg::Decline,
        "",
    ),
    bind(
        KeyCode::Esc,
        PLAIN,
        When::Confirm,
        WizardMsg::Decline,
        "Esc",
    ),
    bind(
        KeyCode::Enter,
        PLAIN,
        When::PathPrompt,
        WizardMsg::PromptAccept,
        "Enter",
    ),
    bind(
        KeyCode::Esc,
        PLAIN,
        When::PathPrompt,
        WizardMsg::PromptCancel,
        "Esc",
    ),
    bind(
        KeyCode::Char('p'),
        CTRL,
        When::Pinned,
        WizardMsg::TogglePinned,
        "Ctrl-P",
    ),
    bind(
        KeyCode::Esc,
        PLAIN,
        When::Pinned,
        WizardMsg::TogglePinned,
        "Esc",
    ),
    bind(
        KeyCode::Up,
        PLAIN,
        When::Pinned,
        WizardMsg::PinnedScroll(-1),
        "↑↓",
    ),
    bind(
        KeyCode::Down,
        PLAIN,
        When::Pinned,
        WizardMsg::PinnedScroll(1),
        "",
    ),
    bind(
        KeyCode::Char('k'),
        PLAIN,
        When::Pinned,
        WizardMsg::PinnedScroll(-1),
        "",
    ),
    bind(
        KeyCode::Char('j'),
        PLAIN,
        When::Pinned,
        WizardMsg::PinnedScroll(1),
        "",
    ),
    bind(
        KeyCode::PageUp,
        PLAIN,
        When::Pinned,
        WizardMsg::PinnedScroll(-PINNED_PAGE),
        "PgUp",
    ),
    bind(
        KeyCode::PageDown,
        PLAIN,
        When::Pinned,
        WizardMsg::PinnedScroll(PINNED_PAGE),
        "PgDn",
    ),
    bind(
        KeyCode::Char(' '),
        PLAIN,
        When::Pinned,
        WizardMsg::PinnedScroll(PINNED_PAGE),
        "",
    ),
    bind(
        KeyCode::Enter,
        PLAIN,
        When::LineOrChoice,
        WizardMsg::Advance,
        "Enter",
    ),
    bind(
        KeyCode::Enter,
        PLAIN,
        When::Numbers,
        WizardMsg::Newline,
        "Enter",
    ),
    bind(
        KeyCode::Enter,
        PLAIN,
        When::Review,
        WizardMsg::ReviewActivate,
        "Enter",
    ),
    bind(KeyCode::Up, PLAIN, When::Review, WizardMsg::ReviewUp, "↑↓"),
    bind(
        KeyCode::Char('N'),
        PLAIN,
        When::Review,
        WizardMsg::ListNumbers,
        "N",
    ),
    bind(
        KeyCode::Char('t'),
        PLAIN,
        When::Review,
        WizardMsg::Handoff,
        "t",
    ),
    bind(
        KeyCode::Down,
        PLAIN,
        When::Review,
        WizardMsg::ReviewDown,
        "",
    ),
    bind(
        KeyCode::Char('k'),
        PLAIN,
        When::Review,
        WizardMsg::ReviewUp,
        "",
    ),
    bind(
        KeyCode::Char('j'),
        PLAIN,
        When::Review,
        WizardMsg::ReviewDown,
        "",
    ),
    bind(
        KeyCode::Tab,
        PLAIN,
        When::Field,
        WizardMsg::NextField,
        "Tab",
    ),
    bind(
        KeyCode::BackTab,
        PLAIN,
        When::Field,
        WizardMsg::PrevField,
        "S-Tab",
    ),
    bind(
        KeyCode::Right,
        PLAIN,
        When::Choice,
        WizardMsg::ChoiceNext,
        "←→",
    ),
    bind(
        KeyCode::Left,
        PLAIN,
        When::Choice,
        WizardMsg::ChoicePrev,
        "",
    ),
    bind(
        KeyCode::Char(' '),
        PLAIN,
        When::Choice,
        WizardMsg::ChoiceNext,
        "Space",
    ),
    bind(
        KeyCode::Up,
        PLAIN,
        When::LineOrChoice,
        WizardMsg::PrevField,
        "↑↓",
    ),
    bind(
        KeyCode::Down,
        PLAIN,
        When::LineOrChoice,
        WizardMsg::NextField,
        "",
    ),
    bind(KeyCode::Up, PLAIN, When::Numbers, WizardMsg::LineUp, "↑↓"),
    bind(KeyCode::Down, PLAIN, When::Numbers, WizardMsg::LineDown, ""),
    bind(
        KeyCode::Char('o'),
        CTRL,
        When::Numbers,
        WizardMsg::OpenCsvPrompt,
        "Ctrl-O",
    ),
    bind(
        KeyCode::Char('r'),
        CTRL,
        When::Secret,
        WizardMsg::ToggleReveal,
        "Ctrl-R",
    ),
    bind(
        KeyCode::Char('u'),
        CTRL,
        When::Editable,
        WizardMsg::Edit(InputRequest::DeleteLine),
        "Ctrl-U",
    ),
    bind(
        KeyCode::Char('k'),
        CTRL,
        When::CsrStep,
        WizardMsg::ToggleCsr,
        "Ctrl-K",
    ),
    bind(
        KeyCode::Char('t'),
        CTRL,
        When::CsrStep,
        WizardMsg::TakeCsr,
        "Ctrl-T",
    ),
    bind(
        KeyCode::PageDown,
        PLAIN,
        When::Wizard,
        WizardMsg::NextStep,
        "PgDn",
    ),
    bind(
        KeyCode::PageUp,
        PLAIN,
        When::Wizard,
        WizardMsg::PrevStep,
        "PgUp",
    ),
    bind(
        KeyCode::Char('s'),
        CTRL,
        When::Wizard,
        WizardMsg::Save,
        "Ctrl-S",
    ),
    bind(
        KeyCode::Char('p'),
        CTRL,
        When::Wizard,
        WizardMsg::TogglePinned,
        "Ctrl-P",
    ),
    bind(KeyCode::Esc, PLAIN, When::Wizard, WizardMsg::Close, "Esc"),
];

/// Lines PgDn and PgUp scroll the open message by.
const PINNED_PAGE: i16 = 10;

/// Where the user is.
pub fn situation(state: &WizardState) -> Situation {
    match &state.prompt {
        Some(Prompt::Confirm(_)) => return Situation::Confirm,
        Some(Prompt::CsvPath { .. }) => return Situation::PathPrompt,
        None => {}
    }
    if state.pinned.is_some() {
        return Situation::Pinned;
    }
    let csr_step = state.step_has_csr_fields();
    match &state.editor {
        Editor::None => Situation::Review {
            on_problem: state.review_selected.is_some(),
        },
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
        return Some(binding.action.clone());
    }
    match situation {
        Situation::Text { .. } | Situation::Numbers => request_for(key).map(WizardMsg::Edit),
        Situation::PathPrompt => request_for(key).map(WizardMsg::PromptEdit),
        // A letter on a choice jumps to the next option it starts (the long country list).
        Situation::Choice { .. } => match key.code {
            KeyCode::Char(c) if !ctrl && c.is_alphabetic() => Some(WizardMsg::ChoiceJump(c)),
            _ => None,
        },
        _ => None,
    }
}

/// What the footer needs to know beyond the situation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FooterFacts {
    /// The carrier's words are pinned above the form (Ctrl-P opens them).
    pub pinned: bool,
    /// The focused field has a CSR value to take (Ctrl-T).
    pub csr_value: bool,
    /// Review's Enter resubmits a rejected order rather than submitting a draft.
    pub resubmission: bool,
    /// An error blocks the submission: Review's Enter goes to the first one instead.
    pub blocked: bool,
}

/// When a footer entry is shown: where its key works, and what else must hold.
#[derive(Debug, Clone, Copy)]
enum Shown {
    Where(When),
    /// Anywhere in the wizard, while carrier's words are pinned.
    Pinned,
    /// On a CSR step, when the focused field has a CSR value.
    CsrValue,
    /// On Review with no problem selected: Enter submits (`true`: resubmits).
    ReviewSends(bool),
    /// On Review with no problem selected while an error blocks the submission.
    ReviewBlocked,
    /// On Review while nothing blocks: the order is ready to enter in Teams.
    ReviewReady,
    /// On Review with a problem selected.
    ReviewOnProblem,
}

impl Shown {
    fn applies(self, situation: Situation, facts: FooterFacts) -> bool {
        match self {
            Shown::Where(when) => when.applies(situation),
            Shown::Pinned => facts.pinned && When::Wizard.applies(situation),
            Shown::CsrValue => facts.csr_value && When::CsrStep.applies(situation),
            Shown::ReviewSends(resubmit) => {
                situation == Situation::Review { on_problem: false }
                    && resubmit == facts.resubmission
                    && !facts.blocked
            }
            Shown::ReviewReady => matches!(situation, Situation::Review { .. }) && !facts.blocked,
            Shown::ReviewBlocked => {
                situation == Situation::Review { on_problem: false } && facts.blocked
            }
            Shown::ReviewOnProblem => situation == Situation::Review { on_problem: true },
        }
    }
}

/// The footer's entries by importance (a narrow footer keeps the first ones): answering what
/// is asked, then what fixes a rejected order (the carrier's value, its words), moving between
/// fields and steps, saving and leaving, and last what the focused input adds. Keys named here
/// are bound in `BINDINGS`.
const FOOTER: &[(Shown, &str, &str)] = &[
    (Shown::Where(When::Confirm), "y", "yes"),
    (Shown::Where(When::Confirm), "t", "hand-off"),
    (Shown::Where(When::Confirm), "n/Esc", "no"),
    (Shown::Where(When::PathPrompt), "Enter", "load the CSV"),
    (Shown::Where(When::PathPrompt), "Esc", "cancel"),
    (Shown::Where(When::Pinned), "↑↓/PgDn", "scroll"),
    (Shown::Where(When::Pinned), "Esc/Ctrl-P", "back to the form"),
    (Shown::ReviewSends(false), "Enter", "record submission"),
    (Shown::ReviewSends(true), "Enter", "record resubmission"),
    (Shown::ReviewBlocked, "Enter", "go to the first error"),
    (Shown::ReviewOnProblem, "Enter", "go to this problem"),
    (Shown::Where(When::Review), "↑↓", "select problem"),
    (Shown::ReviewReady, "t", "hand-off"),
    (Shown::CsrValue, "Ctrl-T", "take CSR value"),
    (Shown::Where(When::Field), "Tab/S-Tab", "field"),
    (Shown::Where(When::Choice), "←→", "choose"),
    (Shown::Where(When::Wizard), "PgDn/PgUp", "step"),
    (Shown::Where(When::Review), "N", "numbers"),
    (Shown::Pinned, "Ctrl-P", "carrier's words"),
    (Shown::Where(When::Wizard), "Ctrl-S", "save"),
    (Shown::Where(When::Wizard), "Esc", "close"),
    (Shown::Where(When::Numbers), "Enter", "new line"),
    (Shown::Where(When::Numbers), "Ctrl-O", "load CSV"),
    (Shown::Where(When::Secret), "Ctrl-R", "show/hide PIN"),
    (Shown::Where(When::Editable), "Ctrl-U", "clear"),
    (Shown::Where(When::CsrStep), "Ctrl-K", "CSR column"),
];

/// (key, words) for the footer: the keys that work here, in few words, most important first.
pub fn footer_keys(situation: Situation, facts: FooterFacts) -> Vec<(&'static str, &'static str)> {
    FOOTER
        .iter()
        .filter(|(shown, _, _)| shown.applies(situation, facts))
        .map(|(_, key, words)| (*key, *words))
        .collect()
}

/// Help: every key of the wizard in one short table (a test checks each bound key is here).
const HELP: &[(&str, &str)] = &[
    (
        "Tab / S-Tab",
        "Next / previous field (↑↓ too, on one-line fields)",
    ),
    ("PgDn / PgUp", "Next / previous step"),
    (
        "Enter",
        "Next field; a new line in the numbers; on Review: record that you submitted (or resubmitted) the order in the Teams admin center, or go to the selected problem (›), or to the first error while one blocks",
    ),
    (
        "t",
        "On Review: the hand-off, every value as the Teams admin center asks for it (portwiz sends nothing)",
    ),
    ("←→ / Space", "Change a choice"),
    ("Ctrl-U", "Clear the field"),
    ("Ctrl-O", "Load the numbers from a CSV file (Phone numbers)"),
    ("Ctrl-R", "Show / hide the PIN"),
    (
        "Ctrl-K",
        "Compare with the carrier's CSR (steps the CSR covers)",
    ),
    (
        "Ctrl-T",
        "Take the CSR's value into the field (the carrier's record wins)",
    ),
    ("↑↓", "On Review: select a problem"),
    (
        "Ctrl-P",
        "Open the carrier's whole message (rejected orders); ↑↓ PgUp PgDn scroll it, Esc closes it",
    ),
    ("N", "On Review: every phone number, on a list of its own"),
    ("Ctrl-S", "Save the draft (leaving a field saves it too)"),
    ("Esc", "Close the wizard; the draft is kept"),
    (
        "y / n",
        "Answer a question (submitted in Teams? resubmitted?)",
    ),
    ("F1 / ?", "This help (? outside text fields)"),
    ("Ctrl-C", "Quit (asks first when an edit is not saved)"),
];

/// (keys, description) of every key of the wizard, for help.
pub fn help_keys() -> Vec<(&'static str, &'static str)> {
    HELP.to_vec()
}

/// Whether letters typed here are text (so `?` is a character, not help).
pub fn takes_text(situation: Situation) -> bool {
    matches!(
        situation,
        Situation::Text { .. } | Situation::Numbers | Situation::PathPrompt
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_names_every_bound_key() {
        let help: Vec<&str> = HELP.iter().map(|(k, _)| *k).collect();
        for binding in BINDINGS.iter().filter(|b| !b.key.is_empty()) {
            let named = help.iter().any(|k| {
                k.split(" / ")
                    .any(|part| part == binding.key || binding.key.starts_with(part))
            }) || binding.key == "S-Tab";
            assert!(named, "{} is missing from help", binding.key);
        }
        for (_, key, _) in FOOTER {
            let first = key.split('/').next().unwrap_or(key);
            assert!(
                help.iter().any(|k| k.contains(first)),
                "{key} of the footer is missing from help"
            );
        }
    }
}
