//! The carrier's words pinned above a rejected order's form: the sentence that triggered the
//! match comes first, and Ctrl-P opens the whole message to scroll through.

use super::fixtures::*;
use crate::domain::classifier::{Catalog, classify};
use crate::domain::order::{Order, RejectionInput};
use crate::tui::wizard::Start;
use crate::tui::wizard::Wizard;
use crossterm::event::KeyCode;
use insta::assert_snapshot;

/// A carrier's e-mail: greeting, ticket talk, the one sentence that matters, a long signature.
const EMAIL: &str = "Hello,\n\nThank you for contacting the porting desk about ticket 48213. We have looked at the request you sent on Monday together with the documents attached to it, and compared it with the account.\n\nThe account number provided does not match our records for this customer.\n\nPlease review the details and send a corrected request at your convenience. Our desk is open Monday to Friday, 8am to 6pm Eastern.\n\nKind regards,\nJordan Ellis\nPorting operations, Contoso Telecom\n1 Contoso Plaza, Redmond\nPhone: 425-555-0000\n\nThis message and any attachments are confidential and intended only for the addressee. If you received it in error, please tell the sender and delete it. Contoso Telecom accepts no liability for changes made to this message after it was sent. LAST LINE OF THE E-MAIL.";

fn rejected_by_email() -> Order {
    let mut order = complete_draft();
    let _ = order.submit(clock());
    let catalog = Catalog::builtin();
    let c = classify(EMAIL, &catalog);
    let _ = order.reject(
        RejectionInput::from_classification(EMAIL.into(), &c, None, &catalog),
        clock().now,
    );
    order
}

#[test]
fn the_sentence_that_triggered_the_match_is_shown_first() {
    let wizard = Wizard::open(rejected_by_email(), clock(), Start::Resume);
    let shown = screen(&wizard, 80, 24);
    let banner: String = shown.lines().take(7).collect::<Vec<_>>().join("\n");
    assert!(
        banner.contains("“The account number provided does not match our records"),
        "{shown}"
    );
    assert!(
        banner.contains("Ctrl-P"),
        "the key to read the rest is named: {shown}"
    );
    assert_snapshot!("pinned_key_sentence_80x24", shown);
    assert_snapshot!("pinned_key_sentence_120x40", screen(&wizard, 120, 40));
}

#[test]
fn ctrl_p_opens_the_whole_message_scrolls_it_and_esc_closes_it() {
    let mut wizard = Wizard::open(rejected_by_email(), clock(), Start::Resume);
    let step = wizard.state.step;
    wizard.handle_key(ctrl('p'), clock());
    let open = screen(&wizard, 80, 24);
    assert!(
        open.contains("Thank you for contacting the porting desk"),
        "{open}"
    );
    assert!(!open.contains("LAST LINE OF THE E-MAIL"), "{open}");
    assert_snapshot!("pinned_open_80x24", open);
    // The form's keys do not act behind the message: PgDn scrolls, the step stays.
    press(&mut wizard, KeyCode::PageDown, 3);
    assert_eq!(wizard.state.step, step);
    press(&mut wizard, KeyCode::Down, 3);
    let scrolled = screen(&wizard, 80, 24);
    assert!(scrolled.contains("LAST LINE OF THE E-MAIL"), "{scrolled}");
    press(&mut wizard, KeyCode::Esc, 1);
    assert!(wizard.state.pinned.is_none());
    let closed = screen(&wizard, 80, 24);
    assert!(!closed.contains("Thank you for contacting"), "{closed}");
    assert!(
        wizard.order().status == crate::domain::Status::CustomerActionRequired,
        "Esc closed the message, not the wizard"
    );
}

#[test]
fn an_order_without_carrier_words_has_nothing_to_open() {
    let mut wizard = Wizard::open(complete_draft(), clock(), Start::FirstStep);
    wizard.handle_key(ctrl('p'), clock());
    assert!(wizard.state.pinned.is_none());
    assert!(!wizard.footer_keys().iter().any(|(k, _)| *k == "Ctrl-P"));
}
