//! The insights' view: per carrier, bars of block characters with the figures beside them
//! (the bars read without colour: filled `█` against empty `░`, the numbers in words), and
//! sparklines of the last weeks (one block a week, `·` for none) with their numbers. Only the
//! lines on screen are built into the frame. Draws only.

use super::InsightsPage;
use crate::domain::insights::weekly::{self, WEEKS};
use crate::domain::insights::{CarrierInsights, Elapsed, GROUPS_LISTED, Insights, days, plural};
use crate::tui::app::App;
use crate::tui::layout::Drawn;
use crate::tui::text::{one_line, pad, truncate};
use crate::tui::theme::Theme;
use crate::tui::widgets::page::draw_scrolled;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The label column.
const LABEL: usize = 21;
/// How many waiting orders are named.
const WAITING_SHOWN: usize = 2;

pub fn render(app: &App, page: &InsightsPage, frame: &mut Frame, area: Rect) -> Drawn {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let lines = match &page.insights {
        None => vec![Line::styled(" Reading every order…", theme.dim())],
        Some(insights) => lines(insights, app, width),
    };
    draw_scrolled(frame, area, lines, page.scroll)
        .keeping_history(app.drawn.history_rows, app.history.offset)
}

/// The bar's width: wider on a wider terminal.
fn bar_width(width: usize) -> usize {
    if width >= 110 { 30 } else { 20 }
}

fn lines(insights: &Insights, app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let all = &insights.all;
    if all.orders == 0 {
        return vec![Line::raw(
            " No orders yet: the insights come from your orders' history.",
        )];
    }
    let mut out = vec![
        Line::styled(
            truncate(
                &format!(
                    " Insights from {} ({}), as of {}",
                    plural(all.orders, "order"),
                    plural(insights.carriers.len(), "carrier"),
                    app.clock.today
                ),
                width,
            ),
            theme.heading(),
        ),
        Line::styled(
            truncate(
                " █ share of submitted orders · days: median from submission, against the slowest",
                width,
            ),
            theme.dim(),
        ),
        Line::styled(
            truncate(
                &format!(
                    " ▁▄█ a week, the last {WEEKS} up to today (· none; resubmissions count too)"
                ),
                width,
            ),
            theme.dim(),
        ),
    ];
    // The days bars compare carriers: scaled to the slowest median of all, and to a day at
    // least, so one order's "median 0 days" (minutes) is not drawn as a full bar.
    let slowest = insights
        .carriers
        .iter()
        .flat_map(|c| [c.to_foc.median_days, c.to_completion.median_days])
        .flatten()
        .fold(MIN_SCALE_DAYS, f64::max);
    let bars = Bars {
        width: bar_width(width),
        slowest,
        theme,
    };
    let mut blocks: Vec<&CarrierInsights> = Vec::new();
    if insights.carriers.len() > 1 {
        blocks.push(all);
    }
    blocks.extend(&insights.carriers);
    for carrier in blocks {
        out.push(Line::raw(""));
        out.extend(carrier_lines(carrier, &bars, width));
    }
    out
}

/// The least a days bar is scaled to: a median under a day is "0 days" in words.
const MIN_SCALE_DAYS: f64 = 1.0;

struct Bars<'a> {
    width: usize,
    slowest: f64,
    theme: &'a Theme,
}

impl Bars<'_> {
    /// `█` for the share, `░` for the rest.
    fn of(&self, share: f64) -> Span<'static> {
        let filled = ((share.clamp(0.0, 1.0) * self.width as f64).round() as usize).min(self.width);
        // A share above zero always shows at least one block.
        let filled = if share > 0.0 { filled.max(1) } else { filled };
        Span::styled(
            format!("{}{}", "█".repeat(filled), "░".repeat(self.width - filled)),
            self.theme.title(),
        )
    }

    fn days(&self, elapsed: &Elapsed) -> (Span<'static>, String) {
        match elapsed.median_days {
            Some(median) => (
                self.of(if self.slowest > 0.0 {
                    median / self.slowest
                } else {
                    0.0
                }),
                format!(
                    "median {} ({})",
                    days(median),
                    plural(elapsed.orders, "order")
                ),
            ),
            None => (self.of(0.0), "no order got there yet".to_string()),
        }
    }
}

