//! The orders' dates as calendar events (`portwiz calendar`, docs/command-line.md): the requested
//! port date, the carrier's FOC, and the follow-ups Today counts from the same dates (chase the
//! carrier past its usual answer time, check the numbers in Teams once the FOC day is over, the
//! LOA turning 30 days old). An event is named by its order and kind, so importing the file
//! again updates it; one no longer due stays, cancelled, so the update reaches the calendar.
//! `export::ics` writes them.

use super::order::{Clock, Order};
use super::rules::port_date::parse_date;
use super::rules::port_time::parse_time;
use super::sanitize::value_text;
use super::status::Status;
use super::today::{self, LOA_MAX_AGE_DAYS};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

/// A completed or cancelled order stays in the file this many days after its last change (its
/// events then cancelled or done), so a re-import updates them; older ones are left out.
pub const KEEP_CLOSED_DAYS: i64 = 90;

/// What an event is about; its key is the last part of the event's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Requested,
    Foc,
    Check,
    Chase,
    Loa,
}

impl Kind {
    pub const fn key(self) -> &'static str {
        match self {
            Kind::Requested => "requested",
            Kind::Foc => "foc",
            Kind::Check => "check",
            Kind::Chase => "chase",
            Kind::Loa => "loa",
        }
    }
}

/// When it happens: a whole day, or a moment (with the zone the carrier gave it in).
#[derive(Debug, Clone, PartialEq)]
pub enum When {
    Day(Date),
    At { start: Timestamp, zone: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Asked for, not confirmed (a requested port date).
    Tentative,
    Confirmed,
    /// No longer due: superseded, answered or the order cancelled.
    Cancelled,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub order_id: String,
    pub kind: Kind,
    pub when: When,
    pub state: State,
    /// One line, cleaned.
    pub summary: String,
    /// Lines, each cleaned.
    pub description: Vec<String>,
    /// The order's last change: events change only with their order.
    pub changed: Timestamp,
}

impl Event {
    /// The same for the same order and kind in every file: `PO-7KQ3M2XA-foc@portwiz`.
    pub fn uid(&self) -> String {
        let id: String = (self.order_id.chars())
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        format!("{id}-{}@portwiz", self.kind.key())
    }
}

/// Every event of `orders` at `clock`, by order id then kind.
pub fn events(orders: &[Order], clock: Clock) -> Vec<Event> {
    let mut orders: Vec<&Order> = orders.iter().filter(|o| kept(o, clock)).collect();
    orders.sort_by(|a, b| a.id.cmp(&b.id));
    orders.into_iter().flat_map(order_events).collect()
}

fn kept(order: &Order, clock: Clock) -> bool {
    let closed = matches!(order.status, Status::Completed | Status::Cancelled);
    let days = (clock.now.as_second() - order.updated_at.as_second()) / 86_400;
    !closed || days <= KEEP_CLOSED_DAYS
}

/// Text from the order on one line: controls, escapes and invisible characters gone.
fn one_line(text: &str) -> String {
    value_text(text).trim().to_string()
}

/// One order's events: a pure reading of the order, so the same order gives the same events
/// whatever the day.
pub fn order_events(order: &Order) -> Vec<Event> {
    let name = one_line(&order.display_name());
    let carrier = match one_line(&order.fields.current_carrier) {
        c if c.is_empty() => "the carrier".to_string(),
        c => c,
    };
    let about = About {
        order,
        name: &name,
        carrier: &carrier,
    };
    [
        requested(&about),
        foc(&about),
        check(&about),
        chase(&about),
        loa(&about),
    ]
    .into_iter()
    .flatten()
    .collect()
}

struct About<'a> {
    order: &'a Order,
    name: &'a str,
    carrier: &'a str,
}

