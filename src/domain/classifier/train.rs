//! Training the model from labelled rows, and the leave-one-source-out score. Deterministic: the
//! same rows give the same model (fixed order, fixed shuffle, rounded weights).

use super::catalog::Catalog;
use super::classify::{Classification, classify_by_rules, fired_rules};
use super::corpus::CorpusRow;
use super::features::features;
use super::model::{Model, scale, sigmoid};
use super::model_answer::{MODEL_RULE, answer_confidence, classify_with_model, suggest};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A feature must appear in texts of this many publishers to be kept: a word only one publisher
/// uses (its codes, its product names) names that publisher, not a field, and cannot help on
/// wording the corpus has not met.
const MIN_PUBLISHERS: usize = 2;
/// A catalog concept (`c:`) counts this many times a word: concepts are the field's vocabulary in
/// every language the catalog speaks, so they carry across publishers where words do not.
const CONCEPT_WEIGHT: f32 = 2.0;
const EPOCHS: usize = 40;
const LEARNING_RATE: f32 = 0.8;
/// L2 shrinkage per step; keeps rare words from dominating.
const L2: f32 = 1e-4;
/// Weights are stored to this many decimals.
const ROUNDING: f32 = 1e4;

/// One text's training example: its features and label atoms.
struct Example {
    /// Indexes into the vocabulary.
    feats: Vec<usize>,
    x: f32,
    labels: Vec<usize>,
}

/// Trains a model on `rows`. The rules' verdicts are features, so it learns when to trust them.
pub fn train(rows: &[CorpusRow], catalog: &Catalog) -> Model {
    let feats = row_features(rows, catalog);
    let all: Vec<usize> = (0..rows.len()).collect();
    train_on(rows, &feats, &all)
}

/// Each row's features, computed once (the held-out folds reuse them).
fn row_features(rows: &[CorpusRow], catalog: &Catalog) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| features(&r.text, catalog, &fired_rules(&r.text, catalog)))
        .collect()
}

/// Trains on the rows at `picked`, whose features are `feats[i]`.
fn train_on(rows: &[CorpusRow], feats: &[Vec<String>], picked: &[usize]) -> Model {
    // A text that names nothing is a label of its own, so the model learns what status and
    // advice texts read like and can say so rather than guess a field.
    let atoms_of = |i: usize| -> Vec<String> {
        if rows[i].atoms.is_empty() {
            vec![super::model::NONE.to_string()]
        } else {
            rows[i].atoms.clone()
        }
    };
    let labels: Vec<String> = picked
        .iter()
        .flat_map(|&i| atoms_of(i))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let vocab = vocabulary(rows, feats, picked);
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let examples: Vec<Example> = picked
        .iter()
        .map(|&i| {
            let known: Vec<usize> = feats[i]
                .iter()
                .filter_map(|f| index.get(f.as_str()))
                .copied()
                .collect();
            // As the model answers: only known features share the text's unit of length.
            let x = scale(known.len());
            (i, known, x)
        })
        .map(|(i, feats, x)| Example {
            feats,
            x,
            labels: atoms_of(i)
                .iter()
                .filter_map(|a| labels.iter().position(|l| l == a))
                .collect(),
        })
        .collect();
    let value: Vec<f32> = vocab.iter().map(|f| feature_value(f)).collect();
    let (bias, w) = fit(&examples, &value, labels.len());
    // A feature's value is folded into its stored weights, so answering multiplies by nothing.
    let weights = vocab
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let ws: Vec<f32> = w[i].iter().map(|v| round(*v * value[i])).collect();
            (f.to_string(), ws)
        })
        .filter(|(_, ws)| ws.iter().any(|v| *v != 0.0))
        .collect();
    Model::new(labels, bias.into_iter().map(round).collect(), weights)
}

/// The features of the rows at `picked` seen in texts of at least `MIN_PUBLISHERS` publishers,
/// sorted.
fn vocabulary<'a>(rows: &[CorpusRow], feats: &'a [Vec<String>], picked: &[usize]) -> Vec<&'a str> {
    let mut publishers: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for &i in picked {
        for f in &feats[i] {
            publishers
                .entry(f.as_str())
                .or_default()
                .insert(rows[i].family.as_str());
        }
    }
    publishers
        .into_iter()
        .filter(|(_, p)| p.len() >= MIN_PUBLISHERS)
        .map(|(f, _)| f)
        .collect()
}

/// What a present feature is worth in a text, before the text's scale: `CONCEPT_WEIGHT` for a
/// catalog concept, 1 for the rest.
fn feature_value(feature: &str) -> f32 {
    if feature.starts_with("c:") {
        CONCEPT_WEIGHT
    } else {
        1.0
    }
}

