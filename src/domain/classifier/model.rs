//! The learned model: one logistic regression per label (a field group or key, or `carrier`)
//! over the text's features. It answers where the catalog's rules are silent; trained from the
//! corpus by `cargo run --example train_classifier` and shipped as `assets/classifier-model.json`.

use super::catalog::Catalog;
use super::features::{Reading, describe, feature_hash, feature_hashes, features, hashes_of};
use crate::domain::FieldKey;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const BUILTIN_JSON: &str = include_str!("../../../assets/classifier-model.json");

/// The label the model gives texts that name no rejection (status and advice texts): trained
/// like the others, never chosen; when it is the likeliest the model chooses nothing.
pub const NONE: &str = "none";

/// A label is chosen when its probability reaches this.
pub const CHOOSE_AT: f32 = 0.5;
/// Below this confidence the model's answer is "not sure": shown as a guess to confirm. Read from
/// the held-out reliability table (`train_classifier -- --loso`): suggestions at 0.9 or more were
/// right 7 times in 7, those between 0.6 and 0.9 about 70% of the time.
pub const SURE_AT: f32 = 0.9;
/// The confidence (`Classification::certainty`) from which a rules' answer is shown as sure; below
/// it the screens say "not sure" and ask the user to confirm. On held-out publishers (881 texts),
/// answers at 0.3 or more were right 90.5% of the time, with the model's own at 0.9 94.3%
/// (`train_classifier -- --loso`).
pub const RULES_SURE_AT: f32 = 0.3;
/// A label this likely is still offered as a guess ("not sure") when none is chosen and the
/// model does not read the text as naming nothing (`NONE` likeliest). Held out, guessing from 0.1
/// rather than 0.3 answered 12 more texts right of 755 (`train_classifier -- --loso`).
pub const GUESS_AT: f32 = 0.1;

/// The model as stored: labels, a bias and a weight per label for every feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub labels: Vec<String>,
    pub bias: Vec<f32>,
    /// Sorted, so the same corpus always writes the same file.
    pub weights: BTreeMap<String, Vec<f32>>,
    /// Each feature's hash and its row, sorted by hash (answering looks features up by hash).
    #[serde(skip)]
    index: Vec<(u64, usize)>,
    #[serde(skip)]
    rows: Vec<Vec<f32>>,
}

/// The model's reading of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// Every label with its probability, most likely first.
    pub ranked: Vec<(String, f32)>,
}

impl Prediction {
    /// The labels the model chooses; when none reaches `CHOOSE_AT`, the likeliest if it reaches
    /// `GUESS_AT` (a guess).
    pub fn chosen(&self) -> Vec<&str> {
        if self.ranked.first().is_some_and(|(l, _)| l == NONE) {
            return Vec::new();
        }
        let sure: Vec<&str> = self
            .ranked
            .iter()
            .filter(|(l, _)| l != NONE)
            .filter(|(_, p)| *p >= CHOOSE_AT)
            .map(|(l, _)| l.as_str())
            .collect();
        if !sure.is_empty() {
            return sure;
        }
        self.ranked
            .iter()
            .find(|(l, _)| l != NONE)
            .filter(|(_, p)| *p >= GUESS_AT)
            .map(|(l, _)| vec![l.as_str()])
            .unwrap_or_default()
    }

    /// The probability of one label (0 for a label the model does not have).
    pub fn probability(&self, label: &str) -> f32 {
        self.ranked
            .iter()
            .find(|(l, _)| l == label)
            .map_or(0.0, |(_, p)| *p)
    }

    /// How likely the model finds a field: the likelier of its key's label and its group's.
    pub fn field_support(&self, key: &FieldKey) -> f32 {
        self.probability(key.as_str())
            .max(self.probability(key.group_name()))
    }

    /// How sure the model is of `chosen()`: the mean probability of the chosen labels.
    pub fn confidence(&self) -> f32 {
        let chosen = self.chosen();
        if chosen.is_empty() {
            return 0.0;
        }
        let sum: f32 = self
            .ranked
            .iter()
            .filter(|(l, _)| chosen.contains(&l.as_str()))
            .map(|(_, p)| p)
            .sum();
        sum / chosen.len() as f32
    }
}

impl Model {
    /// A model from its parts; builds the lookup tables.
    pub fn new(labels: Vec<String>, bias: Vec<f32>, weights: BTreeMap<String, Vec<f32>>) -> Model {
        let mut m = Model {
            labels,
            bias,
            weights,
            index: Vec::new(),
            rows: Vec::new(),
        };
        m.build_index();
        m
    }

    fn build_index(&mut self) {
        self.index = self
            .weights
            .keys()
            .enumerate()
            .map(|(i, k)| (feature_hash(k), i))
            .collect();
        self.index.sort_unstable();
        self.rows = self.weights.values().cloned().collect();
    }

