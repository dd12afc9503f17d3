//! The values of an order's fields, stored as the user typed them: a draft keeps whatever was
//! entered, and validation (not storage) decides what is right. Reading and writing by key goes
//! through [`OrderFields::get`] and [`OrderFields::set`], so every caller names fields by
//! [`FieldKey`].

use super::key::FieldKey;
use super::secret::Secret;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderFields {
    pub country: String,
    pub number_type: String,
    pub numbers: Vec<String>,
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

/// Fields whose value is a list (`numbers`, `notification_emails`, `documents`).
pub fn is_list(key: FieldKey) -> bool {
    matches!(
        key,
        FieldKey::Numbers | FieldKey::NotificationEmails | FieldKey::Documents
    )
}

impl OrderFields {
    /// The value of one field. The PIN comes back in clear: callers that show it mask it by the
    /// registry's `secret` flag.
    pub fn get(&self, key: FieldKey) -> FieldValue {
        use FieldKey::*;
        let text = |s: &String| FieldValue::Text(s.clone());
        match key {
            Country => text(&self.country),
            NumberType => text(&self.number_type),
            Numbers => FieldValue::List(self.numbers.clone()),
            PortType => text(&self.port_type),
            BillingTelephoneNumber => text(&self.billing_telephone_number),
            ReplacementBtn => text(&self.replacement_btn),
            CurrentCarrier => text(&self.current_carrier),
            OrganizationName => text(&self.organization_name),
            AccountNumber => text(&self.account_number),
            Pin => FieldValue::Text(self.pin.expose().to_string()),
            AuthorizedUserFirstName => text(&self.authorized_user.first_name),
            AuthorizedUserLastName => text(&self.authorized_user.last_name),
            ServiceAddressStreet => text(&self.service_address.street),
            ServiceAddressCity => text(&self.service_address.city),
            ServiceAddressState => text(&self.service_address.state),
            ServiceAddressPostalCode => text(&self.service_address.postal_code),
            ServiceAddressCountry => text(&self.service_address.country),
            Documents => FieldValue::List(self.documents.clone()),
            OrderName => text(&self.order_name),
            PortDate => text(&self.port_date),
            PortTime => text(&self.port_time),
            RequesterName => text(&self.requester.name),
            RequesterEmail => text(&self.requester.email),
            NotificationEmails => FieldValue::List(self.notification_emails.clone()),
            Loa => text(&self.loa),
        }
    }

    /// Store a value. Text given to a list field is split on `;`, `,` and new lines; a list given
    /// to a text field is joined. No validation here: that is the registry's job.
    pub fn set(&mut self, key: FieldKey, value: FieldValue) {
        use FieldKey::*;
        if is_list(key) {
            let items = match value {
                FieldValue::List(l) => l,
                FieldValue::Text(t) => split_list(&t),
            };
            let items: Vec<String> = items
                .into_iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            match key {
                Numbers => self.numbers = items,
                NotificationEmails => self.notification_emails = items,
                _ => self.documents = items,
            }
            return;
        }
        let text = match value {
            FieldValue::Text(t) => t,
            FieldValue::List(l) => l.join("; "),
        };
        let slot = match key {
            Country => &mut self.country,
            NumberType => &mut self.number_type,
            PortType => &mut self.port_type,
            BillingTelephoneNumber => &mut self.billing_telephone_number,
            ReplacementBtn => &mut self.replacement_btn,
            CurrentCarrier => &mut self.current_carrier,
            OrganizationName => &mut self.organization_name,
            AccountNumber => &mut self.account_number,
            Pin => {
                self.pin = Secret::new(text);
                return;
            }
            AuthorizedUserFirstName => &mut self.authorized_user.first_name,
            AuthorizedUserLastName => &mut self.authorized_user.last_name,
            ServiceAddressStreet => &mut self.service_address.street,
            ServiceAddressCity => &mut self.service_address.city,
            ServiceAddressState => &mut self.service_address.state,
            ServiceAddressPostalCode => &mut self.service_address.postal_code,
            ServiceAddressCountry => &mut self.service_address.country,
            OrderName => &mut self.order_name,
            PortDate => &mut self.port_date,
            PortTime => &mut self.port_time,
            RequesterName => &mut self.requester.name,
            RequesterEmail => &mut self.requester.email,
            Loa => &mut self.loa,
            Numbers | NotificationEmails | Documents => return,
        };
        *slot = text;
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
