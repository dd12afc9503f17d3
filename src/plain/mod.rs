//! Plain mode (`portwiz --plain`, and `TERM=dumb`): the wizard as line-by-line questions for
//! screen readers, braille displays and scripts. It walks the same field registry and runs the
//! same checks as the full-screen wizard, prints plain text only (no ANSI sequences, no
//! redraws), saves the draft after every answer, and ends gracefully at the end of input.

mod answer;
mod choose;
mod field;
mod named;
mod prompt;
mod review;

use crate::domain::edit::{EditRefusal, Mode, Visit};
use crate::domain::export::one_line;
use crate::domain::{Clock, FieldKey, FieldValue, Order, Status, Step, readiness, spec};
use crate::store::{Notice, Store, StoreError};
use field::Next;
use prompt::Prompter;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::Path;

const INTRO: &str = "portwiz, plain mode: the porting wizard as questions, one at a time.
For each field, press Enter to keep the value shown, type - to clear it, or type ! to move on
even when the value has a problem. Your answers are saved as a draft after each field; the end
of input (Ctrl-D) stops here and keeps the draft.";

#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    #[error("cannot read or write the conversation: {0}")]
    Io(#[from] io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Refused(#[from] crate::domain::Refusal),
}

/// How a session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The order was submitted (or resubmitted).
    Submitted(String),
    /// The order was kept as it is; `None` when nothing was ever saved.
    Kept(Option<String>),
}

/// The order being worked on, and where it is saved.
pub struct Session<'a> {
    pub order: Order,
    store: &'a mut Store,
    pub clock: Clock,
    visit: Visit,
}

impl Session<'_> {
    /// Store an answer through the domain's edit operation (the session is one visit: one
    /// history entry) and save the draft when it changed anything. A refused answer (too long,
    /// a mask) changes nothing and comes back to be said.
    fn apply(
        &mut self,
        key: FieldKey,
        value: FieldValue,
    ) -> Result<Result<(), EditRefusal>, PlainError> {
        match self
            .order
            .edit_field(&mut self.visit, key, value, self.clock, Mode::KeepDraft)
        {
            Ok(edited) if edited.changed => self.save().map(Ok),
            Ok(_) => Ok(Ok(())),
            Err(refusal) => Ok(Err(refusal)),
        }
    }

    fn save(&mut self) -> Result<(), PlainError> {
        Ok(self.store.save(&self.order)?)
    }

    /// Whether the order is on disk.
    fn saved(&self) -> bool {
        self.store.get(&self.order.id).is_ok()
    }

    fn kept_message(&self) -> String {
        if self.saved() {
            format!(
                "The order is saved as {} ({}); run portwiz --plain again and choose it to continue.",
                self.order.id,
                self.order.status.label()
            )
        } else {
            "Nothing was saved.".to_string()
        }
    }
}

/// The whole conversation: choose an order, answer every field of every step, review, submit.
pub fn run(
    input: impl BufRead,
    output: impl Write,
    store: &mut Store,
    clock: Clock,
) -> Result<Outcome, PlainError> {
    converse(Prompter::new(input, output, false), store, clock)
}

fn converse<R: BufRead, W: Write>(
    mut p: Prompter<R, W>,
    store: &mut Store,
    clock: Clock,
) -> Result<Outcome, PlainError> {
    p.say(INTRO)?;
    p.say("")?;
    let order = match choose::choose_order(&mut p, store, clock)? {
        None => return Ok(Outcome::Kept(None)),
        Some(choose::Chosen::Answer(order)) => return answer::record(&mut p, store, order, clock),
        Some(choose::Chosen::Edit(order)) => order,
    };
    let mut session = Session {
        order,
        store,
        clock,
        visit: Visit::new(),
    };
    introduce_order(&mut p, &session.order)?;
    // A reopened order starts at what needs fixing (what the carrier named, on a rejected
    // order; else what is missing or wrong); the rest is offered after.
    let first = match session.saved() {
        true => readiness::to_fix_first(&session.order, clock.today),
        false => Vec::new(),
    };
    if !first.is_empty()
        && let Some(outcome) = ask_first(&mut p, &mut session, &first)?
    {
        return Ok(outcome);
    }
    // Counted like the app's wizard: the pages of the order's route (known once Get started
    // has the country), the last one Review.
    let mut step = Step::GetStarted;
    while step != Step::Review {
        p.say("")?;
        p.say(step_heading(step, &session.order.fields))?;
        let asked: Vec<_> = step.fields_asked(&session.order.fields).collect();
        for spec in asked.into_iter().filter(|f| !first.contains(&f.key)) {
            if let Next::Stop = field::ask_field(&mut p, &mut session, spec)? {
                return Ok(stopped(&mut p, &session)?);
            }
        }
        step = step
            .moved_by(session.order.fields.route(), 1)
            .unwrap_or(Step::Review);
    }
    review::review(&mut p, &mut session)
}

