//! Where a complaint sits is not what it is about. "The name on the LOA does not match": the LOA
//! is the paper the wrong name was written on, not a second field to fix; so is the number in
//! "the PIN for this number is wrong", the BTN in "numbers associated with the BTN", and the LOA
//! in "the LOA authorizing person is required". Such words are *places*: the rules do not see
//! them (the model still does).
//!
//! The grammar, written once for every field (the words are the catalog's `places`):
//! - a field noun that another field noun follows at once modifies it ("LOA authorizing person");
//! - a field noun after a place marker ("on", "for", "from", "associated with"…, articles and
//!   possessives skipped) is a place when an earlier noun in its clause owns it ("the name on the
//!   LOA", "the CSR was not found for this number", "the information submitted on your LOA"); it
//!   names what is wrong when the marker follows a complaint ("rejected for PIN", "error in the
//!   address") or a complaint follows it ("rejected for address mismatch", "the date on the LOA is
//!   too old"); otherwise it is a place ("incorrect subscriber type for toll free numbers");
//! - a noun joined by "and"/"or" to a place is a place ("assigned to the same BTN and address").

use super::concepts::{ConceptSet, Occurrence};
use super::normalize::Token;

/// The compiled `places` part of the catalog.
#[derive(Debug, Clone, Default)]
pub(crate) struct Places {
    /// Concepts that may only say where a complaint sits (the LOA, the numbers, the BTN…).
    pub nouns: ConceptSet,
    /// Concepts that own a place named after them (the name, the PIN, the numbers…).
    pub heads: ConceptSet,
    /// Concepts that complain (wrong, missing, not found…).
    pub complaints: ConceptSet,
    /// Words and phrases, normalised, that put a noun in a place ("on", "associated with").
    pub markers: Vec<Vec<String>>,
    /// Words skipped between a marker and its noun ("the", "your", "this").
    pub skipped: Vec<String>,
    /// Words that own a place though they name no field ("information", "data").
    pub generic_heads: Vec<String>,
}

/// Words that join two nouns into one place ("the BTN and address").
const CONJUNCTIONS: &[&str] = &["and", "or"];
/// Words that may stand between a noun and its complaint ("the date is too old", "numbers that
/// are not in service").
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "that", "which", "who",
];

/// The text and its tokens.
#[derive(Clone, Copy)]
struct Text<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Places {
    fn is_empty(&self) -> bool {
        self.nouns.is_empty() || self.markers.is_empty()
    }
}

/// The occurrences the rules read: `occurrences` less the nouns that only say where.
pub(crate) fn without_places(
    occurrences: Vec<Occurrence>,
    text: &str,
    tokens: &[Token],
    places: &Places,
) -> Vec<Occurrence> {
    if places.is_empty() {
        return occurrences;
    }
    let mut place = vec![false; occurrences.len()];
    for k in 0..occurrences.len() {
        place[k] = places.nouns.contains(occurrences[k].concept)
            && is_place(k, &occurrences, &place, Text { text, tokens }, places);
    }
    occurrences
        .into_iter()
        .zip(place)
        .filter_map(|(o, place)| (!place).then_some(o))
        .collect()
}

/// Whether occurrence `k` only says where (`decided` holds the answer for those before it).
fn is_place(
    k: usize,
    occ: &[Occurrence],
    decided: &[bool],
    Text { text, tokens }: Text,
    places: &Places,
) -> bool {
    let o = occ[k];
    let same_span = |j: usize| occ[j].first == o.first;
    // Only a space between two words: "account number/PIN" names two fields.
    let spaced = |i: usize| {
        let (end, start) = (tokens[i].end, tokens.get(i + 1).map_or(0, |t| t.start));
        text.get(end..start)
            .is_some_and(|gap| !gap.is_empty() && gap.chars().all(char::is_whitespace))
    };
    // A noun that another field noun follows at once modifies it.
    let modifies = spaced(o.last)
        && (0..occ.len()).any(|j| {
            !same_span(j)
                && occ[j].first == o.last + 1
                && occ[j].clause == o.clause
                && occ[j].concept != o.concept
                && places.heads.contains(occ[j].concept)
        });
    if modifies {
        return true;
    }
    let in_clause = |i: usize| tokens.get(i).is_some_and(|t| t.clause == o.clause);
    let mut at = o.first;
    while at > 0 && in_clause(at - 1) && places.skipped.contains(&tokens[at - 1].text) {
        at -= 1;
    }
    let Some(marker_at) = marker_before(at, tokens, places, o.clause) else {
        // "the BTN and (the) address": a noun joined to a place.
        let joined =
            at > 0 && in_clause(at - 1) && CONJUNCTIONS.contains(&tokens[at - 1].text.as_str());
        return joined && (0..k).any(|j| decided[j] && occ[j].last + 2 == at);
    };
    // An earlier noun in the clause owns the place.
    let owned = (0..k).any(|j| {
        !decided[j]
            && occ[j].clause == o.clause
            && occ[j].last < marker_at
            && places.heads.contains(occ[j].concept)
    }) || (0..marker_at)
        .rev()
        .take_while(|&i| in_clause(i))
        .any(|i| places.generic_heads.contains(&tokens[i].text));
    if owned {
        return true;
    }
    // The marker follows a complaint: it names what is wrong ("rejected for PIN").
    if complains_before(marker_at, occ, places) {
        return false;
    }
    // A complaint follows the noun: it is what is wrong ("for address mismatch").
    !complains_after(o, occ, tokens, places)
}

