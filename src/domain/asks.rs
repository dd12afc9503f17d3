//! The e-mails that unblock a port (`portwiz ask ID KIND`): to the
//! current carrier for its Customer Service Record, to lift a freeze, for the port-out PIN, for
//! the underlying carrier of a reseller; to the authorized user to sign or re-sign the LOA.
//! Filled from the order and the carrier's last words; never the PIN, whatever it asks for.

use super::export::{clean, one_line};
use super::order::Order;
use super::today::{LoaReason, Need, needs};
use super::{Clock, FieldKey, spec};
use std::fmt;
use std::str::FromStr;

/// Which e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskKind {
    Csr,
    Freeze,
    Pin,
    Carrier,
    Signature,
}

impl AskKind {
    pub const ALL: [AskKind; 5] = [
        AskKind::Csr,
        AskKind::Freeze,
        AskKind::Pin,
        AskKind::Carrier,
        AskKind::Signature,
    ];

    /// The word on the command line.
    pub const fn key(self) -> &'static str {
        match self {
            AskKind::Csr => "csr",
            AskKind::Freeze => "freeze",
            AskKind::Pin => "pin",
            AskKind::Carrier => "carrier",
            AskKind::Signature => "signature",
        }
    }

    /// What it asks, in a few words.
    pub const fn label(self) -> &'static str {
        match self {
            AskKind::Csr => "the carrier's Customer Service Record",
            AskKind::Freeze => "the carrier to lift a freeze",
            AskKind::Pin => "the carrier for the port-out PIN",
            AskKind::Carrier => "the reseller for the underlying carrier",
            AskKind::Signature => "the authorized user to sign the LOA",
        }
    }
}

impl fmt::Display for AskKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for AskKind {
    type Err = String;
    fn from_str(text: &str) -> Result<AskKind, String> {
        let text = text.trim().to_ascii_lowercase();
        AskKind::ALL
            .into_iter()
            .find(|k| k.key() == text)
            .ok_or_else(|| "choose one of: csr, freeze, pin, carrier, signature".to_string())
    }
}

/// An e-mail to send, as text: who it is for, its subject and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Ask {
    /// The whole e-mail as one text to paste: To, Subject, a blank line, the body.
    pub fn text(&self) -> String {
        format!(
            "To: {}\nSubject: {}\n\n{}",
            self.to, self.subject, self.body
        )
    }
}

/// The e-mail that fits the order now: the LOA to sign again when it must be; for a rejection,
/// the PIN when the carrier named it, the underlying carrier when it named the carrier, else
/// the CSR (the way to the values the carrier holds).
pub fn suggested(order: &Order, clock: Clock) -> AskKind {
    let resign = needs(order, clock)
        .iter()
        .any(|n| matches!(n, Need::LoaToResign(_)));
    let named = order.rejected_fields();
    if resign || named.contains(&FieldKey::Loa) {
        AskKind::Signature
    } else if named.contains(&FieldKey::Pin) {
        AskKind::Pin
    } else if named.contains(&FieldKey::CurrentCarrier) {
        AskKind::Carrier
    } else {
        AskKind::Csr
    }
}

/// The e-mails that fit the order now, the [`suggested`] one first (none for a completed or
/// cancelled order: nothing is left to unblock). The CSR always fits (the way to the values the
/// carrier holds); a freeze and the underlying carrier once the carrier rejected the order (the
/// carrier named the carrier, or any rejection: a freeze or a reseller are causes it seldom
/// names); the PIN when the carrier named it or the order needs one it has not; the signature
/// before the order goes out (a draft, a rejected order) or when the LOA must be signed again.
pub fn fitting(order: &Order, clock: Clock) -> Vec<AskKind> {
    if order.status.is_final() {
        return Vec::new();
    }
    let named = order.rejected_fields();
    let rejected = order.last_rejection().is_some();
    let resign = needs(order, clock)
        .iter()
        .any(|n| matches!(n, Need::LoaToResign(_)));
    let pin_missing =
        spec(FieldKey::Pin).required_for(&order.fields) && order.fields.pin.expose().is_empty();
    let fits = |kind: AskKind| match kind {
        AskKind::Csr => true,
        AskKind::Freeze => rejected,
        AskKind::Pin => named.contains(&FieldKey::Pin) || pin_missing,
        AskKind::Carrier => rejected,
        AskKind::Signature => resign || order.status.is_editable(),
    };
    let first = suggested(order, clock);
    std::iter::once(first)
        .chain(AskKind::ALL.into_iter().filter(|k| *k != first))
        .filter(|k| fits(*k))
        .collect()
}

