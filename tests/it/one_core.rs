//! One core for every edit (issue 12): the CLI, plain mode and the app's `update()` store the
//! same thing for the same input, ask the same readiness check, read CSV files with the same
//! reader, and keep every PIN once.

use crate::support::{new_order, order_file, run, test_clock};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use portwiz::domain::registry::Kind;
use portwiz::domain::{FieldKey, Order, OrderFields, Step};
use portwiz::plain;
use portwiz::store::Store;
use portwiz::tui::{Effect, Msg, Root, update};
use serde_json::Value;

/// The same raw edits for every front end, in the wizard's order, written as a new user would
/// write them (brackets and spaces in numbers, a US date, a 12-hour time, a state's name, "USA").
/// Choices are also given as the number of Right presses that choose them in the app.
const EDITS: &[(FieldKey, &str, usize)] = &[
    (FieldKey::Country, "USA", 1),
    (FieldKey::NumberType, "Geographic", 1),
    (FieldKey::Numbers, "(425) 555-0102, +1 425 555 0101", 0),
    (FieldKey::PortType, "partial", 2),
    (FieldKey::BillingTelephoneNumber, "(425) 555-0102", 0),
    (FieldKey::ReplacementBtn, "425-555-0199", 0),
    (FieldKey::CurrentCarrier, "Contoso Telecom", 0),
    (FieldKey::OrganizationName, "Fabrikam Inc", 0),
    (FieldKey::AccountNumber, "ACC-0098765", 0),
    (FieldKey::Pin, "8642", 0),
    (FieldKey::AuthorizedUserFirstName, "Dana", 0),
    (FieldKey::AuthorizedUserLastName, "Reyes", 0),
    (FieldKey::ServiceAddressStreet, "1 Microsoft Way", 0),
    (FieldKey::ServiceAddressCity, "Redmond", 0),
    (FieldKey::ServiceAddressState, "Washington", 0),
    (FieldKey::ServiceAddressPostalCode, "98052", 0),
    // In the app the service address already has the order's country: nothing to choose.
    (FieldKey::ServiceAddressCountry, "United States", 0),
    (FieldKey::OrderName, "Redmond HQ", 0),
    (FieldKey::PortDate, "12/15/2026", 0),
    (FieldKey::PortTime, "2:30 pm", 0),
    (FieldKey::RequesterName, "Sam Lee", 0),
    (FieldKey::RequesterEmail, "sam@fabrikam.com", 0),
    (
        FieldKey::NotificationEmails,
        "it@fabrikam.com; ops@fabrikam.com",
        0,
    ),
    (FieldKey::Loa, "e-signed by Dana Reyes 2026-11-20", 0),
    (FieldKey::Documents, "bill.pdf", 0),
];

/// A UK order from scratch (issue 25): national numbers, a lower-case postcode, no state line,
/// the underlying carrier its carriers ask for, a date and time in London.
const UK_EDITS: &[(FieldKey, &str, usize)] = &[
    (FieldKey::Country, "United Kingdom", 0),
    (FieldKey::NumberType, "Geographic", 1),
    (FieldKey::Numbers, "020 7946 0000, +44 20 7946 0001", 0),
    (FieldKey::PortType, "full", 1),
    (FieldKey::BillingTelephoneNumber, "020 7946 0000", 0),
    (FieldKey::ReplacementBtn, "", 0),
    (FieldKey::CurrentCarrier, "Northwind Telecom", 0),
    (FieldKey::OrganizationName, "Fabrikam UK Ltd", 0),
    (FieldKey::AccountNumber, "NW-448812", 0),
    (FieldKey::Pin, "", 0),
    (FieldKey::AuthorizedUserFirstName, "Olivia", 0),
    (FieldKey::AuthorizedUserLastName, "Hughes", 0),
    (FieldKey::ServiceAddressStreet, "10 Whitehall Place", 0),
    (FieldKey::ServiceAddressCity, "London", 0),
    (FieldKey::ServiceAddressPostalCode, "sw1a2aa", 0),
    (FieldKey::ServiceAddressCountry, "UK", 0),
    (FieldKey::IdUnderlyingCarrier, "BT Wholesale", 0),
    (FieldKey::NumberUsage, "020 7946 0001 voice app; user", 0),
    (FieldKey::OrderName, "London office", 0),
    (FieldKey::PortDate, "2027-01-12", 0),
    (FieldKey::PortTime, "9:30 am", 0),
    (FieldKey::RequesterName, "Sam Lee", 0),
    (FieldKey::RequesterEmail, "sam@fabrikam.com", 0),
    (FieldKey::NotificationEmails, "", 0),
    (FieldKey::Loa, "signed by Olivia Hughes 2026-12-01", 0),
    (FieldKey::Documents, "bill.pdf", 0),
];

