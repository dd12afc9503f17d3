//! `export --format powershell` (docs/assign.md): the order's assignment plan as the Teams
//! PowerShell lines that carry it out, one line a number. A user's or resource account's number:
//! `Set-CsPhoneNumberAssignment -Identity '…' -PhoneNumber '…' -PhoneNumberType CallingPlan
//! [-LocationId '…']` (Microsoft's reference for the cmdlet: it assigns a number to a user or a
//! resource account). A conference bridge's: `Register-CsOnlineDialInConferencingServiceNumber
//! -Identity '…' -BridgeName '…'` (or `-BridgeId` for a GUID), the cmdlet Microsoft documents for
//! adding a service number to the bridge. A header of comments says which order, which tenant and
//! when, and which numbers have no assignment yet.
//!
//! Every value is single-quoted, where PowerShell expands nothing (`$`, backticks and double
//! quotes are literal); a quote inside is doubled, and PowerShell takes the typographic quotes
//! ‘ ’ ‚ ‛ for quotes too, so they are doubled the same way. Values are cleaned first: no control
//! character, escape sequence or line break reaches the script, so a value can never end its
//! line.

use super::super::assign::{is_guid, plan_problems};
use super::super::assignment::{Assignment, IdentityKind};
use super::super::order::Order;
use super::super::sanitize::value_text;
use super::one_line;
use jiff::Timestamp;

/// Where and when the script is written: what its header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The tenant whose store holds the order; `None`: the store itself.
    pub tenant: Option<String>,
    pub at: Timestamp,
}

/// Why no script is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScriptError {
    #[error(
        "no number of order {0} is assigned yet: give each its identity with `portwiz assign {0} \
         FILE.csv` (or `A` on the order's page in the app)"
    )]
    NothingAssigned(String),
    #[error("the assignment plan of order {id} no longer fits the order; nothing was written:\n{}", .problems.join("\n"))]
    Plan { id: String, problems: Vec<String> },
}

/// The characters PowerShell reads as a single quote.
const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

/// `value` as a PowerShell single-quoted string: cleaned of control characters (line breaks
/// become spaces), each quote character doubled.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value_text(value).chars() {
        out.push(c);
        if SINGLE_QUOTES.contains(&c) {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// The line that assigns `number` as `a` says.
pub fn line(number: &str, a: &Assignment) -> String {
    match a.kind {
        IdentityKind::ConferenceBridge => {
            let by = if is_guid(&a.identity) {
                "-BridgeId"
            } else {
                "-BridgeName"
            };
            format!(
                "Register-CsOnlineDialInConferencingServiceNumber -Identity {} {by} {}",
                quoted(number),
                quoted(&a.identity)
            )
        }
        IdentityKind::User | IdentityKind::ResourceAccount => {
            let mut line = format!(
                "Set-CsPhoneNumberAssignment -Identity {} -PhoneNumber {} -PhoneNumberType CallingPlan",
                quoted(&a.identity),
                quoted(number)
            );
            if !a.location_id.is_empty() {
                line.push_str(&format!(" -LocationId {}", quoted(&a.location_id)));
            }
            line
        }
    }
}

/// The script. Refused when nothing is assigned, or when the order no longer fits its plan (a
/// number gone, a rule broken since): a partial script would look complete.
pub fn render(order: &Order, written: &Written) -> Result<String, ScriptError> {
    let problems: Vec<String> = plan_problems(order)
        .into_iter()
        .flat_map(|(number, found)| {
            found
                .into_iter()
                .map(move |(_, text)| format!("{number}: {text}"))
        })
        .collect();
    if !problems.is_empty() {
        return Err(ScriptError::Plan {
            id: order.id.clone(),
            problems,
        });
    }
    let numbers = &order.fields.numbers;
    if !numbers.iter().any(|n| order.assignments.contains_key(n)) {
        return Err(ScriptError::NothingAssigned(order.id.clone()));
    }
    let mut out = header(order, written);
    for number in numbers {
        if let Some(a) = order.assignments.get(number) {
            out.push_str(&line(number, a));
            out.push('\n');
        }
    }
    Ok(out)
}

fn header(order: &Order, written: &Written) -> String {
    let tenant = written
        .tenant
        .as_deref()
        .map_or_else(|| "none (the store's own orders)".to_string(), one_line);
    let mut out = format!(
        "# portwiz: the Teams assignments of order {} ({})\n# Tenant: {tenant}\n# Written: {}\n",
        one_line(&order.id),
        one_line(&order.display_name()),
        written.at.strftime("%Y-%m-%d %H:%M UTC"),
    );
    out.push_str(&format!(
        "# Order status: {}; run these lines once Teams lists the numbers (portwiz reconcile shows \
         them ported), connected with Connect-MicrosoftTeams.\n",
        order.status.label()
    ));
    let missing: Vec<&str> = order
        .fields
        .numbers
        .iter()
        .filter(|n| !order.assignments.contains_key(*n))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        let shown: Vec<&str> = missing.iter().take(20).copied().collect();
        let more = match missing.len() {
            n if n > 20 => format!(" and {} more", n - 20),
            _ => String::new(),
        };
        out.push_str(&format!(
            "# Not assigned yet ({}): {}{more}\n",
            missing.len(),
            shown.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests;
