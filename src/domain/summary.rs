//! What a list of orders shows about each one: small enough to keep for 10,000 orders, derived
//! from the order alone so a cached copy can be checked against the file it came from.

use super::order::Order;
use super::status::Status;
use jiff::Timestamp;
use jiff::civil::Date;

/// One order's line in a list. 100,000 of them are held at once (issue 23), so each is packed:
/// its texts share one block, the lower-case search text is made only while the `/` filter
/// looks (from those texts), and every number's digits are kept two to a byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The id, name, carrier, port date, organization (in lower case: only the filter reads
    /// it) and ticket, one after another; `ends` says where each but the last ends.
    text: Box<str>,
    ends: [u32; 5],
    has_ticket: bool,
    pub status: Status,
    pub foc_date: Option<Date>,
    pub number_count: usize,
    pub rejections: usize,
    pub updated_at: Timestamp,
    pub in_status_since: Timestamp,
    /// The digits of every number (not only the first few), one number a line: what the filter
    /// matches digits against, without loading the order.
    digits: PackedDigits,
}

/// What a summary is made of, as the summary index stores it (`store::index`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryParts {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub carrier: String,
    pub number_count: usize,
    pub port_date: String,
    pub foc_date: Option<Date>,
    pub rejections: usize,
    pub updated_at: Timestamp,
    pub in_status_since: Timestamp,
    pub ticket: Option<String>,
    /// As [`Summary::search_text`] gives it.
    pub search_text: String,
    /// As [`Summary::digits`] gives it.
    pub digits: String,
}

/// The parts of a summary's text, in order.
const ID: usize = 0;
const NAME: usize = 1;
const CARRIER: usize = 2;
const PORT_DATE: usize = 3;
const ORGANIZATION: usize = 4;
const TICKET: usize = 5;

impl Summary {
    pub fn of(order: &Order) -> Summary {
        let name = order.display_name();
        let organization = order.fields.organization_name.to_lowercase();
        let ticket = order.ticket.as_deref();
        Summary::packed(
            [
                &order.id,
                &name,
                &order.fields.current_carrier,
                &order.fields.port_date,
                &organization,
                ticket.unwrap_or_default(),
            ],
            ticket.is_some(),
            PackedDigits::of_numbers(&order.fields.numbers),
            Summary {
                text: Box::default(),
                ends: [0; 5],
                has_ticket: false,
                status: order.status,
                foc_date: order.foc.as_ref().map(|f| f.date),
                number_count: order.fields.numbers.len(),
                rejections: order.rejections.len(),
                updated_at: order.updated_at,
                in_status_since: order.in_status_since(),
                digits: PackedDigits::default(),
            },
        )
    }

    /// The summary the index stored. `None` when its search text or digits are not what a
    /// summary of these parts makes (a damaged index: it is then rebuilt from the files).
    pub fn from_parts(p: SummaryParts) -> Option<Summary> {
        // The search text is name, carrier, id, organization and ticket in lower case, one a
        // line: all but the organization are known, so it is what lies between them.
        let head = format!(
            "{}\n{}\n{}\n",
            p.name.to_lowercase(),
            p.carrier.to_lowercase(),
            p.id.to_lowercase()
        );
        let tail = format!(
            "\n{}",
            p.ticket.as_deref().unwrap_or_default().to_lowercase()
        );
        let organization = p
            .search_text
            .strip_prefix(&head)?
            .strip_suffix(&tail)?
            .to_string();
        let digits = PackedDigits::of_lines(&p.digits)?;
        Some(Summary::packed(
            [
                &p.id,
                &p.name,
                &p.carrier,
                &p.port_date,
                &organization,
                p.ticket.as_deref().unwrap_or_default(),
            ],
            p.ticket.is_some(),
            digits,
            Summary {
                text: Box::default(),
                ends: [0; 5],
                has_ticket: false,
                status: p.status,
                foc_date: p.foc_date,
                number_count: p.number_count,
                rejections: p.rejections,
                updated_at: p.updated_at,
                in_status_since: p.in_status_since,
                digits: PackedDigits::default(),
            },
        ))
    }

