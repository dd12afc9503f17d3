//! The story of an order: every transition and every edit, with its time and what changed.

use super::key::FieldKey;
use super::registry::spec;
use super::secret::MASK;
use super::status::Status;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

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
