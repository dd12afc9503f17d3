//! Order statuses and the transitions between them (docs/field-keys.md).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Submitted,
    CustomerActionRequired,
    SupportEngaged,
    FocConfirmed,
    Completed,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::Submitted,
        Status::CustomerActionRequired,
        Status::SupportEngaged,
        Status::FocConfirmed,
        Status::Completed,
        Status::Cancelled,
    ];

    /// The stable key used in files and on the command line.
    pub const fn key(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::CustomerActionRequired => "customer_action_required",
            Status::SupportEngaged => "support_engaged",
            Status::FocConfirmed => "foc_confirmed",
            Status::Completed => "completed",
            Status::Cancelled => "cancelled",
        }
    }

    /// The label Teams shows.
    pub const fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Submitted => "Submitted",
            Status::CustomerActionRequired => "Customer action required",
            Status::SupportEngaged => "Microsoft support engaged",
            Status::FocConfirmed => "FOC confirmed",
            Status::Completed => "Completed",
            Status::Cancelled => "Cancelled",
        }
    }

    /// A symbol that carries the status without colour.
    pub const fn symbol(self) -> &'static str {
        match self {
            Status::Draft => "✎",
            Status::Submitted => "→",
            Status::CustomerActionRequired => "!",
            Status::SupportEngaged => "☎",
            Status::FocConfirmed => "◷",
            Status::Completed => "✓",
            Status::Cancelled => "✗",
        }
    }

    /// One sentence: what this status means and what the user may do now.
    pub const fn meaning(self) -> &'static str {
        match self {
            Status::Draft => {
                "Not submitted yet. Complete every field, enter the order in the Teams admin center (the hand-off lists each value) and record it as submitted."
            }
            Status::Submitted => {
                "Submitted in the Teams admin center; the current carrier answers within days (an order names its country's usual time). Record its answer when it arrives."
            }
            Status::CustomerActionRequired => {
                "The current carrier rejected the order. Update the fields it named and resubmit."
            }
            Status::SupportEngaged => {
                "Microsoft support is working on this order. Nothing to do: support will contact you."
            }
            Status::FocConfirmed => {
                "The carrier committed to a port date (FOC). The numbers move on that date; no cancellation within 24 hours of it."
            }
            Status::Completed => "The numbers have ported. Nothing more to do.",
            Status::Cancelled => {
                "The order was cancelled. Start a new order to port these numbers."
            }
        }
    }

    /// Drafts to finish and rejected orders to fix: the app's "Waiting on you" filter and
    /// `list --status "waiting on you"`.
    pub const fn waits_on_user(self) -> bool {
        matches!(self, Status::Draft | Status::CustomerActionRequired)
    }

    pub const fn is_final(self) -> bool {
        matches!(self, Status::Completed | Status::Cancelled)
    }

    /// The fields can be changed only in a draft or after a rejection.
    pub const fn is_editable(self) -> bool {
        matches!(self, Status::Draft | Status::CustomerActionRequired)
    }

    /// Whether the lifecycle allows going from `self` to `to` (the 24-hour FOC rule for
    /// cancellation depends on the clock and is checked by the order).
    pub fn can_go_to(self, to: Status) -> bool {
        use Status::*;
        match (self, to) {
            (from, Cancelled) => !from.is_final(),
            (Draft, Submitted) => true,
            (Submitted, CustomerActionRequired) => true,
            (CustomerActionRequired, Submitted) => true,
            (Submitted, FocConfirmed) => true,
            (FocConfirmed, Completed) => true,
            (FocConfirmed, CustomerActionRequired) => true,
            (Submitted | CustomerActionRequired | FocConfirmed, SupportEngaged) => true,
            (SupportEngaged, Submitted | CustomerActionRequired | FocConfirmed) => true,
            _ => false,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown status `{0}` (one of: draft, submitted, customer_action_required, support_engaged, foc_confirmed, completed, cancelled, or \"waiting on you\": drafts and rejected orders)"
)]
pub struct UnknownStatus(pub String);

impl FromStr for Status {
    type Err = UnknownStatus;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Status::ALL
            .into_iter()
            .find(|st| {
                st.key() == wanted || st.label().to_ascii_lowercase().replace(' ', "_") == wanted
            })
            .ok_or_else(|| UnknownStatus(s.to_string()))
    }
}

/// Which orders a list shows by their status: the app's `f` and `list --status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    /// Drafts to finish and rejected orders to fix.
    WaitingOnYou,
    Only(Status),
}

impl StatusFilter {
    /// The filter after this one, as `f` cycles: all, waiting on you, each status, all again.
    pub fn next(self) -> StatusFilter {
        match self {
            StatusFilter::All => StatusFilter::WaitingOnYou,
            StatusFilter::WaitingOnYou => StatusFilter::Only(Status::ALL[0]),
            StatusFilter::Only(s) => match Status::ALL.iter().position(|x| *x == s) {
                Some(i) if i + 1 < Status::ALL.len() => StatusFilter::Only(Status::ALL[i + 1]),
                _ => StatusFilter::All,
            },
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "All",
            StatusFilter::WaitingOnYou => "Waiting on you",
            StatusFilter::Only(s) => s.label(),
        }
    }

    pub fn accepts(self, status: Status) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::WaitingOnYou => status.waits_on_user(),
            StatusFilter::Only(s) => s == status,
        }
    }
}

/// `list --status S`: a status by its key or label, or "waiting on you" (any case, `_` or `-`
/// for spaces).
impl FromStr for StatusFilter {
    type Err = UnknownStatus;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().to_lowercase().replace(['_', '-'], " ") == "waiting on you" {
            return Ok(StatusFilter::WaitingOnYou);
        }
        s.parse().map(StatusFilter::Only)
    }
}

