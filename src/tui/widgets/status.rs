//! A status message (saved, refused, a save error, a conflict notice) as lines that fit: wrapped
//! to the width, the status line growing to [`MAX_LINES`]; a longer message ends with the key
//! that shows it whole ([`SHOW_ALL`]), never silently cut.

use crate::tui::text::{one_line, width as text_width, wrap};

/// The most lines a status message takes before it points to the whole message.
pub const MAX_LINES: usize = 3;

/// The key that shows the whole message, and how a cut message says so.
pub const SHOW_ALL: &str = "F2";
const CUT: &str = " … F2: the whole message";

/// The message in lines of at most `width` columns, at most [`MAX_LINES`] of them.
pub fn lines(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let text = one_line(text);
    let wrapped = wrap(&text, width);
    if wrapped.len() <= MAX_LINES || width <= text_width(CUT) {
        return wrapped.into_iter().take(MAX_LINES).collect();
    }
    let mut out: Vec<String> = wrapped[..MAX_LINES - 1].to_vec();
    let rest = wrapped[MAX_LINES - 1..].join(" ");
    let room = width - text_width(CUT);
    let last = wrap(&rest, room).into_iter().next().unwrap_or_default();
    out.push(format!("{last}{CUT}"));
    out
}

/// Whether the message needs [`SHOW_ALL`] to be read whole at this width.
pub fn is_cut(text: &str, width: usize) -> bool {
    wrap(&one_line(text), width.max(1)).len() > MAX_LINES
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &str = "Order PO-1 was not saved: it was changed by another portwiz; this screen now shows that version. Your edit is not saved: make it again to save it over the other change, or export it.";

    #[test]
    fn a_short_message_is_one_line() {
        assert_eq!(lines("Saved “Example”.", 80), ["Saved “Example”."]);
        assert!(!is_cut("Saved.", 80));
    }

    #[test]
    fn a_long_message_wraps_whole_at_80_columns() {
        let shown = lines(LONG, 80);
        assert!(shown.len() > 1 && shown.len() <= MAX_LINES, "{shown:?}");
        assert!(shown.iter().all(|l| text_width(l) <= 80), "{shown:?}");
        assert_eq!(shown.join(" "), LONG);
        assert!(!is_cut(LONG, 80));
    }

    #[test]
    fn a_message_longer_than_its_lines_names_the_key_that_shows_it() {
        let shown = lines(LONG, 40);
        assert_eq!(shown.len(), MAX_LINES);
        assert!(shown.iter().all(|l| text_width(l) <= 40), "{shown:?}");
        assert!(
            shown[MAX_LINES - 1].ends_with("F2: the whole message"),
            "{shown:?}"
        );
        assert!(is_cut(LONG, 40));
    }
}
