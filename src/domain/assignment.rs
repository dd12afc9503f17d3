//! The assignment plan: who each ported number goes to in Teams once it has arrived (domain.md
//! §9; docs/assign.md). Per number (E.164): the identity (a user, a resource account for an auto
//! attendant or call queue, or a conference bridge) and, optionally, the emergency location's
//! `LocationId`. The plan is an optional part of the order file (`assignments`), absent from files
//! written before it, so old files read as they are (docs/storage.md). The rules that check a plan
//! against its order are `domain::assign`'s; this module holds only its shape, its caps and the
//! per-number merge of two windows' plans.

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// The longest identity kept, in characters. A user principal name is at most 113 characters
/// (Microsoft Graph's user resource: 64 before the `@`, 48 after); a SIP address adds `sip:`; a
/// conference bridge's name is free text. Longer is refused at input and cut on the way in from
/// a file.
pub const IDENTITY_MAX: usize = 256;
/// The longest `LocationId` kept: Get-CsOnlineLisLocation gives a GUID (36 characters).
pub const LOCATION_MAX: usize = 64;
/// The most numbers a plan holds: as many as an order (a Service Center case) keeps.
pub const PLAN_MAX: usize = 10_000;

/// What a number is assigned to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    /// A person (`Set-CsPhoneNumberAssignment -Identity` a user).
    #[default]
    User,
    /// A resource account of an auto attendant or a call queue.
    ResourceAccount,
    /// The tenant's audio conferencing bridge (`Register-CsOnlineDialInConferencingServiceNumber`).
    ConferenceBridge,
}

impl IdentityKind {
    pub const ALL: [IdentityKind; 3] = [
        IdentityKind::User,
        IdentityKind::ResourceAccount,
        IdentityKind::ConferenceBridge,
    ];

    /// The word a sheet's `IdentityType` column and the app use: `User`, `ResourceAccount`,
    /// `ConferenceBridge`.
    pub const fn key(self) -> &'static str {
        match self {
            IdentityKind::User => "User",
            IdentityKind::ResourceAccount => "ResourceAccount",
            IdentityKind::ConferenceBridge => "ConferenceBridge",
        }
    }

    /// For a person: "user", "resource account", "conference bridge".
    pub const fn label(self) -> &'static str {
        match self {
            IdentityKind::User => "user",
            IdentityKind::ResourceAccount => "resource account",
            IdentityKind::ConferenceBridge => "conference bridge",
        }
    }

    /// Read an `IdentityType` cell, any case and spacing: the keys, and the words people use
    /// (`auto attendant`, `call queue`, `bridge`…).
    pub fn parse(text: &str) -> Option<IdentityKind> {
        let word: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        match word.as_str() {
            "user" | "person" | "users" => Some(IdentityKind::User),
            "resourceaccount"
            | "resource"
            | "autoattendant"
            | "callqueue"
            | "voiceapp"
            | "applicationinstance" => Some(IdentityKind::ResourceAccount),
            "conferencebridge" | "bridge" | "conference" | "conferencing" | "audioconferencing" => {
                Some(IdentityKind::ConferenceBridge)
            }
            _ => None,
        }
    }
}

/// One number's assignment, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// A user principal name, an ObjectId or a SIP address (a user or a resource account), or a
    /// conference bridge's name or id. Cleaned and capped on the way in from a file.
    #[serde(deserialize_with = "read_identity")]
    pub identity: String,
    #[serde(default)]
    pub kind: IdentityKind,
    /// The emergency location's id (Get-CsOnlineLisLocation); empty: none given.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "read_location"
    )]
    pub location_id: String,
}

impl Assignment {
    /// One line for a person: `alice@contoso.com (user, location 7fda…)`.
    pub fn describe(&self) -> String {
        let location = if self.location_id.is_empty() {
            String::new()
        } else {
            format!(", location {}", self.location_id)
        };
        format!("{} ({}{location})", self.identity, self.kind.label())
    }
}

/// The plan: each number's assignment, by E.164 number.
pub type Plan = BTreeMap<String, Assignment>;

/// Text from a file as a stored value: cleaned like a field value, one line, cut to `max` chars.
pub fn stored_text(raw: &str, max: usize) -> String {
    let text = super::sanitize::value_text(raw);
    text.trim()
        .chars()
        .take(max)
        .collect::<String>()
        .trim()
        .to_string()
}

fn read_identity<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(stored_text(&String::deserialize(d)?, IDENTITY_MAX))
}

fn read_location<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(stored_text(&String::deserialize(d)?, LOCATION_MAX))
}

