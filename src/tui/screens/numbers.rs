//! Every number of an order, one a row, scrolled: where the order page and the wizard's Review
//! say "and 9 more". It shows a copy of the numbers taken when it opened (the wizard's may not
//! be saved yet) and draws only the rows on screen, however many there are.

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
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Numbers: Context = Context("numbers");
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumbersPage {
    pub order_id: String,
    /// The numbers when the list opened.
    pub numbers: Vec<String>,
    /// The first row shown.
    pub scroll: usize,
}

/// What the list's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumbersMsg {
    List(ListMsg),
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
    both(C::Numbers, &[key(Esc), ch('N').also()], O(M::Back), "Back", "Back"),
    both(C::Numbers, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
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
        Some(NumbersPage {
            order_id: order.id.clone(),
            numbers: order.fields.numbers.clone(),
            scroll: 0,
        })
    }

    fn order_id(&self) -> Option<&str> {
        Some(&self.order_id)
    }

    fn context(&self, _app: &App) -> Context {
        C::Numbers
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
        let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        frame.render_widget(Paragraph::new(head), top);
        // Only the cells on screen are written, straight into the buffer (a page holds
        // hundreds of them).
        let cell = grid.cell_width();
        let buffer = frame.buffer_mut();
        let mut index = String::new();
        for (y, row) in (body.y..body.bottom()).zip(start..end) {
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
                buffer.set_stringn(x, y, shown(&self.numbers[i]), room, Style::new());
            }
        }
        Drawn::page(rows, lines)
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
