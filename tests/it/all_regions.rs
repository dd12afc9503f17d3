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
