//! The field registry: every field of an order, declared once in [`field_table!`]'s one
//! invocation below. The key enum ([`FieldKey`]), the table ([`FIELDS`]), the order's
//! get/set by key, the groups, labels, help, kind (which gives the normaliser, see `edit`) and
//! each field's validator all come from that one declaration; the wizard's steps, validation,
//! review, rejected-field highlighting, CSR comparison, exports, plain mode and `portwiz set`
//! read it, and none keeps its own list of fields.
//!
//! Adding a field: add a row here (key, slot in `OrderFields`, label, step, kind, required,
//! LOA, example, validator, admin center page and label, help) and its slot in
//! `fields::OrderFields`; the compiler checks that every key has a slot and a spec, and
//! `fields`' tests that every slot has a key.

use super::admin_page::AdminPage;
use super::checks;
use super::countries::Route;
use super::fields::OrderFields;
use super::rules::choices::{Choices, Country, NumberType, PortType};
use super::validate::Severity;
use jiff::civil::Date;

/// The wizard's pages: the US & Canada wizard's seven ([`Step::ALL`]) and the All regions
/// wizard's ([`Step::ALL_REGIONS`]), Microsoft's classic porting wizard (docs/countries.md).
/// Get started and Review are on both; each field says on which page of each it is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    GetStarted,
    PhoneNumbers,
    BillingAndPortType,
    AccountInformation,
    PortingDetails,
    LetterOfAuthorization,
    ManageNumbers,
    AddAccountInformation,
    AddNumberFeatures,
    CompleteYourOrder,
    Review,
}

impl Step {
    /// The US & Canada wizard's pages (Teams' new porting wizard), in order.
    pub const ALL: [Step; 7] = [
        Step::GetStarted,
        Step::PhoneNumbers,
        Step::BillingAndPortType,
        Step::AccountInformation,
        Step::PortingDetails,
        Step::LetterOfAuthorization,
        Step::Review,
    ];

    /// The All regions wizard's pages (every other Calling Plans country), in order.
    pub const ALL_REGIONS: [Step; 6] = [
        Step::GetStarted,
        Step::ManageNumbers,
        Step::AddAccountInformation,
        Step::AddNumberFeatures,
        Step::CompleteYourOrder,
        Step::Review,
    ];

    /// The pages of a route's wizard (a Service Center case is drafted on the All regions
    /// pages: it asks the same facts).
    pub fn pages(route: Route) -> &'static [Step] {
        match route {
            Route::UsCanada => &Step::ALL,
            Route::AllRegions | Route::ServiceCenter => &Step::ALL_REGIONS,
        }
    }

    /// The pages of the wizard this order's country uses.
    pub fn pages_of(order: &OrderFields) -> &'static [Step] {
        Step::pages(order.route())
    }

    pub const fn title(self) -> &'static str {
        match self {
            Step::GetStarted => "Get started",
            Step::PhoneNumbers => "Phone numbers",
            Step::BillingAndPortType => "Billing number and port type",
            Step::AccountInformation => "Account information",
            Step::PortingDetails => "Porting details",
            Step::LetterOfAuthorization => "Letter of Authorization",
            Step::ManageNumbers => "Manage numbers",
            Step::AddAccountInformation => "Add account information",
            Step::AddNumberFeatures => "Add number features",
            Step::CompleteYourOrder => "Complete your order",
            Step::Review => "Review",
        }
    }

    /// Where this page is in the route's wizard, from 0 (0 when it is not one of its pages).
    pub fn index_in(self, route: Route) -> usize {
        Step::pages(route)
            .iter()
            .position(|s| *s == self)
            .unwrap_or(0)
    }

    /// The page `delta` pages from this one in the route's wizard, if there is one.
    pub fn moved_by(self, route: Route, delta: isize) -> Option<Step> {
        let index = self.index_in(route).checked_add_signed(delta)?;
        Step::pages(route).get(index).copied()
    }

    /// The fields on this page, in registry order (a page belongs to one route, or to both).
    pub fn fields(self) -> impl Iterator<Item = &'static FieldSpec> {
        FIELDS
            .iter()
            .filter(move |f| f.step == self || f.regions_step == self)
    }

    /// The fields on this page that the order's country asks for (the wizard's page of it).
    pub fn fields_asked(self, order: &OrderFields) -> impl Iterator<Item = &'static FieldSpec> {
        let route = order.route();
        FIELDS
            .iter()
            .filter(move |f| f.step_on(route) == self && f.asked(order))
    }
}