/// Stochastic gradient descent on the logistic loss, one output per label. The weights are one
/// flat row per feature (`n_labels` wide), walked as slices so the debug build the tests run is
/// not slowed by indexing; the arithmetic is the per-label sums and updates, in the same order.
/// `value[f]` is feature `f`'s value when present (`feature_value`).
fn fit(examples: &[Example], value: &[f32], n_labels: usize) -> (Vec<f32>, Vec<Vec<f32>>) {
    let n_feats = value.len();
    let mut bias = vec![0.0f32; n_labels];
    let mut w = vec![0.0f32; n_feats * n_labels];
    let mut sums = vec![0.0f32; n_labels];
    let mut grads = vec![0.0f32; n_labels];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x5eed;
    for epoch in 0..EPOCHS {
        shuffle(&mut order, &mut seed);
        let rate = LEARNING_RATE / (1.0 + epoch as f32 * 0.1);
        for &e in &order {
            let ex = &examples[e];
            sums.fill(0.0);
            for &f in &ex.feats {
                let row = &w[f * n_labels..(f + 1) * n_labels];
                let x = ex.x * value[f];
                for (s, wj) in sums.iter_mut().zip(row) {
                    *s += wj * x;
                }
            }
            for (j, ((g, b), s)) in grads.iter_mut().zip(&mut bias).zip(&sums).enumerate() {
                let target = if ex.labels.contains(&j) { 1.0 } else { 0.0 };
                *g = sigmoid(*b + s) - target;
                *b -= rate * *g;
            }
            for &f in &ex.feats {
                let row = &mut w[f * n_labels..(f + 1) * n_labels];
                let x = ex.x * value[f];
                for (wj, g) in row.iter_mut().zip(&grads) {
                    *wj -= rate * (g * x + L2 * *wj);
                }
            }
        }
    }
    let rows = if n_labels == 0 {
        vec![Vec::new(); n_feats]
    } else {
        w.chunks(n_labels).map(<[f32]>::to_vec).collect()
    };
    (bias, rows)
}

/// Fisher–Yates with a fixed linear congruential generator: the same order on every machine.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = ((*seed >> 33) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

fn round(v: f32) -> f32 {
    (v * ROUNDING).round() / ROUNDING
}

/// One family's share of right answers when it was held out.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyScore {
    pub family: String,
    pub rows: usize,
    pub right: usize,
}

/// What leave-one-source-out found.
#[derive(Debug, Clone, Default)]
pub struct HeldOut {
    /// Per family, in name order.
    pub scores: Vec<FamilyScore>,
    /// The rows answered wrongly (corpus line) and the answer given.
    pub wrong: Vec<(usize, Classification)>,
    /// For each row no rule read and the model answered: its confidence and whether it was
    /// right. The reliability of the "not sure" threshold is read from these.
    pub suggestions: Vec<(f32, bool)>,
    /// Every held-out row's answer: how sure it was and whether it was right (with a model).
    pub answers: Vec<Answered>,
}

/// One held-out row's answer, for the coverage and precision of "sure" answers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answered {
    /// `answer_confidence`: `None` when the answer was "not recognised".
    pub confidence: Option<f32>,
    /// The answer came from the model (no rule read the text).
    pub by_model: bool,
    /// The row's right answer is "none" (a status or advice text).
    pub expects_nothing: bool,
    pub right: bool,
}

impl HeldOut {
    /// Of the answers at least `rules_at` sure (`model_at` for the model's own): how many there were, how many were right, and how
    /// many rows that name something were left "not sure" or unrecognised.
    pub fn sure_answers(&self, rules_at: f32, model_at: f32) -> (usize, usize, usize) {
        let sure = |a: &&Answered| {
            let at = if a.by_model { model_at } else { rules_at };
            a.confidence.is_some_and(|c| c >= at)
        };
        let given = self.answers.iter().filter(sure).count();
        let right = self.answers.iter().filter(sure).filter(|a| a.right).count();
        let open = self
            .answers
            .iter()
            .filter(|a| !a.expects_nothing && !sure(a))
            .count();
        (given, right, open)
    }

    /// Right answers and rows over every family.
    pub fn total(&self) -> (usize, usize) {
        self.scores
            .iter()
            .fold((0, 0), |(r, a), s| (r + s.right, a + s.rows))
    }
}

/// How the held-out rows are answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answering {
    /// The catalog's rules alone.
    Rules,
    /// The rules; the model only where no rule fires (no veto).
    RulesThenModel,
    /// As the screens answer: the rules, the model vetoing the matches it strongly rejects,
    /// and the model where no rule fires.
    Combined,
}

