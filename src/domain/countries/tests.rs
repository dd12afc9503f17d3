use super::*;
use crate::domain::rules::identifiers::{abn_ok, luhn_ok};
use jiff::civil::date;

fn country(code: &str) -> &'static CountryRules {
    rulebook()
        .get(code)
        .unwrap_or_else(|| panic!("{code} is in the rulebook"))
}

fn check_id(code: &str, name: &str, value: &str) -> Result<String, String> {
    country(code)
        .identifier(name)
        .unwrap_or_else(|| panic!("{code} asks {name}"))
        .check(value)
        .map_err(|e| e.to_string())
}

#[test]
fn the_rulebook_parses_with_every_calling_plans_country_once() {
    let book = rulebook();
    assert_eq!(book.format, 1);
    let mut codes: Vec<&str> = book.countries.iter().map(|c| c.code.as_str()).collect();
    codes.sort_unstable();
    let before = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), before, "a country twice");
    // domain.md §7: 34 countries and regions, the US and Puerto Rico as one (two codes here).
    assert_eq!(codes.len(), 35);
    for code in [
        "AU", "AT", "BE", "CA", "CZ", "DK", "EE", "FI", "FR", "DE", "HK", "HU", "IE", "IT", "JP",
        "LV", "LT", "LU", "MX", "NZ", "NO", "PL", "PT", "RO", "SG", "SK", "SI", "ZA", "ES", "SE",
        "CH", "NL", "GB", "US", "PR",
    ] {
        assert!(book.get(code).is_some(), "{code} missing");
    }
}

#[test]
fn every_rule_names_its_source_and_every_zone_is_known() {
    for c in &rulebook().countries {
        assert!(!c.route.source.is_empty(), "{}", c.code);
        assert!(!c.lead_time.source.is_empty(), "{}", c.code);
        assert!(!c.holidays.source.is_empty(), "{}", c.code);
        assert!(!c.loa.source.is_empty(), "{}", c.code);
        assert!(
            c.number_types.iter().all(|t| !t.source.is_empty()),
            "{}",
            c.code
        );
        assert!(
            c.identifiers
                .iter()
                .all(|i| !i.source.is_empty() && !i.help.is_empty()),
            "{}",
            c.code
        );
        assert!(
            jiff::tz::TimeZone::get(&c.time_zone.value).is_ok(),
            "{}: {}",
            c.code,
            c.time_zone.value
        );
        // A country without forms says why.
        assert!(
            !c.loa.forms.is_empty() || c.loa.note.is_some(),
            "{}",
            c.code
        );
        // Every holiday rule gives a date in a year it applies to.
        for rule in &c.holidays.rules {
            assert!(
                (2025..=2030).any(|y| rule.date_in(y).is_some()),
                "{}: {}",
                c.code,
                rule.name
            );
        }
    }
}

#[test]
fn routes_follow_microsoft_and_mobiles_port_only_in_north_america() {
    for c in &rulebook().countries {
        let north_america = matches!(c.code.as_str(), "US" | "PR" | "CA");
        let expected = if north_america {
            Route::UsCanada
        } else {
            Route::AllRegions
        };
        assert_eq!(c.route.value, expected, "{}", c.code);
        assert_eq!(
            c.takes_number_type("mobile").is_some(),
            north_america,
            "{}",
            c.code
        );
        assert!(c.takes_number_type("geographic").is_some(), "{}", c.code);
    }
}

