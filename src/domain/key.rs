//! The stable field keys of design.md §2. They appear in files, CLI output and tests, so their
//! spelling never changes; everything that names a field uses `FieldKey`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

macro_rules! field_keys {
    ($($variant:ident => $key:literal),+ $(,)?) => {
        /// One field of a port order, named by its stable key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FieldKey { $($variant),+ }

        impl FieldKey {
            /// Every key, in the wizard's order.
            pub const ALL: &'static [FieldKey] = &[$(FieldKey::$variant),+];

            /// The stable key as written in files and on the command line.
            pub const fn as_str(self) -> &'static str {
                match self { $(FieldKey::$variant => $key),+ }
            }
        }

        impl FromStr for FieldKey {
            type Err = UnknownFieldKey;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s { $($key => Ok(FieldKey::$variant),)+ _ => Err(UnknownFieldKey(s.to_string())) }
            }
        }
    };
}

field_keys! {
    Country => "country",
    NumberType => "number_type",
    Numbers => "numbers",
    PortType => "port_type",
    BillingTelephoneNumber => "billing_telephone_number",
    ReplacementBtn => "replacement_btn",
    CurrentCarrier => "current_carrier",
    OrganizationName => "organization_name",
    AccountNumber => "account_number",
    Pin => "pin",
    AuthorizedUserFirstName => "authorized_user.first_name",
    AuthorizedUserLastName => "authorized_user.last_name",
    ServiceAddressStreet => "service_address.street",
    ServiceAddressCity => "service_address.city",
    ServiceAddressState => "service_address.state",
    ServiceAddressPostalCode => "service_address.postal_code",
    ServiceAddressCountry => "service_address.country",
    Documents => "documents",
    OrderName => "order_name",
    PortDate => "port_date",
    PortTime => "port_time",
    RequesterName => "requester.name",
    RequesterEmail => "requester.email",
    NotificationEmails => "notification_emails",
    Loa => "loa",
}

/// A key that is not one of design.md §2.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown field key `{0}` (known keys: {known})", known = known_keys())]
pub struct UnknownFieldKey(pub String);

fn known_keys() -> String {
    FieldKey::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
}

impl FieldKey {
    /// The keys a group name stands for: `authorized_user` is both name keys, `service_address`
    /// every address key; any other group is the key of the same name.
    pub fn group(name: &str) -> Option<Vec<FieldKey>> {
        use FieldKey::*;
        match name {
            "authorized_user" => Some(vec![AuthorizedUserFirstName, AuthorizedUserLastName]),
            "service_address" => Some(vec![
                ServiceAddressStreet,
                ServiceAddressCity,
                ServiceAddressState,
                ServiceAddressPostalCode,
                ServiceAddressCountry,
            ]),
            "requester" => Some(vec![RequesterName, RequesterEmail]),
            other => other.parse().ok().map(|k| vec![k]),
        }
    }

    /// The group a key belongs to (`authorized_user.first_name` → `authorized_user`).
    pub fn group_name(self) -> &'static str {
        let key = self.as_str();
        match key.split_once('.') {
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

impl Serialize for FieldKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FieldKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
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
        assert_eq!(FieldKey::ALL.len(), 25);
    }

    #[test]
    fn groups_expand_to_their_keys() {
        assert_eq!(FieldKey::group("authorized_user").map(|g| g.len()), Some(2));
        assert_eq!(FieldKey::group("service_address").map(|g| g.len()), Some(5));
        assert_eq!(FieldKey::group("pin"), Some(vec![FieldKey::Pin]));
        assert_eq!(FieldKey::group("nonsense"), None);
        assert_eq!(FieldKey::ServiceAddressPostalCode.group_name(), "service_address");
    }
}
