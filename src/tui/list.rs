//! The list kit: every list screen (the history, an order's page, its numbers, the hand-off,
//! insights) moves through one message, [`ListMsg`], bound by one set of keys
//! ([`list_keys!`](crate::list_keys)) and moved by [`ListMsg::moved`]. A new list screen is its
//! rows, a `List(ListMsg)` variant in its messages, its key table made with `list_keys!`, and
//! one line of `act` (`M::List(m) => self.top = m.moved(self.top, page, last)`).
//!
//! A list whose rows can be acted on together adds marks: [`Marks`] kept by each row's key (an
//! order's id, never a row's index, so marks survive filtering and sorting), a `Mark(MarkMsg)`
//! variant, [`MarkWords`] and `list_keys!(…, marks M::Mark, WORDS; …)`, which binds Space
//! (mark, then the next row), `a` (mark every row shown) and `A` (clear every mark).

use super::keymap::Show;
use super::layout::Drawn;
use std::collections::BTreeSet;

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

/// What a list's marking keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkMsg {
    /// Space: mark the selected row, or unmark it; the selection then moves down.
    Toggle,
    /// Mark every row shown (those the filters let through).
    All,
    /// Clear every mark, shown or not.
    Clear,
}

/// The marked rows of a list, by each row's key. A mark stays while its row is filtered out or
/// sorted elsewhere, and goes when the row itself goes ([`Marks::keep_only`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marks<K: Ord> {
    keys: BTreeSet<K>,
}

impl<K: Ord> Default for Marks<K> {
    fn default() -> Self {
        Marks {
            keys: BTreeSet::new(),
        }
    }
}

impl<K: Ord + Clone> Marks<K> {
    /// Do a marking key: `selected` is the row under the cursor, `shown` every row the filters
    /// let through. Returns whether the selection should move down (after Space).
    pub fn apply(
        &mut self,
        msg: MarkMsg,
        selected: Option<K>,
        shown: impl IntoIterator<Item = K>,
    ) -> bool {
        match msg {
            MarkMsg::Toggle => {
                let Some(key) = selected else { return false };
                if !self.keys.remove(&key) {
                    self.keys.insert(key);
                }
                true
            }
            MarkMsg::All => {
                self.keys.extend(shown);
                false
            }
            MarkMsg::Clear => {
                self.keys.clear();
                false
            }
        }
    }

    pub fn contains(&self, key: &K) -> bool {
        self.keys.contains(key)
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The marked keys, in key order.
    pub fn iter(&self) -> impl Iterator<Item = &K> {
        self.keys.iter()
    }

    /// Drop the marks of rows that no longer exist; how many went.
    pub fn keep_only(&mut self, exists: impl Fn(&K) -> bool) -> usize {
        let before = self.keys.len();
        self.keys.retain(|k| exists(k));
        before - self.keys.len()
    }
}

/// How help and the footer name a list's marking keys.
#[derive(Debug, Clone, Copy)]
pub struct MarkWords {
    pub toggle: &'static str,
    pub all: &'static str,
    pub clear: &'static str,
    /// The footer's word for `A` (shown while there are marks: the screen's `offers`).
    pub clear_footer: &'static str,
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
/// With `marks M::Mark, MARK_WORDS` after the words, the marking keys follow the moving ones
/// (Space, `a`, `A`; see [`MarkMsg`]).
#[macro_export]
macro_rules! list_keys {
    ($context:expr, $wrap:path, $words:expr, marks $mark:path, $mark_words:expr; $($rest:expr),* $(,)?) => {
        $crate::list_keys!($context, $wrap, $words;
            $crate::tui::keymap::help($context, &[$crate::tui::keymap::ch(' ')], $crate::tui::keymap::Action::Own($mark($crate::tui::list::MarkMsg::Toggle)), $mark_words.toggle),
            $crate::tui::keymap::help($context, &[$crate::tui::keymap::ch('a')], $crate::tui::keymap::Action::Own($mark($crate::tui::list::MarkMsg::All)), $mark_words.all),
            $crate::tui::keymap::both($context, &[$crate::tui::keymap::ch('A')], $crate::tui::keymap::Action::Own($mark($crate::tui::list::MarkMsg::Clear)), $mark_words.clear, $mark_words.clear_footer),
            $($rest),*
        )
    };
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
    use super::{ListMsg, MarkMsg, Marks};

    /// Rows as (key, shown by the filter).
    fn shown<'a>(rows: &'a [(&'a str, bool)]) -> impl Iterator<Item = String> + 'a {
        rows.iter().filter(|(_, s)| *s).map(|(k, _)| k.to_string())
    }

    #[test]
    fn space_marks_then_unmarks_the_selected_row_and_moves_on() {
        let mut marks = Marks::default();
        assert!(marks.apply(MarkMsg::Toggle, Some("PO-A".to_string()), shown(&[])));
        assert!(marks.contains(&"PO-A".to_string()));
        assert_eq!(marks.len(), 1);
        assert!(marks.apply(MarkMsg::Toggle, Some("PO-A".to_string()), shown(&[])));
        assert!(marks.is_empty());
        // An empty list: nothing to mark, nowhere to move.
        assert!(!marks.apply(MarkMsg::Toggle, None, shown(&[])));
        assert!(marks.is_empty());
    }

    #[test]
    fn marks_are_kept_by_key_whatever_is_shown_and_in_what_order() {
        let mut marks = Marks::default();
        marks.apply(MarkMsg::Toggle, Some("PO-B".to_string()), shown(&[]));
        // `a` marks the rows shown, not the ones the filter hides; B stays marked though hidden.
        let rows = [
            ("PO-A", true),
            ("PO-B", false),
            ("PO-C", true),
            ("PO-D", false),
        ];
        marks.apply(MarkMsg::All, None, shown(&rows));
        let marked: Vec<&String> = marks.iter().collect();
        assert_eq!(marked, ["PO-A", "PO-B", "PO-C"]);
        // Sorted the other way and filtered again: the same keys are marked.
        let resorted = [
            ("PO-D", true),
            ("PO-C", false),
            ("PO-B", true),
            ("PO-A", true),
        ];
        assert!(
            resorted
                .iter()
                .filter(|(k, _)| marks.contains(&k.to_string()))
                .count()
                == 3
        );
        marks.apply(MarkMsg::Clear, None, shown(&resorted));
        assert!(marks.is_empty());
    }

    #[test]
    fn the_marks_of_rows_that_are_gone_are_dropped() {
        let mut marks = Marks::default();
        for id in ["PO-A", "PO-B", "PO-C"] {
            marks.apply(MarkMsg::Toggle, Some(id.to_string()), shown(&[]));
        }
        let left = ["PO-A", "PO-C", "PO-E"];
        assert_eq!(marks.keep_only(|k| left.contains(&k.as_str())), 1);
        assert_eq!(marks.iter().collect::<Vec<_>>(), ["PO-A", "PO-C"]);
    }

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