#[test]
fn countries_are_found_by_code_name_or_alias_and_others_are_not() {
    let book = rulebook();
    for (text, code) in [
        ("gb", "GB"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("United Kingdom", "GB"),
        ("france", "FR"),
        ("Deutschland", "DE"),
        ("the netherlands", "NL"),
        ("USA", "US"),
    ] {
        assert_eq!(
            book.find(text).map(|c| c.code.as_str()),
            Some(code),
            "{text}"
        );
    }
    for text in ["Brazil", "BR", "", "Croatia"] {
        assert!(book.find(text).is_none(), "{text}");
    }
    let list = book.code_list();
    assert!(list.starts_with("AT (Austria), AU (Australia)"), "{list}");
    assert!(list.contains("GB (United Kingdom)"), "{list}");
}

#[test]
fn a_code_finds_the_country_the_folded_names_would() {
    // `find` takes an exact code first: no other country's name or alias folds to a code.
    let book = rulebook();
    for country in &book.countries {
        let wanted = super::fold(&country.code);
        let by_names = book.countries.iter().find(|c| {
            super::fold(&c.code) == wanted
                || super::fold(&c.name) == wanted
                || c.aliases.iter().any(|a| super::fold(a) == wanted)
        });
        assert_eq!(by_names.map(|c| &c.code), Some(&country.code));
        assert_eq!(
            book.find(&country.code).map(|c| &c.code),
            Some(&country.code)
        );
    }
}

#[test]
fn postcodes_are_written_as_each_post_writes_them() {
    for (code, typed, written) in [
        ("GB", "sw1a2aa", "SW1A 2AA"),
        ("GB", " M1 1AE ", "M1 1AE"),
        ("GB", "ec1a 1bb", "EC1A 1BB"),
        ("FR", "75001", "75001"),
        ("DE", "10117", "10117"),
        ("NL", "1234ab", "1234 AB"),
        ("NL", "1234 AB", "1234 AB"),
        ("IE", "d02x285", "D02 X285"),
        ("PT", "1100148", "1100-148"),
        ("PL", "00950", "00-950"),
        ("JP", "1000001", "100-0001"),
        ("SE", "11152", "111 52"),
        ("LV", "1050", "LV-1050"),
        ("LV", "lv-1050", "LV-1050"),
        ("LU", "L-1648", "L-1648"),
        ("AU", "2000", "2000"),
        ("US", "98052", "98052"),
        ("CA", "k1a0b1", "K1A 0B1"),
    ] {
        assert_eq!(
            country(code).check_postcode(typed),
            Ok(written.to_string()),
            "{code} {typed}"
        );
    }
}

#[test]
fn wrong_postcodes_say_the_country_and_an_example() {
    for (code, typed) in [
        ("GB", "75001"),
        ("GB", "SW1A2A"),
        ("FR", "7500"),
        ("FR", "SW1A 2AA"),
        ("NL", "1234"),
        ("DE", "1011"),
        ("AU", "20000"),
        ("US", "sw1a 2aa"),
        ("IE", "D02"),
    ] {
        assert!(
            country(code).check_postcode(typed).is_err(),
            "{code} {typed}"
        );
    }
    let err = country("GB")
        .check_postcode("75001")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "`75001` is not a postcode of the United Kingdom; write it as its post does, like SW1A 2AA."
    );
    let hk = country("HK")
        .check_postcode("999077")
        .unwrap_err()
        .to_string();
    assert!(hk.contains("no postcode"), "{hk}");
}

#[test]
fn every_example_postcode_is_its_own_written_form() {
    for c in &rulebook().countries {
        if let Some(rule) = &c.postcode {
            assert_eq!(
                c.check_postcode(&rule.example),
                Ok(rule.example.clone()),
                "{}",
                c.code
            );
        }
    }
}

#[test]
fn uk_non_geographic_084x_087x_and_uifn_are_not_portable() {
    let book = rulebook();
    let gb = country("GB");
    for number in [
        "+448451234567",
        "+448431234567",
        "+448701234567",
        "+448721234567",
    ] {
        let range = book.not_portable(gb, number).map(|r| r.what.as_str());
        assert!(
            range.is_some_and(|w| w.contains("non-geographic")),
            "{number}"
        );
    }
    assert!(book.not_portable(gb, "+442079460000").is_none());
    assert!(
        book.not_portable(gb, "+448001234567").is_none(),
        "0800 freephone ports"
    );
    assert!(
        book.not_portable(country("FR"), "+80012345678").is_some(),
        "UIFN"
    );
}

#[test]
fn france_rio_and_siret() {
    assert_eq!(
        check_id("FR", "rio", "01 E 12345A 6BC"),
        Ok("01E12345A6BC".into())
    );
    assert_eq!(
        check_id("FR", "rio", "02p1a2b3cxyz"),
        Ok("02P1A2B3CXYZ".into())
    );
    assert!(
        check_id("FR", "rio", "01E12345A6B")
            .unwrap_err()
            .contains("12 characters")
    );
    assert!(
        check_id("FR", "rio", "01X12345A6BC")
            .unwrap_err()
            .contains("E (business) or P")
    );
    // INSEE's own SIRET (Luhn-valid) and the same with its last digit changed.
    assert_eq!(
        check_id("FR", "siret", "732 829 320 00074"),
        Ok("73282932000074".into())
    );
    assert!(
        check_id("FR", "siret", "73282932000075")
            .unwrap_err()
            .contains("Luhn")
    );
    assert!(
        check_id("FR", "siret", "7328293200007")
            .unwrap_err()
            .contains("14 digits")
    );
}

