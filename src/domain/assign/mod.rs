//! Assigning the ported numbers (docs/assign.md; domain.md §9): rows of a sheet, a paste or the
//! app's form become the order's assignment plan, checked against the order. One check for every
//! front end: `propose` reads rows into the changes to make and the problems, each named with its
//! line; `Order::assign` records the changes as one history entry. Errors block the whole sheet
//! (nothing changes); warnings do not.
//!
//! What the checks rest on (Microsoft's pages, cited in docs/assign.md):
//! - `Set-CsPhoneNumberAssignment -Identity` takes a user's or resource account's ObjectId,
//!   SIP address or user principal name; a UPN has the characters A-Z a-z 0-9 ' . - _ ! # ^ ~,
//!   at most 64 before the `@` and 48 after (Microsoft Graph, the user resource).
//! - Service numbers (toll-free numbers, numbers for auto attendants, call queues and conference
//!   bridges) go to resource accounts or the conferencing bridge, never to a user; a
//!   conferencing bridge takes only service numbers.
//! - In the United States and Canada a Calling Plan user's number needs an emergency location
//!   when it is assigned ("Plan and manage emergency calling"): an error there. Elsewhere the
//!   location is set when the number is acquired or transferred: nothing is asked.
//! - `-LocationId` is Get-CsOnlineLisLocation's id (a GUID); the value `null` removes a location,
//!   which Microsoft supports for Direct Routing and Operator Connect numbers only.

mod overview;
pub mod parse;
#[cfg(test)]
mod tests;

use super::assignment::{Assignment, IDENTITY_MAX, IdentityKind, LOCATION_MAX, Plan};
use super::checks::{Found, Severity};
use super::countries::Route;
use super::history::Event;
use super::order::{Order, Refusal};
use super::rules::usage::parse_usage_item;
use super::rules::{NumberType, NumberUsage, parse_numbers};
use super::status::Status;
use jiff::Timestamp;
pub use overview::{Overview, overview};
pub use parse::{Headers, Row, SheetError, read_rows};
use std::collections::{HashMap, HashSet};

/// A problem of one row (or of the plan as a whole: line 0), as the user is told it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub line: usize,
    /// The number the row names, when it is one.
    pub number: Option<String>,
    pub severity: Severity,
    pub text: String,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => f.write_str(&self.text),
            n => write!(f, "line {n}: {}", self.text),
        }
    }
}

/// One number's assignment before and after (`None`: not assigned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanChange {
    pub number: String,
    pub before: Option<Assignment>,
    pub after: Option<Assignment>,
}

impl PlanChange {
    /// `+14255550100: alice@contoso.com (user) (was: not assigned)`.
    pub fn describe(&self) -> String {
        let side = |a: &Option<Assignment>| {
            a.as_ref()
                .map_or_else(|| "not assigned".to_string(), Assignment::describe)
        };
        format!(
            "{}: {} (was: {})",
            self.number,
            side(&self.after),
            side(&self.before)
        )
    }
}

/// What a sheet would change, and what is wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proposal {
    /// The numbers whose assignment changes, in the sheet's order.
    pub changes: Vec<PlanChange>,
    pub issues: Vec<Issue>,
}

impl Proposal {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
}

/// What a number is for, as the order says: a user number, or a service number (toll-free, or
/// its usage a voice app or a conference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    User,
    /// For an auto attendant or call queue (usage `voice_app`), or toll-free without a usage.
    Service,
    /// For a conferencing bridge (usage `conference`).
    Conference,
}

/// Each number's usage as the order's `number_usage` items give it (a usage alone: every number
/// without its own).
fn usages(order: &Order) -> (HashMap<String, NumberUsage>, Option<NumberUsage>) {
    let country = order.fields.rules_country();
    let mut by_number = HashMap::new();
    let mut default = None;
    for item in order
        .fields
        .number_usage
        .iter()
        .filter_map(|i| parse_usage_item(i, country))
    {
        match item.number {
            Some(n) => {
                by_number.insert(n, item.usage);
            }
            None => default = Some(item.usage),
        }
    }
    (by_number, default)
}

