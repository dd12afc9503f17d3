//! The history's rows, cheap at 100,000 orders (issues 23 and 28): every order in the sort's
//! order is kept (`HistoryState::sorted`, made from keys worked out once an order rather than
//! twice a comparison), so a filter key only filters it, `S` only walks it the other way, and
//! only `s` or a change of the orders sorts again.

use super::app::{App, SortColumn, port_date};
use crate::domain::summary::{DigitSearch, Summary, TextSearch};
use std::cmp::Reverse;

impl App {
    /// Recompute the rows that pass the filters, sorted; keeps the selected order selected.
    /// Call it after any change of the orders or the board.
    pub fn refresh_rows(&mut self) {
        let keep = self
            .selected_summary()
            .map(|o| Keep::Id(o.id().to_string()));
        self.history.sorted = sorted(self);
        self.history.sorted_by = Some(self.history.sort);
        self.filter_rows(keep);
    }

    /// Recompute the rows after a change of the sort column alone (`s`): the orders, unchanged,
    /// are sorted again; the selected one stays selected.
    pub fn resort(&mut self) {
        if self.history.sorted.len() != self.orders.len() {
            return self.refresh_rows();
        }
        let keep = self
            .history
            .rows
            .get(self.history.selected)
            .map(|i| Keep::Place(*i));
        self.history.sorted = sorted(self);
        self.history.sorted_by = Some(self.history.sort);
        self.filter_rows(keep);
    }

    /// Recompute the rows after a change of the filters or of the direction only: the orders
    /// kept in the sort's order are filtered again, and not sorted (unless the orders changed
    /// in number since: then everything is worked out again).
    pub fn refilter(&mut self) {
        let h = &self.history;
        if h.sorted_by != Some(h.sort) || h.sorted.len() != self.orders.len() {
            return self.refresh_rows();
        }
        let keep = h.rows.get(h.selected).map(|i| Keep::Place(*i));
        self.filter_rows(keep);
    }

    /// The rows: the sorted orders that pass the filters, in the direction asked; `keep` stays
    /// selected when it passes.
    fn filter_rows(&mut self, keep: Option<Keep>) {
        let needle = Needle::of(&self.history.filter);
        let status_filter = self.history.status_filter;
        let mut buffer = String::new();
        // On the board the filter finds a tenant's name too: which tenants it names, once.
        let named: Option<(&super::app::Board, Vec<bool>)> = self
            .board
            .as_ref()
            .map(|b| (b, b.named_by(needle.text())))
            .filter(|(_, named)| named.contains(&true));
        let of_named = |o: &Summary| {
            named.as_ref().is_some_and(|(board, named)| {
                let tenant = board.tenant_of.get(o.id());
                tenant.is_some_and(|t| named.get(*t).copied().unwrap_or(false))
            })
        };
        let mut passes = |i: &u32| {
            let Some(o) = self.orders.get(*i as usize) else {
                return false;
            };
            status_filter.accepts(o.status) && (needle.matches(o, &mut buffer) || of_named(o))
        };
        let sorted = &self.history.sorted;
        let rows: Vec<usize> = if self.history.descending {
            sorted
                .iter()
                .rev()
                .filter(|i| passes(i))
                .map(|i| *i as usize)
                .collect()
        } else {
            sorted
                .iter()
                .filter(|i| passes(i))
                .map(|i| *i as usize)
                .collect()
        };
        self.history.rows = rows;
        let rows = &self.history.rows;
        let found = match keep {
            // Its place in the orders, when they are the same orders: no id read again.
            Some(Keep::Place(place)) => rows.iter().position(|i| *i == place),
            Some(Keep::Id(id)) => rows.iter().position(|i| self.orders[*i].id() == id),
            None => None,
        };
        self.history.selected = found.unwrap_or(0);
        self.clamp_selection();
    }
}

/// The order to keep selected: by id after the orders changed, else by its place in them.
enum Keep {
    Id(String),
    Place(usize),
}

