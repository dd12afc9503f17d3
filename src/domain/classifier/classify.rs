//! `classify`: from a carrier's words to the rules they trigger and the fields to fix.
//!
//! Rules are evaluated per sentence, on the set of concepts found in it, so words from two
//! unrelated sentences do not combine. Only when no sentence triggers anything is the whole text
//! tried as one scope (terse notes like "Rejected. PIN."), at a lower score.
//!
//! Score: how tightly the evidence hangs together. 1.0 when every concept the rule needs sits in
//! one clause ("PIN is invalid"); 0.85 when they are spread over one sentence's clauses; 0.6 when
//! they were only found across sentences.

use super::catalog::{Catalog, Rule};
use super::concepts::{ConceptSet, Occurrence};
use super::examples::{ExampleIndex, Neighbour, SIMILARITY_SURE};
use super::features::Reading;
use super::model::Model;
use super::normalize::{Token, tokenize};
use super::place::without_places;
use super::status::{StatusReading, status_reading, status_words};
use super::veto::rules_to_keep;
use crate::domain::FieldKey;
use serde::{Deserialize, Serialize};
use std::ops::Range;

const SCORE_ONE_CLAUSE: f32 = 1.0;
const SCORE_ONE_SENTENCE: f32 = 0.85;
const SCORE_WHOLE_TEXT: f32 = 0.6;
/// Below this best score the answer is a guess the user should confirm.
const SCORE_GUESS_BELOW: f32 = 0.7;
/// The `rule` of a match that came from the user's own labelled example.
pub const LEARNED_RULE: &str = "learned_example";

/// What a carrier's text means for the order. docs/command-line.md is its JSON form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    /// Every field to fix: the union of the matches' fields, in `FieldKey` order.
    pub fields: Vec<FieldKey>,
    /// The rules that fired, best score first; empty when the text is not recognised.
    pub matches: Vec<Match>,
    /// Only the carrier (or the customer with the carrier) can resolve it.
    pub needs_carrier_contact: bool,
    /// What to do, in the product's words.
    pub action: String,
    /// The user's labelled example the answer came from, if any. Not part of the JSON contract.
    #[serde(skip)]
    pub learned: Option<Neighbour>,
    /// The byte span of the sentence that holds the best match's words ("the sentence that
    /// triggered it"), to show first. Not part of the JSON contract.
    #[serde(skip)]
    pub key_sentence: Option<Range<usize>>,
    /// When no rule fired: the words that make the text read like a status update ("processing",
    /// "received") rather than a rejection; empty otherwise. Not part of the JSON contract.
    #[serde(skip)]
    pub status_words: Vec<String>,
    /// How sure the rules' answer is: the least confidence of its matches (`Match::confidence`);
    /// `None` without a model or a match. Not part of the JSON contract (its keys are fixed).
    #[serde(skip)]
    pub confidence: Option<f32>,
}

impl Classification {
    /// What to do when the user chose `chosen` instead of the suggested fields: the advice of the
    /// rules that fired and concern a chosen field, else the catalog's advice for those fields,
    /// so the advice never speaks of a field the user ruled out.
    pub fn action_for(&self, chosen: &[FieldKey], catalog: &Catalog) -> String {
        if chosen == self.fields.as_slice() || chosen.is_empty() {
            return self.action.clone();
        }
        let mut actions: Vec<&str> = Vec::new();
        for m in &self.matches {
            let rule = catalog.rules.iter().find(|r| r.id == m.rule);
            if let Some(rule) = rule
                && rule.fields.iter().any(|f| chosen.contains(f))
                && !actions.contains(&rule.action.as_str())
            {
                actions.push(&rule.action);
            }
        }
        if !actions.is_empty() {
            return actions.join(" ");
        }
        catalog.advice_for(chosen).unwrap_or_else(|| {
            let labels: Vec<&str> = chosen.iter().map(|k| crate::domain::spec(*k).label).collect();
            format!(
                "Update {} to match the carrier's record (its Customer Service Record), then resubmit.",
                labels.join(", ")
            )
        })
    }

    /// The text reads like a status update, not a rejection: no rule fired, no word of complaint,
    /// and words that report progress.
    pub fn is_status_update(&self) -> bool {
        !self.is_recognised() && !self.status_words.is_empty()
    }

