//! Text that came from outside (carrier words, pasted lists, file contents) made safe to draw, and
//! fitted to a width.
//!

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Outside text made safe to draw: the shared sanitizer (terminal sequences, control and bidi
/// characters removed, a visible placeholder where something was).
pub fn clean_for_screen(text: &str) -> String {
    crate::domain::sanitize::clean(text)
}

/// One line: cleaned, new lines and tabs turned into spaces.
pub fn one_line(text: &str) -> String {
    clean_for_screen(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

/// Columns a string takes on screen.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// At most `max` columns; cut text ends with "…".
pub fn truncate(text: &str, max: usize) -> String {
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

/// Word-wrap into at most `max_lines` lines of `max_width` columns; when the text does not fit,
/// the last line ends with "…".
pub fn wrap(text: &str, max_width: usize, max_lines: usize) -> Vec<String> {
    let max_width = max_width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in one_line(text).split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if width(&candidate) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if width(word) <= max_width {
            current = word.to_string();
        } else {
            // A word longer than a line: cut it by graphemes.
            let mut piece = String::new();
            for g in word.graphemes(true) {
                if width(&piece) + width(g) > max_width {
                    lines.push(std::mem::take(&mut piece));
                }
                piece.push_str(g);
            }
            current = piece;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let cut = truncate(&format!("{last} …"), max_width);
            *last = if cut.ends_with('…') {
                cut
            } else {
                format!("{}…", truncate(last, max_width.saturating_sub(1)))
            };
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_removed_but_lines_stay() {
        let dirty = "PIN\x1b[31m wrong\u{202E}\x07\nnext\tline\u{9b}2J!";
        let cleaned = clean_for_screen(dirty);
        assert_eq!(cleaned.replace('\u{FFFD}', ""), "PIN wrong\nnext\tline!");
        assert!(
            cleaned.contains('\u{FFFD}'),
            "the user sees that something was removed"
        );
        let title = "a\x1b]0;evil title\x07b\x1b]8;;http://x\x1b\\c\x1bMd";
        assert_eq!(clean_for_screen(title).replace('\u{FFFD}', ""), "abcd");
    }

    #[test]
    fn wrap_truncates_with_an_ellipsis() {
        let lines = wrap("one two three four five six seven", 10, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert_eq!(wrap("short", 10, 2), ["short"]);
    }

    #[test]
    fn truncate_counts_wide_characters() {
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
