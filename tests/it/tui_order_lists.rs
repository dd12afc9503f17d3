//! The order page and the lists around it (issue 18): a carrier's e-mail quoted as one block,
//! every number of an order on a list of its own, an id column in the history.

use crate::support::{demo_orders, open_order, press, render, test_clock};
use crossterm::event::KeyCode;
use portwiz::tui::Root;
use portwiz::tui::root::Screen;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot(name: &str, app: &Root) {
    let (w, h) = app.size;
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(app));
}

/// The demo orders, with the rejection of PO-DEMO0003 as a pasted e-mail: lines, blank lines,
/// Windows line ends and the PIN repeated back.
fn orders_with_an_email() -> Vec<portwiz::domain::Order> {
    let mut orders = demo_orders();
    if let Some(order) = orders.iter_mut().find(|o| o.id == "PO-DEMO0003") {
        order.fields.pin = portwiz::domain::secret::Secret::new("86421");
        order.rejections[0].text = "Hello,\r\n\r\n  Your port order was rejected (PIN 86421).\r\n\
            The account number does not match our records.\r\n\r\n\r\n\r\nRegards,\r\n\
            Tailspin porting desk\r\n\r\n"
            .into();
    }
    orders
}

#[test]
fn a_multi_line_email_is_quoted_as_one_block() {
    for (w, h) in SIZES {
        let mut app = Root::new(orders_with_an_email(), test_clock(), (w, h));
        open_order(&mut app, "PO-DEMO0003");
        let screen = render(&app);
        let quoted: Vec<&str> = (screen.lines())
            .filter(|l| l.starts_with(" ▌") && l.contains('“'))
            .collect();
        assert_eq!(
            quoted.len(),
            1,
            "one opening quote in the banner:\n{screen}"
        );
        assert!(quoted[0].ends_with("“Hello,"), "{screen}");
        assert!(screen.contains(" ▌ Tailspin porting desk”\n"), "{screen}");
        assert!(
            !screen.contains("“”") && !screen.contains("86421"),
            "{screen}"
        );
        // Paragraphs stay apart, by one blank line however many the e-mail had.
        assert!(
            screen.contains(" ▌ our records.\n ▌\n ▌ Regards,\n")
                || screen.contains(
                    " ▌ The account number does not match our records.\n ▌\n ▌ Regards,\n"
                ),
            "{screen}"
        );
        snapshot("order_email_quote", &app);
    }
}

#[test]
fn the_history_has_an_id_column_that_tells_two_orders_of_one_name_apart() {
    for (w, h) in SIZES {
        let mut orders = demo_orders();
        let name = orders[0].fields.order_name.clone();
        orders[1].fields.order_name = name.clone();
        let (first, second) = (orders[0].id.clone(), orders[1].id.clone());
        let app = Root::new(orders, test_clock(), (w, h));
        let screen = render(&app);
        let header = screen.lines().nth(3).unwrap_or_default();
        assert!(header.contains("Id"), "{screen}");
        // Every demo id is PO-DEMO00nn: the unique prefix is the whole id.
        let row_of = |id: &str| screen.lines().find(|l| l.contains(id));
        let short = |n: &str| n.chars().take(8).collect::<String>();
        for id in [&first, &second] {
            let row = row_of(id).unwrap_or_else(|| panic!("no {id} in\n{screen}"));
            assert!(row.contains(&short(&name)), "{row}");
        }
        assert!(screen.lines().all(|l| l.chars().count() <= usize::from(w)));
        snapshot("history_ids", &app);
    }
}

/// The demo orders, with `id` holding 999 numbers.
fn orders_with_999_numbers(id: &str) -> Vec<portwiz::domain::Order> {
    let mut orders = demo_orders();
    if let Some(order) = orders.iter_mut().find(|o| o.id == id) {
        order.fields.numbers = (0..999)
            .map(|i| format!("+1206{:07}", 5_550_000 + i))
            .collect();
    }
    orders
}

fn top_is_numbers(app: &Root) -> bool {
    matches!(app.top(), Screen::Numbers(_))
}

#[test]
fn n_on_the_order_page_lists_every_number_and_scrolls_to_the_last() {
    for (w, h) in SIZES {
        let mut app = Root::new(orders_with_999_numbers("PO-DEMO0010"), test_clock(), (w, h));
        open_order(&mut app, "PO-DEMO0010");
        let page = render(&app);
        assert!(page.contains("and 996 more (N: all)"), "{page}");
        press(&mut app, KeyCode::Char('N'));
        assert!(top_is_numbers(&app));
        let screen = render(&app);
        assert!(
            screen.contains("999 numbers, in the order entered"),
            "{screen}"
        );
        assert!(screen.contains("+12065550000") && !screen.contains("+12065550998"));
        assert!(screen.contains("Esc Back"), "{screen}");
        snapshot("numbers_list", &app);

        press(&mut app, KeyCode::End);
        let end = render(&app);
        assert!(end.contains(" 999  +12065550998"), "{end}");
        assert!(end.contains("of 999"), "{end}");
        press(&mut app, KeyCode::Esc);
        assert!(matches!(app.top(), Screen::Order(_)));
    }
}

#[test]
fn n_on_the_wizards_review_lists_the_numbers_being_edited() {
    let mut app = Root::new(
        orders_with_999_numbers("PO-DEMO0003"),
        test_clock(),
        (120, 60),
    );
    open_order(&mut app, "PO-DEMO0003");
    press(&mut app, KeyCode::Char('u'));
    assert!(matches!(app.top(), Screen::Wizard(_)));
    for _ in 0..8 {
        press(&mut app, KeyCode::PageDown);
    }
    let review = render(&app);
    assert!(review.contains("999 numbers (N: all)"), "{review}");
    assert!(
        review.contains("N numbers"),
        "the footer offers it:\n{review}"
    );
    press(&mut app, KeyCode::Char('N'));
    assert!(top_is_numbers(&app), "{}", render(&app));
    let list = render(&app);
    assert!(list.contains("999 numbers"), "{list}");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Wizard(_)));
}
