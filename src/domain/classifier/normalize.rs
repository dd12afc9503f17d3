//! Turns carrier text into normalised tokens: lower case, snake and camel codes split, contractions
//! expanded, plurals folded, each token remembering where it came from (for evidence) and which
//! sentence and clause it sits in (rules look for their concepts together in one sentence).
//! Accents are dropped, so a catalog phrase matches both spellings of a word. Compounds with a
//! known head are split ("Kundennummer" → kunden nummer), and each Chinese or Japanese character
//! is a word of its own (those languages write no spaces), so the catalog lists a field's words once.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One normalised word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub text: String,
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    pub sentence: u32,
    /// Clauses split sentences at commas, dashes and contrast words ("but", "however").
    pub clause: u32,
}

/// Words that open a new clause: what follows often contradicts what came before
/// ("the PIN is correct but the account number is wrong").
const CONTRAST_WORDS: &[&str] = &["but", "however", "although", "though", "whereas"];

/// Contractions typed without the apostrophe in quick notes.
const BARE_CONTRACTIONS: &[(&str, &str)] = &[
    ("cannot", "can"),
    ("cant", "can"),
    ("doesnt", "does"),
    ("dont", "do"),
    ("didnt", "did"),
    ("isnt", "is"),
    ("arent", "are"),
    ("wasnt", "was"),
    ("werent", "were"),
    ("couldnt", "could"),
    ("hasnt", "has"),
    ("havent", "have"),
];

pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut sentence = 0u32;
    let mut clause = 0u32;
    let mut word_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;

    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if is_cjk(c) {
            if let Some(ws) = word_start.take() {
                push_word(text, ws, i, sentence, clause, &mut out);
            }
            let end = i + c.len_utf8();
            push(&mut out, &text[i..end], i, end, sentence, clause);
            prev = Some(c);
            continue;
        }
        if c.is_alphanumeric() || is_apostrophe(c) {
            word_start.get_or_insert(i);
            prev = Some(c);
            continue;
        }
        if let Some(ws) = word_start.take() {
            push_word(text, ws, i, sentence, clause, &mut out);
        }
        match c {
            '.' if next.is_none_or(char::is_whitespace) => {
                sentence += 1;
                clause += 1;
            }
            '!' | '?' | ';' | '\n' | '\r' | '。' | '．' | '！' | '？' | '；' => {
                sentence += 1;
                clause += 1;
            }
            ',' | '–' | '—' | '、' | '，' => clause += 1,
            '-' if prev.is_none_or(char::is_whitespace) && next.is_none_or(char::is_whitespace) => {
                clause += 1
            }
            '#' => push(&mut out, "number", i, i + 1, sentence, clause),
            '&' => push(&mut out, "and", i, i + 1, sentence, clause),
            _ => {}
        }
        prev = Some(c);
    }
    if let Some(ws) = word_start {
        push_word(text, ws, text.len(), sentence, clause, &mut out);
    }
    split_clauses_at_contrast_words(&mut out);
    out
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Han, hiragana and katakana: scripts written without spaces, read one character at a time
/// (the catalog's phrases in them become runs of characters, and the model reads character pairs).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}'      // 々 〆 〇
        | '\u{3040}'..='\u{30FF}'    // hiragana, katakana
        | '\u{31F0}'..='\u{31FF}'    // katakana extensions
        | '\u{3400}'..='\u{4DBF}'    // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'    // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'    // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}') // half-width katakana
}

fn split_clauses_at_contrast_words(tokens: &mut [Token]) {
    let mut shift = 0;
    for t in tokens.iter_mut() {
        if CONTRAST_WORDS.contains(&t.text.as_str()) {
            shift += 1;
        }
        t.clause += shift;
    }
}

fn push(out: &mut Vec<Token>, text: &str, start: usize, end: usize, sentence: u32, clause: u32) {
    out.push(Token {
        text: text.to_string(),
        start,
        end,
        sentence,
        clause,
    });
}