#[test]
fn italy_codice_fiscale_and_migration_code() {
    // The example of the Agenzia delle Entrate's documentation, check letter Z.
    assert_eq!(
        check_id("IT", "codice_fiscale", "rssmra85t10a562s"),
        Ok("RSSMRA85T10A562S".into())
    );
    assert!(
        check_id("IT", "codice_fiscale", "RSSMRA85T10A562T")
            .unwrap_err()
            .contains("check letter")
    );
    assert!(check_id("IT", "codice_fiscale", "RSSMRA85T10").is_err());
    assert_eq!(
        check_id("IT", "migration_code", "TIN 1234 5678 901X"),
        Ok("TIN12345678901X".into())
    );
    assert!(check_id("IT", "migration_code", "ab").is_err());
}

#[test]
fn spain_nif_nie_and_cif_check_characters() {
    assert_eq!(check_id("ES", "nif", "12345678Z"), Ok("12345678Z".into()));
    assert!(
        check_id("ES", "nif", "12345678A")
            .unwrap_err()
            .contains("check character")
    );
    assert_eq!(check_id("ES", "nif", "X1234567L"), Ok("X1234567L".into()));
    assert_eq!(check_id("ES", "nif", "B-12345674"), Ok("B12345674".into()));
    assert!(check_id("ES", "nif", "B12345675").is_err());
}

#[test]
fn australia_abn_and_port_category() {
    // The ABR's own example: 51 824 753 556.
    assert_eq!(
        check_id("AU", "abn", "51 824 753 556"),
        Ok("51824753556".into())
    );
    assert!(
        check_id("AU", "abn", "51 824 753 557")
            .unwrap_err()
            .contains("modulus 89")
    );
    assert!(abn_ok(&[5, 1, 8, 2, 4, 7, 5, 3, 5, 5, 6]));
    assert_eq!(check_id("AU", "port_category", "c"), Ok("C".into()));
    assert!(check_id("AU", "port_category", "B").is_err());
}

#[test]
fn uk_pac_and_underlying_carrier() {
    assert_eq!(check_id("GB", "pac", "abc 123456"), Ok("ABC123456".into()));
    assert!(check_id("GB", "pac", "AB1234567").is_err());
    assert_eq!(
        check_id("GB", "underlying_carrier", " BT Wholesale "),
        Ok("BT Wholesale".into())
    );
    // The PAC is asked only for mobiles, which Microsoft does not port from the UK.
    let gb = country("GB");
    let names = |t| {
        gb.identifiers_for(Some(t))
            .map(|i| i.name.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(names("geographic"), ["underlying_carrier"]);
    assert_eq!(names("mobile"), ["underlying_carrier", "pac"]);
}

#[test]
fn luhn_matches_its_textbook_example() {
    assert!(luhn_ok(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]));
    assert!(!luhn_ok(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]));
}

#[test]
fn identifiers_come_from_peers_and_say_so() {
    for c in &rulebook().countries {
        for id in &c.identifiers {
            assert_eq!(id.asked_by, AskedBy::Peers, "{} {}", c.code, id.name);
            assert!(
                id.name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '_'),
                "{}",
                id.name
            );
        }
    }
}

#[test]
fn uk_bank_holidays_with_substitute_days() {
    let gb = country("GB");
    let days: Vec<String> = gb
        .holidays(2026)
        .iter()
        .map(|h| format!("{} {}", h.date, h.display_name()))
        .collect();
    assert_eq!(
        days,
        [
            "2026-01-01 New Year's Day",
            "2026-04-03 Good Friday",
            "2026-04-06 Easter Monday",
            "2026-05-04 Early May bank holiday",
            "2026-05-25 Spring bank holiday",
            "2026-08-31 Summer bank holiday",
            "2026-12-25 Christmas Day",
            "2026-12-26 Boxing Day",
            "2026-12-28 Boxing Day (substitute day)",
        ]
    );
    // 2027: Christmas on a Saturday, Boxing Day on the Sunday: Monday 27 and Tuesday 28.
    assert_eq!(
        gb.holiday_on(date(2027, 12, 27))
            .map(|h| h.display_name())
            .as_deref(),
        Some("Christmas Day (substitute day)")
    );
    assert_eq!(
        gb.holiday_on(date(2027, 12, 28))
            .map(|h| h.display_name())
            .as_deref(),
        Some("Boxing Day (substitute day)")
    );
    assert!(!gb.is_business_day(date(2026, 8, 31)));
    assert!(gb.is_business_day(date(2026, 9, 1)));
}

