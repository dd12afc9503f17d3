//! The list kit: every list screen (the history, an order's page, its numbers, the hand-off,
//! insights) moves through one message, [`ListMsg`], bound by one set of keys
//! ([`list_keys!`](crate::list_keys)) and moved by [`ListMsg::moved`]. A new list screen is its
//! rows, a `List(ListMsg)` variant in its messages, its key table made with `list_keys!`, and
//! one line of `act` (`M::List(m) => self.top = m.moved(self.top, page, last)`).

use super::keymap::Show;
use super::layout::Drawn;

/// What a list's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMsg {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

impl ListMsg {
    /// `at` (the first line shown, or the item under the cursor) moved: a line, a page of
    /// `page` lines, or to either end; never past `last`.
    pub fn moved(self, at: usize, page: isize, last: usize) -> usize {
        let delta = match self {
            ListMsg::Up => -1,
            ListMsg::Down => 1,
            ListMsg::PageUp => -page,
            ListMsg::PageDown => page,
            ListMsg::Top => return 0,
            ListMsg::Bottom => return last,
        };
        at.saturating_add_signed(delta).min(last)
    }

    /// A page's first line `top` moved, a page being [`Drawn::page_step`] and the end where the
    /// last frame drew it.
    pub fn scrolled(self, top: usize, drawn: &Drawn) -> usize {
        self.moved(top, drawn.page_step(), drawn.max_scroll())
    }
}

/// How help and the footer name a list's keys: a page that scrolls, or a cursor on items.
#[derive(Debug, Clone, Copy)]
pub struct ListWords {
    /// The footer's word for ↑↓.
    pub footer: &'static str,
    pub down: &'static str,
    pub up: &'static str,
    pub page_down: &'static str,
    pub page_up: &'static str,
    pub top: &'static str,
    pub bottom: &'static str,
    /// The footer's word for PgDn (empty: PgDn is listed in help only).
    pub page_footer: &'static str,
}

impl ListWords {
    /// A page that scrolls.
    pub const SCROLL: ListWords = ListWords {
        footer: "Scroll",
        down: "Scroll down",
        up: "Scroll up",
        page_down: "One page down",
        page_up: "One page up",
        top: "Top",
        bottom: "End",
        page_footer: "",
    };

    /// Where PgDn is shown: in the footer too when it has a word there.
    pub const fn page_show(&self) -> Show {
        if self.page_footer.is_empty() {
            Show::Help
        } else {
            Show::HelpAndFooter
        }
    }
}

/// A key table that starts with the list keys (↑↓ j k, PgUp PgDn, g/Home G/End) for
/// `context`, each meaning `wrap(ListMsg::…)`, described by `words` (a [`ListWords`]), then the
/// screen's own bindings:
/// `pub static KEYS: &[Binding<Action<M>>] = list_keys!(C::Mine, M::List, ListWords::SCROLL; …);`
#[macro_export]
macro_rules! list_keys {
    ($context:expr, $wrap:path, $words:expr; $($rest:expr),* $(,)?) => {
        &[
            $crate::tui::keymap::summary($context, &[$crate::tui::keymap::key(::crossterm::event::KeyCode::Up), $crate::tui::keymap::key(::crossterm::event::KeyCode::Down), $crate::tui::keymap::ch('j').also(), $crate::tui::keymap::ch('k').also()], $words.footer),
            $crate::tui::keymap::help($context, &[$crate::tui::keymap::key(::crossterm::event::KeyCode::Down), $crate::tui::keymap::ch('j')], $crate::tui::keymap::Action::Own($wrap($crate::tui::list::ListMsg::Down)), $words.down),
            $crate::tui::keymap::help($context, &[$crate::tui::keymap::key(::crossterm::event::KeyCode::Up), $crate::tui::keymap::ch('k')], $crate::tui::keymap::Action::Own($wrap($crate::tui::list::ListMsg::Up)), $words.up),
            $crate::tui::keymap::binding($context, &[$crate::tui::keymap::key(::crossterm::event::KeyCode::PageDown)], Some($crate::tui::keymap::Action::Own($wrap($crate::tui::list::ListMsg::PageDown))), $words.page_down, $words.page_show(), $words.page_footer),
            $crate::tui::keymap::help($context, &[$crate::tui::keymap::key(::crossterm::event::KeyCode::PageUp)], $crate::tui::keymap::Action::Own($wrap($crate::tui::list::ListMsg::PageUp)), $words.page_up),
            $crate::tui::keymap::help($context, &[$crate::tui::keymap::ch('g'), $crate::tui::keymap::key(::crossterm::event::KeyCode::Home)], $crate::tui::keymap::Action::Own($wrap($crate::tui::list::ListMsg::Top)), $words.top),
            $crate::tui::keymap::help($context, &[$crate::tui::keymap::ch('G'), $crate::tui::keymap::key(::crossterm::event::KeyCode::End)], $crate::tui::keymap::Action::Own($wrap($crate::tui::list::ListMsg::Bottom)), $words.bottom),
            $($rest),*
        ]
    };
}

#[cfg(test)]
mod tests {
    use super::ListMsg;

    #[test]
    fn a_move_stays_in_the_list() {
        assert_eq!(ListMsg::Down.moved(4, 10, 5), 5);
        assert_eq!(ListMsg::Down.moved(5, 10, 5), 5);
        assert_eq!(ListMsg::Up.moved(0, 10, 5), 0);
        assert_eq!(ListMsg::PageDown.moved(1, 10, 50), 11);
        assert_eq!(ListMsg::PageUp.moved(3, 10, 50), 0);
        assert_eq!(ListMsg::Top.moved(30, 10, 50), 0);
        assert_eq!(ListMsg::Bottom.moved(0, 10, 50), 50);
    }
}