/// Emits the tokens of one run of letters, digits and apostrophes.
fn push_word(
    text: &str,
    start: usize,
    end: usize,
    sentence: u32,
    clause: u32,
    out: &mut Vec<Token>,
) {
    let raw = &text[start..end];
    let trimmed_front = raw.trim_start_matches(is_apostrophe);
    let start = start + (raw.len() - trimmed_front.len());
    let word = trimmed_front.trim_end_matches(is_apostrophe);
    for (offset, part) in camel_parts(word) {
        let (s, e) = (start + offset, start + offset + part.len());
        let lower = part.to_lowercase();
        // Most words need no expansion: keep their one allocation.
        let plain = !lower.contains(['\'', '’'])
            && !BARE_CONTRACTIONS.iter().any(|(bare, _)| *bare == lower);
        let pieces = if plain { vec![lower] } else { expand(&lower) };
        for piece in pieces {
            for part in split_compound(fold_accents(piece)) {
                push_owned(out, fold_plural(part), s, e, sentence, clause);
            }
        }
    }
}

fn push_owned(
    out: &mut Vec<Token>,
    text: String,
    start: usize,
    end: usize,
    sentence: u32,
    clause: u32,
) {
    out.push(Token {
        text,
        start,
        end,
        sentence,
        clause,
    });
}

/// Splits `passcodeInvalid` and `PINCode` into their words; leaves `PIN` and `E210` whole.
fn camel_parts(word: &str) -> Vec<(usize, &str)> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut parts = Vec::new();
    let mut from = 0;
    for k in 1..chars.len() {
        let (i, c) = chars[k];
        let p = chars[k - 1].1;
        // "TNs", "LOAs": an acronym's plural s is not the start of a word.
        let plural_s = k + 2 == chars.len() && chars[k + 1].1 == 's';
        let next_lower = !plural_s && chars.get(k + 1).is_some_and(|&(_, n)| n.is_lowercase());
        let boundary = c.is_uppercase() && (p.is_lowercase() || (p.is_uppercase() && next_lower));
        if boundary {
            parts.push((from, &word[from..i]));
            from = i;
        }
    }
    if from < word.len() {
        parts.push((from, &word[from..]));
    }
    parts
}

/// French and Italian articles and particles elided before a vowel ("l'adresse", "d'installation",
/// "dell'operatore"): the word after the apostrophe is the one that matters, so it stands alone
/// and meets the catalog's "adresse" and "operatore".
const ELISIONS: &[&str] = &[
    "l", "d", "n", "s", "c", "j", "m", "t", "qu", "un", "dell", "all", "dall", "nell", "sull",
    "quell", "quest",
];

/// "doesn't" → does not, "carrier's" → carrier, "l'adresse" → adresse, "cannot" → can not.
fn expand(word: &str) -> Vec<String> {
    let word = word.replace('’', "'");
    if let Some(stem) = word.strip_suffix("n't") {
        let stem = match stem {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            s => s,
        };
        return vec![stem.to_string(), "not".to_string()];
    }
    if let Some((stem, suffix)) = word.split_once('\'') {
        return match suffix {
            "s" | "re" | "ve" | "ll" | "d" | "m" => vec![stem.to_string()],
            _ if ELISIONS.contains(&stem) => vec![suffix.to_string()],
            _ => vec![format!("{stem}{suffix}")],
        };
    }
    if let Some((_, stem)) = BARE_CONTRACTIONS.iter().find(|(bare, _)| *bare == word) {
        return vec![stem.to_string(), "not".to_string()];
    }
    vec![word]
}

/// Drops accents so a word's accented and plain spellings meet ("numéro" and "numero",
/// "übereinstimmen" and "ubereinstimmen"): carriers' texts and people's notes use both.
/// Words with no accent pass through with their one allocation.
/// Letters with no decomposition are folded by hand ("błąd" and "blad", "Straße" and "strasse").
fn fold_accents(word: String) -> String {
    if word.is_ascii() {
        return word;
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ł' => out.push('l'),
            'ø' => out.push('o'),
            'đ' => out.push('d'),
            'ı' => out.push('i'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            c => out.push(c),
        }
    }
    out
}

