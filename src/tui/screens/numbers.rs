//! Every number of an order, one a row, scrolled: where the order page and the wizard's Review
//! say "and 9 more". It shows a copy of the numbers taken when it opened (the wizard's may not
//! be saved yet) and draws only the rows on screen, however many there are. The numbers the
//! carrier rejected (`domain::number_marks`) come first, each with the carrier's words, and are
//! marked `✗` in the list; `o` moves them out into a new draft (`domain::move_out`), after a yes.

use crate::domain::Order;
use crate::domain::number_marks::NumberMark;
use crate::tui::app::{App, Context, Message};
use crate::tui::keymap::{Action, Binding, both, ch, help, key};
use crate::tui::layout::Drawn;
use crate::tui::list::{ListMsg, ListWords};
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crate::tui::text::{one_line, truncate};
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Numbers: Context = Context("numbers");
    /// The list, asking before it moves the rejected numbers out.
    pub const NumbersConfirm: Context = Context("numbers: confirm");
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumbersPage {
    pub order_id: String,
    /// The numbers when the list opened.
    pub numbers: Vec<String>,
    /// What the carrier said of single numbers when the list opened, in the order's order.
    pub marks: Vec<(String, NumberMark)>,
    /// The same numbers, to look a cell's number up.
    pub marked: BTreeSet<String>,
    /// Whether the order's numbers can be moved out (editable, not read-only) when it opened.
    pub can_move_out: bool,
    /// Asking "move them out?".
    pub asking: bool,
    /// The first row shown.
    pub scroll: usize,
}

/// What the list's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumbersMsg {
    List(ListMsg),
    /// `o`: move the numbers the carrier rejected out into a new draft (asks first).
    MoveOut,
    Confirm,
    Decline,
    Back,
}

use Action::{Global as G, Own as O};
use Context as C;
use KeyCode::Esc;
use NumbersMsg as M;

