//! Split a company's sheet of numbers into the orders Microsoft allows (docs/command-line.md, split): one
//! country, carrier, account, BTN, number type and service address an order; a group over 999
//! numbers is a Service Center case (up to 10,000 a case; beyond, it is cut). Columns are
//! `PhoneNumber` and any field keys (docs/field-keys.md); each value goes through the edit
//! operation's normalising, so what is compared is what would be stored. A bad row is named once
//! and kept out, as the CSV import does; a repeated number is kept once and named.

use super::countries::Route;
use super::edit::normalise;
use super::fields::{FieldValue, OrderFields};
use super::key::FieldKey;
use super::rules::numbers::{NumberFacts, number_facts, read_sheet};
use super::rules::service_center::SERVICE_CENTER_MAX_NUMBERS;
use super::rules::text::{counted, thousands};
use super::rules::{Country, NumberState, NumberType, NumberUsage, parse_numbers};
use std::collections::HashMap;

/// The keys that make an order its own (docs/command-line.md, split), in the order reasons name them.
pub const GROUP_KEYS: [FieldKey; 10] = [
    FieldKey::Country,
    FieldKey::CurrentCarrier,
    FieldKey::AccountNumber,
    FieldKey::BillingTelephoneNumber,
    FieldKey::NumberType,
    FieldKey::ServiceAddressStreet,
    FieldKey::ServiceAddressCity,
    FieldKey::ServiceAddressState,
    FieldKey::ServiceAddressPostalCode,
    FieldKey::ServiceAddressCountry,
];

/// What a sheet becomes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitPlan {
    pub orders: Vec<PlannedOrder>,
    /// "Row N: …" once for each row kept out, in row order.
    pub bad_rows: Vec<String>,
    /// "Row N: …" for rows that repeat an earlier row's number (kept once).
    pub repeats: Vec<String>,
    /// Columns not read, mixed blocks, values that differ inside one order.
    pub warnings: Vec<String>,
}

/// One order of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedOrder {
    /// The order's fields as the edit operation normalised them, its numbers in E.164.
    pub fields: OrderFields,
    /// The sheet rows it holds, in sheet order.
    pub rows: Vec<usize>,
    /// Why it is an order of its own ("a second account (2222)", "toll-free numbers …").
    pub reason: String,
    /// Where it goes: its country's wizard, or the Service Center.
    pub route: Route,
}

/// The sheet is unusable as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SplitRefusal(pub String);

/// One good row, read.
struct Row {
    row: usize,
    number: String,
    usage: Option<NumberUsage>,
    /// The group's values (`GROUP_KEYS`), normalised.
    key: Vec<String>,
    /// Every field the row gives, normalised (the country and number type always).
    values: Vec<(FieldKey, FieldValue)>,
}

/// Plan the orders of a sheet.
pub fn plan(bytes: &[u8]) -> Result<SplitPlan, SplitRefusal> {
    let sheet = read_sheet(bytes).map_err(|e| SplitRefusal(e.to_string()))?;
    let mut plan = SplitPlan::default();
    let columns = columns(&sheet.header, sheet.phone_column, &mut plan.warnings);
    let mut bad: std::collections::BTreeMap<usize, String> = sheet
        .row_errors
        .iter()
        .map(|e| (e.row, e.message.clone()))
        .collect();
    let mut reader = RowReader::default();
    let mut rows = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for sheet_row in &sheet.rows {
        match reader.read(sheet_row, sheet.phone_column, &columns) {
            Ok(row) => match seen.get(&row.number) {
                Some(first) => plan.repeats.push(format!(
                    "Row {}: {} repeats row {first}; kept once.",
                    row.row, row.number
                )),
                None => {
                    seen.insert(row.number.clone(), row.row);
                    rows.push(row);
                }
            },
            Err(message) => {
                bad.entry(sheet_row.row)
                    .or_insert(format!("Row {}: {message}", sheet_row.row));
            }
        }
    }
    plan.bad_rows = bad.into_values().collect();
    if rows.is_empty() {
        return Err(SplitRefusal(if plan.bad_rows.is_empty() {
            "The sheet has a PhoneNumber column but no numbers in it.".into()
        } else {
            format!(
                "No row of the sheet can be used: {}",
                plan.bad_rows.join(" ")
            )
        }));
    }
    plan.warnings.extend(mixed_blocks(&rows));
    plan.orders = group(rows, &mut plan.warnings);
    Ok(plan)
}