/// The last parts of compounds that carriers' German, Dutch and Scandinavian texts build on a
/// field's word (Kunden|nummer, Portierungs|erklärung, klant|gegevens, etter|navn), accents
/// folded. None ends an English word that matters (user|name and pass|code split alike in the
/// catalog and the text, so they still meet).
const COMPOUND_HEADS: &[&str] = &[
    // German
    "nummer",
    "nummern",
    "nr",
    "name",
    "namen",
    "adresse",
    "anschrift",
    "datum",
    "datumet",
    "daten",
    "erklarung",
    "vollmacht",
    "formular",
    "auftrag",
    "termin",
    "frist",
    "kundigung",
    "inhaber",
    "partner",
    "vertrag",
    "portierung",
    "anbieter",
    "betreiber",
    "block",
    "code",
    "kennwort",
    // Dutch
    "nummers",
    "naam",
    "adres",
    "gegevens",
    "formulier",
    "machtiging",
    "houder",
    // Danish, Norwegian, Swedish
    "nummeret",
    "numret",
    "navn",
    "navnet",
    "namn",
    "namnet",
    "adress",
    "adressen",
    "fullmakt",
    "kode",
    "kod",
];

/// A modifier shorter than this is part of the word, not a word of its own ("re|name").
const MIN_MODIFIER: usize = 3;

/// Plural and definite forms of heads, read as the head's plain form, alone or in a compound
/// ("Kundennummern" meets "Kundennummer", "navnet" meets "navn").
const HEAD_FORMS: &[(&str, &str)] = &[
    ("nummern", "nummer"),
    ("nummeret", "nummer"),
    ("numret", "nummer"),
    ("namen", "name"),
    ("navnet", "navn"),
    ("namnet", "namn"),
    ("adressen", "adress"),
    ("datumet", "datum"),
];

fn head_form(word: &str) -> Option<&'static str> {
    HEAD_FORMS
        .iter()
        .find(|(form, _)| *form == word)
        .map(|(_, plain)| *plain)
}

/// Splits a compound at its known heads, from the end: "rufnummernportierung" → ruf, nummer,
/// portierung. A linking s stays on the modifier for `fold_plural` to drop (vertrags → vertrag).
fn split_compound(word: String) -> Vec<String> {
    // A genitive or plural s after the head ("des Anschlussinhabers", "Kundennummers") hides it.
    if !ends_with_head(&word)
        && let Some(stem) = word.strip_suffix('s')
        && ends_with_head(stem)
    {
        return split_compound(stem.to_string());
    }
    let mut parts = Vec::new();
    let mut rest = word.as_str();
    while let Some(head) = COMPOUND_HEADS
        .iter()
        .filter(|h| rest.len() >= h.len() + MIN_MODIFIER && rest.ends_with(*h))
        .max_by_key(|h| h.len())
    {
        parts.push(head_form(head).unwrap_or(head).to_string());
        rest = &rest[..rest.len() - head.len()];
    }
    if parts.is_empty() {
        return vec![head_form(&word).map_or(word, str::to_string)];
    }
    parts.push(rest.to_string());
    parts.reverse();
    parts
}

/// Whether `word` is a compound ending in a known head (with a modifier long enough to be a word).
fn ends_with_head(word: &str) -> bool {
    COMPOUND_HEADS
        .iter()
        .any(|h| word.len() >= h.len() + MIN_MODIFIER && word.ends_with(h))
}

/// Folds simple plurals so the vocabulary lists one form ("numbers" → number, "LOAs" → loa).
/// Phrases in the catalog go through the same folding, so a mis-fold on both sides still agrees.
fn fold_plural(mut word: String) -> String {
    let folds = word.chars().count() >= 4
        && word.ends_with('s')
        && !(word.ends_with("ss")
            || word.ends_with("us")
            || word.ends_with("is")
            || word == "does")
        && !word.chars().all(|c| c.is_ascii_digit() || c == 's');
    if folds {
        word.pop();
    }
    word
}

