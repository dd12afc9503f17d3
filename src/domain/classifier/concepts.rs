//! Concept sets and the phrase table that maps normalised words to concepts.

use super::normalize::{Token, phrase_words};
use std::collections::HashMap;

/// Index of a concept in the catalog's concept list.
pub(crate) type ConceptId = u16;

/// The most concepts one catalog can define (a fixed-size set keeps matching allocation-free).
pub const MAX_CONCEPTS: usize = 256;

/// A set of concepts, as a fixed bitset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ConceptSet([u64; MAX_CONCEPTS / 64]);

impl ConceptSet {
    pub fn insert(&mut self, id: ConceptId) {
        self.0[usize::from(id) / 64] |= 1 << (id % 64);
    }
    pub fn contains(&self, id: ConceptId) -> bool {
        self.0[usize::from(id) / 64] & (1 << (id % 64)) != 0
    }
    pub fn intersects(&self, other: &ConceptSet) -> bool {
        self.0.iter().zip(other.0.iter()).any(|(a, b)| a & b != 0)
    }
    pub fn union_with(&mut self, other: &ConceptSet) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a |= b;
        }
    }
    pub fn intersection(&self, other: &ConceptSet) -> ConceptSet {
        let mut out = *self;
        for (a, b) in out.0.iter_mut().zip(other.0.iter()) {
            *a &= b;
        }
        out
    }
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
}

/// Where a concept was found: a run of tokens inside one clause.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Occurrence {
    pub concept: ConceptId,
    pub first: usize,
    pub last: usize,
    pub sentence: u32,
    pub clause: u32,
}

#[derive(Debug, Clone)]
struct Phrase {
    rest: Vec<String>,
    concepts: Vec<ConceptId>,
}

/// Phrases keyed by their first word, longest first, so matching is one hash lookup per token.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseTable {
    by_first_word: HashMap<String, Vec<Phrase>>,
}

impl PhraseTable {
    pub fn add(&mut self, phrase: &str, concept: ConceptId) {
        let mut words = phrase_words(phrase);
        if words.is_empty() {
            return;
        }
        let first = words.remove(0);
        let entries = self.by_first_word.entry(first).or_default();
        match entries.iter_mut().find(|p| p.rest == words) {
            Some(p) if !p.concepts.contains(&concept) => p.concepts.push(concept),
            Some(_) => {}
            None => {
                entries.push(Phrase {
                    rest: words,
                    concepts: vec![concept],
                });
                entries.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
            }
        }
    }

