//! "Import a Teams export" (`I` on the order history): the path of the tenant's number export
//! (docs/reconcile.md), then what it says per order (ported, FOC accepted, missing after the FOC
//! date) and the numbers no order holds, as `portwiz reconcile` prints it; `a` records it, after
//! a question with the count, through the same `domain::reconcile::apply` as `--apply`. The
//! runtime reads and compares the file (`Effect::CheckTeamsExport`) and records it
//! (`Effect::RecordTeamsCheck`). The screen's state, keys and `act` are here; its view in
//! [`view`].

mod view;

use crate::domain::reconcile::Check;
use crate::tui::app::{App, Context};
use crate::tui::keymap::{Action, Binding, both, ch, ctrl, help, key};
use crate::tui::layout::Drawn;
use crate::tui::list::{ListMsg, ListWords};
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crate::tui::widgets::input::PathField;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    /// The export's path (the input has the focus).
    pub const TeamsPath: Context = Context("teams export: the file");
    /// What the export says.
    pub const TeamsResults: Context = Context("teams export: results");
    /// "Record it?"
    pub const TeamsConfirm: Context = Context("teams export: confirm");
}

#[derive(Debug, Clone, Default)]
pub struct TeamsPage {
    /// The export's path, and why it could not be read (shown at the field).
    pub input: PathField,
    /// The check of the export read, while the results show.
    pub check: Option<Box<Check>>,
    /// The runtime is reading the file, or recording the check.
    pub busy: bool,
    /// Asking whether to record it.
    pub confirming: bool,
    /// What recording did, once done: each line an order.
    pub recorded: Option<Vec<String>>,
    /// The results' first line shown.
    pub scroll: usize,
}

/// What the screen's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamsMsg {
    List(ListMsg),
    /// On the path: read the export.
    Read,
    Clear,
    /// On the results: ask to record the check.
    Record,
    Confirm,
    Decline,
    /// From the results back to the path; from the path back to the history.
    Back,
}

use Action::{Global as G, Own as O};
use Context as C;
use TeamsMsg as M;

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<TeamsMsg>>] = crate::list_keys!(C::TeamsResults, M::List, ListWords::SCROLL;
    both(C::TeamsPath, &[key(KeyCode::Enter)], O(M::Read), "Read the export and show what it says (nothing is recorded yet)", "Read"),
    help(C::TeamsPath, &[ctrl('u')], O(M::Clear), "Clear the path"),
    both(C::TeamsPath, &[key(KeyCode::Esc)], O(M::Back), "Back to the order history", "Back"),
    both(C::TeamsResults, &[ch('a')], O(M::Record), "Record it in the orders (asks first; never moves an order backwards)", "Record"),
    both(C::TeamsResults, &[key(KeyCode::Esc)], O(M::Back), "Back to the path: nothing is recorded", "Back"),
    both(C::TeamsResults, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    both(C::TeamsConfirm, &[ch('y')], O(M::Confirm), "Yes, record it", "Yes"),
    both(C::TeamsConfirm, &[ch('n'), key(KeyCode::Esc)], O(M::Decline), "No", "No"),
);

impl Component for TeamsPage {
    type Msg = TeamsMsg;
    const ID: ScreenId = ScreenId::Teams;

    /// `I` on the order history.
    fn open(_order_id: Option<&str>, _app: &mut App) -> Option<TeamsPage> {
        Some(TeamsPage::default())
    }

    fn context(&self, _app: &App) -> Context {
        match (&self.check, self.confirming) {
            (Some(_), true) => C::TeamsConfirm,
            (Some(_), false) => C::TeamsResults,
            (None, _) => C::TeamsPath,
        }
    }

    const KEYS: &'static [Binding<Action<TeamsMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "import a Teams export"
    }

    fn title(&self, _app: &App) -> String {
        "Order history › Import a Teams export".into()
    }

    fn takes_text(&self, _app: &App) -> bool {
        self.check.is_none()
    }

    fn leaves(&self, msg: &TeamsMsg) -> bool {
        *msg == M::Back && self.check.is_none()
    }

    /// `a` only while there is something new to record.
    fn offers(&self, msg: &TeamsMsg, _app: &App) -> bool {
        match msg {
            M::Record => self.can_record(),
            _ => true,
        }
    }

    fn act(&mut self, msg: TeamsMsg, app: &mut App) -> Vec<Effect> {
        match msg {
            M::List(m) => self.scroll = m.scrolled(self.scroll, &app.drawn),
            M::Read if !self.busy => return self.read(),
            M::Read => {}
            M::Clear => self.input.clear(),
            M::Record if self.can_record() => self.confirming = true,
            M::Record => {
                app.message = Some(crate::tui::app::Message::info(
                    "Nothing new to record: the orders already say what this export shows.",
                ));
            }
            M::Confirm => {
                self.confirming = false;
                if let Some(check) = &self.check {
                    self.busy = true;
                    return vec![Effect::RecordTeamsCheck(check.clone())];
                }
            }
            M::Decline => self.confirming = false,
            M::Back if self.check.is_some() => {
                self.check = None;
                self.recorded = None;
                self.scroll = 0;
            }
            M::Back => return vec![Effect::Close],
        }
        Vec::new()
    }

    fn edit(&mut self, key: KeyEvent, _app: &mut App) -> Vec<Effect> {
        self.input.edit(&key);
        Vec::new()
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::Paste(text) if self.check.is_none() => self.input.paste(&text),
            Msg::TeamsChecked(result) => {
                self.busy = false;
                match result {
                    Ok(check) => {
                        self.check = Some(check);
                        self.input.error = None;
                        self.scroll = 0;
                    }
                    Err(why) => self.input.error = Some(why),
                }
            }
            Msg::TeamsRecorded {
                lines, problems, ..
            } => {
                self.busy = false;
                // Recorded: the same check again would record nothing new.
                if let Some(check) = &mut self.check {
                    check.planned.clear();
                }
                app.message = Some(recorded_message(&lines, &problems));
                self.recorded = Some(lines.into_iter().chain(problems).collect());
            }
            Msg::Resize(..) => self.scroll = self.scroll.min(app.drawn.max_scroll()),
            _ => {}
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area)
    }
}

impl TeamsPage {
    fn can_record(&self) -> bool {
        !self.busy && self.check.as_ref().is_some_and(|c| !c.planned.is_empty())
    }

    fn read(&mut self) -> Vec<Effect> {
        let Some(typed) = self.input.typed() else {
            self.input.error = Some(
                "Type the path of the export: Export-CsAcquiredPhoneNumber's CSV, \
                 Get-CsPhoneNumberAssignment as CSV or JSON, or Graph's numberAssignments JSON."
                    .into(),
            );
            return Vec::new();
        };
        let effect = Effect::CheckTeamsExport(typed.into());
        self.busy = true;
        self.input.error = None;
        vec![effect]
    }
}

fn recorded_message(lines: &[String], problems: &[String]) -> crate::tui::app::Message {
    use crate::tui::app::Message;
    match problems {
        [] => Message::info(format!(
            "Recorded the check on {} (its history says so).",
            orders(lines.len())
        )),
        _ => Message::error(format!(
            "Recorded on {}; not recorded: {}",
            orders(lines.len()),
            crate::tui::text::one_line(&problems.join("; "))
        )),
    }
}

fn orders(n: usize) -> String {
    match n {
        1 => "1 order".into(),
        n => format!("{n} orders"),
    }
}