/// The normalised words of a catalog phrase (same rules as the text, so they line up).
pub(crate) fn phrase_words(phrase: &str) -> Vec<String> {
    tokenize(phrase).into_iter().map(|t| t.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        phrase_words(text)
    }

    #[test]
    fn lowercases_and_strips_punctuation() {
        assert_eq!(
            words("The PIN/Passcode (LOA)!"),
            ["the", "pin", "pass", "code", "loa"]
        );
    }

    #[test]
    fn splits_snake_and_camel_codes() {
        assert_eq!(
            words("POSTAL_CODE_MISMATCH"),
            ["postal", "code", "mismatch"]
        );
        assert_eq!(
            words("passcodePinInvalid"),
            ["pass", "code", "pin", "invalid"]
        );
        assert_eq!(words("PINCode E210"), ["pin", "code", "e210"]);
    }

    #[test]
    fn expands_contractions_and_drops_possessives() {
        assert_eq!(words("doesn't"), ["does", "not"]);
        assert_eq!(words("can’t won't"), ["can", "not", "will", "not"]);
        assert_eq!(words("carrier's record"), ["carrier", "record"]);
        assert_eq!(
            words("L'adresse d'installation dell'operatore"),
            ["adresse", "installation", "operatore"]
        );
        assert_eq!(words("isnt cannot"), ["is", "not", "can", "not"]);
        assert_eq!(words("'non-portable'"), ["non", "portable"]);
    }

    #[test]
    fn folds_plurals_but_not_short_or_ss_words() {
        assert_eq!(
            words("numbers TNs LOAs address status 2025s"),
            ["number", "tns", "loa", "address", "status", "2025s"]
        );
    }

    #[test]
    fn accents_are_dropped() {
        assert_eq!(
            words("Numéro erroné, Straße übereinstimmen NÚMERO"),
            ["numero", "errone", "strasse", "ubereinstimmen", "numero"]
        );
        assert_eq!(words("Błąd BLAD søknad"), ["blad", "blad", "soknad"]);
    }

    #[test]
    fn compounds_split_at_known_heads() {
        assert_eq!(words("Kundennummer"), ["kunden", "nummer"]);
        assert_eq!(words("Kunden-Nr."), ["kunden", "nr"]);
        assert_eq!(
            words("Rufnummernportierung"),
            ["ruf", "nummer", "portierung"]
        );
        assert_eq!(
            words("Kundennummern Nummern navnet"),
            ["kunden", "nummer", "nummer", "navn"]
        );
        assert_eq!(words("Portierungserklärung"), ["portierung", "erklarung"]);
        assert_eq!(words("Geburtsdatum"), ["geburt", "datum"]);
        assert_eq!(
            words("klantgegevens etternavn"),
            ["klant", "gegeven", "etter", "navn"]
        );
        // A genitive or plural s after the head does not hide it.
        assert_eq!(
            words("des Anschlussinhabers, beim Altanbieters, usernames"),
            [
                "des",
                "anschluss",
                "inhaber",
                "beim",
                "alt",
                "anbieter",
                "user",
                "name"
            ]
        );
        // A word that is only a head, or whose rest is too short, stays whole.
        assert_eq!(
            words("Nummer rename address"),
            ["nummer", "rename", "address"]
        );
    }

    #[test]
    fn cjk_characters_are_words_and_their_stops_split_sentences() {
        let t = tokenize("電話番号が不一致。住所、PIN");
        let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "電", "話", "番", "号", "が", "不", "一", "致", "住", "所", "pin"
            ]
        );
        assert_eq!((t[7].sentence, t[8].sentence), (0, 1));
        assert!(t[9].clause < t[10].clause);
        assert_eq!(&"電話番号が不一致。住所、PIN"[t[0].start..t[0].end], "電");
    }

    #[test]
    fn hash_and_ampersand_become_words() {
        assert_eq!(words("Acct # & name"), ["acct", "number", "and", "name"]);
    }

    #[test]
    fn sentences_and_clauses_are_numbered() {
        let t = tokenize("PIN ok, BTN bad. Zip 3.5 - x but y");
        let at = |w: &str| {
            t.iter()
                .find(|t| t.text == w)
                .map(|t| (t.sentence, t.clause))
        };
        assert_eq!(at("pin"), Some((0, 0)));
        assert_eq!(at("btn"), Some((0, 1)));
        assert_eq!(at("zip"), Some((1, 2)));
        assert_eq!(at("5"), Some((1, 2)));
        assert_eq!(at("x"), Some((1, 3)));
        assert_eq!(at("y"), Some((1, 4)));
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "The ACCOUNT_NUMBER doesn't";
        let t = tokenize(text);
        assert_eq!(&text[t[1].start..t[1].end], "ACCOUNT");
        assert_eq!(&text[t[3].start..t[3].end], "doesn't");
        assert_eq!(t[4].text, "not");
    }
}