/// Why Microsoft support is engaged: the four scenarios of the seed article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportScenario {
    RequestedHelp,
    ReviewBeforeSubmission,
    ResubmitAfterRejection,
    SubmissionError,
}

impl SupportScenario {
    pub const ALL: [SupportScenario; 4] = [
        SupportScenario::RequestedHelp,
        SupportScenario::ReviewBeforeSubmission,
        SupportScenario::ResubmitAfterRejection,
        SupportScenario::SubmissionError,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            SupportScenario::RequestedHelp => "requested_help",
            SupportScenario::ReviewBeforeSubmission => "review_before_submission",
            SupportScenario::ResubmitAfterRejection => "resubmit_after_rejection",
            SupportScenario::SubmissionError => "submission_error",
        }
    }

    pub const fn description(self) -> &'static str {
        match self {
            SupportScenario::RequestedHelp => "You asked Microsoft for more help with this order.",
            SupportScenario::ReviewBeforeSubmission => {
                "The order needs a review by Microsoft support before it is submitted."
            }
            SupportScenario::ResubmitAfterRejection => {
                "The carrier rejected the order and Microsoft support will resubmit it."
            }
            SupportScenario::SubmissionError => {
                "The order hit a submission error and Microsoft support will resubmit it."
            }
        }
    }
}

impl FromStr for SupportScenario {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SupportScenario::ALL.into_iter().find(|sc| sc.key() == s.trim()).ok_or_else(|| {
            format!(
                "unknown scenario `{s}` (one of: requested_help, review_before_submission, resubmit_after_rejection, submission_error)"
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn allowed_transitions_are_exactly_the_contract() {
        let allowed = [
            (Draft, Submitted),
            (Draft, Cancelled),
            (Submitted, CustomerActionRequired),
            (Submitted, FocConfirmed),
            (Submitted, SupportEngaged),
            (Submitted, Cancelled),
            (CustomerActionRequired, Submitted),
            (CustomerActionRequired, SupportEngaged),
            (CustomerActionRequired, Cancelled),
            (SupportEngaged, Submitted),
            (SupportEngaged, CustomerActionRequired),
            (SupportEngaged, FocConfirmed),
            (SupportEngaged, Cancelled),
            (FocConfirmed, Completed),
            (FocConfirmed, CustomerActionRequired),
            (FocConfirmed, SupportEngaged),
            (FocConfirmed, Cancelled),
        ];
        for from in Status::ALL {
            for to in Status::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(from.can_go_to(to), expected, "{from:?} -> {to:?}");
            }
        }
    }

    #[test]
    fn final_statuses_go_nowhere_and_only_two_are_editable() {
        for to in Status::ALL {
            assert!(!Completed.can_go_to(to));
            assert!(!Cancelled.can_go_to(to));
        }
        let editable: Vec<_> = Status::ALL
            .into_iter()
            .filter(|s| s.is_editable())
            .collect();
        assert_eq!(editable, [Draft, CustomerActionRequired]);
    }

    #[test]
    fn a_status_filter_is_a_status_or_waiting_on_you() {
        for words in ["waiting on you", "Waiting_On_You", " waiting-on-you "] {
            assert_eq!(words.parse(), Ok(StatusFilter::WaitingOnYou), "{words}");
        }
        assert_eq!("submitted".parse(), Ok(StatusFilter::Only(Submitted)));
        assert!("waiting".parse::<StatusFilter>().is_err());
        let waiting: Vec<_> = Status::ALL
            .into_iter()
            .filter(|s| StatusFilter::WaitingOnYou.accepts(*s))
            .collect();
        assert_eq!(waiting, [Draft, CustomerActionRequired]);
        // `f` visits every filter once, then comes back to all.
        let mut seen = vec![StatusFilter::All];
        while let next = seen[seen.len() - 1].next()
            && next != StatusFilter::All
        {
            seen.push(next);
        }
        assert_eq!(seen.len(), Status::ALL.len() + 2);
    }

    #[test]
    fn statuses_parse_from_keys_and_labels() {
        assert_eq!(
            "customer_action_required".parse(),
            Ok(CustomerActionRequired)
        );
        assert_eq!("FOC confirmed".parse(), Ok(FocConfirmed));
        assert!("nope".parse::<Status>().is_err());
        assert_eq!(
            serde_json::to_string(&SupportEngaged).ok().as_deref(),
            Some("\"support_engaged\"")
        );
    }
}

/// After this many days in customer action required an order is flagged as overdue.
pub const OVERDUE_DAYS: i64 = 30;

/// Days an order has waited on the user in customer action required, once past
/// [`OVERDUE_DAYS`]; `None` in any other status or before then.
pub fn overdue_days(status: Status, since: jiff::Timestamp, now: jiff::Timestamp) -> Option<i64> {
    if status != Status::CustomerActionRequired {
        return None;
    }
    let days = (now.as_second() - since.as_second()) / 86_400;
    (days > OVERDUE_DAYS).then_some(days)
}

#[cfg(test)]
mod overdue_tests {
    use super::*;

    #[test]
    fn only_an_order_waiting_on_the_user_past_30_days_is_overdue() {
        let at = |s: &str| {
            s.parse::<jiff::Timestamp>()
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        };
        let since = at("2026-10-01T00:00:00Z");
        let waiting = Status::CustomerActionRequired;
        assert_eq!(
            overdue_days(waiting, since, at("2026-10-31T00:00:00Z")),
            None
        );
        assert_eq!(
            overdue_days(waiting, since, at("2026-11-01T00:00:00Z")),
            Some(31)
        );
        assert_eq!(
            overdue_days(Status::Submitted, since, at("2026-11-30T00:00:00Z")),
            None
        );
    }
}
