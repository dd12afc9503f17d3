//! Texts that are not rejections: a carrier's status update ("your port request is processing",
//! "we received your order") pasted as if it were one. When no rule fires, status words with no
//! word of complaint mean the text most likely reports progress, and recording it as a rejection
//! would send the user hunting for a field to fix.
//!
//! Some status texts do name fields: "proceeding with your order, however there is an address
//! mismatch… customer action not required", "the order cannot be modified because the FOC date is
//! too soon", "the losing carrier reports outages, the due date may be extended". Their cues
//! (`StatusReading`) keep the rules from reading them: a text that says the order goes on and asks
//! nothing is read as a status update whole; a sentence about the carrier's own state or about
//! changing the order is not read. A text that rejects the order ("rejected", "denied") is a
//! rejection whatever else it says, and a sentence or text that asks for a fix ("please resubmit",
//! "correct the PIN") keeps its complaint.

use super::normalize::{Token, phrase_words};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words and phrases (normalised tokens, plurals folded) that report progress.
const STATUS_PHRASES: &[&[&str]] = &[
    &["processing"],
    &["being", "processed"],
    &["received"],
    &["receipt"],
    &["under", "review"],
    &["being", "reviewed"],
    &["in", "progress"],
    &["scheduled"],
    &["submitted"],
    &["pending"],
    &["acknowledged"],
    &["confirmed"],
    &["completed"],
    &["on", "track"],
    &["thank", "you"],
    &["successfully"],
    &["approved"],
    &["accepted"],
    &["validated"],
    &["verified"],
    &["complete"],
    &["waiting", "for"],
    &["resubmitted"],
    &["sent", "to"],
    &["no", "action", "is", "required"],
];

/// Words that complain: any of them and the text may well be a rejection the catalog cannot
/// read, so it is not called a status update.
const COMPLAINT_WORDS: &[&str] = &[
    "reject",
    "rejected",
    "rejection",
    "denied",
    "deny",
    "unable",
    "can",
    "could",
    "fail",
    "failed",
    "failure",
    "error",
    "invalid",
    "incorrect",
    "wrong",
    "mismatch",
    "missing",
    "issue",
    "problem",
    "jeopardy",
    "cancel",
    "cancelled",
    "canceled",
    "not",
    "no",
    "never",
    "correct",
    "fix",
    "resubmit",
    "supplement",
];

/// The order goes on and the user need do nothing, even where a field is mentioned.
const NOTHING_TO_DO: &[&str] = &[
    "no action is required",
    "no action required",
    "no action needed",
    "no further action",
    "action not required",
    "action is not required",
    "will not delay",
];

/// The order goes on: a status update unless the text also asks for a fix.
const GOES_ON: &[&str] = &[
    "continue to process",
    "continues to process",
    "proceeding with",
    "is proceeding",
    "please monitor",
    "continue to monitor",
    "monitor the order",
    "monitor this order",
    "continue to submit",
];

/// A sentence about the carrier's or vendor's own state, or about changing or cancelling the
/// order, or saying it is done: no complaint about a field, unless it asks for a fix.
const STATUS_SENTENCE: &[&str] = &[
    "can not be modified",
    "can not be cancelled",
    "can not be canceled",
    "can not be edited",
    "can not be changed",
    "can not cancel",
    "can not modify",
    "can not edit",
    "not editable",
    "outage",
    "backlog",
    "backlogged",
    "system issue",
    "system conversion",
    "experiencing problem",
    "experiencing issue",
    "experiencing delay",
    "technical issue",
    "manual handling",
    "handled manually",
    "being handled",
    "will be worked",
    "may be extended",
    "will be extended",
    "has finished",
    "been finished",
    "are activated",
    "been activated",
    "has been completed",
];

/// Words that reject the order: the text is a rejection, whatever else it says.
const REJECTS: &[&str] = &[
    "reject",
    "rejected",
    "rejection",
    "rejecting",
    "denied",
    "declined",
    "refused",
];

/// Words that ask the user to fix something.
const ASKS: &[&str] = &[
    "resubmit",
    "re submit",
    "correct the",
    "please correct",
    "corrected",
    "please update",
    "update the",
    "fix",
    "please provide",
    "provide the",
    "please submit",
    "please send",
    "please upload",
    "please attach",
    "supplement",
];

fn phrases(list: &[&str]) -> Vec<Vec<String>> {
    list.iter().map(|p| phrase_words(p)).collect()
}

static CUES: LazyLock<[Vec<Vec<String>>; 5]> = LazyLock::new(|| {
    [
        phrases(NOTHING_TO_DO),
        phrases(GOES_ON),
        phrases(STATUS_SENTENCE),
        phrases(REJECTS),
        phrases(ASKS),
    ]
});

/// What a text's status cues say: the whole text is a status update, or these sentences are.
#[derive(Debug, Clone, Default)]
pub(crate) struct StatusReading {
    /// The text reports progress and asks nothing: no rule reads it.
    pub whole: bool,
    /// Sentences that report status: no rule reads them.
    pub sentences: Vec<u32>,
    /// The cue words found, in text order, each once.
    pub words: Vec<String>,
}

impl StatusReading {
    /// The sentence `s` is not to be read by the rules.
    pub fn hides(&self, sentence: u32) -> bool {
        self.whole || self.sentences.contains(&sentence)
    }
}