    /// Greedy longest match from left to right: a word belongs to at most one phrase, so
    /// "account number" never also counts as "account", nor "billing telephone number" as a number.
    /// Phrases never span two clauses.
    pub fn find(&self, tokens: &[Token]) -> Vec<Occurrence> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let clause = tokens[i].clause;
            let hit = self.by_first_word.get(&tokens[i].text).and_then(|phrases| {
                phrases.iter().find(|p| {
                    let tail = tokens.get(i + 1..i + 1 + p.rest.len());
                    tail.is_some_and(|tail| {
                        tail.iter()
                            .zip(&p.rest)
                            .all(|(t, w)| t.clause == clause && t.text == *w)
                    })
                })
            });
            match hit {
                Some(p) => {
                    let last = i + p.rest.len();
                    found.extend(p.concepts.iter().map(|&concept| Occurrence {
                        concept,
                        first: i,
                        last,
                        sentence: tokens[i].sentence,
                        clause,
                    }));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalize::tokenize;
    use super::*;

    #[test]
    fn longest_phrase_wins_and_consumes_its_words() {
        let mut table = PhraseTable::default();
        table.add("account", 0);
        table.add("account number", 1);
        table.add("number", 2);
        let found = table.find(&tokenize("Account number, account; number"));
        let ids: Vec<_> = found.iter().map(|o| o.concept).collect();
        assert_eq!(ids, [1, 0, 2]);
    }

    #[test]
    fn phrases_do_not_cross_clauses() {
        let mut table = PhraseTable::default();
        table.add("account number", 1);
        assert!(table.find(&tokenize("account, number")).is_empty());
    }

    #[test]
    fn one_phrase_can_stand_for_two_concepts() {
        let mut table = PhraseTable::default();
        table.add("name and address", 3);
        table.add("name & address", 4);
        let found = table.find(&tokenize("Name & Address mismatch"));
        let ids: Vec<_> = found.iter().map(|o| o.concept).collect();
        assert_eq!(ids, [3, 4]);
    }

    /// The builtin catalog's concepts found in `text`, by name, in order.
    fn builtin_concepts(text: &str) -> Vec<String> {
        let catalog = super::super::Catalog::builtin();
        let names = catalog.concept_names();
        catalog
            .phrases
            .find(&tokenize(text))
            .iter()
            .map(|o| names[usize::from(o.concept)].to_string())
            .collect()
    }

    #[test]
    fn the_catalog_reads_a_field_in_other_words_and_languages() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Die Kundennummer ist falsch",
                &["account_number", "problem"],
            ),
            ("Kunden-Nr. fehlt", &["account_number", "missing"]),
            ("Geburtsdatum abweichend", &["authorized_user", "problem"]),
            (
                "Portierungserklärung nicht unterschrieben",
                &["loa", "unsigned"],
            ),
            (
                "La dirección de instalación no coincide",
                &["address", "problem"],
            ),
            ("Numero di contratto errato", &["account_number", "problem"]),
            ("Nazwa firmy błędna", &["org_name", "problem"]),
            ("Numărul de client greșit", &["account_number", "problem"]),
            ("住所が一致しません", &["address", "problem"]),
            ("契約者名の相違", &["org_name", "problem"]),
            ("Nombor akaun salah", &["account_number", "problem"]),
            (
                "Proof of address missing",
                &["document", "missing", "problem"],
            ),
            ("Your PAC code has expired", &["pac", "expired"]),
        ];
        for (text, want) in cases {
            assert_eq!(builtin_concepts(text), *want, "{text}");
        }
    }

    #[test]
    fn a_company_suffix_and_a_donor_carrier_are_concepts() {
        // "GmbH" is read as two camel-case words, in the catalog as in the text.
        assert_eq!(
            builtin_concepts("GmbH fehlt beim abgebenden Anbieter"),
            ["org_name", "missing", "donor_carrier"]
        );
    }

    #[test]
    fn short_codes_that_are_words_elsewhere_need_their_neighbour() {
        // German "ein", Czech "při", Polish "dni" and "nie", Swedish "så" are ordinary words;
        // EIN, PRI, DNI, NIE and SA count only where a neighbouring word says they are codes.
        let none: &[&str] = &[];
        assert_eq!(builtin_concepts("ein Termin liegt vor"), ["date_word"]);
        assert_eq!(builtin_concepts("při přenosu"), none);
        assert_eq!(builtin_concepts("w ciągu 30 dni"), none);
        assert_eq!(builtin_concepts("to nie jest"), none);
        assert_eq!(builtin_concepts("så kan du"), none);
        assert_eq!(
            builtin_concepts("Your EIN is missing"),
            ["tax_id", "missing", "problem"]
        );
        assert_eq!(builtin_concepts("ISDN-PRI"), ["special_feature"]);
        assert_eq!(
            builtin_concepts("el DNI del titular"),
            ["id_document", "authorized_user"]
        );
        assert_eq!(builtin_concepts("el NIE caducado"), ["nif", "expired"]);
        // Spanish "clave" is also the adjective "key".
        assert_eq!(builtin_concepts("un dato clave"), none);
        assert_eq!(
            builtin_concepts("la clave es incorrecta"),
            ["pin", "problem"]
        );
    }

    #[test]
    fn the_catalog_knows_more_of_the_fields_words() {
        let cases: &[(&str, &[&str])] = &[
            // business vs residential, single vs multi line: the port type
            ("Wrong customer type of service", &["problem", "port_type"]),
            ("Kundentyp falsch", &["port_type", "problem"]),
            // numbering plans and area codes: the numbers
            ("Vorwahl ungültig", &["tn", "problem"]),
            ("NXX invalid", &["tn", "problem"]),
            // where the customer lives: the address
            ("must be domiciled in the area", &["problem", "address"]),
            // failing to pay: a debt
            ("because of a failure to pay", &["balance"]),
            // a company's registration: a document the carrier checks
            ("Handelsregisterauszug fehlt", &["document", "missing"]),
            ("Company registration invalid", &["tax_id", "problem"]),
            // how far ahead a date lies
            ("Termin liegt in der Zukunft", &["date_word", "too_soon"]),
            ("date later than allowed", &["date_word", "too_soon"]),
            // a bill too old
            ("the invoice is 60 days old", &["document", "too_old"]),
            // the time of the firm order commitment is a time
            ("FOC time outside hours", &["port_time", "outside_hours"]),
            // the carrier's record, in other words
            (
                "does not match the information on file",
                &["problem", "carrier_record"],
            ),
            ("Daten beim Anbieter hinterlegt", &["carrier_record"]),
            // complaints in other words
            ("Unterlagen nicht ausreichend", &["document", "problem"]),
            ("Kunde nicht identifizierbar", &["problem"]),
            ("Many PINs will expire", &["pin", "expired", "problem"]),
            ("A signed LOA is necessary", &["loa", "missing"]),
            ("Phone bill incomplete", &["document", "missing", "problem"]),
            // whose name the number is in, and the holder in other words and inflections
            ("The line is registered in your name", &["tn", "org_name"]),
            ("Nazwisko nie zgadza się", &["authorized_user", "problem"]),
            (
                "Solicitud sin ser el titular",
                &["authorized_user", "not_authorized"],
            ),
            ("titulares diferentes", &["authorized_user", "problem"]),
            // numbers from one carrier; the phone company is a carrier, not a number
            (
                "TNs must be from the same losing carrier",
                &["tn", "problem", "split"],
            ),
            (
                "Missing phone provider account number",
                &["missing", "problem", "donor_carrier", "account_number"],
            ),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(text, want)| builtin_concepts(text) != *want)
            .map(|(text, _)| format!("{text}: {:?}", builtin_concepts(text)))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn concept_sets() {
        let mut a = ConceptSet::default();
        assert!(a.is_empty());
        a.insert(3);
        a.insert(200);
        assert!(a.contains(200) && a.contains(3) && !a.contains(4));
        let mut b = ConceptSet::default();
        b.insert(200);
        assert!(a.intersects(&b));
        b.union_with(&a);
        assert!(b.contains(3));
    }
}
