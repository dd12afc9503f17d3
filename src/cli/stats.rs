//! `portwiz stats`: the insights of `domain::insights` as text or one JSON document; and the
//! warnings from history that `submit` and `resubmit` print before sending an order.

use super::console::Console;
use crate::domain::insights::weekly;
use crate::domain::insights::{self, CarrierInsights, Elapsed, Insights, days, plural, round};
use crate::domain::{Clock, Status, spec};
use crate::store::Store;
use serde_json::{Value, json};

/// How many waiting orders the text lists per carrier (the JSON lists them all).
const WAITING_SHOWN: usize = 3;

/// The report of every order in the store.
pub fn report(store: &Store, clock: Clock, as_json: bool) -> String {
    let insights = insights::compute(&store.read_every_order(), clock.now);
    if as_json {
        super::output::json(&to_json(&insights, clock))
    } else {
        text(&insights, clock)
    }
}

/// Print what the order's carrier rejected on earlier orders, when the order is in `expected`
/// (otherwise the action is refused anyway). Never blocks: warnings go to stderr.
pub fn warn_from_history(store: &mut Store, id: &str, expected: Status, console: &mut Console) {
    let Ok(loaded) = store.get(id) else { return };
    let order = loaded.order.clone();
    if order.status != expected {
        return;
    }
    for warning in crate::store::preflight::warnings(store, &order) {
        console.say(&format!("warning: {}", warning.message()));
    }
}

/// The insights as text (`portwiz stats`, and plain mode's menu).
pub fn text(insights: &Insights, clock: Clock) -> String {
    let all = &insights.all;
    if all.orders == 0 {
        return "No orders yet: the insights come from your orders' history.\n".to_string();
    }
    let mut out = format!(
        "Insights from {} ({}), as of {}\n",
        plural(all.orders, "order"),
        plural(insights.carriers.len(), "carrier"),
        clock.today
    );
    for carrier in &insights.carriers {
        out.push('\n');
        out.push_str(&carrier_text(carrier));
    }
    if insights.carriers.len() > 1 {
        out.push('\n');
        out.push_str(&carrier_text(all));
    }
    out
}

fn carrier_text(c: &CarrierInsights) -> String {
    let mut out = format!("{}\n", c.carrier);
    let mut row = |label: &str, value: String| {
        out.push_str(&format!("  {label:<15} {value}\n"));
    };
    row(
        "Orders",
        format!("{} ({} submitted)", c.orders, c.submitted),
    );
    row(
        "Rejected",
        match c.rejection_rate() {
            Some(rate) => format!(
                "{} of {} submitted ({:.0}%), {}",
                c.rejected,
                c.submitted,
                rate * 100.0,
                plural(c.rejections, "rejection")
            ),
            None => "nothing submitted yet".to_string(),
        },
    );
    if !c.rejected_groups.is_empty() {
        let fields: Vec<String> = c
            .rejected_groups
            .iter()
            .take(crate::domain::insights::GROUPS_LISTED)
            .map(|g| format!("{} ({})", g.label, g.orders))
            .collect();
        row("Rejected most", fields.join(", "));
    }
    row("To FOC", elapsed_text(&c.to_foc));
    row("To completion", elapsed_text(&c.to_completion));
    for (label, series) in [
        ("Submitted/wk", &c.weekly.sent),
        ("Rejections/wk", &c.weekly.rejected),
    ] {
        row(
            label,
            format!("{}  {}", weekly::sparkline(series), weekly::words(series)),
        );
    }
    row(
        "Waiting now",
        if c.waiting.is_empty() {
            "none".to_string()
        } else {
            let mut shown: Vec<String> = c
                .waiting
                .iter()
                .take(WAITING_SHOWN)
                .map(|w| format!("{} {} ({})", w.id, days(w.days), w.status.label()))
                .collect();
            if c.waiting.len() > WAITING_SHOWN {
                shown.push(format!("{} more", c.waiting.len() - WAITING_SHOWN));
            }
            format!("{}: {}", c.waiting.len(), shown.join(", "))
        },
    );
    out
}

fn elapsed_text(e: &Elapsed) -> String {
    match e.median_days {
        Some(median) => format!("median {} ({})", days(median), plural(e.orders, "order")),
        None => "no order got there yet".to_string(),
    }
}

fn to_json(insights: &Insights, clock: Clock) -> Value {
    json!({
        "as_of": clock.now.to_string(),
        "orders": insights.all.orders,
        "carriers": insights.carriers.iter().map(carrier_json).collect::<Vec<_>>(),
        "all": carrier_json(&insights.all),
    })
}

fn carrier_json(c: &CarrierInsights) -> Value {
    let elapsed =
        |e: &Elapsed| json!({"median": e.median_days.map(|d| round(d, 2)), "orders": e.orders});
    json!({
        "carrier": c.carrier,
        "orders": c.orders,
        "submitted": c.submitted,
        "rejected": c.rejected,
        "rejections": c.rejections,
        "rejection_rate": c.rejection_rate().map(|r| round(r, 3)),
        "rejected_fields": c.rejected_fields.iter().map(|f| json!({
            "field": f.field.as_str(),
            "label": spec(f.field).label,
            "orders": f.orders,
        })).collect::<Vec<_>>(),
        "rejected_groups": c.rejected_groups.iter().map(|g| json!({
            "group": g.group,
            "label": g.label,
            "orders": g.orders,
        })).collect::<Vec<_>>(),
        "days_to_foc": elapsed(&c.to_foc),
        "days_to_completion": elapsed(&c.to_completion),
        // Oldest week first; the last is the seven days up to `as_of`.
        "weekly": {
            "weeks": weekly::WEEKS,
            "sent": c.weekly.sent,
            "rejections": c.weekly.rejected,
        },
        "waiting": c.waiting.iter().map(|w| json!({
            "id": w.id,
            "status": w.status.key(),
            "since": w.since.to_string(),
            "days": round(w.days, 2),
        })).collect::<Vec<_>>(),
    })
}
