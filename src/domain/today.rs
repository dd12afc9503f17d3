//! What needs the user now, most urgent first (`portwiz today`, the app's Today view): a reading
//! of the orders at a clock, with the rulebook's answer times and holidays. Front ends only draw
//! it (docs/command-line.md, `today`).

use super::countries::AnswerTime;
use super::history::Event;
use super::key::FieldKey;
use super::order::{Clock, Foc, Order};
use super::registry::spec;
use super::rules::Country;
use super::rules::port_date::{add_business_days_in, business_days_between};
use super::status::Status;
use jiff::Timestamp;
use jiff::civil::Date;

/// Days after its signature when carriers start refusing an LOA (domain.md §5: "LOA too old (30
/// or 60 days)"; the shorter, so it is re-signed in time either way).
pub const LOA_MAX_AGE_DAYS: i64 = 30;
/// Business days Microsoft support's case may go without a word before portwiz says so: its own
/// reminder, not a figure Microsoft gives (it quotes 10–12 business days for the service desk).
pub const CASE_QUIET_BUSINESS_DAYS: u32 = 3;
/// Where the rulebook gives the country no answer time: portwiz's own reminder, said as such.
pub const DEFAULT_ANSWER_DAYS: [u32; 2] = [5, 10];

/// What needs the user on one order, in the order of urgency (the variant's place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// The carrier rejected the order: these fields to fix; waiting this many days.
    CustomerAction { fields: Vec<FieldKey>, days: i64 },
    /// The confirmed port is today.
    PortToday { foc: Foc, zone: String },
    /// The confirmed port is tomorrow.
    PortTomorrow { foc: Foc, zone: String },
    /// The confirmed port date passed this many days ago and completion is not recorded;
    /// `teams` is what the latest check against the tenant's export recorded since the FOC
    /// (`portwiz reconcile --apply`: the numbers Teams does not show ported), if any.
    PortNotRecorded {
        foc: Foc,
        days: i64,
        teams: Option<String>,
    },
    /// Submitted this many business days ago, past the carrier's usual answer time.
    CarrierLate {
        business_days: u32,
        usual: [u32; 2],
        /// Whose figure `usual` is, in a few words: "porting guides", "Microsoft", or
        /// portwiz's own reminder where the rulebook gives none (`answer_time` has the source).
        by: String,
    },
    /// Microsoft support's case has had no word in the order for this many business days.
    CaseQuiet { business_days: u32 },
    /// The LOA must be signed again.
    LoaToResign(LoaReason),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoaReason {
    /// Recorded as signed on `signed`, `days` ago.
    Old { signed: Date, days: i64 },
    /// Fields the LOA covers changed since it was signed.
    Changed(Vec<FieldKey>),
}

/// One line of the list: an order and what it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub need: Need,
}

impl Need {
    /// Its place in the list: the lower, the more urgent.
    pub fn rank(&self) -> u8 {
        match self {
            Need::CustomerAction { .. } => 0,
            Need::PortToday { .. } => 1,
            Need::PortTomorrow { .. } => 2,
            Need::PortNotRecorded { .. } => 3,
            Need::CarrierLate { .. } => 4,
            Need::CaseQuiet { .. } => 5,
            Need::LoaToResign(_) => 6,
        }
    }

    /// How long it has waited, for ordering within a rank (the longest first).
    fn waited(&self) -> i64 {
        match self {
            Need::CustomerAction { days, .. } | Need::PortNotRecorded { days, .. } => *days,
            Need::CarrierLate { business_days, .. } | Need::CaseQuiet { business_days } => {
                i64::from(*business_days)
            }
            Need::LoaToResign(LoaReason::Old { days, .. }) => *days,
            Need::PortToday { .. } | Need::PortTomorrow { .. } | Need::LoaToResign(_) => 0,
        }
    }

