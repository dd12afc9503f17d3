//! The *fields document* of docs/command-line.md: one JSON object keyed by field keys, read by
//! `new --from` and `import`, written by `export --format json`.

use super::fields::{FieldValue, OrderFields};
use super::history::HistoryEntry;
use super::key::FieldKey;
use super::number_marks::NumberMark;
use super::order::{Foc, Order, Rejection, Support};
use super::registry::is_list;
use super::registry::{FIELDS, Kind};
use super::secret::MASK;
use super::status::Status;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Json {
        message: String,
        line: usize,
        column: usize,
    },
    #[error(
        "a fields document is one JSON object with field keys, e.g. {{\"organization_name\": \"Fabrikam Inc\", \"numbers\": [\"+14255550100\"]}}"
    )]
    NotAnObject,
    #[error("`{key}`: {problem}")]
    Field { key: String, problem: String },
}

/// The order-level keys an export adds beside the fields, which `import` reads back.
const ORDER_KEYS: &[&str] = &[
    "id",
    "status",
    "history",
    "rejections",
    "csr",
    "foc",
    "support",
    "ticket",
    "loa_signed_fields",
    "number_marks",
    "schema_version",
    "pin_redacted",
    "assignments",
];

/// What a document holds: the fields, and (from an export) the order's state.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub fields: OrderFields,
    pub status: Option<Status>,
    pub history: Vec<HistoryEntry>,
    pub rejections: Vec<Rejection>,
    pub csr: BTreeMap<FieldKey, String>,
    pub foc: Option<Foc>,
    pub support: Option<Support>,
    pub ticket: Option<String>,
    /// The fields as the signed LOA covers them (an export's `loa_signed_fields`): what the
    /// "LOA must be signed again" warning compares with.
    pub loa_signed: Option<OrderFields>,
    /// The assignment plan (an export's `assignments`), cleaned and capped as read from a file;
    /// `domain::assign` checks it against the imported order.
    pub assignments: super::assignment::Plan,
    /// What the carrier said of single numbers (`domain::number_marks`), by number.
    pub number_marks: BTreeMap<String, NumberMark>,
}

/// serde_json's words for what is wrong, without the "at line L column C" it appends: callers
/// give the position once, in their own words.
pub fn json_problem(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&position).unwrap_or(&text).to_string()
}

/// Parse a fields document. `allow_order_keys` accepts an export's `id`, `status`, `history`…;
/// without it (for `new --from`) they are refused as unknown keys.
pub fn parse(text: &str, allow_order_keys: bool) -> Result<Document, DocumentError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DocumentError::Json {
        message: json_problem(&e),
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(map) = value else {
        return Err(DocumentError::NotAnObject);
    };
    let mut doc = Document::default();
    for (name, value) in &map {
        if let Ok(key) = name.parse::<FieldKey>() {
            doc.fields.set(key, field_value(key, name, value)?);
        } else if allow_order_keys && ORDER_KEYS.contains(&name.as_str()) {
            read_order_key(&mut doc, name, value)?;
        } else {
            return Err(DocumentError::Field {
                key: name.clone(),
                problem: format!("not a field key; {}", super::key::unknown_key_hint(name)),
            });
        }
    }
    Ok(doc)
}

