//! `update` driven by key messages, as the runtime sends them: navigation, filter, sort, status
//! filter, open, back, the wizard seam, help and quit.

use crate::support::{ctrl, demo_app, press, test_clock, typed};
use crossterm::event::KeyCode;
use portwiz::domain::Status;
use portwiz::tui::app::{Context, SortColumn};
use portwiz::tui::root::Screen;
use portwiz::tui::{Effect, Msg, Root, update};

fn selected_id(app: &Root) -> String {
    app.selected_order()
        .map(|o| o.id.clone())
        .unwrap_or_default()
}

fn open_page_id(app: &Root) -> Option<String> {
    match app.top() {
        Screen::Order(page) => Some(page.order_id.clone()),
        _ => None,
    }
}

#[test]
fn moves_through_the_list_and_stays_inside_it() {
    let mut app = demo_app(80, 24);
    let first = selected_id(&app);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.history.selected, 1);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.history.selected, 2);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    assert_eq!(selected_id(&app), first);
    let last = crate::support::demo_count() - 1;
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.history.selected, last);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.history.selected, last);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.history.selected, 0);
    press(&mut app, KeyCode::PageDown);
    assert!(last < 18, "the demo fits a page of 18 rows");
    assert_eq!(
        app.history.selected, last,
        "a page of 18 rows reaches the end of the demo"
    );
}

#[test]
fn only_the_visible_window_scrolls_with_the_selection() {
    let mut orders = crate::support::demo_orders();
    let template = orders[0].clone();
    for i in 0..10_000 {
        let mut o = template.clone();
        o.id = format!("PO-BULK{i:05}");
        orders.push(o);
    }
    let mut app = Root::new(orders, test_clock(), (80, 24));
    let visible = portwiz::tui::screens::home::history::table_rows(app.size);
    assert_eq!(visible, 18);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.history.selected, 34);
    assert!(app.history.offset <= 34 && 34 < app.history.offset + visible);
    press(&mut app, KeyCode::End);
    let total = 10_000 + crate::support::demo_count();
    assert_eq!(app.history.selected, total - 1);
    assert_eq!(app.history.offset, total - visible);
    let screen = crate::support::render(&app);
    assert!(
        screen.contains(&format!("Showing {total} of {total} orders")),
        "{screen}"
    );
}

#[test]
fn filter_narrows_by_text_and_esc_clears_it() {
    let mut app = demo_app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.context(), Context::FilterEditing);
    typed(&mut app, "northwind q");
    assert_eq!(
        app.history.filter, "northwind q",
        "letters type into the filter, q does not quit"
    );
    assert!(!app.quit);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.history.rows.len(), 3);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::History);
    assert_eq!(app.history.filter, "northwind");
    assert_eq!(app.history.rows.len(), 3);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.history.filter, "");
    assert_eq!(app.history.rows.len(), crate::support::demo_count());
}

#[test]
fn filter_finds_numbers_ids_and_clears_with_ctrl_u() {
    let mut app = demo_app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "(917) 555-0112");
    assert_eq!(app.history.rows.len(), 1);
    assert_eq!(selected_id(&app), "PO-DEMO0005");
    ctrl(&mut app, 'u');
    typed(&mut app, "po-demo0011");
    assert_eq!(selected_id(&app), "PO-DEMO0011");
    update(&mut app, Msg::Paste("\u{1b}[31m".into()));
    assert!(!app.history.filter.contains('\u{1b}'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.history.rows.len(), crate::support::demo_count());
    assert_eq!(app.context(), Context::History);
}

#[test]
fn status_filter_cycles_through_waiting_on_you_and_every_status() {
    let mut app = demo_app(80, 24);
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.history.status_filter.label(), "Waiting on you");
    let waiting_on_you = crate::support::demo_orders()
        .iter()
        .filter(|o| matches!(o.status, Status::Draft | Status::CustomerActionRequired))
        .count();
    assert!(waiting_on_you >= 7, "the demo's drafts and rejected orders");
    assert_eq!(
        app.history.rows.len(),
        waiting_on_you,
        "the drafts and the rejected orders"
    );
    for status in Status::ALL {
        press(&mut app, KeyCode::Char('f'));
        assert_eq!(app.history.status_filter.label(), status.label());
        let shown: Vec<Status> = app
            .history
            .rows
            .iter()
            .map(|i| app.orders[*i].status)
            .collect();
        assert!(
            !shown.is_empty() && shown.iter().all(|s| *s == status),
            "{status:?}"
        );
    }
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.history.rows.len(), crate::support::demo_count());
}