/// The list's words: a page of numbers.
const WORDS: ListWords = ListWords {
    top: "The first number",
    bottom: "The last number",
    page_footer: "Page",
    ..ListWords::SCROLL
};

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<NumbersMsg>>] = crate::list_keys!(C::Numbers, M::List, WORDS;
    help(C::Numbers, &[ch(' ')], O(M::List(ListMsg::PageDown)), "One page down"),
    both(C::Numbers, &[ch('o')], O(M::MoveOut), "Move the numbers the carrier rejected out into a new draft (same account fields; asks first)", "Move out"),
    both(C::Numbers, &[key(Esc), ch('N').also()], O(M::Back), "Back", "Back"),
    both(C::Numbers, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    both(C::NumbersConfirm, &[ch('y')], O(M::Confirm), "Yes: move them out", "Yes"),
    both(C::NumbersConfirm, &[ch('n'), key(Esc)], O(M::Decline), "No: leave the order as it is", "No"),
);

impl Component for NumbersPage {
    type Msg = NumbersMsg;
    const ID: ScreenId = ScreenId::Numbers;

    /// `N` on an order's page or the wizard's Review (whose edits are saved as fields are
    /// left, so the app's copy is the wizard's).
    fn open(order_id: Option<&str>, app: &mut App) -> Option<NumbersPage> {
        let Some(order) = order_id.and_then(|id| app.order(id)) else {
            app.message = Some(Message::error("The order is not saved yet: save it first."));
            return None;
        };
        Some(NumbersPage::of(order, app.read_only.contains(&order.id)))
    }

    fn order_id(&self) -> Option<&str> {
        Some(&self.order_id)
    }

    fn context(&self, _app: &App) -> Context {
        if self.asking {
            C::NumbersConfirm
        } else {
            C::Numbers
        }
    }

    fn offers(&self, msg: &NumbersMsg, _app: &App) -> bool {
        match msg {
            M::MoveOut => self.can_move_out && !self.marks.is_empty(),
            _ => true,
        }
    }

    const KEYS: &'static [Binding<Action<NumbersMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "phone numbers"
    }

    fn title(&self, app: &App) -> String {
        format!("{} › Phone numbers", app.order_name(&self.order_id))
    }

    fn act(&mut self, msg: NumbersMsg, app: &mut App) -> Vec<Effect> {
        match msg {
            M::List(m) => self.scroll = m.scrolled(self.scroll, &app.drawn),
            M::MoveOut => self.ask_move_out(app),
            M::Confirm if self.asking => {
                self.asking = false;
                return vec![Effect::MoveOut(self.order_id.clone())];
            }
            M::Confirm | M::Decline => self.asking = false,
            M::Back => return vec![Effect::Close],
        }
        Vec::new()
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        if let Msg::Resize(..) = msg {
            self.scroll = self.scroll.min(app.drawn.max_scroll());
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        let total = self.numbers.len();
        let width = usize::from(area.width);
        let grid = Grid::new(total, width);
        let marked = self.marked_lines(app, width);
        let lines = marked.len() + total.div_ceil(grid.columns);
        let rows = usize::from(area.height.saturating_sub(1));
        let start = self.scroll.min(lines.saturating_sub(rows));
        let end = (start + rows).min(lines);
        let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        frame.render_widget(
            Paragraph::new(self.head(app, &grid, (start, end), (rows, width))),
            top,
        );
        for (y, line) in (body.y..body.bottom()).zip(start..end.min(marked.len())) {
            frame.render_widget(
                Paragraph::new(marked[line].clone()),
                Rect::new(body.x, y, body.width, 1),
            );
        }
        let skip = u16::try_from(marked.len().saturating_sub(start)).unwrap_or(u16::MAX);
        let grid_area = Rect {
            y: body.y.saturating_add(skip.min(body.height)),
            height: body.height.saturating_sub(skip),
            ..body
        };
        let first_row = start.saturating_sub(marked.len());
        let last_row = end.saturating_sub(marked.len());
        self.draw_grid(app, frame, grid_area, &grid, first_row..last_row);
        Drawn {
            page_rows: rows,
            page_lines: lines,
            ..Drawn::default()
        }
    }
}

impl NumbersPage {
    /// The list of `order`'s numbers as they are now, from the top.
    pub fn of(order: &Order, read_only: bool) -> NumbersPage {
        let marked = order.marked_numbers();
        NumbersPage {
            order_id: order.id.clone(),
            numbers: order.fields.numbers.clone(),
            // Some numbers stay behind: moving every number out would leave the order empty.
            can_move_out: order.status.is_editable()
                && !read_only
                && marked.len() < order.fields.numbers.len(),
            marks: marked
                .iter()
                .map(|(n, m)| (n.to_string(), (*m).clone()))
                .collect(),
            marked: marked.iter().map(|(n, _)| n.to_string()).collect(),
            asking: false,
            scroll: 0,
        }
    }

    /// The line above the list: the count and where the page stands, or the question.
    fn head(
        &self,
        app: &App,
        grid: &Grid,
        (start, end): (usize, usize),
        (rows, width): (usize, usize),
    ) -> Line<'static> {
        let theme = &app.theme;
        if self.asking {
            return Line::from(Span::styled(
                format!(
                    " Move the {} number(s) the carrier rejected out into a new draft? y yes · n no",
                    self.marks.len()
                ),
                theme.warning(),
            ));
        }
        let total = self.numbers.len();
        let count = match total {
            0 => "No numbers yet".to_string(),
            n => crate::domain::rules::text::counted(n, "number"),
        };
        let skip = if self.marks.is_empty() {
            0
        } else {
            self.marks.len() + 2
        };
        let grid_lines = total.div_ceil(grid.columns);
        let position = if skip + grid_lines > rows && total > 0 {
            let first = start.saturating_sub(skip) * grid.columns + 1;
            let last = (end.saturating_sub(skip) * grid.columns).min(total);
            format!("{}–{last} of {total} ", first.min(total))
        } else {
            String::new()
        };
        let left = format!(" {count}, in the order entered");
        let room = width.saturating_sub(left.width() + position.width());
        Line::from(vec![
            Span::styled(left, theme.heading()),
            Span::raw(" ".repeat(room)),
            Span::styled(position, theme.dim()),
        ])
    }

    /// The grid's `rows`, straight into the buffer: only the cells on screen are written (a
    /// page holds hundreds of them); a number the carrier rejected is followed by `✗`.
    fn draw_grid(
        &self,
        app: &App,
        frame: &mut Frame,
        body: Rect,
        grid: &Grid,
        rows: std::ops::Range<usize>,
    ) {
        let theme = &app.theme;
        let total = self.numbers.len();
        let cell = grid.cell_width();
        let buffer = frame.buffer_mut();
        let mut index = String::new();
        for (y, row) in (body.y..body.bottom()).zip(rows) {
            let first = row * grid.columns;
            for (column, i) in (first..(first + grid.columns).min(total)).enumerate() {
                let Some(x) = u16::try_from(column * cell)
                    .ok()
                    .and_then(|dx| body.x.checked_add(dx))
                    .filter(|x| *x < body.right())
                else {
                    break;
                };
                index.clear();
                let _ = write!(index, " {:>width$}  ", i + 1, width = grid.index_width);
                let room = usize::from(body.right() - x);
                let (x, _) = buffer.set_stringn(x, y, &index, room, theme.dim());
                let room = usize::from(body.right().saturating_sub(x));
                let number = &self.numbers[i];
                let (x, _) = buffer.set_stringn(x, y, shown(number), room, Style::new());
                if self.is_marked(number) {
                    let room = usize::from(body.right().saturating_sub(x));
                    buffer.set_stringn(x, y, " ✗", room, theme.rejected());
                }
            }
        }
    }

    fn is_marked(&self, number: &str) -> bool {
        !self.marked.is_empty() && self.marked.contains(number)
    }

    /// `o`: ask, or say why nothing can move.
    fn ask_move_out(&mut self, app: &mut App) {
        if self.marks.is_empty() {
            app.message = Some(Message::info(
                "The carrier marked no number of this order; to move others out, name them: \
                 portwiz move-out ID NUMBER...",
            ));
        } else if !self.can_move_out {
            app.message = Some(Message::error(
                "Numbers move out of a draft or a rejected order only (Customer action required), \
                 and not every number of it: fix what the carrier named instead (u on the order).",
            ));
        } else {
            self.asking = true;
        }
    }

    /// The lines above the list: the rejected numbers, each with the carrier's words.
    fn marked_lines(&self, app: &App, width: usize) -> Vec<Line<'static>> {
        if self.marks.is_empty() {
            return Vec::new();
        }
        let theme = &app.theme;
        let hint = if self.can_move_out {
            " · o moves them out into a new draft"
        } else {
            ""
        };
        let mut lines = vec![Line::from(vec![
            Span::styled(
                format!(" Rejected by the carrier ({})", self.marks.len()),
                theme.rejected(),
            ),
            Span::styled(hint, theme.dim()),
        ])];
        for (number, mark) in &self.marks {
            let head = format!(" ✗ {number}  ");
            let room = width.saturating_sub(head.width());
            lines.push(Line::from(vec![
                Span::styled(head, theme.rejected()),
                Span::raw(truncate(&one_line(&mark.describe()), room)),
            ]));
        }
        lines.push(Line::default());
        lines
    }
}

