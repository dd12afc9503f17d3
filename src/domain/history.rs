//! The story of an order: every transition and every edit, with its time and what changed.

use super::key::FieldKey;
use super::registry::spec;
use super::secret::MASK;
use super::status::Status;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Equality ignores whether an entry is signed yet (`by` is compared only when both are
/// signed): the store signs the copy it saves, while the window that made the entry may still
/// hold it unsigned, and a merge must see the two as the same entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: Timestamp,
    pub event: Event,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Status>,
    /// What happened, in words.
    #[serde(default)]
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    /// The wizard visit an "edited" entry tells (its id): the visit updates its own entry
    /// wherever it stands, and a merge of two windows takes each visit's entry from the window
    /// that made it, so a visit stays one entry however often either window saves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<String>,
    /// Who made the entry (docs/storage.md): `None` until the store saves it and
    /// signs it with the author of that save (`sign`); an entry of a file written before authors
    /// were kept reads as `Some("")`, unknown, and stays so. Cleaned and capped on the way in, as
    /// any text from a file.
    #[serde(
        default = "unknown_author",
        deserialize_with = "read_author",
        skip_serializing_if = "is_unsigned_or_unknown"
    )]
    pub by: Option<String>,
}

/// Longest author name kept, in bytes (a git `user.name` is free text).
pub const AUTHOR_MAX: usize = 100;

/// An author's name as it is stored: one clean line, at most [`AUTHOR_MAX`] bytes.
pub fn author_text(name: &str) -> String {
    let mut name = super::sanitize::value_text(name).trim().to_string();
    super::sanitize::cut_to(&mut name, AUTHOR_MAX);
    name.trim_end().to_string()
}

fn unknown_author() -> Option<String> {
    Some(String::new())
}

fn read_author<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let name: Option<String> = Option::deserialize(d)?;
    Ok(Some(name.as_deref().map(author_text).unwrap_or_default()))
}

fn is_unsigned_or_unknown(by: &Option<String>) -> bool {
    by.as_deref().is_none_or(str::is_empty)
}

impl HistoryEntry {
    /// An entry of `event` at `at`, with no status change, note or changes, not yet signed.
    pub fn new(at: Timestamp, event: Event) -> HistoryEntry {
        HistoryEntry {
            at,
            event,
            from: None,
            to: None,
            note: String::new(),
            changes: Vec::new(),
            visit: None,
            by: None,
        }
    }

    /// Who made it, when known.
    pub fn author(&self) -> Option<&str> {
        self.by.as_deref().filter(|b| !b.is_empty())
    }
}

/// Sign every entry not signed yet with `author` (the store does it as it saves): entries read
/// from a file keep theirs, so a merge keeps each side's author.
pub fn sign(history: &mut [HistoryEntry], author: &str) {
    let author = author_text(author);
    for entry in history.iter_mut().filter(|e| e.by.is_none()) {
        entry.by = Some(author.clone());
    }
}

impl PartialEq for HistoryEntry {
    fn eq(&self, other: &Self) -> bool {
        let same_author = match (&self.by, &other.by) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        same_author
            && self.at == other.at
            && self.event == other.event
            && self.from == other.from
            && self.to == other.to
            && self.note == other.note
            && self.changes == other.changes
            && self.visit == other.visit
    }
}

impl Eq for HistoryEntry {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    Created,
    Imported,
    Edited,
    Submitted,
    Rejected,
    Resubmitted,
    FocConfirmed,
    Completed,
    SupportEngaged,
    Ticket,
    Cancelled,
    CsrRecorded,
    /// A note in the order's journal (`domain::journal`): the text is the entry's `note`.
    Note,
    /// The tenant's number export was compared with the order (`portwiz reconcile --apply`).
    TeamsChecked,
    /// The assignment plan changed (`domain::assign`): who the numbers go to in Teams.
    Assigned,
}

impl Event {
    pub const fn label(self) -> &'static str {
        match self {
            Event::Created => "Created",
            Event::Imported => "Imported",
            Event::Edited => "Edited",
            Event::Submitted => "Submitted",
            Event::Rejected => "Rejected by carrier",
            Event::Resubmitted => "Resubmitted",
            Event::FocConfirmed => "FOC confirmed",
            Event::Completed => "Completed",
            Event::SupportEngaged => "Microsoft support engaged",
            Event::Ticket => "Support ticket",
            Event::Cancelled => "Cancelled",
            Event::CsrRecorded => "CSR recorded",
            Event::Note => "Note",
            Event::TeamsChecked => "Checked against Teams",
            Event::Assigned => "Numbers assigned",
        }
    }
}