/// Where `phrase` starts in `tokens`, within one sentence.
fn starts(tokens: &[Token], phrase: &[String]) -> Vec<usize> {
    (0..tokens.len())
        .filter(|&i| {
            tokens.get(i..i + phrase.len()).is_some_and(|run| {
                run.iter().all(|t| t.sentence == run[0].sentence)
                    && run.iter().zip(phrase).all(|(t, w)| t.text == *w)
            })
        })
        .collect()
}

/// Reads the status cues of a text.
pub(crate) fn status_reading(text: &str, tokens: &[Token]) -> StatusReading {
    let [nothing_to_do, goes_on, status_sentence, rejects, asks] = &*CUES;
    // Only a phrase whose first word the text has can start in it: the rest (most of the
    // cues) are passed over without a scan of the text (a hot spot of classifying).
    let words: HashSet<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let found = |list: &[Vec<String>]| -> Vec<(usize, usize)> {
        list.iter()
            .filter(|p| p.first().is_none_or(|w| words.contains(w.as_str())))
            .flat_map(|p| starts(tokens, p).into_iter().map(|i| (i, p.len())))
            .collect()
    };
    let mut reading = StatusReading::default();
    if !found(rejects).is_empty() {
        return reading;
    }
    let asks_at = found(asks);
    let calm = found(nothing_to_do);
    let going = found(goes_on);
    let mut cues: Vec<(usize, usize)> = Vec::new();
    if !calm.is_empty() || (!going.is_empty() && asks_at.is_empty()) {
        reading.whole = true;
        cues.extend(calm.iter().chain(&going));
    }
    let sentence_asks = |s: u32| asks_at.iter().any(|&(i, _)| tokens[i].sentence == s);
    for (i, len) in found(status_sentence) {
        let s = tokens[i].sentence;
        if !sentence_asks(s) {
            if !reading.sentences.contains(&s) {
                reading.sentences.push(s);
            }
            cues.push((i, len));
        }
    }
    cues.sort_unstable();
    for (i, len) in cues {
        let (start, end) = (tokens[i].start, tokens[i + len - 1].end);
        let word = text.get(start..end).unwrap_or_default().to_string();
        if !reading.words.contains(&word) {
            reading.words.push(word);
        }
    }
    reading
}

/// The status words of a text with no word of complaint, in text order, each once; empty when
/// the text complains or reports nothing. A text whose cues say it is a status update
/// (`status_reading`) gives those cues, complaint or not.
pub(crate) fn status_words(text: &str, tokens: &[Token], reading: &StatusReading) -> Vec<String> {
    if !reading.words.is_empty() {
        return reading.words.clone();
    }
    // "No action is required" reassures; its "no" is no complaint.
    let reassured = |i: usize| {
        tokens
            .get(i..i + 2)
            .is_some_and(|w| w[0].text == "no" && w[1].text == "action")
    };
    if (0..tokens.len())
        .any(|i| COMPLAINT_WORDS.contains(&tokens[i].text.as_str()) && !reassured(i))
    {
        return Vec::new();
    }
    let mut words: Vec<String> = Vec::new();
    for i in 0..tokens.len() {
        for phrase in STATUS_PHRASES {
            let Some(run) = tokens.get(i..i + phrase.len()) else {
                continue;
            };
            if run.iter().zip(phrase.iter()).all(|(t, w)| t.text == *w) {
                let (start, end) = (run[0].start, run[run.len() - 1].end);
                let word = text.get(start..end).unwrap_or_default().to_string();
                if !words.contains(&word) {
                    words.push(word);
                }
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use crate::domain::FieldKey;
    use crate::domain::classifier::{Catalog, Classification, classify};

    fn read(text: &str) -> Classification {
        classify(text, &Catalog::builtin())
    }

    #[test]
    fn a_text_saying_the_order_goes_on_names_no_field() {
        let c = read(
            "We are proceeding with your order; however the zip code differs from the records. \
             No action is required from you.",
        );
        assert!(c.fields.is_empty() && c.is_status_update(), "{c:?}");
        let c = read("The vendor will continue to process the order. The due date may move.");
        assert!(c.fields.is_empty() && c.is_status_update(), "{c:?}");
    }

    #[test]
    fn a_sentence_about_the_carriers_state_or_changing_the_order_names_no_field() {
        let c = read("The order can't be changed because the port date is too soon.");
        assert!(c.fields.is_empty() && c.is_status_update(), "{c:?}");
        let c = read("The old provider reports an outage, so the requested date may slip.");
        assert!(c.fields.is_empty(), "{c:?}");
        // Another sentence still complains.
        let c = read("The old provider reports an outage. The account number is missing.");
        assert_eq!(c.fields, [FieldKey::AccountNumber]);
    }

    #[test]
    fn a_rejection_that_asks_for_a_fix_still_counts() {
        let c = read(
            "PIN is invalid. Please resubmit; we will continue to process the order once it is corrected.",
        );
        assert_eq!(c.fields, [FieldKey::Pin]);
        let c = read(
            "The order was rejected: the account number does not match. No action is required until then.",
        );
        assert_eq!(c.fields, [FieldKey::AccountNumber]);
        let c =
            read("Due to a system outage the port date passed; please provide a new port date.");
        assert_eq!(c.fields, [FieldKey::PortDate]);
    }

    #[test]
    fn a_carrier_side_block_in_a_status_update_still_needs_the_carrier() {
        let c = read("The losing carrier is on strike. We will continue to process your order.");
        assert!(c.needs_carrier_contact && c.fields.is_empty(), "{c:?}");
    }
}
