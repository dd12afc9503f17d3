//! What the model sees of a text: normalised words, word pairs, pieces of long words, the
//! catalog's concepts and the rules that fired. Names carry a prefix so kinds never collide.

use super::catalog::Catalog;
use super::normalize::tokenize;

/// Words this long also give their 4-letter pieces ("authorization" and "authorized" share
/// "auth", "utho"), so an unseen form of a known word still counts.
const PIECES_FROM_LEN: usize = 6;
const PIECE_LEN: usize = 4;

/// The features of `text`, sorted and each once. `rules` are the ids of the rules that fired.
pub fn features(text: &str, catalog: &Catalog, rules: &[&str]) -> Vec<String> {
    let tokens = tokenize(text);
    let mut out: Vec<String> = Vec::with_capacity(tokens.len() * 4);
    for (i, t) in tokens.iter().enumerate() {
        out.push(format!("w:{}", t.text));
        if let Some(next) = tokens.get(i + 1)
            && next.sentence == t.sentence
        {
            out.push(format!("b:{}_{}", t.text, next.text));
        }
        let chars: Vec<char> = t.text.chars().collect();
        if chars.len() >= PIECES_FROM_LEN {
            for piece in chars.windows(PIECE_LEN) {
                out.push(format!("g:{}", piece.iter().collect::<String>()));
            }
        }
    }
    let names = catalog.concept_names();
    for o in catalog.phrases.find(&tokens) {
        if let Some(name) = names.get(usize::from(o.concept)) {
            out.push(format!("c:{name}"));
        }
    }
    out.extend(rules.iter().map(|r| format!("r:{r}")));
    out.sort();
    out.dedup();
    out
}

/// The readable form of a feature name, for `classify --explain`.
pub fn describe(feature: &str) -> String {
    match feature.split_once(':') {
        Some(("w", w)) => format!("word “{w}”"),
        Some(("b", b)) => format!("words “{}”", b.replace('_', " ")),
        Some(("g", g)) => format!("piece “{g}”"),
        Some(("c", c)) => format!("concept {c}"),
        Some(("r", r)) => format!("rule {r}"),
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
    fn descriptions_are_readable() {
        assert_eq!(describe("b:pin_is"), "words “pin is”");
        assert_eq!(describe("c:pin"), "concept pin");
    }
}
