//! A one-line text field over `tui_input::Input`: the key mapping (docs/keys.md readline keys),
//! and what part of the text shows in a box of a given width, with the cursor's column, correct
//! for accented letters, CJK and emoji.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::{Input, InputRequest};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What a hidden value shows, whatever its length (the order page's mask): a dot per character
/// would tell an onlooker how many digits the PIN has.
pub const MASK: &str = crate::domain::secret::MASK;

#[derive(Debug, Clone, Default)]
pub struct TextField {
    input: Input,
}

/// What a box of some width shows: the text in it and the cursor's column inside the box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visible {
    pub text: String,
    pub cursor_column: u16,
}

impl TextField {
    pub fn new(value: &str) -> TextField {
        TextField {
            input: Input::new(value.to_string()),
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Codepoints before the cursor.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    pub fn with_cursor(mut self, cursor: usize) -> TextField {
        self.input = self.input.with_cursor(cursor);
        self
    }

    /// Apply an editing request; whether anything changed.
    pub fn handle(&mut self, request: InputRequest) -> bool {
        self.input.handle(request).is_some()
    }

    /// Insert text at the cursor.
    pub fn insert_str(&mut self, text: &str) {
        for c in text.chars() {
            self.input.handle(InputRequest::InsertChar(c));
        }
    }

    /// The cursor's column from the start of the text.
    #[cfg(test)]
    pub fn cursor_column(&self) -> usize {
        self.input.visual_cursor()
    }

    /// The text before and after the cursor.
    pub fn split_at_cursor(&self) -> (&str, &str) {
        let value = self.value();
        let byte = value
            .char_indices()
            .nth(self.cursor())
            .map_or(value.len(), |(i, _)| i);
        value.split_at(byte)
    }

    /// The part of the text a box `width` columns wide shows, scrolled so the cursor stays in
    /// the box (one column kept free for it at the end). `masked` draws the fixed [`MASK`] for
    /// any text, with the cursor after it (or before it, at the start), never a dot per character.
    pub fn visible(&self, width: usize, masked: bool) -> Visible {
        if masked {
            let empty = self.value().is_empty();
            let text = if empty { "" } else { MASK };
            let at_start = self.cursor() == 0;
            let column = if at_start { 0 } else { text.chars().count() };
            return Visible {
                text: text.chars().take(width.max(1)).collect(),
                cursor_column: u16::try_from(column.min(width.max(1) - 1)).unwrap_or(0),
            };
        }
        let graphemes: Vec<(String, usize)> = self
            .value()
            .graphemes(true)
            .map(|g| (g.to_string(), UnicodeWidthStr::width(g)))
            .collect();
        let (before, _) = self.split_at_cursor();
        let cursor_graphemes = before.graphemes(true).count();
        let cursor_col: usize = graphemes[..cursor_graphemes.min(graphemes.len())]
            .iter()
            .map(|(_, w)| w)
            .sum();
        let width = width.max(1);
        // Scroll whole graphemes off the left until the cursor fits.
        let mut skipped = 0usize;
        let mut start = 0usize;
        while cursor_col - skipped > width - 1 && start < graphemes.len() {
            skipped += graphemes[start].1;
            start += 1;
        }
        let mut text = String::new();
        let mut used = 0usize;
        for (g, w) in &graphemes[start..] {
            if used + w > width {
                break;
            }
            text.push_str(g);
            used += w;
        }
        Visible {
            text,
            cursor_column: u16::try_from(cursor_col - skipped).unwrap_or(u16::MAX),
        }
    }
}

/// The editing request a key stands for in a text field, if any. Letters (with or without Shift)
/// type; Ctrl and Alt chords are editing commands or nothing.
pub fn request_for(key: &KeyEvent) -> Option<InputRequest> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let request = match key.code {
        KeyCode::Char(c) if !ctrl && !alt => InputRequest::InsertChar(c),
        KeyCode::Char('a') if ctrl => InputRequest::GoToStart,
        KeyCode::Char('e') if ctrl => InputRequest::GoToEnd,
        KeyCode::Char('w') if ctrl => InputRequest::DeletePrevWord,
        KeyCode::Char('u') if ctrl => InputRequest::DeleteLine,
        KeyCode::Char('b') if alt => InputRequest::GoToPrevWord,
        KeyCode::Char('f') if alt => InputRequest::GoToNextWord,
        KeyCode::Backspace if alt || ctrl => InputRequest::DeletePrevWord,
        KeyCode::Backspace => InputRequest::DeletePrevChar,
        KeyCode::Delete => InputRequest::DeleteNextChar,
        KeyCode::Left if ctrl || alt => InputRequest::GoToPrevWord,
        KeyCode::Right if ctrl || alt => InputRequest::GoToNextWord,
        KeyCode::Left => InputRequest::GoToPrevChar,
        KeyCode::Right => InputRequest::GoToNextChar,
        KeyCode::Home => InputRequest::GoToStart,
        KeyCode::End => InputRequest::GoToEnd,
        _ => return None,
    };
    Some(request)
}

/// Whether `key` is one of the Alt chords [`request_for`] reads as a word motion (the only Alt
/// keys portwiz gives a meaning: `tui::terminal::typed` reads every other as Esc then the key).
pub fn is_word_motion(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::ALT)
        && !key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(
            key.code,
            KeyCode::Char('b' | 'f') | KeyCode::Backspace | KeyCode::Left | KeyCode::Right
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_columns_count_wide_characters() {
        let mut field = TextField::new("");
        field.insert_str("é漢😀");
        assert_eq!(field.cursor_column(), 1 + 2 + 2);
        field.handle(InputRequest::GoToPrevChar);
        assert_eq!(field.cursor_column(), 3);
        assert_eq!(field.split_at_cursor(), ("é漢", "😀"));
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_in_the_box() {
        let field = TextField::new("abcdefghij");
        let shown = field.visible(5, false);
        assert_eq!(shown.text, "ghij");
        assert_eq!(shown.cursor_column, 4);
        let start = TextField::new("abcdefghij").with_cursor(0);
        assert_eq!(start.visible(5, false).text, "abcde");
        let wide = TextField::new("漢漢漢漢");
        let shown = wide.visible(5, false);
        assert_eq!((shown.text.as_str(), shown.cursor_column), ("漢漢", 4));
    }

    #[test]
    fn masked_text_shows_the_same_mask_for_any_length() {
        for pin in ["1", "1234", "918273", "12345678901234567890"] {
            let shown = TextField::new(pin).visible(10, true);
            assert_eq!(
                (shown.text.as_str(), shown.cursor_column),
                (MASK, 4),
                "{pin}"
            );
        }
        assert_eq!(TextField::new("").visible(10, true).text, "");
    }
}

/// A file's path typed by the user, with why the last try with it failed: the input of the
/// pages that read a file the user names (split's sheet, the Teams export). Typing, a paste
/// and Ctrl-U clear the reason: it was about what was typed before.
#[derive(Debug, Clone, Default)]
pub struct PathField {
    pub path: TextField,
    /// Why the file could not be read or used (shown at the field).
    pub error: Option<String>,
}

impl PathField {
    /// A key typed into the field.
    pub fn edit(&mut self, key: &KeyEvent) {
        if let Some(request) = request_for(key) {
            self.path.handle(request);
            self.error = None;
        }
    }

    /// A paste: one line (a path has no line breaks), trimmed.
    pub fn paste(&mut self, text: &str) {
        self.path.insert_str(text.replace(['\r', '\n'], "").trim());
        self.error = None;
    }

    /// Ctrl-U: the field empty.
    pub fn clear(&mut self) {
        self.path.handle(InputRequest::DeleteLine);
        self.error = None;
    }

    /// The path as typed, trimmed; `None` when nothing is typed.
    pub fn typed(&self) -> Option<&str> {
        Some(self.path.value().trim()).filter(|t| !t.is_empty())
    }
}

#[cfg(test)]
mod path_field_tests {
    use super::*;

    #[test]
    fn typing_pasting_and_clearing_forget_the_last_reason() {
        let mut field = PathField {
            error: Some("no such file".into()),
            ..PathField::default()
        };
        assert_eq!(field.typed(), None);
        field.edit(&KeyEvent::from(KeyCode::Char('a')));
        assert_eq!((field.typed(), field.error.as_deref()), (Some("a"), None));
        field.error = Some("no such file".into());
        field.paste(" /b.csv\r\n");
        assert_eq!(
            (field.typed(), field.error.as_deref()),
            (Some("a/b.csv"), None)
        );
        field.error = Some("no such file".into());
        field.clear();
        assert_eq!((field.typed(), field.error.as_deref()), (None, None));
    }
}
