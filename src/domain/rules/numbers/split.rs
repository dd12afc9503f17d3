//! Cutting typed or pasted text into candidate numbers.
//!
//! Commas, semicolons and line breaks always separate numbers. Whitespace is ambiguous: it
//! separates numbers ("4255550100 4255550101") but also sits inside one ("+1 425 555 0100",
//! "(425) 555-0100"). So within a chunk, whitespace-separated tokens are merged while their
//! digits still fit one number: 10 digits, 11 when the number starts with 1 or +1, and for other
//! country codes the longest run that phonenumber accepts (at most 15 digits). A token is never
//! cut in two, a token starting with `+` always starts a new number, and a dash or "to" between
//! numbers ("4255550100 - 0199", "+1 425 555 0100 to +1 425 555 0199") keeps them together as
//! one range so the range can be reported as such.

/// Dash characters people type or paste (hyphen, en dash, em dash, minus sign).
pub(super) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Words that join the two ends of a range.
fn is_range_word(s: &str) -> bool {
    ["to", "thru", "through"]
        .iter()
        .any(|w| s.eq_ignore_ascii_case(w))
}

pub(super) fn digit_count(s: &str) -> usize {
    s.chars().filter(char::is_ascii_digit).count()
}

/// Byte spans of the whitespace-separated tokens of `chunk`.
fn token_spans(chunk: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in chunk.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, chunk.len()));
    }
    spans
}

/// Joins a dash to the token it touches: "4255550100-" + "0199" and "4255550100" + "-0199"
/// become one token. A dash or range word standing alone is handled in `candidates`.
fn glue_dashes(chunk: &str, tokens: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (start, end) in tokens {
        let text = &chunk[start..end];
        let glue = match out.last() {
            Some(&(ps, pe)) => {
                let prev = &chunk[ps..pe];
                !is_range_separator(prev)
                    && !is_range_separator(text)
                    && (prev.ends_with(is_dash) || text.starts_with(is_dash))
            }
            None => false,
        };
        match out.last_mut() {
            Some(last) if glue => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    out
}

/// A token that only joins the two ends of a range: a lone dash, "to", "thru", "through".
fn is_range_separator(token: &str) -> bool {
    is_range_word(token) || (!token.is_empty() && token.chars().all(is_dash))
}

/// How many digits the number that `text` starts has: 11 after `+1` or a leading 1 (NANP with
/// its country code), 10 for a bare NANP number, `None` for another country code.
fn expected_digits(text: &str, nanp: bool) -> Option<usize> {
    let plus = text
        .trim_start_matches(|c: char| c == '(' || c.is_whitespace())
        .starts_with('+');
    match (plus, text.chars().find(char::is_ascii_digit)) {
        (true, Some('1')) => Some(11),
        (false, Some('1')) if nanp => Some(11),
        (true, _) => None,
        (false, _) if nanp => Some(10),
        (false, _) => None,
    }
}

/// True when `token` reaches exactly `need` digits just before a dash that has more digits
/// after it: the token finishes a number and then starts a range ("0100-0199").
fn completes_before_dash(token: &str, need: usize) -> bool {
    let mut count = 0;
    for (i, c) in token.char_indices() {
        if c.is_ascii_digit() {
            count += 1;
        } else if is_dash(c) && count == need {
            return digit_count(&token[i..]) > 0;
        }
    }
    false
}

/// Longest number length phonenumber accepts (E.164).
const MAX_DIGITS: usize = 15;

/// Splits typed or pasted text into the raw text of each candidate number, in order.
/// `is_valid` tells whether a candidate with a non-NANP country code is a whole number.
/// `nanp`: a number without `+` is North American (else national, judged by `is_valid`).
pub(super) fn candidates<'a>(
    text: &'a str,
    nanp: bool,
    is_valid: &dyn Fn(&str) -> bool,
) -> Vec<&'a str> {
    let mut out = Vec::new();
    for chunk in text.split([',', ';', '\n', '\r']) {
        let tokens = glue_dashes(chunk, token_spans(chunk));
        let mut i = 0;
        while i < tokens.len() {
            let mut end = group_end(chunk, &tokens, i, nanp, is_valid);
            // "<number> - <number>" or "<number> to <number>": keep the range as one entry.
            let separator = tokens.get(end + 1).map(|&(s, e)| &chunk[s..e]);
            if separator.is_some_and(is_range_separator) && end + 2 < tokens.len() {
                end = group_end(chunk, &tokens, end + 2, nanp, is_valid);
            }
            out.push(&chunk[tokens[i].0..tokens[end].1]);
            i = end + 1;
        }
    }
    out
}

