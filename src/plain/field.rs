//! One field of the wizard as a question: its label, current value (the PIN masked), help,
//! example and choices; the answer is stored, saved and checked, and asked again on an error.

use super::Session;
use super::prompt::Prompter;
use crate::domain::checks::Severity;
use crate::domain::entry;
use crate::domain::export::{one_line, readable_value};
use crate::domain::registry::{FieldSpec, Kind};
use crate::domain::validate::check_field;
use crate::domain::{FieldKey, FieldValue};
use std::io::{BufRead, Write};

/// How an empty value is shown.
const EMPTY: &str = "(empty)";

/// Numbers shown as the current value before "and N more".
const NUMBERS_SHOWN: usize = 10;

/// Whether to go on with the next field or stop (end of input).
pub enum Next {
    Field,
    Stop,
}

pub fn ask_field<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    session: &mut Session<'_>,
    field: &FieldSpec,
) -> Result<Next, super::PlainError> {
    introduce(p, session, field)?;
    loop {
        let prompt = format!("{}: ", field.label_for(&session.order.fields));
        let answer = if field.secret {
            p.ask_secret(&prompt)?
        } else {
            p.ask(&prompt)?
        };
        let Some(answer) = answer else {
            return Ok(Next::Stop);
        };
        let answer = answer.trim();
        if answer == "!" {
            return Ok(Next::Field);
        }
        let value = match answer {
            "" => None,
            "-" => Some(FieldValue::Text(String::new())),
            _ => match interpret(p, session, field, answer)? {
                Some(value) => Some(value),
                None => continue,
            },
        };
        if let Some(value) = value
            && let Err(refusal) = session.apply(field.key, value)?
        {
            p.say(format!("  Error: {}", one_line(&refusal.to_string())))?;
            p.say("  Nothing was stored. Type another value, or ! to move on without one.")?;
            continue;
        }
        let problems = check_field(field.key, &session.order.fields, session.clock.today);
        for problem in &problems {
            let kind = match problem.severity {
                Severity::Error => "Error",
                Severity::Warning => "Warning",
            };
            p.say(format!("  {kind}: {}", one_line(&problem.message)))?;
        }
        if !problems.iter().any(|p| p.severity == Severity::Error) {
            return Ok(Next::Field);
        }
        // Name the value kept (as typed; the PIN masked), never a stand-in like "(empty)".
        let kept = match kept_value(session, field) {
            Some(shown) => format!("“{shown}”"),
            None => String::from("it"),
        };
        p.say(format!(
            "  Type another value, or ! to keep {kept} and move on."
        ))?;
    }
}

fn introduce<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    session: &Session<'_>,
    field: &FieldSpec,
) -> std::io::Result<()> {
    let need = field.need_words(&session.order.fields);
    p.say("")?;
    p.say(format!(
        "{}, {need}",
        field.label_for(&session.order.fields)
    ))?;
    if session.order.rejected_fields().contains(&field.key) {
        p.say("  Named in the carrier's rejection: check it against the carrier's record.")?;
    }
    p.say(format!("  Now: {}", current(session, field)))?;
    p.say(format!("  {}", field.help_for(&session.order.fields)))?;
    let example = field.example_for(&session.order.fields);
    if !example.is_empty() {
        p.say(format!("  Example: {example}"))?;
    }
    if let Kind::Choice(options) = field.kind {
        for (n, (value, label)) in options.iter().enumerate() {
            p.say(format!("  {}) {label} [{value}]", n + 1))?;
        }
        p.say("  Type a number or a value.")?;
    }
    if field.key == FieldKey::Numbers {
        p.say(
            "  Paste the numbers on one line, or type @ and the path of a CSV file (@numbers.csv).",
        )?;
    }
    if field.secret {
        p.say(if p.hides_secrets() {
            "  What you type is not shown."
        } else {
            "  What you type is masked in what portwiz prints back."
        })?;
    }
    Ok(())
}

/// Characters of a kept value named in the retry line.
const KEPT_SHOWN: usize = 60;

/// The value the field keeps, as typed (the PIN masked), for the retry line; `None` when empty.
fn kept_value(session: &Session<'_>, field: &FieldSpec) -> Option<String> {
    let fields = &session.order.fields;
    if field.secret {
        return Some(fields.pin.masked().to_string()).filter(|m| !m.is_empty());
    }
    let line = one_line(&fields.get(field.key).to_line());
    let mut shown: String = line.chars().take(KEPT_SHOWN).collect();
    if line.chars().count() > KEPT_SHOWN {
        shown.push('…');
    }
    Some(shown).filter(|s| !s.trim().is_empty())
}

/// The value as it stands, on one line: "(empty)", the PIN masked, long lists shortened.
fn current(session: &Session<'_>, field: &FieldSpec) -> String {
    let fields = &session.order.fields;
    if field.secret {
        return match fields.pin.masked() {
            "" => EMPTY.into(),
            mask => mask.into(),
        };
    }
    if field.key == FieldKey::Numbers && !fields.numbers.is_empty() {
        let shown: Vec<String> = fields
            .numbers
            .iter()
            .take(NUMBERS_SHOWN)
            .map(|n| one_line(n))
            .collect();
        let more = fields.numbers.len().saturating_sub(NUMBERS_SHOWN);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        return format!(
            "{} number(s): {}{tail}",
            fields.numbers.len(),
            shown.join(", ")
        );
    }
    readable_value(field, &fields.get(field.key)).unwrap_or_else(|| EMPTY.into())
}

/// What an answer means for this field; `None` when it was refused here and is asked again.
fn interpret<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    session: &Session<'_>,
    field: &FieldSpec,
    answer: &str,
) -> Result<Option<FieldValue>, super::PlainError> {
    if let Kind::Choice(options) = field.kind {
        if let Ok(n) = answer.parse::<usize>() {
            return match options.get(n.wrapping_sub(1)) {
                Some((value, _)) => Ok(Some(FieldValue::Text((*value).into()))),
                None => {
                    p.say(format!(
                        "  Choose a number from 1 to {}, or type a value.",
                        options.len()
                    ))?;
                    Ok(None)
                }
            };
        }
        // The choice's own parser (in the edit operation) reads keys, labels and aliases.
        return Ok(Some(FieldValue::Text(answer.into())));
    }
    if field.key == FieldKey::Numbers
        && let Some(path) = answer.strip_prefix('@')
    {
        return numbers_from_file(p, session, path.trim());
    }
    Ok(Some(FieldValue::Text(answer.into())))
}

fn numbers_from_file<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    session: &Session<'_>,
    path: &str,
) -> Result<Option<FieldValue>, super::PlainError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            p.say(format!("  Cannot read {path}: {e}."))?;
            return Ok(None);
        }
    };
    match entry::numbers_from_csv(&bytes, &session.order.fields) {
        Ok(import) => {
            for problem in &import.bad_rows {
                p.say(format!("  Error: {}", one_line(problem)))?;
            }
            for repeat in &import.repeats {
                p.say(format!("  Warning: {}", one_line(repeat)))?;
            }
            p.say(format!("  {path}: {}", one_line(&import.summary())))?;
            if import.numbers.is_empty() {
                p.say(
                    "  Nothing was taken from the file. Fix the rows above, or type the numbers.",
                )?;
                return Ok(None);
            }
            Ok(Some(FieldValue::List(import.numbers)))
        }
        Err(e) => {
            p.say(format!("  {path}: {}", one_line(&e.to_string())))?;
            Ok(None)
        }
    }
}
