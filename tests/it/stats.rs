//! `portwiz stats` and the warnings from history of `submit`, on a store written with a fixed
//! clock and known histories, so every figure is known in advance.

use crate::support::portwiz;
use jiff::ToSpan;
use jiff::civil::{Date, date};
use portwiz::domain::order::RejectionInput;
use portwiz::domain::rules::port_date::add_business_days;
use portwiz::domain::status::SupportScenario;
use portwiz::domain::{Clock, FieldKey, Order, document};
use portwiz::store::Store;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

/// Day 0 of the story: Monday 5 October 2026. `stats` runs on day 10.
const START: Date = date(2026, 10, 5);
const TODAY: i64 = 10;

fn day(n: i64) -> Clock {
    Clock::fixed(START.checked_add(n.days()).unwrap())
}

fn today() -> String {
    day(TODAY).today.to_string()
}

fn draft(store: &Store, carrier: &str, created: i64) -> Order {
    let text = std::fs::read_to_string(crate::support::fixture("complete-order.json")).unwrap();
    let mut fields = document::parse(&text, false).unwrap().fields;
    fields.current_carrier = carrier.into();
    fields.port_date = add_business_days(day(created).today, 10).to_string();
    Order::new(store.new_id(), fields, day(created).now)
}

fn reject(order: &mut Order, on: i64, fields: &[FieldKey]) {
    let input = RejectionInput {
        text: "rejected".into(),
        fields: fields.to_vec(),
        ..Default::default()
    };
    order.reject(input, day(on).now).unwrap();
}

fn foc(order: &mut Order, on: i64) {
    let date = order.fields.port_date.parse().unwrap();
    order.confirm_foc(date, None, day(on).now).unwrap();
}

/// The store of the story; returns the ids by name.
fn story(dir: &Path) -> BTreeMap<&'static str, String> {
    use FieldKey::*;
    let (mut store, _) = Store::open(dir).unwrap();
    let mut orders: Vec<(&'static str, Order)> = Vec::new();

    let mut c1 = draft(&store, "Contoso Telecom", 0);
    c1.submit(day(0)).unwrap();
    foc(&mut c1, 5);
    c1.complete(day(12).now).unwrap();
    orders.push(("c1", c1));

    let mut c2 = draft(&store, "Contoso Telecom", 0);
    c2.submit(day(0)).unwrap();
    reject(&mut c2, 2, &[Pin]);
    c2.resubmit(day(3)).unwrap();
    reject(&mut c2, 4, &[Pin, AccountNumber]);
    c2.resubmit(day(5)).unwrap();
    foc(&mut c2, 9);
    orders.push(("c2", c2));

    let mut c3 = draft(&store, "contoso telecom", 1);
    c3.submit(day(1)).unwrap();
    reject(&mut c3, 3, &[Pin]);
    orders.push(("c3", c3));

    orders.push(("c4", draft(&store, "Contoso Telecom", 2)));

    let mut n1 = draft(&store, "Northwind Wireless", 2);
    n1.submit(day(2)).unwrap();
    orders.push(("n1", n1));

    let mut n2 = draft(&store, "Northwind Wireless", 0);
    n2.submit(day(0)).unwrap();
    n2.engage_support(SupportScenario::RequestedHelp, None, day(6).now)
        .unwrap();
    orders.push(("n2", n2));

    let mut n3 = draft(&store, "Northwind Wireless", 0);
    n3.submit(day(0)).unwrap();
    foc(&mut n3, 3);
    n3.cancel(day(4).now).unwrap();
    orders.push(("n3", n3));

    let mut ids = BTreeMap::new();
    for (name, order) in orders {
        ids.insert(name, order.id.clone());
        store.create(order).unwrap();
    }
    ids
}

fn stats(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = portwiz(dir)
        .env("PORTWIZ_TODAY", today())
        .arg("stats")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn stats_json_has_the_known_figures_of_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let ids = story(dir.path());
    let (code, stdout, stderr) = stats(dir.path(), &["--json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["orders"], 7);
    assert_eq!(report["as_of"], format!("{}T12:00:00Z", today()));
    let contoso = &report["carriers"][0];
    assert_eq!(
        *contoso,
        json!({
            "carrier": "Contoso Telecom",
            "orders": 4,
            "submitted": 3,
            "rejected": 2,
            "rejections": 3,
            "rejection_rate": 0.667,
            "rejected_fields": [
                {"field": "pin", "label": "Account PIN", "orders": 2},
                {"field": "account_number", "label": "Account number", "orders": 1},
            ],
            "rejected_groups": [
                {"group": "pin", "label": "Account PIN", "orders": 2},
                {"group": "account_number", "label": "Account number", "orders": 1},
            ],
            // FOC 5 and 9 days after the first submission; completed after 12 (c2 not yet).
            "days_to_foc": {"median": 7.0, "orders": 2},
            "days_to_completion": {"median": 12.0, "orders": 1},
            // Today is day 10: sent on days 0, 0, 1, 3 (a week or more ago) and 5 (resubmitted);
            // rejected on days 2, 3 and 4.
            "weekly": {
                "weeks": 12,
                "sent": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 1],
                "rejections": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1],
            },
            // c3 waits on the user, not on the carrier.
            "waiting": [],
        })
    );
    let northwind = &report["carriers"][1];
    assert_eq!(northwind["carrier"], "Northwind Wireless");
    assert_eq!(northwind["rejection_rate"], 0.0);
    assert_eq!(northwind["rejected_fields"], json!([]));
    assert_eq!(
        northwind["days_to_foc"],
        json!({"median": 3.0, "orders": 1})
    );
    assert_eq!(
        northwind["days_to_completion"],
        json!({"median": null, "orders": 0})
    );
    assert_eq!(
        northwind["waiting"],
        json!([
            {"id": ids["n1"], "status": "submitted", "since": format!("{}T12:00:00Z", day(2).today), "days": 8.0},
            {"id": ids["n2"], "status": "support_engaged", "since": format!("{}T12:00:00Z", day(6).today), "days": 4.0},
        ])
    );
    let all = &report["all"];
    assert_eq!(all["carrier"], "All carriers");
    assert_eq!(
        (&all["orders"], &all["submitted"], &all["rejected"]),
        (&json!(7), &json!(6), &json!(2))
    );
    assert_eq!(all["rejection_rate"], 0.333);
    assert_eq!(all["days_to_foc"], json!({"median": 5.0, "orders": 3}));
}

