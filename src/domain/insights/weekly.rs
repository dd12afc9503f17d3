//! Per carrier, what happened week by week over the last weeks: orders sent (each submission,
//! resubmissions too) and rejections received. The app draws them as sparklines; the weeks end
//! at the clock's now, the last one is the seven days up to it.

use crate::domain::order::Order;
use crate::domain::status::Status;
use jiff::Timestamp;

/// How many weeks the series cover.
pub const WEEKS: usize = 12;

const SECONDS_PER_WEEK: i64 = 7 * 86_400;

/// Counts per week, oldest first; the last is the week up to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Weekly {
    pub sent: [usize; WEEKS],
    pub rejected: [usize; WEEKS],
}

impl Weekly {
    /// Count one order's submissions and rejections into their weeks.
    pub fn add(&mut self, order: &Order, now: Timestamp) {
        let sent = order
            .history
            .iter()
            .filter(|h| h.to == Some(Status::Submitted))
            .map(|h| h.at);
        for at in sent {
            if let Some(week) = week_of(at, now) {
                self.sent[week] += 1;
            }
        }
        for rejection in &order.rejections {
            if let Some(week) = week_of(rejection.at, now) {
                self.rejected[week] += 1;
            }
        }
    }
}

/// The week a moment falls in (0 oldest, `WEEKS - 1` the seven days up to now); `None` before
/// the first week or after now.
pub fn week_of(at: Timestamp, now: Timestamp) -> Option<usize> {
    let ago = now.as_second() - at.as_second();
    if ago < 0 {
        return None;
    }
    let weeks_ago = usize::try_from(ago / SECONDS_PER_WEEK).ok()?;
    (weeks_ago < WEEKS).then(|| WEEKS - 1 - weeks_ago)
}

/// The block characters of a sparkline: one a week, `·` for none, taller for more (scaled to
/// the week with most). Read without colour.
pub fn sparkline(values: &[usize]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if v == 0 || max == 0 {
                '·'
            } else {
                let level = (v * BARS.len()).div_ceil(max).clamp(1, BARS.len());
                BARS[level - 1]
            }
        })
        .collect()
}

/// A series in words, beside its sparkline: the total, the busiest week, this one.
pub fn words(series: &[usize]) -> String {
    let total: usize = series.iter().sum();
    if total == 0 {
        return format!("none in {WEEKS} weeks");
    }
    let most = series.iter().copied().max().unwrap_or(0);
    let last = series.last().copied().unwrap_or(0);
    format!("{total} in {WEEKS} weeks, most {most}, this week {last}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FieldKey;
    use crate::domain::test_orders::{complete_order, day, rejection};

    #[test]
    fn weeks_end_at_now_and_older_ones_are_left_out() {
        let now = day(100).now;
        assert_eq!(week_of(day(100).now, now), Some(WEEKS - 1));
        assert_eq!(week_of(day(94).now, now), Some(WEEKS - 1));
        assert_eq!(week_of(day(93).now, now), Some(WEEKS - 2));
        assert_eq!(week_of(day(100 - 7 * 12 + 1).now, now), Some(0));
        assert_eq!(week_of(day(100 - 7 * 12).now, now), None);
        assert_eq!(week_of(day(101).now, now), None);
    }

    #[test]
    fn submissions_and_rejections_count_in_their_weeks() {
        let mut order = complete_order("PO-1", "Contoso Telecom", 80);
        order.submit(day(80)).unwrap();
        order
            .reject(rejection(&[FieldKey::Pin]), day(85).now)
            .unwrap();
        order.fields.port_date =
            crate::domain::rules::port_date::add_business_days(day(99).today, 10).to_string();
        order.resubmit(day(99)).unwrap();
        let mut weekly = Weekly::default();
        weekly.add(&order, day(100).now);
        let mut sent = [0; WEEKS];
        sent[WEEKS - 3] = 1; // day 80: 20 days ago
        sent[WEEKS - 1] = 1; // day 99
        let mut rejected = [0; WEEKS];
        rejected[WEEKS - 3] = 1; // day 85: 15 days ago
        assert_eq!(weekly, Weekly { sent, rejected });
        // The same order seen from a later clock: it has left the window.
        let mut later = Weekly::default();
        later.add(&order, day(300).now);
        assert_eq!(later, Weekly::default());
    }

    #[test]
    fn a_sparkline_has_one_character_a_week_scaled_to_the_most() {
        assert_eq!(sparkline(&[0, 1, 2, 4, 8]), "·▁▂▄█");
        assert_eq!(sparkline(&[0, 0, 0]), "···");
        assert_eq!(sparkline(&[3, 3]), "██");
    }

    #[test]
    fn a_series_in_words() {
        let mut series = [0; WEEKS];
        assert_eq!(words(&series), "none in 12 weeks");
        series[3] = 4;
        series[WEEKS - 1] = 1;
        assert_eq!(words(&series), "5 in 12 weeks, most 4, this week 1");
    }
}
