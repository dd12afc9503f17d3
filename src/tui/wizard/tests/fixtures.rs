//! Orders built in code, on a fixed clock (Thursday 2026-11-26).

use crate::domain::fields::OrderFields;
use crate::domain::key::FieldKey;
use crate::domain::order::{Clock, Order, RejectionInput};
use crate::domain::secret::Secret;
use crate::tui::theme::Theme;
use crate::tui::wizard::Wizard;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};

pub fn clock() -> Clock {
    Clock::fixed(jiff::civil::date(2026, 11, 26))
}

pub fn empty_draft() -> Order {
    Order::new("ord-new".into(), OrderFields::default(), clock().now)
}

pub fn complete_fields() -> OrderFields {
    let mut f = OrderFields {
        country: "US".into(),
        number_type: "geographic".into(),
        numbers: vec![
            "+14255550100".into(),
            "+14255550101".into(),
            "+14255550102".into(),
        ],
        port_type: "full".into(),
        billing_telephone_number: "+14255550100".into(),
        current_carrier: "Contoso Telecom".into(),
        organization_name: "Fabrikam Inc".into(),
        account_number: "ACC-0098765".into(),
        pin: Secret::new("918273"),
        order_name: "Redmond HQ main lines".into(),
        port_date: "2026-12-08".into(),
        port_time: "10:00".into(),
        loa: "e-signed by Dana Reyes 2026-11-20".into(),
        ..OrderFields::default()
    };
    f.authorized_user.first_name = "Dana".into();
    f.authorized_user.last_name = "Reyes".into();
    f.service_address.street = "1 Microsoft Way".into();
    f.service_address.city = "Redmond".into();
    f.service_address.state = "WA".into();
    f.service_address.postal_code = "98052".into();
    f.service_address.country = "US".into();
    f.requester.name = "Sam Lee".into();
    f.requester.email = "sam@fabrikam.com".into();
    f.notification_emails = vec!["it@fabrikam.com".into()];
    f
}

/// Every field filled in and right, the LOA recorded as signed over these values.
pub fn complete_draft() -> Order {
    let mut order = Order::new("ord-fab".into(), complete_fields(), clock().now);
    order.loa_signed_fields = Some(order.fields.clone());
    order
}

/// A draft with work left: a duplicate and a bad number, no postal code, no requester.
pub fn draft_in_progress() -> Order {
    let mut fields = complete_fields();
    fields.numbers = vec![
        "+14255550100".into(),
        "425-555-0101".into(),
        "(425) 555-0100".into(),
        "call me".into(),
    ];
    fields.service_address.postal_code.clear();
    fields.requester = Default::default();
    fields.organization_name = "Fabrikam".into();
    Order::new("ord-wip".into(), fields, clock().now)
}

pub const CARRIER_TEXT: &str = "The account number provided doesn't match the record of your current service provider. Please contact your current provider and check your current documentation, update your account number, and then resubmit your order.\x1b[31m";

/// Submitted, then rejected for the account number and the organization name.
pub fn rejected_order() -> Order {
    let mut order = complete_draft();
    let _ = order.submit(clock());
    let _ = order.reject(
        RejectionInput {
            text: CARRIER_TEXT.into(),
            fields: vec![FieldKey::AccountNumber, FieldKey::OrganizationName],
            rules: vec!["account_number".into()],
            action: "Update the Account number field to match the corresponding value in the CSR."
                .into(),
            needs_carrier_contact: false,
            key_sentence: None,
        },
        clock().now,
    );
    order
}

/// Submitted, then rejected for a freeze on the numbers: no field to fix, the carrier must act.
pub fn frozen_order() -> Order {
    let mut order = complete_draft();
    let _ = order.submit(clock());
    let _ = order.reject(
        RejectionInput {
            text: "There's a freeze on your porting phone numbers. Please contact your current provider to unblock the freeze and then resubmit your order.".into(),
            fields: Vec::new(),
            rules: vec!["port_freeze".into()],
            action: "Contact the carrier to unblock the freeze and then resubmit your order."
                .into(),
            needs_carrier_contact: true,
            key_sentence: None,
        },
        clock().now,
    );
    order
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub fn type_text(wizard: &mut Wizard, text: &str) {
    for c in text.chars() {
        wizard.handle_key(key(KeyCode::Char(c)), clock());
    }
}

/// Type `text` into the focused field and leave it with Tab, as a user does: the field is
/// checked when it is left.
pub fn type_and_leave(wizard: &mut Wizard, text: &str) {
    type_text(wizard, text);
    press(wizard, KeyCode::Tab, 1);
}

pub fn press(wizard: &mut Wizard, code: KeyCode, times: usize) {
    for _ in 0..times {
        wizard.handle_key(key(code), clock());
    }
}

/// The screen as text: one line per row, wide characters once, trailing spaces trimmed, and
/// the cursor's position at the end.
pub fn screen(wizard: &Wizard, width: u16, height: u16) -> String {
    screen_with(wizard, width, height, &Theme::plain())
}

pub fn screen_with(wizard: &Wizard, width: u16, height: u16, theme: &Theme) -> String {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    const NO_CURSOR: (u16, u16) = (999, 999);
    let _ = terminal.backend_mut().set_cursor_position(NO_CURSOR);
    let mut cursor = None;
    let drawn = terminal.draw(|frame| {
        wizard.render(frame, frame.area(), theme);
    });
    if drawn.is_err() {
        return String::from("draw failed");
    }
    if let Ok(position) = terminal.backend_mut().get_cursor_position()
        && (position.x, position.y) != NO_CURSOR
    {
        cursor = Some(position);
    }
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in 0..width {
            let cell = &buffer[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = cell.symbol();
            line.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if let Some(position) = cursor {
        out.push_str(&format!(
            "cursor: column {}, row {}\n",
            position.x, position.y
        ));
    }
    out
}
