//! The field registry: every field of an order, named once. The wizard's steps, validation, the
//! review page, rejected-field highlighting, CSR comparison, exports and `portwiz set` all read
//! this table; none keeps its own list of fields.

use super::key::FieldKey;

/// The wizard's steps, in order (Teams' new porting wizard).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    GetStarted,
    PhoneNumbers,
    BillingAndPortType,
    AccountInformation,
    PortingDetails,
    LetterOfAuthorization,
    Review,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::GetStarted,
        Step::PhoneNumbers,
        Step::BillingAndPortType,
        Step::AccountInformation,
        Step::PortingDetails,
        Step::LetterOfAuthorization,
        Step::Review,
    ];

    pub const fn title(self) -> &'static str {
        match self {
            Step::GetStarted => "Get started",
            Step::PhoneNumbers => "Phone numbers",
            Step::BillingAndPortType => "Billing number and port type",
            Step::AccountInformation => "Account information",
            Step::PortingDetails => "Porting details",
            Step::LetterOfAuthorization => "Letter of Authorization",
            Step::Review => "Review",
        }
    }

    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The fields on this step, in registry order.
    pub fn fields(self) -> impl Iterator<Item = &'static FieldSpec> {
        FIELDS.iter().filter(move |f| f.step == self)
    }
}

/// How a field is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of free text.
    Text,
    /// One of a fixed set of values: (stored value, label).
    Choice(&'static [(&'static str, &'static str)]),
    /// A list of items (numbers, e-mails, documents).
    List,
    /// One line, masked on screen.
    Secret,
}

/// When a field must be filled before submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    Always,
    Optional,
    /// Required when the number type is mobile (the account PIN).
    WhenMobile,
}

#[derive(Debug)]
pub struct FieldSpec {
    pub key: FieldKey,
    pub label: &'static str,
    pub step: Step,
    pub help: &'static str,
    pub kind: Kind,
    pub required: Required,
    /// Covered by the Letter of Authorization: changing it after signing needs a new LOA, and the
    /// carrier compares it with its Customer Service Record.
    pub loa: bool,
    pub secret: bool,
    /// An example of a right value, shown as a placeholder.
    pub example: &'static str,
}

pub const COUNTRIES: &[(&str, &str)] = &[("US", "United States"), ("CA", "Canada")];
pub const NUMBER_TYPES: &[(&str, &str)] = &[
    ("geographic", "Geographic (user numbers)"),
    ("toll_free", "Toll-free"),
    ("mobile", "Mobile"),
];
pub const PORT_TYPES: &[(&str, &str)] = &[
    (
        "full",
        "Full port: every number on the account (the account closes)",
    ),
    (
        "partial",
        "Partial port: some numbers stay with the carrier",
    ),
];

macro_rules! field {
    ($key:ident, $label:literal, $step:ident, $kind:expr, $req:ident, loa: $loa:literal, $example:literal, $help:literal) => {
        FieldSpec {
            key: FieldKey::$key,
            label: $label,
            step: Step::$step,
            help: $help,
            kind: $kind,
            required: Required::$req,
            loa: $loa,
            secret: matches!($kind, Kind::Secret),
            example: $example,
        }
    };
}