/// The role of `number` on `order`.
pub fn role(order: &Order, number: &str) -> Role {
    let (by_number, default) = usages(order);
    role_with(order, number, &by_number, default)
}

fn role_with(
    order: &Order,
    number: &str,
    by_number: &HashMap<String, NumberUsage>,
    default: Option<NumberUsage>,
) -> Role {
    match by_number.get(number).copied().or(default) {
        Some(NumberUsage::Conference) => Role::Conference,
        Some(NumberUsage::VoiceApp) => Role::Service,
        _ if order.fields.number_type_choice() == Some(NumberType::TollFree) => Role::Service,
        _ => Role::User,
    }
}

/// Whether `text` is a GUID as Microsoft writes ids (8-4-4-4-12 hexadecimal digits).
pub fn is_guid(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A user principal name: A-Z a-z 0-9 ' . - _ ! # ^ ~ before the `@` (at most 64, not ending
/// in a dot), a domain of letters, digits, dots and hyphens after it (at most 48, with a dot).
fn is_upn(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = (1..=64).contains(&local.len())
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "'.-_!#^~".contains(c));
    let domain_ok = (3..=48).contains(&domain.len())
        && domain.contains('.')
        && !domain.starts_with(['.', '-'])
        && !domain.ends_with(['.', '-'])
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    local_ok && domain_ok
}

/// Whether a cell holds what cleaning would drop: an escape sequence, a control, bidi or
/// zero-width character, a line break (one in a quoted CSV cell).
fn has_hidden(text: &str) -> bool {
    text.chars().any(|c| {
        super::sanitize::is_unsafe(c) || super::sanitize::is_invisible(c) || c == '\n' || c == '\t'
    })
}

/// What is wrong with an identity for its kind.
fn identity_problem(identity: &str, kind: IdentityKind) -> Option<String> {
    let shown = parse::shown(identity);
    if has_hidden(identity) {
        return Some(format!(
            "the identity “{shown}” holds a control character, an escape sequence or a line break"
        ));
    }
    if identity.chars().count() > IDENTITY_MAX {
        return Some(format!(
            "the identity “{shown}” is longer than {IDENTITY_MAX} characters"
        ));
    }
    let fine = match kind {
        IdentityKind::ConferenceBridge => true,
        _ => {
            let lower = identity.to_ascii_lowercase();
            is_guid(identity) || is_upn(identity) || lower.strip_prefix("sip:").is_some_and(is_upn)
        }
    };
    (!fine).then(|| {
        format!(
            "“{shown}” is not a {}'s user principal name, ObjectId or SIP address \
             (Set-CsPhoneNumberAssignment -Identity), e.g. alice@contoso.com",
            kind.label()
        )
    })
}

/// What is wrong with a `LocationId` cell.
fn location_problem(location: &str, kind: IdentityKind) -> Option<String> {
    if location.is_empty() {
        return None;
    }
    let shown = parse::shown(location);
    if kind == IdentityKind::ConferenceBridge {
        return Some(
            "a conference bridge takes no LocationId: the bridge's numbers are registered \
             without one"
                .into(),
        );
    }
    if location.eq_ignore_ascii_case("null") {
        return Some(
            "LocationId `null` removes a number's location, which Microsoft supports for Direct \
             Routing and Operator Connect numbers, not Calling Plan numbers"
                .into(),
        );
    }
    if has_hidden(location) || location.chars().count() > LOCATION_MAX || !is_guid(location) {
        return Some(format!(
            "“{shown}” is not a LocationId: Get-CsOnlineLisLocation gives it as a GUID, e.g. \
             7fda0c0b-6a3d-48b8-854b-3fbe9dcf6513"
        ));
    }
    None
}