/// How a field is entered, and so how its raw input is normalised before it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of free text (trimmed).
    Text,
    /// One of a fixed set of values: (stored value, label), with the one parser of that choice.
    Choice(&'static Choices),
    /// A list of text items (e-mails, documents).
    List,
    /// The order's list of phone numbers: E.164, each once.
    Numbers,
    /// Each number's usage (the All regions wizard's Add number features): one
    /// `+NUMBER usage` item per number.
    Usages,
    /// One phone number (the BTNs): E.164.
    Phone,
    /// A date: `YYYY-MM-DD`, also read from `MM/DD/YYYY`.
    Date,
    /// A time of day: 24-hour `HH:MM`, also read from `2:30 pm`.
    Time,
    /// A US state or Canadian province: its two-letter code, also read from its name.
    Region,
    /// A US ZIP or Canadian postal code, in its usual form.
    PostalCode,
    /// One line, masked on screen, never in a snapshot or history.
    Secret,
    /// An identifier a country's carriers ask for (`identifiers.<name>`), written as the
    /// country rulebook's validator writes it.
    Identifier(&'static str),
}

impl Kind {
    /// Whether the value is a list (items separated by `;`, `,` or new lines when typed).
    pub const fn is_list(self) -> bool {
        matches!(self, Kind::List | Kind::Numbers | Kind::Usages)
    }

    /// How a value of this kind is written, in words (for help texts).
    pub fn format(self) -> String {
        match self {
            Kind::Text => "text".into(),
            Kind::Choice(choices) => {
                let keys: Vec<&str> = choices.iter().map(|(key, _)| *key).collect();
                format!("one of {}", keys.join(", "))
            }
            Kind::List => "items separated by ;".into(),
            Kind::Numbers => "E.164 numbers separated by ;".into(),
            Kind::Usages => format!(
                "one `+NUMBER usage` a line, usage one of {} (a usage alone: every number without one)",
                crate::domain::rules::usage::usage_words()
            ),
            Kind::Phone => "an E.164 number (+1…)".into(),
            Kind::Date => "YYYY-MM-DD or MM/DD/YYYY".into(),
            Kind::Time => "HH:MM (24-hour) or h:mm am/pm, US Eastern (elsewhere the country's own time)".into(),
            Kind::Region => "state or province (US, Canada: its two-letter code or name; none in most of Europe)".into(),
            Kind::PostalCode => "the postcode as the country's post writes it (98052, SW1A 2AA, 75001)".into(),
            Kind::Secret => "text, masked in every output".into(),
            Kind::Identifier(name) => identifier_format(name),
        }
    }
}

/// "RIO (France); SIRET (France)": the countries that ask an identifier, for help texts.
fn identifier_format(name: &str) -> String {
    let asked: Vec<String> = crate::domain::countries::rulebook()
        .countries
        .iter()
        .filter_map(|c| {
            c.identifier(name)
                .map(|rule| format!("{} ({}): {}", c.name, c.code, rule.format.describe()))
        })
        .collect();
    asked.join("; ")
}

/// When a field must be filled before submission, and in which countries it is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    Always,
    Optional,
    /// Required when the number type is mobile (the account PIN).
    WhenMobile,
    /// Asked where the country rulebook gives addresses a state/province line, required where
    /// it says so.
    WhereRegion,
    /// Asked and required where addresses have a postcode (not in Hong Kong).
    WherePostcode,
    /// Asked where the rulebook names the identifier for the order's country (and number
    /// type); never required, since peers, not Microsoft, say carriers check it (a warning).
    Identifier,
    /// Asked and required on the All regions wizard only (each number's usage).
    WhereAllRegions,
}