#[test]
fn sort_cycles_columns_and_reverses() {
    let mut app = demo_app(80, 24);
    assert_eq!(app.history.sort, SortColumn::LastChange);
    let newest = selected_id(&app);
    press(&mut app, KeyCode::Char('S'));
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(
        selected_id(&app),
        "PO-DEMO0012",
        "oldest change first once reversed"
    );
    press(&mut app, KeyCode::Char('S'));
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(selected_id(&app), newest);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.history.sort, SortColumn::Name);
    let names: Vec<String> = app
        .history
        .rows
        .iter()
        .map(|i| app.orders[*i].name().to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "names sort A to Z first");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.history.sort, SortColumn::Status);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.history.sort, SortColumn::Numbers);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(selected_id(&app), "PO-DEMO0010", "20 numbers, the most");
    assert!(crate::support::render(&app).contains("Sorted by Numbers ↓"));
}

#[test]
fn enter_opens_the_selected_order_and_esc_goes_back() {
    let mut app = demo_app(80, 24);
    press(&mut app, KeyCode::Char('j'));
    let id = selected_id(&app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(open_page_id(&app), Some(id.clone()));
    assert_eq!(app.context(), Context::OrderPage);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::PageDown);
    match app.top() {
        Screen::Order(page) => assert!(page.scroll > 1),
        _ => panic!("not on the order page"),
    }
    press(&mut app, KeyCode::End);
    let max = portwiz::tui::screens::order::view::max_scroll(&app, &id);
    match app.top() {
        Screen::Order(page) => assert_eq!(page.scroll, max),
        _ => panic!("not on the order page"),
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::History);
    assert_eq!(selected_id(&app), id);
}

#[test]
fn u_opens_the_wizard_on_a_rejected_order_only() {
    let mut app = demo_app(80, 24);
    update(&mut app, Msg::Resize(100, 30));
    app.screens
        .push(Screen::Order(portwiz::tui::screens::order::OrderPage {
            order_id: "PO-DEMO0011".into(),
            scroll: 0,
        }));
    press(&mut app, KeyCode::Char('u'));
    assert!(
        open_page_id(&app).is_some(),
        "a completed order cannot be edited"
    );
    assert!(app.message.as_ref().is_some_and(|m| m.is_error));
    press(&mut app, KeyCode::Esc);
    app.screens
        .push(Screen::Order(portwiz::tui::screens::order::OrderPage {
            order_id: "PO-DEMO0005".into(),
            scroll: 0,
        }));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.context(), Context::Wizard);
    let screen = crate::support::render(&app);
    assert!(
        screen.contains("Account information"),
        "opens on the rejected field's step:\n{screen}"
    );
    assert!(screen.contains("rejected by carrier"), "{screen}");
    // Letters belong to the wizard: q does not quit there.
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.quit);
    press(&mut app, KeyCode::Esc);
    assert_eq!(open_page_id(&app).as_deref(), Some("PO-DEMO0005"));
}

#[test]
fn n_asks_for_an_id_then_opens_the_wizard_and_saves_through_effects() {
    let mut app = demo_app(80, 24);
    let effects = press(&mut app, KeyCode::Char('n'));
    assert_eq!(effects, vec![Effect::NewOrderId]);
    update(&mut app, Msg::NewOrderId("PO-NEW00001".into()));
    assert_eq!(app.context(), Context::Wizard);
    let effects = ctrl(&mut app, 's');
    let saved = match effects.as_slice() {
        [Effect::Save(order)] => order.clone(),
        other => panic!("expected a save, got {other:?}"),
    };
    assert_eq!(saved.id, "PO-NEW00001");
    assert_eq!(saved.status, Status::Draft);
    update(&mut app, Msg::Saved(saved));
    assert_eq!(app.orders.len(), crate::support::demo_count() + 1);
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.starts_with("Saved"))
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::History);
    assert_eq!(
        selected_id(&app),
        "PO-NEW00001",
        "the history selects the order just closed"
    );
}

