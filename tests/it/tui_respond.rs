//! The carrier response dialog (`r`), request assistance (`a`) and the order's whole story:
//! `update` driven by key messages, and whole-screen snapshots at 80×24 and 120×40.

use crate::support::{ctrl, demo_app, open_order, press, render, typed};
use crossterm::event::KeyCode;
use portwiz::domain::status::SupportScenario;
use portwiz::domain::{Clock, FIELDS, FieldKey, Order, Status};
use portwiz::tui::app::Context;
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, Root, update};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const CARRIER_TEXT: &str = "EU NAME MISMATCH; ZIP does not match CSR";

/// The one order a list of effects saves (a correction of the suggestion also teaches).
fn saved(effects: &[Effect]) -> Order {
    match effects {
        [Effect::Save(order)] | [Effect::Save(order), Effect::Learn(_)] => (**order).clone(),
        other => panic!("expected one save, got {other:?}"),
    }
}

fn field_index(key: FieldKey) -> usize {
    FIELDS
        .iter()
        .position(|f| f.key == key)
        .unwrap_or(usize::MAX)
}

/// The app on a page, `r` pressed, the answer at `index` chosen.
fn respond(app: &mut Root, id: &str, index: usize) {
    open_order(app, id);
    press(app, KeyCode::Char('r'));
    assert!(
        matches!(app.top(), Screen::Respond(_)),
        "r opens the dialog"
    );
    press(app, KeyCode::Char('g')); // not bound: does nothing
    for _ in 0..4 {
        press(app, KeyCode::Up);
    }
    for _ in 0..index {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}

#[test]
fn a_pasted_rejection_is_classified_changed_and_saved() {
    let mut app = demo_app(80, 24);
    respond(&mut app, "PO-DEMO0002", 0);
    assert_eq!(app.context(), Context::RespondTextArea);
    update(&mut app, Msg::Paste(CARRIER_TEXT.into()));
    let screen = render(&app);
    assert!(
        screen.contains("◆ Organization name ← “EU NAME”, “MISMATCH”"),
        "{screen}"
    );
    assert!(
        screen.contains("◆ Service address ZIP or postal code ← “ZIP”"),
        "{screen}"
    );
    assert!(
        screen.contains("[x] Organization name  ◆ suggested"),
        "{screen}"
    );
    assert!(screen.contains("2 ticked"), "{screen}");

    // Tab to the checklist, down to the account number, tick it; untick the postal code.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.context(), Context::RespondList);
    for _ in 0..field_index(FieldKey::AccountNumber) {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    assert!(render(&app).contains("[x] Account number  ✎ ticked by you"));
    for _ in field_index(FieldKey::AccountNumber)..field_index(FieldKey::ServiceAddressPostalCode) {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char(' '));
    assert!(render(&app).contains("suggested, unticked by you"));

    // Enter goes to the Save row; Enter there records it, and the correction is learned.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let effects = press(&mut app, KeyCode::Enter);
    let Some(Effect::Learn(lesson)) = effects.last() else {
        panic!("a corrected suggestion is learned: {effects:?}");
    };
    assert_eq!(lesson.text, CARRIER_TEXT);
    assert_eq!(
        lesson.fields,
        [FieldKey::OrganizationName, FieldKey::AccountNumber]
    );
    assert_eq!(app.examples.len(), 1, "used in this session already");
    let order = saved(&effects);
    assert_eq!(order.status, Status::CustomerActionRequired);
    let rejection = order
        .rejections
        .last()
        .cloned()
        .unwrap_or_else(|| panic!("no rejection"));
    assert_eq!(rejection.text, CARRIER_TEXT);
    assert_eq!(
        rejection.fields,
        [FieldKey::OrganizationName, FieldKey::AccountNumber]
    );
    assert!(!rejection.rules.is_empty());
    assert!(rejection.action.contains("organization name"));
    assert!(matches!(app.top(), Screen::Order(_)), "the dialog closed");
    // The runtime answers; the page shows the rejection.
    update(&mut app, Msg::Saved(Box::new(order)));
    let screen = render(&app);
    assert!(
        screen.contains("Customer action required for less than a minute"),
        "{screen}"
    );
}

#[test]
fn a_learned_correction_is_suggested_next_time_and_says_where_it_came_from() {
    let mut app = demo_app(120, 40);
    app.examples
        .push(portwiz::domain::classifier::LabelledExample {
            text: "Reject 4C: ALI record mismatch for the TN".into(),
            fields: vec![FieldKey::ServiceAddressStreet],
            labelled_on: jiff::civil::Date::constant(2026, 11, 30),
            order: "Contoso HQ".into(),
        });
    respond(&mut app, "PO-DEMO0002", 0);
    update(
        &mut app,
        Msg::Paste("REJECT 4C - ALI record mismatch on TN".into()),
    );
    let screen = render(&app);
    assert!(screen.contains("◆ Service address street"), "{screen}");
    assert!(
        screen.contains("like the rejection you labelled on 2026-11-30 (Contoso HQ)")
            || screen.contains("Like the rejection you labelled on 2026-11-30 (Contoso HQ)"),
        "{screen}"
    );
    // Saved as suggested: nothing new to learn.
    press(&mut app, KeyCode::Tab);
    let effects = ctrl(&mut app, 's');
    assert!(
        matches!(effects.as_slice(), [Effect::Save(_)]),
        "{effects:?}"
    );
}

#[test]
fn ctrl_s_saves_from_the_box_and_unrecognised_text_is_said_so() {
    let mut app = demo_app(80, 24);
    respond(&mut app, "PO-DEMO0002", 0);
    typed(&mut app, "Order rejected, see notes");
    let screen = render(&app);
    assert!(
        screen.contains("Not recognised: no rule matched"),
        "{screen}"
    );
    assert!(screen.contains("0 ticked"), "{screen}");
    let order = saved(&ctrl(&mut app, 's'));
    assert_eq!(order.status, Status::CustomerActionRequired);
    assert!(order.rejections.last().is_some_and(|r| r.fields.is_empty()));
}

#[test]
fn an_empty_rejection_is_refused_and_esc_goes_back_one_level() {
    let mut app = demo_app(80, 24);
    respond(&mut app, "PO-DEMO0002", 0);
    assert!(ctrl(&mut app, 's').is_empty());
    assert!(render(&app).contains("Paste or type the carrier's words"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::RespondChoose);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::OrderPage);
}

#[test]
fn foc_flow_checks_the_date_and_warns_when_it_differs() {
    let mut app = demo_app(80, 24);
    respond(&mut app, "PO-DEMO0002", 1);
    assert_eq!(app.context(), Context::RespondInput);
    typed(&mut app, "2026-13-01");
    assert!(render(&app).contains("is not a date"));
    ctrl(&mut app, 'u');
    typed(&mut app, "2026-12-10");
    let screen = render(&app);
    assert!(screen.contains("✓ Thursday 2026-12-10"), "{screen}");
    assert!(screen.contains("is 1 day later than"), "{screen}");
    assert!(screen.contains("requested Wed 2026-12-09"), "{screen}");
    press(&mut app, KeyCode::Enter); // to the time
    typed(&mut app, "10:30");
    press(&mut app, KeyCode::Enter); // to Save
    let order = saved(&press(&mut app, KeyCode::Enter));
    assert_eq!(order.status, Status::FocConfirmed);
    let foc = order.foc.clone().unwrap_or_else(|| panic!("no FOC"));
    assert_eq!(foc.date, jiff::civil::date(2026, 12, 10));
    assert_eq!(foc.time, Some(jiff::civil::time(10, 30, 0, 0)));
}

#[test]
fn support_flow_records_the_scenario_and_the_ticket() {
    let mut app = demo_app(80, 24);
    respond(&mut app, "PO-DEMO0002", 3);
    assert_eq!(app.context(), Context::RespondList);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert!(render(&app).contains("(•) The carrier rejected the order and Microsoft"));
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.context(), Context::RespondInput);
    update(&mut app, Msg::Paste("SR-2611260001\n".into()));
    let order = saved(&ctrl(&mut app, 's'));
    assert_eq!(order.status, Status::SupportEngaged);
    assert_eq!(
        order.support.map(|s| s.scenario),
        Some(SupportScenario::ResubmitAfterRejection)
    );
    assert_eq!(order.ticket.as_deref(), Some("SR-2611260001"));
}

#[test]
fn completion_is_offered_only_after_an_foc_and_confirmed_with_y() {
    let mut app = demo_app(80, 24);
    respond(&mut app, "PO-DEMO0002", 2);
    let screen = render(&app);
    assert!(screen.contains("✗ Completion"), "{screen}");
    assert!(
        screen.contains("possible only when it is FOC confirmed"),
        "{screen}"
    );
    assert_eq!(app.context(), Context::RespondChoose, "no form opened");

    let mut app = demo_app(80, 24);
    respond(&mut app, "PO-DEMO0010", 2);
    assert_eq!(app.context(), Context::RespondConfirm);
    let order = saved(&press(&mut app, KeyCode::Char('y')));
    assert_eq!(order.status, Status::Completed);
}

#[test]
fn cancel_is_refused_within_24_hours_of_the_foc_with_the_reason() {
    let mut app = demo_app(80, 24);
    // PO-DEMO0010's port is 2026-12-03 10:00 Eastern; the evening before is inside 24 hours.
    let now: jiff::Timestamp = "2026-12-03T00:00:00Z"
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    update(
        &mut app,
        Msg::Tick(Clock {
            now,
            today: jiff::civil::date(2026, 12, 2),
        }),
    );
    respond(&mut app, "PO-DEMO0010", 4);
    let screen = render(&app);
    assert!(screen.contains("✗ Cancellation"), "{screen}");
    assert!(screen.contains("24 hours before it"), "{screen}");
    assert_eq!(app.context(), Context::RespondChoose);
    assert!(press(&mut app, KeyCode::Char('y')).is_empty());

    // A week earlier it is allowed.
    let mut app = demo_app(80, 24);
    respond(&mut app, "PO-DEMO0010", 4);
    assert_eq!(app.context(), Context::RespondConfirm);
    assert!(press(&mut app, KeyCode::Char('n')).is_empty());
    press(&mut app, KeyCode::Enter);
    let order = saved(&press(&mut app, KeyCode::Char('y')));
    assert_eq!(order.status, Status::Cancelled);
}

#[test]
fn final_orders_offer_no_response() {
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0011");
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.context(), Context::OrderPage);
    assert!(render(&app).contains("no answer left to record"));
}