/// Where the place marker that ends just before token `at` starts, if one does.
fn marker_before(at: usize, tokens: &[Token], places: &Places, clause: u32) -> Option<usize> {
    places
        .markers
        .iter()
        .filter(|m| m.len() <= at)
        .filter(|m| {
            let run = &tokens[at - m.len()..at];
            run.iter().all(|t| t.clause == clause)
                && run.iter().zip(m.iter()).all(|(t, w)| t.text == *w)
        })
        .map(|m| at - m.len())
        .min()
}

/// A complaint ends right before token `at`.
fn complains_before(at: usize, occ: &[Occurrence], places: &Places) -> bool {
    at > 0
        && occ
            .iter()
            .any(|c| c.last + 1 == at && places.complaints.contains(c.concept))
}

/// A complaint follows occurrence `o` at once, or after a copula ("the LOA is too old").
fn complains_after(o: Occurrence, occ: &[Occurrence], tokens: &[Token], places: &Places) -> bool {
    let mut at = o.last + 1;
    while tokens
        .get(at)
        .is_some_and(|t| t.clause == o.clause && COPULAS.contains(&t.text.as_str()))
    {
        at += 1;
    }
    occ.iter()
        .any(|c| c.first == at && c.clause == o.clause && places.complaints.contains(c.concept))
}

#[cfg(test)]
mod tests {
    use crate::domain::FieldKey;
    use crate::domain::classifier::{Catalog, classify};

    fn fields(text: &str) -> Vec<FieldKey> {
        classify(text, &Catalog::builtin()).fields
    }

    fn keys(groups: &[&str]) -> Vec<FieldKey> {
        let mut out: Vec<FieldKey> = groups
            .iter()
            .flat_map(|g| FieldKey::group(g).unwrap_or_default())
            .collect();
        out.sort();
        out
    }

    #[test]
    fn the_paper_a_value_was_written_on_is_no_field() {
        // An earlier noun owns the place.
        assert_eq!(
            fields("The PIN written on your letter of authorization is wrong."),
            keys(&["pin"])
        );
        assert_eq!(
            fields("The information submitted on the LOA differs from our records."),
            keys(&[])
        );
        // A noun that another field noun follows at once only modifies it.
        assert_eq!(
            fields("LOA authorized person missing"),
            keys(&["authorized_user"])
        );
        // The LOA itself is what is wrong.
        assert_eq!(
            fields("There is an error in the letter of authorization"),
            keys(&["loa"])
        );
        assert_eq!(fields("The LOA on file is too old"), keys(&["loa"]));
    }

    #[test]
    fn a_number_the_message_is_about_is_no_field() {
        assert_eq!(
            fields("The customer service record was not found for this phone number."),
            keys(&[])
        );
        assert_eq!(
            fields("Missing account number for telephone number 425 555 0100"),
            keys(&["account_number"])
        );
        // After a complaint the marker names what is wrong.
        assert_eq!(
            fields("Rejected for BTN"),
            keys(&["billing_telephone_number"])
        );
        assert_eq!(
            fields("Order rejected today for address mismatch"),
            keys(&["service_address"])
        );
        // Numbers that are themselves the complaint stay.
        assert_eq!(
            fields("Porting is refused for numbers that are disconnected"),
            keys(&["numbers"])
        );
    }

    #[test]
    fn a_noun_joined_to_a_place_is_a_place() {
        assert_eq!(
            fields("The numbers associated with the BTN and the service address are not portable."),
            keys(&["numbers"])
        );
    }

    #[test]
    fn two_fields_joined_by_a_slash_are_both_named() {
        assert_eq!(
            fields("Account number/PIN incorrect"),
            keys(&["account_number", "pin"])
        );
    }
}