/// Every order's place in `orders`, in the ascending order of the sort column, ties by id (the
/// descending order is exactly this one backwards: no two orders share an id).
fn sorted(app: &App) -> Vec<u32> {
    let orders = &app.orders;
    // Orders held in id order (a store's, the board's) break ties by their place: no id is
    // read again in 1.7 million comparisons.
    let by = Ties::of(orders);
    match app.history.sort {
        SortColumn::Tenant => {
            let rank = tenant_ranks(app);
            // Whose each order is, by its place when the board's read said so (no id looked up
            // 100,000 times), else by its id.
            let places = &app.history.tenant_places;
            let board = app.board.as_ref();
            let tenant = |i: usize, o: &Summary| match places.len() == orders.len() {
                true => places.get(i).map(|t| *t as usize),
                false => board.and_then(|b| b.tenant_of.get(o.id()).copied()),
            };
            // By tenant, each tenant's latest change first.
            by.key(orders, |i, o| {
                let place = tenant(i, o).and_then(|t| rank.get(t)).copied().unwrap_or(0);
                (place, Reverse(o.updated_at))
            })
        }
        // Text columns compare in lower case, worked out once an order.
        SortColumn::Name => by.key(orders, |_, o| TextKey::of(o.name())),
        SortColumn::Carrier => by.key(orders, |_, o| TextKey::of(o.carrier())),
        SortColumn::Status => by.key(orders, |_, o| o.status),
        SortColumn::Numbers => by.key(orders, |_, o| o.number_count),
        SortColumn::PortDate => by.key(orders, |_, o| quick_port_date(o)),
        SortColumn::Rejections => by.key(orders, |_, o| o.rejections),
        SortColumn::LastChange => by.key(orders, |_, o| o.updated_at),
    }
}

/// How equal keys are told apart: by id, which is their place when the orders are in id order.
enum Ties {
    Place,
    Id,
}

impl Ties {
    fn of(orders: &[Summary]) -> Ties {
        match orders.windows(2).all(|pair| pair[0].id() < pair[1].id()) {
            true => Ties::Place,
            false => Ties::Id,
        }
    }

    /// The places of `orders` sorted by `key` (of each order and its place), then by id.
    fn key<'a, K: Ord>(
        &self,
        orders: &'a [Summary],
        key: impl Fn(usize, &'a Summary) -> K,
    ) -> Vec<u32> {
        let places = orders.iter().zip(0u32..);
        match self {
            Ties::Place => {
                let mut keyed: Vec<(K, u32)> =
                    places.map(|(o, i)| (key(i as usize, o), i)).collect();
                keyed.sort_unstable();
                keyed.into_iter().map(|(_, i)| i).collect()
            }
            Ties::Id => {
                let mut keyed: Vec<(K, &str, u32)> = places
                    .map(|(o, i)| (key(i as usize, o), o.id(), i))
                    .collect();
                keyed.sort_unstable();
                keyed.into_iter().map(|(_, _, i)| i).collect()
            }
        }
    }
}

/// A text in lower case, ordered as its bytes: its first 16 bytes as a number (most
/// comparisons end there, without reaching for the text, each its own allocation), then the
/// rest, then its length (a text the head holds whole is then told from a longer one).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct TextKey<'a> {
    head: u128,
    rest: Rest<'a>,
    len: usize,
}

/// The bytes of a text after its first 16: ASCII borrowed (made lower case as compared), any
/// other text lower case in a copy.
#[derive(PartialEq, Eq)]
struct Rest<'a>(std::borrow::Cow<'a, [u8]>);

impl Ord for Rest<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // A text in lower case has no ASCII capital: making it lower case again changes nothing.
        let (a, b) = (self.0.iter(), other.0.iter());
        a.map(u8::to_ascii_lowercase)
            .cmp(b.map(u8::to_ascii_lowercase))
    }
}

impl PartialOrd for Rest<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<'a> TextKey<'a> {
    fn of(text: &'a str) -> TextKey<'a> {
        let lower: std::borrow::Cow<'a, [u8]> = match text.is_ascii() {
            true => std::borrow::Cow::Borrowed(text.as_bytes()),
            false => std::borrow::Cow::Owned(text.to_lowercase().into_bytes()),
        };
        let mut head = [0u8; 16];
        for (slot, byte) in head.iter_mut().zip(lower.iter()) {
            *slot = byte.to_ascii_lowercase();
        }
        let len = lower.len();
        let rest = match lower {
            std::borrow::Cow::Borrowed(b) => std::borrow::Cow::Borrowed(b.get(16..).unwrap_or(&[])),
            std::borrow::Cow::Owned(b) => {
                std::borrow::Cow::Owned(b.get(16..).unwrap_or(&[]).to_vec())
            }
        };
        // Big-endian: the number orders as the bytes do.
        TextKey {
            head: u128::from_be_bytes(head),
            rest: Rest(rest),
            len,
        }
    }
}

/// The date the numbers move ([`port_date`]), a port date written `YYYY-MM-DD` read without
/// the general parser (100,000 of them on `s`).
fn quick_port_date(order: &Summary) -> Option<jiff::civil::Date> {
    if order.foc_date.is_some() {
        return order.foc_date;
    }
    let text = order.port_date().trim().as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<i16> {
        let part = text.get(range)?;
        part.iter().try_fold(0i16, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + i16::from(b - b'0'))
        })
    };
    match (text.len(), text.get(4), text.get(7)) {
        (10, Some(b'-'), Some(b'-')) => {
            let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
            let month = i8::try_from(month).ok()?;
            let day = i8::try_from(day).ok()?;
            jiff::civil::Date::new(year, month, day).ok()
        }
        _ => port_date(order),
    }
}