#[test]
fn assistance_records_a_ticket_on_the_order() {
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0005");
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.context(), Context::Assist);
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "an empty ticket is refused"
    );
    assert!(render(&app).contains("A ticket needs an id or a link."));
    typed(&mut app, "https://pstnsd.example/ticket/42");
    let order = saved(&press(&mut app, KeyCode::Enter));
    assert_eq!(
        order.ticket.as_deref(),
        Some("https://pstnsd.example/ticket/42")
    );
    update(&mut app, Msg::Saved(Box::new(order)));
    press(&mut app, KeyCode::Esc);
    let screen = render(&app);
    assert!(
        screen.contains("Support ticket: https://pstnsd.example/ticket/42"),
        "{screen}"
    );
}

#[test]
fn the_quit_question_names_what_is_not_saved() {
    // Text pasted in the response dialog.
    let mut app = demo_app(80, 24);
    respond(&mut app, "PO-DEMO0002", 0);
    update(&mut app, Msg::Paste(CARRIER_TEXT.into()));
    assert!(ctrl(&mut app, 'c').is_empty(), "asks before quitting");
    assert_eq!(app.context(), Context::ConfirmQuit);
    let screen = render(&app);
    assert!(
        screen.contains("The carrier response you are recording is not saved."),
        "{screen}"
    );
    assert!(!screen.contains("wizard"), "{screen}");
    press(&mut app, KeyCode::Char('n'));
    assert!(!app.confirm_quit);

    // A ticket typed on the assistance screen.
    let mut app = demo_app(80, 24);
    open_order(&mut app, "PO-DEMO0005");
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "T-42");
    ctrl(&mut app, 'c');
    let screen = render(&app);
    assert!(
        screen.contains("The ticket you typed is not recorded on the order."),
        "{screen}"
    );
    // Once recorded, the input holds the order's ticket: nothing is lost by quitting.
    press(&mut app, KeyCode::Esc);
    let order = saved(&press(&mut app, KeyCode::Enter));
    update(&mut app, Msg::Saved(Box::new(order)));
    assert!(!app.has_unsaved_edits());
    assert_eq!(ctrl(&mut app, 'c'), vec![Effect::Quit]);
}