    /// The sentence of `text` (the text classified) that triggered the best match, trimmed.
    pub fn key_sentence_of<'t>(&self, text: &'t str) -> Option<&'t str> {
        let span = self.key_sentence.clone()?;
        text.get(span).map(str::trim).filter(|s| !s.is_empty())
    }

    /// True when some rule recognised the text.
    pub fn is_recognised(&self) -> bool {
        !self.matches.is_empty()
    }

    /// How sure the answer is: a learned example's similarity, the model's own confidence for its
    /// suggestion, else the rules' `confidence` (`None`: no model, and the rules alone are taken as
    /// sure, as before there was one).
    pub fn certainty(&self) -> Option<f32> {
        let first = self.matches.first()?;
        match first.rule.as_str() {
            LEARNED_RULE => Some(first.score),
            super::MODEL_RULE => Some(first.score),
            _ => self.confidence,
        }
    }

    /// The answer is sure enough to act on: a learned example at `SIMILARITY_SURE`, the model's
    /// suggestion at `SURE_AT`, the rules' answer at `RULES_SURE_AT` (thresholds read from the
    /// held-out table, `train_classifier -- --loso`). False when nothing was recognised.
    pub fn is_sure(&self) -> bool {
        self.sure_at()
            .is_some_and(|at| self.certainty().is_none_or(|c| c >= at))
    }

    /// The certainty from which this answer is sure (`is_sure`); `None` when nothing was
    /// recognised.
    pub fn sure_at(&self) -> Option<f32> {
        Some(match self.matches.first()?.rule.as_str() {
            LEARNED_RULE => SIMILARITY_SURE,
            super::MODEL_RULE => super::SURE_AT,
            _ => super::RULES_SURE_AT,
        })
    }

    /// Recognised, but below the confidence to act on: the user should say what it is.
    pub fn is_not_sure(&self) -> bool {
        self.is_recognised() && !self.is_sure()
    }

    /// A weak match: the words were found only far apart, or the text is only somewhat like an
    /// example. The user should confirm the fields before fixing them.
    pub fn is_guess(&self) -> bool {
        self.matches
            .first()
            .is_some_and(|m| m.score < SCORE_GUESS_BELOW)
    }
}

/// What the screens and the command line answer: the rules, less the matches the built-in model
/// strongly rejects (see `veto`), then the user's examples: a text very like one the user
/// labelled takes the user's fields (the user corrected the catalog on it); a text the catalog
/// cannot read takes a somewhat similar example's fields, as a guess.
pub fn classify_with_examples(
    text: &str,
    catalog: &Catalog,
    examples: &ExampleIndex,
) -> Classification {
    let mut c = classify_by_rules(text, catalog, Model::builtin());
    let Some(n) = examples.nearest(text) else {
        return c;
    };
    if n.similarity < SIMILARITY_SURE && c.is_recognised() {
        return c;
    }
    let mut fields = n.example.fields.clone();
    fields.sort();
    fields.dedup();
    let labels: Vec<&str> = fields
        .iter()
        .map(|k| crate::domain::spec(*k).label)
        .collect();
    let what = if labels.is_empty() {
        "only the carrier could resolve it".to_string()
    } else {
        format!("you said it concerned {}", labels.join(", "))
    };
    let advice = catalog
        .advice_for(&fields)
        .map(|a| format!(" {a}"))
        .unwrap_or_default();
    c.action = format!(
        "Like the rejection you labelled on {} ({}): {what}.{advice}",
        n.example.labelled_on, n.example.order
    );
    c.needs_carrier_contact = fields.is_empty();
    c.matches = vec![Match {
        rule: LEARNED_RULE.to_string(),
        fields: fields.clone(),
        score: n.similarity,
        evidence: n.shared_words.clone(),
        confidence: None,
    }];
    c.fields = fields;
    c.confidence = None;
    c.learned = Some(n);
    c.status_words.clear();
    c
}

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    pub rule: String,
    pub fields: Vec<FieldKey>,
    /// 0..=1, see the module documentation.
    pub score: f32,
    /// The words of the text that triggered the rule, for the UI to highlight. Not part of the
    /// `classify --json` contract, so not serialised.
    #[serde(skip)]
    pub evidence: Vec<String>,
    /// How likely the built-in model (reading the text knowing which rules fired) finds what the
    /// match says; `None` without a model. Not serialised.
    #[serde(skip)]
    pub confidence: Option<f32>,
}