/// A French order from scratch: national numbers, the RIO typed with spaces, the SIRET.
const FR_EDITS: &[(FieldKey, &str, usize)] = &[
    (FieldKey::Country, "France", 0),
    (FieldKey::NumberType, "Geographic", 1),
    (FieldKey::Numbers, "01 40 00 00 00; +33 1 40 00 00 01", 0),
    (FieldKey::PortType, "full", 1),
    (FieldKey::BillingTelephoneNumber, "01 40 00 00 00", 0),
    (FieldKey::ReplacementBtn, "", 0),
    (FieldKey::CurrentCarrier, "Contoso Télécom", 0),
    (FieldKey::OrganizationName, "Fabrikam France SAS", 0),
    (FieldKey::AccountNumber, "FR-77120", 0),
    (FieldKey::Pin, "", 0),
    (FieldKey::AuthorizedUserFirstName, "Camille", 0),
    (FieldKey::AuthorizedUserLastName, "Martin", 0),
    (FieldKey::ServiceAddressStreet, "12 rue de Rivoli", 0),
    (FieldKey::ServiceAddressCity, "Paris", 0),
    (FieldKey::ServiceAddressPostalCode, "75001", 0),
    (FieldKey::ServiceAddressCountry, "France", 0),
    (FieldKey::IdRio, "01 E 12345A 6BC", 0),
    (FieldKey::IdSiret, "732 829 320 00074", 0),
    (FieldKey::IdHeadNumber, "", 0),
    (FieldKey::NumberUsage, "conference", 0),
    (FieldKey::OrderName, "Paris office", 0),
    (FieldKey::PortDate, "2027-01-12", 0),
    (FieldKey::PortTime, "10:00", 0),
    (FieldKey::RequesterName, "Sam Lee", 0),
    (FieldKey::RequesterEmail, "sam@fabrikam.com", 0),
    (FieldKey::NotificationEmails, "", 0),
    (FieldKey::Loa, "signed by Camille Martin 2026-12-01", 0),
    (FieldKey::Documents, "facture.pdf", 0),
];

/// The edit for `key`. A field the table asks that these edits do not name (one added since)
/// is left blank, as a new user leaves an optional field; a required one must be named.
fn edit_of(
    edits: &'static [(FieldKey, &'static str, usize)],
    key: FieldKey,
    asked: &OrderFields,
) -> (FieldKey, &'static str, usize) {
    edits
        .iter()
        .find(|(k, _, _)| *k == key)
        .copied()
        .unwrap_or_else(|| {
            assert!(
                !portwiz::domain::spec(key).required_for(asked),
                "no edit for {key}, which is required"
            );
            (key, "", 0)
        })
}

/// Right presses that choose `value` in the app: the country list is long, so it is counted
/// from the registry's options rather than written down.
fn rights(field: &portwiz::domain::FieldSpec, value: &str, given: usize) -> usize {
    match field.kind {
        Kind::Choice(options) if field.key == FieldKey::Country => {
            options.position_of(value).map_or(given, |i| i + 1)
        }
        _ => given,
    }
}

/// An order as JSON without what differs by nature: its id and the times.
fn comparable(order: &Order) -> Value {
    let mut value = serde_json::to_value(order).unwrap();
    let map = value.as_object_mut().unwrap();
    for key in ["id", "created_at", "updated_at"] {
        map.remove(key);
    }
    // When and by whom differ between the front ends (the CLI runs as the tests' user, plain
    // mode and the app in this process): what was recorded must not.
    for entry in map["history"].as_array_mut().unwrap() {
        let entry = entry.as_object_mut().unwrap();
        entry.remove("at");
        entry.remove("by");
    }
    value
}

fn read_order(dir: &std::path::Path, id: &str) -> Order {
    let file = order_file(dir, id);
    serde_json::from_value(file).unwrap()
}