/// Ask the fields to fix first, then whether to go through the others: `Some` when the session
/// ends here (the end of input, or the review after declining the others).
fn ask_first<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    session: &mut Session<'_>,
    first: &[FieldKey],
) -> Result<Option<Outcome>, PlainError> {
    p.say("")?;
    p.say(if session.order.rejected_fields().is_empty() {
        "First, what is missing or wrong:"
    } else {
        "First, the fields the carrier named:"
    })?;
    for key in first {
        if let Next::Stop = field::ask_field(p, session, spec(*key))? {
            return Ok(Some(stopped(p, session)?));
        }
    }
    p.say("")?;
    let Some(answer) = p.ask("Go through the other fields as well? [y/N] ")? else {
        return Ok(Some(stopped(p, session)?));
    };
    if matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
        Ok(None)
    } else {
        review::review(p, session).map(Some)
    }
}

/// "Step 2 of 7: Phone numbers", numbered as the app's wizard for the order's route.
fn step_heading(step: Step, order: &crate::domain::OrderFields) -> String {
    let route = order.route();
    format!(
        "Step {} of {}: {}",
        step.index_in(route) + 1,
        Step::pages(route).len(),
        step.title()
    )
}

/// The end of input: say what was kept.
fn stopped<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    session: &Session<'_>,
) -> io::Result<Outcome> {
    p.say(format!("End of input. {}", session.kept_message()))?;
    let id = session.order.id.clone();
    Ok(Outcome::Kept(session.saved().then_some(id)))
}

/// The line that names an order in plain mode: its id, name and status.
fn heading(order: &Order) -> String {
    format!(
        "Order {}: {} ({})",
        order.id,
        one_line(&order.display_name()),
        order.status.label()
    )
}

/// Say which order this is and, for a rejected one, what the carrier said.
fn introduce_order<R: BufRead, W: Write>(p: &mut Prompter<R, W>, order: &Order) -> io::Result<()> {
    p.say("")?;
    p.say(heading(order))?;
    if order.status != Status::CustomerActionRequired {
        return Ok(());
    }
    if let Some(r) = order.last_rejection() {
        p.say(format!("The carrier rejected it: {}", one_line(&r.text)))?;
        let labels: Vec<String> = r
            .fields
            .iter()
            .map(|k| spec(*k).label_for(&order.fields).into_owned())
            .collect();
        if !labels.is_empty() {
            p.say(format!("Fields to fix: {}", labels.join(", ")))?;
        }
        if !r.action.trim().is_empty() {
            p.say(format!("What to do: {}", one_line(&r.action)))?;
        }
    }
    Ok(())
}

/// `portwiz --plain` on the real standard input and output; returns the exit code.
pub fn run_on_terminal(dir: &Path, clock: Clock) -> u8 {
    let (mut store, notices) = match Store::open(dir) {
        Ok(opened) => opened,
        Err(e) => {
            crate::cli::Console::stdio().say(&format!("portwiz: {e}"));
            return 2;
        }
    };
    for notice in &notices {
        if !matches!(notice, Notice::StaleTempRemoved(_)) {
            crate::cli::Console::stdio().say(&format!("portwiz: {notice}"));
        }
    }
    let on_terminal = io::stdin().is_terminal();
    let p = Prompter::new(io::stdin().lock(), io::stdout().lock(), !on_terminal)
        .hiding_secrets(on_terminal);
    match converse(p, &mut store, clock) {
        Ok(_) => 0,
        Err(e) => {
            crate::cli::Console::stdio().say(&format!("portwiz: {e}"));
            1
        }
    }
}