/// Every field, in the wizard's order.
pub static FIELDS: &[FieldSpec] = &[
    field!(Country, "Country or region", GetStarted, Kind::Choice(COUNTRIES), Always, loa: false, "US",
        "Where the numbers are hosted today. It cannot be changed once the order is submitted."),
    field!(NumberType, "Number type", GetStarted, Kind::Choice(NUMBER_TYPES), Always, loa: false, "geographic",
        "One order carries one type of number: geographic user numbers, toll-free, or mobile (US, Puerto Rico and Canada only)."),
    field!(Numbers, "Phone numbers", PhoneNumbers, Kind::List, Always, loa: true, "+14255550100, 425-555-0101",
        "10-digit or E.164 numbers separated by commas, semicolons, spaces or new lines; no ranges. Up to 999 numbers; all on one account with one carrier."),
    field!(PortType, "Port type", BillingAndPortType, Kind::Choice(PORT_TYPES), Always, loa: true, "full",
        "Full: every number on the account, the billing number included; the account closes. Partial: some numbers stay with the carrier."),
    field!(BillingTelephoneNumber, "Billing telephone number (BTN)", BillingAndPortType, Kind::Text, Always, loa: true, "+14255550100",
        "The account's main number (also called ATN), as printed on the carrier's bill."),
    field!(ReplacementBtn, "Replacement BTN", BillingAndPortType, Kind::Text, Optional, loa: true, "+14255550199",
        "Partial port only: when the BTN is ported, the number that stays with the carrier and becomes the account's new BTN."),
    field!(CurrentCarrier, "Current service provider", AccountInformation, Kind::Text, Always, loa: true, "Contoso Telecom",
        "The carrier that holds the numbers today (the losing carrier)."),
    field!(OrganizationName, "Organization name", AccountInformation, Kind::Text, Always, loa: true, "Fabrikam Inc",
        "Exactly as on the carrier's record (its bill or Customer Service Record): no abbreviations."),
    field!(AccountNumber, "Account number", AccountInformation, Kind::Text, Always, loa: true, "ACC-0098765",
        "The account number with the current carrier, as on its bill. Not the billing telephone number."),
    field!(Pin, "Account PIN", AccountInformation, Kind::Secret, WhenMobile, loa: true, "",
        "The account PIN or passcode set with the carrier; required for mobile numbers. Not the same as a number-freeze PIN."),
    field!(AuthorizedUserFirstName, "Authorized user first name", AccountInformation, Kind::Text, Always, loa: true, "Dana",
        "The person the carrier lists as authorized on the account; they sign the LOA. It cannot change during the request."),
    field!(AuthorizedUserLastName, "Authorized user last name", AccountInformation, Kind::Text, Always, loa: true, "Reyes",
        "As on the carrier's record, including any middle initial the carrier keeps."),
    field!(ServiceAddressStreet, "Service address street", AccountInformation, Kind::Text, Always, loa: true, "1 Microsoft Way",
        "The physical address where the numbers are used, not the billing address; no PO box."),
    field!(ServiceAddressCity, "Service address city", AccountInformation, Kind::Text, Always, loa: true, "Redmond", "The service address's city."),
    field!(ServiceAddressState, "Service address state or province", AccountInformation, Kind::Text, Always, loa: true, "WA",
        "Two-letter state or province code."),
    field!(ServiceAddressPostalCode, "Service address ZIP or postal code", AccountInformation, Kind::Text, Always, loa: true, "98052",
        "US ZIP (12345 or 12345-6789) or Canadian postal code (A1A 1A1)."),
    field!(ServiceAddressCountry, "Service address country", AccountInformation, Kind::Choice(COUNTRIES), Always, loa: true, "US",
        "The country of the service address."),
    field!(OrderName, "Order name", PortingDetails, Kind::Text, Always, loa: false, "Redmond HQ main lines",
        "A name to find this order by in the order history."),
    field!(PortDate, "Port date", PortingDetails, Kind::Text, Always, loa: false, "2026-12-08",
        "YYYY-MM-DD. At least 5 business days ahead (10 in Canada), at most 30 days ahead; no weekends or US holidays."),
    field!(PortTime, "Port time (US Eastern)", PortingDetails, Kind::Text, Always, loa: false, "10:00",
        "HH:MM, US Eastern. US user numbers between 8:00 and 20:00; Canadian and toll-free numbers at 11:30."),
    field!(RequesterName, "Requester name", PortingDetails, Kind::Text, Always, loa: false, "Sam Lee",
        "Who to contact about this order."),
    field!(RequesterEmail, "Requester e-mail", PortingDetails, Kind::Text, Always, loa: false, "sam@fabrikam.com",
        "The requester's e-mail address."),
    field!(NotificationEmails, "Notification e-mails", PortingDetails, Kind::List, Optional, loa: false, "it@fabrikam.com; ops@fabrikam.com",
        "More addresses to notify about this order, separated by semicolons."),
    field!(Loa, "Signed LOA", LetterOfAuthorization, Kind::Text, Always, loa: false, "e-signed by Dana Reyes 2026-11-20",
        "The Letter of Authorization signed by the authorized user: a file path, or a note of the e-signature. Sign again after changing any field it covers."),
    field!(Documents, "Documents", LetterOfAuthorization, Kind::List, Optional, loa: false, "bill-2026-10.pdf; csr.pdf",
        "PDFs from the carrier (a recent bill, the Customer Service Record), separated by semicolons."),
];

/// The registry entry of a key. Every key has one (a test proves it).
pub fn spec(key: FieldKey) -> &'static FieldSpec {
    FIELDS.iter().find(|f| f.key == key).unwrap_or(&FIELDS[0])
}

/// The fields a Customer Service Record can be compared with: those the LOA covers, less the
/// numbers list (compared number by number elsewhere).
pub fn csr_fields() -> impl Iterator<Item = &'static FieldSpec> {
    FIELDS
        .iter()
        .filter(|f| f.loa && f.key != FieldKey::Numbers && f.key != FieldKey::PortType)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_exactly_one_entry() {
        for key in FieldKey::ALL {
            assert_eq!(FIELDS.iter().filter(|f| f.key == *key).count(), 1, "{key}");
            assert_eq!(spec(*key).key, *key);
        }
        assert_eq!(FIELDS.len(), FieldKey::ALL.len());
    }

    #[test]
    fn only_the_pin_is_secret_and_every_step_but_review_has_fields() {
        let secret: Vec<_> = FIELDS.iter().filter(|f| f.secret).map(|f| f.key).collect();
        assert_eq!(secret, [FieldKey::Pin]);
        for step in Step::ALL {
            assert_eq!(
                step.fields().next().is_some(),
                step != Step::Review,
                "{step:?}"
            );
        }
    }

    #[test]
    fn fields_are_listed_in_step_order() {
        let steps: Vec<_> = FIELDS.iter().map(|f| f.step).collect();
        let mut sorted = steps.clone();
        sorted.sort();
        assert_eq!(steps, sorted);
    }
}
