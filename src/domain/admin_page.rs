//! The pages of the Teams admin center's porting wizards: each field of the table says on which
//! one it is entered (the hand-off lays the order out in them). The US & Canada wizard's seven
//! come first ([`AdminPage::ALL`]); the All regions wizard's pages follow.

/// The pages of the admin center's porting wizard, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AdminPage {
    GetStarted,
    PhoneNumbers,
    BillingNumber,
    AccountInformation,
    Documents,
    PortingDetails,
    AuthorizeAndSubmit,
    /// The All regions wizard's pages (its Get started is the one above; Manage numbers only
    /// checks what Get started took, so no value is entered there).
    AddAccountInformation,
    AddNumberFeatures,
    CompleteYourOrder,
}

impl AdminPage {
    pub const ALL: [AdminPage; 7] = [
        AdminPage::GetStarted,
        AdminPage::PhoneNumbers,
        AdminPage::BillingNumber,
        AdminPage::AccountInformation,
        AdminPage::Documents,
        AdminPage::PortingDetails,
        AdminPage::AuthorizeAndSubmit,
    ];

    /// The page's name in the admin center.
    pub const fn title(self) -> &'static str {
        match self {
            AdminPage::GetStarted => "Get started",
            AdminPage::PhoneNumbers => "Phone numbers",
            AdminPage::BillingNumber => "Billing number",
            AdminPage::AccountInformation => "Account information",
            AdminPage::Documents => "Documents",
            AdminPage::PortingDetails => "Porting details",
            AdminPage::AuthorizeAndSubmit => "Authorize and submit",
            AdminPage::AddAccountInformation => "Add account information",
            AdminPage::AddNumberFeatures => "Add number features",
            AdminPage::CompleteYourOrder => "Complete your order",
        }
    }
}