    /// A short heading: "Customer action required", "Ports today"…
    pub fn title(&self) -> &'static str {
        match self {
            Need::CustomerAction { .. } => "Customer action required",
            Need::PortToday { .. } => "Ports today",
            Need::PortTomorrow { .. } => "Ports tomorrow",
            Need::PortNotRecorded { .. } => "Port not recorded",
            Need::CarrierLate { .. } => "Carrier past its usual answer time",
            Need::CaseQuiet { .. } => "Support case without a reply",
            Need::LoaToResign(_) => "LOA to re-sign",
        }
    }

    /// What it is and what to do, in words.
    pub fn says(&self) -> String {
        match self {
            Need::CustomerAction { fields, days } => {
                let fields = labels(fields);
                let fix = if fields.is_empty() {
                    "read the carrier's words and fix the order".to_string()
                } else {
                    format!("fix {fields}")
                };
                format!("The carrier rejected it {}: {fix}.", ago(*days))
            }
            Need::PortToday { foc, zone } => format!("The port is today, {}.", at(foc, zone)),
            Need::PortTomorrow { foc, zone } => format!("The port is tomorrow, {}.", at(foc, zone)),
            Need::PortNotRecorded {
                foc,
                days,
                teams: Some(checked),
            } => format!(
                "The port date {} passed {}: {checked}.",
                foc.describe(),
                ago(*days)
            ),
            Need::PortNotRecorded { foc, days, .. } => format!(
                "The port date {} passed {} and no completion is recorded: check the numbers \
                 in Teams (portwiz reconcile, or I on the app's history) or record it completed.",
                foc.describe(),
                ago(*days)
            ),
            Need::CarrierLate {
                business_days,
                usual: [low, high],
                by,
            } => format!(
                "Submitted {business_days} business days ago; carriers usually answer in \
                 {low}–{high} ({by}): chase the carrier."
            ),
            Need::CaseQuiet { business_days } => format!(
                "Nothing recorded for {business_days} business days since Microsoft support \
                 took it: ask on the case."
            ),
            Need::LoaToResign(LoaReason::Old { signed, days }) => format!(
                "The LOA was recorded {days} days ago ({signed}); carriers refuse one older \
                 than {LOA_MAX_AGE_DAYS} days: have it signed again."
            ),
            Need::LoaToResign(LoaReason::Changed(fields)) => format!(
                "Changed since the LOA was signed: {}: have it signed again.",
                labels(fields)
            ),
        }
    }
}

fn labels(fields: &[FieldKey]) -> String {
    let labels: Vec<&str> = fields.iter().map(|k| spec(*k).label).collect();
    labels.join(", ")
}

fn ago(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "1 day ago".into(),
        n => format!("{n} days ago"),
    }
}

fn at(foc: &Foc, zone: &str) -> String {
    match foc.time {
        Some(_) => format!("{} ({zone})", foc.describe()),
        None => format!("{} (no time given)", foc.describe()),
    }
}

