use super::*;
use jiff::civil::date;
use proptest::prelude::*;

#[test]
fn business_days_skip_weekends_and_holidays() {
    assert!(!is_business_day(date(2026, 11, 26))); // Thanksgiving
    assert!(is_business_day(date(2026, 11, 27)));
    assert!(!is_business_day(date(2026, 11, 28))); // Saturday
    assert!(!is_business_day(date(2026, 11, 29))); // Sunday
    assert!(!is_business_day(date(2026, 12, 25))); // Christmas, a Friday
    assert!(!is_business_day(date(2027, 12, 24))); // Christmas 2027 observed
}

#[test]
fn add_business_days_counts_only_business_days() {
    assert_eq!(add_business_days(date(2026, 11, 25), 1), date(2026, 11, 27));
    assert_eq!(add_business_days(date(2026, 12, 24), 1), date(2026, 12, 28));
    assert_eq!(add_business_days(date(2026, 11, 27), 5), date(2026, 12, 4));
    // n == 0 rolls a non-business day forward and keeps a business day.
    assert_eq!(add_business_days(date(2026, 11, 28), 0), date(2026, 11, 30));
    assert_eq!(add_business_days(date(2026, 11, 27), 0), date(2026, 11, 27));
    // Saturates instead of panicking at the end of the calendar.
    assert_eq!(
        add_business_days(date(9999, 12, 30), 10),
        date(9999, 12, 31)
    );
}

#[test]
fn us_window_is_5_business_days_to_30_calendar_days() {
    let w = port_date_window(date(2026, 11, 27), Country::Us, 10);
    assert_eq!(w.earliest, date(2026, 12, 4));
    // 2026-12-27 is a Sunday, 26 a Saturday, 25 Christmas: step back to Thursday 24.
    assert_eq!(w.latest, date(2026, 12, 24));
    assert!(w.contains(date(2026, 12, 10)));
    assert!(!w.contains(date(2026, 12, 3)));
}

#[test]
fn canada_needs_10_business_days() {
    let w = port_date_window(date(2026, 11, 27), Country::Ca, 10);
    assert_eq!(w.earliest, date(2026, 12, 11));
    let err = check_port_date("2026-12-04", date(2026, 11, 27), Country::Ca, 10).unwrap_err();
    assert_eq!(
        err.message(),
        "2026-12-04 is too soon: ports in Canada need at least 10 business days' notice. \
         The earliest allowed date is 2026-12-11."
    );
    assert_eq!(
        check_port_date("2026-12-11", date(2026, 11, 27), Country::Ca, 10),
        Ok(date(2026, 12, 11))
    );
}

#[test]
fn over_200_numbers_need_5_more_business_days() {
    assert_eq!(min_business_days(Country::Us, 200), 5);
    assert_eq!(min_business_days(Country::Us, 201), 10);
    assert_eq!(min_business_days(Country::Ca, 201), 15);
    let today = date(2026, 11, 27);
    assert_eq!(
        port_date_window(today, Country::Us, 201).earliest,
        date(2026, 12, 11)
    );
    assert_eq!(
        port_date_window(today, Country::Ca, 500).earliest,
        date(2026, 12, 18)
    );
    let err = check_port_date("2026-12-04", today, Country::Us, 250).unwrap_err();
    assert!(
        err.message()
            .contains("10 business days' notice for over 200 numbers"),
        "{err}"
    );
}

#[test]
fn weekend_date_is_refused_with_the_earliest_date() {
    let err = check_port_date("2026-11-28", date(2026, 11, 27), Country::Us, 3).unwrap_err();
    assert_eq!(
        err.message(),
        "2026-11-28 is a Saturday; carriers port on business days only. \
         The earliest allowed date is 2026-12-04."
    );
    // Inside the window, a weekend suggests the next business day.
    let err = check_port_date("2026-12-06", date(2026, 11, 27), Country::Us, 3).unwrap_err();
    assert_eq!(
        err.message(),
        "2026-12-06 is a Sunday; carriers port on business days only. \
         The next business day is 2026-12-07."
    );
}

#[test]
fn holidays_are_refused_by_name() {
    let err = check_port_date("2026-11-26", date(2026, 11, 2), Country::Us, 3).unwrap_err();
    assert_eq!(
        err.message(),
        "2026-11-26 is Thanksgiving Day, a US federal holiday; carriers don't port on holidays. \
         The next business day is 2026-11-27."
    );
    let err = check_port_date("2026-12-25", date(2026, 12, 1), Country::Us, 3).unwrap_err();
    assert!(
        err.message()
            .contains("is Christmas Day, a US federal holiday")
    );
    assert!(
        err.message()
            .contains("The next business day is 2026-12-28.")
    );
    let err = check_port_date("2027-12-24", date(2027, 12, 1), Country::Ca, 3).unwrap_err();
    assert!(err.message().contains("Christmas Day (observed)"), "{err}");
}