#[test]
fn esc_keeps_what_was_typed_in_the_focused_field() {
    let mut app = demo_app(100, 30);
    update(&mut app, Msg::NewOrderId("PO-NEW00003".into()));
    assert_eq!(
        press(&mut app, KeyCode::Esc),
        Vec::new(),
        "a new order left untouched is not saved"
    );
    update(&mut app, Msg::NewOrderId("PO-NEW00003".into()));
    press(&mut app, KeyCode::PageDown);
    typed(&mut app, "+14255550100");
    let effects = press(&mut app, KeyCode::Esc);
    let saved = match effects.as_slice() {
        [Effect::Save(order)] => order.clone(),
        other => panic!("Esc saves the draft, got {other:?}"),
    };
    assert_eq!(saved.fields.numbers, vec!["+14255550100".to_string()]);
    assert_eq!(app.context(), Context::History);
    update(&mut app, Msg::Saved(saved));

    // Opened again and closed without a change: nothing to write.
    app.screens
        .push(Screen::Order(portwiz::tui::screens::order::OrderPage {
            order_id: "PO-NEW00003".into(),
            scroll: 0,
        }));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.context(), Context::Wizard);
    assert_eq!(press(&mut app, KeyCode::Esc), Vec::new());
}

#[test]
fn a_failed_save_is_shown_as_an_error() {
    let mut app = demo_app(80, 24);
    update(
        &mut app,
        Msg::SaveFailed {
            order_id: "PO-DEMO0001".into(),
            error: portwiz::tui::SaveError::Io("disk full".into()),
        },
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.is_error && m.text.contains("disk full"))
    );
    press(&mut app, KeyCode::Char('j'));
    assert!(app.message.is_none(), "the next key clears the message");
}

#[test]
fn help_opens_and_closes() {
    let mut app = demo_app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.context(), Context::Help);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.history.selected, 0, "keys under help do nothing");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::History);
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('?'));
    assert!(!app.help_open);
}

#[test]
fn q_quits_from_lists_and_ctrl_c_from_anywhere() {
    let mut app = demo_app(80, 24);
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    assert!(app.quit);

    let mut app = demo_app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(ctrl(&mut app, 'c'), vec![Effect::Quit]);

    let mut app = demo_app(80, 24);
    update(&mut app, Msg::NewOrderId("PO-NEW00002".into()));
    assert_eq!(
        ctrl(&mut app, 'c'),
        vec![Effect::Quit],
        "the wizard has no unsaved edits"
    );
}

#[test]
fn welcome_opens_a_demo_copy_through_an_effect() {
    let mut app = Root::new(Vec::new(), test_clock(), (80, 24));
    assert_eq!(app.context(), Context::Welcome);
    assert_eq!(
        press(&mut app, KeyCode::Char('d')),
        vec![Effect::OpenDemoCopy]
    );
    update(
        &mut app,
        Msg::OrdersAdded {
            orders: crate::support::demo_orders(),
            problems: Vec::new(),
        },
    );
    assert_eq!(app.context(), Context::History);
    assert_eq!(app.history.rows.len(), crate::support::demo_count());
    assert!(app.demo, "the title says it is the demo copy");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains(&format!(
                "demo copy ({} orders)",
                crate::support::demo_count()
            )) && m.text.contains("your own store is untouched"))
    );
}

#[test]
fn notices_leave_the_keys_to_the_screen_and_ctrl_n_dismisses_them() {
    let mut app = demo_app(80, 24);
    app.notices = vec!["warning: something".into()];
    assert_eq!(app.context(), Context::History);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.context(),
        Context::OrderPage,
        "Enter reached the history"
    );
    assert!(!app.notices.is_empty());
    crate::support::ctrl(&mut app, 'n');
    assert!(app.notices.is_empty());
}