#[test]
fn an_order_waiting_over_30_days_is_flagged_in_the_list_and_on_its_page() {
    let mut app = demo_app(100, 30);
    let later: jiff::Timestamp = "2026-12-31T12:00:00Z"
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    update(
        &mut app,
        Msg::Tick(Clock {
            now: later,
            today: jiff::civil::date(2026, 12, 31),
        }),
    );
    update(
        &mut app,
        Msg::Key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Char('f'),
        )),
    );
    let screen = render(&app);
    assert!(screen.contains("Status: Waiting on you"), "{screen}");
    // The alarm clock is two columns wide: the test screen shows a blank after it.
    assert!(screen.contains("⏰ 35 d Trey Research"), "{screen}");
    assert!(
        !screen.contains("⏰ 36 d Wingtip"),
        "a draft is not flagged: {screen}"
    );
    open_order(&mut app, "PO-DEMO0005");
    let screen = render(&app);
    assert!(screen.contains("Waiting on you for 3"), "{screen}");
    assert!(
        screen.contains("some providers cancel a rejected order"),
        "{screen}"
    );
    assert!(screen.contains("45 days"), "{screen}");
}

// ---- Snapshots ----

fn snapshot(name: &str, app: &Root) {
    let (w, h) = app.size;
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(app));
}

