//! Learning from the user: rejections the user labelled (by correcting the suggested fields) are
//! kept as examples; a new text close to one of them is recognised from it. Offline nearest
//! neighbour over normalised words and character trigrams (cosine on feature sets), with an
//! inverted index on words so ten thousand examples stay cheap to search.

use super::normalize::tokenize;
use crate::domain::FieldKey;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// Similarity from which a neighbour is trusted over the catalog ("the same rejection again").
pub const SIMILARITY_SURE: f32 = 0.8;
/// Similarity from which a neighbour is offered when the catalog recognises nothing (a guess).
pub const SIMILARITY_GUESS: f32 = 0.55;

/// Words too common in carrier mail to say anything about which rejection it is.
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "is", "are", "be", "was", "this",
    "that", "with", "your", "our", "we", "you", "it", "by", "as", "at", "please", "order", "port",
];

/// One rejection text and the fields the user said it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelledExample {
    pub text: String,
    pub fields: Vec<FieldKey>,
    /// The day the user labelled it.
    pub labelled_on: Date,
    /// The order it was labelled on (its display name), to remind the user.
    #[serde(default)]
    pub order: String,
}

/// The example a text was recognised from.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbour {
    pub example: LabelledExample,
    /// Cosine similarity of the feature sets, 0..=1.
    pub similarity: f32,
    /// The words both texts share (for `--explain`).
    pub shared_words: Vec<String>,
}

struct Features {
    words: Vec<String>,
    /// Sorted, deduplicated hashes of words and character trigrams.
    hashes: Vec<u64>,
}

/// The user's examples, indexed for nearest-neighbour search.
#[derive(Default)]
pub struct ExampleIndex {
    examples: Vec<LabelledExample>,
    features: Vec<Features>,
    by_word: HashMap<String, Vec<u32>>,
}

impl std::fmt::Debug for ExampleIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExampleIndex({} examples)", self.examples.len())
    }
}

impl ExampleIndex {
    pub fn new(examples: Vec<LabelledExample>) -> ExampleIndex {
        let mut index = ExampleIndex::default();
        for example in examples {
            index.push(example);
        }
        index
    }

    pub fn push(&mut self, example: LabelledExample) {
        let Ok(id) = u32::try_from(self.examples.len()) else {
            return;
        };
        let features = features(&example.text);
        for word in &features.words {
            self.by_word.entry(word.clone()).or_default().push(id);
        }
        self.features.push(features);
        self.examples.push(example);
    }

    pub fn len(&self) -> usize {
        self.examples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.examples.is_empty()
    }

    pub fn examples(&self) -> &[LabelledExample] {
        &self.examples
    }

    /// The most similar example at or above `SIMILARITY_GUESS`; the newest wins a tie (the
    /// user's latest word counts).
    pub fn nearest(&self, text: &str) -> Option<Neighbour> {
        let query = features(text);
        if query.hashes.is_empty() {
            return None;
        }
        // Candidates share at least one (non-stop) word with the text.
        let mut seen: HashSet<u32> = HashSet::new();
        for word in &query.words {
            if let Some(ids) = self.by_word.get(word) {
                seen.extend(ids);
            }
        }
        let mut best: Option<(u32, f32)> = None;
        for &id in &seen {
            let Some(f) = self.features.get(id as usize) else {
                continue;
            };
            let sim = cosine(&query.hashes, &f.hashes);
            let better = match best {
                None => true,
                Some((best_id, best_sim)) => sim > best_sim || (sim == best_sim && id > best_id),
            };
            if better {
                best = Some((id, sim));
            }
        }
        let (id, similarity) = best.filter(|(_, s)| *s >= SIMILARITY_GUESS)?;
        let example = self.examples.get(id as usize)?.clone();
        let theirs = &self.features[id as usize].words;
        let shared_words = query
            .words
            .iter()
            .filter(|w| theirs.contains(w))
            .cloned()
            .collect();
        Some(Neighbour {
            example,
            similarity,
            shared_words,
        })
    }
}

fn features(text: &str) -> Features {
    let mut words: Vec<String> = tokenize(text)
        .into_iter()
        .map(|t| t.text)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect();
    let mut hashes = Vec::with_capacity(words.len() * 6);
    for word in &words {
        hashes.push(hash_of(("w", word.as_str())));
        let padded: Vec<char> = format!("^{word}$").chars().collect();
        for gram in padded.windows(3) {
            hashes.push(hash_of(("g", gram)));
        }
    }
    hashes.sort_unstable();
    hashes.dedup();
    words.sort();
    words.dedup();
    Features { words, hashes }
}

fn hash_of(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Cosine similarity of two sorted sets.
fn cosine(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 / ((a.len() as f32) * (b.len() as f32)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(text: &str, fields: &[FieldKey]) -> LabelledExample {
        LabelledExample {
            text: text.to_string(),
            fields: fields.to_vec(),
            labelled_on: Date::constant(2026, 11, 30),
            order: "Contoso HQ".into(),
        }
    }

    #[test]
    fn a_reworded_text_finds_its_example() {
        let index = ExampleIndex::new(vec![
            example(
                "Reject code 4C: ALI record mismatch for TN",
                &[FieldKey::ServiceAddressStreet],
            ),
            example("Hunt group blocks the port", &[]),
        ]);
        let n = index
            .nearest("REJECT 4C - ALI record mismatch on the TN")
            .unwrap();
        assert_eq!(n.example.fields, [FieldKey::ServiceAddressStreet]);
        assert!(n.similarity >= SIMILARITY_SURE, "{}", n.similarity);
        assert!(n.shared_words.contains(&"ali".to_string()));
    }

    #[test]
    fn unrelated_text_finds_nothing() {
        let index = ExampleIndex::new(vec![example(
            "Reject code 4C: ALI record mismatch for TN",
            &[FieldKey::ServiceAddressStreet],
        )]);
        assert!(index.nearest("The PIN is wrong").is_none());
        assert!(index.nearest("").is_none());
    }

    #[test]
    fn the_newest_of_two_equal_examples_wins() {
        let index = ExampleIndex::new(vec![
            example("ALI record mismatch", &[FieldKey::ServiceAddressStreet]),
            example("ALI record mismatch", &[FieldKey::ServiceAddressCity]),
        ]);
        let n = index.nearest("ALI record mismatch").unwrap();
        assert_eq!(n.example.fields, [FieldKey::ServiceAddressCity]);
    }
}