/// An order file's plan: numbers cleaned and capped like the rest, at most [`PLAN_MAX`] of them
/// (a longer plan was not written by portwiz; the first ones are kept).
pub fn read_plan<'de, D: Deserializer<'de>>(d: D) -> Result<Plan, D::Error> {
    let raw: BTreeMap<String, Assignment> = BTreeMap::deserialize(d)?;
    Ok(raw
        .into_iter()
        .map(|(number, a)| (stored_text(&number, 40), a))
        .filter(|(number, a)| !number.is_empty() && !a.identity.is_empty())
        .take(PLAN_MAX)
        .collect())
}

/// A number of a plan as a copyable key (E.164 digits): what a merge conflict names.
pub fn number_key(number: &str) -> Option<u64> {
    number.strip_prefix('+')?.parse().ok()
}

/// Two windows' plans, both from `base`, number by number: a number only one side changed takes
/// that side's assignment; a number both changed differently is returned for the user to settle
/// (theirs is kept meanwhile). Returns the merged plan, the numbers theirs changed, and the
/// numbers in conflict.
pub fn merge_plans(base: &Plan, theirs: &Plan, mine: &Plan) -> (Plan, Vec<String>, Vec<String>) {
    let mut merged = theirs.clone();
    let mut theirs_changed = Vec::new();
    let mut conflicts = Vec::new();
    let numbers: std::collections::BTreeSet<&String> = base
        .keys()
        .chain(theirs.keys())
        .chain(mine.keys())
        .collect();
    for number in numbers {
        let (b, t, m) = (base.get(number), theirs.get(number), mine.get(number));
        if t != b {
            theirs_changed.push(number.clone());
        }
        if m == b || m == t {
            continue;
        }
        if t == b {
            match m {
                Some(a) => merged.insert(number.clone(), a.clone()),
                None => merged.remove(number),
            };
        } else {
            conflicts.push(number.clone());
        }
    }
    (merged, theirs_changed, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(identity: &str) -> Assignment {
        Assignment {
            identity: identity.into(),
            kind: IdentityKind::User,
            location_id: String::new(),
        }
    }

    #[test]
    fn a_file_without_a_plan_or_a_kind_reads_and_hostile_text_is_cleaned_and_cut() {
        let plan: Plan = serde_json::from_str::<serde_json::Value>(&format!(
            r#"{{"+14255550100": {{"identity": "al\u001b[2Jice@contoso.com\n"}},
                "+14255550101": {{"identity": "{}", "kind": "resource_account", "location_id": "x"}}}}"#,
            "a".repeat(5_000)
        ))
        .and_then(|v| {
            let mut d = serde_json::json!({ "p": v });
            let p = d["p"].take();
            read_plan(p)
        })
        .unwrap();
        assert_eq!(plan["+14255550100"].identity, "alice@contoso.com");
        assert_eq!(plan["+14255550100"].kind, IdentityKind::User);
        assert_eq!(plan["+14255550101"].identity.chars().count(), IDENTITY_MAX);
        assert_eq!(plan["+14255550101"].kind, IdentityKind::ResourceAccount);
    }

    #[test]
    fn plans_merge_number_by_number() {
        let base: Plan = [("+1".to_string(), user("a@x.com"))].into();
        let mut theirs = base.clone();
        theirs.insert("+2".into(), user("b@x.com"));
        let mut mine = base.clone();
        mine.insert("+3".into(), user("c@x.com"));
        let (merged, changed, conflicts) = merge_plans(&base, &theirs, &mine);
        assert_eq!(merged.len(), 3);
        assert_eq!(changed, ["+2"]);
        assert!(conflicts.is_empty());
        mine.insert("+1".into(), user("m@x.com"));
        theirs.insert("+1".into(), user("t@x.com"));
        let (merged, _, conflicts) = merge_plans(&base, &theirs, &mine);
        assert_eq!(conflicts, ["+1"]);
        assert_eq!(merged["+1"].identity, "t@x.com");
        // Mine removing a number theirs left alone removes it.
        let mine: Plan = Plan::new();
        let (merged, _, _) = merge_plans(&base, &base, &mine);
        assert!(merged.is_empty());
    }

    #[test]
    fn kinds_read_the_words_people_use() {
        assert_eq!(
            IdentityKind::parse(" Call queue "),
            Some(IdentityKind::ResourceAccount)
        );
        assert_eq!(
            IdentityKind::parse("ConferenceBridge"),
            Some(IdentityKind::ConferenceBridge)
        );
        assert_eq!(IdentityKind::parse("USER"), Some(IdentityKind::User));
        assert_eq!(IdentityKind::parse("fax"), None);
    }
}