/// The field key of each column but the numbers' (`None`: not a field key, not read).
fn columns(header: &[String], phone: usize, warnings: &mut Vec<String>) -> Vec<Option<FieldKey>> {
    header
        .iter()
        .enumerate()
        .map(|(i, name)| {
            if i == phone {
                return None;
            }
            let key = name.trim().parse::<FieldKey>().ok();
            match key {
                Some(FieldKey::Numbers | FieldKey::Pin) | None => {
                    warnings.push(format!(
                        "Column {} ({}) is not a field key portwiz reads from a sheet; it was \
                         left out.",
                        i + 1,
                        super::sanitize::value_text(name)
                    ));
                    None
                }
                key => key,
            }
        })
        .collect()
}

/// Reads rows, remembering each value's normalised form: a sheet repeats the same carrier,
/// account and address on thousands of rows.
#[derive(Default)]
struct RowReader {
    values: HashMap<(FieldKey, String, String), Result<FieldValue, String>>,
}

impl RowReader {
    fn read(
        &mut self,
        sheet_row: &super::rules::numbers::SheetRow,
        phone: usize,
        columns: &[Option<FieldKey>],
    ) -> Result<Row, String> {
        let cell = sheet_row.cell(phone);
        if cell.is_empty() {
            return Err("no phone number in the PhoneNumber column; the row was left out.".into());
        }
        let mut fields = OrderFields::default();
        // The country first: it decides how the others are read.
        let given = |key: FieldKey| {
            columns
                .iter()
                .position(|c| *c == Some(key))
                .map(|i| sheet_row.cell(i))
                .filter(|v| !v.is_empty())
        };
        let country = match given(FieldKey::Country) {
            Some(text) => text
                .parse::<Country>()
                .map_err(|e| format!("{e}; the row was left out."))?,
            None => country_of_number(cell),
        };
        fields.country = country.as_str().to_string();
        let number_type = match given(FieldKey::NumberType) {
            Some(text) => text
                .parse::<NumberType>()
                .map_err(|e| format!("{e}; the row was left out."))?,
            None => type_of_number(cell, country),
        };
        fields.number_type = number_type.as_str().to_string();
        let number = the_number(cell, country, number_type)?;
        let mut usage = None;
        let mut others = Vec::new();
        for (i, key) in columns.iter().enumerate() {
            let Some(key) = *key else { continue };
            let text = sheet_row.cell(i);
            if matches!(key, FieldKey::Country | FieldKey::NumberType) || text.is_empty() {
                continue;
            }
            if key == FieldKey::NumberUsage {
                usage = Some(
                    text.parse::<NumberUsage>()
                        .map_err(|e| format!("{e}; the row was left out."))?,
                );
                continue;
            }
            let value = self.value(key, text, &fields)?;
            fields.set(key, value.clone());
            others.push((key, value));
        }
        let key = GROUP_KEYS
            .iter()
            .map(|k| comparable(&fields.get(*k).to_line()))
            .collect();
        let mut values = vec![
            (FieldKey::Country, fields.get(FieldKey::Country)),
            (FieldKey::NumberType, fields.get(FieldKey::NumberType)),
        ];
        values.extend(others);
        Ok(Row {
            row: sheet_row.row,
            number,
            usage,
            key,
            values,
        })
    }

    fn value(
        &mut self,
        key: FieldKey,
        text: &str,
        fields: &OrderFields,
    ) -> Result<FieldValue, String> {
        let memo = (key, text.to_string(), fields.country.clone());
        self.values
            .entry(memo)
            .or_insert_with(|| {
                normalise(key, FieldValue::Text(text.to_string()), fields)
                    .map_err(|e| format!("{e} The row was left out."))
            })
            .clone()
    }
}

/// The country a number names: its own when it is written `+…` and of a Teams Calling Plans
/// country, else the United States (a sheet without a country column is most often a US one).
fn country_of_number(cell: &str) -> Country {
    if !cell.trim_start().starts_with('+') {
        return Country::Us;
    }
    number_facts(cell)
        .and_then(|f: NumberFacts| f.region)
        .and_then(|region| region.parse::<Country>().ok())
        .unwrap_or(Country::Us)
}

