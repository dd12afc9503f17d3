//! The Phone Number Service Center route (issue 26.1): an order over 999 numbers (up to 10,000)
//! or of service numbers is kept and routed to a "Port in" case; `export --format case` writes
//! the case's fields; `show`, the hand-off and the order's page say so.

use crate::support::{new_order, order_file, run};
use std::path::Path;

/// A CSV of `n` US numbers (425-200-0000 on), Teams' PhoneNumber column.
fn numbers_csv(dir: &Path, n: usize) -> String {
    let mut text = String::from("PhoneNumber\n");
    for i in 0..n {
        text.push_str(&format!("+1425{:07}\n", 2_000_000 + i));
    }
    let path = dir.join(format!("numbers-{n}.csv"));
    std::fs::write(&path, text).unwrap();
    format!("@{}", path.display())
}

#[test]
fn an_order_of_999_numbers_takes_the_wizard_and_one_of_1000_the_service_center() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let set = run(
        dir.path(),
        &["set", &id, "numbers", &numbers_csv(dir.path(), 999)],
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let show = run(dir.path(), &["show", &id]);
    assert!(!show.stdout.contains("Service Center"), "{}", show.stdout);

    let set = run(
        dir.path(),
        &["set", &id, "numbers", &numbers_csv(dir.path(), 1_000)],
    );
    assert_eq!(set.code, 0, "1,000 numbers are kept: {}", set.stderr);
    assert_eq!(
        order_file(dir.path(), &id)["fields"]["numbers"]
            .as_array()
            .unwrap()
            .len(),
        1_000
    );
    let show = run(dir.path(), &["show", &id]);
    assert!(
        show.stdout.contains(
            "Route: Goes to the Phone Number Service Center as a Port in case, not the wizard \
             (1,000 numbers: the porting wizard takes at most 999)."
        ),
        "{}",
        show.stdout
    );
    // The readiness check no longer blocks on the count: the order can be recorded as submitted.
    let fix = run(
        dir.path(),
        &[
            "set",
            &id,
            "port_type",
            "partial",
            "port_date",
            "2026-12-22",
            "loa",
            "e-signed again on 2026-11-26",
        ],
    );
    assert_eq!(fix.code, 0, "{}", fix.stderr);
    let submit = run(dir.path(), &["submit", &id]);
    assert_eq!(submit.code, 0, "{}", submit.stderr);
}

#[test]
fn ten_thousand_numbers_are_one_case_and_ten_thousand_and_one_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let set = run(
        dir.path(),
        &["set", &id, "numbers", &numbers_csv(dir.path(), 10_000)],
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let over = run(
        dir.path(),
        &["set", &id, "numbers", &numbers_csv(dir.path(), 10_001)],
    );
    assert_ne!(over.code, 0);
    assert!(over.stderr.contains("10,000"), "{}", over.stderr);
    assert_eq!(
        order_file(dir.path(), &id)["fields"]["numbers"]
            .as_array()
            .unwrap()
            .len(),
        10_000
    );
}

#[test]
fn the_case_export_has_the_cases_own_fields_with_the_local_time_and_zone() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    run(
        dir.path(),
        &["set", &id, "numbers", &numbers_csv(dir.path(), 1_200)],
    );
    let out = run(dir.path(), &["export", &id, "--format", "case"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let case = out.stdout;
    for line in [
        "Category: Submit a new request\n",
        "Country: United States (US)\n",
        "Case type: Port in\n",
        "Title: Port in: Redmond HQ main lines (1,200 numbers from Contoso Telecom)\n",
        // 10:00 US Eastern is the US's own zone.
        "Requested porting date and time: 2026-12-08 10:00 (America/New_York, EST; not guaranteed: the carrier confirms it)\n",
        "Additional notification contacts: Sam Lee <sam@fabrikam.com>; it@fabrikam.com\n",
        "Why a case: 1,200 numbers: the porting wizard takes at most 999.\n",
        "   Account number: ACC-0098765\n",
        &format!("Attachments: {id}-numbers.csv: the 1,200 numbers, one PhoneNumber column"),
        "   The signed LOA: e-signed by Dana Reyes on 2026-11-20\n",
        "Case number: (none yet",
    ] {
        assert!(case.contains(line), "{line:?} in:\n{case}");
    }
    assert!(!case.contains("482913"), "never the PIN");
    // The case number is the order's ticket; the order then says to update that case.
    assert_eq!(run(dir.path(), &["ticket", &id, "CS-2612-0042"]).code, 0);
    let case = run(dir.path(), &["export", &id, "--format", "case"]).stdout;
    assert!(case.contains("Case number: CS-2612-0042\n"), "{case}");
    let show = run(dir.path(), &["show", &id]).stdout;
    assert!(
        show.contains("Its case: CS-2612-0042; after a rejection, update this case rather than open a new one."),
        "{show}"
    );
}

#[test]
fn a_uk_order_with_a_voice_app_number_is_a_case_in_london_time() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let more = ["port_date", "2026-12-15", "port_time", "09:30"];
    crate::support::make_uk_case(dir.path(), &id, &more);
    let case = run(dir.path(), &["export", &id, "--format", "case"]).stdout;
    assert!(
        case.contains("Why a case: 1 service number for an auto attendant or call queue: Microsoft takes service numbers as a case."),
        "{case}"
    );
    assert!(
        case.contains("Requested porting date and time: 2026-12-15 09:30 (Europe/London, GMT;"),
        "{case}"
    );
    assert!(case.contains("Country: United Kingdom (GB)"), "{case}");
    // Only user numbers: the wizard takes it.
    run(dir.path(), &["set", &id, "number_usage", "user"]);
    let show = run(dir.path(), &["show", &id]).stdout;
    assert!(!show.contains("Service Center"), "{show}");
}

#[test]
fn the_hand_off_of_a_case_is_the_cases_fields_and_a_wizard_order_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let file = order_file(dir.path(), &id);
    let mut order: portwiz::domain::Order = serde_json::from_value(file.clone()).unwrap();
    assert!(portwiz::domain::handoff::handoff(&order).case.is_empty());
    order.fields.numbers = (0..1_500)
        .map(|i| format!("+1425{:07}", 2_000_000 + i))
        .collect();
    let handoff = portwiz::domain::handoff::handoff(&order);
    let labels: Vec<&str> = handoff.case.iter().map(|f| f.label).collect();
    assert_eq!(
        labels,
        [
            "Category",
            "Country",
            "Case type",
            "Title",
            "Requested porting date and time",
            "Additional notification contacts",
            "Description",
            "Attachments",
            "Case number"
        ]
    );
}