/// The concepts of one scope (a sentence, or the whole text) and of each of its clauses.
struct Scope {
    all: ConceptSet,
    clauses: Vec<ConceptSet>,
    occurrences: Vec<Occurrence>,
}

struct Hit {
    score: f32,
    evidence: Vec<Occurrence>,
    /// The sentence of the evidence that gave the best score.
    sentence: u32,
    /// Where the rule's subject (its first requirement: the PIN, the numbers…) was first named
    /// in each scope it fired in: (sentence, token).
    subjects: Vec<(u32, usize)>,
    /// The model's support for the match, once it has read the text.
    support: Option<f32>,
}

/// Classifies a carrier's rejection text by the catalog's rules alone. Pure; never fails: text
/// it cannot read is "not recognised". What the screens show is `classify_with_examples`: these
/// rules, the built-in model's vetoes and the user's examples.
pub fn classify(text: &str, catalog: &Catalog) -> Classification {
    classify_by_rules(text, catalog, None)
}

/// The catalog's rules, and where several fire, the ones `model` does not veto.
pub(crate) fn classify_by_rules(
    text: &str,
    catalog: &Catalog,
    model: Option<&Model>,
) -> Classification {
    let tokens = tokenize(text);
    let found = catalog.phrases.find(&tokens);
    // The model reads every phrase found, cleared clauses included, as it was trained.
    let found_for_model = model.map(|_| found.clone());
    let occurrences = without_cleared_clauses(found, catalog);
    let occurrences = without_places(occurrences, text, &tokens, &catalog.places);
    // Status updates and sentences that report status name no field to fix; a carrier-side block
    // they mention ("the losing carrier is on strike") still needs the carrier.
    let status = status_reading(text, &tokens);
    let visible: Vec<Occurrence> = occurrences
        .iter()
        .filter(|o| !status.hides(o.sentence))
        .copied()
        .collect();
    let names_fields = |r: &Rule| !r.fields.is_empty();
    let carrier_only = |r: &Rule| r.fields.is_empty();

    let mut hits: Vec<Option<Hit>> = (0..catalog.rules.len()).map(|_| None).collect();
    let one_sentence = (SCORE_ONE_CLAUSE, SCORE_ONE_SENTENCE);
    for sentence in sentences(&visible) {
        evaluate_scope(catalog, &sentence, one_sentence, &mut hits, &names_fields);
    }
    for sentence in sentences(&occurrences) {
        evaluate_scope(catalog, &sentence, one_sentence, &mut hits, &carrier_only);
    }
    if hits.iter().all(Option::is_none) && !visible.is_empty() {
        let whole = scope_of(visible);
        let scores = (SCORE_WHOLE_TEXT, SCORE_WHOLE_TEXT);
        evaluate_scope(catalog, &whole, scores, &mut hits, &|_| true);
    }
    drop_yielding(&catalog.rules, &mut hits);
    drop_covered_fallbacks(&catalog.rules, &mut hits);
    drop_alone_rules_beside_a_field(&catalog.rules, &mut hits);
    drop_context_fallbacks(&catalog.rules, &tokens, &mut hits);
    if let (Some(model), Some(found)) = (model, &found_for_model) {
        let reading = Reading {
            tokens: &tokens,
            found,
        };
        drop_vetoed(&reading, catalog, model, &mut hits);
    }
    build(text, &tokens, catalog, hits, &status)
}