/// What the order says against assigning `number` to `assignment` (its role, the emergency
/// location): errors and warnings. The identity's and location's own form are checked too.
pub fn entry_problems(order: &Order, number: &str, assignment: &Assignment) -> Found {
    let (by_number, default) = usages(order);
    entry_problems_with(order, number, assignment, &by_number, default)
}

fn entry_problems_with(
    order: &Order,
    number: &str,
    a: &Assignment,
    by_number: &HashMap<String, NumberUsage>,
    default: Option<NumberUsage>,
) -> Found {
    let mut found = Found::new();
    let error = |found: &mut Found, text: String| found.push((Severity::Error, text));
    if let Some(p) = identity_problem(&a.identity, a.kind) {
        error(&mut found, p);
    }
    if let Some(p) = location_problem(&a.location_id, a.kind) {
        error(&mut found, p);
    }
    let role = role_with(order, number, by_number, default);
    match (role, a.kind) {
        (Role::Service | Role::Conference, IdentityKind::User) => error(
            &mut found,
            format!(
                "{number} is a service number ({}): Teams assigns it to a resource account (auto \
                 attendant, call queue) or the conferencing bridge, not to a user; give \
                 IdentityType ResourceAccount or ConferenceBridge",
                service_why(order, role)
            ),
        ),
        (Role::User, IdentityKind::ConferenceBridge) => error(
            &mut found,
            format!("{number} is a user number: a conferencing bridge takes only service numbers"),
        ),
        (Role::User, IdentityKind::ResourceAccount) => found.push((
            Severity::Warning,
            format!(
                "{number} is a user number given to a resource account: Microsoft's page on \
                 resource accounts gives them service numbers (a Calling Plan user number may \
                 be refused)"
            ),
        )),
        (Role::Conference, IdentityKind::ResourceAccount) => found.push((
            Severity::Warning,
            format!(
                "{number}'s usage on the order is conference, not an auto attendant or call queue"
            ),
        )),
        (Role::Service, IdentityKind::ConferenceBridge)
            if by_number.get(number).copied().or(default) == Some(NumberUsage::VoiceApp) =>
        {
            found.push((
                Severity::Warning,
                format!("{number}'s usage on the order is voice_app, not a conferencing bridge"),
            ))
        }
        (Role::User, IdentityKind::User)
            if a.location_id.is_empty() && order.fields.route() == Route::UsCanada =>
        {
            error(
                &mut found,
                format!(
                    "{number} goes to a user without an emergency location: in the United States \
                     and Canada Microsoft requires one when a Calling Plan number is assigned to \
                     a user; add its LocationId (Get-CsOnlineLisLocation)"
                ),
            )
        }
        _ => {}
    }
    found
}

fn service_why(order: &Order, role: Role) -> &'static str {
    match role {
        Role::Conference => "its usage is conference",
        _ if order.fields.number_type_choice() == Some(NumberType::TollFree) => "toll-free",
        _ => "its usage is voice_app",
    }
}

/// The order's number a cell names, with or without `+`, in any format the order's country
/// writes; the reason otherwise.
pub fn number_of(order: &Order, cell: &str) -> Result<String, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Err("no phone number".into());
    }
    let shown = parse::shown(cell);
    if cell.chars().count() > 40 || has_hidden(cell) {
        return Err(format!("“{shown}” is not a phone number"));
    }
    let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
    let plus = format!("+{digits}");
    if order.fields.numbers.contains(&plus) {
        return Ok(plus);
    }
    let country = order.fields.rules_country();
    let report = parse_numbers(cell, country, None);
    let e164 = match report.entries.as_slice() {
        [one] => one.e164.clone(),
        _ => None,
    };
    match e164 {
        Some(n) if order.fields.numbers.contains(&n) => Ok(n),
        Some(n) => Err(format!("{n} is not one of order {}'s numbers", order.id)),
        None if digits.len() >= 7 => {
            Err(format!("{plus} is not one of order {}'s numbers", order.id))
        }
        None => Err(format!("“{shown}” is not a phone number")),
    }
}

