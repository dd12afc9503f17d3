//! A column of lines with a focused range and a cursor, drawn scrolled so the focus shows.

use crate::domain::registry::FieldSpec;
use crate::tui::theme::Theme;
use crate::tui::wizard::state::{Column, WizardState};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// One field as drawn: its label line, its input (and the CSR's), then what is said about it.
pub struct Place<'a> {
    pub state: &'a WizardState,
    pub field: &'a FieldSpec,
    /// Which column of the field has the focus, if one does.
    pub focused: Option<Column>,
    pub width: usize,
    pub height: usize,
    pub theme: &'a Theme,
}

#[derive(Default)]
pub struct Rows {
    pub lines: Vec<Line<'static>>,
    /// The lines of the focused thing: kept on screen.
    pub focus: Option<(usize, usize)>,
    /// (line, column) of the text cursor.
    pub cursor: Option<(usize, u16)>,
    /// Extra lines to scroll past the focus (Review's ↓ below the last problem).
    pub extra_scroll: usize,
}

impl Rows {
    pub fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// The first line shown in a view `height` lines tall.
    pub fn offset(&self, height: usize) -> usize {
        let max_offset = self.lines.len().saturating_sub(height);
        let base = match self.focus {
            Some((start, end)) if end + 1 > height => (end + 1 - height).min(start),
            _ => 0,
        };
        (base + self.extra_scroll).min(max_offset.max(base))
    }

    pub fn draw(self, frame: &mut Frame, area: Rect) {
        let height = usize::from(area.height);
        let offset = self.offset(height);
        if let Some((line, column)) = self.cursor
            && line >= offset
            && line < offset + height
        {
            let y = area.y + u16::try_from(line - offset).unwrap_or(0);
            frame.set_cursor_position((area.x + column.min(area.width.saturating_sub(1)), y));
        }
        let visible: Vec<Line<'static>> =
            self.lines.into_iter().skip(offset).take(height).collect();
        frame.render_widget(Paragraph::new(visible), area);
    }
}
