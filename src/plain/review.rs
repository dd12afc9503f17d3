//! The last step: every error and warning of the order, then where to enter it (the Teams admin
//! center) and, on a `y`, the record that it was submitted (or resubmitted) there.

use super::prompt::Prompter;
use super::{Outcome, PlainError, Session};
use crate::domain::Status;
use crate::domain::checks::Severity;
use crate::domain::export::one_line;
use crate::domain::readiness::readiness;
use std::io::{BufRead, Write};

pub fn review<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    session: &mut Session<'_>,
) -> Result<Outcome, PlainError> {
    let id = session.order.id.clone();
    p.say("")?;
    p.say(super::step_heading(
        crate::domain::Step::Review,
        &session.order.fields,
    ))?;
    // The domain's one readiness check, as the wizard's Review and `submit` ask it.
    let problems = readiness(&session.order, session.clock.today);
    for problem in &problems {
        let kind = match problem.severity {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
        };
        p.say(format!("  {kind}: {}", one_line(&problem.message)))?;
    }
    // What the carrier rejected on earlier orders: warnings beside the readiness check's.
    let history = crate::store::preflight::warnings(session.store, &session.order);
    for warning in &history {
        p.say(format!(
            "  Warning (from your history): {}",
            one_line(&warning.message())
        ))?;
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if problems.is_empty() && history.is_empty() {
        p.say("  No problems found.")?;
    }
    if errors > 0 {
        p.say(format!(
            "{errors} error(s) must be fixed before the order can be submitted. {}",
            session.kept_message()
        ))?;
        return Ok(Outcome::Kept(session.saved().then_some(id)));
    }
    let resubmit = session.order.status == Status::CustomerActionRequired;
    let verb = if resubmit { "resubmitted" } else { "submitted" };
    // portwiz sends nothing: the user enters the order in Teams, then records that they did.
    p.say(format!(
        "Ready to enter in the Teams admin center (Voice > Phone numbers). Its values, page by page: `portwiz export {id} --format text`, or t on its page in the app."
    ))?;
    let Some(answer) = p.ask(&format!(
        "Have you {verb} it in the Teams admin center? y records it [y/N] "
    ))?
    else {
        p.say(session.kept_message())?;
        return Ok(Outcome::Kept(session.saved().then_some(id)));
    };
    if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
        p.say(format!("Not submitted. {}", session.kept_message()))?;
        return Ok(Outcome::Kept(session.saved().then_some(id)));
    }
    let result = if resubmit {
        session.order.resubmit(session.clock)
    } else {
        session.order.submit(session.clock)
    };
    match result {
        Ok(()) => {
            session.save()?;
            p.say(format!(
                "Order {id} is now {}. {}",
                session.order.status.label(),
                crate::domain::today::status_meaning(&session.order)
            ))?;
            Ok(Outcome::Submitted(id))
        }
        Err(refusal) => {
            for reason in &refusal.reasons {
                p.say(format!("  {}", one_line(reason)))?;
            }
            p.say(format!("Not submitted. {}", session.kept_message()))?;
            Ok(Outcome::Kept(session.saved().then_some(id)))
        }
    }
}
