//! Leaving never loses work: Esc (or back) on a screen that holds something typed asks first,
//! from the root, for every screen that says what it holds (`Component::unsaved`).

use crate::support::{demo_app, open_order, press, render, typed};
use crossterm::event::KeyCode;
use portwiz::tui::app::Context;
use portwiz::tui::root::Screen;
use portwiz::tui::{Msg, Root, update};

const CARRIER_TEXT: &str = "EU NAME MISMATCH; ZIP does not match CSR";

/// The response dialog's text box holding pasted carrier text.
fn pasted_rejection() -> Root {
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0002");
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::RespondTextArea);
    update(&mut app, Msg::Paste(CARRIER_TEXT.into()));
    app
}

/// The assistance screen holding a typed, unrecorded ticket.
fn typed_ticket() -> Root {
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0005");
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "T-42");
    app
}

#[test]
fn esc_on_pasted_carrier_text_asks_and_n_keeps_it() {
    let mut app = pasted_rejection();
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.context(), Context::ConfirmLeave);
    let screen = render(&app);
    assert!(
        screen.contains("The carrier response you are recording is not saved."),
        "{screen}"
    );
    assert!(screen.contains("Leave without saving it?"), "{screen}");
    assert!(
        screen.contains("Leave, lose it"),
        "the footer offers y: {screen}"
    );

    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.context(), Context::RespondTextArea);
    assert!(render(&app).contains("EU NAME MISMATCH"));

    // Esc again, then y: back to the choice of answers, the text gone.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.context(), Context::RespondChoose);
    assert!(!app.has_unsaved_edits());
    // Nothing typed: Esc leaves at once.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::OrderPage);
}

#[test]
fn esc_on_a_typed_ticket_asks_before_leaving_assistance() {
    let mut app = typed_ticket();
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::ConfirmLeave);
    assert!(
        render(&app).contains("The ticket you typed is not recorded on the order."),
        "{}",
        render(&app)
    );
    press(&mut app, KeyCode::Esc); // Esc on the question: stay
    assert_eq!(app.context(), Context::Assist);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.context(), Context::OrderPage);
}

#[test]
fn a_typed_export_path_is_kept_going_back_and_asked_about_on_closing() {
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0005");
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::ExportPath);
    // The offered file name is nothing typed: Esc, Esc closes without a question.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::OrderPage);

    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    crate::support::ctrl(&mut app, 'u');
    typed(&mut app, "~/orders/mine.txt");
    // Back to the format keeps the path: no question.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::ExportFormat);
    // Closing would lose it.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::ConfirmLeave);
    assert!(render(&app).contains("The file name you typed for the export is not used yet."));
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.top(), Screen::Export(p) if p.path.value() == "~/orders/mine.txt"));
    // q is no key here, Ctrl-C asks the quit question with the same words.
    crate::support::ctrl(&mut app, 'c');
    assert_eq!(app.context(), Context::ConfirmQuit);
    assert!(render(&app).contains("The file name you typed for the export is not used yet."));
}

#[test]
fn ctrl_c_on_the_leave_question_asks_to_quit() {
    let mut app = typed_ticket();
    press(&mut app, KeyCode::Esc);
    crate::support::ctrl(&mut app, 'c');
    assert_eq!(app.context(), Context::ConfirmQuit);
    press(&mut app, KeyCode::Char('n'));
    // Back on the leave question, still holding the ticket.
    assert_eq!(app.context(), Context::ConfirmLeave);
}

#[test]
fn leave_question_snapshot() {
    let mut app = pasted_rejection();
    press(&mut app, KeyCode::Esc);
    insta::assert_snapshot!("leave_question_80x24", render(&app));
}

/// The wizard's CSV-path prompt (Ctrl-O on the numbers) holding a typed path: Esc asks before
/// dropping it, `n` keeps it, `y` drops it; an empty prompt closes at once; the wizard stays.
#[test]
fn esc_on_a_typed_csv_path_asks_first() {
    use crate::support::ctrl;
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0001");
    press(&mut app, KeyCode::Char('u'));
    // The wizard opens where work is left: back to step 1, then on to the numbers.
    for _ in 0..6 {
        press(&mut app, KeyCode::PageUp);
    }
    press(&mut app, KeyCode::PageDown);
    assert!(render(&app).contains("Step 2 of 7"), "{}", render(&app));
    ctrl(&mut app, 'o');
    typed(&mut app, "numbers.csv");
    assert!(render(&app).contains("numbers.csv"), "{}", render(&app));
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.context(), Context::ConfirmLeave);
    let screen = render(&app);
    assert!(screen.contains("The CSV file's path you typed"), "{screen}");
    assert!(screen.contains("Leave without saving it?"), "{screen}");
    press(&mut app, KeyCode::Char('n'));
    assert!(
        render(&app).contains("numbers.csv"),
        "kept:\n{}",
        render(&app)
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    let screen = render(&app);
    assert!(!screen.contains("numbers.csv"), "dropped:\n{screen}");
    assert!(
        screen.contains("Step 2 of 7"),
        "the wizard stays:\n{screen}"
    );
    // Nothing typed: Esc closes the prompt at once.
    ctrl(&mut app, 'o');
    press(&mut app, KeyCode::Esc);
    assert_ne!(app.context(), Context::ConfirmLeave);
    assert!(render(&app).contains("Step 2 of 7"));
}