#[test]
fn resize_updates_the_size_and_keeps_the_selection_visible() {
    let mut app = demo_app(120, 40);
    press(&mut app, KeyCode::Char('G'));
    update(&mut app, Msg::Resize(80, 24));
    assert_eq!(app.size, (80, 24));
    update(&mut app, Msg::Resize(60, 20));
    assert!(app.too_small());
    assert!(crate::support::render(&app).contains("Terminal too small"));
}

/// The runtime's app holds summaries only: opening an order asks the store for it.
#[test]
fn a_store_app_loads_an_order_only_when_it_is_opened() {
    let orders = crate::support::demo_orders();
    let summaries = orders
        .iter()
        .map(portwiz::domain::summary::Summary::of)
        .collect();
    let mut app = Root::from_summaries(summaries, test_clock(), (100, 30));
    assert!(app.loaded.is_empty());
    let effects = press(&mut app, KeyCode::Enter);
    let Some(Effect::Load(id)) = effects.first().cloned() else {
        panic!("expected a load, got {effects:?}");
    };
    assert_eq!(
        open_page_id(&app),
        None,
        "nothing to show before the order arrives"
    );
    let order = orders.iter().find(|o| o.id == id).cloned().unwrap();
    update(&mut app, Msg::Loaded(Box::new(order)));
    assert_eq!(open_page_id(&app), Some(id.clone()));
    assert!(crate::support::render(&app).contains(&id));
    // Opened once, it is kept: going back and opening again needs no load.
    press(&mut app, KeyCode::Esc);
    assert!(press(&mut app, KeyCode::Enter).is_empty());
}

#[test]
fn a_search_by_number_finds_any_number_of_a_large_order_from_its_summary_alone() {
    let mut orders = crate::support::demo_orders();
    let big: Vec<String> = (0..40)
        .map(|i| format!("+1206555{:04}", 1000 + i))
        .collect();
    orders[0].fields.numbers = big;
    let summaries = orders
        .iter()
        .map(portwiz::domain::summary::Summary::of)
        .collect();
    let mut app = Root::from_summaries(summaries, test_clock(), (100, 30));
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('0'));
    for c in "65551039".chars() {
        assert!(
            press(&mut app, KeyCode::Char(c)).is_empty(),
            "no order is loaded"
        );
    }
    assert!(app.loaded.is_empty());
    assert_eq!(app.history.rows.len(), 1, "the 40th number is found");
}

#[test]
fn help_in_the_wizard_lists_its_keys_and_question_marks_stay_text_in_fields() {
    // Tall enough for the whole of the wizard's help (what works here, then the rest).
    let mut app = demo_app(100, 60);
    update(&mut app, Msg::NewOrderId("PO-NEW00004".into()));
    // On a choice, `?` is help.
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.context(), Context::Help);
    let screen = crate::support::render(&app);
    for expected in [
        "Keys: wizard",
        "PgDn",
        "Ctrl-S",
        "Ctrl-O",
        "Ctrl-K",
        "Ctrl-C",
    ] {
        assert!(screen.contains(expected), "{expected}:\n{screen}");
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Wizard);
    // In a text field, `?` is a character; F1 is help.
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.context(), Context::Wizard);
    assert!(app.has_unsaved_edits(), "the ? went into the field");
    press(&mut app, KeyCode::F(1));
    assert_eq!(app.context(), Context::Help);
    press(&mut app, KeyCode::F(1));
    assert_eq!(app.context(), Context::Wizard);
    let screen = crate::support::render(&app);
    let footer = screen.lines().last().unwrap_or_default();
    assert!(
        footer.ends_with("F1 help"),
        "help is always in the footer: {footer}"
    );
    assert!(footer.contains("PgDn/PgUp step"), "{footer}");
}

