//! Several orders as a small table to paste (the history's `y` on its marked orders): a header,
//! then one line an order (id, name, status, carrier, numbers, port date), tab-separated, which a
//! spreadsheet or a mail takes as columns. Built from the summaries alone: no order is read.

use super::one_line;
use crate::domain::summary::Summary;

/// The most the table holds: it goes to the clipboard through the terminal (OSC 52, base64 in
/// one escape sequence), and some terminals drop a longer one whole.
pub const MAX_BYTES: usize = 64 * 1024;

const HEADER: &str = "Order\tName\tStatus\tCarrier\tNumbers\tPort date";

/// The table and how many orders it holds (fewer than asked when [`MAX_BYTES`] cut it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub text: String,
    pub orders: usize,
}

/// The orders, one line each, in the order given. Every value is cleaned to one line without
/// tabs, so a name can neither break a column nor carry a terminal sequence.
pub fn of(orders: &[&Summary]) -> Table {
    let mut text = format!("{HEADER}\n");
    let mut count = 0;
    for order in orders {
        let line = line(order);
        if text.len() + line.len() > MAX_BYTES {
            break;
        }
        text.push_str(&line);
        count += 1;
    }
    Table {
        text,
        orders: count,
    }
}

fn line(order: &Summary) -> String {
    let port_date = match order.foc_date {
        Some(date) => format!("{date} (FOC)"),
        None => one_line(order.port_date()),
    };
    let numbers = crate::domain::rules::text::counted(order.number_count, "number");
    format!(
        "{}\t{}\t{}\t{}\t{numbers}\t{port_date}\n",
        one_line(order.id()),
        one_line(order.name()),
        order.status.label(),
        one_line(order.carrier()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_orders::complete_order;

    #[test]
    fn one_line_an_order_with_its_status_and_numbers() {
        let mut a = complete_order("PO-TEST0001", "Lumen", 0);
        a.fields.order_name = "Contoso\tHQ\u{1b}[2J".into();
        let a = Summary::of(&a);
        let table = of(&[&a]);
        assert_eq!(table.orders, 1);
        let lines: Vec<&str> = table.text.lines().collect();
        assert_eq!(lines[0], HEADER);
        let cells: Vec<&str> = lines[1].split('\t').collect();
        assert_eq!(cells.len(), 6, "{cells:?}");
        assert_eq!(cells[0], a.id());
        // The tab is a space; the escape sequence is cleaned out (no ESC reaches a terminal).
        assert!(cells[1].starts_with("Contoso HQ"), "{cells:?}");
        assert!(!table.text.contains('\u{1b}'));
        assert_eq!(cells[2], "Draft");
        assert!(cells[4].ends_with(" numbers"), "{cells:?}");
    }

    #[test]
    fn a_table_over_the_clipboard_limit_is_cut_at_a_whole_line() {
        let mut order = complete_order("PO-TEST0002", "Lumen", 0);
        order.fields.order_name = "x".repeat(2_000);
        let summary = Summary::of(&order);
        let many: Vec<&Summary> = std::iter::repeat_n(&summary, 100).collect();
        let table = of(&many);
        assert!(table.orders < 100 && table.orders > 0);
        assert!(table.text.len() <= MAX_BYTES);
        assert_eq!(table.text.lines().count(), table.orders + 1);
    }
}