/// Toll-free when phonenumber says so, else geographic (a mobile cannot be told in North
/// America: say `number_type` in the sheet).
fn type_of_number(cell: &str, country: Country) -> NumberType {
    let report = parse_numbers(cell, country, None);
    let toll_free = report
        .unique_valid
        .first()
        .and_then(|e164| number_facts(e164))
        .is_some_and(|f| f.toll_free);
    if toll_free {
        NumberType::TollFree
    } else {
        NumberType::Geographic
    }
}

/// The row's one number in E.164, or what is wrong with it.
fn the_number(cell: &str, country: Country, number_type: NumberType) -> Result<String, String> {
    let report = parse_numbers(cell, country, Some(number_type));
    match report.entries.as_slice() {
        [one] if one.state == NumberState::Valid => {
            one.e164.clone().ok_or_else(|| "no number".to_string())
        }
        [one] => Err(one.message().unwrap_or_else(|| "not a phone number".into())),
        _ => Err(format!(
            "{} holds several numbers; give one number a row.",
            super::sanitize::value_text(cell)
        )),
    }
}

/// A value as groups compare it: case and runs of spaces do not make another order.
fn comparable(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Warnings for blocks of 100 numbers that hold both user and service numbers: they port
/// together, so they stay in one order (a Service Center case, for its service numbers).
fn mixed_blocks(rows: &[Row]) -> Vec<String> {
    let mut blocks: std::collections::BTreeMap<&str, (Vec<usize>, bool, bool)> =
        std::collections::BTreeMap::new();
    for row in rows {
        let Some(usage) = row.usage else { continue };
        let block = &row.number[..row.number.len().saturating_sub(2)];
        let entry = blocks.entry(block).or_default();
        entry.0.push(row.row);
        match usage {
            NumberUsage::User => entry.1 = true,
            _ => entry.2 = true,
        }
    }
    blocks
        .into_iter()
        .filter(|(_, (_, user, service))| *user && *service)
        .map(|(block, (rows, ..))| {
            let rows: Vec<String> = rows.iter().map(ToString::to_string).collect();
            format!(
                "Block {block}xx (rows {}): user and service numbers from one block; they port \
                 together, so they stay in one order, and its service numbers make it a \
                 Service Center case.",
                rows.join(", ")
            )
        })
        .collect()
}

/// Rows with the same group values make one order (in the order groups first appear), cut at
/// [`SERVICE_CENTER_MAX_NUMBERS`].
fn group(rows: Vec<Row>, warnings: &mut Vec<String>) -> Vec<PlannedOrder> {
    let mut index: HashMap<Vec<String>, usize> = HashMap::new();
    let mut groups: Vec<Vec<Row>> = Vec::new();
    for row in rows {
        let at = *index.entry(row.key.clone()).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[at].push(row);
    }
    let mut orders = Vec::new();
    let first_key: Vec<String> = groups
        .first()
        .and_then(|g| g.first())
        .map(|r| r.key.clone())
        .unwrap_or_default();
    for group in groups {
        let why = reason(&group, &first_key, orders.is_empty());
        let parts = group.len().div_ceil(SERVICE_CENTER_MAX_NUMBERS);
        let mut rows = group.into_iter().peekable();
        for part in 0..parts {
            let chunk: Vec<Row> = rows.by_ref().take(SERVICE_CENTER_MAX_NUMBERS).collect();
            let mut why = why.clone();
            if parts > 1 {
                why.push_str(&format!(
                    "; part {} of {parts}: one case takes at most {} numbers",
                    part + 1,
                    thousands(SERVICE_CENTER_MAX_NUMBERS)
                ));
            }
            orders.push(planned(chunk, why, warnings, orders.len() + 1));
        }
    }
    orders
}

/// Why a group is an order of its own: what sets it apart from the sheet's first group.
fn reason(group: &[Row], first_key: &[String], first: bool) -> String {
    if first {
        return "the sheet's first group".into();
    }
    let Some(row) = group.first() else {
        return String::new();
    };
    let differs = |i: usize| row.key.get(i) != first_key.get(i);
    let mut words = Vec::new();
    let value = |i: usize| row.key.get(i).cloned().unwrap_or_default();
    if differs(0) {
        words.push(format!("another country ({})", value(0).to_uppercase()));
    }
    if differs(1) {
        words.push(format!("another carrier ({})", value(1)));
    }
    if differs(2) {
        words.push(format!("a second account ({})", value(2)));
    }
    if differs(3) {
        words.push(format!("another billing telephone number ({})", value(3)));
    }
    if differs(4) {
        words.push(match value(4).as_str() {
            "toll_free" => "toll-free numbers go in their own order".to_string(),
            other => format!("{} numbers go in their own order", other.replace('_', "-")),
        });
    }
    if (5..10).any(differs) {
        words.push("another service address".to_string());
    }
    words.join("; ")
}

fn planned(rows: Vec<Row>, reason: String, warnings: &mut Vec<String>, n: usize) -> PlannedOrder {
    let mut fields = OrderFields::default();
    // The first row's values (the group's are the same in every row, as compared).
    if let Some(first) = rows.first() {
        for (key, value) in &first.values {
            fields.set(*key, value.clone());
        }
    }
    for row in &rows {
        for (key, value) in row.values.iter().filter(|(k, _)| !GROUP_KEYS.contains(k)) {
            if fields.get(*key) != *value {
                warnings.push(format!(
                    "Order {n}: row {} has another {} than the order's first row; the first \
                     row's is kept.",
                    row.row,
                    super::registry::spec(*key).label
                ));
            }
        }
    }
    fields.numbers = rows.iter().map(|r| r.number.clone()).collect();
    if rows.iter().any(|r| r.usage.is_some()) {
        fields.number_usage = rows
            .iter()
            .filter_map(|r| r.usage.map(|u| format!("{} {}", r.number, u.as_str())))
            .collect();
    }
    let route = fields.submission_route();
    let reason = match route {
        Route::ServiceCenter => {
            let why: Vec<String> = fields
                .case_reasons()
                .iter()
                .map(ToString::to_string)
                .collect();
            format!("{reason}; a Service Center case ({})", why.join("; "))
        }
        _ => reason,
    };
    PlannedOrder {
        rows: rows.iter().map(|r| r.row).collect(),
        fields,
        reason,
        route,
    }
}

/// "3,000 numbers in 3 orders; 1 bad row left out": the plan in one line.
pub fn summary(plan: &SplitPlan) -> String {
    let numbers: usize = plan.orders.iter().map(|o| o.fields.numbers.len()).sum();
    let orders = match plan.orders.len() {
        1 => "1 order".to_string(),
        n => format!("{n} orders"),
    };
    let bad = match plan.bad_rows.len() {
        0 => "no bad row".to_string(),
        1 => "1 bad row left out".to_string(),
        n => format!("{} bad rows left out", thousands(n)),
    };
    format!("{} in {orders}; {bad}", counted(numbers, "number"))
}

/// "1,200 numbers (rows 2–1201): US, Contoso, 1111, geographic → Phone Number Service Center".
pub fn describe(order: &PlannedOrder) -> String {
    let f = &order.fields;
    let rows = match (order.rows.first(), order.rows.last()) {
        (Some(first), Some(last)) if first != last => format!(" (rows {first}–{last})"),
        (Some(first), _) => format!(" (row {first})"),
        _ => String::new(),
    };
    let mut what = vec![f.country.clone()];
    for value in [&f.current_carrier, &f.account_number] {
        if !value.is_empty() {
            what.push(value.clone());
        }
    }
    what.push(f.number_type.replace('_', "-"));
    format!(
        "{}{rows}: {} → {}",
        counted(f.numbers.len(), "number"),
        what.join(", "),
        order.route.label()
    )
}

/// The name the drafts take from the sheet at `path`: its file name without the extension
/// (`/tmp/migration.csv` → `migration`).
pub fn sheet_name(path: &str) -> String {
    std::path::Path::new(path.trim())
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The drafts' fields, each named after the sheet ("migration 2 of 3") unless the sheet gave
/// an order name.
pub fn drafts(plan: &SplitPlan, sheet_name: &str) -> Vec<OrderFields> {
    let count = plan.orders.len();
    plan.orders
        .iter()
        .enumerate()
        .map(|(i, planned)| {
            let mut fields = planned.fields.clone();
            if fields.order_name.trim().is_empty() {
                let name = super::sanitize::value_text(sheet_name);
                let name = if name.trim().is_empty() {
                    "sheet"
                } else {
                    name.trim()
                };
                fields.order_name = format!("{name} {} of {count}", i + 1);
            }
            fields
        })
        .collect()
}

#[cfg(test)]
mod tests;
