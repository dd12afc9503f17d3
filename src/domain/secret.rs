//! A secret string (the account PIN). Its `Debug` and `Display` never show the value, so it cannot
//! leak through logs, panic messages or `{:?}` in an error; code that needs the value asks for it
//! by name with [`Secret::expose`].

use serde::{Deserialize, Serialize};
use std::fmt;

/// What every masked secret looks like on screen and in history.
pub const MASK: &str = "••••";

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret in clear: only for validation, saving and an explicit `--include-secrets`.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// `••••` when set, empty when not: what the user sees.
    pub fn masked(&self) -> &'static str {
        if self.is_empty() { "" } else { MASK }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Secret({})",
            if self.is_empty() { "empty" } else { "redacted" }
        )
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let pin = Secret::new("918273");
        assert!(!format!("{pin:?}").contains("918273"));
        assert!(!format!("{pin}").contains("918273"));
        assert!(!format!("{:#?}", Some(&pin)).contains("918273"));
        assert_eq!(pin.expose(), "918273");
    }

    #[test]
    fn serialises_as_the_plain_value_for_the_0600_order_file() {
        let json = serde_json::to_string(&Secret::new("1234")).unwrap_or_default();
        assert_eq!(json, "\"1234\"");
    }
}