    /// Reads a stored model; refuses one whose shapes disagree.
    pub fn from_json(json: &str) -> Result<Model, String> {
        let mut m: Model = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let n = m.labels.len();
        if m.bias.len() != n || m.weights.values().any(|w| w.len() != n) {
            return Err("model: weights do not match its labels".to_string());
        }
        m.build_index();
        // Two names with one hash would share weights: refuse rather than answer wrongly.
        if m.index.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err("model: two features share a hash".to_string());
        }
        Ok(m)
    }

    /// The stored form: one feature a line, so diffs of a retrained model stay readable.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\n");
        let labels = serde_json::to_string(&self.labels).unwrap_or_default();
        let bias = serde_json::to_string(&self.bias).unwrap_or_default();
        out.push_str(&format!(
            "\"labels\": {labels},\n\"bias\": {bias},\n\"weights\": {{\n"
        ));
        let lines: Vec<String> = self
            .weights
            .iter()
            .map(|(k, w)| {
                let key = serde_json::to_string(k).unwrap_or_default();
                let w = serde_json::to_string(w).unwrap_or_default();
                format!("{key}: {w}")
            })
            .collect();
        out.push_str(&lines.join(",\n"));
        out.push_str("\n}\n}\n");
        out
    }

    /// The model shipped with portwiz, or `None` if its file does not load (a test keeps it
    /// loading; the rules still answer without it).
    pub fn builtin() -> Option<&'static Model> {
        static BUILTIN: OnceLock<Option<Model>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Model::from_json(BUILTIN_JSON).ok())
            .as_ref()
    }

    /// The row of weights of the feature hashed to `hash`, if the model knows it.
    fn row(&self, hash: u64) -> Option<&[f32]> {
        let at = self.index.binary_search_by_key(&hash, |(h, _)| *h).ok()?;
        Some(&self.rows[self.index[at].1])
    }

    /// Raw scores per label for a text's feature hashes. Only the features the model knows share
    /// the text's unit of length (`scale`): words it never met say nothing, so they do not drown
    /// the few it knows (a text in a language the corpus barely has read as the prior alone).
    fn scores(&self, feats: &[u64]) -> Vec<f32> {
        let known: Vec<&[f32]> = feats.iter().filter_map(|&f| self.row(f)).collect();
        let x = scale(known.len());
        let mut s = self.bias.clone();
        for row in known {
            for (acc, w) in s.iter_mut().zip(row) {
                *acc += w * x;
            }
        }
        s
    }

    /// The probabilities of every label for `text`; `rules` are the ids of the rules that fired.
    pub fn predict(&self, text: &str, catalog: &Catalog, rules: &[&str]) -> Prediction {
        self.predict_features(&feature_hashes(text, catalog, rules))
    }

    /// The probabilities of every label for a text the rules have already read.
    pub(crate) fn predict_reading(
        &self,
        reading: &Reading,
        catalog: &Catalog,
        rules: &[&str],
    ) -> Prediction {
        self.predict_features(&hashes_of(reading, catalog, rules))
    }

    /// The probabilities of every label for a text's feature hashes (`feature_hashes`).
    pub(crate) fn predict_features(&self, feats: &[u64]) -> Prediction {
        let mut ranked: Vec<(String, f32)> = self
            .labels
            .iter()
            .cloned()
            .zip(self.scores(feats).into_iter().map(sigmoid))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        Prediction { ranked }
    }

    /// The features of `text` that pushed hardest towards `label`, strongest first, in words.
    pub fn strongest_features(
        &self,
        text: &str,
        catalog: &Catalog,
        rules: &[&str],
        label: &str,
        limit: usize,
    ) -> Vec<(String, f32)> {
        let mut pushes = self.weighed_features(text, catalog, rules, label);
        pushes.retain(|(_, w)| *w > 0.0);
        pushes.truncate(limit);
        pushes
    }

    /// Every feature of `text` the model weighs for `label`, in words, with what it adds to the
    /// label's score (negative: it weighs against), strongest either way first.
    pub fn weighed_features(
        &self,
        text: &str,
        catalog: &Catalog,
        rules: &[&str],
        label: &str,
    ) -> Vec<(String, f32)> {
        let Some(j) = self.labels.iter().position(|l| l == label) else {
            return Vec::new();
        };
        let feats = features(text, catalog, rules);
        let known: Vec<(&String, &[f32])> = feats
            .iter()
            .filter_map(|f| Some((f, self.row(feature_hash(f))?)))
            .collect();
        let x = scale(known.len());
        let mut weighed: Vec<(String, f32)> = known
            .iter()
            .map(|(f, row)| (describe(f), row[j] * x))
            .filter(|(_, w)| *w != 0.0)
            .collect();
        weighed.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        weighed
    }
}

/// The features of a text the model knows share one unit of length, so long texts do not shout.
pub(crate) fn scale(n: usize) -> f32 {
    1.0 / (n.max(1) as f32).sqrt()
}

pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_loads() {
        let m = Model::builtin().expect("assets/classifier-model.json loads");
        assert!(!m.labels.is_empty());
    }

    #[test]
    fn a_model_with_mismatched_shapes_is_refused() {
        let json = r#"{"labels":["pin"],"bias":[0.0,1.0],"weights":{}}"#;
        assert!(Model::from_json(json).is_err());
        assert!(Model::from_json("not json").is_err());
    }

    /// Words the model never met say nothing: they neither add to a label nor thin the ones it
    /// knows.
    #[test]
    fn unknown_features_do_not_change_the_reading() {
        let mut w = BTreeMap::new();
        w.insert("w:pin".to_string(), vec![3.0, -1.0]);
        let m = Model::new(vec!["pin".into(), "carrier".into()], vec![-1.0, -1.0], w);
        let pin = feature_hash("w:pin");
        let alone = m.predict_features(&[pin]);
        let among_strangers =
            m.predict_features(&[pin, feature_hash("w:numer"), feature_hash("w:abonat")]);
        assert_eq!(alone, among_strangers);
        assert_eq!(alone.ranked[0].0, "pin");
    }

    #[test]
    fn stored_form_round_trips() {
        let mut w = BTreeMap::new();
        w.insert("w:pin".to_string(), vec![2.5, -1.0]);
        let m = Model::new(vec!["pin".into(), "carrier".into()], vec![-1.0, -1.0], w);
        assert_eq!(Model::from_json(&m.to_json()).unwrap(), m);
    }
}