#[test]
fn response_dialog_with_a_classified_paste() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        respond(&mut app, "PO-DEMO0002", 0);
        update(&mut app, Msg::Paste(CARRIER_TEXT.into()));
        let screen = render(&app);
        assert!(screen.contains("Organization name ← "), "{screen}");
        snapshot("respond_rejection", &app);
        // Esc asks before dropping the pasted text; y drops it.
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.context(), Context::ConfirmLeave);
        press(&mut app, KeyCode::Char('y'));
        snapshot("respond_choose", &app);
    }
}

/// A value the carrier quotes ("the CSR shows …") is shown in the dialog, as the wizard offers
/// it after the save (the domain's one reading of it).
#[test]
fn the_dialog_shows_a_value_the_carrier_quoted() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        respond(&mut app, "PO-DEMO0002", 0);
        update(
            &mut app,
            Msg::Paste("End user name mismatch. The CSR shows 'FOURTH COFFEE LLC'.".into()),
        );
        let screen = render(&app);
        assert!(
            screen.contains("Organization name “FOURTH COFFEE LLC”"),
            "{screen}"
        );
        snapshot("respond_quoted", &app);
    }
}

#[test]
fn assistance_screen() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        open_order(&mut app, "PO-DEMO0009");
        press(&mut app, KeyCode::Char('a'));
        let screen = render(&app);
        assert!(screen.contains("Phone number Service Center"), "{screen}");
        assert!(
            screen.contains("https://pstnsd.powerappsportals.com/"),
            "{screen}"
        );
        assert!(
            screen.contains("4. On the order's details page"),
            "{screen}"
        );
        assert!(
            screen.contains("This order's ticket: SR-2611210043"),
            "{screen}"
        );
        snapshot("assist", &app);
    }
}

#[test]
fn order_page_with_two_rejections_and_a_ticket() {
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        open_order(&mut app, "PO-DEMO0009");
        let lines = match app.order("PO-DEMO0009") {
            Some(order) => {
                portwiz::tui::screens::order::view::page_lines(&app, order, usize::from(w))
            }
            None => panic!("no PO-DEMO0009"),
        };
        let at = lines
            .iter()
            .position(|l| l.to_string().contains("Rejections so far (2)"))
            .unwrap_or_else(|| panic!("no rejections section"));
        if let Some(Screen::Order(page)) = app.screens.last_mut() {
            page.scroll = at.saturating_sub(2);
        }
        let screen = render(&app);
        assert!(screen.contains("✗1 "), "{screen}");
        assert!(screen.contains("✗2 "), "{screen}");
        snapshot("order_two_rejections", &app);
    }
}