    /// `rest` with these texts and digits packed in.
    fn packed(parts: [&str; 6], has_ticket: bool, digits: PackedDigits, rest: Summary) -> Summary {
        let mut text = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        let mut ends = [0u32; 5];
        for (i, part) in parts.iter().enumerate() {
            text.push_str(part);
            if let Some(end) = ends.get_mut(i) {
                // Every stored text is capped far below 4 GB (docs/storage.md).
                *end = u32::try_from(text.len()).unwrap_or(u32::MAX);
            }
        }
        Summary {
            text: text.into_boxed_str(),
            ends,
            has_ticket,
            digits,
            ..rest
        }
    }

    fn part(&self, i: usize) -> &str {
        let at = |i: usize| self.ends.get(i).map_or(self.text.len(), |e| *e as usize);
        let start = if i == 0 { 0 } else { at(i - 1) };
        self.text.get(start..at(i)).unwrap_or_default()
    }

    pub fn id(&self) -> &str {
        self.part(ID)
    }

    pub fn name(&self) -> &str {
        self.part(NAME)
    }

    pub fn carrier(&self) -> &str {
        self.part(CARRIER)
    }

    pub fn port_date(&self) -> &str {
        self.part(PORT_DATE)
    }

    pub fn ticket(&self) -> Option<&str> {
        self.has_ticket.then(|| self.part(TICKET))
    }

    fn organization(&self) -> &str {
        self.part(ORGANIZATION)
    }

    /// What the `/` filter matches text against: name, carrier, id, organization and ticket,
    /// one a line, in lower case (made anew each time: it is not kept).
    pub fn search_text(&self) -> String {
        let mut out = String::new();
        self.search_text_into(&mut out);
        out
    }

    /// [`Summary::search_text`] into `out` (cleared first), so one buffer serves every summary.
    pub fn search_text_into(&self, out: &mut String) {
        out.clear();
        let parts = [self.name(), self.carrier(), self.id(), self.organization()];
        let ticket = self.ticket().unwrap_or_default();
        for (i, part) in parts.into_iter().chain([ticket]).enumerate() {
            if i > 0 {
                out.push('\n');
            }
            push_lowercase(out, part);
        }
    }

    /// Every number's digits, one number a line.
    pub fn digits(&self) -> String {
        let mut out = String::new();
        self.digits.unpack_into(&mut out);
        out
    }

    /// [`Summary::digits`] into `out` (cleared first).
    pub fn digits_into(&self, out: &mut String) {
        self.digits.unpack_into(out);
    }

    /// Whether some number of the order holds the digits `search` looks for, in a row.
    pub fn has_digits(&self, search: &DigitSearch) -> bool {
        search.found_in(&self.digits)
    }
}

/// `text` in lower case (as `str::to_lowercase`), added to `out`; ASCII without a new string.
fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// Digits kept two to a byte (a number's 11 to 15 digits in 6 to 8 bytes): each half byte a
/// digit, [`NEXT`] after each number, [`PAD`] to fill the last byte.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackedDigits(Box<[u8]>);

const NEXT: u8 = 0xA;
const PAD: u8 = 0xF;

