//! North American numbers (`+1` and ten digits) checked against phonenumber's own metadata, with
//! its patterns compiled once here. The verdict is phonenumber's (`parse`, then `is_valid` and
//! `country`; the tests hold the two to the same answers), without its parse, without working
//! out the region three times, and without its shared regex cache, which takes a lock and
//! hashes a pattern of kilobytes at every match: a 50,000-row sheet spent over 2 s there.

use phonenumber::metadata::{DATABASE, Descriptor, Metadata};
use regex::Regex;
use std::sync::OnceLock;

/// A metadata pattern as phonenumber builds it (whitespace in it ignored), matching only at the
/// number's start.
fn anchored(pattern: &str) -> Option<Regex> {
    regex::RegexBuilder::new(&format!("^(?:{pattern})"))
        .ignore_whitespace(true)
        .build()
        .ok()
}

/// One descriptor (a number type's pattern and lengths), as phonenumber's `is_match` reads it:
/// a length it lists, and a match of the pattern starting at the number's first digit.
struct Pattern {
    lengths: Vec<u16>,
    regex: Regex,
}

impl Pattern {
    fn of(descriptor: &Descriptor) -> Option<Pattern> {
        Some(Pattern {
            lengths: descriptor.possible_length().to_vec(),
            regex: anchored(descriptor.national_number().as_str())?,
        })
    }

    fn matches(&self, national: &str) -> bool {
        let fits = u16::try_from(national.len()).is_ok_and(|n| self.lengths.contains(&n));
        (self.lengths.is_empty() || fits) && self.regex.is_match(national)
    }
}

/// A region of the +1 plan, in phonenumber's order (the main country, the US, first).
struct Region {
    id: String,
    leading: Option<Regex>,
    general: Pattern,
    /// Every number type phonenumber's `number_type` tries: a number is valid when one matches.
    kinds: Vec<Pattern>,
}

impl Region {
    fn of(meta: &Metadata) -> Option<Region> {
        let d = meta.descriptors();
        let kinds = [
            d.premium_rate(),
            d.toll_free(),
            d.shared_cost(),
            d.voip(),
            d.personal_number(),
            d.pager(),
            d.uan(),
            d.voicemail(),
            d.fixed_line(),
            d.mobile(),
        ];
        let leading = match meta.leading_digits() {
            Some(l) => Some(anchored(l.as_str())?),
            None => None,
        };
        Some(Region {
            id: meta.id().to_string(),
            leading,
            general: Pattern::of(d.general())?,
            kinds: kinds
                .into_iter()
                .flatten()
                .map(Pattern::of)
                .collect::<Option<Vec<_>>>()?,
        })
    }

    /// phonenumber's `number_type(..) != Unknown`.
    fn knows(&self, national: &str) -> bool {
        self.general.matches(national) && self.kinds.iter().any(|k| k.matches(national))
    }
}

/// The +1 regions, built once; `None` when phonenumber's metadata could not be read so (every
/// number then takes phonenumber's own way).
fn regions() -> Option<&'static [Region]> {
    static REGIONS: OnceLock<Option<Vec<Region>>> = OnceLock::new();
    REGIONS
        .get_or_init(|| {
            DATABASE
                .region(&1)?
                .into_iter()
                .map(|id| DATABASE.by_id(id).and_then(Region::of))
                .collect()
        })
        .as_deref()
}

/// What phonenumber says of `+1` and `national` (ten digits, the first 2–9): `Some(region)`
/// when valid (its region as `country()` names it), `Some(None)` when not; `None` when this
/// way cannot tell and phonenumber must be asked.
pub(super) fn region_of(national: &str) -> Option<Option<&'static str>> {
    let plain = national.len() == 10
        && national.bytes().all(|b| b.is_ascii_digit())
        && !national.starts_with(['0', '1']);
    if !plain {
        return None;
    }
    // As phonenumber's `source_for`: the first region whose leading digits start the number, or
    // without leading digits, whose types know it; then the number is valid if that region's do.
    let regions = regions()?;
    let region = regions.iter().find(|r| match &r.leading {
        Some(leading) => leading.is_match(national),
        None => r.knows(national),
    });
    Some(region.filter(|r| r.knows(national)).map(|r| r.id.as_str()))
}

#[cfg(test)]
mod tests {
    use super::region_of;

    /// phonenumber's own answer: valid, and its region.
    fn phonenumber_says(national: &str) -> Option<String> {
        let number = phonenumber::parse(None, format!("+1{national}")).ok()?;
        if !number.is_valid() {
            return None;
        }
        Some(
            number
                .country()
                .id()
                .map(|id| id.as_ref().to_string())
                .unwrap_or_default(),
        )
    }

    #[test]
    fn every_area_code_reads_as_phonenumber_reads_it() {
        // Every area code, with exchanges from the bottom, middle and top of the range and a
        // number of the fictional 555-01xx block: valid or not, and the region, as phonenumber.
        for area in 200..1000 {
            for exchange in ["200", "555", "734", "999"] {
                for line in ["0100", "4821"] {
                    let national = format!("{area}{exchange}{line}");
                    let ours = region_of(&national).map(|r| r.map(str::to_string));
                    assert_eq!(ours, Some(phonenumber_says(&national)), "+1{national}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
        #[test]
        fn any_ten_digits_read_as_phonenumber_reads_them(national in "[2-9][0-9]{9}") {
            let ours = region_of(&national).map(|r| r.map(str::to_string));
            proptest::prop_assert_eq!(ours, Some(phonenumber_says(&national)));
        }
    }

    #[test]
    fn what_it_cannot_tell_is_left_to_phonenumber() {
        for national in [
            "0123456789",
            "1234567890",
            "425555010",
            "42555501000",
            "42555501x0",
        ] {
            assert_eq!(region_of(national), None, "{national}");
        }
    }
}
