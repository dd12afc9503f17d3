//! Text from outside (carrier messages, names, imported values) made safe to draw, and small
//! helpers for laying text out in columns.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What a removed run of control characters becomes on screen.
const REPLACEMENT: char = '\u{FFFD}';

/// Remove terminal control characters (every `char::is_control` but `\n` and `\t`) and bidi
/// controls, putting U+FFFD where a run of them was. Used for every piece of outside text drawn.
///
/// A stand-in until the shared sanitizer (`crate::domain::sanitize::clean`) is merged.
pub fn clean_for_screen(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_removed_run = false;
    for c in text.chars() {
        if is_unsafe(c) {
            if !in_removed_run {
                out.push(REPLACEMENT);
                in_removed_run = true;
            }
        } else {
            out.push(c);
            in_removed_run = false;
        }
    }
    out
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// One line for a cell: cleaned, tabs and new lines as spaces.
pub fn one_line(text: &str) -> String {
    clean_for_screen(text).replace(['\n', '\t'], " ")
}

/// Cut `text` to at most `width` columns, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Word-wrap `text` to lines of at most `width` columns (words longer than a line are cut into
/// pieces). New lines in the text start new lines. Never returns an empty list.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split_whitespace() {
            for piece in split_long(word, width) {
                let w = piece.width();
                if used > 0 && used + 1 + w > width {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                if used > 0 {
                    line.push(' ');
                    used += 1;
                }
                line.push_str(&piece);
                used += w;
            }
        }
        lines.push(line);
    }
    lines
}

fn split_long(word: &str, width: usize) -> Vec<String> {
    if word.width() <= width {
        return vec![word.to_string()];
    }
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut used = 0;
    for c in word.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width && !piece.is_empty() {
            pieces.push(std::mem::take(&mut piece));
            used = 0;
        }
        piece.push(c);
        used += w;
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// Pad with spaces to `width` columns (or cut).
pub fn pad(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let fill = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escape_sequences_and_bidi_controls() {
        assert_eq!(clean_for_screen("ok\u{1b}[31mred"), "ok\u{FFFD}[31mred");
        assert_eq!(clean_for_screen("a\u{202E}\u{2066}b"), "a\u{FFFD}b");
        assert_eq!(clean_for_screen("x\u{9b}y\u{7f}"), "x\u{FFFD}y\u{FFFD}");
        assert_eq!(clean_for_screen("line\n\tnext"), "line\n\tnext");
        assert_eq!(clean_for_screen("plain"), "plain");
    }

    #[test]
    fn wraps_and_truncates_by_columns() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(pad("ab", 4), "ab  ");
    }
}
