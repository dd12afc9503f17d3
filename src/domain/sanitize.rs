//! Cleans text that came from outside (carrier messages, imported files) before it is drawn or
//! exported: a pasted escape sequence must never move the cursor, clear the screen, set the
//! window title or write the clipboard (OSC 52). Each removed sequence leaves one visible U+FFFD
//! so the user sees that something was there.

/// What a removed sequence or control character becomes.
pub const PLACEHOLDER: char = '\u{FFFD}';

const ESC: char = '\u{1B}';
const BEL: char = '\u{07}';
/// 8-bit String Terminator.
const ST: char = '\u{9C}';

/// Text safe to print: no escape or control sequences, no C0 controls but `\n` and `\t`
/// (`\r\n` and lone `\r` become `\n`), no C1 controls, no DEL, no bidi controls.
pub fn clean(text: &str) -> String {
    clean_with(text, Some(PLACEHOLDER))
}

/// A value as it may be stored (the edit operation's first step): escape sequences, controls,
/// bidi controls and invisible characters removed without a trace, line breaks and tabs made
/// spaces. Stored values then export and import again unchanged, and no carrier gets an escape.
pub fn value_text(text: &str) -> String {
    clean_with(text, None)
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

/// `clean`, leaving `placeholder` (or nothing) where a sequence or control was.
fn clean_with(text: &str, placeholder: Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            ESC => {
                skip_escape(&mut chars);
                out.extend(placeholder);
            }
            '\u{9B}' => {
                skip_csi(&mut chars);
                out.extend(placeholder);
            }
            '\u{9D}' => {
                skip_string(&mut chars, true);
                out.extend(placeholder);
            }
            '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => {
                skip_string(&mut chars, false);
                out.extend(placeholder);
            }
            c if is_unsafe(c) => out.extend(placeholder),
            c => out.push(c),
        }
    }
    out
}

/// Characters that must never reach the terminal on their own.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Characters that draw nothing and hide inside values: zero-width space, non-joiner, joiner,
/// word joiner, and the byte-order mark. Exports drop them; JSON output escapes them.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// `clean`, and without zero-width characters and byte-order marks: text for a terminal, where
/// a hidden character would make a forged id look like the real one.
pub fn for_terminal(text: &str) -> String {
    clean(text).chars().filter(|c| !is_invisible(*c)).collect()
}

/// `for_terminal` for one line (a message that echoes an argument): a line break inside is shown
/// as `\n`, so an echoed value never prints a line of its own.
pub fn one_line(text: &str) -> String {
    for_terminal(text).replace('\n', "\\n")
}

/// Columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Cut `text` to at most `max` columns, ending with `…` when cut; grapheme by grapheme, so an
/// accented letter or an emoji is never split.
pub fn truncate(text: &str, max: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Longest an echoed value (a run of text without spaces, or one quoted in backticks: an id, a
/// key, a path) stays in a message on a terminal.
pub const ECHO_MAX: usize = 80;

/// A message line that echoes a long value, kept short enough to stay one line on a terminal:
/// a value quoted in backticks, or a run of text without spaces, wider than [`ECHO_MAX`] keeps
/// its start and its end around `…`. The words around it (what went wrong) stay whole.
pub fn shorten_echo(line: &str) -> String {
    let mut out = String::with_capacity(line.len().min(4 * ECHO_MAX));
    // Outside backticks (even pieces) and inside them (odd pieces).
    for (i, piece) in line.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 && width(piece) > ECHO_MAX {
            out.push_str(&middle_cut(piece, ECHO_MAX));
            continue;
        }
        let runs: Vec<String> = piece
            .split(' ')
            .map(|run| match width(run) > ECHO_MAX {
                true => middle_cut(run, ECHO_MAX),
                false => run.to_string(),
            })
            .collect();
        out.push_str(&runs.join(" "));
    }
    out
}

/// `text` in `max` columns: about two thirds of its start, `…`, a third from its end.
fn middle_cut(text: &str, max: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    let tail_room = max.saturating_sub(1) / 3;
    let mut tail = Vec::new();
    let mut used = 0;
    for g in graphemes.iter().rev() {
        if used + width(g) > tail_room {
            break;
        }
        used += width(g);
        tail.push(*g);
    }
    tail.reverse();
    let head = truncate(text, max.saturating_sub(used));
    format!("{head}{}", tail.concat())
}

/// `text` without zero-width characters and byte-order marks.
pub fn strip_invisible(text: &str) -> String {
    text.chars().filter(|c| !is_invisible(*c)).collect()
}

/// `clean`, but a `\r\n` pair stays (the CSV export ends lines so; a terminal only moves to the
/// next line): each piece between pairs is cleaned on its own.
pub fn clean_keeping_crlf(text: &str) -> String {
    text.split("\r\n")
        .map(clean)
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// JSON text in which every character `clean` would remove, and every invisible one, is written
/// as a `\uXXXX` escape: the same document to a JSON reader, inert on a terminal. Outside strings
/// JSON is plain ASCII, so escaping every such character of the text escapes them in strings.
pub fn escape_json_text(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if (is_unsafe(c) && c != '\n') || is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}') {
            // Every such character is in the Basic Multilingual Plane: one escape each.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: the rest of a CSI, OSC, DCS/SOS/PM/APC string, or a short escape (`ESC c`,
/// `ESC ( B`).
fn skip_escape(chars: &mut Chars) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']') => {
            chars.next();
            skip_string(chars, true);
        }
        Some('P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars, false);
        }
        Some(c) if ('\u{20}'..='\u{2F}').contains(&c) => {
            // Intermediate bytes, then one final byte.
            while chars
                .next_if(|c| ('\u{20}'..='\u{2F}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7E}').contains(c));
        }
        Some(c) if ('\u{30}'..='\u{7E}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameter and intermediate bytes up to the final byte. Stops early (without eating it) at
/// anything a CSI cannot contain, so printable text after a broken sequence survives.
fn skip_csi(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{20}'..='\u{3F}' => {
                chars.next();
            }
            '\u{40}'..='\u{7E}' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// A control string up to its terminator: ST (`ESC \` or U+009C), and BEL for OSC (xterm).
/// An unterminated string runs to the end of the text: a terminal would swallow it too.
fn skip_string(chars: &mut Chars, bel_ends: bool) {
    while let Some(c) = chars.next() {
        match c {
            ST => return,
            BEL if bel_ends => return,
            ESC => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

/// `text` cut to at most `max` bytes, at a character boundary (a stored text's cap).
pub fn cut_to(text: &mut String, max: usize) {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_long_echoed_value_keeps_its_ends_and_the_words_around_it() {
        let long = "x".repeat(3000);
        let said = shorten_echo(&format!("unknown field key `{long}`; see set --help"));
        assert!(width(&said) < 2 * ECHO_MAX, "{said}");
        assert!(said.starts_with("unknown field key `xxx"), "{said}");
        assert!(said.ends_with("xxx`; see set --help"), "{said}");
        assert!(said.contains('…'), "{said}");
        let spaced = format!("no order `a b {long}`");
        let said = shorten_echo(&spaced);
        assert!(
            said.starts_with("no order `a b x") && said.ends_with("x`"),
            "{said}"
        );
        assert!(width(&said) < 2 * ECHO_MAX, "{said}");
        let path = format!("cannot read /tmp/{long}/doc.json: No such file");
        let said = shorten_echo(&path);
        assert!(said.ends_with("/doc.json: No such file"), "{said}");
        // Prose and short values are untouched.
        let prose = "Port date: 2026-12-08 is too soon: ports in the United States need at least 5 business days' notice.";
        assert_eq!(shorten_echo(prose), prose);
    }

    #[test]
    fn a_stored_value_keeps_no_trace_of_a_sequence_and_stays_on_one_line() {
        assert_eq!(
            value_text("a\u{1b}[2Jb\u{9d}0;t\u{9c}c\u{200d}\nd\te\u{7f}"),
            "abc d e"
        );
        assert_eq!(
            value_text("Fourth Coffee \u{FFFD}"),
            "Fourth Coffee \u{FFFD}"
        );
    }
    use super::*;
    use proptest::prelude::*;

    const P: char = PLACEHOLDER;

    #[test]
    fn a_line_for_the_terminal_has_no_hidden_character_and_no_line_break() {
        assert_eq!(
            one_line("no order `PO-1\u{200b}\nportwiz: deleted\u{feff}`"),
            "no order `PO-1\\nportwiz: deleted`"
        );
        assert_eq!(for_terminal("a\u{2060}b\nc"), "ab\nc");
    }

    #[test]
    fn plain_text_is_untouched() {
        assert_eq!(
            clean("PIN invalid.\n\tSee CSR — café ✓"),
            "PIN invalid.\n\tSee CSR — café ✓"
        );
    }

    #[test]
    fn clear_screen_and_colours_become_inert() {
        assert_eq!(clean("a\u{1b}[2Jb"), format!("a{P}b"));
        assert_eq!(clean("\u{1b}[1;31mred\u{1b}[0m"), format!("{P}red{P}"));
        assert_eq!(clean("x\u{9b}2Jy"), format!("x{P}y"));
    }

    #[test]
    fn osc_52_clipboard_write_and_title_are_removed() {
        let osc52 = "before\u{1b}]52;c;ZWNobyBwd25lZA==\u{07}after";
        assert_eq!(clean(osc52), format!("before{P}after"));
        assert_eq!(clean("\u{1b}]0;title\u{1b}\\ok"), format!("{P}ok"));
        assert_eq!(clean("\u{9d}8;;http://x\u{9c}link"), format!("{P}link"));
    }

    #[test]
    fn dcs_apc_and_short_escapes_are_removed() {
        assert_eq!(clean("a\u{1b}Pq#0;1\u{1b}\\b"), format!("a{P}b"));
        assert_eq!(clean("a\u{1b}_hidden\u{9c}b"), format!("a{P}b"));
        assert_eq!(clean("a\u{1b}cb"), format!("a{P}b"));
        assert_eq!(clean("a\u{1b}(Bb"), format!("a{P}b"));
        assert_eq!(clean("a\u{1b}"), format!("a{P}"));
    }

    #[test]
    fn line_endings_and_controls() {
        assert_eq!(clean("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(
            clean("a\u{0}b\u{7f}c\u{85}d\u{7}"),
            format!("a{P}b{P}c{P}d{P}")
        );
    }

    #[test]
    fn bidi_controls_are_removed() {
        assert_eq!(
            clean("abc\u{202E}fed\u{2066}x\u{200F}\u{061C}"),
            format!("abc{P}fed{P}x{P}{P}")
        );
    }

    #[test]
    fn crlf_pairs_stay_lone_returns_do_not() {
        assert_eq!(
            clean_keeping_crlf("a\r\nb\rc\u{1b}[2J\r\n"),
            format!("a\r\nb\nc{P}\r\n")
        );
    }

    #[test]
    fn invisible_characters_are_stripped() {
        assert_eq!(
            strip_invisible("\u{feff}+1425\u{200b}555\u{2060}0100"),
            "+14255550100"
        );
    }

    #[test]
    fn json_escapes_controls_bidi_and_invisible_characters() {
        let value = serde_json::json!({"a\u{9b}": "x\u{9b}31m\u{9d}\u{202e}\u{200b}\u{feff}\t"});
        let text = escape_json_text(&serde_json::to_string_pretty(&value).unwrap());
        assert_eq!(
            text,
            "{\n  \"a\\u009b\": \"x\\u009b31m\\u009d\\u202e\\u200b\\ufeff\\t\"\n}"
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
    }

    proptest! {
        #[test]
        fn escaped_json_reads_back_the_same_and_is_inert(s in any::<String>()) {
            let value = serde_json::json!({"k": s});
            let text = escape_json_text(&serde_json::to_string_pretty(&value).unwrap());
            prop_assert!(!text.chars().any(|c| (is_unsafe(c) && c != '\n') || is_invisible(c)));
            prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
        }
    }

    proptest! {
        #[test]
        fn output_never_contains_unsafe_characters(s in any::<String>()) {
            let out = clean(&s);
            prop_assert!(!out.chars().any(is_unsafe), "{:?} -> {:?}", s, out);
            prop_assert!(!out.contains('\r'));
        }

        #[test]
        fn controls_mixed_into_text_are_removed(
            parts in proptest::collection::vec(prop_oneof![
                "[a-z ]{0,5}",
                Just("\u{1b}[".to_string()), Just("\u{1b}]52;c;".to_string()), Just("\u{1b}".to_string()),
                Just("\u{9b}".to_string()), Just("\u{9d}".to_string()), Just("\u{7}".to_string()),
                Just("\u{202e}".to_string()), Just("\r".to_string()), Just("\\".to_string()),
                "[\u{0}-\u{1f}\u{7f}-\u{9f}]",
            ], 0..20)
        ) {
            let out = clean(&parts.concat());
            prop_assert!(!out.chars().any(is_unsafe), "{:?} -> {:?}", parts, out);
        }

        #[test]
        fn cleaning_is_idempotent(s in any::<String>()) {
            let once = clean(&s);
            prop_assert_eq!(clean(&once), once.clone());
        }
    }
}
