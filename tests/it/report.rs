//! `portwiz report` (issue 28.3): one tenant's orders for its own people; never a PIN, never
//! another tenant's order.

use crate::support::{fixture, portwiz};
use std::path::Path;

fn in_tenant(dir: &Path, tenant: &str, args: &[&str]) -> crate::support::Run {
    portwiz(dir)
        .args(["--tenant", tenant])
        .args(args)
        .output()
        .expect("runs")
        .into()
}

fn new_in(dir: &Path, tenant: &str, name: &str) -> String {
    let from = fixture("complete-order.json");
    let out = in_tenant(
        dir,
        tenant,
        &["new", "--from", from.to_str().expect("utf-8")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let id = out.stdout.trim().to_string();
    let set = in_tenant(
        dir,
        tenant,
        &["set", &id, "order_name", name, "pin", "8642"],
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    id
}

#[test]
fn a_report_tells_one_tenants_orders_with_causes_and_never_a_pin() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    let a = new_in(dir, "contoso", "Contoso HQ");
    let other = new_in(dir, "fabrikam", "Fabrikam secret site");
    let _ = in_tenant(dir, "contoso", &["set", &a, "port_date", "2026-12-15"]);
    assert_eq!(in_tenant(dir, "contoso", &["submit", &a]).code, 0);
    let text = "Rejected: the account number does not match the CSR";
    let rejected = in_tenant(dir, "contoso", &["reject", &a, "--text", text]);
    assert_eq!(rejected.code, 0, "{}", rejected.stderr);
    let md = in_tenant(dir, "contoso", &["report"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(
        md.stdout.starts_with("# Number porting report: contoso"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("Contoso HQ") && md.stdout.contains(&a),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("Customer action required"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("Account number"),
        "the cause: {}",
        md.stdout
    );
    assert!(
        md.stdout.contains("us (to fix what the carrier rejected)"),
        "{}",
        md.stdout
    );
    let csv = in_tenant(dir, "contoso", &["report", "--format", "csv"]);
    assert!(
        csv.stdout.starts_with("Order,Name,Status"),
        "{}",
        csv.stdout
    );
    assert_eq!(csv.stdout.lines().count(), 2, "{}", csv.stdout);
    for out in [&md.stdout, &csv.stdout] {
        assert!(!out.contains("8642"), "a PIN: {out}");
        assert!(
            !out.contains(&other) && !out.contains("Fabrikam secret"),
            "{out}"
        );
    }
    let file = dir.join("report.md");
    let written = in_tenant(
        dir,
        "contoso",
        &["report", "-o", file.to_str().expect("utf-8")],
    );
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap_or_default()
            .contains("Contoso HQ")
    );
    let again = in_tenant(
        dir,
        "contoso",
        &["report", "-o", file.to_str().expect("utf-8")],
    );
    assert_ne!(
        again.code, 0,
        "an existing file is not replaced without --force"
    );
}
