//! `portwiz ask ID KIND`: the e-mail that unblocks a port, filled from
//! the order and the carrier's last words, never the PIN.

use crate::support::{new_order, run};

#[test]
fn every_ask_names_the_account_and_never_the_pin() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let id = new_order(dir, "complete-order.json");
    assert_eq!(run(dir, &["submit", &id]).code, 0);
    let text = "Rejected: PIN 482913 invalid for this account";
    assert_eq!(
        run(dir, &["reject", &id, "--text", text, "--fields", "pin"]).code,
        0
    );
    for kind in ["csr", "freeze", "pin", "carrier", "signature", "PIN"] {
        let out = run(dir, &["ask", &id, kind]);
        assert_eq!(out.code, 0, "{kind}: {}", out.stderr);
        assert!(out.stdout.starts_with("To: "), "{kind}: {}", out.stdout);
        assert!(out.stdout.contains("ACC-0098765"), "{kind}: {}", out.stdout);
        assert!(!out.stdout.contains("482913"), "{kind}: {}", out.stdout);
    }
    let pin = run(dir, &["ask", &id, "pin"]).stdout;
    assert!(
        pin.contains("Subject: Port-out PIN for account ACC-0098765"),
        "{pin}"
    );
    assert!(pin.contains("Your last answer"), "{pin}");
    let bad = run(dir, &["ask", &id, "fax"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("csr, freeze, pin, carrier, signature"),
        "{}",
        bad.stderr
    );
}
