//! The stable field keys of docs/field-keys.md. They appear in files, CLI output and tests, so their
//! spelling never changes; everything that names a field uses `FieldKey`.

use std::fmt;

/// Makes `FieldKey` from the rows of `field_table`: each row's variant and stable key (the
/// rest of the row is the registry's).
macro_rules! key_enum {
    ($($variant:ident => $key:literal at $($slot:ident).+ { $($spec:tt)* })+) => {
        /// One field of a port order, named by its stable key, in the wizard's order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[derive(serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum FieldKey { $($variant),+ }

        impl FieldKey {
            /// Every key, in the wizard's order.
            pub const ALL: &'static [FieldKey] = &[$(FieldKey::$variant),+];

            /// The stable key as written in files and on the command line.
            pub const fn as_str(self) -> &'static str {
                match self { $(FieldKey::$variant => $key),+ }
            }
        }

        impl std::str::FromStr for FieldKey {
            type Err = UnknownFieldKey;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($key => Ok(FieldKey::$variant),)+
                    _ => Err(UnknownFieldKey(s.to_string())),
                }
            }
        }
    };
}

super::field_table::field_rows!(key_enum);

/// A key that is not one of docs/field-keys.md.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown field key `{0}` ({hint})", hint = unknown_key_hint(&self.0))]
pub struct UnknownFieldKey(pub String);

/// What to say about a name that is no key: the key most likely meant (a British spelling, a
/// typo), then every key.
pub fn unknown_key_hint(name: &str) -> String {
    let known = FieldKey::ALL
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    match FieldKey::closest(name) {
        Some(key) => format!(
            "did you mean `{key}`? known keys: {known}",
            key = key.as_str()
        ),
        None => format!("known keys: {known}"),
    }
}

/// Edits (insert, delete, replace a character) between two names, case ignored.
fn distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(&a.to_lowercase(), &b.to_lowercase())
}

impl FieldKey {
    /// The one key within two edits of `name` (`organisation_name`, `service_adress.city`),
    /// when exactly one is that close.
    pub fn closest(name: &str) -> Option<FieldKey> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let near: Vec<FieldKey> = FieldKey::ALL
            .iter()
            .copied()
            .filter(|k| distance(name, k.as_str()) <= 2)
            .collect();
        match near.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The keys a group name stands for: `authorized_user` is both name keys, `service_address`
    /// every address key (the part of the key before its dot); any other group is the key of
    /// the same name.
    pub fn group(name: &str) -> Option<Vec<FieldKey>> {
        if let Ok(key) = name.parse() {
            return Some(vec![key]);
        }
        let keys: Vec<FieldKey> = FieldKey::ALL
            .iter()
            .copied()
            .filter(|k| k.group_name() == name)
            .collect();
        (!keys.is_empty()).then_some(keys)
    }

    /// The groups of more than one key (`authorized_user`, `service_address`), as `--fields`
    /// takes them besides the keys.
    pub fn groups() -> Vec<&'static str> {
        let mut groups: Vec<&str> = FieldKey::ALL
            .iter()
            .filter(|k| k.group_name() != k.as_str())
            .map(|k| k.group_name())
            .collect();
        groups.dedup();
        groups
    }

    /// The group a key belongs to (`authorized_user.first_name` → `authorized_user`). A country's
    /// identifiers are each a value of its own, not parts of one (`identifiers.rio` is its own
    /// group: a rejection of the RIO is not answered by changing the SIRET).
    pub fn group_name(self) -> &'static str {
        let key = self.as_str();
        match key.split_once('.') {
            Some(("identifiers", _)) => key,
            Some((group, _)) => group,
            None => key,
        }
    }
}

impl fmt::Display for FieldKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Files write a key as its stable string (the derive's `into`) and read it through `FromStr`
/// (`try_from`), so an unknown key says which one was meant.
impl From<FieldKey> for &'static str {
    fn from(key: FieldKey) -> &'static str {
        key.as_str()
    }
}

impl TryFrom<String> for FieldKey {
    type Error = UnknownFieldKey;
    fn try_from(s: String) -> Result<FieldKey, UnknownFieldKey> {
        s.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_round_trips_through_its_string() {
        for key in FieldKey::ALL {
            assert_eq!(key.as_str().parse::<FieldKey>(), Ok(*key));
        }
        // Every row of the field table has its key, once, in the table's order.
        let table: Vec<FieldKey> = crate::domain::FIELDS.iter().map(|f| f.key).collect();
        assert_eq!(FieldKey::ALL, table.as_slice());
        let mut unique = table.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), table.len());
        assert!("colour".parse::<FieldKey>().is_err());
    }

    #[test]
    fn groups_expand_to_their_keys() {
        // A group is every key written `group.part`, counted from the table.
        for group in ["authorized_user", "service_address"] {
            let members = FieldKey::ALL
                .iter()
                .filter(|k| k.as_str().starts_with(&format!("{group}.")))
                .count();
            assert!(members > 1, "{group}");
            assert_eq!(FieldKey::group(group).map(|g| g.len()), Some(members));
        }
        assert_eq!(FieldKey::group("pin"), Some(vec![FieldKey::Pin]));
        assert_eq!(FieldKey::group("nonsense"), None);
        assert_eq!(
            FieldKey::ServiceAddressPostalCode.group_name(),
            "service_address"
        );
    }

    /// Found by `stats` on the demo's French order: its rejection of the RIO was counted under
    /// "Underlying carrier", the first identifier, as if the identifiers were one field.
    #[test]
    fn each_identifier_is_its_own_group() {
        assert_eq!(FieldKey::IdRio.group_name(), "identifiers.rio");
        assert_ne!(FieldKey::IdRio.group_name(), FieldKey::IdSiret.group_name());
        assert_eq!(
            FieldKey::group("identifiers.rio"),
            Some(vec![FieldKey::IdRio])
        );
    }
}