#[test]
fn holiday_whose_next_business_day_is_past_the_window_suggests_the_latest() {
    // Today 2026-11-25: latest is 12-24 (12-25 is a holiday); 12-25 itself is past the window.
    let err = check_port_date("2026-12-25", date(2026, 11, 25), Country::Us, 3).unwrap_err();
    assert!(
        err.message()
            .contains("The latest allowed date is 2026-12-24."),
        "{err}"
    );
}

#[test]
fn date_31_days_out_is_too_late() {
    let today = date(2026, 3, 2);
    let err = check_port_date("2026-04-02", today, Country::Us, 3).unwrap_err();
    assert_eq!(
        err.message(),
        "2026-04-02 is more than 30 days ahead; carriers accept dates up to 30 calendar days \
         out. The latest allowed date is 2026-04-01."
    );
    assert_eq!(
        check_port_date("2026-04-01", today, Country::Us, 3),
        Ok(date(2026, 4, 1))
    );
}

#[test]
fn too_soon_names_the_earliest_date() {
    let err = check_port_date("2026-03-05", date(2026, 3, 2), Country::Us, 3).unwrap_err();
    assert_eq!(
        err.message(),
        "2026-03-05 is too soon: ports in the United States need at least 5 business days' \
         notice. The earliest allowed date is 2026-03-09."
    );
    // Today itself is too soon, not "in the past".
    let err = check_port_date("2026-03-02", date(2026, 3, 2), Country::Us, 3).unwrap_err();
    assert!(err.message().contains("too soon"), "{err}");
}

#[test]
fn past_date_is_refused() {
    let err = check_port_date("2026-03-01", date(2026, 3, 2), Country::Us, 3).unwrap_err();
    assert_eq!(
        err.message(),
        "2026-03-01 is in the past. The earliest allowed date is 2026-03-09."
    );
}

#[test]
fn accepted_formats() {
    let today = date(2026, 3, 2);
    assert_eq!(
        check_port_date(" 2026-03-10 ", today, Country::Us, 1),
        Ok(date(2026, 3, 10))
    );
    assert_eq!(
        check_port_date("2026-3-10", today, Country::Us, 1),
        Ok(date(2026, 3, 10))
    );
    assert_eq!(
        check_port_date("03/10/2026", today, Country::Us, 1),
        Ok(date(2026, 3, 10))
    );
}

#[test]
fn unreadable_dates_explain_the_format() {
    let today = date(2026, 3, 2);
    for text in [
        "next friday",
        "2026-13-01",
        "2026-02-30",
        "20/03/2026",
        "10.03.2026",
        "",
        "26-03-10",
    ] {
        let err = check_port_date(text, today, Country::Us, 1).unwrap_err();
        assert!(
            err.message()
                .contains("write the date as YYYY-MM-DD (for example 2026-03-09)"),
            "{text}: {err}"
        );
    }
}

#[test]
fn today_is_counted_in_us_eastern() {
    let now: jiff::Timestamp = "2026-11-27T03:00:00Z".parse().unwrap();
    assert_eq!(today_in_eastern(now), date(2026, 11, 26));
    let now: jiff::Timestamp = "2026-07-01T04:30:00Z".parse().unwrap(); // EDT, UTC-4
    assert_eq!(today_in_eastern(now), date(2026, 7, 1));
}

#[test]
fn the_tz_database_is_bundled_so_eastern_works_without_a_system_tzdb() {
    let bundled = jiff::tz::TimeZoneDatabase::bundled();
    assert!(bundled.get(EASTERN).is_ok());
    assert_eq!(eastern().iana_name(), Some(EASTERN));
}

proptest! {
    #[test]
    fn add_business_days_lands_on_a_business_day(
        year in 1900i16..2200, month in 1i8..=12, day in 1i8..=28, n in 0u32..40
    ) {
        let start = date(year, month, day);
        let end = add_business_days(start, n);
        prop_assert!(is_business_day(end));
        prop_assert!(end >= start);
        if n > 0 {
            prop_assert!(end > start);
        }
        if n > 1 {
            // Each extra business day moves the result strictly forward.
            prop_assert!(add_business_days(start, n - 1) < end);
        }
    }

    #[test]
    fn check_port_date_never_panics(text in "\\PC{0,20}", y in 1i16..9999) {
        let _ = check_port_date(&text, date(y, 1, 1), Country::Us, 5);
    }
}
