//! How sure an answer is and whether it sends the user to the carrier, read one way for every
//! place that shows it: `classify`'s words and its JSON (docs/command-line.md), the response
//! dialog and plain mode. The words and the JSON must never disagree. And when the user's fields
//! are a lesson to learn, one rule for the dialog and plain mode.

use super::classify::Classification;
use crate::domain::FieldKey;

/// How sure the answer to a text is, as shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sureness {
    /// The confidence the words show: the rules' answer's (`Classification::certainty`), a learned
    /// example's similarity, or, where neither read the text, the model's suggestion's. `None`
    /// when nothing was read (and no model suggests anything).
    pub confidence: Option<f32>,
    /// The user should say what it is before acting on it: the answer is a guess or below the
    /// confidence to act on, or where nothing was recognised the model's suggestion is.
    pub not_sure: bool,
}

/// How sure `c` is; `suggestion` is the model's reading of a text no rule and no example read
/// (`suggest`), shown beside "Not recognised".
pub fn sureness(c: &Classification, suggestion: Option<&Classification>) -> Sureness {
    if c.is_recognised() {
        return Sureness {
            confidence: c.certainty(),
            not_sure: c.is_guess() || c.is_not_sure(),
        };
    }
    Sureness {
        confidence: suggestion.and_then(Classification::certainty),
        not_sure: suggestion.is_some_and(|s| !s.is_sure()),
    }
}

/// Whether the fields the user chose for a text are a lesson (a labelled example to learn,
/// `store::examples`): they differ from the answer `c`, or the answer named fields without being
/// sure of them, so the user's choice answers the question "which field?" even where it agrees.
/// `chosen` and `c.fields` are in registry order.
pub fn is_lesson(
    c: &Classification,
    suggestion: Option<&Classification>,
    chosen: &[FieldKey],
) -> bool {
    chosen != c.fields.as_slice() || (c.is_recognised() && sureness(c, suggestion).not_sure)
}

/// The advice is to contact the carrier before resubmitting: only it can clear what the text
/// says (`needs_carrier_contact`), or the text names no field, and the catalog's advice for that
/// is to ask the carrier which value is wrong. `classify --json`'s `ask_carrier` (its
/// `needs_carrier_contact` is the first reason alone).
pub fn advises_carrier_contact(c: &Classification) -> bool {
    c.needs_carrier_contact || !c.is_recognised()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::classifier::{
        Catalog, ExampleIndex, Model, classify_with_examples, suggest,
    };

    fn answer(text: &str) -> (Classification, Option<Classification>) {
        let catalog = Catalog::builtin();
        let c = classify_with_examples(text, &catalog, &ExampleIndex::default());
        let s = if c.is_recognised() || c.is_status_update() {
            None
        } else {
            Model::builtin().and_then(|m| suggest(text, &catalog, m))
        };
        (c, s)
    }

    #[test]
    fn a_text_naming_no_field_advises_the_carrier_and_is_as_sure_as_its_suggestion() {
        let (c, s) = answer("hello, this is about your order");
        assert!(!c.is_recognised());
        assert!(advises_carrier_contact(&c), "{c:?}");
        let shown = sureness(&c, s.as_ref());
        assert_eq!(shown.confidence, s.as_ref().and_then(|s| s.certainty()));
        assert_eq!(shown.not_sure, s.as_ref().is_some_and(|s| !s.is_sure()));
        assert_eq!(
            sureness(&c, None),
            Sureness {
                confidence: None,
                not_sure: false
            }
        );
    }

    #[test]
    fn a_sure_rule_is_sure_and_a_guess_is_not() {
        let (c, _) = answer("The PIN is wrong.");
        assert!(!advises_carrier_contact(&c));
        let shown = sureness(&c, None);
        assert!(!shown.not_sure && shown.confidence.is_some(), "{shown:?}");
        let (guess, _) = answer("Rejected. PIN.");
        assert!(guess.is_guess());
        assert!(sureness(&guess, None).not_sure);
    }

    #[test]
    fn a_changed_choice_or_an_answer_to_a_doubt_is_a_lesson() {
        let (sure, _) = answer("The PIN is wrong.");
        assert!(!is_lesson(&sure, None, &sure.fields));
        assert!(is_lesson(&sure, None, &[FieldKey::AccountNumber]));
        assert!(is_lesson(&sure, None, &[]));
        let (guess, _) = answer("Rejected. PIN.");
        assert!(is_lesson(&guess, None, &guess.fields), "{guess:?}");
        // Nothing read: only a field the user names is learned.
        let (unread, s) = answer("hello, this is about your order");
        assert!(!is_lesson(&unread, s.as_ref(), &[]));
        assert!(is_lesson(&unread, s.as_ref(), &[FieldKey::Pin]));
    }

    #[test]
    fn a_carrier_side_block_advises_the_carrier() {
        let (c, _) = answer("The account has a port freeze on it.");
        assert!(c.needs_carrier_contact, "{c:?}");
        assert!(advises_carrier_contact(&c));
    }
}