/// The e-mail of `kind` for `order` at `clock` (which says how old the LOA is).
pub fn ask(order: &Order, kind: AskKind, clock: Clock) -> Ask {
    let f = &order.fields;
    let org = value(&f.organization_name, "our organization");
    let carrier = value(&f.current_carrier, "the current carrier");
    let (to, subject, request) = match kind {
        AskKind::Csr => (
            format!("{carrier} (customer service or porting desk)"),
            format!(
                "Customer Service Record for {org}, account {}",
                value(&f.account_number, "on file")
            ),
            "Please send us the Customer Service Record (CSR) of this account: the account \
             holder's name, the service address, the billing telephone number, the account number \
             and every number on the account, exactly as you have them on file. We are moving \
             these numbers to Microsoft Teams and the port request must match your records."
                .to_string(),
        ),
        AskKind::Freeze => (
            format!("{carrier} (customer service or porting desk)"),
            format!(
                "Please lift the port freeze on account {}",
                value(&f.account_number, "on file")
            ),
            "Please lift the port-out freeze (port protection or port lock) on this account, \
             so that the port of the numbers below to Microsoft Teams can go through, and \
             confirm when it is done."
                .to_string(),
        ),
        AskKind::Pin => (
            format!("{carrier} (customer service or porting desk)"),
            format!(
                "Port-out PIN for account {}",
                value(&f.account_number, "on file")
            ),
            "Please tell us the port-out (transfer) PIN of this account, or how to get one. \
             We are moving the numbers below to Microsoft Teams. Please do not send it to a \
             shared mailbox: a call back to the account holder or your account portal is fine."
                .to_string(),
        ),
        AskKind::Carrier => (
            format!("{carrier} (account manager)"),
            format!("Underlying carrier of the numbers of {org}"),
            "Which carrier holds these numbers underneath your service (the underlying carrier \
             or range holder), and what are the account details with it? The port request to \
             Microsoft Teams must name the carrier that holds the numbers."
                .to_string(),
        ),
        AskKind::Signature => signature(order, clock),
    };
    let mut body = format!("Hello,\n\n{request}\n\n{}", account_block(order));
    if kind != AskKind::Signature
        && let Some(words) = last_words(order)
    {
        body.push_str(&format!("\n{words}\n"));
    }
    body.push_str(&format!("\nThank you,\n{}\n", signer(order)));
    Ask {
        to: one_line(&to),
        subject: one_line(&subject),
        body: clean(&body),
    }
}

fn value(text: &str, otherwise: &str) -> String {
    match one_line(text) {
        v if v.is_empty() => otherwise.to_string(),
        v => v,
    }
}

/// The account as the carrier knows it, one value a line, empty ones left out. Never the PIN.
fn account_block(order: &Order) -> String {
    let f = &order.fields;
    let address = [
        f.service_address.street.as_str(),
        &f.service_address.city,
        &f.service_address.state,
        &f.service_address.postal_code,
    ]
    .iter()
    .map(|s| one_line(s))
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let user = format!(
        "{} {}",
        f.authorized_user.first_name, f.authorized_user.last_name
    );
    let rows = [
        (
            spec(FieldKey::OrganizationName).label,
            one_line(&f.organization_name),
        ),
        (
            spec(FieldKey::AccountNumber).label,
            one_line(&f.account_number),
        ),
        (
            spec(FieldKey::BillingTelephoneNumber).label,
            one_line(&f.billing_telephone_number),
        ),
        ("Authorized user", one_line(&user)),
        ("Service address", address),
        ("Numbers", numbers(&f.numbers)),
    ];
    rows.iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}: {v}\n"))
        .collect()
}

fn numbers(list: &[String]) -> String {
    const SHOWN: usize = 20;
    let mut out: Vec<String> = list.iter().take(SHOWN).map(|n| one_line(n)).collect();
    if list.len() > SHOWN {
        out.push(format!("and {} more", list.len() - SHOWN));
    }
    out.join(", ")
}

/// The carrier's last words, quoted: the sentence that named the problem, else the start of its
/// text.
fn last_words(order: &Order) -> Option<String> {
    let rejection = order.last_rejection()?;
    let words = rejection
        .key_sentence
        .clone()
        .unwrap_or_else(|| rejection.text.clone());
    let mut words = one_line(&words);
    // The carrier may have quoted the PIN: it never leaves in an e-mail.
    let pin = order.fields.pin.expose().trim();
    if !pin.is_empty() {
        words = words.replace(pin, super::secret::MASK);
    }
    let words = super::sanitize::truncate(&words, 400);
    (!words.is_empty()).then(|| {
        format!(
            "Your last answer ({}): “{words}”",
            rejection.at.strftime("%Y-%m-%d")
        )
    })
}

