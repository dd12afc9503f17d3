//! The numbers step's multi-line text area: one `TextField` per line, so every line gets the
//! same cursor handling as the one-line fields. Enter breaks the line; pasted lists keep their
//! lines.
//!
//! Why not `ratatui-textarea` (0.9.4, the ratatui org's text area for ratatui 0.30): it edits by
//! `char`, not by grapheme. Backspace after "café" typed with a combining accent leaves "cafe",
//! and one → on 👍🏽 stops between the thumb and its skin tone; `tui_input`, under each line
//! here, steps whole graphemes. It would also bring its own drawing and key bindings where the
//! views draw the box (counts, placeholder, scrolling) and the key tables own the keys.

use crate::tui::widgets::input::TextField;
use tui_input::InputRequest;

#[derive(Debug, Clone)]
pub struct TextArea {
    lines: Vec<TextField>,
    row: usize,
}

impl Default for TextArea {
    fn default() -> Self {
        TextArea {
            lines: vec![TextField::default()],
            row: 0,
        }
    }
}

impl TextArea {
    /// A text area holding `text`, cursor at its end.
    pub fn new(text: &str) -> TextArea {
        let mut lines: Vec<TextField> = text.split('\n').map(TextField::new).collect();
        if lines.is_empty() {
            lines.push(TextField::default());
        }
        let row = lines.len() - 1;
        TextArea { lines, row }
    }

    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(TextField::value)
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn lines(&self) -> &[TextField] {
        &self.lines
    }

    pub fn row(&self) -> usize {
        self.row
    }

    pub fn current(&self) -> &TextField {
        &self.lines[self.row.min(self.lines.len() - 1)]
    }

    fn current_mut(&mut self) -> &mut TextField {
        let row = self.row.min(self.lines.len() - 1);
        &mut self.lines[row]
    }

    /// An editing request on the current line; Backspace at a line's start and Delete at its end
    /// join lines, Ctrl-U clears the whole area.
    pub fn handle(&mut self, request: InputRequest) {
        let at_start = self.current().cursor() == 0;
        let at_end = self.current().cursor() == self.current().value().chars().count();
        match request {
            InputRequest::DeletePrevChar if at_start && self.row > 0 => {
                let line = self.lines.remove(self.row);
                self.row -= 1;
                let above = self.current().value().to_string();
                let cursor = above.chars().count();
                *self.current_mut() =
                    TextField::new(&format!("{above}{}", line.value())).with_cursor(cursor);
            }
            InputRequest::DeleteNextChar if at_end && self.row + 1 < self.lines.len() => {
                let below = self.lines.remove(self.row + 1);
                let here = self.current().value().to_string();
                let cursor = here.chars().count();
                *self.current_mut() =
                    TextField::new(&format!("{here}{}", below.value())).with_cursor(cursor);
            }
            InputRequest::DeleteLine => *self = TextArea::default(),
            other => {
                self.current_mut().handle(other);
            }
        }
    }

    /// Break the line at the cursor.
    pub fn newline(&mut self) {
        let (before, after) = self.current().split_at_cursor();
        let (before, after) = (before.to_string(), after.to_string());
        *self.current_mut() = TextField::new(&before);
        self.row += 1;
        self.lines
            .insert(self.row, TextField::new(&after).with_cursor(0));
    }

    pub fn up(&mut self) -> bool {
        self.move_row(-1)
    }

    pub fn down(&mut self) -> bool {
        self.move_row(1)
    }

    fn move_row(&mut self, delta: isize) -> bool {
        let Some(target) = self.row.checked_add_signed(delta) else {
            return false;
        };
        if target >= self.lines.len() {
            return false;
        }
        let column = self.current().cursor();
        self.row = target;
        let line = self.current().clone();
        *self.current_mut() = line.with_cursor(column);
        true
    }

    /// Insert pasted text at the cursor; its line breaks (`\n`, `\r\n`, `\r`) become lines.
    pub fn paste(&mut self, text: &str) {
        let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        for (i, piece) in normalised.split('\n').enumerate() {
            if i > 0 {
                self.newline();
            }
            self.current_mut().insert_str(piece);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_breaks_lines_and_backspace_joins_them() {
        let mut area = TextArea::new("42555501");
        area.handle(InputRequest::GoToPrevChar);
        area.newline();
        assert_eq!(area.text(), "4255550\n1");
        assert_eq!(area.row(), 1);
        area.handle(InputRequest::DeletePrevChar);
        assert_eq!(area.text(), "42555501");
        assert_eq!(area.current().cursor(), 7);
    }

    #[test]
    fn paste_keeps_lines_and_up_down_move() {
        let mut area = TextArea::default();
        area.paste("+14255550100\r\n+14255550101\n+14255550102");
        assert_eq!(area.lines().len(), 3);
        assert!(area.up());
        assert_eq!(area.row(), 1);
        assert!(!TextArea::default().down());
        area.handle(InputRequest::DeleteLine);
        assert_eq!(area.text(), "");
    }
}