/// The index of the last token of the number that starts at token `start`.
fn group_end(
    chunk: &str,
    tokens: &[(usize, usize)],
    start: usize,
    nanp: bool,
    is_valid: &dyn Fn(&str) -> bool,
) -> usize {
    let token = |k: usize| &chunk[tokens[k].0..tokens[k].1];
    let has_letters = |s: &str| s.chars().any(char::is_alphabetic);
    if has_letters(token(start)) || is_range_separator(token(start)) {
        return start;
    }
    let mut end = start;
    let mut digits = digit_count(token(start));
    let mut last_valid = None;
    loop {
        let so_far = &chunk[tokens[start].0..tokens[end].1];
        let target = expected_digits(so_far, nanp);
        if target.is_none() && is_valid(so_far) {
            last_valid = Some(end);
        }
        let limit = target.unwrap_or(MAX_DIGITS);
        let next = end + 1;
        if digits >= limit || next >= tokens.len() {
            break;
        }
        let candidate = token(next);
        if has_letters(candidate) || candidate.starts_with('+') || is_range_separator(candidate) {
            break;
        }
        let more = digit_count(candidate);
        // With no digit yet (a lone "(" or "+"), keep going: the number hasn't started.
        let fits = digits == 0
            || digits + more <= limit
            || (target.is_some() && completes_before_dash(candidate, limit - digits));
        if !fits {
            break;
        }
        digits += more;
        end = next;
    }
    // Another country's number: stop where the longest valid number ends, if there is one.
    match last_valid {
        Some(valid_end) if expected_digits(token(start), nanp).is_none() => valid_end,
        _ => end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        // Stand-in validity for other country codes: the UK's +44 and 10 more digits.
        candidates(text, true, &|s| {
            s.starts_with("+44") && digit_count(s) == 12
        })
    }

    #[test]
    fn separators_split_numbers() {
        assert_eq!(
            split("4255550100,4255550101;4255550102\n4255550103\r\n4255550104"),
            [
                "4255550100",
                "4255550101",
                "4255550102",
                "4255550103",
                "4255550104"
            ]
        );
        assert_eq!(split("4255550100 4255550101"), ["4255550100", "4255550101"]);
        assert_eq!(split(" , ;\n  "), Vec::<&str>::new());
    }

    #[test]
    fn formatted_numbers_stay_whole() {
        assert_eq!(split("(425) 555-0100"), ["(425) 555-0100"]);
        assert_eq!(split("425.555.0100"), ["425.555.0100"]);
        assert_eq!(split("+1 425 555 0100"), ["+1 425 555 0100"]);
        assert_eq!(split("1 425 555 0100"), ["1 425 555 0100"]);
        assert_eq!(split("+1 (425) 555-0100"), ["+1 (425) 555-0100"]);
        assert_eq!(
            split("(425) 555-0100 (425) 555-0101   +1 425 555 0102"),
            ["(425) 555-0100", "(425) 555-0101", "+1 425 555 0102"]
        );
        assert_eq!(
            split("+1 425 555 0100 4255550101"),
            ["+1 425 555 0100", "4255550101"]
        );
    }

    #[test]
    fn other_country_codes_take_the_longest_valid_run() {
        assert_eq!(
            split("+44 20 7946 0958 425 555 0100"),
            ["+44 20 7946 0958", "425 555 0100"]
        );
        assert_eq!(split("+44 20 7946 0958"), ["+44 20 7946 0958"]);
    }

    #[test]
    fn ranges_are_kept_together() {
        assert_eq!(split("4255550100-4255550199"), ["4255550100-4255550199"]);
        assert_eq!(split("4255550100 - 0199"), ["4255550100 - 0199"]);
        assert_eq!(
            split("4255550100 to 4255550199"),
            ["4255550100 to 4255550199"]
        );
        assert_eq!(split("+1 425 555 0100-0199"), ["+1 425 555 0100-0199"]);
        assert_eq!(split("(425) 555-0100-0199"), ["(425) 555-0100-0199"]);
        assert_eq!(
            split("+1 425 555 0100 to +1 425 555 0199 4255550300"),
            ["+1 425 555 0100 to +1 425 555 0199", "4255550300"]
        );
        assert_eq!(
            split("425-555-0100 - 425-555-0199"),
            ["425-555-0100 - 425-555-0199"]
        );
        assert_eq!(split("4255550100 -0199"), ["4255550100 -0199"]);
        assert_eq!(split("4255550100- 0199"), ["4255550100- 0199"]);
    }

    #[test]
    fn short_and_garbage_tokens_stand_alone() {
        assert_eq!(split("425 555 010 hello"), ["425 555 010", "hello"]);
        assert_eq!(split("4255550100 x123"), ["4255550100", "x123"]);
        assert_eq!(split("425555O100"), ["425555O100"]);
        // A separator with nothing after it stays on its own.
        assert_eq!(split("4255550100 -"), ["4255550100", "-"]);
        assert_eq!(split("to 4255550100"), ["to", "4255550100"]);
    }
}