fn signer(order: &Order) -> String {
    let r = &order.fields.requester;
    [one_line(&r.name), one_line(&r.email)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// To the authorized user: sign the LOA, or sign it again and why.
fn signature(order: &Order, clock: Clock) -> (String, String, String) {
    let f = &order.fields;
    let user = value(
        &format!(
            "{} {}",
            f.authorized_user.first_name, f.authorized_user.last_name
        ),
        "the authorized user",
    );
    let again = needs(order, clock).into_iter().find_map(|n| match n {
        Need::LoaToResign(reason) => Some(reason),
        _ => None,
    });
    let why = match &again {
        Some(LoaReason::Old { signed, .. }) => format!(
            " again: the one you signed on {signed} is too old for the carrier (they refuse \
             letters older than {} days)",
            super::today::LOA_MAX_AGE_DAYS
        ),
        Some(LoaReason::Changed(fields)) => {
            let labels: Vec<&str> = fields.iter().map(|k| spec(*k).label).collect();
            format!(
                " again: these details changed since you signed it: {}",
                labels.join(", ")
            )
        }
        None => String::new(),
    };
    let subject = if again.is_some() {
        "Please sign the Letter of Authorization for our number port again"
    } else {
        "Please sign the Letter of Authorization for our number port"
    };
    let request = format!(
        "As the authorized user of the account below, please sign the Letter of Authorization \
         (LOA) that lets us move these numbers to Microsoft Teams{why}. Only you can sign it; \
         check that every detail below matches the carrier's bill before you sign."
    );
    (user, subject.to_string(), request)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_orders::{complete_order, day, rejection};

    #[test]
    fn every_ask_is_filled_from_the_order_and_never_holds_the_pin() {
        let mut order = complete_order("PO-1", "Contoso Telecom", 0);
        assert_eq!(order.fields.pin.expose(), "482913");
        order.status = crate::domain::Status::Submitted;
        let mut input = rejection(&[FieldKey::Pin]);
        input.text =
            "Rejected: the PIN 482913 does not match. Please check the PIN on the account.".into();
        order.reject(input.clone(), day(3).now).unwrap();
        // The carrier quoted the PIN: masked in every e-mail.
        assert!(
            ask(&order, AskKind::Csr, day(4))
                .body
                .contains("the PIN •••• does not match")
        );
        input.key_sentence = Some("the PIN does not match".into());
        order.reject(input, day(3).now).ok();
        order.rejections.last_mut().unwrap().key_sentence = Some("the PIN does not match".into());
        for kind in AskKind::ALL {
            let ask = ask(&order, kind, day(4));
            let text = ask.text();
            assert!(!text.contains("482913"), "{kind}: {text}");
            assert!(text.contains("Fabrikam Inc"), "{kind}: {text}");
            assert!(text.contains("+14255550100"), "{kind}: {text}");
            assert!(text.contains("Sam Lee"), "{kind}: {text}");
        }
        let csr = ask(&order, AskKind::Csr, day(4));
        assert!(csr.to.starts_with("Contoso Telecom"), "{csr:?}");
        assert!(csr.subject.contains("ACC-0098765"));
        assert!(
            csr.body
                .contains("Your last answer (2026-09-04): “the PIN does not match”"),
            "{}",
            csr.body
        );
        let sign = ask(&order, AskKind::Signature, day(40));
        assert_eq!(sign.to, "Dana Reyes");
        assert!(
            sign.body
                .contains("again: the one you signed on 2026-09-01"),
            "{}",
            sign.body
        );
        assert_eq!("PIN".parse::<AskKind>(), Ok(AskKind::Pin));
        assert!("nope".parse::<AskKind>().is_err());
    }

    #[test]
    fn the_asks_that_fit_the_order_come_suggested_first() {
        use crate::domain::Status;
        let mut order = complete_order("PO-1", "Contoso Telecom", 0);
        // A draft: the CSR, and the LOA to sign before it goes out.
        assert_eq!(fitting(&order, day(1)), [AskKind::Csr, AskKind::Signature]);
        order.submit(day(1)).unwrap();
        assert_eq!(fitting(&order, day(2)), [AskKind::Csr]);
        // The carrier named the PIN: that e-mail first, then what a rejection opens.
        order
            .reject(rejection(&[FieldKey::Pin]), day(3).now)
            .unwrap();
        assert_eq!(
            fitting(&order, day(4)),
            [
                AskKind::Pin,
                AskKind::Csr,
                AskKind::Freeze,
                AskKind::Carrier,
                AskKind::Signature
            ]
        );
        order.status = Status::Completed;
        assert_eq!(fitting(&order, day(4)), []);
    }

    #[test]
    fn the_carriers_words_are_cleaned() {
        let mut order = complete_order("PO-1", "Contoso \u{1b}[2JTelecom", 0);
        order.status = crate::domain::Status::Submitted;
        let mut input = rejection(&[FieldKey::AccountNumber]);
        input.text = "Account \u{1b}]52;c;ZXZpbA==\u{7} mismatch".into();
        order.reject(input, day(3).now).unwrap();
        let text = ask(&order, AskKind::Freeze, day(4)).text();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
    }
}
