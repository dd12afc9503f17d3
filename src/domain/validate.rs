//! Validation of an order's fields, driven by the registry: every problem names its field by key,
//! its message starts with the field's label and says what would be right. Errors block
//! submission; warnings inform.

use super::checks::Severity;
use super::fields::OrderFields;
use super::key::FieldKey;
use super::registry::{FIELDS, Kind, Required, spec};
use jiff::civil::Date;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub key: FieldKey,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    fn new(key: FieldKey, severity: Severity, detail: impl AsRef<str>) -> Problem {
        Problem {
            key,
            severity,
            message: format!("{}: {}", spec(key).label, detail.as_ref()),
        }
    }
}

/// Every problem of an order, in the wizard's order.
pub fn validate(fields: &OrderFields, today: Date) -> Vec<Problem> {
    FIELDS
        .iter()
        .flat_map(|f| check_field(f.key, fields, today))
        .collect()
}

/// The problems of one field, as the wizard shows them under it.
pub fn check_field(key: FieldKey, fields: &OrderFields, today: Date) -> Vec<Problem> {
    let field = spec(key);
    let blank = fields.is_blank(key);
    if blank && field.required_for(fields) {
        let why = if field.required == Required::WhenMobile {
            " for mobile numbers"
        } else {
            ""
        };
        return vec![Problem::new(
            key,
            Severity::Error,
            format!("required{why}. {}", field.help),
        )];
    }
    if let Kind::Choice(choices) = field.kind
        && !blank
    {
        let text = fields.get(key).to_line();
        if (choices.parse)(&text).is_none() {
            let allowed: Vec<&str> = choices.iter().map(|(v, _)| *v).collect();
            return vec![Problem::new(
                key,
                Severity::Error,
                format!("`{text}` is not one of {}", allowed.join(", ")),
            )];
        }
    }
    (field.check)(fields, today)
        .into_iter()
        .map(|(severity, detail)| Problem::new(key, severity, detail))
        .collect()
}

/// Whether any problem is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}
