use super::*;
use proptest::prelude::*;

fn us(text: &str) -> NumbersReport {
    parse_numbers(text, Country::Us, Some(NumberType::Geographic))
}

fn states(report: &NumbersReport) -> Vec<&NumberState> {
    report.entries.iter().map(|e| &e.state).collect()
}

#[test]
fn formatting_variants_are_one_valid_number_each() {
    for text in [
        "4255550100",
        "14255550100",
        "+14255550100",
        "(425) 555-0100",
        "425.555.0100",
        "425-555-0100",
        "+1 425 555 0100",
        "+1 (425) 555-0100",
        "1-425-555-0100",
        "  425 555 0100  ",
    ] {
        let report = us(text);
        assert_eq!(report.entries.len(), 1, "{text}: {report:?}");
        assert_eq!(report.entries[0].state, NumberState::Valid, "{text}");
        assert_eq!(report.unique_valid, ["+14255550100"], "{text}");
        assert_eq!(report.entries[0].raw, text.trim());
    }
}

#[test]
fn every_separator_works() {
    let report = us("4255550100, 4255550101;4255550102\n(425) 555-0103 +1 425 555 0104\r\n");
    assert_eq!(
        report.unique_valid,
        [
            "+14255550100",
            "+14255550101",
            "+14255550102",
            "+14255550103",
            "+14255550104"
        ]
    );
    assert_eq!(report.problem_count(), 0);
    assert_eq!(report.to_result().unwrap().len(), 5);
}

#[test]
fn duplicates_are_found_after_normalisation() {
    let report = us("4255550100, (425) 555-0100, +1 425 555 0101, 14255550100");
    assert_eq!(
        states(&report),
        [
            &NumberState::Valid,
            &NumberState::Duplicate { first: 0 },
            &NumberState::Valid,
            &NumberState::Duplicate { first: 0 },
        ]
    );
    assert_eq!(report.unique_valid, ["+14255550100", "+14255550101"]);
    assert_eq!(report.counts().duplicate, 2);
    assert_eq!(
        report.entries[1].message().unwrap(),
        "(425) 555-0100 is listed twice (as +14255550100); remove the repeat."
    );
}

#[test]
fn ranges_are_refused_with_each_number_listed() {
    let spaced = us("+1 425 555 0100 to +1 425 555 0199");
    assert_eq!(spaced.entries.len(), 1);
    assert!(
        matches!(&spaced.entries[0].state, NumberState::Range { numbers } if numbers.len() == 100)
    );
    let report = us("4255550100-4255550102, 4255550100-0199");
    let NumberState::Range { numbers } = &report.entries[0].state else {
        panic!("{report:?}");
    };
    assert_eq!(numbers, &["+14255550100", "+14255550101", "+14255550102"]);
    let message = report.entries[0].message().unwrap();
    assert!(message.contains("ranges aren't supported"), "{message}");
    assert!(
        message.contains("+14255550100, +14255550101, +14255550102"),
        "{message}"
    );
    let NumberState::Range { numbers } = &report.entries[1].state else {
        panic!("{report:?}");
    };
    assert_eq!(numbers.len(), 100);
    assert!(report.unique_valid.is_empty());
    assert!(report.to_result().is_err());
}

