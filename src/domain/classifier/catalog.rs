//! The rejection catalog: rules and the concept vocabulary they are written in. It is data
//! (`assets/rejections.json`); a user's own document can add rules, replace builtin ones by id and
//! add synonyms. Construction compiles everything into lookup tables so `classify` is cheap.

use super::concepts::{ConceptId, ConceptSet, MAX_CONCEPTS, PhraseTable};
use super::normalize::phrase_words;
use super::place::Places;
use crate::domain::FieldKey;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const BUILTIN_JSON: &str = include_str!("../../../assets/rejections.json");

/// The catalog document, as written in `rejections.json`. An overrides document has the same
/// shape, every part optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogDoc {
    /// What to tell the user when no rule recognises the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unrecognised_action: Option<String>,
    /// Concept name → the words and phrases that express it.
    #[serde(default)]
    pub concepts: BTreeMap<String, Vec<String>>,
    /// A clause that contains a `cleared_by` concept and none of the `unless` concepts says that
    /// things are fine ("PIN verified", "freeze lifted"); its words are ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub negation: Option<NegationDoc>,
    /// The words that say only where a complaint sits ("the name on the LOA"); see `place`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<PlacesDoc>,
    #[serde(default)]
    pub rules: Vec<RuleDoc>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NegationDoc {
    pub cleared_by: Vec<String>,
    /// Concepts that clear their clause whatever else it names: "an open balance does not
    /// prevent porting" names a block only to say it does not apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub always: Vec<String>,
    pub unless: Vec<String>,
}

/// The grammar of places (`place`): concepts by name, words as written.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesDoc {
    /// Concepts that may only say where a complaint sits.
    pub nouns: Vec<String>,
    /// Concepts that own a place named after them.
    pub heads: Vec<String>,
    /// Concepts that complain.
    pub complaints: Vec<String>,
    /// Words and phrases that put the noun after them in a place ("on", "associated with").
    pub markers: Vec<String>,
    /// Words skipped between a marker and its noun ("the", "your").
    pub skipped: Vec<String>,
    /// Words that own a place though they name no field ("information").
    #[serde(default)]
    pub generic_heads: Vec<String>,
}

/// One rule as written in the document.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub microsoft_text: Option<String>,
    /// Where the rule's wording comes from (public error lists, help pages, SDK enums).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Field keys or group names (`authorized_user`, `service_address`).
    pub fields: Vec<String>,
    pub action: String,
    #[serde(default)]
    pub needs_carrier_contact: bool,
    /// Alternatives; the rule fires when one of them holds. An alternative is a list of
    /// requirements that must all hold; a requirement is `concept` or `concept|concept` (any of).
    pub when: Vec<Vec<String>>,
    /// Concepts that stop the rule when they are present in the same scope.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<String>,
    /// A catch-all rule: dropped when a more specific match already names all its fields.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fallback: bool,
    /// Rules (by id) that say what this one's words mean when both fire on a text: this one is
    /// dropped ("the numbers do not belong to the donor" is who the carrier is, not the numbers
    /// list; an address in a disaster area is the carrier's block, not an address to fix).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub yields_to: Vec<String>,
    /// A rule for a text that names no field ("does not match the information on file"):
    /// dropped when any other rule names a field anywhere in the text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub alone: bool,
}

/// A compiled rule. The public fields describe it for the UI; the matcher is private.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub title: String,
    pub group: Option<String>,
    pub microsoft_text: Option<String>,
    pub source: Option<String>,
    /// The keys to fix, in `FieldKey` order; empty when only the carrier can resolve it.
    pub fields: Vec<FieldKey>,
    pub action: String,
    pub needs_carrier_contact: bool,
    pub(crate) when: Vec<Vec<ConceptSet>>,
    pub(crate) unless: ConceptSet,
    pub(crate) fallback: bool,
    /// Positions in the catalog of the rules this one yields to (`RuleDoc::yields_to`).
    pub(crate) yields_to: Vec<usize>,
    pub(crate) alone: bool,
}

/// Why a catalog document was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CatalogError {
    #[error("rejection catalog is not valid JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("rule `{rule}` names unknown field `{field}`")]
    UnknownField { rule: String, field: String },
    #[error("rule `{rule}` uses unknown concept `{concept}`")]
    UnknownConcept { rule: String, concept: String },
    #[error("rule id `{0}` must be snake_case (a-z, 0-9, _)")]
    BadRuleId(String),
    #[error("rule `{0}` appears twice in one document")]
    DuplicateRule(String),
    #[error("rule `{rule}` yields to unknown rule `{other}`")]
    UnknownYield { rule: String, other: String },
    #[error("rule `{0}` has no `when` alternative, or an empty one")]
    EmptyRule(String),
    #[error("the catalog defines more than {MAX_CONCEPTS} concepts")]
    TooManyConcepts,
}

