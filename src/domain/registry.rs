//! The field registry: every field of an order, declared once in `field_table`'s rows, which
//! [`field_specs!`] reads here and `key` reads for the key enum ([`FieldKey`]). The table ([`FIELDS`]), the order's
//! get/set by key, the groups, labels, help, kind (which gives the normaliser, see `edit`) and
//! each field's validator all come from that one declaration; the wizard's steps, validation,
//! review, rejected-field highlighting, CSR comparison, exports, plain mode and `portwiz set`
//! read it, and none keeps its own list of fields.
//!
//! Adding a field: add a row to `field_table` (key, slot in `OrderFields`, label, step, kind,
//! required, LOA, example, validator, admin center page and label, help) and its slot in
//! `fields::OrderFields`; the compiler checks that every key has a slot and a spec, and
//! `fields`' tests that every slot has a key.

use super::admin_page::AdminPage;
use super::checks::{self, Found};
use super::countries::Route;
use super::fields::OrderFields;
use super::key::FieldKey;
use super::rules::Country;
use super::rules::choices::{Choices, NumberType, PortType};
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

    /// The admin center's page of the All regions wizard a field on this page is entered on
    /// (this is its page in portwiz's wizard of that route; the numbers are typed on Get started, E.164 only).
    pub const fn regions_admin_page(self) -> AdminPage {
        match self {
            Step::AddAccountInformation => AdminPage::AddAccountInformation,
            Step::AddNumberFeatures => AdminPage::AddNumberFeatures,
            Step::CompleteYourOrder => AdminPage::CompleteYourOrder,
            _ => AdminPage::GetStarted,
        }
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
                (self.regions_step.regions_admin_page(), label)
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
        match (self.required, self.kind) {
            (Required::WhereRegion, _) => fields.address_has_region(),
            (Required::WherePostcode, _) => fields.address_has_postcode(),
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

/// Makes the table and the order's get/set by key from the rows of `field_table`. Each row:
/// the variant, its stable key (read by `key`), its slot in `OrderFields`, and its spec.
macro_rules! field_specs {
    ($(
        $variant:ident => $key:literal at $($slot:ident).+ {
            $label:literal, $step:ident / $regions:ident, $kind:expr, $req:ident, loa: $loa:literal,
            example: $example:literal, check: $check:path,
            admin: $page:ident $admin:literal,
            $help:literal $(,)?
        }
    )+) => {
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

            /// Whether one field is empty (`get(key).is_empty()`, without copying its value).
            pub fn is_blank(&self, key: FieldKey) -> bool {
                use super::fields::Slot;
                match key { $(FieldKey::$variant => self.$($slot).+.is_blank()),+ }
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

super::field_table::field_rows!(field_specs);

/// The registry entry of a key: total, as the table is generated in `FieldKey`'s order.
pub fn spec(key: FieldKey) -> &'static FieldSpec {
    &FIELDS[key as usize]
}

/// The registry entry of a key written as text (a file, the command line): typed failure, never
/// a stand-in field.
pub fn spec_named(name: &str) -> Result<&'static FieldSpec, super::key::UnknownFieldKey> {
    name.parse().map(spec)
}

/// Fields whose value is a list (`numbers`, `notification_emails`, `documents`).
pub fn is_list(key: FieldKey) -> bool {
    spec(key).kind.is_list()
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
