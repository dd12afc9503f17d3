//! The error every rule returns: one user-facing sentence or two that says what is wrong and what
//! would be right. The field registry prefixes the field's label, so messages never repeat it.

use std::fmt;

/// A rule was broken. `message` is written for the user and names what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    message: String,
}

impl RuleError {
    pub fn new(message: impl Into<String>) -> Self {
        RuleError {
            message: message.into(),
        }
    }

    /// The user-facing message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleError {}