impl From<serde_json::Error> for CatalogError {
    fn from(e: serde_json::Error) -> Self {
        CatalogError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}

/// The compiled catalog.
#[derive(Debug, Clone)]
pub struct Catalog {
    doc: CatalogDoc,
    pub(crate) rules: Vec<Rule>,
    pub(crate) phrases: PhraseTable,
    pub(crate) cleared_by: ConceptSet,
    pub(crate) cleared_always: ConceptSet,
    pub(crate) cleared_unless: ConceptSet,
    pub(crate) places: Places,
    pub(crate) unrecognised_action: String,
}

const DEFAULT_UNRECOGNISED: &str = "Not recognised: the text names no field. Ask the carrier (or Microsoft support) which value is wrong, and compare the order with the CSR.";

impl Catalog {
    /// What to do about `fields` in the catalog's own words, whatever the text said: for each
    /// field, the advice of the narrowest rule that concerns it (the fewest fields; the first in
    /// the catalog among equals). `None` when no rule concerns any of them.
    pub fn advice_for(&self, fields: &[FieldKey]) -> Option<String> {
        let mut actions: Vec<&str> = Vec::new();
        for field in fields {
            let narrowest = self
                .rules
                .iter()
                .filter(|r| !r.fallback && r.fields.contains(field))
                .min_by_key(|r| r.fields.len());
            if let Some(rule) = narrowest
                && !actions.contains(&rule.action.as_str())
            {
                actions.push(&rule.action);
            }
        }
        (!actions.is_empty()).then(|| actions.join(" "))
    }

    /// The catalog shipped with portwiz.
    pub fn builtin() -> Catalog {
        // The asset is compiled in and checked by `builtin_catalog_compiles`, so this cannot fail
        // at run time unless the build itself is broken.
        Catalog::from_json(BUILTIN_JSON).expect("assets/rejections.json is a valid catalog")
    }

    /// The builtin catalog taught the user's wording: `json_text` is an overrides document
    /// (the content of `rejections.json` in the data dir). On error keep using `builtin()`.
    pub fn with_overrides(json_text: &str) -> Result<Catalog, CatalogError> {
        Catalog::builtin().overridden(json_text)
    }

    /// This catalog plus an overrides document: rules with a known id replace that rule, other
    /// rules are added, concepts gain the listed synonyms (or are created).
    pub fn overridden(&self, json_text: &str) -> Result<Catalog, CatalogError> {
        let extra: CatalogDoc = serde_json::from_str(json_text)?;
        check_unique_ids(&extra.rules)?;
        let mut doc = self.doc.clone();
        for (concept, phrases) in extra.concepts {
            doc.concepts.entry(concept).or_default().extend(phrases);
        }
        if extra.unrecognised_action.is_some() {
            doc.unrecognised_action = extra.unrecognised_action;
        }
        if extra.negation.is_some() {
            doc.negation = extra.negation;
        }
        if extra.places.is_some() {
            doc.places = extra.places;
        }
        for rule in extra.rules {
            match doc.rules.iter_mut().find(|r| r.id == rule.id) {
                Some(existing) => *existing = rule,
                None => doc.rules.push(rule),
            }
        }
        Catalog::compile(doc)
    }

    /// A complete catalog from its JSON document.
    pub fn from_json(json_text: &str) -> Result<Catalog, CatalogError> {
        let doc: CatalogDoc = serde_json::from_str(json_text)?;
        check_unique_ids(&doc.rules)?;
        Catalog::compile(doc)
    }

    /// The rules, in catalog order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The document this catalog was compiled from (to show or export it).
    pub fn document(&self) -> &CatalogDoc {
        &self.doc
    }

    /// Concept names by id (ids are positions in the document's sorted concept map).
    pub(crate) fn concept_names(&self) -> Vec<&str> {
        self.doc.concepts.keys().map(String::as_str).collect()
    }