fn carrier_lines(c: &CarrierInsights, bars: &Bars<'_>, width: usize) -> Vec<Line<'static>> {
    let theme = bars.theme;
    let room = |used: usize| width.saturating_sub(used);
    let lead = 3 + LABEL;
    let mut out = vec![Line::from(vec![
        Span::styled(
            truncate(&format!(" {}", one_line(&c.carrier)), room(30)),
            theme.heading(),
        ),
        Span::styled(
            format!(
                "  {} · {} submitted",
                plural(c.orders, "order"),
                c.submitted
            ),
            theme.dim(),
        ),
    ])];
    let row = |label: &str, mut rest: Vec<Span<'static>>| {
        let mut spans = vec![Span::raw(format!("   {}", pad(label, LABEL)))];
        spans.append(&mut rest);
        Line::from(spans)
    };
    let text = |t: String, used: usize| Span::raw(truncate(&t, room(used)));
    let after_bar = lead + bars.width + 2;
    match c.rejection_rate() {
        Some(rate) => out.push(row(
            "Rejected",
            vec![
                bars.of(rate),
                text(
                    format!(
                        "  {:.0}%  {} of {} ({})",
                        rate * 100.0,
                        c.rejected,
                        c.submitted,
                        plural(c.rejections, "rejection")
                    ),
                    after_bar - 2,
                ),
            ],
        )),
        None => out.push(row(
            "Rejected",
            vec![text("nothing submitted yet".to_string(), lead)],
        )),
    }
    // The fields rejected most, each under the rejection rate it makes up.
    for group in c.rejected_groups.iter().take(GROUPS_LISTED) {
        let share = if c.submitted > 0 {
            group.orders as f64 / c.submitted as f64
        } else {
            0.0
        };
        out.push(row(
            &truncate(&format!("  {}", group.label), LABEL - 1),
            vec![
                bars.of(share),
                text(
                    format!("  {} of {}", group.orders, c.submitted),
                    after_bar - 2,
                ),
            ],
        ));
    }
    for (label, elapsed) in [("To FOC", &c.to_foc), ("To completion", &c.to_completion)] {
        let (bar, words) = bars.days(elapsed);
        out.push(row(
            label,
            vec![bar, text(format!("  {words}"), after_bar - 2)],
        ));
    }
    // Week by week: a sparkline (one block a week, `·` for none) and its numbers.
    for (label, series) in [
        ("Submitted/wk", &c.weekly.sent),
        ("Rejections a week", &c.weekly.rejected),
    ] {
        out.push(row(
            label,
            vec![
                Span::styled(weekly::sparkline(series), theme.title()),
                text(format!("  {}", weekly::words(series)), lead + WEEKS + 2),
            ],
        ));
    }
    out.push(row("Waiting now", vec![text(waiting(c), lead)]));
    out
}

/// The orders waiting on the carrier now, the longest first, as one line.
fn waiting(c: &CarrierInsights) -> String {
    if c.waiting.is_empty() {
        "none".to_string()
    } else {
        let named: Vec<String> = c
            .waiting
            .iter()
            .take(WAITING_SHOWN)
            .map(|w| {
                format!(
                    "{} {} ({})",
                    one_line(&w.id),
                    days(w.days),
                    w.status.label()
                )
            })
            .collect();
        let more = c.waiting.len().saturating_sub(WAITING_SHOWN);
        let more = if more > 0 {
            format!(", {more} more")
        } else {
            String::new()
        };
        format!("{}: {}{more}", c.waiting.len(), named.join(", "))
    }
}

#[cfg(test)]
mod bar_tests {
    use super::*;

    #[test]
    fn a_median_of_minutes_is_not_a_full_bar() {
        let theme = Theme::for_no_color(Some(std::ffi::OsStr::new("1")));
        let bars = Bars {
            width: 10,
            slowest: MIN_SCALE_DAYS.max(0.01),
            theme: &theme,
        };
        let (bar, words) = bars.days(&Elapsed {
            median_days: Some(0.01),
            orders: 1,
        });
        assert!(words.contains("median 0 days"), "{words}");
        assert_eq!(bar.content.matches('█').count(), 1, "{}", bar.content);
    }
}