fn through_the_cli(edits: &[(FieldKey, &str, usize)]) -> Order {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "{}").unwrap();
    let out = run(dir.path(), &["new", "--from", empty.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let id = out.stdout.trim().to_string();
    let mut args = vec!["set".to_string(), id.clone()];
    for (key, value, _) in edits.iter().filter(|(_, v, _)| !v.is_empty()) {
        args.push(key.to_string());
        args.push(value.to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(dir.path(), &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    read_order(dir.path(), &id)
}

/// `asked`: the order the answers make, whose country decides which fields are asked.
fn through_plain_mode(
    edits: &'static [(FieldKey, &'static str, usize)],
    asked: &OrderFields,
) -> Order {
    let dir = tempfile::tempdir().unwrap();
    let mut script = String::new(); // an empty store: plain mode starts a new order
    for step in Step::pages_of(asked).iter().filter(|s| **s != Step::Review) {
        for field in step.fields_asked(asked) {
            script.push_str(edit_of(edits, field.key, asked).1);
            script.push('\n');
        }
    }
    script.push_str("n\n"); // not submitted
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let mut output = Vec::new();
    let outcome = plain::run(script.as_bytes(), &mut output, &mut store, test_clock()).unwrap();
    let output = String::from_utf8(output).unwrap();
    let plain::Outcome::Kept(Some(id)) = outcome else {
        panic!("{outcome:?}\n{output}")
    };
    assert!(!output.contains("Error:"), "{output}");
    read_order(dir.path(), &id)
}

fn key(app: &mut Root, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn through_the_app(
    edits: &'static [(FieldKey, &'static str, usize)],
    asked: &OrderFields,
) -> Order {
    let mut app = Root::new(Vec::new(), test_clock(), (120, 40));
    update(&mut app, Msg::NewOrderId("PO-APP00001".into()));
    let mut saved = None;
    for step in Step::pages_of(asked).iter().filter(|s| **s != Step::Review) {
        for field in step.fields_asked(asked) {
            let (_, value, given) = edit_of(edits, field.key, asked);
            let rights = rights(field, value, given);
            if rights > 0 {
                for _ in 0..rights {
                    key(&mut app, KeyCode::Right);
                }
            } else if !matches!(field.kind, Kind::Choice(_)) {
                for c in value.chars() {
                    key(&mut app, KeyCode::Char(c));
                }
            }
            for effect in key(&mut app, KeyCode::Tab) {
                if let Effect::Save(order) = effect {
                    saved = Some(*order.clone());
                    update(&mut app, Msg::Saved(order));
                }
            }
        }
    }
    for effect in key(&mut app, KeyCode::Esc) {
        if let Effect::Save(order) = effect {
            saved = Some(*order);
        }
    }
    saved.expect("the app saved the order")
}

/// The three front ends from scratch with `edits`: the same file.
fn same_order_three_ways(edits: &'static [(FieldKey, &'static str, usize)]) -> Order {
    let cli = through_the_cli(edits);
    let plain = through_plain_mode(edits, &cli.fields);
    let app = through_the_app(edits, &cli.fields);
    assert_eq!(
        comparable(&plain),
        comparable(&cli),
        "plain mode and the CLI differ"
    );
    assert_eq!(
        comparable(&app),
        comparable(&cli),
        "the app and the CLI differ"
    );
    cli
}

#[test]
fn a_uk_order_is_the_same_from_the_cli_plain_mode_and_the_app() {
    let order = same_order_three_ways(UK_EDITS);
    let f = &order.fields;
    assert_eq!(f.country, "GB");
    assert_eq!(f.numbers, ["+442079460000", "+442079460001"]);
    assert_eq!(f.billing_telephone_number, "+442079460000");
    assert_eq!(f.service_address.postal_code, "SW1A 2AA");
    assert_eq!(f.service_address.country, "GB");
    assert_eq!(f.service_address.state, "");
    assert_eq!(f.identifiers.underlying_carrier, "BT Wholesale");
    assert_eq!(
        f.number_usage,
        ["+442079460000 user", "+442079460001 voice_app"]
    );
    assert_eq!(f.port_time, "09:30");
    let blocking = portwiz::domain::readiness::blocking(&order, test_clock().today);
    assert!(blocking.is_empty(), "{blocking:#?}");
}