impl FieldSpec {
    /// The page this field is entered on in the route's wizard.
    pub fn step_on(&self, route: Route) -> Step {
        match route {
            Route::UsCanada => self.step,
            Route::AllRegions | Route::ServiceCenter => self.regions_step,
        }
    }

    /// The field's label for this order: the port time names the zone it is given in (US
    /// Eastern on the US & Canada wizard, the country's own time elsewhere).
    pub fn label_for(&self, fields: &OrderFields) -> std::borrow::Cow<'static, str> {
        match (self.key, fields.route()) {
            (FieldKey::PortTime, Route::AllRegions | Route::ServiceCenter) => {
                let zone = fields
                    .rules_country()
                    .rules()
                    .map(|c| c.time_zone.value.as_str());
                format!("Port time (local, {})", zone.unwrap_or("UTC")).into()
            }
            _ => self.label.into(),
        }
    }

    /// The field's help for this order: outside the US & Canada the port date and time follow
    /// the country's holidays and clock, not the US ones.
    pub fn help_for(&self, fields: &OrderFields) -> std::borrow::Cow<'static, str> {
        if fields.route() == Route::UsCanada {
            return self.help.into();
        }
        let country = fields.rules_country().in_sentence();
        match self.key {
            FieldKey::PortDate => format!(
                "YYYY-MM-DD. A business day in {country}: no weekends or its public holidays; the carrier confirms the date."
            )
            .into(),
            FieldKey::PortTime => format!(
                "HH:MM (24-hour), {}. Microsoft states no porting window outside the US & Canada: the carrier confirms the time.",
                zone_words(fields)
            )
            .into(),
            FieldKey::Numbers => "Numbers in E.164 (+44…), or as dialled in the country (converted to E.164), separated by new lines, commas or semicolons; no ranges. Every number must be valid before you go on. Up to 999; all on one account with one carrier.".into(),
            _ => self.help.into(),
        }
    }

    /// The admin center's page and label for this field on the order's route.
    pub fn admin_for(&self, fields: &OrderFields) -> (AdminPage, std::borrow::Cow<'static, str>) {
        match fields.route() {
            Route::UsCanada => (self.admin_page, self.admin_label.into()),
            Route::AllRegions | Route::ServiceCenter => {
                let label = match self.key {
                    FieldKey::Numbers => "Phone numbers (E.164 only)".into(),
                    FieldKey::PortTime => self.label_for(fields),
                    _ => self.admin_label.into(),
                };
                (AdminPage::of_regions_step(self.regions_step), label)
            }
        }
    }

    /// An example of a right value for this order: outside the US & Canada the US-shaped ones
    /// give way to the country's (its postcode) or to none (its numbers, its country).
    pub fn example_for(&self, fields: &OrderFields) -> std::borrow::Cow<'static, str> {
        if fields.route() == Route::UsCanada {
            return self.example.into();
        }
        match self.kind {
            Kind::PostalCode => fields
                .address_country()
                .rules()
                .and_then(|c| c.postcode.as_ref())
                .map_or("".into(), |p| p.example.clone().into()),
            Kind::Numbers | Kind::Phone | Kind::Choice(_) | Kind::Region => "".into(),
            _ => self.example.into(),
        }
    }

    /// Whether this order's country asks for the field at all (its wizard page shows it).
    pub fn asked(&self, fields: &OrderFields) -> bool {
        let country = fields.address_country().rules();
        match (self.required, self.kind) {
            (Required::WhereRegion, _) => country.is_none_or(|c| c.region.is_some()),
            (Required::WherePostcode, _) => country.is_none_or(|c| c.postcode.is_some()),
            (Required::WhereAllRegions, _) => fields.route() == Route::AllRegions,
            // The account PIN is for mobiles, which port only where the country takes them.
            (Required::WhenMobile, _) => fields
                .rules_country()
                .rules()
                .is_none_or(|c| c.takes_number_type("mobile").is_some()),
            (Required::Identifier, Kind::Identifier(name)) => {
                fields.rules_country().rules().is_some_and(|c| {
                    let number_type = fields.number_type_choice().map(|t| t.as_str());
                    c.identifiers_for(number_type).any(|rule| rule.name == name)
                })
            }
            _ => true,
        }
    }

    /// Whether the field must be filled before this order is submitted.
    pub fn required_for(&self, fields: &OrderFields) -> bool {
        match self.required {
            Required::Always => true,
            Required::Optional | Required::Identifier => false,
            Required::WhenMobile => fields.number_type.trim() == "mobile",
            Required::WhereRegion => fields
                .address_country()
                .rules()
                .is_none_or(|c| c.region.as_ref().is_some_and(|r| r.required)),
            Required::WherePostcode | Required::WhereAllRegions => self.asked(fields),
        }
    }

    /// "required", "optional", "required for mobile numbers"... for this order.
    pub fn need_words(&self, fields: &OrderFields) -> &'static str {
        match self.required {
            Required::WhenMobile => "required for mobile numbers",
            Required::Identifier => "asked by carriers here",
            _ if self.required_for(fields) => "required",
            _ => "optional",
        }
    }
}