    fn compile(doc: CatalogDoc) -> Result<Catalog, CatalogError> {
        if doc.concepts.len() > MAX_CONCEPTS {
            return Err(CatalogError::TooManyConcepts);
        }
        let names: Vec<&String> = doc.concepts.keys().collect();
        let id_of = |name: &str| -> Option<ConceptId> {
            names
                .binary_search_by(|n| n.as_str().cmp(name))
                .ok()
                .and_then(|i| ConceptId::try_from(i).ok())
        };
        let mut phrases = PhraseTable::default();
        for (i, (_, list)) in doc.concepts.iter().enumerate() {
            let id = ConceptId::try_from(i).map_err(|_| CatalogError::TooManyConcepts)?;
            for phrase in list {
                phrases.add(phrase, id);
            }
        }
        let set_of = |rule: &str, spec: &str| -> Result<ConceptSet, CatalogError> {
            let mut set = ConceptSet::default();
            for name in spec.split('|').map(str::trim) {
                let id = id_of(name).ok_or_else(|| CatalogError::UnknownConcept {
                    rule: rule.to_string(),
                    concept: name.to_string(),
                })?;
                set.insert(id);
            }
            Ok(set)
        };

        let mut rules = Vec::with_capacity(doc.rules.len());
        for r in &doc.rules {
            let valid_id = !r.id.is_empty()
                && r.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid_id {
                return Err(CatalogError::BadRuleId(r.id.clone()));
            }
            if r.when.is_empty() || r.when.iter().any(Vec::is_empty) {
                return Err(CatalogError::EmptyRule(r.id.clone()));
            }
            let mut fields = Vec::new();
            for f in &r.fields {
                let keys = FieldKey::group(f).ok_or_else(|| CatalogError::UnknownField {
                    rule: r.id.clone(),
                    field: f.clone(),
                })?;
                fields.extend(keys);
            }
            fields.sort();
            fields.dedup();
            let when = r
                .when
                .iter()
                .map(|alt| alt.iter().map(|req| set_of(&r.id, req)).collect())
                .collect::<Result<Vec<Vec<ConceptSet>>, _>>()?;
            let unless = set_of_all(&r.id, &r.unless, &set_of)?;
            rules.push(Rule {
                id: r.id.clone(),
                title: r.title.clone(),
                group: r.group.clone(),
                microsoft_text: r.microsoft_text.clone(),
                source: r.source.clone(),
                fields,
                action: r.action.clone(),
                needs_carrier_contact: r.needs_carrier_contact,
                when,
                unless,
                fallback: r.fallback,
                yields_to: Vec::new(),
                alone: r.alone,
            });
        }
        resolve_yields(&doc.rules, &mut rules)?;
        let negation = doc.negation.clone().unwrap_or_default();
        let cleared_by = set_of_all("negation", &negation.cleared_by, &set_of)?;
        let cleared_always = set_of_all("negation", &negation.always, &set_of)?;
        let cleared_unless = set_of_all("negation", &negation.unless, &set_of)?;
        let places = match &doc.places {
            None => Places::default(),
            Some(p) => compile_places(p, &set_of)?,
        };
        let unrecognised_action = doc
            .unrecognised_action
            .clone()
            .unwrap_or_else(|| DEFAULT_UNRECOGNISED.to_string());
        Ok(Catalog {
            doc,
            rules,
            phrases,
            cleared_by,
            cleared_always,
            cleared_unless,
            places,
            unrecognised_action,
        })
    }
}

fn set_of_all(
    rule: &str,
    specs: &[String],
    set_of: &impl Fn(&str, &str) -> Result<ConceptSet, CatalogError>,
) -> Result<ConceptSet, CatalogError> {
    let mut all = ConceptSet::default();
    for spec in specs {
        all.union_with(&set_of(rule, spec)?);
    }
    Ok(all)
}

fn compile_places(
    p: &PlacesDoc,
    set_of: &impl Fn(&str, &str) -> Result<ConceptSet, CatalogError>,
) -> Result<Places, CatalogError> {
    let words =
        |list: &[String]| -> Vec<String> { list.iter().flat_map(|w| phrase_words(w)).collect() };
    Ok(Places {
        nouns: set_of_all("places", &p.nouns, set_of)?,
        heads: set_of_all("places", &p.heads, set_of)?,
        complaints: set_of_all("places", &p.complaints, set_of)?,
        markers: p.markers.iter().map(|m| phrase_words(m)).collect(),
        skipped: words(&p.skipped),
        generic_heads: words(&p.generic_heads),
    })
}

/// Compiles each rule's `yields_to` ids into catalog positions.
fn resolve_yields(docs: &[RuleDoc], rules: &mut [Rule]) -> Result<(), CatalogError> {
    for (doc, i) in docs.iter().zip(0..) {
        let mut yields = Vec::with_capacity(doc.yields_to.len());
        for other in &doc.yields_to {
            let at = docs.iter().position(|d| d.id == *other).ok_or_else(|| {
                CatalogError::UnknownYield {
                    rule: doc.id.clone(),
                    other: other.clone(),
                }
            })?;
            yields.push(at);
        }
        rules[i].yields_to = yields;
    }
    Ok(())
}

fn check_unique_ids(rules: &[RuleDoc]) -> Result<(), CatalogError> {
    for (i, r) in rules.iter().enumerate() {
        if rules[..i].iter().any(|other| other.id == r.id) {
            return Err(CatalogError::DuplicateRule(r.id.clone()));
        }
    }
    Ok(())
}