#[test]
fn a_french_order_is_the_same_from_the_cli_plain_mode_and_the_app() {
    let order = same_order_three_ways(FR_EDITS);
    let f = &order.fields;
    assert_eq!(f.country, "FR");
    assert_eq!(f.numbers, ["+33140000000", "+33140000001"]);
    assert_eq!(f.identifiers.rio, "01E12345A6BC");
    assert_eq!(f.identifiers.siret, "73282932000074");
    assert_eq!(f.service_address.postal_code, "75001");
    assert_eq!(
        f.number_usage,
        ["+33140000000 conference", "+33140000001 conference"]
    );
    let blocking = portwiz::domain::readiness::blocking(&order, test_clock().today);
    assert!(blocking.is_empty(), "{blocking:#?}");
}

#[test]
fn the_cli_plain_mode_and_the_app_store_the_same_order_for_the_same_edits() {
    let cli = through_the_cli(EDITS);
    let plain = through_plain_mode(EDITS, &cli.fields);
    let app = through_the_app(EDITS, &cli.fields);
    let f = &cli.fields;
    assert_eq!(f.country, "US");
    assert_eq!(f.numbers, ["+14255550102", "+14255550101"]);
    assert_eq!(f.billing_telephone_number, "+14255550102");
    assert_eq!(f.replacement_btn, "+14255550199");
    assert_eq!(f.service_address.state, "WA");
    assert_eq!(f.port_date, "2026-12-15");
    assert_eq!(f.port_time, "14:30");
    let edited: Vec<_> = cli
        .history
        .iter()
        .filter(|h| h.event == portwiz::domain::history::Event::Edited)
        .collect();
    assert_eq!(
        edited.len(),
        1,
        "one command, one entry: {:#?}",
        cli.history
    );
    assert_eq!(edited[0].changes.len(), EDITS.len());
    assert_eq!(
        comparable(&plain),
        comparable(&cli),
        "plain mode and the CLI differ"
    );
    assert_eq!(
        comparable(&app),
        comparable(&cli),
        "the app and the CLI differ"
    );
}

#[test]
fn an_order_typed_in_the_app_exports_a_csv_teams_accepts() {
    let cli = through_the_cli(EDITS);
    let order = through_the_app(EDITS, &cli.fields);
    let csv = portwiz::domain::export::render(&order, portwiz::domain::export::Format::Csv, false)
        .unwrap();
    assert_eq!(csv, "PhoneNumber\r\n+14255550102\r\n+14255550101\r\n");
}