/// One field changed: from and to as shown to users (the PIN is never kept in clear here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub key: FieldKey,
    pub from: String,
    pub to: String,
}

impl Change {
    /// A change with secret values replaced by a mask, so history never holds the PIN.
    pub fn new(key: FieldKey, from: &str, to: &str) -> Self {
        if spec(key).secret {
            let mask = |v: &str| {
                if v.trim().is_empty() {
                    String::new()
                } else {
                    MASK.to_string()
                }
            };
            let to_mask = if from != to && !to.trim().is_empty() && !from.trim().is_empty() {
                format!("{MASK} (changed)")
            } else {
                mask(to)
            };
            Change {
                key,
                from: mask(from),
                to: to_mask,
            }
        } else {
            Change {
                key,
                from: from.to_string(),
                to: to.to_string(),
            }
        }
    }
}

impl Change {
    /// This change followed by `later` (of the same field), as one: from this one's `from` to
    /// the later `to`; `None` when the field is back where it started. A secret's values are
    /// masks, so a secret set back to its old value still reads as changed.
    pub fn then(&self, later: &Change) -> Option<Change> {
        let to = if spec(self.key).secret && !later.to.is_empty() {
            if self.from.is_empty() {
                MASK.to_string()
            } else {
                format!("{MASK} (changed)")
            }
        } else {
            later.to.clone()
        };
        (self.from != to).then(|| Change {
            key: self.key,
            from: self.from.clone(),
            to,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_change_never_holds_the_pin() {
        let change = Change::new(FieldKey::Pin, "1111", "2222");
        let json = serde_json::to_string(&change).unwrap_or_default();
        assert!(!json.contains("1111") && !json.contains("2222"), "{json}");
        assert!(change.to.contains("changed"));
        let plain = Change::new(FieldKey::AccountNumber, "1", "2");
        assert_eq!((plain.from.as_str(), plain.to.as_str()), ("1", "2"));
    }
}

#[cfg(test)]
mod author_tests {
    use super::*;

    fn entry_json(by: &str) -> String {
        format!(r#"{{"at":"2026-12-01T10:00:00Z","event":"edited","note":"x"{by}}}"#)
    }

    #[test]
    fn an_old_entry_without_an_author_reads_as_unknown_and_stays_unknown() {
        let old: HistoryEntry =
            serde_json::from_str(&entry_json("")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(old.author(), None);
        let mut history = vec![
            old,
            HistoryEntry::new(Timestamp::UNIX_EPOCH, Event::Submitted),
        ];
        sign(&mut history, "Alice");
        assert_eq!(history[0].author(), None, "an old entry is not claimed");
        assert_eq!(history[1].author(), Some("Alice"));
        let json = serde_json::to_string(&history).unwrap_or_default();
        assert_eq!(json.matches("\"by\"").count(), 1, "{json}");
        let back: Vec<HistoryEntry> = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back[1].author(), Some("Alice"));
        assert_eq!(back[0].author(), None);
    }

    #[test]
    fn an_author_from_a_file_is_cleaned_and_capped() {
        let hostile = format!(r#","by":"Eve\u001b]52;c;aGk=\u0007{}""#, "x".repeat(300));
        let entry: HistoryEntry =
            serde_json::from_str(&entry_json(&hostile)).unwrap_or_else(|e| panic!("{e}"));
        let by = entry.author().unwrap_or_default();
        assert!(by.starts_with("Eve") && !by.contains('\u{1b}'), "{by:?}");
        assert!(by.len() <= AUTHOR_MAX, "{}", by.len());
        let null: HistoryEntry =
            serde_json::from_str(&entry_json(r#","by":null"#)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(null.author(), None);
    }

    #[test]
    fn an_unsigned_entry_is_the_same_entry_once_signed() {
        let unsigned = HistoryEntry::new(Timestamp::UNIX_EPOCH, Event::Edited);
        let mut signed = vec![unsigned.clone()];
        sign(&mut signed, "Alice");
        assert_eq!(unsigned, signed[0]);
        let mut other = vec![unsigned.clone()];
        sign(&mut other, "Bob");
        assert_ne!(signed[0], other[0]);
    }
}
