//! Texts that are not rejections: a carrier's status update ("your port request is processing",
//! "we received your order") pasted as if it were one. When no rule fires, status words with no
//! word of complaint mean the text most likely reports progress, and recording it as a rejection
//! would send the user hunting for a field to fix.

use super::normalize::Token;

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

/// The status words of a text with no word of complaint, in text order, each once; empty when
/// the text complains or reports nothing.
pub(crate) fn status_words(text: &str, tokens: &[Token]) -> Vec<String> {
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
