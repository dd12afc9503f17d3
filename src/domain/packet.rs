//! The hand-off packet (`export ID --format packet -o DIR`, `p` in the hand-off): what the
//! customer's own admin needs to act alone, as files: the admin center's fields in its wizard's
//! order (for an order the wizard does not take, the Service Center case's fields instead), the
//! numbers as the CSV Teams uploads, the LOA as a PDF to sign, and a README of the steps. The PIN
//! is in the field sheet only when secrets are asked for; the other files never hold it.
//! Beside `export` rather than in it: it is made of the hand-off, which stands on `export`.

use super::countries::Route;
use super::export::{ExportError, case, csv, loa_pdf, one_line};
use super::handoff::{clipboard_text, handoff};
use super::key::FieldKey;
use super::order::Order;

/// One file of the packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketFile {
    /// Its name in the packet's folder.
    pub name: &'static str,
    pub bytes: Vec<u8>,
    /// It holds the PIN in clear (written 0600).
    pub holds_pin: bool,
}

/// The field sheet's name: the admin center's wizard, or the Service Center's case form.
const FIELDS_FILE: &str = "1-admin-center-fields.txt";
const CASE_FILE: &str = "1-service-center-case.txt";
const NUMBERS_FILE: &str = "2-numbers.csv";
const LOA_FILE: &str = "3-letter-of-authorization.pdf";
const README_FILE: &str = "README.txt";

/// The packet's files, README first. `include_secrets` puts the PIN in the field sheet.
pub fn files(order: &Order, include_secrets: bool) -> Result<Vec<PacketFile>, ExportError> {
    let service_center = order.fields.submission_route() == Route::ServiceCenter;
    let (sheet_name, sheet, holds_pin) = if service_center {
        (CASE_FILE, case::render(order), false)
    } else {
        let sheet = field_sheet(order, include_secrets);
        let holds_pin = include_secrets && !order.fields.pin.is_empty();
        (FIELDS_FILE, sheet, holds_pin)
    };
    let file = |name, bytes: Vec<u8>| PacketFile {
        name,
        bytes,
        holds_pin: false,
    };
    Ok(vec![
        file(
            README_FILE,
            readme(order, service_center, holds_pin).into_bytes(),
        ),
        PacketFile {
            name: sheet_name,
            bytes: sheet.into_bytes(),
            holds_pin,
        },
        file(
            NUMBERS_FILE,
            csv::render(&order.fields.numbers)?.into_bytes(),
        ),
        file(LOA_FILE, loa_pdf::render(order)?),
    ])
}

/// The admin center's porting wizard, page by page with its labels, one value a line (the
/// hand-off's lines, in page order); a field changed since a rejection is marked.
fn field_sheet(order: &Order, include_secrets: bool) -> String {
    let h = handoff(order);
    let mut lines: Vec<_> = h.lines().collect();
    // The wizard's page order (a resubmission's hand-off lists the changed fields first; the
    // sheet keeps the pages and marks them). Stable: a page keeps the hand-off's order.
    lines.sort_by_key(|l| l.page);
    let mut out = format!(
        "Teams admin center: Voice > Phone numbers > Port, for the order {} ({})\n\
         Enter each value on the wizard's page of the same name.\n",
        one_line(&order.display_name()),
        one_line(&order.id)
    );
    let mut page = None;
    for line in lines {
        if page != Some(line.page) {
            out.push_str(&format!("\n{}\n", line.page.title()));
            page = Some(line.page);
        }
        let value = match (&line.shown, line.secret) {
            (None, _) => "(not given)".to_string(),
            (Some(_), true) if include_secrets => {
                clipboard_text(order, line.key).unwrap_or_default()
            }
            (Some(_), true) => "(not in this packet: ask who prepared it)".to_string(),
            (Some(shown), false) if line.key == FieldKey::Numbers => {
                format!("{shown} (or upload {NUMBERS_FILE})")
            }
            (Some(shown), false) => shown.clone(),
        };
        let changed = if line.changed {
            "   <- changed since the rejection: enter it again"
        } else {
            ""
        };
        out.push_str(&format!("  {}: {value}{changed}\n", line.label));
    }
    out
}

/// The steps, for someone who has only the folder.
fn readme(order: &Order, service_center: bool, holds_pin: bool) -> String {
    let mut out = format!(
        "Porting order {} ({})\n\nWhat to do, in order:\n\n",
        one_line(&order.display_name()),
        one_line(&order.id)
    );
    let steps: Vec<String> = if service_center {
        vec![
            format!(
                "Have the carrier's authorized user sign {LOA_FILE} (print, sign, scan, or sign the PDF)."
            ),
            format!(
                "Open a case at {} as a user of your own tenant: Submit a new request, Port in.",
                case::SERVICE_CENTER_URL
            ),
            format!("Fill in the case with the values of {CASE_FILE}, in its order."),
            format!("Attach {NUMBERS_FILE} and the signed letter, then submit the case."),
            "Send the case number back to whoever prepared this packet.".to_string(),
        ]
    } else {
        vec![
            format!(
                "Have the carrier's authorized user sign {LOA_FILE} (print, sign, scan, or sign the PDF)."
            ),
            "In the Teams admin center open Voice > Phone numbers > Port (as a Teams admin of your own tenant).".to_string(),
            format!("Enter the values of {FIELDS_FILE}, page by page, in its order."),
            format!(
                "Upload {NUMBERS_FILE} on the Phone numbers page, and the signed letter on Documents."
            ),
            "Submit, then send the order's confirmation back to whoever prepared this packet.".to_string(),
        ]
    };
    for (n, step) in steps.iter().enumerate() {
        out.push_str(&format!("{}. {step}\n", n + 1));
    }
    out.push_str(if holds_pin {
        "\nThis packet holds the account's port-out PIN in clear: keep it private, delete it once the order is in.\n"
    } else {
        "\nThe account's port-out PIN is not in this packet: ask whoever prepared it, or the current carrier.\n"
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_orders::complete_order;

    #[test]
    fn the_pin_is_in_the_sheet_only_when_asked_and_nowhere_else() {
        let mut order = complete_order("PO-PACKET", "Packet test", 3);
        order.fields.pin = crate::domain::secret::Secret::new("97531");
        let bare = files(&order, false).unwrap_or_default();
        let names: Vec<&str> = bare.iter().map(|f| f.name).collect();
        assert_eq!(names, [README_FILE, FIELDS_FILE, NUMBERS_FILE, LOA_FILE]);
        for f in &bare {
            assert!(
                !String::from_utf8_lossy(&f.bytes).contains("97531"),
                "{}",
                f.name
            );
            assert!(!f.holds_pin);
        }
        let with = files(&order, true).unwrap_or_default();
        let sheet = &with[1];
        assert!(sheet.holds_pin && String::from_utf8_lossy(&sheet.bytes).contains("97531"));
        for f in with.iter().filter(|f| f.name != FIELDS_FILE) {
            assert!(
                !String::from_utf8_lossy(&f.bytes).contains("97531"),
                "{}",
                f.name
            );
        }
    }
}