#[test]
fn quitting_with_unsaved_wizard_edits_asks_and_s_saves_first() {
    let mut app = demo_app(100, 30);
    update(&mut app, Msg::NewOrderId("PO-NEW00005".into()));
    press(&mut app, KeyCode::PageDown);
    typed(&mut app, "+14255550100");
    assert!(ctrl(&mut app, 'c').is_empty(), "asks first");
    assert_eq!(app.context(), Context::ConfirmQuit);
    assert!(crate::support::render(&app).contains("s save and quit"));
    let effects = press(&mut app, KeyCode::Char('s'));
    match effects.as_slice() {
        [Effect::Save(order), Effect::Quit] => {
            assert_eq!(order.fields.numbers, vec!["+14255550100".to_string()]);
        }
        other => panic!("save, then quit: {other:?}"),
    }
    // A save that fails takes the quit back.
    update(
        &mut app,
        Msg::SaveFailed {
            order_id: "PO-NEW00005".into(),
            error: portwiz::tui::SaveError::Io("disk full".into()),
        },
    );
    assert!(!app.quit);
    assert_eq!(app.context(), Context::Wizard);
}

/// Paging uses what the last frame drew (`Msg::Drawn`), not a layout worked out again.
#[test]
fn paging_follows_the_rows_the_last_frame_drew() {
    let mut app = demo_app(80, 24);
    assert_eq!(app.drawn.history_rows, 0, "nothing drawn yet");
    crate::support::draw(&mut app);
    assert_eq!(
        app.drawn.history_rows,
        portwiz::tui::screens::home::history::table_rows(app.size)
    );
    // A frame that showed 5 rows: a page is 4 rows.
    let mut drawn = app.drawn;
    drawn.history_rows = 5;
    update(&mut app, Msg::Drawn(drawn));
    update(
        &mut app,
        Msg::Key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::PageDown,
        )),
    );
    assert_eq!(app.history.selected, 4);
}

/// Below 80×24 nobody sees the screen, so no key but q and Ctrl-C acts there; the quit question
/// they may raise is drawn on the small screen and answered there.
#[test]
fn behind_too_small_only_quit_keys_act_and_the_quit_question_is_shown() {
    let mut app = demo_app(120, 40);
    press(&mut app, KeyCode::Char('n'));
    update(&mut app, Msg::NewOrderId("PO-SMALL001".into()));
    assert!(matches!(app.top(), Screen::Wizard(_)), "n opens the wizard");
    press(&mut app, KeyCode::Char(' '));
    assert!(app.has_unsaved_edits(), "choosing a country is an edit");
    update(&mut app, Msg::Resize(60, 15));
    let before = crate::support::render(&app);
    typed(&mut app, "xyz");
    press(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.top(), Screen::Wizard(_)),
        "Esc acted behind the notice"
    );
    assert_eq!(crate::support::render(&app), before);
    ctrl(&mut app, 'c');
    assert!(!app.quit, "unsaved edits: asks first");
    let screen = crate::support::render(&app);
    assert!(screen.contains("not saved"), "{screen}");
    press(&mut app, KeyCode::Char('n'));
    assert!(!app.quit && !app.confirm_quit);
    update(&mut app, Msg::Resize(120, 40));
    assert!(matches!(app.top(), Screen::Wizard(_)) && app.has_unsaved_edits());
}

#[test]
fn a_save_that_moves_the_order_on_says_where_it_is_now() {
    let mut app = demo_app(80, 24);
    let mut order = crate::support::demo_orders()
        .into_iter()
        .find(|o| o.status == Status::Draft)
        .unwrap_or_else(|| panic!("the demo has a draft"));
    order.fields.order_name = "Renamed draft".into();
    update(&mut app, Msg::Saved(Box::new(order.clone())));
    let text = app.message.as_ref().map(|m| m.text.clone());
    assert_eq!(text.as_deref(), Some("Saved “Renamed draft”."));
    order.status = Status::Submitted;
    update(&mut app, Msg::Saved(Box::new(order)));
    let text = app.message.as_ref().map(|m| m.text.clone());
    assert_eq!(
        text.as_deref(),
        Some("Saved “Renamed draft”: now Submitted."),
        "a submission recorded (from the hand-off or Review) says so"
    );
}
