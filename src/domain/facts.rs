//! Facts about an order that screens and commands show: how far it got, what came of each
//! rejection, how long it has waited on the user, what each history entry adds to its event.
//! They are worked out from the structured history (events, statuses, changes) and the
//! rejections, never from the words of the notes; front ends only format them.

use super::history::{Change, Event, HistoryEntry};
use super::key::FieldKey;
use super::order::{Order, Rejection};
use super::registry::csr_fields;
use super::registry::spec;
use super::status::{Status, overdue_days};
use jiff::Timestamp;
use std::fmt;

/// The stages of the progress line, in order: rejections happen between Submitted and FOC
/// confirmed, cancellation can end it at any stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Draft,
    Submitted,
    FocConfirmed,
    Completed,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Draft,
        Stage::Submitted,
        Stage::FocConfirmed,
        Stage::Completed,
    ];

    /// The status that names the stage.
    pub const fn status(self) -> Status {
        match self {
            Stage::Draft => Status::Draft,
            Stage::Submitted => Status::Submitted,
            Stage::FocConfirmed => Status::FocConfirmed,
            Stage::Completed => Status::Completed,
        }
    }

    /// The stage a status belongs to; `None` for cancelled, which ends whichever stage it left.
    const fn of(status: Status) -> Option<Stage> {
        match status {
            Status::Draft => Some(Stage::Draft),
            Status::Submitted | Status::CustomerActionRequired | Status::SupportEngaged => {
                Some(Stage::Submitted)
            }
            Status::FocConfirmed => Some(Stage::FocConfirmed),
            Status::Completed => Some(Stage::Completed),
            Status::Cancelled => None,
        }
    }
}

/// Where a stage stands for an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Done,
    Current,
    Ahead,
}

/// How far an order got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The furthest stage: the current one, or for a cancelled order the last it was in.
    pub reached: Stage,
    /// Completed or cancelled: the reached stage is over too.
    pub finished: bool,
    pub cancelled: bool,
    /// How many times the carrier rejected it.
    pub rejections: usize,
    /// How many times Microsoft support took it over.
    pub support: usize,
}

impl Progress {
    pub fn mark(&self, stage: Stage) -> Mark {
        if stage < self.reached || (stage == self.reached && self.finished) {
            Mark::Done
        } else if stage == self.reached {
            Mark::Current
        } else {
            Mark::Ahead
        }
    }
}

pub fn progress(order: &Order) -> Progress {
    let reached = Stage::of(order.status).unwrap_or_else(|| {
        // Cancelled: the furthest stage any transition left.
        order
            .history
            .iter()
            .filter_map(|h| h.from.and_then(Stage::of))
            .max()
            .unwrap_or(Stage::Draft)
    });
    Progress {
        reached,
        finished: order.status.is_final(),
        cancelled: order.status == Status::Cancelled,
        rejections: order.rejections.len(),
        support: order
            .history
            .iter()
            .filter(|h| h.event == Event::SupportEngaged)
            .count(),
    }
}

/// A moment as a person reads it where they are: "2026-11-12 10:00" in `zone`.
pub fn local_time(at: Timestamp, zone: &jiff::tz::TimeZone) -> String {
    at.to_zoned(zone.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// The zone's name, for a heading over local times: "America/Los_Angeles", "UTC"; a zone
/// without a name says its abbreviation or offset at `at`.
pub fn zone_name(zone: &jiff::tz::TimeZone, at: Timestamp) -> String {
    match zone.iana_name() {
        Some(name) => name.to_string(),
        None => at.to_zoned(zone.clone()).strftime("%Z").to_string(),
    }
}

/// What came of one rejection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RejectionOutcome {
    /// The user changed these fields, then resubmitted.
    Changed(Vec<Change>),
    /// The user resubmitted without changing anything (a freeze lifted on the carrier's side).
    ResubmittedUnchanged,
    /// The order left customer action required without the user resubmitting: this event
    /// (Microsoft support took it over, it was cancelled, ...).
    LeftBy(Event),
    /// The latest rejection, still waiting on the user.
    Waiting,
    /// Nothing after it is recorded (an order from before the history kept transitions).
    Unknown,
}

/// In words, for a person: what the user did about the rejection. Values are as stored; a
/// front end cleans the text before it reaches a terminal.
impl fmt::Display for RejectionOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RejectionOutcome::Changed(changes) => {
                let quoted = |v: &str| match v.trim() {
                    "" => "(empty)".to_string(),
                    v => format!("“{v}”"),
                };
                let changes: Vec<String> = (changes.iter())
                    .map(|c| {
                        let label = spec(c.key).label;
                        format!("{label} {} → {}", quoted(&c.from), quoted(&c.to))
                    })
                    .collect();
                write!(f, "Changed before resubmitting: {}", changes.join("; "))
            }
            RejectionOutcome::ResubmittedUnchanged => f.write_str("Resubmitted without changes."),
            RejectionOutcome::LeftBy(event) => {
                write!(f, "Not resubmitted by you; then: {}.", event.label())
            }
            RejectionOutcome::Waiting => f.write_str("Not resubmitted yet."),
            RejectionOutcome::Unknown => f.write_str("No resubmission recorded."),
        }
    }
}

