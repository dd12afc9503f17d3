//! The order's journal: dated notes the user keeps beside the order (a call with the carrier, a
//! comment on the Service Center case). A note is a history entry of its own kind
//! (`Event::Note`), so it is dated, ordered and merged like the rest of the story, and exports
//! and imports with it: one place, no second list to keep in step.

use super::history::{Event, HistoryEntry};
use super::order::{Order, Refusal};
use super::rules::text::thousands;
use jiff::Timestamp;

/// The longest note kept, in characters: room for a pasted case comment, far under the store's
/// file cap.
pub const NOTE_LIMIT: usize = 4_000;

/// The most notes one order keeps: with [`NOTE_LIMIT`] an order's journal stays within 2 MB of
/// text (the store reads files up to 16 MiB).
pub const NOTES_PER_ORDER: usize = 500;

/// A note as it is stored: cleaned as a field value is (no escape sequence, control, bidi or
/// zero-width character; one line), trimmed; refused when empty or over [`NOTE_LIMIT`].
pub fn note_text(raw: &str) -> Result<String, Refusal> {
    let note = super::sanitize::value_text(raw).trim().to_string();
    if note.is_empty() {
        return Err(Refusal::new(
            "A note needs some text (what was said, by whom); nothing was recorded.",
        ));
    }
    let count = note.chars().count();
    if count > NOTE_LIMIT {
        return Err(Refusal::new(format!(
            "A note takes at most {} characters (this one has {}); nothing was recorded.",
            thousands(NOTE_LIMIT),
            thousands(count)
        )));
    }
    Ok(note)
}

impl Order {
    /// Add a dated note to the journal, in any status (a call after the port is still worth
    /// keeping). Returns the note as stored.
    pub fn add_note(&mut self, raw: &str, now: Timestamp) -> Result<String, Refusal> {
        let note = note_text(raw)?;
        if self.notes().count() >= NOTES_PER_ORDER {
            return Err(Refusal::new(format!(
                "Order {} already has {NOTES_PER_ORDER} notes, the most one order keeps; \
                 nothing was recorded. Keep longer records outside portwiz.",
                self.id
            )));
        }
        self.record(now, Event::Note, None, note.clone(), Vec::new());
        Ok(note)
    }

    /// The journal's notes, oldest first.
    pub fn notes(&self) -> impl Iterator<Item = &HistoryEntry> {
        self.history.iter().filter(|h| h.event == Event::Note)
    }
}

/// The notes as outputs without a local zone write them (the text export, the hand-off): one
/// line each, "2026-12-06 15:04 UTC  Called Contoso: freeze lifted", oldest first.
pub fn dated_notes(order: &Order) -> Vec<String> {
    order
        .notes()
        .map(|n| format!("{}  {}", n.at.strftime("%Y-%m-%d %H:%M UTC"), n.note))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::Status;
    use crate::domain::test_orders::{complete_order, day};

    #[test]
    fn a_note_is_dated_cleaned_and_kept_in_the_story() {
        let mut order = complete_order("PO-NOTE", "Contoso", 0);
        let stored = order
            .add_note(
                " Called\u{1b}[2J Contoso:\n\tfreeze lifted\u{202e} ",
                day(1).now,
            )
            .unwrap();
        assert_eq!(stored, "Called Contoso:  freeze lifted");
        let notes: Vec<_> = order.notes().collect();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].at, day(1).now);
        assert_eq!(notes[0].note, stored);
        assert_eq!(order.updated_at, day(1).now);
        // A note changes no status.
        assert_eq!(order.status, Status::Draft);
    }

    #[test]
    fn an_empty_or_over_long_note_is_refused_and_nothing_changes() {
        let mut order = complete_order("PO-NOTE", "Contoso", 0);
        let before = order.clone();
        assert!(order.add_note(" \u{7} ", day(1).now).is_err());
        let refusal = order
            .add_note(&"n".repeat(NOTE_LIMIT + 1), day(1).now)
            .unwrap_err();
        assert!(refusal.reasons[0].contains("4,000"), "{refusal:?}");
        assert_eq!(order, before);
        assert!(order.add_note(&"n".repeat(NOTE_LIMIT), day(1).now).is_ok());
    }

    #[test]
    fn an_order_keeps_at_most_its_cap_of_notes() {
        let mut order = complete_order("PO-NOTE", "Contoso", 0);
        for i in 0..NOTES_PER_ORDER {
            order.add_note(&format!("note {i}"), day(1).now).unwrap();
        }
        let refusal = order.add_note("one more", day(2).now).unwrap_err();
        assert!(refusal.reasons[0].contains("500 notes"), "{refusal:?}");
        assert_eq!(order.notes().count(), NOTES_PER_ORDER);
    }

    #[test]
    fn a_cancelled_order_still_takes_a_note() {
        let mut order = complete_order("PO-NOTE", "Contoso", 0);
        order.cancel(day(1).now).unwrap();
        assert!(order.add_note("Customer asked why", day(2).now).is_ok());
    }
}