/// "local time in France (Europe/Paris)": the zone an order's dates and times are given in.
pub fn zone_words(fields: &OrderFields) -> String {
    let country = fields.rules_country();
    match country.rules() {
        Some(rules) if fields.route() != Route::UsCanada => format!(
            "local time in {} ({})",
            country.in_sentence(),
            rules.time_zone.value
        ),
        _ => "US Eastern".to_string(),
    }
}

/// What a field's validator found: (severity, words after the label).
pub type Found = Vec<(Severity, String)>;

#[derive(Debug)]
pub struct FieldSpec {
    pub key: FieldKey,
    pub label: &'static str,
    /// The page it is entered on in the US & Canada wizard.
    pub step: Step,
    /// The page it is entered on in the All regions wizard.
    pub regions_step: Step,
    pub help: &'static str,
    pub kind: Kind,
    pub required: Required,
    /// Covered by the Letter of Authorization: changing it after signing needs a new LOA, and the
    /// carrier compares it with its Customer Service Record.
    pub loa: bool,
    pub secret: bool,
    /// An example of a right value, shown as a placeholder.
    pub example: &'static str,
    /// The rule run once a value is present (with the whole order as context).
    pub check: fn(&OrderFields, Date) -> Found,
    /// The page of the Teams admin center's porting wizard the field is entered on, and its
    /// label there (the hand-off view lays the order out by them).
    pub admin_page: AdminPage,
    pub admin_label: &'static str,
}

pub const COUNTRIES: &Choices = &Country::CHOICES;
pub const NUMBER_TYPES: &Choices = &NumberType::CHOICES;
pub const PORT_TYPES: &Choices = &PortType::CHOICES;

