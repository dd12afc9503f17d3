//! "Split a sheet into orders": the path of a company's sheet (CSV), then a preview of the
//! orders `domain::split` makes of it (each with its size, route and why it is its own order;
//! the rows left out; the warnings) before anything is created. Enter on the preview creates
//! the drafts (`Effect::CreateDrafts`).

use crate::domain::rules::text::thousands;
use crate::domain::split::{self, SplitPlan};
use crate::tui::app::{App, Context};
use crate::tui::keymap::{Action, Binding, both, ctrl, help, key};
use crate::tui::layout::Drawn;
use crate::tui::list::{ListMsg, ListWords};
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crate::tui::text::{hanging, one_line};
use crate::tui::widgets::form::InputPage;
use crate::tui::widgets::input::PathField;
use crate::tui::widgets::page::draw_scrolled;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

#[allow(non_upper_case_globals)]
impl Context {
    /// The sheet's path (the input has the focus).
    pub const SplitPath: Context = Context("split: the sheet");
    /// The orders the sheet would make.
    pub const SplitPreview: Context = Context("split: preview");
}

#[derive(Debug, Clone)]
pub struct SplitPage {
    /// The sheet's path, and why it could not be read or split.
    pub input: PathField,
    /// The plan of the sheet read, while the preview shows.
    pub plan: Option<SplitPlan>,
    /// The preview's first line shown.
    pub scroll: usize,
}

/// What the split screen's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitMsg {
    List(ListMsg),
    /// On the path: read the sheet. On the preview: create the drafts.
    Enter,
    Clear,
    /// From the preview back to the path; from the path back to the history.
    Back,
}

use Action::{Global as G, Own as O};
use Context as C;
use SplitMsg as M;

const LABEL: &str = " Sheet (CSV): ";

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<SplitMsg>>] = crate::list_keys!(C::SplitPreview, M::List, ListWords::SCROLL;
    both(C::SplitPath, &[key(KeyCode::Enter)], O(M::Enter), "Read the sheet and show the orders it makes (nothing is created yet)", "Preview"),
    help(C::SplitPath, &[ctrl('u')], O(M::Clear), "Clear the path"),
    both(C::SplitPath, &[key(KeyCode::Esc)], O(M::Back), "Back to the order history", "Back"),
    both(C::SplitPreview, &[key(KeyCode::Enter)], O(M::Enter), "Create these drafts, one per order", "Create drafts"),
    both(C::SplitPreview, &[key(KeyCode::Esc)], O(M::Back), "Back to the path: nothing is created", "Back"),
    both(C::SplitPreview, &[crate::tui::keymap::ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
);

impl Component for SplitPage {
    type Msg = SplitMsg;
    const ID: ScreenId = ScreenId::Split;

    /// `m` on the order history.
    fn open(_order_id: Option<&str>, _app: &mut App) -> Option<SplitPage> {
        Some(SplitPage {
            input: PathField::default(),
            plan: None,
            scroll: 0,
        })
    }

    fn context(&self, _app: &App) -> Context {
        match self.plan {
            Some(_) => C::SplitPreview,
            None => C::SplitPath,
        }
    }

    const KEYS: &'static [Binding<Action<SplitMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "split a sheet"
    }

    fn title(&self, _app: &App) -> String {
        "Order history › Split a sheet into orders".into()
    }

    fn takes_text(&self, _app: &App) -> bool {
        self.plan.is_none()
    }

    fn leaves(&self, msg: &SplitMsg) -> bool {
        *msg == M::Back && self.plan.is_none()
    }

    fn act(&mut self, msg: SplitMsg, app: &mut App) -> Vec<Effect> {
        match (msg, &self.plan) {
            (M::List(m), _) => self.scroll = m.scrolled(self.scroll, &app.drawn),
            (M::Enter, None) => {
                let Some(typed) = self.input.typed() else {
                    self.input.error =
                        Some("Type the path of a CSV file with a PhoneNumber column.".into());
                    return Vec::new();
                };
                return vec![Effect::ReadNumbersCsv(typed.into())];
            }
            (M::Enter, Some(plan)) => {
                let drafts = split::drafts(plan, &split::sheet_name(self.input.path.value()));
                return vec![Effect::CreateDrafts(drafts), Effect::Close];
            }
            (M::Clear, _) => self.input.clear(),
            (M::Back, Some(_)) => {
                self.plan = None;
                self.scroll = 0;
            }
            (M::Back, None) => return vec![Effect::Close],
        }
        Vec::new()
    }

    fn edit(&mut self, key: KeyEvent, _app: &mut App) -> Vec<Effect> {
        self.input.edit(&key);
        Vec::new()
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::Paste(text) if self.plan.is_none() => self.input.paste(&text),
            Msg::FileRead(Err(why)) => self.input.error = Some(why),
            Msg::FileRead(Ok(bytes)) => match split::plan(&bytes) {
                Ok(plan) => {
                    self.plan = Some(plan);
                    self.input.error = None;
                    self.scroll = 0;
                }
                Err(why) => self.input.error = Some(why.to_string()),
            },
            Msg::Resize(..) => self.scroll = self.scroll.min(app.drawn.max_scroll()),
            _ => {}
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        match &self.plan {
            Some(plan) => self.preview(app, plan, frame, area),
            None => {
                self.path_view(app, frame, area);
                Drawn::default()
            }
        }
    }

    fn unsaved(&self, _app: &App) -> Option<&'static str> {
        None
    }
}

impl SplitPage {
    fn path_view(&self, app: &App, frame: &mut Frame, area: Rect) {
        let mut out = InputPage::new(&app.theme, area);
        out.text(
            " ",
            "A company's sheet of numbers becomes the orders Microsoft allows: one country, carrier, account, BTN, number type and service address an order; over 999 numbers, a Service Center case. Columns: PhoneNumber, and any field keys (current_carrier, account_number, number_type, country, service_address.city…).",
            Style::new(),
        );
        out.blank();
        out.input(LABEL, &self.input.path, None);
        out.refusal_or_hint(
            self.input.error.as_deref(),
            "Enter shows the orders first; nothing is created until you say so.",
        );
        out.draw(frame, area);
    }

    fn preview(&self, app: &App, plan: &SplitPlan, frame: &mut Frame, area: Rect) -> Drawn {
        let lines = preview_lines(app, plan, usize::from(area.width));
        draw_scrolled(frame, area, lines, self.scroll)
    }
}

/// The preview as wrapped lines: the summary, each order, the rows left out, the warnings.
fn preview_lines(app: &App, plan: &SplitPlan, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut text = |lead: &str, body: &str, style: Style| {
        lines.extend(hanging(lead, &one_line(body), width, Style::new(), style));
    };
    text(" ", &split::summary(plan), theme.heading());
    for (i, order) in plan.orders.iter().enumerate() {
        text(
            &format!(" {}. ", i + 1),
            &split::describe(order),
            Style::new(),
        );
        text("    ", &format!("Why: {}", order.reason), theme.dim());
    }
    if !plan.bad_rows.is_empty() {
        text(
            " ",
            &format!("Rows left out ({}):", thousands(plan.bad_rows.len())),
            theme.error(),
        );
        for bad in &plan.bad_rows {
            text("   ", bad, theme.error());
        }
    }
    for note in plan.repeats.iter().chain(&plan.warnings) {
        text(" ⚠ ", note, theme.warning());
    }
    text(
        " ",
        &format!(
            "Enter creates the {} drafts · Esc back to the path (nothing is created)",
            plan.orders.len()
        ),
        theme.dim(),
    );
    lines
}