#[test]
fn french_german_and_dutch_holidays() {
    let fr = country("FR");
    for (d, name) in [
        (date(2026, 5, 14), "Ascension Day"),
        (date(2026, 5, 25), "Whit Monday"),
        (date(2026, 7, 14), "Bastille Day"),
        (date(2026, 5, 8), "Victory in Europe Day"),
    ] {
        assert_eq!(
            fr.holiday_on(d).map(|h| h.name).as_deref(),
            Some(name),
            "{d}"
        );
    }
    assert!(
        fr.holiday_on(date(2026, 4, 3)).is_none(),
        "Good Friday is not a holiday in France"
    );
    let de = country("DE");
    assert_eq!(
        de.holiday_on(date(2026, 10, 3)).map(|h| h.name).as_deref(),
        Some("German Unity Day")
    );
    assert!(
        de.holidays
            .note
            .as_deref()
            .is_some_and(|n| n.contains("Land"))
    );
    assert_eq!(
        country("NL")
            .holiday_on(date(2026, 4, 27))
            .map(|h| h.name)
            .as_deref(),
        Some("King's Day")
    );
}

#[test]
fn easter_and_the_odd_rules() {
    assert_eq!(holidays::easter_sunday(2026), Some(date(2026, 4, 5)));
    assert_eq!(holidays::easter_sunday(2027), Some(date(2027, 3, 28)));
    assert_eq!(holidays::easter_sunday(2000), Some(date(2000, 4, 23)));
    // Midsummer Eve: the Friday between 19 and 25 June.
    assert_eq!(
        country("SE")
            .holiday_on(date(2026, 6, 19))
            .map(|h| h.name)
            .as_deref(),
        Some("Midsummer Eve")
    );
    // Japan's 2026 equinoxes: 20 March and 23 September.
    let jp = country("JP");
    assert!(jp.holiday_on(date(2026, 3, 20)).is_some());
    assert!(jp.holiday_on(date(2026, 9, 23)).is_some());
    // New Zealand's Matariki is proclaimed per year.
    assert_eq!(
        country("NZ")
            .holiday_on(date(2026, 7, 10))
            .map(|h| h.name)
            .as_deref(),
        Some("Matariki")
    );
    // South Africa: a Sunday holiday moves to the Monday (Freedom Day 2025 was a Sunday).
    assert!(
        country("ZA")
            .holiday_on(date(2025, 4, 28))
            .is_some_and(|h| h.substitute)
    );
    // Poland keeps Christmas Eve from 2025 only.
    assert!(country("PL").holiday_on(date(2024, 12, 24)).is_none());
    assert!(country("PL").holiday_on(date(2025, 12, 24)).is_some());
    // The US, Puerto Rico and Canada use the federal holidays.
    assert_eq!(
        country("US")
            .holiday_on(date(2026, 7, 3))
            .map(|h| h.display_name())
            .as_deref(),
        Some("Independence Day (observed)")
    );
}

#[test]
fn holiday_tables_that_are_incomplete_say_so() {
    for code in ["HK", "SG", "RO", "DE", "ES", "AU", "GB"] {
        assert!(country(code).holidays.note.is_some(), "{code}");
    }
}

#[test]
fn sources_that_disagree_are_said_in_the_data() {
    for code in ["AU", "JP"] {
        let c = country(code);
        assert!(
            c.notes.iter().any(|n| n.text.contains("disagree")),
            "{code}"
        );
        assert!(c.loa.note.is_some(), "{code}");
    }
    assert!(
        country("FR")
            .loa
            .note
            .as_deref()
            .is_some_and(|n| n.contains("v.5.0"))
    );
}

#[test]
fn lead_times_are_microsofts_where_stated_and_peers_as_guidance() {
    let lead = |code| country(code).lead_time.clone();
    assert_eq!(
        (lead("US").business_days, lead("US").by.as_str()),
        (Some(5), "microsoft")
    );
    assert_eq!(
        (lead("CA").business_days, lead("CA").by.as_str()),
        (Some(10), "microsoft")
    );
    assert_eq!(
        (lead("DE").business_days, lead("DE").by.as_str()),
        (Some(45), "peers")
    );
    assert_eq!(
        (lead("GB").business_days, lead("GB").by.as_str()),
        (None, "none")
    );
}