/// Room for a number: E.164 is at most 16 characters; a longer entry (typed, not yet checked)
/// is cut.
const NUMBER_WIDTH: usize = 18;

/// A number as its cell shows it: cleaned and cut to [`NUMBER_WIDTH`]. A stored number is
/// plain ASCII in E.164 and is shown as it is, with no copy.
fn shown(number: &str) -> Cow<'_, str> {
    if number.len() <= NUMBER_WIDTH && number.bytes().all(|b| b.is_ascii_graphic()) {
        Cow::Borrowed(number)
    } else {
        Cow::Owned(truncate(&one_line(number), NUMBER_WIDTH))
    }
}

/// The numbers laid out across the width, left to right, then down.
struct Grid {
    columns: usize,
    index_width: usize,
}

impl Grid {
    fn new(total: usize, width: usize) -> Grid {
        let index_width = total.max(1).to_string().len();
        let mut grid = Grid {
            columns: 1,
            index_width,
        };
        grid.columns = (width / grid.cell_width()).max(1);
        grid
    }

    /// One number's cell: its index, the number, a space.
    fn cell_width(&self) -> usize {
        1 + self.index_width + 2 + NUMBER_WIDTH + 1
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_number_is_shown_cleaned_and_cut_to_its_cell() {
        use super::{Cow, NUMBER_WIDTH, shown};
        assert!(matches!(
            shown("+14255550100"),
            Cow::Borrowed("+14255550100")
        ));
        let hostile = shown("+1425\u{1b}[2J5550100");
        assert!(!hostile.contains('\u{1b}'), "{hostile}");
        let long = shown("+1 (425) 555-0100 ext. 12345");
        assert_eq!(long.chars().count(), NUMBER_WIDTH);
        assert!(long.ends_with('…'));
    }
}
