//! The values of an order's fields, as the edit operation (`domain::edit`) stored them:
//! normalised where the input could be understood, else as typed, for validation to report (a
//! draft keeps what was entered). Reading and writing by key goes through `OrderFields::get` and
//! `OrderFields::set`, generated from the registry's one field table, so every caller names
//! fields by [`FieldKey`]. The struct is the file's shape; a test checks that its slots and the
//! table's keys are the same set.

use super::rules::{Country, NumberType};
use super::secret::Secret;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderFields {
    pub country: String,
    pub number_type: String,
    pub numbers: Vec<String>,
    /// Each number's usage (`+NUMBER usage`), asked by the All regions wizard only: left out of
    /// the file while empty, so files without it (every order before it) read as they are.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub number_usage: Vec<String>,
    pub port_type: String,
    pub billing_telephone_number: String,
    pub replacement_btn: String,
    pub current_carrier: String,
    pub organization_name: String,
    pub account_number: String,
    pub pin: Secret,
    pub authorized_user: Person,
    pub service_address: Address,
    pub documents: Vec<String>,
    pub order_name: String,
    pub port_date: String,
    pub port_time: String,
    pub requester: Requester,
    pub notification_emails: Vec<String>,
    pub loa: String,
    /// Left out of the file while empty, so orders without identifiers keep their shape.
    #[serde(skip_serializing_if = "Identifiers::is_empty")]
    pub identifiers: Identifiers,
}

/// The identifiers carriers of some countries ask for (`identifiers.<name>`); which country
/// asks which is the country rulebook's (`assets/countries.json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Identifiers {
    pub underlying_carrier: String,
    pub pac: String,
    pub rio: String,
    pub siret: String,
    pub head_number: String,
    pub migration_code: String,
    pub codice_fiscale: String,
    pub cvp: String,
    pub nif: String,
    pub abn: String,
    pub port_category: String,
}