impl PackedDigits {
    /// Every number's digits (anything else in a number is left out), a [`NEXT`] after each.
    pub fn of_numbers(numbers: &[String]) -> PackedDigits {
        let mut halves: Vec<u8> = Vec::with_capacity(numbers.len() * 13);
        for number in numbers {
            halves.extend(number.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0'));
            halves.push(NEXT);
        }
        PackedDigits::of_halves(&halves)
    }

    /// From the text [`Summary::digits`] gives: digits and line ends only (else `None`).
    pub fn of_lines(text: &str) -> Option<PackedDigits> {
        let halves: Option<Vec<u8>> = text
            .bytes()
            .map(|b| match b {
                b'0'..=b'9' => Some(b - b'0'),
                b'\n' => Some(NEXT),
                _ => None,
            })
            .collect();
        Some(PackedDigits::of_halves(&halves?))
    }

    fn of_halves(halves: &[u8]) -> PackedDigits {
        let bytes = halves.chunks(2).map(|pair| match pair {
            [high, low] => high << 4 | low,
            [high] => high << 4 | PAD,
            _ => PAD << 4 | PAD,
        });
        PackedDigits(bytes.collect())
    }

    /// The digits, one number a line, into `out` (cleared first).
    pub fn unpack_into(&self, out: &mut String) {
        out.clear();
        out.reserve(self.0.len() * 2);
        for half in self.0.iter().flat_map(|b| [b >> 4, b & 0xF]) {
            match half {
                0..=9 => out.push(char::from(b'0' + half)),
                NEXT => out.push('\n'),
                _ => {}
            }
        }
    }
}

/// Which order, wherever it is kept: its tenant (`None`: the store `DIR` itself) and its id.
/// The history's marks are kept by it, so two tenants' orders of one id are never taken for
/// each other on the board, which shows every tenant's orders.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrderKey {
    pub tenant: Option<String>,
    pub id: String,
}

/// Text the `/` filter looks for (in lower case) in a summary's texts: name, carrier, id,
/// organization and ticket, each made lower case in turn and searched with a finder built once
/// for every summary, stopping at the first that holds it. The same answer as searching
/// [`Summary::search_text`] (no filter holds a line break), without making all of it.
pub struct TextSearch {
    text: String,
    finder: memchr::memmem::Finder<'static>,
}

impl TextSearch {
    /// For `lower` (already in lower case); `None` when it is empty (everything matches).
    pub fn new(lower: &str) -> Option<TextSearch> {
        (!lower.is_empty()).then(|| TextSearch {
            text: lower.to_string(),
            finder: memchr::memmem::Finder::new(lower.as_bytes()).into_owned(),
        })
    }

    /// The text looked for, in lower case.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether one of the summary's texts holds it; `buffer` is reused between summaries.
    pub fn found_in(&self, summary: &Summary, buffer: &mut String) -> bool {
        buffer.clear();
        if summary.text.is_ascii() {
            // All its texts made lower case at once (ASCII keeps every place): a find counts
            // when it lies within one of the texts searched (not across two, not the port date).
            push_lowercase(buffer, &summary.text);
            let len = self.text.len();
            return self
                .finder
                .find_iter(buffer.as_bytes())
                .any(|at| summary.searched_part_holds(at, at + len));
        }
        let ticket = summary.ticket().unwrap_or_default();
        let parts = [
            summary.name(),
            summary.carrier(),
            summary.id(),
            summary.organization(),
            ticket,
        ];
        parts.into_iter().any(|part| {
            buffer.clear();
            push_lowercase(buffer, part);
            self.finder.find(buffer.as_bytes()).is_some()
        })
    }
}

impl Summary {
    /// Whether `start..end` of the packed text lies within one text the filter searches.
    fn searched_part_holds(&self, start: usize, end: usize) -> bool {
        let ends = self.ends.map(|e| e as usize);
        let bounds = [
            0,
            ends[0],
            ends[1],
            ends[2],
            ends[3],
            ends[4],
            self.text.len(),
        ];
        bounds
            .windows(2)
            .enumerate()
            .any(|(part, b)| part != PORT_DATE && b[0] <= start && end <= b[1])
    }
}

/// Digits the `/` filter looks for, searched in [`PackedDigits`] as they are kept: the filter
/// asks every summary on every key, and unpacking each one first cost more than the search.
/// A run of digits starts on a byte's high half or its low half, so it is looked for both ways.
pub struct DigitSearch {
    starting_high: Aligned,
    starting_low: Aligned,
    first: u8,
}

