//! Training the model from labelled rows, and the leave-one-source-out score. Deterministic: the
//! same rows give the same model (fixed order, fixed shuffle, rounded weights).

use super::catalog::Catalog;
use super::classify::{Classification, classify_with_model};
use super::corpus::CorpusRow;
use super::features::features;
use super::model::{Model, scale, sigmoid};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A feature must appear in this many training texts to be kept.
const MIN_TEXTS: usize = 2;
const EPOCHS: usize = 40;
const LEARNING_RATE: f32 = 0.8;
/// L2 shrinkage per step; keeps rare words from dominating.
const L2: f32 = 1e-4;
/// Weights are stored to this many decimals.
const ROUNDING: f32 = 1e4;

/// One text's training example: its features and label atoms.
struct Example {
    feats: Vec<usize>,
    x: f32,
    labels: Vec<usize>,
}

/// Trains a model on `rows`. The rules' verdicts are features, so it learns when to trust them.
pub fn train(rows: &[CorpusRow], catalog: &Catalog) -> Model {
    let texts: Vec<(Vec<String>, &CorpusRow)> = rows
        .iter()
        .map(|r| {
            (
                features(&r.text, catalog, &fired_rules(&r.text, catalog)),
                r,
            )
        })
        .collect();
    let labels: Vec<String> = rows
        .iter()
        .flat_map(|r| r.atoms.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (feats, _) in &texts {
        for f in feats {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let vocab: Vec<&str> = counts
        .into_iter()
        .filter(|(_, n)| *n >= MIN_TEXTS)
        .map(|(f, _)| f)
        .collect();
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let examples: Vec<Example> = texts
        .iter()
        .map(|(feats, row)| Example {
            feats: feats
                .iter()
                .filter_map(|f| index.get(f.as_str()))
                .copied()
                .collect(),
            x: scale(feats.len()),
            labels: row
                .atoms
                .iter()
                .filter_map(|a| labels.iter().position(|l| l == a))
                .collect(),
        })
        .collect();
    let (bias, w) = fit(&examples, vocab.len(), labels.len());
    let weights = vocab
        .iter()
        .enumerate()
        .map(|(i, f)| {
            (
                f.to_string(),
                w[i].iter().map(|v| round(*v)).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, ws)| ws.iter().any(|v| *v != 0.0))
        .collect();
    Model::new(labels, bias.into_iter().map(round).collect(), weights)
}

/// Stochastic gradient descent on the logistic loss, one output per label.
fn fit(examples: &[Example], n_feats: usize, n_labels: usize) -> (Vec<f32>, Vec<Vec<f32>>) {
    let mut bias = vec![0.0f32; n_labels];
    let mut w = vec![vec![0.0f32; n_labels]; n_feats];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x5eed;
    for epoch in 0..EPOCHS {
        shuffle(&mut order, &mut seed);
        let rate = LEARNING_RATE / (1.0 + epoch as f32 * 0.1);
        for &e in &order {
            let ex = &examples[e];
            for j in 0..n_labels {
                let z = bias[j] + ex.feats.iter().map(|&f| w[f][j] * ex.x).sum::<f32>();
                let target = if ex.labels.contains(&j) { 1.0 } else { 0.0 };
                let g = sigmoid(z) - target;
                bias[j] -= rate * g;
                for &f in &ex.feats {
                    w[f][j] -= rate * (g * ex.x + L2 * w[f][j]);
                }
            }
        }
    }
    (bias, w)
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

/// The ids of the catalog rules that fire on `text` (the rules alone, no model).
pub(crate) fn fired_rules<'c>(text: &str, catalog: &'c Catalog) -> Vec<&'c str> {
    let c = classify_with_model(text, catalog, None);
    c.matches
        .iter()
        .filter_map(|m| catalog.rule(&m.rule).map(|r| r.id.as_str()))
        .collect()
}

/// One family's share of right answers when it was held out.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyScore {
    pub family: String,
    pub rows: usize,
    pub right: usize,
}

/// Leave-one-source-out: for each family, train on every other family and classify the held-out
/// family's rows with the rules plus that model. `model_for` lets callers compare setups.
pub fn leave_one_source_out(
    rows: &[CorpusRow],
    catalog: &Catalog,
    use_model: bool,
) -> (Vec<FamilyScore>, Vec<(usize, Classification)>) {
    let families: BTreeSet<&str> = rows.iter().map(|r| r.family.as_str()).collect();
    let mut scores = Vec::new();
    let mut wrong = Vec::new();
    for family in families {
        let (held, rest): (Vec<&CorpusRow>, Vec<&CorpusRow>) =
            rows.iter().partition(|r| r.family == family);
        let model =
            use_model.then(|| train(&rest.into_iter().cloned().collect::<Vec<_>>(), catalog));
        let mut right = 0;
        for row in &held {
            let c = classify_with_model(&row.text, catalog, model.as_ref());
            if row.is_right(&c) {
                right += 1;
            } else {
                wrong.push((row.line, c));
            }
        }
        scores.push(FamilyScore {
            family: family.to_string(),
            rows: held.len(),
            right,
        });
    }
    (scores, wrong)
}
