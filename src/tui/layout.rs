//! What the last frame drew, flowing back to `update` (as television does): how many rows of
//! the history and lines of an order's page were on screen. `update` scrolls and pages by it and
//! never calls view code; the view keeps the selection in sight on its own.

/// Rows the frame itself takes around a screen: title, status line, footer.
pub const CHROME_ROWS: u16 = 3;

/// How many numbers an order's header lists before "and N more" (the order page and the
/// wizard's Review offer the whole list past it).
pub const HEADER_NUMBERS: usize = 3;

/// The layout of the last frame drawn (all zero before the first).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Drawn {
    /// Order rows the history table showed, and the first row shown.
    pub history_rows: usize,
    pub history_offset: usize,
    /// Lines of an order's page on screen at once, and the lines the page has.
    pub page_rows: usize,
    pub page_lines: usize,
    /// Lines of the wizard's open carrier message on screen at once, and the lines it has.
    pub pinned_rows: usize,
    pub pinned_lines: usize,
    /// Lines of the help overlay on screen at once, and the lines it has.
    pub help_rows: usize,
    pub help_lines: usize,
}

impl Drawn {
    /// A page that scrolls: `rows` lines on screen of the `lines` it has.
    pub fn page(rows: usize, lines: usize) -> Self {
        Drawn {
            page_rows: rows,
            page_lines: lines,
            ..Drawn::default()
        }
    }

    /// The same, with the history's rows and first row as they stand: a page drawn over the
    /// history (insights, Today) leaves its layout for when the page closes.
    pub fn keeping_history(self, history_rows: usize, history_offset: usize) -> Self {
        Drawn {
            history_rows,
            history_offset,
            ..self
        }
    }

    /// How far an order's page can scroll.
    pub fn max_scroll(&self) -> usize {
        self.page_lines.saturating_sub(self.page_rows)
    }

    /// How far PgUp and PgDn move a page: all but one of the lines on screen.
    pub fn page_step(&self) -> isize {
        isize::try_from(self.page_rows.saturating_sub(1).max(1)).unwrap_or(1)
    }
}