/// What came of each rejection, oldest first (one per `order.rejections`).
pub fn rejection_outcomes(order: &Order) -> Vec<RejectionOutcome> {
    let entries = rejection_entries(order);
    // Where each rejection sits in the history: its entry, or where its entry would be.
    let place = |i: usize| match (entries.get(i), order.rejections.get(i)) {
        (Some(Some(entry)), _) => *entry,
        (_, Some(r)) => order.history.partition_point(|h| h.at < r.at),
        _ => order.history.len(),
    };
    let last = order.rejections.len().saturating_sub(1);
    (order.rejections.iter().enumerate())
        .map(|(i, rejection)| {
            if !rejection.changes_before_resubmit.is_empty() {
                return RejectionOutcome::Changed(rejection.changes_before_resubmit.clone());
            }
            let start = place(i) + usize::from(entries[i].is_some());
            let end = place(i + 1).max(start);
            let window = order.history.get(start..end).unwrap_or_default();
            let left = |h: &&HistoryEntry| h.from == Some(Status::CustomerActionRequired);
            let resubmitted = (window.iter().filter(left)).find(|h| h.event == Event::Resubmitted);
            match (resubmitted, window.iter().find(left)) {
                (Some(entry), _) if !entry.changes.is_empty() => {
                    RejectionOutcome::Changed(entry.changes.clone())
                }
                (Some(_), _) => RejectionOutcome::ResubmittedUnchanged,
                (None, Some(exit)) => RejectionOutcome::LeftBy(exit.event),
                (None, None) if i == last && order.status == Status::CustomerActionRequired => {
                    RejectionOutcome::Waiting
                }
                (None, None) => RejectionOutcome::Unknown,
            }
        })
        .collect()
}

/// For each rejection, the index of the history entry that recorded it. Recording a rejection
/// adds both at once, so the n-th `Rejected` entry is the n-th rejection; when the two lists
/// disagree (a hand-made file), a rejection has the `Rejected` entry of its instant, if any.
fn rejection_entries(order: &Order) -> Vec<Option<usize>> {
    let rejected: Vec<usize> = (order.history.iter().enumerate())
        .filter(|(_, h)| h.event == Event::Rejected)
        .map(|(i, _)| i)
        .collect();
    if rejected.len() == order.rejections.len() {
        return rejected.into_iter().map(Some).collect();
    }
    (order.rejections.iter())
        .map(|r| {
            rejected
                .iter()
                .copied()
                .find(|&i| order.history[i].at == r.at)
        })
        .collect()
}

/// Whether a rejection names a field the carrier's Customer Service Record holds: comparing
/// with the CSR is then the way to the right value.
pub fn concerns_the_csr(rejection: &Rejection) -> bool {
    csr_fields().any(|f| rejection.fields.contains(&f.key))
}

/// What a history entry adds to its event's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail<'a> {
    /// Nothing: the event says it all.
    Nothing,
    /// A rejection: the fields the carrier named (none: it named no field).
    RejectedFields(&'a [FieldKey]),
    /// The domain's words for it.
    Note(&'a str),
}

/// Each history entry with what it adds to its event, oldest first.
pub fn timeline(order: &Order) -> Vec<(&HistoryEntry, Detail<'_>)> {
    let mut fields_at = vec![None; order.history.len()];
    for (rejection, entry) in order.rejections.iter().zip(rejection_entries(order)) {
        if let Some(i) = entry {
            fields_at[i] = Some(rejection.fields.as_slice());
        }
    }
    (order.history.iter().zip(fields_at))
        .map(|(entry, fields)| {
            let detail = match (entry.event, fields) {
                (Event::Rejected, Some(fields)) => Detail::RejectedFields(fields),
                (Event::Cancelled, _) => Detail::Nothing,
                _ if entry.note.trim().is_empty() => Detail::Nothing,
                _ => Detail::Note(&entry.note),
            };
            (entry, detail)
        })
        .collect()
}

/// Days the order has waited on the user, once it is overdue (more than
/// [`super::status::OVERDUE_DAYS`] in customer action required); `None` otherwise.
pub fn days_overdue(order: &Order, now: Timestamp) -> Option<i64> {
    overdue_days(order.status, order.in_status_since(), now)
}

#[cfg(test)]
mod tests;