/// The assignment a row asks for: `Ok(None)` clears the number (an empty identity).
fn assignment_of(row: &Row) -> Result<Option<Assignment>, String> {
    let kind = match row.kind.trim() {
        "" => IdentityKind::User,
        word => IdentityKind::parse(word).ok_or_else(|| {
            format!(
                "IdentityType “{}” is not User, ResourceAccount or ConferenceBridge",
                parse::shown(word)
            )
        })?,
    };
    let identity = row.identity.trim();
    let location = row.location_id.trim();
    if identity.is_empty() {
        if !location.is_empty() {
            return Err("a LocationId without an Identity: give the identity too".into());
        }
        return Ok(None);
    }
    Ok(Some(Assignment {
        identity: identity.to_string(),
        kind,
        location_id: location.to_string(),
    }))
}

/// Read `rows` against `order`: the changes they make to its plan and every problem, by line.
/// A number not on the order, a number given twice, an identity or location that is not one,
/// and the order's rules (`entry_problems`) are errors; an identity given two numbers is a
/// warning (a user or resource account has one number; portwiz writes no `-AssignmentCategory`).
pub fn propose(order: &Order, rows: &[Row]) -> Proposal {
    let (by_number, default) = usages(order);
    let mut proposal = Proposal::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut plan = order.assignments.clone();
    for row in rows {
        let issue = |severity, number: Option<&String>, text: String| Issue {
            line: row.line,
            number: number.cloned(),
            severity,
            text,
        };
        let number = match number_of(order, &row.number) {
            Ok(n) => n,
            Err(text) => {
                proposal.issues.push(issue(Severity::Error, None, text));
                continue;
            }
        };
        if let Some(first) = seen.insert(number.clone(), row.line) {
            proposal.issues.push(issue(
                Severity::Error,
                Some(&number),
                format!("{number} is given twice (also on line {first})"),
            ));
            continue;
        }
        let after = match assignment_of(row) {
            Ok(a) => a,
            Err(text) => {
                proposal
                    .issues
                    .push(issue(Severity::Error, Some(&number), text));
                continue;
            }
        };
        if let Some(a) = &after {
            for (severity, text) in entry_problems_with(order, &number, a, &by_number, default) {
                proposal.issues.push(issue(severity, Some(&number), text));
            }
        }
        let before = order.assignments.get(&number).cloned();
        match &after {
            Some(a) => plan.insert(number.clone(), a.clone()),
            None => plan.remove(&number),
        };
        if before != after {
            proposal.changes.push(PlanChange {
                number,
                before,
                after,
            });
        }
    }
    proposal.issues.extend(shared_identities(&plan, &seen));
    proposal
}

/// A user or resource account given more than one number in the plan: a warning at each line
/// of the sheet that gives it one.
fn shared_identities(plan: &Plan, lines: &HashMap<String, usize>) -> Vec<Issue> {
    let mut by_identity: HashMap<String, Vec<&String>> = HashMap::new();
    for (number, a) in plan {
        if a.kind != IdentityKind::ConferenceBridge {
            by_identity
                .entry(a.identity.to_lowercase())
                .or_default()
                .push(number);
        }
    }
    let mut issues = Vec::new();
    let mut said = HashSet::new();
    for numbers in by_identity.values().filter(|n| n.len() > 1) {
        for number in numbers {
            let Some(line) = lines.get(*number) else {
                continue;
            };
            if !said.insert(*number) {
                continue;
            }
            let others: Vec<&str> = numbers
                .iter()
                .filter(|n| *n != number)
                .map(|n| n.as_str())
                .collect();
            issues.push(Issue {
                line: *line,
                number: Some((*number).clone()),
                severity: Severity::Warning,
                text: format!(
                    "{} is also given {}: a user or resource account takes one number here \
                     (the second assignment replaces the first, or is refused)",
                    plan[*number].identity,
                    others.join(", ")
                ),
            });
        }
    }
    issues.sort_by_key(|i| i.line);
    issues
}

