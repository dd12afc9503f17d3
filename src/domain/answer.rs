//! What the carrier (or Microsoft) can have answered about an order, and whether the lifecycle
//! allows recording it now: the app's response dialog and plain mode offer the same answers, with
//! the same refusals, and record each through the order's own transition.

use super::Order;
use super::order::RejectionInput;
use super::status::SupportScenario;
use jiff::Timestamp;

/// What the carrier (or Microsoft) can have answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Rejection,
    Foc,
    Completion,
    Support,
    Cancellation,
}

impl Answer {
    pub const ALL: [Answer; 5] = [
        Answer::Rejection,
        Answer::Foc,
        Answer::Completion,
        Answer::Support,
        Answer::Cancellation,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            Answer::Rejection => "Rejection",
            Answer::Foc => "FOC confirmation",
            Answer::Completion => "Completion",
            Answer::Support => "Microsoft support engaged",
            Answer::Cancellation => "Cancellation",
        }
    }

    /// What recording it means, in words.
    pub const fn meaning(self) -> &'static str {
        match self {
            Answer::Rejection => "The carrier rejected the order → Customer action required",
            Answer::Foc => "The carrier committed to a port date → FOC confirmed",
            Answer::Completion => "The numbers ported → Completed",
            Answer::Support => "Microsoft support took the order over → Microsoft support engaged",
            Answer::Cancellation => "The order is cancelled → Cancelled",
        }
    }
}

/// Why `kind` cannot be recorded on `order` now: the domain's own refusal, found by trying it
/// on a copy.
pub fn refusal(order: &Order, kind: Answer, now: Timestamp) -> Option<String> {
    let mut copy = order.clone();
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let result = match kind {
        Answer::Rejection => copy.reject(RejectionInput::default(), now),
        Answer::Foc => copy.confirm_foc(today, None, now),
        Answer::Completion => copy.complete(now),
        Answer::Support => copy.engage_support(SupportScenario::RequestedHelp, None, now),
        Answer::Cancellation => copy.cancel(now),
    };
    result.err().map(|r| r.to_string())
}