#[test]
fn loa_forms_per_number_type() {
    let titles = |code, t| {
        country(code)
            .loa_forms(t)
            .map(|f| (f.language.clone(), f.title.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        titles("GB", "geographic"),
        [(
            "en-us".to_string(),
            "Letter of Authorization (LOA) for the U.K. (geographic numbers) (v.2.0)".to_string()
        )]
    );
    assert_eq!(titles("DE", "toll_free").len(), 1);
    assert_eq!(titles("DE", "toll_free")[0].0, "de-de");
    assert_eq!(titles("CA", "toll_free").len(), 2, "English and French");
}

#[test]
fn carriers_words_about_country_identifiers_name_their_fields() {
    use crate::domain::FieldKey;
    use crate::domain::classifier::{Catalog, classify};
    let catalog = Catalog::builtin();
    for (text, key) in [
        ("RIO incorrect", FieldKey::IdRio),
        ("Le RIO fourni est invalide", FieldKey::IdRio),
        ("Migration code not valid", FieldKey::IdMigrationCode),
        (
            "CUPID does not match the range holder",
            FieldKey::IdUnderlyingCarrier,
        ),
        ("SIRET mismatch", FieldKey::IdSiret),
        (
            "Codice fiscale errato: codice fiscale incorrect",
            FieldKey::IdCodiceFiscale,
        ),
        ("ABN does not match our records", FieldKey::IdAbn),
    ] {
        let found = classify(text, &catalog).fields;
        assert!(found.contains(&key), "{text}: {found:?}");
    }
}

#[test]
fn orthodox_easter_by_the_julian_computus() {
    for (year, sunday) in [
        (2024, date(2024, 5, 5)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 12)),
        (2027, date(2027, 5, 2)),
        (2030, date(2030, 4, 28)),
    ] {
        assert_eq!(
            holidays::orthodox_easter_sunday(year),
            Some(sunday),
            "{year}"
        );
    }
    // Romania keeps Orthodox Good Friday, Easter Monday and Whit Monday (Labour Code art. 139).
    let ro = country("RO");
    let name = |d| ro.holiday_on(d).map(|h| h.name);
    assert_eq!(
        name(date(2027, 4, 30)).as_deref(),
        Some("Orthodox Good Friday")
    );
    assert_eq!(
        name(date(2027, 5, 3)).as_deref(),
        Some("Orthodox Easter Monday")
    );
    assert!(name(date(2027, 6, 21)).is_some_and(|n| n.starts_with("Orthodox Whit Monday")));
    // Western Easter Monday is a working day there.
    assert_eq!(name(date(2027, 3, 29)), None);
}

/// A Romanian port date on Orthodox Easter Monday is refused like any holiday; a Hong Kong or
/// Singapore one is checked against the holidays the table has and warned as partial, naming
/// the list to check (lunar and Islamic calendars are not computed).
#[test]
fn the_port_date_rule_knows_orthodox_easter_and_says_where_the_check_is_partial() {
    use crate::domain::checks::Severity;
    use crate::domain::fields::OrderFields;
    let today = date(2027, 4, 1);
    let with = |code: &str, port_date: &str| {
        let fields = OrderFields {
            country: code.to_string(),
            port_date: port_date.to_string(),
            ..OrderFields::default()
        };
        crate::domain::checks::port_date(&fields, today)
    };
    let romania = with("RO", "2027-05-03");
    assert!(
        romania.iter().any(|(s, w)| *s == Severity::Error
            && w.contains("Orthodox Easter Monday, a public holiday in Romania")),
        "{romania:?}"
    );
    for code in ["HK", "SG"] {
        let found = with(code, "2027-05-05");
        assert!(
            found.iter().any(|(s, w)| *s == Severity::Warning
                && w.contains("is partial")
                && w.contains(&country(code).holidays.source)),
            "{code}: {found:?}"
        );
        assert!(country(code).holidays.partial, "{code}");
    }
    let uk = with("GB", "2027-05-05");
    assert!(uk.iter().all(|(_, w)| !w.contains("partial")), "{uk:?}");
}
