//! "Tenants" (`T` on the order history): the customers' stores under `DIR/tenants/` and the
//! store itself, one a row, the one open marked; Enter switches to the row's (the runtime opens
//! that store in place of this one, `Effect::SwitchTenant`, and the app starts there next time).

use crate::tui::app::{App, Context, Message};
use crate::tui::keymap::{Action, Binding, both, ch, key};
use crate::tui::layout::Drawn;
use crate::tui::list::{ListMsg, ListWords};
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crate::tui::text::{one_line, truncate};
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Tenants: Context = Context("tenants");
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantsPage {
    /// The rows: `None` is the store itself, then each tenant by name.
    pub rows: Vec<Option<String>>,
    /// The row under the cursor.
    pub cursor: usize,
}

/// What the picker's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantsMsg {
    List(ListMsg),
    Switch,
    Back,
}

use Action::{Global as G, Own as O};
use Context as C;
use KeyCode::{Enter, Esc};
use TenantsMsg as M;

/// A cursor on tenants.
const WORDS: ListWords = ListWords {
    footer: "Move",
    down: "Next tenant",
    up: "Previous tenant",
    ..ListWords::SCROLL
};

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<TenantsMsg>>] = crate::list_keys!(C::Tenants, M::List, WORDS;
    both(C::Tenants, &[key(Enter)], O(M::Switch), "Open this tenant's orders", "Open"),
    both(C::Tenants, &[key(Esc), ch('T').also()], O(M::Back), "Back, staying on this tenant", "Back"),
    both(C::Tenants, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
);

/// What the first row, the store itself, is called.
const NO_TENANT: &str = "(no tenant: the store itself)";

impl Component for TenantsPage {
    type Msg = TenantsMsg;
    const ID: ScreenId = ScreenId::Tenants;

    /// The tenants the runtime found when the app started or last switched; none in the demo.
    fn open(_order_id: Option<&str>, app: &mut App) -> Option<TenantsPage> {
        if app.demo {
            app.message = Some(Message::error(
                "The demo copy has no tenants: start portwiz on your own store to use them.",
            ));
            return None;
        }
        let rows: Vec<Option<String>> = std::iter::once(None)
            .chain(app.tenants.iter().cloned().map(Some))
            .collect();
        let cursor = rows.iter().position(|r| *r == app.tenant).unwrap_or(0);
        Some(TenantsPage { rows, cursor })
    }

    fn context(&self, _app: &App) -> Context {
        C::Tenants
    }

    const KEYS: &'static [Binding<Action<TenantsMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "tenants"
    }

    fn title(&self, _app: &App) -> String {
        "Order history › Tenants".to_string()
    }

    fn act(&mut self, msg: TenantsMsg, app: &mut App) -> Vec<Effect> {
        match msg {
            M::List(m) => {
                let page = isize::try_from(app.drawn.page_rows.max(1)).unwrap_or(1);
                self.cursor = m.moved(self.cursor, page, self.rows.len().saturating_sub(1));
            }
            M::Switch => {
                let chosen = self.rows.get(self.cursor).cloned().flatten();
                // From the board every row is another store, the store itself included.
                if chosen == app.tenant && app.board.is_none() {
                    return vec![Effect::Close];
                }
                return vec![Effect::Close, Effect::SwitchTenant(chosen)];
            }
            M::Back => return vec![Effect::Close],
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        let theme = &app.theme;
        let width = usize::from(area.width);
        let mut lines = vec![Line::styled(
            truncate(" Whose orders: Enter opens a tenant's store", width),
            theme.heading(),
        )];
        let rows = usize::from(area.height.saturating_sub(1)).max(1);
        // The cursor stays on screen: the rows shown end at it once it passes the first page.
        let start = (self.cursor + 1).saturating_sub(rows);
        for (i, row) in self.rows.iter().enumerate().skip(start).take(rows) {
            let open = if *row == app.tenant && app.board.is_none() {
                "  (open)"
            } else {
                ""
            };
            let name = row.as_deref().map_or(NO_TENANT.to_string(), one_line);
            let text = truncate(&format!("  {name}{open}"), width);
            let style = if i == self.cursor {
                theme.selected()
            } else {
                theme.heading()
            };
            lines.push(Line::from(Span::styled(text, style)));
        }
        frame.render_widget(Paragraph::new(lines), area);
        Drawn::page(rows, self.rows.len())
    }
}
