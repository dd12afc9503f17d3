//! The demo orders: every file loads cleanly from disk, and together they show every status and
//! each of the seven rejections of Microsoft's article, with its exact words.

use portwiz::domain::Status;
use portwiz::store::Store;
use std::collections::BTreeSet;

/// The seven rejection texts of the seed article, verbatim.
const SEED_REJECTIONS: [&str; 7] = [
    "The account number provided doesn't match the record of your current service provider. Please contact your current provider and check your current documentation, update your account number, and then resubmit your order.",
    "The provided authorized user doesn't match the current carrier's authorized user on file. Please contact your current provider and check your current documentation, update the authorized user, and then resubmit your order.",
    "The provided organization name doesn't match the organization name that the current carrier has on file. Please contact your current provider and check your current documentation, update the organization name, and then resubmit your order.",
    "The provided PIN is missing or incorrect. Please contact your current provider and check your current documentation, update the PIN, and then resubmit your order.",
    "The provided zip code or service address doesn't match what your current carrier has on file. Please contact your current provider and check your current documentation, update the service address, and then resubmit your order.",
    "Your Letter of Authorization (LOA) is missing. Please upload the correct LOA associated with this order and resubmit your order.",
    "There's a freeze on your porting phone numbers. A freeze is a feature offered by your current carrier to ensure telephone numbers aren't inadvertently ported. Please contact your current provider to unblock the freeze and then resubmit your order.",
];

fn private_temp_dir() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap_or_else(|e| panic!("temp dir: {e}"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700));
    }
    dir
}

#[test]
fn every_demo_file_loads_from_disk_without_notices() {
    let dir = private_temp_dir();
    let orders = dir.path().join("orders");
    for (name, json) in portwiz::demo::DEMO_FILES {
        let (store, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        drop(store);
        std::fs::write(orders.join(name), json).unwrap_or_else(|e| panic!("{e}"));
    }
    #[cfg(unix)]
    for entry in std::fs::read_dir(&orders).into_iter().flatten().flatten() {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o600));
    }
    let (store, notices) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(store.len(), portwiz::demo::DEMO_FILES.len());
    assert!(store.len() >= 10);
}

#[test]
fn the_demo_covers_every_status_and_the_seven_rejections() {
    let orders = crate::support::demo_orders();
    let statuses: BTreeSet<Status> = orders.iter().map(|o| o.status).collect();
    assert_eq!(statuses.len(), Status::ALL.len(), "{statuses:?}");
    let texts: BTreeSet<&str> = orders
        .iter()
        .flat_map(|o| o.rejections.iter().map(|r| r.text.as_str()))
        .collect();
    for seed in SEED_REJECTIONS {
        assert!(texts.contains(seed), "no demo order has: {seed}");
    }
    for order in &orders {
        assert!(!order.history.is_empty(), "{}", order.id);
        for rejection in &order.rejections {
            assert!(!rejection.action.is_empty(), "{}", order.id);
        }
        if order.status == Status::CustomerActionRequired {
            assert!(order.last_rejection().is_some(), "{}", order.id);
        }
        if order.status == Status::FocConfirmed {
            assert!(order.foc.is_some(), "{}", order.id);
        }
        if order.status == Status::SupportEngaged {
            assert!(
                order.support.is_some() && order.ticket.is_some(),
                "{}",
                order.id
            );
        }
    }
    let countries: BTreeSet<&str> = orders.iter().map(|o| o.fields.country.as_str()).collect();
    let types: BTreeSet<&str> = orders
        .iter()
        .map(|o| o.fields.number_type.as_str())
        .collect();
    assert_eq!(countries, BTreeSet::from(["CA", "DE", "FR", "GB", "US"]));
    assert_eq!(types, BTreeSet::from(["geographic", "mobile", "toll_free"]));
}

/// Issue 25: a UK, a French and a German order, the French one rejected in the carrier's words
/// naming the RIO, recorded through the normal reject path (the field is marked to fix).
#[test]
fn the_demo_has_all_regions_orders_and_a_french_rio_rejection() {
    use portwiz::domain::FieldKey;
    use portwiz::domain::countries::Route;
    let orders = crate::support::demo_orders();
    for country in ["GB", "FR", "DE"] {
        let order = orders
            .iter()
            .find(|o| o.fields.country == country)
            .unwrap_or_else(|| panic!("no {country} order"));
        assert_eq!(order.fields.route(), Route::AllRegions, "{country}");
        assert!(
            order.fields.number_usage.len() == order.fields.numbers.len(),
            "{country}: each number's usage"
        );
    }
    let french = orders
        .iter()
        .find(|o| o.fields.country == "FR" && o.status == Status::CustomerActionRequired)
        .unwrap_or_else(|| panic!("no rejected French order"));
    let rejection = french
        .last_rejection()
        .unwrap_or_else(|| panic!("no rejection"));
    assert!(
        rejection.text.contains("RIO incorrect"),
        "{}",
        rejection.text
    );
    assert_eq!(rejection.fields, vec![FieldKey::IdRio]);
    // As the classifier reads the words today, so the demo stays what `reject` records.
    let catalog = portwiz::domain::classifier::Catalog::builtin();
    let fresh = portwiz::domain::classifier::classify(&rejection.text, &catalog);
    assert_eq!(fresh.fields, vec![FieldKey::IdRio]);
}

#[test]
fn install_writes_the_demo_into_a_store_and_again_under_new_ids() {
    let dir = private_temp_dir();
    let (mut store, _) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let (first, problems) = portwiz::demo::install(
        &mut store,
        portwiz::domain::Clock::fixed(portwiz::demo::DEMO_DAY),
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(first.len(), portwiz::demo::DEMO_FILES.len());
    let (second, problems) = portwiz::demo::install(
        &mut store,
        portwiz::domain::Clock::fixed(portwiz::demo::DEMO_DAY),
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.len(), first.len() * 2);
    assert!(second.iter().all(|o| !o.id.starts_with("PO-DEMO")));
    let (_, notices) = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(notices.is_empty(), "{notices:?}");
}

/// Installed on any day, the demo keeps its story ("rejected 2 days ago") and every order the
/// user may resubmit has a port date the rules allow that day.
#[test]
fn the_demo_installed_on_another_day_is_moved_to_that_day() {
    use portwiz::domain::{Clock, Status};
    for today in [
        jiff::civil::date(2026, 11, 26),
        jiff::civil::date(2027, 3, 6),
        jiff::civil::date(2027, 12, 24),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = portwiz::store::Store::open(dir.path()).unwrap();
        let (installed, problems) = portwiz::demo::install(&mut store, Clock::fixed(today));
        assert!(problems.is_empty(), "{problems:?}");
        for order in &installed {
            if order.status.is_editable() {
                let country = order.fields.country.parse().unwrap();
                let check = portwiz::domain::rules::check_port_date(
                    &order.fields.port_date,
                    today,
                    country,
                    order.fields.numbers.len(),
                );
                assert!(
                    order.fields.port_date.is_empty() || check.is_ok(),
                    "{} on {today}: {check:?}",
                    order.id
                );
            }
            let newest = order.history.iter().map(|h| h.at).max().unwrap();
            let age_days = (Clock::fixed(today).now.as_second() - newest.as_second()) / 86_400;
            assert!(
                (0..30).contains(&age_days),
                "{} last changed {age_days} days before {today}",
                order.id
            );
        }
        assert!(
            installed
                .iter()
                .any(|o| o.status == Status::CustomerActionRequired)
        );
    }
}