/// Each board tenant's rank by its name in lower case (equal names equal ranks; an order of
/// no tenant, as an empty name, before all).
fn tenant_ranks(app: &App) -> Vec<u32> {
    let Some(board) = &app.board else {
        return Vec::new();
    };
    let names: Vec<String> = board.tenants.iter().map(|t| t.to_lowercase()).collect();
    let mut distinct = names.clone();
    distinct.sort_unstable();
    distinct.dedup();
    names
        .iter()
        .map(|n| distinct.partition_point(|d| d < n) as u32 + 1)
        .collect()
}

/// What the `/` filter looks for, prepared once per key rather than once per order.
struct Needle {
    /// The filter in lower case: found in the name, carrier, id, organization or ticket.
    text: Option<TextSearch>,
    /// Its digits, when it has at least three: found in any number of the order (typed with any
    /// punctuation, `(425) 555` finds +1425555…).
    digits: Option<DigitSearch>,
}

impl Needle {
    fn of(filter: &str) -> Needle {
        let text = filter.trim().to_lowercase();
        let digits = DigitSearch::new(&text);
        Needle {
            text: TextSearch::new(&text),
            digits,
        }
    }

    /// The filter's text in lower case ("" when there is none).
    fn text(&self) -> &str {
        self.text.as_ref().map_or("", TextSearch::text)
    }