#[test]
fn wrong_country_numbers() {
    // A UK number in a US order.
    let report = us("+44 20 7946 0958");
    assert_eq!(report.entries.len(), 1);
    assert_eq!(
        report.entries[0].state,
        NumberState::WrongCountry {
            region: "GB".into(),
            expected: Country::Us
        }
    );
    assert_eq!(report.entries[0].e164.as_deref(), Some("+442079460958"));
    assert_eq!(
        report.entries[0].message().unwrap(),
        "+44 20 7946 0958 is a number from another country (GB); this order is for numbers in \
         the United States. Each country needs its own order."
    );
    // A Toronto number in a US order, and a Seattle number in a Canadian order.
    let report = us("416 555 0100");
    assert!(
        report.entries[0]
            .message()
            .unwrap()
            .contains("is a Canadian number")
    );
    let report = parse_numbers("4255550100", Country::Ca, Some(NumberType::Geographic));
    assert_eq!(
        report.entries[0].state,
        NumberState::WrongCountry {
            region: "US".into(),
            expected: Country::Ca
        }
    );
    assert!(
        report.entries[0]
            .message()
            .unwrap()
            .contains("numbers in Canada")
    );
    // Canadian numbers are right in a Canadian order; Puerto Rico numbers in a US order.
    let report = parse_numbers("+1 416 555 0100", Country::Ca, Some(NumberType::Geographic));
    assert_eq!(report.unique_valid, ["+14165550100"]);
    assert_eq!(us("787 555 0100").unique_valid, ["+17875550100"]);
}

#[test]
fn toll_free_must_match_the_order_type() {
    let report = us("800-555-0100, 888 555 0100");
    assert_eq!(report.counts().wrong_type, 2);
    assert_eq!(
        report.entries[0].message().unwrap(),
        "800-555-0100 is a toll-free number; this order is for geographic numbers. Toll-free \
         numbers go in their own toll-free order."
    );
    let mobile = parse_numbers("8335550100", Country::Us, Some(NumberType::Mobile));
    assert_eq!(
        mobile.entries[0].state,
        NumberState::WrongType {
            expected: NumberType::Mobile
        }
    );

    let toll_free = parse_numbers(
        "8005550100, 4255550100",
        Country::Us,
        Some(NumberType::TollFree),
    );
    assert_eq!(toll_free.entries[0].state, NumberState::Valid);
    assert_eq!(
        toll_free.entries[1].state,
        NumberState::WrongType {
            expected: NumberType::TollFree
        }
    );
    assert!(
        toll_free.entries[1]
            .message()
            .unwrap()
            .contains("800, 833, 844, 855, 866, 877, 888")
    );
    // Toll-free numbers are North American, not US-only: fine in a Canadian toll-free order.
    let ca = parse_numbers("8775550100", Country::Ca, Some(NumberType::TollFree));
    assert_eq!(ca.unique_valid, ["+18775550100"]);
    // Without a chosen type, no type check.
    assert_eq!(
        parse_numbers("8005550100", Country::Us, None)
            .unique_valid
            .len(),
        1
    );
}

#[test]
fn things_that_are_not_numbers() {
    let report = us("425555O100; 425 555 010; 4255550100x123; 0005550100; 425#5550100; hello");
    let reasons: Vec<_> = report
        .entries
        .iter()
        .map(|e| match &e.state {
            NumberState::NotANumber { reason } => reason.clone(),
            other => panic!("{}: {other:?}", e.raw),
        })
        .collect();
    assert_eq!(
        reasons,
        [
            NotANumberReason::Letters,
            NotANumberReason::DigitCount(9),
            NotANumberReason::Extension,
            NotANumberReason::Invalid,
            NotANumberReason::BadCharacter('#'),
            NotANumberReason::Letters,
        ]
    );
    assert_eq!(
        report.entries[1].message().unwrap(),
        "425 555 010 has 9 digits; a North American number has 10 digits, or +1 and 10 digits \
         (e.g. 425 555 0100 or +14255550100)."
    );
    assert!(
        report.entries[3]
            .message()
            .unwrap()
            .contains("no such area code")
    );
    assert_eq!(report.counts().not_a_number, 6);
}

#[test]
fn extension_on_its_own_token_is_reported() {
    let report = us("4255550100 ext 12");
    assert_eq!(report.entries[0].state, NumberState::Valid);
    assert!(matches!(
        report.entries[1].state,
        NumberState::NotANumber { .. }
    ));
}