/// Drops the clauses that say all is well ("PIN verified", "freeze lifted") unless they also
/// complain about something, and those that say a block does not apply ("a balance does not
/// prevent porting") whatever they name.
fn without_cleared_clauses(mut occurrences: Vec<Occurrence>, catalog: &Catalog) -> Vec<Occurrence> {
    if catalog.cleared_by.is_empty() && catalog.cleared_always.is_empty() {
        return occurrences;
    }
    let mut cleared = Vec::new();
    for clause_occ in occurrences.chunk_by(|a, b| a.clause == b.clause) {
        let mut set = ConceptSet::default();
        clause_occ.iter().for_each(|o| set.insert(o.concept));
        let fine = set.intersects(&catalog.cleared_by) && !set.intersects(&catalog.cleared_unless);
        if fine || set.intersects(&catalog.cleared_always) {
            cleared.push(clause_occ[0].clause);
        }
    }
    occurrences.retain(|o| !cleared.contains(&o.clause));
    occurrences
}

fn sentences(occurrences: &[Occurrence]) -> impl Iterator<Item = Scope> + '_ {
    occurrences
        .chunk_by(|a, b| a.sentence == b.sentence)
        .map(|s| scope_of(s.to_vec()))
}

fn scope_of(occurrences: Vec<Occurrence>) -> Scope {
    let mut all = ConceptSet::default();
    let mut clauses = Vec::new();
    for clause_occ in occurrences.chunk_by(|a, b| a.clause == b.clause) {
        let mut set = ConceptSet::default();
        clause_occ.iter().for_each(|o| set.insert(o.concept));
        all.union_with(&set);
        clauses.push(set);
    }
    Scope {
        all,
        clauses,
        occurrences,
    }
}

/// Evaluates the rules `only` accepts on one scope; `(tight, loose)` scores a match whose
/// concepts sit in one clause, or only in the scope.
fn evaluate_scope(
    catalog: &Catalog,
    scope: &Scope,
    (tight_score, loose_score): (f32, f32),
    hits: &mut [Option<Hit>],
    only: &dyn Fn(&Rule) -> bool,
) {
    for (rule, hit) in catalog.rules.iter().zip(hits.iter_mut()) {
        if !only(rule) || scope.all.intersects(&rule.unless) {
            continue;
        }
        let holds =
            |set: &ConceptSet, alt: &[ConceptSet]| alt.iter().all(|req| req.intersects(set));
        let mut best: Option<(f32, ConceptSet, ConceptSet)> = None;
        for alt in rule.when.iter().filter(|alt| holds(&scope.all, alt)) {
            let tight = scope.clauses.iter().any(|c| holds(c, alt));
            let score = if tight { tight_score } else { loose_score };
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                let mut used = ConceptSet::default();
                alt.iter()
                    .for_each(|req| used.union_with(&req.intersection(&scope.all)));
                let subject = alt
                    .first()
                    .map_or_else(ConceptSet::default, |req| req.intersection(&scope.all));
                best = Some((score, used, subject));
            }
        }
        let Some((score, used, subject)) = best else {
            continue;
        };
        let subject_at = scope
            .occurrences
            .iter()
            .find(|o| subject.contains(o.concept))
            .map(|o| (o.sentence, o.first));
        let evidence: Vec<Occurrence> = scope
            .occurrences
            .iter()
            .filter(|o| used.contains(o.concept))
            .copied()
            .collect();
        let sentence = evidence.first().map_or(0, |o| o.sentence);
        match hit {
            Some(h) => {
                if score > h.score {
                    h.score = score;
                    h.sentence = sentence;
                }
                h.evidence.extend(evidence);
                h.subjects.extend(subject_at);
            }
            None => {
                *hit = Some(Hit {
                    score,
                    evidence,
                    sentence,
                    subjects: subject_at.into_iter().collect(),
                    support: None,
                })
            }
        }
    }
}

/// The ids of the catalog rules that fire on `text` (the rules alone, no model).
pub(crate) fn fired_rules<'c>(text: &str, catalog: &'c Catalog) -> Vec<&'c str> {
    let c = classify_by_rules(text, catalog, None);
    c.matches
        .iter()
        .filter_map(|m| catalog.rule(&m.rule).map(|r| r.id.as_str()))
        .collect()
}