/// Leave-one-source-out: for each family, train on every other family and classify the held-out
/// family's rows as `answering` says.
pub fn leave_one_source_out(
    rows: &[CorpusRow],
    catalog: &Catalog,
    answering: Answering,
) -> HeldOut {
    let use_model = answering != Answering::Rules;
    let families: BTreeSet<&str> = rows.iter().map(|r| r.family.as_str()).collect();
    let feats = if use_model {
        row_features(rows, catalog)
    } else {
        Vec::new()
    };
    let mut out = HeldOut::default();
    for family in families {
        let (held, rest): (Vec<usize>, Vec<usize>) =
            (0..rows.len()).partition(|&i| rows[i].family == family);
        let model = use_model.then(|| train_on(rows, &feats, &rest));
        let mut right = 0;
        for &i in &held {
            let c = answer(&rows[i].text, catalog, model.as_ref(), answering);
            let is_right = rows[i].is_right(&c);
            out.answers.push(Answered {
                confidence: model
                    .as_ref()
                    .and_then(|m| answer_confidence(&rows[i].text, catalog, m, &c)),
                expects_nothing: rows[i].atoms.is_empty(),
                by_model: c.matches.first().is_some_and(|m| m.rule == MODEL_RULE),
                right: is_right,
            });
            if let Some(m) = c.matches.first().filter(|m| m.rule == MODEL_RULE) {
                out.suggestions.push((m.score, is_right));
            }
            if is_right {
                right += 1;
            } else {
                out.wrong.push((rows[i].line, c));
            }
        }
        out.scores.push(FamilyScore {
            family: family.to_string(),
            rows: held.len(),
            right,
        });
    }
    out
}

fn answer(
    text: &str,
    catalog: &Catalog,
    model: Option<&Model>,
    answering: Answering,
) -> Classification {
    match (answering, model) {
        (Answering::RulesThenModel, Some(model)) => {
            let c = classify_by_rules(text, catalog, None);
            if c.is_recognised() || c.is_status_update() {
                c
            } else {
                suggest(text, catalog, model).unwrap_or(c)
            }
        }
        _ => classify_with_model(text, catalog, model),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::classifier::parse_corpus;

    fn rows(tsv: &str) -> Vec<CorpusRow> {
        parse_corpus(tsv).expect("the rows parse")
    }

    #[test]
    fn a_feature_one_publisher_uses_is_not_learned() {
        let rows = rows(
            "pin\t-\talpha\ts\tPIN invalid ZX81\n\
             pin\t-\talpha\ts\tPIN wrong ZX81\n\
             pin\t-\tbeta\ts\tPIN invalid\n",
        );
        let feats = vec![
            vec!["w:pin".to_string(), "w:zx81".to_string()],
            vec!["w:pin".to_string(), "w:zx81".to_string()],
            vec!["w:pin".to_string()],
        ];
        // "zx81" is in two texts, but of one publisher.
        assert_eq!(vocabulary(&rows, &feats, &[0, 1, 2]), vec!["w:pin"]);
        // Held out, beta's texts teach nothing of "pin" either.
        assert!(vocabulary(&rows, &feats, &[0, 1]).is_empty());
    }

    #[test]
    fn concepts_count_more_than_words_and_a_small_corpus_trains() {
        assert_eq!(feature_value("c:pin"), CONCEPT_WEIGHT);
        assert_eq!(feature_value("w:pin"), 1.0);
        assert_eq!(feature_value("p:pin+wrong"), 1.0);
        let rows = rows(
            "pin\t-\talpha\ts\tPIN invalid\n\
             account_number\t-\tbeta\ts\tAccount number invalid\n\
             pin\t-\tgamma\ts\tThe PIN is wrong\n\
             account_number\t-\tdelta\ts\tWrong account number\n",
        );
        let catalog = Catalog::builtin();
        let model = train(&rows, &catalog);
        let p = model.predict("pin", &catalog, &[]);
        assert_eq!(p.ranked[0].0, "pin", "{:?}", p.ranked);
    }

    #[test]
    fn the_same_rows_train_the_same_model() {
        let rows = rows(
            "pin\t-\talpha\ts\tPIN invalid\n\
             account_number\t-\tbeta\ts\tAccount number invalid\n\
             pin\t-\tgamma\ts\tThe PIN is wrong\n\
             none\t-\tdelta\ts\tThe port completed\n",
        );
        let catalog = Catalog::builtin();
        assert_eq!(train(&rows, &catalog), train(&rows, &catalog));
    }
}
