//! Puerto Rico, which the number type's hint names, is a country or region of its own in an
//! order, with the US's rules (business days, holidays, port times) and its own numbers (787,
//! 939), its one region code (PR) and its ZIP codes.

use super::choices::NumberType;
use super::country::Country;
use super::numbers::{NumberState, parse_numbers};
use super::port_time::{PortTimeRule, port_time_rule};
use super::{check_postal_code, check_region};
use crate::domain::registry::COUNTRIES;

#[test]
fn puerto_rico_is_a_choice_of_country_or_region() {
    for spelling in ["PR", "pr", "Puerto Rico", "puerto rico"] {
        assert_eq!(spelling.parse::<Country>(), Ok(Country::Pr), "{spelling}");
    }
    assert_eq!(COUNTRIES.label_of("PR"), Some("Puerto Rico"));
    assert_eq!(Country::Pr.in_sentence(), "Puerto Rico");
}

#[test]
fn a_puerto_rico_order_takes_its_numbers_and_follows_the_us_rules() {
    let report = parse_numbers("787 555 1234, 939-555-1234", Country::Pr, None);
    assert_eq!(report.unique_valid.len(), 2, "{:?}", report.entries);
    let seattle = parse_numbers("206 555 1234", Country::Pr, None);
    assert!(matches!(
        seattle.entries[0].state,
        NumberState::WrongCountry { .. }
    ));
    assert!(matches!(
        port_time_rule(Country::Pr, NumberType::Mobile),
        PortTimeRule::Window { .. }
    ));
    assert_eq!(
        super::port_date::min_business_days(Country::Pr, 10),
        super::port_date::min_business_days(Country::Us, 10)
    );
    assert_eq!(check_region("Puerto Rico", Country::Pr), Ok("PR".into()));
    assert!(check_region("WA", Country::Pr).is_err());
    assert_eq!(check_postal_code("00901", Country::Pr), Ok("00901".into()));
}