/// Every line of every demo order's page fits the width it was built for, so no word of the
/// carrier's text or of what changed is cut off at the right edge.
#[test]
fn order_page_lines_fit_their_width() {
    use unicode_width::UnicodeWidthStr;
    for w in [80u16, 100, 120] {
        let app = demo_app(w, 24);
        for order in crate::support::demo_orders() {
            for line in portwiz::tui::screens::order::view::page_lines(&app, &order, usize::from(w))
            {
                let text = line.to_string();
                assert!(
                    text.width() <= usize::from(w),
                    "{} at {w}: line too wide ({}): {text}",
                    order.id,
                    text.width()
                );
            }
        }
    }
}

/// Words no rule reads: the learned model's reading is shown as "not sure" and ticks nothing;
/// the user's tick is saved and learned like any correction.
#[test]
fn the_model_suggestion_is_shown_unticked_and_the_users_answer_is_learned() {
    let mut app = demo_app(100, 30);
    respond(&mut app, "PO-DEMO0002", 0);
    let text = "the number or number block is excluded from number portability under regulation 3";
    update(&mut app, Msg::Paste(text.into()));
    let screen = render(&app);
    assert!(screen.contains("Not recognised"), "{screen}");
    assert!(screen.contains("Not sure: the model suggests"), "{screen}");
    assert!(screen.contains("Phone numbers"), "{screen}");
    assert!(screen.contains("0 ticked"), "{screen}");

    press(&mut app, KeyCode::Tab);
    for _ in 0..field_index(FieldKey::Numbers) {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    let effects = ctrl(&mut app, 's');
    let order = saved(&effects);
    assert!(
        order
            .rejections
            .last()
            .is_some_and(|r| r.fields == vec![FieldKey::Numbers]),
        "{:?}",
        order.rejections.last()
    );
    let Some(Effect::Learn(lesson)) = effects.last() else {
        panic!("the user's answer is learned: {effects:?}");
    };
    assert_eq!(lesson.fields, vec![FieldKey::Numbers]);
}

/// A rules' answer the model doubts: the dialog says "not sure" first and asks which field the
/// carrier rejected; saving answers it, so the fields are learned even when the user kept the
/// suggestion. A sure answer saved as suggested teaches nothing. Snapshots at 80×24 and 120×40
/// (the confidence written as 0.xx: the model is retrained often).
#[test]
fn a_not_sure_answer_asks_which_field_and_the_answer_is_learned() {
    let doubted = "The phone line must be moved by the current provider first";
    let confidence = regex::Regex::new(r"confidence 0\.\d\d").unwrap();
    for (w, h) in SIZES {
        let mut app = demo_app(w, h);
        respond(&mut app, "PO-DEMO0002", 0);
        update(&mut app, Msg::Paste(doubted.into()));
        let screen = render(&app);
        assert!(screen.contains("Not sure (confidence 0."), "{screen}");
        assert!(
            screen.contains("Which field did the carrier reject?"),
            "{screen}"
        );
        insta::assert_snapshot!(
            format!("respond_not_sure_{w}x{h}"),
            confidence.replace_all(&screen, "confidence 0.xx")
        );
        let effects = ctrl(&mut app, 's');
        assert_eq!(saved(&effects).rejections.len(), 1);
        let Some(Effect::Learn(lesson)) = effects.last() else {
            panic!("the user's answer is learned: {effects:?}");
        };
        assert_eq!(lesson.fields, vec![FieldKey::Numbers]);
        assert_eq!(lesson.text, doubted);
    }
    let mut app = demo_app(80, 24);
    respond(&mut app, "PO-DEMO0002", 0);
    update(&mut app, Msg::Paste(CARRIER_TEXT.into()));
    assert!(!render(&app).contains("Not sure"));
    let effects = ctrl(&mut app, 's');
    assert!(matches!(effects[..], [Effect::Save(_)]), "{effects:?}");
}