fn field_value(key: FieldKey, name: &str, value: &Value) -> Result<FieldValue, DocumentError> {
    let wrong = |what: &str| DocumentError::Field {
        key: name.to_string(),
        problem: what.to_string(),
    };
    match value {
        Value::String(s) => Ok(FieldValue::Text(s.clone())),
        Value::Null => Ok(FieldValue::Text(String::new())),
        Value::Array(items) if is_list(key) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| wrong("takes an array of strings"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(FieldValue::List),
        _ if is_list(key) => Err(wrong("takes an array of strings")),
        _ => Err(wrong("takes a string")),
    }
}

fn read_order_key(doc: &mut Document, name: &str, value: &Value) -> Result<(), DocumentError> {
    let bad = |e: serde_json::Error| DocumentError::Field {
        key: name.to_string(),
        problem: e.to_string(),
    };
    let v = value.clone();
    match name {
        "status" => doc.status = Some(serde_json::from_value(v).map_err(bad)?),
        "history" => doc.history = serde_json::from_value(v).map_err(bad)?,
        "rejections" => doc.rejections = serde_json::from_value(v).map_err(bad)?,
        "csr" => doc.csr = serde_json::from_value(v).map_err(bad)?,
        "foc" => doc.foc = serde_json::from_value(v).map_err(bad)?,
        "support" => doc.support = serde_json::from_value(v).map_err(bad)?,
        "ticket" => doc.ticket = serde_json::from_value(v).map_err(bad)?,
        "loa_signed_fields" => doc.loa_signed = Some(signed_fields(name, value)?),
        "assignments" => doc.assignments = super::assignment::read_plan(v).map_err(bad)?,
        "number_marks" => doc.number_marks = serde_json::from_value(v).map_err(bad)?,
        _ => {} // id, schema_version, pin_redacted: informative only; import makes a new id.
    }
    Ok(())
}

/// An export's `loa_signed_fields`: an object of field keys, read as the fields are.
fn signed_fields(name: &str, value: &Value) -> Result<OrderFields, DocumentError> {
    let Value::Object(map) = value else {
        return Err(DocumentError::Field {
            key: name.to_string(),
            problem: "takes an object of field keys".into(),
        });
    };
    let mut fields = OrderFields::default();
    for (key_name, value) in map {
        let key: FieldKey = key_name.parse().map_err(|_| DocumentError::Field {
            key: format!("{name}.{key_name}"),
            problem: format!(
                "not a field key; {}",
                super::key::unknown_key_hint(key_name)
            ),
        })?;
        fields.set(key, field_value(key, key_name, value)?);
    }
    Ok(fields)
}

/// The fields as a document, in registry order. Without `include_secrets` the PIN is left out
/// (and `pin_redacted: true` says so when there was one).
pub fn fields_to_map(fields: &OrderFields, include_secrets: bool) -> Map<String, Value> {
    let mut map = Map::new();
    for field in FIELDS {
        // A country's identifier, and each number's usage (All regions only), are written only
        // when given: other countries' orders, and every document written before they
        // existed, stay as they were.
        if matches!(field.kind, Kind::Identifier(_) | Kind::Usages) && fields.is_blank(field.key) {
            continue;
        }
        if field.secret && !include_secrets {
            if !fields.is_blank(field.key) {
                map.insert("pin_redacted".into(), Value::Bool(true));
            }
            continue;
        }
        let value = match fields.get(field.key) {
            FieldValue::Text(t) => Value::String(t),
            FieldValue::List(l) => Value::Array(l.into_iter().map(Value::String).collect()),
        };
        map.insert(field.key.as_str().into(), value);
    }
    map
}

/// An export: the fields document plus the order's id, status, story and answers.
pub fn export(order: &Order, include_secrets: bool) -> Value {
    let mut map = Map::new();
    map.insert("id".into(), Value::String(order.id.clone()));
    map.insert("status".into(), Value::String(order.status.key().into()));
    map.extend(fields_to_map(&order.fields, include_secrets));
    let mut put = |key: &str, v: Result<Value, serde_json::Error>| {
        if let Ok(v) = v {
            map.insert(key.into(), v);
        }
    };
    put("history", serde_json::to_value(&order.history));
    if !order.rejections.is_empty() {
        put("rejections", serde_json::to_value(&order.rejections));
    }
    if !order.csr.is_empty() {
        let csr: BTreeMap<_, _> = order
            .csr
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    if super::registry::spec(*k).secret && !include_secrets {
                        MASK.to_string()
                    } else {
                        v.clone()
                    },
                )
            })
            .collect();
        put("csr", serde_json::to_value(csr));
    }
    if let Some(foc) = &order.foc {
        put("foc", serde_json::to_value(foc));
    }
    if let Some(support) = &order.support {
        put("support", serde_json::to_value(support));
    }
    if let Some(ticket) = &order.ticket {
        put("ticket", Ok(Value::String(ticket.clone())));
    }
    if !order.number_marks.is_empty() {
        put("number_marks", serde_json::to_value(&order.number_marks));
    }
    // The signed LOA's snapshot (never holding the PIN), so an import still warns when a field
    // it covers has changed since it was signed.
    if let Some(signed) = &order.loa_signed_fields {
        put(
            "loa_signed_fields",
            Ok(Value::Object(fields_to_map(signed, false))),
        );
    }
    if !order.assignments.is_empty() {
        put("assignments", serde_json::to_value(&order.assignments));
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_design_example() {
        let doc = parse(
            r#"{"organization_name": "Fabrikam Inc", "numbers": ["+14255550100"], "pin": "1234"}"#,
            false,
        );
        let fields = doc.map(|d| d.fields).unwrap_or_default();
        assert_eq!(fields.organization_name, "Fabrikam Inc");
        assert_eq!(fields.numbers, ["+14255550100"]);
        assert_eq!(fields.pin.expose(), "1234");
    }

    #[test]
    fn refuses_unknown_keys_wrong_types_and_bad_json_with_position() {
        assert!(matches!(
            parse(r#"{"organisation": "x"}"#, false),
            Err(DocumentError::Field { .. })
        ));
        assert!(matches!(
            parse(r#"{"numbers": [1]}"#, false),
            Err(DocumentError::Field { .. })
        ));
        assert!(matches!(
            parse(r#"{"pin": 1234}"#, false),
            Err(DocumentError::Field { .. })
        ));
        assert!(matches!(
            parse("[1]", false),
            Err(DocumentError::NotAnObject)
        ));
        let broken = parse("{\n  \"pin\": ", false);
        assert!(matches!(broken, Err(DocumentError::Json { line: 2, .. })));
        // The position is said once (serde_json's own "at line 2 column 9" is not repeated).
        let words = broken.map(|_| ()).unwrap_err().to_string();
        assert_eq!(words.matches("line").count(), 1, "{words}");
        assert!(words.contains("at line 2, column"), "{words}");
        assert!(matches!(
            parse(r#"{"status": "draft"}"#, false),
            Err(DocumentError::Field { .. })
        ));
        assert!(parse(r#"{"status": "draft"}"#, true).is_ok());
    }

    #[test]
    fn the_pin_stays_out_unless_asked_for() {
        let mut fields = OrderFields::default();
        fields.set(FieldKey::Pin, FieldValue::Text("8642".into()));
        let hidden = serde_json::to_string(&fields_to_map(&fields, false)).unwrap_or_default();
        assert!(!hidden.contains("8642") && hidden.contains("pin_redacted"));
        let shown = serde_json::to_string(&fields_to_map(&fields, true)).unwrap_or_default();
        assert!(shown.contains("8642"));
    }
}

#[cfg(test)]
mod signed_tests {
    use super::*;

    #[test]
    fn an_export_carries_the_signed_loa_snapshot_and_parse_reads_it_back() {
        let mut order = Order::new(
            "PO-1".into(),
            OrderFields::default(),
            jiff::Timestamp::UNIX_EPOCH,
        );
        order.fields.organization_name = "Fabrikam Inc".into();
        order.loa_signed_fields = Some(order.snapshot());
        order.fields.organization_name = "Fabrikam Incorporated".into();
        let text = export(&order, false).to_string();
        let doc = parse(&text, true).unwrap();
        assert_eq!(doc.loa_signed, order.loa_signed_fields);
        assert!(parse(r#"{"loa_signed_fields": {"nope": "x"}}"#, true).is_err());
        assert!(parse(r#"{"loa_signed_fields": {}}"#, false).is_err());
    }
}
