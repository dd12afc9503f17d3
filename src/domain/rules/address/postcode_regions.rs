//! Which state or province a postal code belongs to, as data, one table per country:
//!
//! - United States: the first three digits of a ZIP code name the sectional center facility,
//!   and each prefix serves one state. Source: USPS, "L002 3-Digit ZIP Code Prefix Matrix"
//!   (postalpro.usps.com/mailing/l002) and Publication 65 (National Five-Digit ZIP Code and
//!   Post Office Directory). Prefixes not assigned, or used by the military (APO/FPO: 090–098,
//!   340, 962–966), are left out: they name no state to compare with.
//! - Canada: the first letter of a postal code is the province or territory (X is shared by the
//!   Northwest Territories and Nunavut). Source: Canada Post, "Addressing guidelines", section
//!   5.7 (canadapost-postescanada.ca/cpc/en/support/kb/sending/general-information/
//!   canadian-postal-code-format).
//!
//! A mismatch is a warning, not an error: a few ZIP codes serve a town across a state line.

/// (first prefix, last prefix, state code), in prefix order.
const US_ZIP_PREFIXES: &[(u16, u16, &str)] = &[
    (5, 5, "NY"),
    (6, 7, "PR"),
    (9, 9, "PR"),
    (10, 27, "MA"),
    (28, 29, "RI"),
    (30, 38, "NH"),
    (39, 49, "ME"),
    (50, 54, "VT"),
    (55, 55, "MA"),
    (56, 59, "VT"),
    (60, 69, "CT"),
    (70, 89, "NJ"),
    (100, 149, "NY"),
    (150, 196, "PA"),
    (197, 199, "DE"),
    (200, 200, "DC"),
    (201, 201, "VA"),
    (202, 205, "DC"),
    (206, 219, "MD"),
    (220, 246, "VA"),
    (247, 268, "WV"),
    (270, 289, "NC"),
    (290, 299, "SC"),
    (300, 319, "GA"),
    (320, 339, "FL"),
    (341, 349, "FL"),
    (350, 369, "AL"),
    (370, 385, "TN"),
    (386, 397, "MS"),
    (398, 399, "GA"),
    (400, 427, "KY"),
    (430, 459, "OH"),
    (460, 479, "IN"),
    (480, 499, "MI"),
    (500, 528, "IA"),
    (530, 549, "WI"),
    (550, 567, "MN"),
    (569, 569, "DC"),
    (570, 577, "SD"),
    (580, 588, "ND"),
    (590, 599, "MT"),
    (600, 629, "IL"),
    (630, 658, "MO"),
    (660, 679, "KS"),
    (680, 693, "NE"),
    (700, 715, "LA"),
    (716, 729, "AR"),
    (730, 732, "OK"),
    (733, 733, "TX"),
    (734, 749, "OK"),
    (750, 799, "TX"),
    (800, 816, "CO"),
    (820, 831, "WY"),
    (832, 838, "ID"),
    (840, 847, "UT"),
    (850, 865, "AZ"),
    (870, 884, "NM"),
    (885, 885, "TX"),
    (889, 898, "NV"),
    (900, 961, "CA"),
    (967, 968, "HI"),
    (970, 979, "OR"),
    (980, 994, "WA"),
    (995, 999, "AK"),
];

/// (first letter, the provinces or territories it is used in).
const CA_FIRST_LETTERS: &[(char, &[&str])] = &[
    ('A', &["NL"]),
    ('B', &["NS"]),
    ('C', &["PE"]),
    ('E', &["NB"]),
    ('G', &["QC"]),
    ('H', &["QC"]),
    ('J', &["QC"]),
    ('K', &["ON"]),
    ('L', &["ON"]),
    ('M', &["ON"]),
    ('N', &["ON"]),
    ('P', &["ON"]),
    ('R', &["MB"]),
    ('S', &["SK"]),
    ('T', &["AB"]),
    ('V', &["BC"]),
    ('X', &["NT", "NU"]),
    ('Y', &["YT"]),
];

/// The state codes a US ZIP code (5 digits or ZIP+4, normalised) belongs to; empty when its
/// prefix names none.
pub fn us_states_of(zip: &str) -> &'static [&'static str] {
    let Some(prefix) = zip.get(..3).and_then(|p| p.parse::<u16>().ok()) else {
        return &[];
    };
    US_ZIP_PREFIXES
        .iter()
        .find(|(first, last, _)| (*first..=*last).contains(&prefix))
        .map_or(&[], |(_, _, state)| std::slice::from_ref(state))
}

/// The province or territory codes a Canadian postal code belongs to; empty when its first
/// letter names none.
pub fn ca_provinces_of(postcode: &str) -> &'static [&'static str] {
    let Some(first) = postcode.chars().next().map(|c| c.to_ascii_uppercase()) else {
        return &[];
    };
    CA_FIRST_LETTERS
        .iter()
        .find(|(letter, _)| *letter == first)
        .map_or(&[], |(_, provinces)| provinces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_us_table_is_in_order_and_never_overlaps() {
        for pair in US_ZIP_PREFIXES.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
        }
    }

    #[test]
    fn zip_prefixes_and_first_letters_name_their_state_or_province() {
        assert_eq!(us_states_of("98052"), ["WA"]);
        assert_eq!(us_states_of("97201-1234"), ["OR"]);
        assert_eq!(us_states_of("10001"), ["NY"]);
        assert_eq!(us_states_of("00901"), ["PR"]);
        assert_eq!(us_states_of("73301"), ["TX"]);
        assert!(us_states_of("09001").is_empty(), "military: no state");
        assert!(us_states_of("98").is_empty());
        assert_eq!(ca_provinces_of("M5V 3L9"), ["ON"]);
        assert_eq!(ca_provinces_of("h2x 1y4"), ["QC"]);
        assert_eq!(ca_provinces_of("X0A 0H0"), ["NT", "NU"]);
        assert!(ca_provinces_of("").is_empty());
    }
}
