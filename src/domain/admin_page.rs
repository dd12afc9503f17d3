//! The pages of the Teams admin center's porting wizard: each field of the table says on which
//! one it is entered (the hand-off lays the order out in them).

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
        }
    }
}