/// Drops the hits of rules the model strongly rejects (see `veto`).
fn drop_vetoed(reading: &Reading, catalog: &Catalog, model: &Model, hits: &mut [Option<Hit>]) {
    let fired: Vec<usize> = (0..hits.len()).filter(|&i| hits[i].is_some()).collect();
    let rules: Vec<&Rule> = fired.iter().map(|&i| &catalog.rules[i]).collect();
    let (keep, support) = rules_to_keep(reading, catalog, model, &rules);
    for ((&i, keep), support) in fired.iter().zip(keep).zip(support) {
        match &mut hits[i] {
            Some(hit) if keep => hit.support = Some(support),
            _ => hits[i] = None,
        }
    }
    support_in_own_sentence(reading, catalog, model, hits);
}

/// Where the matches sit in different sentences ("EU name mismatch; ZIP does not match CSR"),
/// each is also read on its own sentence: a one-vs-rest model reading the whole text rarely gives
/// a second complaint much, though each sentence says its own plainly. A match keeps the higher
/// of the two confidences.
fn support_in_own_sentence(
    reading: &Reading,
    catalog: &Catalog,
    model: &Model,
    hits: &mut [Option<Hit>],
) {
    let sentence_of: Vec<Option<u32>> = hits
        .iter()
        .map(|h| h.as_ref().map(|h| h.sentence))
        .collect();
    let mut sentences: Vec<u32> = sentence_of.iter().flatten().copied().collect();
    sentences.sort_unstable();
    sentences.dedup();
    if sentences.len() < 2 {
        return;
    }
    for s in sentences {
        let Some(start) = reading.tokens.iter().position(|t| t.sentence == s) else {
            continue;
        };
        let len = reading.tokens[start..]
            .iter()
            .take_while(|t| t.sentence == s)
            .count();
        let found: Vec<_> = reading
            .found
            .iter()
            .filter(|o| o.sentence == s)
            .copied()
            .collect();
        let here: Vec<usize> = (0..hits.len())
            .filter(|&i| sentence_of[i] == Some(s))
            .collect();
        let ids: Vec<&str> = here.iter().map(|&i| catalog.rules[i].id.as_str()).collect();
        let own = Reading {
            tokens: &reading.tokens[start..start + len],
            found: &found,
        };
        let prediction = model.predict_reading(&own, catalog, &ids);
        for i in here {
            let alone = super::veto::support(&prediction, &catalog.rules[i]);
            if let Some(hit) = &mut hits[i] {
                hit.support = hit.support.map(|s| s.max(alone));
            }
        }
    }
}

/// A catch-all rule whose subject comes after a specific match's subject in the same clause, in
/// every sentence it fired in, only says where that complaint sits ("the PIN for this phone number
/// does not match", "the postcode on your LOA is wrong"): it is not a second field to fix. In
/// another clause it may be a complaint of its own ("the customer did not authorize the port, or
/// the authorization form was invalid").
fn drop_context_fallbacks(rules: &[Rule], tokens: &[Token], hits: &mut [Option<Hit>]) {
    let specific: Vec<(u32, usize)> = rules
        .iter()
        .zip(hits.iter())
        .filter(|(rule, _)| !rule.fallback)
        .filter_map(|(_, hit)| hit.as_ref())
        .flat_map(|hit| hit.subjects.iter().copied())
        .collect();
    let clause = |at: usize| tokens.get(at).map(|t| t.clause);
    let named_after_a_specific = |&(sentence, at): &(u32, usize)| {
        specific
            .iter()
            .any(|&(s, a)| s == sentence && a < at && clause(a) == clause(at))
    };
    for (rule, hit) in rules.iter().zip(hits.iter_mut()) {
        let context = rule.fallback
            && hit.as_ref().is_some_and(|h| {
                !h.subjects.is_empty() && h.subjects.iter().all(named_after_a_specific)
            });
        if context {
            *hit = None;
        }
    }
}

/// A rule whose words another rule that fired reads better (`Rule::yields_to`) is dropped.
fn drop_yielding(rules: &[Rule], hits: &mut [Option<Hit>]) {
    let yielding: Vec<bool> = rules
        .iter()
        .zip(hits.iter())
        .map(|(rule, hit)| {
            hit.is_some() && rule.yields_to.iter().any(|&other| hits[other].is_some())
        })
        .collect();
    for (hit, yields) in hits.iter_mut().zip(yielding) {
        if yields {
            *hit = None;
        }
    }
}

