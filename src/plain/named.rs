//! Which fields the carrier named, asked in plain mode after the classifier's reading, as the
//! response dialog's checklist asks it. Enter keeps the fields the classifier read, `-` none, else
//! numbers from the order's fields or field keys and groups (`reject --fields`'), any mix,
//! separated by commas or spaces. When the classifier is not sure (`domain::classifier::sureness`)
//! it says so, asks which field, and lists the fields the order's country asks, numbered and
//! grouped by the wizard's pages; `?` lists them at any time.

use super::PlainError;
use super::prompt::Prompter;
use crate::cli::rejection::parse_fields;
use crate::domain::classifier::{Classification, sureness};
use crate::domain::export::one_line;
use crate::domain::registry::Step;
use crate::domain::{FIELDS, FieldKey, Order, spec};
use std::io::{BufRead, Write};

/// The question a "not sure" answer asks (the dialog's, for typing): the answer is learned.
pub const WHICH_FIELD: &str = "Which field did the carrier reject? Type its number from the list (several: separated by commas): portwiz learns your answer.";

/// The classifier's reading of the carrier's words: its answer, and where no rule and no example
/// read them, the model's suggestion (shown, never taken without the user).
pub struct Reading<'a> {
    pub answer: &'a Classification,
    pub suggestion: Option<&'a Classification>,
}

impl Reading<'_> {
    fn not_sure(&self) -> bool {
        sureness(self.answer, self.suggestion).not_sure
    }

    /// What a field is to the reading, for the numbered list.
    fn note(&self, key: FieldKey) -> &'static str {
        if self.answer.fields.contains(&key) {
            " (read from the words)"
        } else if self.suggestion.is_some_and(|s| s.fields.contains(&key)) {
            " (the model's suggestion)"
        } else {
            ""
        }
    }
}

/// The fields the carrier named, in registry order; `None` at the end of input.
pub fn fields_named<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    order: &Order,
    reading: &Reading<'_>,
) -> Result<Option<Vec<FieldKey>>, PlainError> {
    let choices = choices(order);
    say_suggestion(p, reading)?;
    if reading.not_sure() {
        p.say(format!("  {WHICH_FIELD}"))?;
        list(p, order, &choices, reading)?;
    }
    let kept = &reading.answer.fields;
    let kept_words = if kept.is_empty() {
        "none".to_string()
    } else {
        kept.iter()
            .map(|k| spec(*k).label_for(&order.fields))
            .collect::<Vec<_>>()
            .join(", ")
    };
    p.say(format!(
        "  Fields the carrier named: Enter keeps {kept_words}; - for none; ? lists the fields by \
         number; or type numbers, field keys or groups (portwiz set --help lists them), \
         separated by commas."
    ))?;
    loop {
        let Some(answer) = p.ask("Fields: ")? else {
            return Ok(None);
        };
        match answer.trim() {
            "" => return Ok(Some(kept.clone())),
            "-" => return Ok(Some(Vec::new())),
            "?" => list(p, order, &choices, reading)?,
            typed => match chosen(typed, &choices) {
                Ok(fields) => return Ok(Some(fields)),
                Err(why) => p.say(format!("  {}", one_line(&why)))?,
            },
        }
    }
}

/// Where no rule read the words, what the model makes of them (the dialog's line beside "Not
/// recognised"); the user decides.
fn say_suggestion<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    reading: &Reading<'_>,
) -> std::io::Result<()> {
    let Some(s) = reading.suggestion.filter(|s| !s.fields.is_empty()) else {
        return Ok(());
    };
    let labels: Vec<&str> = s.fields.iter().map(|k| spec(*k).label).collect();
    let confidence = s.certainty().unwrap_or(0.0);
    let opening = if s.is_sure() {
        "No rule names it, but the model reads it as"
    } else {
        "Not sure: the model suggests"
    };
    p.say(format!(
        "  {opening} {} (confidence {confidence:.2}). It is not taken unless you name it.",
        labels.join(", ")
    ))
}

/// The fields the order's country asks, in the order of its wizard's pages (the numbers typed).
fn choices(order: &Order) -> Vec<FieldKey> {
    let route = order.fields.route();
    Step::pages(route)
        .iter()
        .flat_map(|step| {
            FIELDS
                .iter()
                .filter(move |f| f.step_on(route) == *step && f.asked(&order.fields))
                .map(|f| f.key)
        })
        .collect()
}

/// The numbered list, a heading for each of the wizard's pages.
fn list<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    order: &Order,
    choices: &[FieldKey],
    reading: &Reading<'_>,
) -> std::io::Result<()> {
    let mut page = None;
    for (n, key) in choices.iter().enumerate() {
        let step = spec(*key).step_on(order.fields.route());
        if page != Some(step) {
            p.say(format!("  {}:", step.title()))?;
            page = Some(step);
        }
        p.say(format!(
            "    {}) {}{}",
            n + 1,
            spec(*key).label_for(&order.fields),
            reading.note(*key)
        ))?;
    }
    Ok(())
}

/// The fields typed: numbers of `choices`, field keys or groups; in registry order, once each.
fn chosen(typed: &str, choices: &[FieldKey]) -> Result<Vec<FieldKey>, String> {
    let mut fields = Vec::new();
    for word in typed.split([',', ' ', ';']).filter(|w| !w.is_empty()) {
        match word.parse::<usize>() {
            Ok(n) if (1..=choices.len()).contains(&n) => fields.push(choices[n - 1]),
            Ok(_) => {
                return Err(format!(
                    "{word} is not on the list: type a number from 1 to {} (? lists them).",
                    choices.len()
                ));
            }
            Err(_) => fields
                .extend(parse_fields(&[word.to_string()]).map_err(|why| why.lines().join(" "))?),
        }
    }
    fields.sort();
    fields.dedup();
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keys_and_groups_mix_and_come_out_in_registry_order_once() {
        let choices = [FieldKey::Numbers, FieldKey::Pin, FieldKey::AccountNumber];
        assert_eq!(
            chosen("2, 3 pin", &choices),
            Ok(vec![FieldKey::AccountNumber, FieldKey::Pin])
        );
        assert!(chosen("4", &choices).is_err_and(|e| e.contains("from 1 to 3")));
        assert!(chosen("0", &choices).is_err());
        assert!(chosen("not_a_field", &choices).is_err_and(|e| e.contains("not a field key")));
    }
}
