//! Tenants (docs/storage.md): one store per customer, `DIR/tenants/NAME/`. What a
//! tenant's name may be, and what a tenant's orders wait on, for `portwiz tenants` and the app.

use super::status::Status;
use super::summary::Summary;
use jiff::civil::Date;
use serde::Serialize;

/// Longest tenant name, in characters (it names a folder and heads the app's title).
pub const NAME_MAX: usize = 64;

/// Why a tenant name is refused: it would name another folder than `DIR/tenants/NAME`, or hide
/// something from the terminal that shows it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadName {
    #[error("a tenant's name cannot be empty")]
    Empty,
    #[error("a tenant's name is at most {NAME_MAX} characters")]
    TooLong,
    #[error("a tenant's name cannot hold `/`, `\\` or `..` (it names one folder under tenants/)")]
    Path,
    #[error("a tenant's name cannot start with `.` (portwiz keeps such names for its own files)")]
    Hidden,
    #[error("a tenant's name cannot hold control, invisible or bidi characters")]
    Control,
    #[error("a tenant's name cannot start or end with a space")]
    Spaces,
}

/// `name` when it may name a tenant; else why not.
pub fn check_name(name: &str) -> Result<&str, BadName> {
    use super::sanitize::{is_invisible, is_unsafe};
    if name.is_empty() {
        return Err(BadName::Empty);
    }
    if name
        .chars()
        .any(|c| is_unsafe(c) || is_invisible(c) || c == '\t' || c == '\n')
    {
        return Err(BadName::Control);
    }
    if name.contains(['/', '\\']) || name.contains("..") {
        return Err(BadName::Path);
    }
    if name.starts_with('.') {
        return Err(BadName::Hidden);
    }
    if name.trim() != name {
        return Err(BadName::Spaces);
    }
    if name.chars().count() > NAME_MAX {
        return Err(BadName::TooLong);
    }
    Ok(name)
}

/// Days ahead within which a confirmed port date counts as soon.
pub const FOC_SOON_DAYS: i64 = 7;

/// What one tenant's orders add up to, and what waits on whom.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Overview {
    pub tenant: String,
    pub orders: usize,
    /// Drafts to finish and rejected orders to fix ("Waiting on you").
    pub waiting_on_you: usize,
    /// Of those, rejected by the carrier (customer action required).
    pub rejected: usize,
    /// Submitted: the carrier has not answered yet.
    pub waiting_on_carrier: usize,
    /// Microsoft support engaged.
    pub waiting_on_microsoft: usize,
    /// FOC confirmed for a date from today to [`FOC_SOON_DAYS`] ahead.
    pub foc_soon: usize,
    pub completed: usize,
}

impl Overview {
    pub fn of<'a>(
        tenant: &str,
        orders: impl IntoIterator<Item = &'a Summary>,
        today: Date,
    ) -> Self {
        let mut o = Overview {
            tenant: tenant.to_string(),
            ..Overview::default()
        };
        for s in orders {
            o.orders += 1;
            o.waiting_on_you += usize::from(s.status.waits_on_user());
            match s.status {
                Status::CustomerActionRequired => o.rejected += 1,
                Status::Submitted => o.waiting_on_carrier += 1,
                Status::SupportEngaged => o.waiting_on_microsoft += 1,
                Status::Completed => o.completed += 1,
                Status::FocConfirmed => {
                    let days = s
                        .foc_date
                        .and_then(|d| today.until(d).ok())
                        .map(|s| s.get_days());
                    o.foc_soon += usize::from(
                        days.is_some_and(|d| (0..=FOC_SOON_DAYS).contains(&i64::from(d))),
                    );
                }
                Status::Draft | Status::Cancelled => {}
            }
        }
        o
    }

    /// What waits, in words ("2 waiting on you (1 rejected), 1 on the carrier"); "nothing
    /// waits" when nothing does.
    pub fn waits(&self) -> String {
        let mut parts = Vec::new();
        if self.waiting_on_you > 0 {
            let mut part = format!("{} waiting on you", self.waiting_on_you);
            if self.rejected > 0 {
                part.push_str(&format!(" ({} rejected)", self.rejected));
            }
            parts.push(part);
        }
        if self.waiting_on_carrier > 0 {
            parts.push(format!("{} on the carrier", self.waiting_on_carrier));
        }
        if self.waiting_on_microsoft > 0 {
            parts.push(format!(
                "{} on Microsoft support",
                self.waiting_on_microsoft
            ));
        }
        if self.foc_soon > 0 {
            parts.push(format!(
                "{} porting within {FOC_SOON_DAYS} days",
                self.foc_soon
            ));
        }
        if parts.is_empty() {
            "nothing waits".to_string()
        } else {
            parts.join(", ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_would_leave_tenants_or_hide_something_are_refused() {
        for (name, why) in [
            ("", BadName::Empty),
            ("../x", BadName::Path),
            ("..", BadName::Path),
            ("a/b", BadName::Path),
            ("a\\b", BadName::Path),
            (".hidden", BadName::Hidden),
            ("a\u{1b}[2Jb", BadName::Control),
            ("a\u{7}", BadName::Control),
            ("a\nb", BadName::Control),
            ("a\u{202e}b", BadName::Control),
            ("a\u{200b}b", BadName::Control),
            (" contoso", BadName::Spaces),
        ] {
            assert_eq!(check_name(name), Err(why), "{name:?}");
        }
        assert_eq!(check_name(&"x".repeat(65)), Err(BadName::TooLong));
        for name in [
            "contoso",
            "Fabrikam Ltd",
            "müller-gmbh",
            "a.b",
            "x".repeat(64).as_str(),
        ] {
            assert_eq!(check_name(name), Ok(name));
        }
    }
}
