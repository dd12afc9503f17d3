//! What the model sees of a text: normalised words, word pairs, pieces of long words, the
//! catalog's concepts (alone, and in pairs met in one sentence) and the rules that fired. Names
//! carry a prefix so kinds never collide.
//!
//! Training and `--explain` need the names (`features`); answering needs only to find each one's
//! weights, so `feature_hashes` hashes the same names as they are walked, building no string
//! (the screens' path was 87 µs a message when every feature was a `String`).

use super::catalog::Catalog;
use super::concepts::Occurrence;
use super::examples::fnv1a_bytes;
use super::normalize::{Token, tokenize};

/// Words this long also give their 4-letter pieces ("authorization" and "authorized" share
/// "auth", "utho"), so an unseen form of a known word still counts.
const PIECES_FROM_LEN: usize = 6;
const PIECE_LEN: usize = 4;

/// What the features are read from: a text's tokens and the catalog phrases found in them (all
/// of them, before cleared clauses are dropped), as the rules already have them.
pub(crate) struct Reading<'a> {
    pub tokens: &'a [Token],
    pub found: &'a [Occurrence],
}

/// Walks the features of a reading, each as the parts its name is made of (with repeats).
fn each_feature(
    reading: &Reading,
    catalog: &Catalog,
    rules: &[&str],
    mut emit: impl FnMut(&[&str]),
) {
    let tokens = reading.tokens;
    for (i, t) in tokens.iter().enumerate() {
        emit(&["w:", &t.text]);
        if let Some(next) = tokens.get(i + 1)
            && next.sentence == t.sentence
        {
            emit(&["b:", &t.text, "_", &next.text]);
        }
        if t.text.chars().count() >= PIECES_FROM_LEN {
            for piece in pieces(&t.text) {
                emit(&["g:", piece]);
            }
        }
    }
    let names = catalog.concept_names();
    for o in reading.found {
        if let Some(name) = names.get(usize::from(o.concept)) {
            emit(&["c:", name]);
        }
    }
    // Concepts met in one sentence, in pairs: what the rules combine, weighed by the corpus.
    for (i, a) in reading.found.iter().enumerate() {
        for b in reading.found[i + 1..]
            .iter()
            .filter(|b| b.sentence == a.sentence)
        {
            let (x, y) = (a.concept.min(b.concept), a.concept.max(b.concept));
            if x != y
                && let (Some(x), Some(y)) = (names.get(usize::from(x)), names.get(usize::from(y)))
            {
                emit(&["p:", x, "+", y]);
            }
        }
    }
    for r in rules {
        emit(&["r:", r]);
    }
}

/// Every run of `PIECE_LEN` characters of `word`, as slices of it.
fn pieces(word: &str) -> impl Iterator<Item = &str> {
    word.char_indices().map_while(move |(start, _)| {
        let rest = &word[start..];
        let end = rest
            .char_indices()
            .nth(PIECE_LEN)
            .map_or(rest.len(), |(e, _)| e);
        (rest[..end].chars().count() == PIECE_LEN).then(|| &rest[..end])
    })
}

/// The features of `text`, sorted and each once. `rules` are the ids of the rules that fired.
pub fn features(text: &str, catalog: &Catalog, rules: &[&str]) -> Vec<String> {
    let tokens = tokenize(text);
    let found = catalog.phrases.find(&tokens);
    let reading = Reading {
        tokens: &tokens,
        found: &found,
    };
    let mut out: Vec<String> = Vec::new();
    each_feature(&reading, catalog, rules, |parts| out.push(parts.concat()));
    out.sort();
    out.dedup();
    out
}

/// The hashes of `features(text, catalog, rules)`, sorted and each once, built without a string.
pub fn feature_hashes(text: &str, catalog: &Catalog, rules: &[&str]) -> Vec<u64> {
    let tokens = tokenize(text);
    let found = catalog.phrases.find(&tokens);
    let reading = Reading {
        tokens: &tokens,
        found: &found,
    };
    hashes_of(&reading, catalog, rules)
}

/// The feature hashes of a text the rules have already read (no second tokenising).
pub(crate) fn hashes_of(reading: &Reading, catalog: &Catalog, rules: &[&str]) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::with_capacity(reading.tokens.len() * 6);
    each_feature(reading, catalog, rules, |parts| {
        out.push(fnv1a_bytes(b"", parts.iter().flat_map(|p| p.bytes())));
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// The hash of a feature's name, as `feature_hashes` gives it (the model hashes its names so).
pub fn feature_hash(name: &str) -> u64 {
    fnv1a_bytes(b"", name.bytes())
}

/// The readable form of a feature name, for `classify --explain`.
pub fn describe(feature: &str) -> String {
    match feature.split_once(':') {
        Some(("w", w)) => format!("word “{w}”"),
        Some(("b", b)) => format!("words “{}”", b.replace('_', " ")),
        Some(("g", g)) => format!("piece “{g}”"),
        Some(("c", c)) => format!("concept {c}"),
        Some(("r", r)) => format!("rule {r}"),
        Some(("p", p)) => format!("concepts {}", p.replace('+', " + ")),
        _ => feature.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_pairs_pieces_concepts_and_rules() {
        let catalog = Catalog::builtin();
        let f = features(
            "The PIN is invalid",
            &catalog,
            &["pin_missing_or_incorrect"],
        );
        for want in ["w:pin", "b:pin_is", "g:inva", "r:pin_missing_or_incorrect"] {
            assert!(f.contains(&want.to_string()), "{want} missing from {f:?}");
        }
        assert!(f.iter().any(|x| x.starts_with("c:")), "{f:?}");
        let mut sorted = f.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(f, sorted);
    }

    #[test]
    fn pieces_are_every_four_letter_run() {
        let got: Vec<&str> = pieces("numéro").collect();
        assert_eq!(got, ["numé", "umér", "méro"]);
    }

    #[test]
    fn hashes_are_the_hashes_of_the_names() {
        let catalog = Catalog::builtin();
        let rows =
            crate::domain::classifier::parse_corpus(crate::domain::classifier::BUILTIN_CORPUS)
                .expect("the corpus parses");
        for row in &rows {
            let rules = crate::domain::classifier::classify::fired_rules(&row.text, &catalog);
            let mut want: Vec<u64> = features(&row.text, &catalog, &rules)
                .iter()
                .map(|f| feature_hash(f))
                .collect();
            want.sort_unstable();
            want.dedup();
            assert_eq!(
                feature_hashes(&row.text, &catalog, &rules),
                want,
                "{}",
                row.text
            );
        }
    }

    #[test]
    fn descriptions_are_readable() {
        assert_eq!(describe("b:pin_is"), "words “pin is”");
        assert_eq!(describe("c:pin"), "concept pin");
    }
}
