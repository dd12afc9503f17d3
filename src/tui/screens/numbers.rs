//! Every number of an order, one a row, scrolled: where the order page and the wizard's Review
//! say "and 9 more". It shows a copy of the numbers taken when it opened (the wizard's may not
//! be saved yet) and draws only the rows on screen, however many there are.

use crate::tui::app::{App, Context};
use crate::tui::keymap::{Binding, both, ch, help, key, summary};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, Msg};
use crate::tui::screen::Component;
use crate::tui::text::{one_line, truncate};
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Numbers: Context = Context("numbers");
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumbersPage {
    /// Where the list was opened from, for the title ("Order history › Contoso HQ").
    pub from: String,
    pub numbers: Vec<String>,
    /// The first row shown.
    pub scroll: usize,
}

use Context as C;
use KeyCode::{Down, End, Esc, Home, PageDown, PageUp, Up};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    summary(C::Numbers, &[ch('j'), key(Down), ch('k'), key(Up)], "↑↓", "Scroll"),
    help(C::Numbers, &[ch('j'), key(Down)], "↓/j", Msg::MoveDown, "Scroll down"),
    help(C::Numbers, &[ch('k'), key(Up)], "↑/k", Msg::MoveUp, "Scroll up"),
    both(C::Numbers, &[key(PageDown), ch(' ')], "PgDn", Msg::PageDown, "One page down", "Page"),
    help(C::Numbers, &[key(PageUp)], "PgUp", Msg::PageUp, "One page up"),
    help(C::Numbers, &[ch('g'), key(Home)], "g/Home", Msg::Top, "The first number"),
    help(C::Numbers, &[ch('G'), key(End)], "G/End", Msg::Bottom, "The last number"),
    both(C::Numbers, &[key(Esc), ch('N')], "Esc", Msg::Back, "Back", "Back"),
    both(C::Numbers, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
];

impl NumbersPage {
    pub fn new(from: String, numbers: &[String]) -> NumbersPage {
        NumbersPage {
            from,
            numbers: numbers.to_vec(),
            scroll: 0,
        }
    }

    /// Scroll by `delta` rows, as far as the last frame's page allows.
    fn scroll_by(&mut self, app: &App, delta: isize) {
        let max = app.drawn.max_scroll();
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    fn page(app: &App) -> isize {
        isize::try_from(app.drawn.page_rows.saturating_sub(1).max(1)).unwrap_or(1)
    }
}

impl Component for NumbersPage {
    fn context(&self, _app: &App) -> Context {
        C::Numbers
    }

    fn keymap(&self) -> &'static [Binding] {
        KEYS
    }

    fn name(&self, _app: &App) -> &'static str {
        "phone numbers"
    }

    fn title(&self, _app: &App) -> String {
        format!("{} › Phone numbers", self.from)
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::MoveUp => self.scroll_by(app, -1),
            Msg::MoveDown => self.scroll_by(app, 1),
            Msg::PageUp => self.scroll_by(app, -Self::page(app)),
            Msg::PageDown => self.scroll_by(app, Self::page(app)),
            Msg::Top => self.scroll_by(app, isize::MIN / 2),
            Msg::Bottom => self.scroll_by(app, isize::MAX / 2),
            Msg::Resize(..) => self.scroll_by(app, 0),
            Msg::Back => return vec![Effect::Close],
            _ => {}
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        let theme = &app.theme;
        let total = self.numbers.len();
        let grid = Grid::new(total, usize::from(area.width));
        let lines = total.div_ceil(grid.columns);
        let rows = usize::from(area.height.saturating_sub(1));
        let start = self.scroll.min(lines.saturating_sub(rows));
        let end = (start + rows).min(lines);
        let count = match total {
            0 => "No numbers yet".to_string(),
            1 => "1 number".to_string(),
            n => format!("{n} numbers"),
        };
        let position = if lines > rows {
            let first = start * grid.columns + 1;
            let last = (end * grid.columns).min(total);
            format!("{first}–{last} of {total} ")
        } else {
            String::new()
        };
        let left = format!(" {count}, in the order entered");
        let room = usize::from(area.width).saturating_sub(left.width() + position.width());
        let head = Line::from(vec![
            Span::styled(left, theme.heading()),
            Span::raw(" ".repeat(room)),
            Span::styled(position, theme.dim()),
        ]);
        // Only the rows on screen are built.
        let body_lines: Vec<Line> = (start..end)
            .map(|row| {
                let first = row * grid.columns;
                let last = (first + grid.columns).min(total);
                let spans = (first..last).flat_map(|i| {
                    let number = truncate(&one_line(&self.numbers[i]), NUMBER_WIDTH);
                    let pad = NUMBER_WIDTH.saturating_sub(number.width());
                    [
                        Span::styled(
                            format!(" {:>width$}  ", i + 1, width = grid.index_width),
                            theme.dim(),
                        ),
                        Span::raw(format!("{number}{}", " ".repeat(pad + 1))),
                    ]
                });
                Line::from(spans.collect::<Vec<_>>())
            })
            .collect();
        let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        frame.render_widget(Paragraph::new(head), top);
        frame.render_widget(Paragraph::new(body_lines), body);
        Drawn {
            page_rows: rows,
            page_lines: lines,
            ..Drawn::default()
        }
    }
}

/// Room for a number: E.164 is at most 16 characters; a longer entry (typed, not yet checked)
/// is cut.
const NUMBER_WIDTH: usize = 18;

/// The numbers laid out across the width, left to right, then down.
struct Grid {
    columns: usize,
    index_width: usize,
}

impl Grid {
    fn new(total: usize, width: usize) -> Grid {
        let index_width = total.max(1).to_string().len();
        let cell = 1 + index_width + 2 + NUMBER_WIDTH + 1;
        Grid {
            columns: (width / cell).max(1),
            index_width,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_key_is_bound_twice() {
        assert_eq!(crate::tui::keymap::has_no_duplicate(super::KEYS), Ok(()));
    }
}
