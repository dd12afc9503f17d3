//! Text from outside (carrier messages, names, imported values) made safe to draw, and small
//! helpers for laying text out in columns.

use unicode_width::UnicodeWidthStr;

/// Outside text made safe to draw: the shared sanitizer removes terminal sequences, control and
/// bidi characters, and leaves U+FFFD where something was. Used for every piece of outside text.
pub fn clean_for_screen(text: &str) -> String {
    crate::domain::sanitize::clean(text)
}

/// `text` with every occurrence of `secret` (three characters or more) replaced by the mask, so
/// a carrier that repeats the PIN does not put it on screen.
pub fn mask_secret(text: &str, secret: &str) -> String {
    let secret = secret.trim();
    if secret.chars().count() < 3 {
        return text.to_string();
    }
    text.replace(secret, crate::domain::secret::MASK)
}

/// The lines of a block of text (an e-mail) to quote as one: each trimmed, blank lines before
/// and after dropped, and a run of blank lines between paragraphs kept as one.
pub fn block_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        let after_blank = lines.last().is_none_or(|last| last.is_empty());
        if !line.is_empty() || !after_blank {
            lines.push(line);
        }
    }
    if lines.last().is_some_and(|last| last.is_empty()) {
        lines.pop();
    }
    lines
}

/// One line for a cell: cleaned, tabs and new lines as spaces.
pub fn one_line(text: &str) -> String {
    clean_for_screen(text).replace(['\n', '\t'], " ")
}

/// Columns a string takes on screen.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cut `text` to at most `max` columns, ending with `…` when cut; grapheme by grapheme, so an
/// accented letter or an emoji is never split.
pub fn truncate(text: &str, max: usize) -> String {
    crate::domain::sanitize::truncate(text, max)
}

/// Word-wrap `text` to lines of at most `width` columns (words longer than a line are cut into
/// pieces; a combining mark stays with its letter). New lines in the text start new lines; runs
/// of spaces count as one. Never returns an empty list.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .break_words(true)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    text.split('\n')
        .flat_map(|paragraph| {
            let words = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
            textwrap::wrap(&words, &options)
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `body` wrapped to `width` columns after a `lead` (a bullet, a marker, an indent): the first
/// line starts with the lead, the others with as many spaces, so the text hangs aligned.
pub fn hanging(
    lead: &str,
    body: &str,
    width: usize,
    lead_style: ratatui::style::Style,
    body_style: ratatui::style::Style,
) -> Vec<ratatui::text::Line<'static>> {
    use ratatui::text::{Line, Span};
    let room = width.saturating_sub(lead.width()).max(10);
    wrap(body, room)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 {
                lead.to_string()
            } else {
                " ".repeat(lead.width())
            };
            Line::from(vec![
                Span::styled(lead, lead_style),
                Span::styled(part, body_style),
            ])
        })
        .collect()
}

/// Word-wrap into at most `max_lines` lines of `max_width` columns; when the text does not fit,
/// the last line ends with "…".
pub fn wrap_at_most(text: &str, max_width: usize, max_lines: usize) -> Vec<String> {
    let max_width = max_width.max(1);
    let mut lines: Vec<String> = wrap(&one_line(text), max_width)
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
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

/// Pad with spaces to `width` columns (or cut).
pub fn pad(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let fill = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}

/// How long ago, in a few characters: "just now", "5 min ago", "3 h ago", "3 d ago", "2 mo ago".
pub fn ago(now: jiff::Timestamp, then: jiff::Timestamp) -> String {
    let seconds = now.as_second() - then.as_second();
    match seconds {
        s if s < 60 => "just now".to_string(),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 86_400 => format!("{} h ago", s / 3600),
        s if s < 86_400 * 60 => format!("{} d ago", s / 86_400),
        s => format!("{} mo ago", s / (86_400 * 30)),
    }
}

/// A length of time in words: "less than a minute", "5 minutes", "21 hours", "3 days" (a second
/// after a rejection is not "1 minute").
pub fn duration(seconds: i64) -> String {
    let (n, unit) = match seconds.max(0) {
        s if s < 60 => return "less than a minute".to_string(),
        s if s < 3600 => (s / 60, "minute"),
        s if s < 86_400 => (s / 3600, "hour"),
        s => (s / 86_400, "day"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_under_a_minute_is_not_called_a_minute() {
        assert_eq!(duration(1), "less than a minute");
        assert_eq!(duration(59), "less than a minute");
        assert_eq!(duration(60), "1 minute");
        assert_eq!(duration(7_200), "2 hours");
    }

    #[test]
    fn a_block_keeps_its_paragraphs_apart_by_one_blank_line() {
        let text = "\n\n  Hello,\r\n\r\n\r\nline one \nline two\n \n\nBye\n\n";
        assert_eq!(
            block_lines(text),
            ["Hello,", "", "line one", "line two", "", "Bye"]
        );
        assert!(block_lines(" \n\n").is_empty());
    }

    #[test]
    fn removes_escape_sequences_and_bidi_controls() {
        assert_eq!(clean_for_screen("ok\u{1b}[31mred"), "ok\u{FFFD}red");
        assert!(!clean_for_screen("a\u{202E}\u{2066}b").contains(['\u{202E}', '\u{2066}']));
        assert!(!clean_for_screen("x\u{9b}2Jy\u{7f}").contains(['\u{9b}', '\u{7f}']));
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
    fn wrap_keeps_wide_characters_combining_marks_lines_and_single_spaces() {
        // Two columns a character.
        assert_eq!(wrap("日本語テキスト", 5), ["日本", "語テ", "キス", "ト"]);
        // A combining accent (no column of its own) stays with its letter.
        assert_eq!(wrap("cafe\u{301}s", 4), ["cafe\u{301}", "s"]);
        // New lines start lines; runs of spaces are one; no line ends in a space.
        assert_eq!(
            wrap("EU NAME  MISMATCH\nZIP", 8),
            ["EU NAME", "MISMATCH", "ZIP"]
        );
        assert_eq!(wrap("  lead", 10), ["lead"]);
    }

    #[test]
    fn wrap_truncates_with_an_ellipsis() {
        let lines = wrap_at_most("one two three four five six seven", 10, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert_eq!(wrap_at_most("short", 10, 2), ["short"]);
    }

    #[test]
    fn truncate_counts_wide_characters() {
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
