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

/// Every page's text as lopdf (an independent reader) decodes it from the content streams,
/// whitespace collapsed so a wrapped line reads on.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap_or_else(|e| panic!("not a PDF: {e}"));
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc
        .extract_text(&pages)
        .unwrap_or_else(|e| panic!("text: {e}"));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pdf_report_says_what_the_markdown_says_and_never_a_pin_or_another_tenants_order() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path();
    let a = new_in(dir, "contoso", "Contoso HQ");
    let b = new_in(dir, "contoso", "Contoso (annex) | West");
    let other = new_in(dir, "fabrikam", "Fabrikam secret site");
    let _ = in_tenant(dir, "contoso", &["set", &a, "port_date", "2026-12-15"]);
    assert_eq!(in_tenant(dir, "contoso", &["submit", &a]).code, 0);
    let words = "Rejected: the account number does not match the CSR";
    let rejected = in_tenant(dir, "contoso", &["reject", &a, "--text", words]);
    assert_eq!(rejected.code, 0, "{}", rejected.stderr);
    let file = dir.join("report.pdf");
    let path = file.to_str().expect("utf-8");
    let out = in_tenant(dir, "contoso", &["report", "--format", "pdf", "-o", path]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bytes = std::fs::read(&file).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&bytes);
    for expected in [
        "Number porting report: contoso",
        "2 orders, 2 waiting on us, 0 numbers ported",
        "Contoso HQ",
        a.as_str(),
        "Contoso (annex) | West",
        b.as_str(),
        "Customer action required",
        "Account number",
        "the account number does not match the CSR",
        "us (to fix what the carrier rejected)",
        "Contoso Telecom",
    ] {
        assert!(text.contains(expected), "{expected:?} is not in: {text}");
    }
    let raw = String::from_utf8_lossy(&bytes);
    for never in ["8642", other.as_str(), "Fabrikam secret"] {
        assert!(
            !text.contains(never) && !raw.contains(never),
            "{never}: {text}"
        );
    }
    // As the Markdown: an existing file is replaced only with --force.
    let again = in_tenant(dir, "contoso", &["report", "--format", "pdf", "-o", path]);
    assert_ne!(again.code, 0, "{}", again.stderr);
}