#[test]
fn empty_input_asks_for_a_number() {
    let err = us("  ,; \n").to_result().unwrap_err();
    assert!(
        err.message().starts_with("Enter at least one phone number"),
        "{err}"
    );
}

#[test]
fn to_result_reports_the_first_problem_and_the_count() {
    let err = us("4255550100, 12, 800 555 0100").to_result().unwrap_err();
    assert!(err.message().starts_with("12 has 2 digits"), "{err}");
    assert!(
        err.message().ends_with("(1 more entries need fixing.)"),
        "{err}"
    );
}

#[test]
fn an_order_keeps_up_to_10000_numbers_and_refuses_more() {
    // Over 999 the order is a Service Center case (`service_center`), up to 10,000.
    let numbers = |n: u64| {
        (0..n)
            .map(|i| format!("+1425{:07}", 2_000_000 + i))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let ok = us(&numbers(1_000));
    assert_eq!(ok.to_result().map(|v| v.len()), Ok(1_000));
    let err = us(&numbers(10_001)).to_result().unwrap_err();
    assert_eq!(
        err.message(),
        "This order has 10,001 numbers; one order (a Service Center case) takes at most 10,000. \
         Split them into several orders (portwiz split FILE.csv does it by the sheet)."
    );
    assert!(check_number_count(10_000).is_ok());
    assert!(check_number_count(10_001).is_err());
}

/// The entries as `split::candidates` cuts each piece, without the short cut for a piece that
/// holds no space (what `entries` did before it had one).
fn entries_by_candidates(text: &str, country: Country) -> Vec<&str> {
    let nanp = matches!(country, Country::Us | Country::Ca | Country::Pr);
    let is_valid = |s: &str| classify::is_valid_in(s, country);
    text.split([',', ';', '\n', '\r'])
        .flat_map(|chunk| {
            let pieces = split::candidates(chunk, nanp, &is_valid);
            if pieces.len() > 1 && pieces.iter().all(|p| split::digit_count(p) == 0) {
                vec![chunk.trim()]
            } else {
                pieces
            }
        })
        .collect()
}

/// A verdict given from the remembered table is the one worked out afresh: the same text
/// parsed again, in another order, by one parser for many texts, or after other countries' and
/// types' verdicts, gives the same report.
#[test]
fn remembered_verdicts_are_the_verdicts() {
    let text = "+1 425 555 0100\n4255550101, (425) 555-0100; +44 20 7946 0958\nhello\n\
                4255550100-4255550109\n555\n8005550100\n+33 1 23 45 67 89";
    let fresh = us(text);
    assert_eq!(us(text), fresh);
    for (country, number_type) in [
        (Country::Ca, Some(NumberType::TollFree)),
        (Country::Us, None),
        (Country::Us, Some(NumberType::TollFree)),
    ] {
        assert_eq!(
            parse_numbers(text, country, number_type),
            parse_numbers(text, country, number_type)
        );
    }
    assert_eq!(us(text), fresh);
    let lines: Vec<&str> = text.lines().rev().collect();
    let mut parser = NumberParser::new(Country::Us, Some(NumberType::Geographic));
    for line in lines {
        assert_eq!(parser.parse(line), us(line), "{line}");
    }
    assert_eq!(us(text), fresh);
}

/// A long text's shared report is its parse, for its own country and type only.
#[test]
fn a_shared_parse_is_the_parse() {
    let lines: Vec<String> = (0..600)
        .map(|i| format!("+1206{:07}", 2_000_000 + i % 500))
        .chain(["8005550100".to_string(), "hello".to_string()])
        .collect();
    let text = lines.join("\n");
    for _ in 0..2 {
        for (country, number_type) in [
            (Country::Us, Some(NumberType::Geographic)),
            (Country::Us, Some(NumberType::TollFree)),
            (Country::Ca, None),
        ] {
            let shared = parse_numbers_shared(&text, country, number_type);
            assert_eq!(*shared, parse_numbers(&text, country, number_type));
        }
    }
    let mut edited = text.clone();
    edited.push('5');
    assert_eq!(
        *parse_numbers_shared(&edited, Country::Us, None),
        parse_numbers(&edited, Country::Us, None)
    );
}

proptest! {
    #[test]
    fn a_piece_without_spaces_is_one_entry_as_candidates_would_cut_it(
        text in "[0-9+()\\-. ,;\n\r–a-z]{0,60}"
    ) {
        let gb: Country = "GB".parse().unwrap_or(Country::Ca);
        for country in [Country::Us, gb] {
            prop_assert_eq!(entries(&text, country), entries_by_candidates(&text, country));
        }
    }

    #[test]
    fn parse_numbers_never_panics(text in "\\PC{0,80}") {
        let report = parse_numbers(&text, Country::Us, Some(NumberType::Geographic));
        prop_assert!(report.unique_valid.len() <= report.entries.len());
    }

    #[test]
    fn parse_numbers_never_panics_on_number_like_text(text in "[0-9+()\\-. ,;\n–a-z]{0,60}") {
        let report = parse_numbers(&text, Country::Ca, Some(NumberType::TollFree));
        for e in &report.entries {
            prop_assert_eq!(e.is_valid(), e.message().is_none());
        }
    }
}

/// Issue 25, per country: its example fixed-line number (phonenumber's metadata) is valid in an
/// order of that country, a number of another country is the wrong country, UIFN (+800) and the
/// country's own ranges that cannot be ported are refused with their source.
#[test]
fn every_country_valid_wrong_country_and_not_portable() {
    for rules in &crate::domain::countries::rulebook().countries {
        let country: Country = rules.code.parse().unwrap_or(Country::Us);
        assert_eq!(country.as_str(), rules.code);
        let meta = phonenumber::metadata::DATABASE.by_id(rules.code.as_str());
        let example = meta
            .and_then(|m| m.descriptors().fixed_line())
            .and_then(|d| d.example())
            .unwrap_or_else(|| panic!("{}: no example number", rules.code));
        let code = meta.map_or(0, |m| m.country_code());
        let own = format!("+{code}{example}");
        let state = |text: &str| {
            parse_numbers(text, country, Some(NumberType::Geographic)).entries[0]
                .state
                .clone()
        };
        assert_eq!(state(&own), NumberState::Valid, "{}: {own}", rules.code);
        let other = if code == 44 {
            "+33140000000"
        } else {
            "+442079460000"
        };
        assert!(
            matches!(state(other), NumberState::WrongCountry { .. }),
            "{}: {other}",
            rules.code
        );
        assert!(
            matches!(state("+80012345678"), NumberState::NotPortable { .. }),
            "{}: UIFN",
            rules.code
        );
        // Mobiles port only where Microsoft says so (the US, Puerto Rico, Canada); where mobile
        // and fixed lines share ranges (Mexico) the metadata cannot tell, and none is refused.
        let tells_mobiles = |number: &String| {
            phonenumber::parse(None, number).is_ok_and(|n| {
                n.number_type(&phonenumber::metadata::DATABASE) == phonenumber::Type::Mobile
            })
        };
        let mobile = meta
            .and_then(|m| m.descriptors().mobile())
            .and_then(|d| d.example())
            .map(|m| format!("+{code}{m}"));
        let refused = rules.takes_number_type("mobile").is_none();
        if let Some(mobile) = mobile.filter(|m| refused && tells_mobiles(m)) {
            assert!(
                matches!(state(&mobile), NumberState::NotPortable { .. }),
                "{}: {mobile}",
                rules.code
            );
        }
        for range in &rules.not_portable {
            let number = format!("{}1234567", range.prefix);
            assert!(
                matches!(state(&number), NumberState::NotPortable { ref source, .. } if *source == range.source),
                "{}: {number}",
                rules.code
            );
        }
    }
}