impl Identifiers {
    pub fn is_empty(&self) -> bool {
        *self == Identifiers::default()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub first_name: String,
    pub last_name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Address {
    pub street: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub country: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Requester {
    pub name: String,
    pub email: String,
}

/// A field's value: most fields are one line of text, three are lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    List(Vec<String>),
}

impl FieldValue {
    pub fn is_empty(&self) -> bool {
        match self {
            FieldValue::Text(t) => t.trim().is_empty(),
            FieldValue::List(l) => l.iter().all(|v| v.trim().is_empty()),
        }
    }

    /// One line for display and comparison; list items joined with `; ` as Teams writes them.
    pub fn to_line(&self) -> String {
        match self {
            FieldValue::Text(t) => t.clone(),
            FieldValue::List(l) => l.join("; "),
        }
    }
}

/// One slot of `OrderFields`: how a value of its type is read and written by key.
pub(super) trait Slot {
    fn read(&self) -> FieldValue;
    fn write(&mut self, value: FieldValue);
    /// `read().is_empty()`, without copying the value (10,000 numbers, at every check).
    fn is_blank(&self) -> bool;
}

impl Slot for String {
    fn read(&self) -> FieldValue {
        FieldValue::Text(self.clone())
    }
    fn is_blank(&self) -> bool {
        self.trim().is_empty()
    }
    fn write(&mut self, value: FieldValue) {
        *self = match value {
            FieldValue::Text(t) => t,
            FieldValue::List(l) => l.join("; "),
        };
    }
}

impl Slot for Vec<String> {
    fn read(&self) -> FieldValue {
        FieldValue::List(self.clone())
    }
    fn is_blank(&self) -> bool {
        self.iter().all(|v| v.trim().is_empty())
    }
    fn write(&mut self, value: FieldValue) {
        let items = match value {
            FieldValue::List(l) => l,
            FieldValue::Text(t) => split_list(&t),
        };
        *self = items
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
}

impl Slot for Secret {
    fn read(&self) -> FieldValue {
        FieldValue::Text(self.expose().to_string())
    }
    fn is_blank(&self) -> bool {
        self.expose().trim().is_empty()
    }
    fn write(&mut self, value: FieldValue) {
        let mut text = String::new();
        Slot::write(&mut text, value);
        *self = Secret::new(text);
    }
}

impl OrderFields {
    /// The order's country as chosen; `None` while none (or no known one) is.
    pub fn country_choice(&self) -> Option<Country> {
        self.country.parse().ok()
    }

    /// The country the rules check against: the chosen one, the US until one is chosen (the
    /// country's own "required" error says so). The one place this default lives.
    pub fn rules_country(&self) -> Country {
        self.country_choice().unwrap_or(Country::Us)
    }

    /// The service address's country, or the order's while it is not chosen.
    pub fn address_country(&self) -> Country {
        self.service_address
            .country
            .parse()
            .unwrap_or_else(|_| self.rules_country())
    }

    /// The wizard whose pages the order is drafted in: its country's route (docs/countries.md).
    /// A Service Center case is drafted in the same pages (the case asks the same values).
    pub fn route(&self) -> super::countries::Route {
        self.rules_country().route()
    }

    /// Where the order is submitted: the Phone Number Service Center when
    /// [`case_reasons`](Self::case_reasons) names any reason, else its country's wizard.
    pub fn submission_route(&self) -> super::countries::Route {
        if self.case_reasons().is_empty() {
            self.route()
        } else {
            super::countries::Route::ServiceCenter
        }
    }

    /// Why the order goes to the Service Center instead of the wizard (docs/countries.md, the Service Center): more than
    /// 999 numbers, or service numbers. None: the wizard takes it.
    pub fn case_reasons(&self) -> Vec<super::rules::service_center::CaseReason> {
        super::rules::service_center::case_reasons(
            self.numbers.len(),
            &self.number_usage,
            self.rules_country(),
        )
    }

    /// Whether the service address's country writes a state, province or prefecture line
    /// (its rulebook's region; yes while the country is not known).
    pub fn address_has_region(&self) -> bool {
        let country = self.address_country().rules();
        country.is_none_or(|c| c.region.is_some())
    }

    /// Whether the service address's country has postcodes (not Hong Kong; yes while the
    /// country is not known).
    pub fn address_has_postcode(&self) -> bool {
        let country = self.address_country().rules();
        country.is_none_or(|c| c.postcode.is_some())
    }

    pub fn number_type_choice(&self) -> Option<NumberType> {
        self.number_type.parse().ok()
    }

    /// The zone the carrier's times of this order (port time, FOC time) are given in: US
    /// Eastern on the US & Canada route, the country's own zone elsewhere (docs/countries.md).
    pub fn carrier_zone(&self) -> jiff::tz::TimeZone {
        match self.carrier_zone_rules() {
            Some(rules) => rules.zone(),
            None => super::rules::port_date::eastern(),
        }
    }

    /// [`Self::carrier_zone`]'s name, as written after a time: "US Eastern", "Europe/Paris".
    pub fn carrier_zone_name(&self) -> String {
        match self.carrier_zone_rules() {
            Some(rules) => rules.time_zone.value.clone(),
            None => "US Eastern".to_string(),
        }
    }

    /// The country's rules when its times are its own (not US Eastern).
    fn carrier_zone_rules(&self) -> Option<&'static super::countries::CountryRules> {
        match self.route() {
            super::countries::Route::UsCanada => None,
            _ => self.rules_country().rules(),
        }
    }
}

/// Split a typed list on the separators Teams accepts (`;`), plus `,` and new lines.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::key::FieldKey;
    use crate::domain::registry::is_list;

    #[test]
    fn a_field_is_blank_when_its_value_is_empty() {
        let mut fields = OrderFields::default();
        for field in crate::domain::registry::FIELDS {
            assert!(fields.is_blank(field.key), "{:?}", field.key);
        }
        for field in crate::domain::registry::FIELDS {
            fields.set(field.key, FieldValue::Text("  ".into()));
            assert_eq!(
                fields.is_blank(field.key),
                fields.get(field.key).is_empty(),
                "{:?}",
                field.key
            );
            fields.set(field.key, FieldValue::Text("x".into()));
            assert!(!fields.is_blank(field.key), "{:?}", field.key);
        }
    }

    #[test]
    fn every_key_reads_back_what_was_set() {
        let mut fields = OrderFields::default();
        for key in FieldKey::ALL {
            let value = if is_list(*key) {
                FieldValue::List(vec![format!("{key}-a"), format!("{key}-b")])
            } else {
                FieldValue::Text(format!("{key}-value"))
            };
            fields.set(*key, value.clone());
            assert_eq!(fields.get(*key), value, "{key}");
        }
    }

    /// The struct's slots and the registry's keys are one set: a slot without a row (or a row
    /// pointing at a slot of another name) fails here.
    #[test]
    fn the_file_shape_has_exactly_the_registry_keys() {
        fn leaves(prefix: &str, value: &serde_json::Value, out: &mut Vec<String>) {
            if let serde_json::Value::Object(map) = value {
                for (k, v) in map {
                    let name = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    if v.is_object() {
                        leaves(&name, v, out);
                    } else {
                        out.push(name);
                    }
                }
            }
        }
        let mut found = Vec::new();
        // Every slot filled, as the identifiers are left out of the file while empty.
        let mut full = OrderFields::default();
        for key in FieldKey::ALL {
            full.set(*key, FieldValue::Text("x".into()));
        }
        let json = serde_json::to_value(full).unwrap_or_default();
        leaves("", &json, &mut found);
        found.sort();
        let mut keys: Vec<String> = FieldKey::ALL.iter().map(|k| k.to_string()).collect();
        keys.sort();
        assert_eq!(found, keys);
    }

    #[test]
    fn text_for_a_list_field_is_split() {
        let mut fields = OrderFields::default();
        fields.set(
            FieldKey::NotificationEmails,
            FieldValue::Text("a@x.com; b@x.com,\n c@x.com;".into()),
        );
        assert_eq!(
            fields.notification_emails,
            ["a@x.com", "b@x.com", "c@x.com"]
        );
    }
}