/// The run's whole bytes (two digits each) and, when one digit is left, that digit.
struct Aligned {
    bytes: memchr::memmem::Finder<'static>,
    len: usize,
    last: Option<u8>,
}

impl Aligned {
    fn of(digits: &[u8]) -> Aligned {
        let pairs: Vec<u8> = digits.chunks_exact(2).map(|p| p[0] << 4 | p[1]).collect();
        Aligned {
            len: pairs.len(),
            bytes: memchr::memmem::Finder::new(&pairs).into_owned(),
            last: (digits.len() % 2 == 1).then(|| digits[digits.len() - 1]),
        }
    }

    /// Where the whole bytes are found with the last digit after them.
    fn starts<'a>(&'a self, packed: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
        self.bytes
            .find_iter(packed)
            .filter(move |&at| match self.last {
                None => true,
                Some(digit) => packed.get(at + self.len).is_some_and(|b| b >> 4 == digit),
            })
    }
}

impl DigitSearch {
    /// For `needle`'s digits (anything else left out); `None` under three digits.
    pub fn new(needle: &str) -> Option<DigitSearch> {
        let digits: Vec<u8> = needle
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        (digits.len() >= 3).then(|| DigitSearch {
            starting_high: Aligned::of(&digits),
            starting_low: Aligned::of(&digits[1..]),
            first: digits[0],
        })
    }

    /// Whether some number in `packed` holds the digits in a row (no run spans two numbers:
    /// the mark between them is not a digit).
    pub fn found_in(&self, packed: &PackedDigits) -> bool {
        let bytes = &packed.0;
        self.starting_high.starts(bytes).next().is_some()
            || self
                .starting_low
                .starts(bytes)
                .any(|at| at > 0 && bytes[at - 1] & 0xF == self.first)
    }
}

impl Summary {
    /// Days the order has waited on the user, once overdue (see `facts::days_overdue`).
    pub fn days_overdue(&self, now: Timestamp) -> Option<i64> {
        super::status::overdue_days(self.status, self.in_status_since, now)
    }
}

/// A short id is never shorter than this: `PO-` and four characters.
pub const MIN_SHORT_ID: usize = 7;

