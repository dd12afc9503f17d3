//! The one declaration of the fields: a row each, in the wizard's order (docs/field-keys.md
//! names the keys). Two modules read the rows, each through its own macro: `key` makes the key
//! enum (`FieldKey`) of each row's variant and stable key; `registry` makes the table
//! (`FIELDS`) and the order's get/set by key. The paths in a row (`checks::btn`, `Kind::Text`)
//! are resolved where `registry` expands them: this module imports nothing, so the keys stand
//! below the table that names the validators, which name the keys.
//!
//! Adding a field: add its row here and its slot in `fields::OrderFields` (see `registry`).

/// Hands the rows to the macro named `$then`: `field_rows!(key_enum)`.
macro_rules! field_rows {
    ($then:ident) => {
        $then! {
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
    };
}

pub(super) use field_rows;