/// The plan's entries the order itself now argues with (a number no longer on it, a rule the
/// entry breaks): what `export --format powershell` checks again before writing a line.
pub fn plan_problems(order: &Order) -> Vec<(String, Found)> {
    let (by_number, default) = usages(order);
    order
        .assignments
        .iter()
        .filter_map(|(number, a)| {
            let mut found = if order.fields.numbers.contains(number) {
                entry_problems_with(order, number, a, &by_number, default)
            } else {
                vec![(
                    Severity::Error,
                    format!("{number} is no longer one of the order's numbers"),
                )]
            };
            found.retain(|(s, _)| *s == Severity::Error);
            (!found.is_empty()).then(|| (number.clone(), found))
        })
        .collect()
}

/// A stored plan as rows (line 0: no sheet), for checking it against an order again: an
/// imported export's plan goes through `propose` like a sheet.
pub fn rows_of(plan: &Plan) -> Vec<Row> {
    plan.iter()
        .map(|(number, a)| Row {
            line: 0,
            number: number.clone(),
            identity: a.identity.clone(),
            location_id: a.location_id.clone(),
            kind: a.kind.key().to_string(),
        })
        .collect()
}

/// The longest history note an assignment writes: the first numbers by name, then a count.
const NOTE_NUMBERS: usize = 5;

impl Order {
    /// Apply checked changes to the plan as one history entry ("Numbers assigned"). Refused on a
    /// cancelled order; a number no longer on the order is left out of the plan.
    pub fn assign(&mut self, changes: &[PlanChange], now: Timestamp) -> Result<(), Refusal> {
        if self.status == Status::Cancelled {
            return Err(Refusal::new(format!(
                "Order {} is cancelled: its numbers are not ported, so there is nothing to \
                 assign.",
                self.id
            )));
        }
        if changes.is_empty() {
            return Ok(());
        }
        for change in changes {
            match &change.after {
                Some(a) => self.assignments.insert(change.number.clone(), a.clone()),
                None => self.assignments.remove(&change.number),
            };
        }
        let numbers = &self.fields.numbers;
        self.assignments.retain(|n, _| numbers.contains(n));
        let note = assignment_note(changes);
        self.record(now, Event::Assigned, None, note, Vec::new());
        Ok(())
    }

    /// How many of the order's numbers have an assignment.
    pub fn assigned_count(&self) -> usize {
        self.fields
            .numbers
            .iter()
            .filter(|n| self.assignments.contains_key(*n))
            .count()
    }
}

/// "Assigned 2 numbers: +14255550100 → alice@contoso.com (user); … Cleared 1: +14255550102".
fn assignment_note(changes: &[PlanChange]) -> String {
    let (set, cleared): (Vec<&PlanChange>, Vec<&PlanChange>) =
        changes.iter().partition(|c| c.after.is_some());
    let list = |items: &[&PlanChange], each: &dyn Fn(&PlanChange) -> String| {
        let mut shown: Vec<String> = items.iter().take(NOTE_NUMBERS).map(|c| each(c)).collect();
        if items.len() > NOTE_NUMBERS {
            shown.push(format!("and {} more", items.len() - NOTE_NUMBERS));
        }
        shown.join("; ")
    };
    let plural = |n: usize| if n == 1 { "number" } else { "numbers" };
    let mut parts = Vec::new();
    if !set.is_empty() {
        let each = |c: &PlanChange| {
            let to = c
                .after
                .as_ref()
                .map(Assignment::describe)
                .unwrap_or_default();
            format!("{} → {to}", c.number)
        };
        parts.push(format!(
            "Assigned {} {}: {}",
            set.len(),
            plural(set.len()),
            list(&set, &each)
        ));
    }
    if !cleared.is_empty() {
        let each = |c: &PlanChange| c.number.clone();
        parts.push(format!(
            "Cleared {} {}: {}",
            cleared.len(),
            plural(cleared.len()),
            list(&cleared, &each)
        ));
    }
    let mut note = parts.join(". ");
    super::sanitize::cut_to(&mut note, 1_000);
    note
}