/// The one declaration of the fields. Each row: the variant, then its stable key (docs/field-keys.md),
/// its slot in `OrderFields`, and its spec.
macro_rules! field_table {
    ($(
        $variant:ident => $key:literal at $($slot:ident).+ {
            $label:literal, $step:ident / $regions:ident, $kind:expr, $req:ident, loa: $loa:literal,
            example: $example:literal, check: $check:path,
            admin: $page:ident $admin:literal,
            $help:literal $(,)?
        }
    )+) => {
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
            type Err = super::key::UnknownFieldKey;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($key => Ok(FieldKey::$variant),)+
                    _ => Err(super::key::UnknownFieldKey(s.to_string())),
                }
            }
        }

        /// Every field, in the wizard's order (the order of `FieldKey`).
        pub static FIELDS: &[FieldSpec] = &[$(
            FieldSpec {
                key: FieldKey::$variant,
                label: $label,
                step: Step::$step,
                regions_step: Step::$regions,
                help: $help,
                kind: $kind,
                required: Required::$req,
                loa: $loa,
                secret: matches!($kind, Kind::Secret),
                example: $example,
                check: $check,
                admin_page: AdminPage::$page,
                admin_label: $admin,
            }
        ),+];

        impl OrderFields {
            /// The value of one field. The PIN comes back in clear: callers that show it mask
            /// it by the registry's `secret` flag.
            pub fn get(&self, key: FieldKey) -> super::fields::FieldValue {
                use super::fields::Slot;
                match key { $(FieldKey::$variant => self.$($slot).+.read()),+ }
            }

            /// Store a value as given: text given to a list field is split on `;`, `,` and new
            /// lines, a list given to a text field is joined. No normalising or validation here:
            /// that is the edit operation's (`domain::edit`).
            pub fn set(&mut self, key: FieldKey, value: super::fields::FieldValue) {
                use super::fields::Slot;
                match key { $(FieldKey::$variant => self.$($slot).+.write(value)),+ }
            }
        }
    };
}