/// A rule for texts that name no field yields to any rule that names one, in any sentence
/// ("the PIN was wrong. The one on file was different" is about the PIN).
fn drop_alone_rules_beside_a_field(rules: &[Rule], hits: &mut [Option<Hit>]) {
    let names_a_field = rules
        .iter()
        .zip(hits.iter())
        .any(|(rule, hit)| !rule.alone && !rule.fields.is_empty() && hit.is_some());
    if names_a_field {
        for (rule, hit) in rules.iter().zip(hits.iter_mut()) {
            if rule.alone {
                *hit = None;
            }
        }
    }
}

/// A catch-all rule adds nothing when a specific match already names all of its fields.
fn drop_covered_fallbacks(rules: &[Rule], hits: &mut [Option<Hit>]) {
    let covered: Vec<bool> = rules
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            rule.fallback
                && rules.iter().enumerate().any(|(j, other)| {
                    j != i
                        && !other.fallback
                        && hits[j].is_some()
                        && rule.fields.iter().all(|f| other.fields.contains(f))
                })
        })
        .collect();
    for (hit, covered) in hits.iter_mut().zip(covered) {
        if covered {
            *hit = None;
        }
    }
}

fn build(
    text: &str,
    tokens: &[Token],
    catalog: &Catalog,
    hits: Vec<Option<Hit>>,
    status: &StatusReading,
) -> Classification {
    let mut found: Vec<(&Rule, Hit)> = catalog
        .rules
        .iter()
        .zip(hits)
        .filter_map(|(rule, hit)| hit.map(|h| (rule, h)))
        .collect();
    // Stable sort: equal scores keep catalog order.
    found.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));

    let mut fields: Vec<FieldKey> = found
        .iter()
        .flat_map(|(r, _)| r.fields.iter().copied())
        .collect();
    fields.sort();
    fields.dedup();
    let needs_carrier_contact = found.iter().any(|(r, _)| r.needs_carrier_contact);
    let mut actions: Vec<&str> = Vec::new();
    for (rule, _) in &found {
        if !actions.contains(&rule.action.as_str()) {
            actions.push(&rule.action);
        }
    }
    let action = if actions.is_empty() {
        catalog.unrecognised_action.clone()
    } else {
        actions.join(" ")
    };
    let key_sentence = found
        .first()
        .and_then(|(_, hit)| sentence_span(text, tokens, hit.sentence));
    let status_words = if found.is_empty() {
        status_words(text, tokens, status)
    } else {
        Vec::new()
    };
    let matches = found
        .into_iter()
        .map(|(rule, hit)| Match {
            rule: rule.id.clone(),
            fields: rule.fields.clone(),
            score: hit.score,
            evidence: evidence_words(text, tokens, hit.evidence),
            confidence: hit.support,
        })
        .collect::<Vec<Match>>();
    let confidence = matches
        .iter()
        .map(|m| m.confidence)
        .try_fold(f32::INFINITY, |least, c| c.map(|c| least.min(c)))
        .filter(|c| c.is_finite());
    Classification {
        fields,
        matches,
        needs_carrier_contact,
        action,
        learned: None,
        key_sentence,
        status_words,
        confidence,
    }
}

/// The byte span of sentence `sentence`: from its first word to its last, with the mark that
/// ends it.
fn sentence_span(text: &str, tokens: &[Token], sentence: u32) -> Option<Range<usize>> {
    let start = tokens.iter().find(|t| t.sentence == sentence)?.start;
    let mut end = tokens.iter().rev().find(|t| t.sentence == sentence)?.end;
    if let Some(mark) = text.get(end..).and_then(|rest| rest.chars().next())
        && matches!(mark, '.' | '!' | '?')
    {
        end += mark.len_utf8();
    }
    Some(start..end)
}

/// The original words behind the occurrences, in text order, each once.
fn evidence_words(text: &str, tokens: &[Token], mut occurrences: Vec<Occurrence>) -> Vec<String> {
    occurrences.sort_by_key(|o| o.first);
    let mut words: Vec<String> = Vec::new();
    for o in occurrences {
        let (start, end) = (tokens[o.first].start, tokens[o.last].end);
        let word = text.get(start..end).unwrap_or_default().to_string();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}