#[test]
fn stats_text_reads_without_colour_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    let (code, stdout, _) = stats(dir.path(), &[]);
    assert_eq!(code, 0);
    assert!(!stdout.contains('\x1b'), "{stdout}");
    for line in [
        format!("Insights from 7 orders (2 carriers), as of {}", today()),
        "Contoso Telecom".to_string(),
        "  Rejected        2 of 3 submitted (67%), 3 rejections".to_string(),
        "  Rejected most   Account PIN (2), Account number (1)".to_string(),
        "  To FOC          median 7 days (2 orders)".to_string(),
        "  Waiting now     none".to_string(),
        "  To completion   no order got there yet".to_string(),
        "  Submitted/wk    ··········█▂  5 in 12 weeks, most 4, this week 1".to_string(),
        "  Rejections/wk   ··········█▄  3 in 12 weeks, most 2, this week 1".to_string(),
        "All carriers".to_string(),
    ] {
        assert!(
            stdout.lines().any(|l| l == line),
            "{line:?} not in:\n{stdout}"
        );
    }
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("  Waiting now     2: PO-") && l.contains("8 days (Submitted)")),
        "{stdout}"
    );
}

#[test]
fn an_empty_store_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, _) = stats(dir.path(), &[]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("No orders yet"), "{stdout}");
    let (_, json_out, _) = stats(dir.path(), &["--json"]);
    let report: Value = serde_json::from_str(&json_out).unwrap();
    assert_eq!(report["orders"], 0);
    assert_eq!(report["carriers"], json!([]));
}

#[test]
fn submit_warns_about_what_the_carrier_rejected_before_and_still_submits() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let order = draft(&store, "Contoso Telecom", TODAY);
    let id = order.id.clone();
    store.create(order).unwrap();
    drop(store);
    let out = portwiz(dir.path())
        .env("PORTWIZ_TODAY", today())
        .args(["submit", &id])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{id}: Submitted\n")
    );
    // c1, c2 and c3 were submitted; c2 and c3 were rejected for the PIN.
    assert_eq!(
        without_fictional(&stderr),
        "warning: Contoso Telecom rejected the account PIN on 2 of your last 3 orders: check it against the CSR."
    );
}

#[test]
fn resubmit_warns_from_the_other_orders_history_too() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let mut order = draft(&store, "Contoso Telecom", TODAY);
    order.submit(day(TODAY)).unwrap();
    reject(&mut order, TODAY, &[FieldKey::Pin]);
    let id = order.id.clone();
    store.create(order).unwrap();
    drop(store);
    let out = portwiz(dir.path())
        .env("PORTWIZ_TODAY", today())
        .args(["resubmit", &id, "--unchanged"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // Its own rejection is not counted: c2 and c3 of c1, c2, c3.
    assert!(
        stderr.lines().any(|l| l
            == "warning: Contoso Telecom rejected the account PIN on 2 of your last 3 orders: check it against the CSR."),
        "{stderr}"
    );
}

#[test]
fn submit_warns_from_the_latest_submissions_even_when_older_orders_changed_since() {
    use FieldKey::Pin;
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    // Five orders submitted on day 3 and rejected for the PIN on day 4; then 25 orders submitted
    // earlier (day 1) got their FOC on day 6: the most recently changed orders are not the
    // most recently submitted ones, and there are more of them than a first look at the index.
    for _ in 0..5 {
        let mut order = draft(&store, "Contoso Telecom", 3);
        order.submit(day(3)).unwrap();
        reject(&mut order, 4, &[Pin]);
        store.create(order).unwrap();
    }
    for _ in 0..25 {
        let mut order = draft(&store, "Contoso Telecom", 1);
        order.submit(day(1)).unwrap();
        foc(&mut order, 6);
        store.create(order).unwrap();
    }
    let order = draft(&store, "Contoso Telecom", TODAY);
    let id = order.id.clone();
    store.create(order).unwrap();
    drop(store);
    let out = portwiz(dir.path())
        .env("PORTWIZ_TODAY", today())
        .args(["submit", &id])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        without_fictional(&stderr),
        "warning: Contoso Telecom rejected the account PIN on each of your last 5 orders: check it against the CSR."
    );
}

/// The warnings but the one about the fixtures' fictional 555-01xx numbers.
fn without_fictional(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|l| !l.contains("fictional (555-01xx)"))
        .collect::<Vec<_>>()
        .join("\n")
}