impl About<'_> {
    fn event(&self, kind: Kind, when: When, state: State, summary: String) -> Event {
        let order = self.order;
        let mut description = vec![
            format!(
                "Order {} ({}), {}.",
                order.id,
                self.name,
                order.status.label()
            ),
            format!(
                "Current carrier: {}; {}.",
                self.carrier,
                crate::domain::rules::text::counted(order.fields.numbers.len(), "number")
            ),
        ];
        if let When::At { zone, .. } = &when {
            description.push(format!("Times are the carrier's, in {zone}."));
        }
        description.push(format!("portwiz show {}", order.id));
        Event {
            order_id: order.id.clone(),
            kind,
            when,
            state,
            summary,
            description,
            changed: order.updated_at,
        }
    }

    /// A date and optional time in the carrier's zone: a moment, or the whole day.
    fn when(&self, date: Date, time: Option<jiff::civil::Time>) -> (When, String) {
        let zone = self.order.fields.carrier_zone();
        let zone_name = zone.iana_name().unwrap_or("UTC").to_string();
        let moment = time.and_then(|t| date.to_datetime(t).to_zoned(zone).ok());
        match (moment, time) {
            (Some(at), Some(t)) => (
                When::At {
                    start: at.timestamp(),
                    zone: zone_name.clone(),
                },
                format!("{date} {} {zone_name}", t.strftime("%H:%M")),
            ),
            _ => (When::Day(date), date.to_string()),
        }
    }
}

fn requested(about: &About) -> Option<Event> {
    let fields = &about.order.fields;
    let date = parse_date(&fields.port_date)?;
    let (when, words) = about.when(date, parse_time(&fields.port_time));
    let superseded = about.order.foc.is_some() || about.order.status == Status::Cancelled;
    let state = if superseded {
        State::Cancelled
    } else {
        State::Tentative
    };
    let summary = format!("Requested port: {} ({words})", about.name);
    let mut event = about.event(Kind::Requested, when, state, summary);
    event.description.insert(
        1,
        "The date asked for; the carrier confirms one with its FOC.".into(),
    );
    Some(event)
}

fn foc(about: &About) -> Option<Event> {
    let foc = about.order.foc.as_ref()?;
    let (when, words) = about.when(foc.date, foc.time);
    let state = match about.order.status {
        Status::Cancelled => State::Cancelled,
        _ => State::Confirmed,
    };
    let summary = format!("Port (FOC): {} ({words})", about.name);
    Some(about.event(Kind::Foc, when, state, summary))
}

/// The day after the FOC day: check in Teams that every number ported. A check against the
/// tenant's export since the FOC (`reconcile --apply`) is said in the summary, on its own day.
fn check(about: &About) -> Option<Event> {
    let foc = about.order.foc.as_ref()?;
    let mut day = foc.date.checked_add(1.day()).ok()?;
    let state = match about.order.status {
        Status::FocConfirmed => State::Confirmed,
        _ => State::Cancelled,
    };
    let checked = today::teams_checked_since_foc(about.order);
    // Numbers found missing: the event moves to the day the check found them.
    if let Some((at, _)) = &checked {
        let zone = about.order.fields.carrier_zone();
        day = day.max(at.to_zoned(zone).date());
    }
    let teams = checked.map(|(_, t)| one_line(&t));
    let summary = match &teams {
        Some(said) => format!("Port not complete: {}: {said}", about.name),
        None => format!("Check the port in Teams: {}", about.name),
    };
    let mut event = about.event(Kind::Check, When::Day(day), state, summary);
    event.description.insert(
        1,
        format!(
            "The FOC day ({}) is over: check the numbers in Teams (portwiz reconcile) or \
             record the order completed.",
            foc.date
        ),
    );
    Some(event)
}

fn chase(about: &About) -> Option<Event> {
    let day = today::chase_date(about.order)?;
    let state = match about.order.status {
        Status::Submitted => State::Confirmed,
        _ => State::Cancelled,
    };
    let ([low, high], by) = today::answer_time(about.order.fields.rules_country());
    let summary = format!("Chase {}: {}", about.carrier, about.name);
    let mut event = about.event(Kind::Chase, When::Day(day), state, summary);
    event.description.insert(
        1,
        format!(
            "No answer yet would be past the usual {low}–{high} business days ({by}): ask {} \
             where the order stands.",
            about.carrier
        ),
    );
    Some(event)
}

fn loa(about: &About) -> Option<Event> {
    let day = today::loa_too_old_on(about.order)?;
    let state = match about.order.status {
        Status::Draft | Status::CustomerActionRequired => State::Confirmed,
        _ => State::Cancelled,
    };
    let summary = format!("LOA turns {LOA_MAX_AGE_DAYS} days old: {}", about.name);
    let mut event = about.event(Kind::Loa, When::Day(day), state, summary);
    event.description.insert(
        1,
        format!(
            "Carriers refuse an LOA older than {LOA_MAX_AGE_DAYS} days: have it signed again \
             before you submit (portwiz ask {} signature).",
            about.order.id
        ),
    );
    Some(event)
}

#[cfg(test)]
mod tests;