/// Everything that needs the user among `orders` at `clock`, most urgent first: by rank, then the
/// longest waiting, then by id (so the list is stable).
pub fn today(orders: &[Order], clock: Clock) -> Vec<Item> {
    let mut items: Vec<Item> = orders
        .iter()
        .flat_map(|order| {
            needs(order, clock).into_iter().map(|need| Item {
                id: order.id.clone(),
                name: order.display_name(),
                status: order.status,
                need,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        (a.need.rank(), -a.need.waited(), &a.id).cmp(&(b.need.rank(), -b.need.waited(), &b.id))
    });
    items
}

/// What one order needs today (none for a completed or cancelled order).
pub fn needs(order: &Order, clock: Clock) -> Vec<Need> {
    let country = order.fields.rules_country();
    let mut out = Vec::new();
    match order.status {
        Status::CustomerActionRequired => out.push(Need::CustomerAction {
            fields: order.rejected_fields().to_vec(),
            days: whole_days(order.in_status_since(), clock.now),
        }),
        Status::FocConfirmed => out.extend(port_need(order, country, clock)),
        Status::Submitted => out.extend(carrier_late(order, country, clock)),
        Status::SupportEngaged => out.extend(case_quiet(order, country, clock)),
        Status::Draft | Status::Completed | Status::Cancelled => {}
    }
    if matches!(order.status, Status::Draft | Status::CustomerActionRequired) {
        out.extend(loa_need(order, clock));
    }
    out
}

fn whole_days(since: Timestamp, now: Timestamp) -> i64 {
    ((now.as_second() - since.as_second()) / 86_400).max(0)
}

/// The date of `at` in the country's zone, as its carriers count days.
fn local_date(at: Timestamp, country: Country) -> Date {
    let zone = country
        .rules()
        .map_or(jiff::tz::TimeZone::UTC, |rules| rules.zone());
    at.to_zoned(zone).date()
}

fn zone_name(country: Country) -> String {
    country
        .rules()
        .map_or_else(|| "UTC".to_string(), |rules| rules.time_zone.value.clone())
}

fn port_need(order: &Order, country: Country, clock: Clock) -> Option<Need> {
    let foc = order.foc.clone()?;
    let zone = zone_name(country);
    let tomorrow = clock.today.tomorrow().ok();
    if foc.date == clock.today {
        Some(Need::PortToday { foc, zone })
    } else if Some(foc.date) == tomorrow {
        Some(Need::PortTomorrow { foc, zone })
    } else if foc.date < clock.today {
        let days = (clock.today - foc.date).get_days().into();
        let teams = teams_check_since_foc(order);
        Some(Need::PortNotRecorded { foc, days, teams })
    } else {
        None
    }
}

/// What the latest check against the tenant's export recorded since the FOC
/// (`portwiz reconcile --apply`: the numbers Teams does not show ported), if any.
pub fn teams_check_since_foc(order: &Order) -> Option<String> {
    teams_checked_since_foc(order).map(|(_, note)| note)
}

/// [`teams_check_since_foc`] with when it was recorded.
pub fn teams_checked_since_foc(order: &Order) -> Option<(Timestamp, String)> {
    order
        .history
        .iter()
        .rev()
        .take_while(|h| h.event != Event::FocConfirmed)
        .find(|h| h.event == Event::TeamsChecked)
        .map(|h| (h.at, h.note.trim_end_matches('.').to_string()))
}

/// What the order's status means and what to do now. A submitted order names its own
/// country's usual answer time ([`answer_time`]): the status alone cannot (3–5 business days is
/// the US figure, not the UK's).
pub fn status_meaning(order: &Order) -> std::borrow::Cow<'static, str> {
    if order.status != Status::Submitted {
        return order.status.meaning().into();
    }
    let country = order.fields.rules_country();
    let ([fewest, most], by) = answer_time(country);
    let when = if country.rules().is_some_and(|r| r.answer_time.is_some()) {
        format!("the current carrier usually answers in {fewest}–{most} business days ({by})")
    } else {
        format!(
            "no source gives the current carrier's usual answer time in {}; Today reminds you \
             after {most} business days",
            country.in_sentence()
        )
    };
    format!("Submitted in the Teams admin center; {when}. Record its answer when it arrives.")
        .into()
}

/// The country's usual answer time and whose figure it is, in a few words.
pub fn answer_time(country: Country) -> ([u32; 2], String) {
    match country.rules().and_then(|r| r.answer_time.as_ref()) {
        Some(AnswerTime {
            business_days, by, ..
        }) => {
            let by = if by == "microsoft" {
                "Microsoft"
            } else {
                "porting guides"
            };
            (*business_days, by.to_string())
        }
        None => (
            DEFAULT_ANSWER_DAYS,
            format!(
                "portwiz's reminder: no source gives a figure for {}",
                country.in_sentence()
            ),
        ),
    }
}

fn carrier_late(order: &Order, country: Country, clock: Clock) -> Option<Need> {
    let since = local_date(order.in_status_since(), country);
    let business_days = business_days_between(country, since, clock.today);
    let (usual, by) = answer_time(country);
    (business_days > usual[1]).then_some(Need::CarrierLate {
        business_days,
        usual,
        by,
    })
}

/// The day the carrier turns past its usual answer time for the order's latest submission
/// (the first day Today shows [`Need::CarrierLate`]); `None` for an order never submitted.
pub fn chase_date(order: &Order) -> Option<Date> {
    let country = order.fields.rules_country();
    let since = if order.status == Status::Submitted {
        order.in_status_since()
    } else {
        order
            .history
            .iter()
            .rev()
            .find(|h| h.to == Some(Status::Submitted))?
            .at
    };
    let (usual, _) = answer_time(country);
    Some(add_business_days_in(
        country,
        local_date(since, country),
        usual[1] + 1,
    ))
}

/// The day the recorded LOA turns [`LOA_MAX_AGE_DAYS`] days old, in the order's country.
pub fn loa_too_old_on(order: &Order) -> Option<Date> {
    if order.fields.loa.trim().is_empty() {
        return None;
    }
    let signed = local_date(loa_signed_at(order)?, order.fields.rules_country());
    signed
        .checked_add(jiff::Span::new().days(LOA_MAX_AGE_DAYS))
        .ok()
}

fn case_quiet(order: &Order, country: Country, clock: Clock) -> Option<Need> {
    let last_word = order.history.last().map_or(order.updated_at, |h| h.at);
    let business_days = business_days_between(country, local_date(last_word, country), clock.today);
    (business_days >= CASE_QUIET_BUSINESS_DAYS).then_some(Need::CaseQuiet { business_days })
}

/// When the LOA was last recorded as signed: the latest edit that set the `loa` field.
pub fn loa_signed_at(order: &Order) -> Option<Timestamp> {
    order
        .history
        .iter()
        .rev()
        .filter(|h| matches!(h.event, Event::Edited | Event::Created | Event::Imported))
        .find(|h| {
            h.changes
                .iter()
                .any(|c| c.key == FieldKey::Loa && !c.to.trim().is_empty())
        })
        .map(|h| h.at)
        .or_else(|| {
            // An order made with its LOA already filled (`new --from`, an import) signed it then.
            (order.loa_signed_fields.is_some() || !order.fields.loa.trim().is_empty())
                .then_some(order.created_at)
        })
}

fn loa_need(order: &Order, clock: Clock) -> Option<Need> {
    let changed = order.loa_needs_resigning();
    if !changed.is_empty() {
        return Some(Need::LoaToResign(LoaReason::Changed(changed)));
    }
    if order.fields.loa.trim().is_empty() {
        return None;
    }
    let signed_at = loa_signed_at(order)?;
    let days = whole_days(signed_at, clock.now);
    let signed = local_date(signed_at, order.fields.rules_country());
    (days >= LOA_MAX_AGE_DAYS).then_some(Need::LoaToResign(LoaReason::Old { signed, days }))
}

#[cfg(test)]
mod tests;