#[test]
fn a_us_date_is_stored_as_iso_and_the_history_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let out = run(dir.path(), &["set", &id, "port_date", "12/15/2026"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let file = order_file(dir.path(), &id);
    assert_eq!(file["fields"]["port_date"], "2026-12-15");
    let last = file["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["changes"][0]["to"], "2026-12-15", "{last:#}");
}

#[test]
fn usa_is_the_united_states_for_every_check() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let out = run(
        dir.path(),
        &[
            "set",
            &id,
            "country",
            "USA",
            "service_address.country",
            "usa",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let file = order_file(dir.path(), &id);
    assert_eq!(file["fields"]["country"], "US");
    assert_eq!(file["fields"]["service_address"]["country"], "US");
    let out = run(dir.path(), &["submit", &id]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// The fixture as a partial port that moves its BTN, with no replacement BTN.
fn partial_port_moving_the_btn(dir: &std::path::Path) -> String {
    let id = new_order(dir, "complete-order.json");
    let out = run(dir, &["set", &id, "port_type", "partial"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    id
}

const BTN_WARNING: &str = "carriers expect a replacement BTN";

#[test]
fn a_partial_port_moving_its_btn_gets_the_same_warning_from_submit_and_plain_review() {
    let dir = tempfile::tempdir().unwrap();
    let id = partial_port_moving_the_btn(dir.path());
    let (mut store, _) = Store::open(dir.path()).unwrap();
    let order = store.get(&id).unwrap().order.clone();
    let found = portwiz::domain::readiness::readiness(&order, test_clock().today);
    let warning = found
        .iter()
        .find(|p| p.message.contains(BTN_WARNING))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(warning.key, FieldKey::ReplacementBtn);

    // Plain mode: continue the order, keep every answer, review, do not submit.
    let fields = Step::ALL
        .iter()
        .map(|s| s.fields_asked(&order.fields).count())
        .sum::<usize>();
    let script = format!("{id}\n{}n\n", "\n".repeat(fields));
    let mut output = Vec::new();
    plain::run(script.as_bytes(), &mut output, &mut store, test_clock()).unwrap();
    let output = String::from_utf8(output).unwrap();
    assert!(output.contains(&warning.message), "{output}");

    let out = run(dir.path(), &["submit", &id]);
    assert_eq!(out.code, 0, "a warning does not block: {}", out.stderr);
    assert!(out.stderr.contains(&warning.message), "{}", out.stderr);
}

#[test]
fn after_submit_the_order_file_holds_the_pin_once() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let out = run(dir.path(), &["submit", &id]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text =
        std::fs::read_to_string(dir.path().join("orders").join(format!("{id}.json"))).unwrap();
    assert_eq!(text.matches("482913").count(), 1, "{text}");
}

#[test]
fn clearing_the_pin_clears_the_csr_pin_too() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    {
        let (mut store, _) = Store::open(dir.path()).unwrap();
        let mut order = store.get(&id).unwrap().order.clone();
        order.set_csr(FieldKey::Pin, "771122", test_clock().now);
        store.save(&order).unwrap();
    }
    let out = run(dir.path(), &["set", &id, "pin", ""]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text =
        std::fs::read_to_string(dir.path().join("orders").join(format!("{id}.json"))).unwrap();
    assert!(
        !text.contains("771122") && !text.contains("482913"),
        "{text}"
    );
}

#[test]
fn an_import_of_a_pin_free_export_stores_no_mask() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    {
        let (mut store, _) = Store::open(dir.path()).unwrap();
        let mut order = store.get(&id).unwrap().order.clone();
        order.set_csr(FieldKey::Pin, "771122", test_clock().now);
        order.set_csr(FieldKey::AccountNumber, "ACC-0098765", test_clock().now);
        store.save(&order).unwrap();
    }
    let export = run(dir.path(), &["export", &id, "--format", "json"]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    let mut doc: Value = serde_json::from_str(&export.stdout).unwrap();
    // A hand-edited export that writes the mask as the PIN is no better.
    doc["pin"] = Value::String("••••".into());
    let file = dir.path().join("export.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let out = run(dir.path(), &["import", file.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let imported = order_file(dir.path(), out.stdout.trim());
    // History shows a PIN change as a mask; no value holds one.
    assert_eq!(imported["fields"]["pin"], "", "{imported:#}");
    assert!(imported["csr"].get("pin").is_none(), "{imported:#}");
    assert_eq!(imported["csr"]["account_number"], "ACC-0098765");
}

#[test]
fn twenty_thousand_numbers_are_refused_at_once_with_the_limit() {
    // 20,000 numbers fit under the fields document's size cap (a larger document is refused
    // before it is parsed, see hostile_limits), so this reaches the list limit itself.
    let dir = tempfile::tempdir().unwrap();
    let numbers: Vec<String> = (0..20_000).map(|i| format!("+1425{i:07}")).collect();
    let doc = serde_json::json!({ "country": "US", "numbers": numbers });
    let file = dir.path().join("big.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let started = std::time::Instant::now();
    let out = run(dir.path(), &["new", "--from", file.to_str().unwrap()]);
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("20000 entries") && out.stderr.contains("at most 10,000"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_old_order_of_a_hundred_thousand_numbers_opens_in_the_wizard_at_once() {
    let mut fields = OrderFields {
        country: "US".into(),
        ..Default::default()
    };
    fields.numbers = (0..100_000).map(|i| format!("+1425{i:07}")).collect();
    let order = Order::new("PO-BIG".into(), fields, test_clock().now);
    let started = std::time::Instant::now();
    let mut wizard = portwiz::tui::wizard::Wizard::open(
        order,
        test_clock(),
        portwiz::tui::wizard::Start::FirstStep,
    );
    wizard.handle_key(
        KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE),
        test_clock(),
    );
    wizard.handle_key(
        KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE),
        test_clock(),
    );
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert!(wizard.has_unsaved_edits());
}

#[test]
fn a_text_longer_than_the_cap_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_order(dir.path(), "complete-order.json");
    let long = "x".repeat(1_001);
    let out = run(dir.path(), &["set", &id, "organization_name", &long]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("at most 1000"), "{}", out.stderr);
}
