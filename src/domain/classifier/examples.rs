//! Learning from the user: rejections the user labelled (by correcting the suggested fields) are
//! kept as examples; a new text close to one of them is recognised from it. Offline nearest
//! neighbour over normalised words and character trigrams (cosine on feature sets), with an
//! inverted index on those features so ten thousand examples stay cheap to search.

use super::normalize::tokenize;
use crate::domain::FieldKey;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// Candidates are gathered from the query's rarest features first, until this many postings
/// have been read: common words and trigrams, present in thousands of examples, would cost
/// much and tell little.
const POSTING_BUDGET: usize = 4_000;
/// How many of the best-overlapping candidates get the exact similarity.
const CANDIDATES: usize = 16;

/// The user's examples, indexed for nearest-neighbour search.
#[derive(Default)]
pub struct ExampleIndex {
    examples: Vec<LabelledExample>,
    features: Vec<Features>,
    by_feature: HashMap<u64, Vec<u32>, BuildHasherDefault<AlreadyHashed>>,
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
        for hash in &features.hashes {
            self.by_feature.entry(*hash).or_default().push(id);
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
        // No examples (every new user): nothing to read the text for.
        if self.examples.is_empty() {
            return None;
        }
        let query = features(text);
        if query.hashes.is_empty() {
            return None;
        }
        let mut postings: Vec<&[u32]> = query
            .hashes
            .iter()
            .filter_map(|h| self.by_feature.get(h).map(Vec::as_slice))
            .collect();
        postings.sort_by_key(|p| p.len());
        // A dense counter per example, and the ids it touched (a hash map costs ten times more).
        let mut overlap: Vec<u16> = vec![0; self.examples.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut read = 0;
        for (i, ids) in postings.iter().enumerate() {
            // Past the budget, stop; a first feature that alone exceeds it is shared by nearly
            // every example, so only its newest examples are worth a look.
            let ids = match (i, read + ids.len() > POSTING_BUDGET) {
                (0, true) => &ids[ids.len() - POSTING_BUDGET..],
                (_, true) => break,
                _ => *ids,
            };
            read += ids.len();
            for &id in ids {
                if let Some(count) = overlap.get_mut(id as usize) {
                    if *count == 0 {
                        touched.push(id);
                    }
                    *count = count.saturating_add(1);
                }
            }
        }
        let mut candidates: Vec<(u32, u16)> = touched
            .into_iter()
            .map(|id| (id, overlap[id as usize]))
            .collect();
        // Most shared features first; the newest first among equals. Only the best few are kept,
        // so they are selected (linear) before they are sorted: sorting every touched example
        // (thousands) was most of the search's time.
        let order = |a: &(u32, u16), b: &(u32, u16)| b.1.cmp(&a.1).then(b.0.cmp(&a.0));
        if candidates.len() > CANDIDATES {
            candidates.select_nth_unstable_by(CANDIDATES - 1, order);
            candidates.truncate(CANDIDATES);
        }
        candidates.sort_unstable_by(order);

        let mut best: Option<(u32, f32)> = None;
        for (id, _) in candidates {
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
        hashes.push(fnv1a(b"w", word.chars()));
        let padded: Vec<char> = std::iter::once('^')
            .chain(word.chars())
            .chain(std::iter::once('$'))
            .collect();
        for gram in padded.windows(3) {
            hashes.push(fnv1a(b"g", gram.iter().copied()));
        }
    }
    hashes.sort_unstable();
    hashes.dedup();
    words.sort();
    words.dedup();
    Features { words, hashes }
}

/// FNV-1a over a tag and characters: stable across runs and much cheaper than SipHash here.
pub(crate) fn fnv1a(tag: &[u8], chars: impl Iterator<Item = char>) -> u64 {
    let mut buf = [0u8; 4];
    let mut h = fnv1a_bytes(tag, std::iter::empty());
    for c in chars {
        h = fnv1a_more(h, c.encode_utf8(&mut buf).bytes());
    }
    h
}

/// `fnv1a` of text given as its UTF-8 bytes (the same hash, without decoding characters).
pub(crate) fn fnv1a_bytes(tag: &[u8], bytes: impl Iterator<Item = u8>) -> u64 {
    fnv1a_more(
        fnv1a_more(0xcbf2_9ce4_8422_2325, tag.iter().copied()),
        bytes,
    )
}

fn fnv1a_more(mut h: u64, bytes: impl Iterator<Item = u8>) -> u64 {
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The feature keys are hashes already: the map need not hash them again.
#[derive(Default)]
struct AlreadyHashed(u64);

impl Hasher for AlreadyHashed {
    fn finish(&self) -> u64 {
        // One multiply spreads FNV's low-entropy high bits over the whole word.
        (self.0 ^ (self.0 >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
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

    /// The model's feature hashes are read from bytes, the examples' from characters: one hash.
    #[test]
    fn hashing_bytes_and_characters_agree() {
        for text in [
            "",
            "pin",
            "numéro_de_téléphone",
            "電話番号",
            "c:pin+problem",
        ] {
            assert_eq!(
                fnv1a(b"g", text.chars()),
                fnv1a_bytes(b"g", text.bytes()),
                "{text}"
            );
        }
    }

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
    fn among_thousands_of_near_twins_the_one_with_the_rare_words_wins() {
        let list = (0..5000)
            .map(|i| {
                example(
                    &format!("Reject code R{i}: BTN is missing"),
                    &[FieldKey::BillingTelephoneNumber],
                )
            })
            .collect();
        let mut index = ExampleIndex::new(list);
        index.push(example(
            "Reject code R77777: BTN is missing",
            &[FieldKey::Pin],
        ));
        let n = index.nearest("Reject code R77777: BTN missing").unwrap();
        assert_eq!(n.example.fields, [FieldKey::Pin]);
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
