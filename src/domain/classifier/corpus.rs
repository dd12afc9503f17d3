//! The labelled corpus of public rejection wording (`assets/corpus/rejections.tsv`): what the
//! model is trained on and the leave-one-source-out score is measured on.

use super::classify::Classification;
use crate::domain::FieldKey;
use std::collections::BTreeSet;

/// The corpus shipped in the repository, compiled in so the trainer and the tests read the same
/// bytes.
pub const BUILTIN_CORPUS: &str = include_str!("../../../assets/corpus/rejections.tsv");

/// What the right answer to a text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Names no field: must not be recognised.
    Nothing,
    /// Only the carrier can clear it: `needs_carrier_contact`.
    Carrier,
    /// Exactly these fields (sorted, deduplicated).
    Fields(Vec<FieldKey>),
}

/// One labelled text.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusRow {
    /// 1-based line in the file, for messages.
    pub line: usize,
    /// The label atoms of the expected answer: groups or keys, `carrier`, or none at all.
    pub atoms: Vec<String>,
    pub expect: Answer,
    pub also_ok: Vec<Answer>,
    /// The publisher whose wording it is; the unit the evaluation holds out.
    pub family: String,
    pub source: String,
    pub text: String,
}

impl CorpusRow {
    /// True when `c` gives one of the right answers.
    pub fn is_right(&self, c: &Classification) -> bool {
        std::iter::once(&self.expect)
            .chain(&self.also_ok)
            .any(|a| answer_matches(a, c))
    }
}

fn answer_matches(answer: &Answer, c: &Classification) -> bool {
    match answer {
        Answer::Nothing => c.fields.is_empty() && c.matches.is_empty(),
        Answer::Carrier => c.needs_carrier_contact,
        Answer::Fields(keys) => *keys == c.fields,
    }
}

/// Reads the corpus; every line must be well formed and every label known.
pub fn parse_corpus(text: &str) -> Result<Vec<CorpusRow>, String> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.splitn(5, '\t').collect();
        let [expect, also, family, source, body] = cols[..] else {
            return Err(format!("line {}: expected 5 tab-separated columns", i + 1));
        };
        let parse = |s: &str| answer(s).map_err(|e| format!("line {}: {e}", i + 1));
        let also_ok = if also == "-" {
            Vec::new()
        } else {
            also.split('|').map(parse).collect::<Result<_, _>>()?
        };
        rows.push(CorpusRow {
            line: i + 1,
            atoms: atoms(expect),
            expect: parse(expect)?,
            also_ok,
            family: family.to_string(),
            source: source.to_string(),
            text: body.to_string(),
        });
    }
    Ok(rows)
}

/// "pin,service_address" → ["pin", "service_address"]; "carrier" → ["carrier"]; "none" → [].
pub fn atoms(label: &str) -> Vec<String> {
    label
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty() && *a != "none")
        .map(str::to_string)
        .collect()
}

/// The answer a label stands for.
pub fn answer(label: &str) -> Result<Answer, String> {
    match label.trim() {
        "none" => Ok(Answer::Nothing),
        "carrier" => Ok(Answer::Carrier),
        groups => {
            let mut keys = BTreeSet::new();
            for g in groups.split(',').map(str::trim) {
                keys.extend(FieldKey::group(g).ok_or_else(|| format!("unknown label {g:?}"))?);
            }
            Ok(Answer::Fields(keys.into_iter().collect()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_corpus_parses() {
        let rows = parse_corpus(BUILTIN_CORPUS).unwrap();
        assert!(rows.len() > 300, "{} rows", rows.len());
    }

    #[test]
    fn a_bad_label_or_row_is_refused_with_its_line() {
        let e = parse_corpus("pin\t-\tfam\tsrc\tPIN bad\nbogus\t-\tf\ts\tt\n").unwrap_err();
        assert!(e.starts_with("line 2:"), "{e}");
        let e = parse_corpus("pin\t-\tonly three\n").unwrap_err();
        assert!(e.contains("5 tab-separated"), "{e}");
    }

    #[test]
    fn labels_become_answers() {
        assert_eq!(answer("none").unwrap(), Answer::Nothing);
        assert_eq!(answer("carrier").unwrap(), Answer::Carrier);
        assert_eq!(
            answer("pin,account_number").unwrap(),
            Answer::Fields(vec![FieldKey::AccountNumber, FieldKey::Pin])
        );
        assert_eq!(atoms("none"), Vec::<String>::new());
    }
}