/// The shortest length at which the prefix of every id tells it apart from every other one, in
/// any case (as the command line reads a prefix, like git), and at least [`MIN_SHORT_ID`]: the
/// width of a short-id column. An id shorter than that is shown whole.
pub fn short_id_len<'a>(ids: impl Iterator<Item = &'a str>) -> usize {
    // Strings sort as their characters do (UTF-8 keeps the order of code points); one string
    // an id, not a vector of characters (100,000 ids on the board).
    let mut lower: Vec<String> = ids
        .map(|id| match id.is_ascii() {
            true => id.to_ascii_lowercase(),
            false => id.to_lowercase(),
        })
        .collect();
    lower.sort_unstable();
    let longest = lower.iter().map(|id| id.chars().count()).max().unwrap_or(0);
    let shared = lower
        .windows(2)
        .map(|pair| {
            let common = pair[0]
                .chars()
                .zip(pair[1].chars())
                .take_while(|(a, b)| a == b);
            common.count()
        })
        .max()
        .unwrap_or(0);
    (shared + 1).min(longest).max(MIN_SHORT_ID)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_id_is_the_prefix_that_tells_every_id_apart_in_any_case() {
        assert_eq!(short_id_len(["PO-7K3M2Q9A", "PO-B4XR8T2Z"].into_iter()), 7);
        assert_eq!(short_id_len(["PO-7K3M2Q9A", "po-7k3m8t2z"].into_iter()), 8);
        assert_eq!(short_id_len(["PO-DEMO0001", "PO-DEMO0002"].into_iter()), 11);
        // One id the prefix of another: the longer one needs a character more.
        assert_eq!(short_id_len(["PO-ABCDEFG", "PO-ABCDEFGH"].into_iter()), 11);
        assert_eq!(short_id_len(std::iter::empty()), MIN_SHORT_ID);
    }

    /// What a summary was before it was packed (issue 23): its search text and digits, made
    /// once and kept. The packed one must give exactly these.
    fn search_text_as_kept(order: &Order) -> String {
        let ticket = order.ticket.as_deref().unwrap_or_default();
        let f = &order.fields;
        let parts = [&order.display_name(), &f.current_carrier, &order.id];
        let parts = [parts[0], parts[1], parts[2], &f.organization_name, ticket];
        parts.join("\n").to_lowercase()
    }

    fn digits_as_kept(numbers: &[String]) -> String {
        let mut out = String::new();
        for number in numbers {
            out.extend(number.chars().filter(char::is_ascii_digit));
            out.push('\n');
        }
        out
    }

    fn orders() -> Vec<Order> {
        let mut plain = crate::domain::test_orders::complete_order("PO-7K3M2Q9A", "AT&T", 0);
        plain.ticket = Some("T-0042 Escalated".into());
        let mut odd = crate::domain::test_orders::complete_order("po-Ümlaut_1", "Télécom ΣΑΣ", 1);
        odd.fields.organization_name = "ΟΔΟΣ Straße İstanbul".into();
        odd.fields.order_name = "Zürich ΣΊΣΥΦΟΣ".into();
        odd.fields.numbers = vec![
            "+41 44 668 18 00".into(),
            String::new(),
            "ext. 12".into(),
            "+1 (425) 555-0100".into(),
        ];
        odd.ticket = Some(String::new());
        let mut empty = Order::new("PO-EMPTY".into(), Default::default(), Timestamp::UNIX_EPOCH);
        empty.fields.numbers.clear();
        vec![plain, odd, empty]
    }

    #[test]
    fn a_packed_summary_gives_back_its_texts_search_text_and_digits() {
        for order in orders() {
            let s = Summary::of(&order);
            assert_eq!(s.id(), order.id);
            assert_eq!(s.name(), order.display_name());
            assert_eq!(s.carrier(), order.fields.current_carrier);
            assert_eq!(s.port_date(), order.fields.port_date);
            assert_eq!(s.ticket(), order.ticket.as_deref());
            assert_eq!(s.search_text(), search_text_as_kept(&order), "{}", order.id);
            assert_eq!(s.digits(), digits_as_kept(&order.fields.numbers));
            assert_eq!(s.number_count, order.fields.numbers.len());
        }
    }

    #[test]
    fn a_summary_read_back_from_the_index_s_columns_is_the_same() {
        for order in orders() {
            let s = Summary::of(&order);
            let parts = SummaryParts {
                id: s.id().into(),
                name: s.name().into(),
                status: s.status,
                carrier: s.carrier().into(),
                number_count: s.number_count,
                port_date: s.port_date().into(),
                foc_date: s.foc_date,
                rejections: s.rejections,
                updated_at: s.updated_at,
                in_status_since: s.in_status_since,
                ticket: s.ticket().map(str::to_string),
                search_text: s.search_text(),
                digits: s.digits(),
            };
            assert_eq!(Summary::from_parts(parts.clone()), Some(s));
            // Columns that do not fit together are a damaged index, not a summary.
            let wrong_text = SummaryParts {
                search_text: "something else".into(),
                ..parts.clone()
            };
            assert_eq!(Summary::from_parts(wrong_text), None);
            let wrong_digits = SummaryParts {
                digits: "12a\n".into(),
                ..parts
            };
            assert_eq!(Summary::from_parts(wrong_digits), None);
        }
    }

    /// The filter's text search gives what searching the whole search text gives, for every
    /// piece of every text: a piece that runs from one text into the next (as they are packed)
    /// or lies in the port date (not searched) is found nowhere.
    #[test]
    fn the_text_search_finds_what_the_search_text_holds_and_nothing_across_texts() {
        let mut packed_apart = crate::domain::test_orders::complete_order("PO-ABC", "Carrier", 0);
        packed_apart.fields.order_name = "Def".into();
        packed_apart.fields.organization_name = "Org Ltd".into();
        packed_apart.ticket = Some("TK-9".into());
        let mut all = orders();
        all.push(packed_apart);
        let mut buffer = String::new();
        for order in all {
            let summary = Summary::of(&order);
            let search_text = summary.search_text();
            let packed = summary.text.to_lowercase();
            let mut needles: Vec<String> = ["abcdef", "def", "carrier2026", "2026-", "ltdtk"]
                .map(String::from)
                .to_vec();
            for text in [&search_text, &packed] {
                let chars: Vec<char> = text.chars().collect();
                for len in 1..=5 {
                    needles.extend(chars.windows(len).map(|w| w.iter().collect::<String>()));
                }
            }
            for needle in needles.iter().filter(|n| !n.contains('\n')) {
                let expected = search_text.contains(needle.as_str());
                let search = TextSearch::new(needle).expect("not empty");
                let found = search.found_in(&summary, &mut buffer);
                assert_eq!(found, expected, "{needle:?} in {search_text:?}");
            }
        }
        assert!(TextSearch::new("").is_none());
    }

    #[test]
    fn digits_are_kept_two_to_a_byte_and_unpacked_as_they_were() {
        for lines in ["", "\n", "1\n", "12\n", "14255550100\n\n0\n", "123\n4567\n"] {
            let packed = PackedDigits::of_lines(lines).unwrap_or_default();
            assert_eq!(packed.0.len(), lines.len().div_ceil(2), "{lines:?}");
            let mut out = String::from("left over");
            packed.unpack_into(&mut out);
            assert_eq!(out, lines);
        }
        let numbers = [
            "+1 (425) 555-0100".to_string(),
            "+4420 7946 0000".to_string(),
        ];
        let mut out = String::new();
        PackedDigits::of_numbers(&numbers).unpack_into(&mut out);
        assert_eq!(out, "14255550100\n442079460000\n");
    }

    #[test]
    fn the_filters_digit_search_finds_what_the_unpacked_digits_hold_and_nothing_across_numbers() {
        let numbers = ["+14255550100".to_string(), "+442079460000".to_string()];
        let packed = PackedDigits::of_numbers(&numbers);
        let mut unpacked = String::new();
        packed.unpack_into(&mut unpacked);
        for needle in [
            "425",
            "0100",
            "14255550100",
            "4420794",
            "000",
            "999",
            "01004420",
            "1004",
        ] {
            let expected = unpacked.lines().any(|line| line.contains(needle));
            let search = DigitSearch::new(needle).expect("three digits or more");
            assert_eq!(search.found_in(&packed), expected, "{needle}");
        }
        assert!(DigitSearch::new("12").is_none());
        let search = DigitSearch::new("123").expect("three digits");
        assert!(!search.found_in(&PackedDigits::default()));
    }

    #[test]
    fn the_digit_search_agrees_with_the_unpacked_digits_on_many_numbers_and_needles() {
        // A fixed pseudo-random walk (no clock, no seed from outside): the same cases every run.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |below: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) % below
        };
        for _ in 0..400 {
            let numbers: Vec<String> = (0..1 + next(4))
                .map(|_| {
                    (0..3 + next(13))
                        .map(|_| char::from(b'0' + next(3) as u8))
                        .collect()
                })
                .collect();
            let packed = PackedDigits::of_numbers(&numbers);
            let needle: String = (0..3 + next(5))
                .map(|_| char::from(b'0' + next(3) as u8))
                .collect();
            let expected = numbers.iter().any(|n| n.contains(&needle));
            let search = DigitSearch::new(&needle).expect("three digits or more");
            assert_eq!(search.found_in(&packed), expected, "{numbers:?} {needle}");
        }
    }
}