field_table! {
    Country => "country" at country {
        "Country or region", GetStarted / GetStarted, Kind::Choice(COUNTRIES), Always, loa: false,
        example: "US", check: checks::none,
        admin: GetStarted "Country or region",
        "Where the numbers are hosted today. It cannot be changed once the order is submitted."
    }
    NumberType => "number_type" at number_type {
        "Number type", GetStarted / GetStarted, Kind::Choice(NUMBER_TYPES), Always, loa: false,
        example: "geographic", check: checks::number_type,
        admin: GetStarted "Number type",
        "One order carries one type of number: geographic user numbers, toll-free, or mobile (US, Puerto Rico and Canada only)."
    }
    Numbers => "numbers" at numbers {
        "Phone numbers", PhoneNumbers / ManageNumbers, Kind::Numbers, Always, loa: true,
        example: "+14255550100, 425-555-0101", check: checks::numbers,
        admin: PhoneNumbers "Phone numbers",
        "10-digit or E.164 numbers separated by commas, semicolons, spaces or new lines; no ranges. Up to 999 numbers; all on one account with one carrier."
    }
    PortType => "port_type" at port_type {
        "Port type", BillingAndPortType / AddAccountInformation, Kind::Choice(PORT_TYPES), Always, loa: true,
        example: "full", check: checks::port_type,
        admin: BillingNumber "Port type (full or partial)",
        "Full: every number on the account, the billing number included; the account closes. Partial: some numbers stay with the carrier."
    }
    BillingTelephoneNumber => "billing_telephone_number" at billing_telephone_number {
        "Billing telephone number (BTN)", BillingAndPortType / AddAccountInformation, Kind::Phone, Always, loa: true,
        example: "+14255550100", check: checks::btn,
        admin: BillingNumber "Billing telephone number (BTN)",
        "The account's main number (also called ATN), as printed on the carrier's bill."
    }
    ReplacementBtn => "replacement_btn" at replacement_btn {
        "Replacement BTN", BillingAndPortType / AddAccountInformation, Kind::Phone, Optional, loa: true,
        example: "+14255550199", check: checks::replacement_btn,
        admin: BillingNumber "Replacement BTN",
        "Partial port only: when the BTN is ported, the number that stays with the carrier and becomes the account's new BTN."
    }
    CurrentCarrier => "current_carrier" at current_carrier {
        "Current service provider", AccountInformation / AddAccountInformation, Kind::Text, Always, loa: true,
        example: "Contoso Telecom", check: checks::none,
        admin: AccountInformation "Current service provider",
        "The carrier that holds the numbers today (the losing carrier)."
    }
    OrganizationName => "organization_name" at organization_name {
        "Organization name", AccountInformation / AddAccountInformation, Kind::Text, Always, loa: true,
        example: "Fabrikam Inc", check: checks::organization_name,
        admin: AccountInformation "Organization's name",
        "Exactly as on the carrier's record (its bill or Customer Service Record): no abbreviations."
    }
    AccountNumber => "account_number" at account_number {
        "Account number", AccountInformation / AddAccountInformation, Kind::Text, Always, loa: true,
        example: "ACC-0098765", check: checks::none,
        admin: AccountInformation "Account number",
        "The account number with the current carrier, as on its bill. Not the billing telephone number."
    }
    Pin => "pin" at pin {
        "Account PIN", AccountInformation / AddAccountInformation, Kind::Secret, WhenMobile, loa: false,
        example: "", check: checks::pin,
        admin: AccountInformation "Account PIN",
        "The account PIN or passcode set with the carrier; required for mobile numbers. Not the same as a number-freeze PIN."
    }
    AuthorizedUserFirstName => "authorized_user.first_name" at authorized_user.first_name {
        "Authorized user first name", AccountInformation / AddAccountInformation, Kind::Text, Always, loa: true,
        example: "Dana", check: checks::first_name,
        admin: AccountInformation "Authorized user: First name",
        "The person the carrier lists as authorized on the account; they sign the LOA. It cannot change during the request."
    }
    AuthorizedUserLastName => "authorized_user.last_name" at authorized_user.last_name {
        "Authorized user last name", AccountInformation / AddAccountInformation, Kind::Text, Always, loa: true,
        example: "Reyes", check: checks::last_name,
        admin: AccountInformation "Authorized user: Last name",
        "As on the carrier's record, including any middle initial the carrier keeps."
    }
    ServiceAddressStreet => "service_address.street" at service_address.street {
        "Service address street", AccountInformation / AddAccountInformation, Kind::Text, Always, loa: true,
        example: "1 Microsoft Way", check: checks::street,
        admin: AccountInformation "Service address: Street",
        "The physical address where the numbers are used, not the billing address; no PO box."
    }
    ServiceAddressCity => "service_address.city" at service_address.city {
        "Service address city", AccountInformation / AddAccountInformation, Kind::Text, Always, loa: true,
        example: "Redmond", check: checks::none,
        admin: AccountInformation "Service address: City",
        "The service address's city."
    }
    ServiceAddressState => "service_address.state" at service_address.state {
        "Service address state or province", AccountInformation / AddAccountInformation, Kind::Region, WhereRegion, loa: true,
        example: "WA", check: checks::state,
        admin: AccountInformation "Service address: State or province",
        "US and Canada: the two-letter state or province code. Elsewhere only where the country's addresses have one (Australia's state, Mexico's state, Japan's prefecture)."
    }
    ServiceAddressPostalCode => "service_address.postal_code" at service_address.postal_code {
        "Service address ZIP or postal code", AccountInformation / AddAccountInformation, Kind::PostalCode, WherePostcode, loa: true,
        example: "98052", check: checks::postal_code,
        admin: AccountInformation "Service address: ZIP or postal code",
        "As the country's post writes it: 12345 or 12345-6789 (US), A1A 1A1 (Canada), SW1A 2AA, 75001."
    }
    ServiceAddressCountry => "service_address.country" at service_address.country {
        "Service address country", AccountInformation / AddAccountInformation, Kind::Choice(COUNTRIES), Always, loa: true,
        example: "US", check: checks::address_country,
        admin: AccountInformation "Service address: Country or region",
        "The country of the service address."
    }
    IdUnderlyingCarrier => "identifiers.underlying_carrier" at identifiers.underlying_carrier {
        "Underlying carrier (range holder)", AccountInformation / AddAccountInformation, Kind::Identifier("underlying_carrier"), Identifier, loa: true,
        example: "BT Wholesale", check: checks::identifier_underlying_carrier,
        admin: AccountInformation "Underlying carrier (range holder)",
        "UK: the network that holds the number range when your provider resells another's line."
    }
    IdPac => "identifiers.pac" at identifiers.pac {
        "PAC (mobile)", AccountInformation / AddAccountInformation, Kind::Identifier("pac"), Identifier, loa: true,
        example: "ABC123456", check: checks::identifier_pac,
        admin: AccountInformation "PAC (mobile)",
        "UK mobiles: the Porting Authorisation Code, 3 letters and 6 digits."
    }
    IdRio => "identifiers.rio" at identifiers.rio {
        "RIO", AccountInformation / AddAccountInformation, Kind::Identifier("rio"), Identifier, loa: true,
        example: "01E12345A6BC", check: checks::identifier_rio,
        admin: AccountInformation "RIO",
        "France: the Relevé d'Identité Opérateur, 12 characters, got by dialling 3179 from the line."
    }
    IdSiret => "identifiers.siret" at identifiers.siret {
        "SIRET", AccountInformation / AddAccountInformation, Kind::Identifier("siret"), Identifier, loa: true,
        example: "73282932000074", check: checks::identifier_siret,
        admin: AccountInformation "SIRET",
        "France: the 14-digit SIRET of the site that holds the lines."
    }
    IdHeadNumber => "identifiers.head_number" at identifiers.head_number {
        "Head number (NDI)", AccountInformation / AddAccountInformation, Kind::Identifier("head_number"), Identifier, loa: true,
        example: "+33140000000", check: checks::identifier_head_number,
        admin: AccountInformation "Head number (NDI)",
        "France: the installation's head number, when porting the direct-dial numbers (SDA) under it."
    }
    IdMigrationCode => "identifiers.migration_code" at identifiers.migration_code {
        "Migration code", AccountInformation / AddAccountInformation, Kind::Identifier("migration_code"), Identifier, loa: true,
        example: "TIN12345678901X", check: checks::identifier_migration_code,
        admin: AccountInformation "Migration code",
        "Italy: the codice di migrazione on the bill."
    }
    IdCodiceFiscale => "identifiers.codice_fiscale" at identifiers.codice_fiscale {
        "Codice fiscale (signer)", AccountInformation / AddAccountInformation, Kind::Identifier("codice_fiscale"), Identifier, loa: true,
        example: "RSSMRA85T10A562S", check: checks::identifier_codice_fiscale,
        admin: AccountInformation "Codice fiscale (signer)",
        "Italy: the signer's codice fiscale, 16 characters ending in a check letter (a company's: 11 digits)."
    }
    IdCvp => "identifiers.cvp" at identifiers.cvp {
        "Validation code (CVP)", AccountInformation / AddAccountInformation, Kind::Identifier("cvp"), Identifier, loa: true,
        example: "", check: checks::identifier_cvp,
        admin: AccountInformation "Validation code (CVP)",
        "Portugal: the porting validation code the current carrier gives."
    }
    IdNif => "identifiers.nif" at identifiers.nif {
        "NIF / CIF", AccountInformation / AddAccountInformation, Kind::Identifier("nif"), Identifier, loa: true,
        example: "B12345674", check: checks::identifier_nif,
        admin: AccountInformation "NIF / CIF",
        "Spain: the account holder's NIF, NIE or CIF, with its check character."
    }
    IdAbn => "identifiers.abn" at identifiers.abn {
        "ABN", AccountInformation / AddAccountInformation, Kind::Identifier("abn"), Identifier, loa: true,
        example: "51824753556", check: checks::identifier_abn,
        admin: AccountInformation "ABN",
        "Australia: the account holder's Australian Business Number, 11 digits."
    }
    IdPortCategory => "identifiers.port_category" at identifiers.port_category {
        "Port category (CAT A / CAT C)", AccountInformation / AddAccountInformation, Kind::Identifier("port_category"), Identifier, loa: true,
        example: "A", check: checks::identifier_port_category,
        admin: AccountInformation "Port category (CAT A / CAT C)",
        "Australia: A for a simple port, C for a complex one."
    }
    NumberUsage => "number_usage" at number_usage {
        "Each number's usage", AccountInformation / AddNumberFeatures, Kind::Usages, WhereAllRegions, loa: false,
        example: "+442079460000 user", check: checks::number_usage,
        admin: PhoneNumbers "Number usage",
        "What each number is for: user (a person's number), voice_app (an auto attendant or call queue) or conference (a conferencing bridge). One `+NUMBER usage` a line; a usage alone gives every number without one that usage."
    }
    OrderName => "order_name" at order_name {
        "Order name", PortingDetails / CompleteYourOrder, Kind::Text, Always, loa: false,
        example: "Redmond HQ main lines", check: checks::none,
        admin: PortingDetails "Order name",
        "A name to find this order by in the order history."
    }
    PortDate => "port_date" at port_date {
        "Port date", PortingDetails / CompleteYourOrder, Kind::Date, Always, loa: false,
        example: "2026-12-08", check: checks::port_date,
        admin: PortingDetails "Port date",
        "YYYY-MM-DD. At least 5 business days ahead (10 in Canada), at most 30 days ahead; no weekends or US holidays."
    }
    PortTime => "port_time" at port_time {
        "Port time (US Eastern)", PortingDetails / CompleteYourOrder, Kind::Time, Always, loa: false,
        example: "10:00", check: checks::port_time,
        admin: PortingDetails "Port time (US Eastern)",
        "HH:MM, US Eastern. US user numbers between 8:00 and 20:00; Canadian and toll-free numbers at 11:30."
    }
    RequesterName => "requester.name" at requester.name {
        "Requester name", PortingDetails / CompleteYourOrder, Kind::Text, Always, loa: false,
        example: "Sam Lee", check: checks::none,
        admin: PortingDetails "Requester name",
        "Who to contact about this order."
    }
    RequesterEmail => "requester.email" at requester.email {
        "Requester e-mail", PortingDetails / CompleteYourOrder, Kind::Text, Always, loa: false,
        example: "sam@fabrikam.com", check: checks::requester_email,
        admin: PortingDetails "Requester email",
        "The requester's e-mail address."
    }
    NotificationEmails => "notification_emails" at notification_emails {
        "Notification e-mails", PortingDetails / CompleteYourOrder, Kind::List, Optional, loa: false,
        example: "it@fabrikam.com; ops@fabrikam.com", check: checks::notification_emails,
        admin: PortingDetails "Notification emails",
        "More addresses to notify about this order, separated by semicolons."
    }
    Loa => "loa" at loa {
        "Signed LOA", LetterOfAuthorization / CompleteYourOrder, Kind::Text, Always, loa: false,
        example: "e-signed by Dana Reyes 2026-11-20", check: checks::none,
        admin: AuthorizeAndSubmit "Letter of Authorization (LOA)",
        "The Letter of Authorization signed by the authorized user: a file path, or a note of the e-signature. Sign again after changing any field it covers."
    }
    Documents => "documents" at documents {
        "Documents", LetterOfAuthorization / CompleteYourOrder, Kind::List, Optional, loa: false,
        example: "bill-2026-10.pdf; csr.pdf", check: checks::none,
        admin: Documents "Documents",
        "PDFs from the carrier (a recent bill, the Customer Service Record), separated by semicolons."
    }
}

/// The registry entry of a key: total, as the table is generated in `FieldKey`'s order.
pub fn spec(key: FieldKey) -> &'static FieldSpec {
    &FIELDS[key as usize]
}

/// The registry entry of a key written as text (a file, the command line): typed failure, never
/// a stand-in field.
pub fn spec_named(name: &str) -> Result<&'static FieldSpec, super::key::UnknownFieldKey> {
    name.parse().map(spec)
}

/// The fields a Customer Service Record can be compared with: those the LOA covers, less the
/// numbers list (compared number by number elsewhere) and the port type (not on a CSR), plus
/// the PIN (on the carrier's record, never on the LOA).
pub fn csr_fields() -> impl Iterator<Item = &'static FieldSpec> {
    FIELDS.iter().filter(|f| {
        (f.loa && f.key != FieldKey::Numbers && f.key != FieldKey::PortType)
            || f.key == FieldKey::Pin
    })
}

#[cfg(test)]
mod tests;
