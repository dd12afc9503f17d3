//! Orders with known histories for the domain's own tests (insights, preflight): a fixed start
//! day, the complete fixture order for any carrier, and a rejection of given fields.

use super::key::FieldKey;
use super::order::{Clock, Order, RejectionInput};
use jiff::ToSpan;
use jiff::civil::{Date, date};

const START: Date = date(2026, 9, 1);

/// The clock `n` days after the start.
pub fn day(n: i64) -> Clock {
    Clock::fixed(START.checked_add(n.days()).unwrap())
}

/// The complete fixture order for `carrier`, created on day `created`, its port date ten
/// business days ahead (inside the window for every submission of these tests).
pub fn complete_order(id: &str, carrier: &str, created: i64) -> Order {
    let text = include_str!("../../tests/fixtures/complete-order.json");
    let mut fields = super::document::parse(text, false).unwrap().fields;
    fields.current_carrier = carrier.to_string();
    fields.port_date =
        super::rules::port_date::add_business_days(day(created).today, 10).to_string();
    Order::new(id.into(), fields, day(created).now)
}

/// A carrier's rejection of `fields`.
pub fn rejection(fields: &[FieldKey]) -> RejectionInput {
    RejectionInput {
        text: "rejected".into(),
        fields: fields.to_vec(),
        ..Default::default()
    }
}