    /// Against the summary alone: its texts and every number's digits are held by the summary,
    /// so no order is loaded, whatever the number of orders. `buffer` is reused from one
    /// summary to the next (the lower-case text is made, not kept).
    fn matches(&self, order: &Summary, buffer: &mut String) -> bool {
        let Some(text) = &self.text else {
            return true;
        };
        text.found_in(order, buffer)
            || self
                .digits
                .as_ref()
                .is_some_and(|search| order.has_digits(search))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::summary::Summary;
    use crate::domain::test_orders::{complete_order, day};
    use crate::domain::{Order, Status};
    use std::cmp::Ordering;

    /// The orders of these tests: equal names, carriers, statuses, counts and times among
    /// them, names that differ only in case or are not ASCII, and some port dates unreadable.
    fn orders() -> Vec<Order> {
        let names = [
            "Zeta",
            "alpha",
            "Alpha",
            "Ärger",
            "beta",
            "",
            "Alpha",
            "Alpha Beta Gamma Delta",
            "alpha beta gamma delta, annex",
            "ALPHA BETA GAMMA DELTA",
            "Über lange Namen, Zürich",
            "über lange namen, Basel",
        ];
        let carriers = ["AT&T", "at&t", "Télécom", "Verizon"];
        let statuses = [Status::Draft, Status::Submitted, Status::Completed];
        (0..40)
            .map(|i| {
                let id = format!("PO-{}{:02}", ["K", "a", "B"][i % 3], (i * 7) % 40);
                let mut order = complete_order(&id, carriers[i % 4], (i % 5) as i64);
                order.fields.order_name = names[i % names.len()].to_string();
                order.status = statuses[i % 3];
                order.fields.numbers.truncate(1 + i % 3);
                if i % 6 == 0 {
                    order.fields.port_date = "soon".into();
                }
                order.updated_at = day((i % 4) as i64).now;
                order
            })
            .collect()
    }

    /// The history's order as it was worked out before `tui::rows`: a sort of the rows on each
    /// key, comparing each column as it was compared then.
    fn as_before(app: &App) -> Vec<String> {
        let (sort, descending) = (app.history.sort, app.history.descending);
        let tenant = |o: &Summary| {
            let board = app.board.as_ref();
            board
                .and_then(|b| b.tenant(o.id()))
                .unwrap_or("")
                .to_lowercase()
        };
        let mut rows: Vec<&Summary> = app.orders.iter().collect();
        let column = |a: &Summary, b: &Summary| -> Ordering {
            match sort {
                SortColumn::Tenant => tenant(a)
                    .cmp(&tenant(b))
                    .then(b.updated_at.cmp(&a.updated_at)),
                SortColumn::Name => a.name().to_lowercase().cmp(&b.name().to_lowercase()),
                SortColumn::Carrier => a.carrier().to_lowercase().cmp(&b.carrier().to_lowercase()),
                SortColumn::Status => a.status.cmp(&b.status),
                SortColumn::Numbers => a.number_count.cmp(&b.number_count),
                SortColumn::PortDate => port_date(a).cmp(&port_date(b)),
                SortColumn::Rejections => a.rejections.cmp(&b.rejections),
                SortColumn::LastChange => a.updated_at.cmp(&b.updated_at),
            }
        };
        rows.sort_by(|a, b| column(a, b).then_with(|| a.id().cmp(b.id())));
        if descending {
            rows.reverse();
        }
        rows.iter().map(|s| s.id().to_string()).collect()
    }

    fn shown(app: &App) -> Vec<String> {
        let rows = app.history.rows.iter();
        rows.map(|i| app.orders[*i].id().to_string()).collect()
    }

    fn every_sort_agrees_with_the_one_before(app: &mut App) {
        let columns = [SortColumn::Tenant].into_iter().chain(SortColumn::ALL);
        for sort in columns {
            for descending in [false, true] {
                app.history.sort = sort;
                app.history.descending = !descending;
                app.refresh_rows();
                // `S` only walks the sorted orders the other way.
                app.history.descending = descending;
                app.refilter();
                assert_eq!(
                    shown(app),
                    as_before(app),
                    "{sort:?} descending {descending}"
                );
            }
        }
    }

    #[test]
    fn the_rows_are_sorted_as_before_whether_or_not_the_orders_are_in_id_order() {
        let clock = day(0);
        let mut app = App::new(orders(), clock, (120, 40));
        assert!(matches!(Ties::of(&app.orders), Ties::Id));
        every_sort_agrees_with_the_one_before(&mut app);
        let mut in_id_order = orders();
        in_id_order.sort_by(|a, b| a.id.cmp(&b.id));
        let mut app = App::new(in_id_order, clock, (120, 40));
        assert!(matches!(Ties::of(&app.orders), Ties::Place));
        every_sort_agrees_with_the_one_before(&mut app);
        // On a board of three tenants, two of whose names differ only in case.
        let tenants = ["beta", "Alpha", "alpha"].map(String::from).to_vec();
        let tenant_of = app
            .orders
            .iter()
            .zip(0..)
            .map(|(s, i)| (s.id().to_string(), i % 4));
        app.board = Some(super::super::app::Board {
            tenants,
            tenant_of: tenant_of.collect(),
        });
        every_sort_agrees_with_the_one_before(&mut app);
        // The same, each order's tenant by its place as the board's read gives it.
        app.history.tenant_places = (0..app.orders.len() as u32).map(|i| i % 4).collect();
        every_sort_agrees_with_the_one_before(&mut app);
    }

    #[test]
    fn s_keeps_the_selected_order_selected() {
        let mut app = App::new(orders(), day(0), (120, 40));
        app.history.selected = 7;
        let id = app.selected_summary().map(|s| s.id().to_string());
        for sort in SortColumn::ALL {
            app.history.sort = sort;
            app.resort();
            assert_eq!(app.selected_summary().map(|s| s.id().to_string()), id);
        }
    }

    #[test]
    fn a_port_date_is_read_as_the_general_parser_reads_it() {
        let texts = [
            "2026-12-08",
            " 2026-12-08 ",
            "2026-02-30",
            "2024-02-29",
            "0000-01-01",
            "9999-12-31",
            "2026-1-08",
            "2026/12/08",
            "2026-12-0x",
            "+2026-12-0",
            "20261208",
            "",
            "soon",
        ];
        for text in texts {
            let mut order = complete_order("PO-DATE", "AT&T", 0);
            order.fields.port_date = text.to_string();
            let summary = Summary::of(&order);
            assert_eq!(quick_port_date(&summary), port_date(&summary), "{text:?}");
        }
    }

    #[test]
    fn a_filter_key_filters_the_sorted_orders_and_a_changed_order_is_sorted_again() {
        let mut app = App::new(orders(), day(0), (120, 40));
        app.history.sort = SortColumn::Name;
        app.history.descending = false;
        app.refresh_rows();
        app.history.filter = "alpha".into();
        app.refilter();
        let expected: Vec<String> = as_before(&app)
            .into_iter()
            .filter(|id| {
                app.orders
                    .iter()
                    .any(|s| s.id() == id && s.search_text().contains("alpha"))
            })
            .collect();
        assert_eq!(shown(&app), expected);
        // An order renamed (as a save or the disk brings it): the next key sorts again.
        let mut renamed = orders().remove(1);
        renamed.fields.order_name = "Aardvark alpha".into();
        app.upsert(renamed.clone());
        app.refilter();
        assert_eq!(shown(&app).first(), Some(&renamed.id), "{:?}", shown(&app));
    }
}
