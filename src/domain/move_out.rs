//! The order's numbers one by one: the numbers a rejection marked (`domain::number_marks`), and
//! moving them out into a draft of their own, so the rest of the order can be resubmitted
//! without them. Both orders' histories say what moved and link each other by id.

use super::edit::{Mode, TEXT_LIMIT, Visit};
use super::fields::FieldValue;
use super::history::Event;
use super::key::FieldKey;
use super::number_marks::{NamedNumber, NumberMark, named_among};
use super::order::{Clock, Order, Refusal};
use super::rules::parse_numbers;
use jiff::Timestamp;

/// The most numbers a history note spells out; more are counted.
const NUMBERS_IN_NOTE: usize = 5;

/// `+1…, +1… and 3 more`.
pub fn numbers_in_words(numbers: &[String]) -> String {
    let shown: Vec<&str> = numbers
        .iter()
        .take(NUMBERS_IN_NOTE)
        .map(String::as_str)
        .collect();
    let more = numbers.len().saturating_sub(NUMBERS_IN_NOTE);
    if more == 0 {
        shown.join(", ")
    } else {
        format!("{} and {more} more", shown.join(", "))
    }
}

impl Order {
    /// The numbers of this order that `text` (a carrier's rejection) names with a problem.
    pub fn numbers_named_in(&self, text: &str) -> Vec<NamedNumber> {
        named_among(text, self.fields.rules_country(), &self.fields.numbers)
    }

    /// Mark the numbers a rejection named (a number marked before takes the newer words).
    pub(super) fn mark_numbers(&mut self, named: &[NamedNumber], at: Timestamp) {
        for n in named {
            self.number_marks.insert(
                n.number.clone(),
                NumberMark {
                    problem: n.problem,
                    words: n.words.clone(),
                    at,
                },
            );
        }
    }

    /// The marks of the numbers still on the order, in the order's order of numbers.
    pub fn marked_numbers(&self) -> Vec<(&str, &NumberMark)> {
        if self.number_marks.is_empty() {
            return Vec::new();
        }
        self.fields
            .numbers
            .iter()
            .filter_map(|n| self.number_marks.get(n).map(|m| (n.as_str(), m)))
            .collect()
    }

    /// The numbers of this order that `raw` names (written any way the numbers field takes);
    /// none named: every marked number. Refused when a name is no number of the order, or when
    /// nothing is named and nothing is marked.
    pub fn numbers_to_move(&self, raw: &[String]) -> Result<Vec<String>, Refusal> {
        if raw.iter().all(|r| r.trim().is_empty()) {
            let marked: Vec<String> = self
                .marked_numbers()
                .into_iter()
                .map(|(n, _)| n.to_string())
                .collect();
            if marked.is_empty() {
                return Err(Refusal::new(format!(
                    "No number of order {} is marked by the carrier; name the numbers to move \
                     out.",
                    self.id
                )));
            }
            return Ok(marked);
        }
        let report = parse_numbers(&raw.join("\n"), self.fields.rules_country(), None);
        let mut chosen = Vec::new();
        let mut reasons = Vec::new();
        for entry in report.entries {
            match entry.e164 {
                Some(n) if self.fields.numbers.contains(&n) => {
                    if !chosen.contains(&n) {
                        chosen.push(n);
                    }
                }
                Some(n) => reasons.push(format!("{n} is not a number of order {}.", self.id)),
                None => reasons.push(
                    entry
                        .message()
                        .unwrap_or_else(|| format!("{} is not a phone number.", entry.raw)),
                ),
            }
        }
        if reasons.is_empty() {
            Ok(chosen)
        } else {
            Err(Refusal { reasons })
        }
    }

    /// Move `numbers` (of this order, in E.164) out into a new draft `id`: the draft has this
    /// order's fields with those numbers (and their usages and marks) only; this order keeps the
    /// rest, in its status, so it can be resubmitted. Both histories name the other order.
    /// Refused unless this order can be edited, and when no number, or every number, would move.
    pub fn move_out(
        &mut self,
        numbers: &[String],
        id: String,
        clock: Clock,
    ) -> Result<Order, Refusal> {
        self.ensure_editable()?;
        if numbers.is_empty() {
            return Err(Refusal::new("No number to move out was named."));
        }
        let (moving, staying): (Vec<String>, Vec<String>) = self
            .fields
            .numbers
            .iter()
            .cloned()
            .partition(|n| numbers.contains(n));
        if let Some(stranger) = numbers.iter().find(|n| !moving.contains(n)) {
            return Err(Refusal::new(format!(
                "{stranger} is not a number of order {}.",
                self.id
            )));
        }
        if staying.is_empty() {
            return Err(Refusal::new(format!(
                "That would move every number of order {} out, leaving it empty; edit the \
                 order itself instead (u on its page, or `portwiz set`).",
                self.id
            )));
        }
        let mut draft = self.draft_of(&moving, id, clock.now);
        let moved = numbers_in_words(&moving);
        let (usages_moving, usages_staying) = usages_of(&self.fields.number_usage, &moving);
        draft.fields.number_usage = usages_moving;
        let mut edits = vec![(FieldKey::Numbers, FieldValue::List(staying))];
        if !self.fields.number_usage.is_empty() {
            edits.push((FieldKey::NumberUsage, FieldValue::List(usages_staying)));
        }
        self.edit_fields(&mut Visit::new(), edits, clock, Mode::KeepDraft)?;
        if let Some(entry) = self.history.last_mut().filter(|e| e.event == Event::Edited) {
            entry.note = format!(
                "Moved {} number(s) out to the new draft {}: {moved}",
                moving.len(),
                draft.id
            );
        }
        for n in &moving {
            self.number_marks.remove(n);
        }
        Ok(draft)
    }

    /// A draft of this order's fields with `moving` as its numbers, carrying their marks.
    fn draft_of(&self, moving: &[String], id: String, now: Timestamp) -> Order {
        let mut draft = self.copy_as_draft(id, now);
        draft.fields.numbers = moving.to_vec();
        let mut name = format!("{} (moved out)", self.display_name());
        if name.chars().count() > TEXT_LIMIT {
            name = name.chars().take(TEXT_LIMIT).collect();
        }
        draft.fields.order_name = name;
        for n in moving {
            if let Some(mark) = self.number_marks.get(n) {
                draft.number_marks.insert(n.clone(), mark.clone());
            }
        }
        if let Some(created) = draft.history.first_mut() {
            created.note = format!(
                "Draft of {} number(s) moved out of {} (the carrier's words on each kept): {}",
                moving.len(),
                self.id,
                numbers_in_words(moving)
            );
        }
        draft
    }
}

/// The usage items (`+NUMBER usage`) of the numbers moving, and those of the rest.
fn usages_of(items: &[String], moving: &[String]) -> (Vec<String>, Vec<String>) {
    items.iter().cloned().partition(|item| {
        item.split_whitespace()
            .next()
            .is_some_and(|n| moving.iter().any(|m| m == n))
    })
}

#[cfg(test)]
mod tests;
