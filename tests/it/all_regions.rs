//! Issue 25: an order outside the US & Canada follows its route and country everywhere it is
//! shown or written: the carrier's times (FOC, port time) in the country's zone, the stats and
//! the readiness of its own identifiers, Microsoft's LOA form for the country.

use crate::support::{demo_orders, portwiz, run};
use portwiz::domain::{Clock, FieldKey, FieldValue, Order};
use portwiz::store::Store;

/// A store holding the demo orders.
fn demo_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path()).unwrap();
    for order in demo_orders() {
        store.create(order).unwrap();
    }
    dir
}

/// The demo order of `country` (the first one).
fn demo_of(country: &str) -> Order {
    demo_orders()
        .into_iter()
        .find(|o| o.fields.country == country)
        .unwrap_or_else(|| panic!("no {country} demo order"))
}

#[test]
fn a_german_focs_time_is_berlins_in_show_the_text_export_and_its_instant() {
    let dir = demo_store();
    let german = demo_of("DE");
    let shown = run(dir.path(), &["show", &german.id]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(
        shown
            .stdout
            .contains("FOC (the carrier's port date): 2026-12-10 08:00 Europe/Berlin"),
        "{}",
        shown.stdout
    );
    let text = run(dir.path(), &["export", &german.id, "--format", "text"]);
    assert!(
        text.stdout.contains("at 08:00 Europe/Berlin"),
        "{}",
        text.stdout
    );
    // 08:00 in Berlin in December is 07:00 UTC.
    let instant = german.foc_instant().map(|t| t.to_string());
    assert_eq!(instant.as_deref(), Some("2026-12-10T07:00:00Z"));
    // A US order's FOC is still US Eastern.
    let us = run(dir.path(), &["show", "PO-DEMO0010"]);
    assert!(us.stdout.contains("US Eastern"), "{}", us.stdout);
    assert!(!us.stdout.contains("Europe/"), "{}", us.stdout);
}

#[test]
fn stats_name_the_french_rejection_rio_not_another_identifier() {
    let dir = demo_store();
    let out = run(dir.path(), &["stats"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let french = out
        .stdout
        .split("\n\n")
        .find(|block| block.starts_with("Contoso Télécom"))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(french.contains("Rejected most   RIO (1)"), "{french}");
}

/// A rejection of the RIO is answered by a new RIO, not by a changed SIRET.
#[test]
fn a_rio_rejection_is_addressed_by_the_rio_alone() {
    let mut french = demo_of("FR");
    let now = Clock::fixed(jiff::civil::date(2026, 11, 26)).now;
    let addressed = |o: &Order| portwiz::domain::readiness::rejection_addressed(o, FieldKey::IdRio);
    assert!(!addressed(&french));
    french
        .edit(
            FieldKey::IdSiret,
            FieldValue::Text("44306184100047".into()),
            now,
        )
        .unwrap();
    assert!(!addressed(&french), "the SIRET is another identifier");
    french
        .edit(
            FieldKey::IdRio,
            FieldValue::Text("01 P 98765Z 4XY".into()),
            now,
        )
        .unwrap();
    assert!(addressed(&french));
}

#[test]
fn the_uk_loa_names_microsofts_form_for_the_uk() {
    let dir = demo_store();
    let uk = demo_of("GB");
    let out = portwiz(dir.path())
        .args(["export", &uk.id, "--format", "loa"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("For the United Kingdom,"), "{text}");
    assert!(
        text.contains(
            "Letter of Authorization (LOA) for the U.K. (geographic numbers) (v.2.0) (en-us)"
        ),
        "{text}"
    );
    assert!(text.contains("+442079460320"), "{text}");
}

/// No public layout of Microsoft's French form: the LOA names the form (with the versions the
/// sources disagree on) and lists the order's values, the RIO and SIRET among them, in text and
/// in the PDF.
#[test]
fn the_french_loa_names_the_form_and_lists_the_identifiers_in_text_and_pdf() {
    let dir = demo_store();
    let french = demo_of("FR");
    let out = run(dir.path(), &["export", &french.id, "--format", "loa"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout;
    assert!(
        text.contains(
            "Letter of Authorization (LOA) for France (geographic numbers) (v.6.0) (fr-fr)"
        ),
        "{text}"
    );
    assert!(
        text.contains("v.5.0"),
        "the sources' disagreement is said: {text}"
    );
    assert!(
        text.contains("RIO:") && text.contains("01E12345A6BC"),
        "{text}"
    );
    assert!(
        text.contains("SIRET:") && text.contains("73282932000074"),
        "{text}"
    );
    let pdf =
        portwiz::domain::export::file(&french, portwiz::domain::export::Format::LoaPdf, false)
            .unwrap_or_else(|e| panic!("{e}"));
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("01E12345A6BC"), "the PDF carries the RIO");
}

/// The response dialog's fields to tick carry the order's own labels (found trying a French
/// rejection by hand: "Port time (US Eastern)" was offered on a Paris order).
#[test]
fn the_rejection_checklist_names_the_port_time_in_the_orders_zone() {
    use crossterm::event::KeyCode;
    let mut french = demo_of("FR");
    french.status = portwiz::domain::Status::Submitted;
    let id = french.id.clone();
    let mut app = portwiz::tui::Root::new(vec![french], crate::support::test_clock(), (120, 70));
    crate::support::open_order(&mut app, &id);
    crate::support::press(&mut app, KeyCode::Char('r'));
    crate::support::press(&mut app, KeyCode::Enter);
    let screen = crate::support::render(&app);
    assert!(screen.contains("Fields to fix"), "{screen}");
    assert!(
        screen.contains("Port time (local, Europe/Paris)"),
        "{screen}"
    );
    assert!(!screen.contains("US Eastern"), "{screen}");
}

/// Mobiles port only in the US, Puerto Rico and Canada: a French mobile order is refused at the
/// number type, naming what France takes (it was taken, and submit asked only for a PIN).
#[test]
fn a_mobile_order_outside_north_america_is_refused_at_its_number_type() {
    let dir = demo_store();
    let french = demo_of("FR");
    let set = run(dir.path(), &["set", &french.id, "number_type", "mobile"]);
    assert!(
        set.stderr
            .contains("take geographic and toll_free numbers in France, not mobile"),
        "{}{}",
        set.stdout,
        set.stderr
    );
    // The echo of a change names the order's own labels.
    let time = run(dir.path(), &["set", &french.id, "port_time", "11:00"]);
    assert!(
        time.stdout.contains("Port time (local, Europe/Paris)"),
        "{}",
        time.stdout
    );
}
