//! The rejection catalog and classifier: from a carrier's words to the order fields to fix.
//!
//! Matching is driven by vocabulary, not sentences: the text is normalised into words, words and
//! phrases map to *concepts* (`pin` ← PIN, passcode, security code…; `problem` ← mismatch,
//! doesn't match, invalid…), and a rule fires when its combination of concepts appears in one
//! sentence. Rules and vocabulary live in `assets/rejections.json`.
//!
//! Some concepts serve only to claim words so they do not count elsewhere: `per_document`
//! ("from the bill", "on the CSR") names a document as the source of a value, not as a request
//! for it; `fine` marks clauses that say a field is correct (see `CatalogDoc::negation`).
//!
//! Build the catalog once (about a millisecond) and keep it; `classify` takes microseconds.

mod catalog;
mod classify;
mod concepts;
mod corpus;
mod examples;
mod explain;
mod features;
mod model;
mod model_answer;
mod normalize;
mod place;
mod quoted;
mod status;
mod sureness;
mod train;
mod veto;

pub use catalog::{Catalog, CatalogDoc, CatalogError, NegationDoc, PlacesDoc, Rule, RuleDoc};
pub use classify::{Classification, LEARNED_RULE, Match, classify, classify_with_examples};
pub use concepts::MAX_CONCEPTS;
pub use corpus::{Answer, BUILTIN_CORPUS, CorpusRow, atoms, parse_corpus};
pub use examples::{ExampleIndex, LabelledExample, Neighbour, SIMILARITY_GUESS, SIMILARITY_SURE};
pub use explain::{DroppedRule, LabelReading, ModelReading, label_meaning, model_reading};
pub use model::{CHOOSE_AT, GUESS_AT, Model, Prediction, RULES_SURE_AT, SURE_AT};
pub use model_answer::{MODEL_RULE, answer_confidence, classify_with_model, suggest};
pub use quoted::quoted_values;
pub use sureness::{Sureness, advises_carrier_contact, is_lesson, sureness};
pub use train::{Answered, Answering, FamilyScore, HeldOut, leave_one_source_out, train};
pub use veto::VETO_BELOW;

#[cfg(test)]
mod rule_probes;
#[cfg(test)]
mod tests;
