//! "Assign the numbers" (`A` on an order's page; docs/assign.md): each number of the order, its
//! identity and emergency LocationId, on a list. A row is edited in place (the input widget), or
//! rows are pasted from a sheet into a text area and read by the same parse as `portwiz assign`
//! (`domain::assign`). Every check is the domain's: a problem shows under its row and nothing
//! typed is lost; Ctrl-S saves the whole plan as one history entry, refused while a row has an
//! error. The view is in [`view`].

mod view;

use crate::domain::assign::{self, Headers, Issue, Row};
use crate::domain::assignment::{Assignment, IdentityKind};
use crate::domain::checks::Severity;

use crate::tui::app::{App, Context, Message};
use crate::tui::keymap::{Action, Binding, both, ch, ctrl, help, key};
use crate::tui::layout::Drawn;
use crate::tui::list::{ListMsg, ListWords};
use crate::tui::msg::{Effect, Msg, ScreenId};
use crate::tui::screen::Component;
use crate::tui::text::one_line;
use crate::tui::widgets::input::{TextField, request_for};
use crate::tui::widgets::textarea::TextArea;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    /// The list of numbers (a cursor on rows).
    pub const Assign: Context = Context("assign the numbers");
    /// A row being edited (its input has the focus).
    pub const AssignRow: Context = Context("edit an assignment");
    /// The text area rows are pasted into.
    pub const AssignPaste: Context = Context("paste assignments");
}

/// One number's row as typed (not yet saved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRow {
    pub number: String,
    pub identity: String,
    pub location: String,
    pub kind: IdentityKind,
}

/// Which input of a row being edited has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowField {
    Identity,
    Location,
}

/// A row being edited: its inputs, and its type.
#[derive(Debug, Clone)]
pub struct Editing {
    pub identity: TextField,
    pub location: TextField,
    pub kind: IdentityKind,
    pub focus: RowField,
}

#[derive(Debug, Clone)]
pub struct AssignPage {
    pub order_id: String,
    pub rows: Vec<DraftRow>,
    /// The row under the cursor.
    pub cursor: usize,
    pub editing: Option<Editing>,
    /// The paste box, while open.
    pub paste: Option<TextArea>,
    /// What the domain says of each row (by index), from the last check.
    pub problems: Vec<Vec<(Severity, String)>>,
    /// Why the paste was not taken (the box keeps its text).
    pub paste_error: Option<String>,
}

/// What the screen's keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignMsg {
    List(ListMsg),
    Edit,
    NextKind,
    ClearRow,
    Paste,
    Save,
    Back,
    RowKeep,
    RowCancel,
    RowNextField,
    RowNextKind,
    PasteTake,
    PasteCancel,
}

use Action::{Global as G, Own as O};
use AssignMsg as M;
use Context as C;
use KeyCode::{BackTab, Delete, Enter, Esc, Tab};

const WORDS: ListWords = ListWords {
    footer: "Move",
    down: "Next number",
    up: "Previous number",
    ..ListWords::SCROLL
};

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<AssignMsg>>] = crate::list_keys!(C::Assign, M::List, WORDS;
    both(C::Assign, &[key(Enter)], O(M::Edit), "Edit the row: identity and LocationId", "Edit"),
    both(C::Assign, &[ch('p')], O(M::Paste), "Paste rows from a sheet: PhoneNumber, Identity, LocationId, IdentityType", "Paste"),
    help(C::Assign, &[ch('t')], O(M::NextKind), "The row's type: user → resource account → conference bridge"),
    help(C::Assign, &[key(Delete), ch('x')], O(M::ClearRow), "Clear the row (the number is not assigned)"),
    both(C::Assign, &[ctrl('s')], O(M::Save), "Save the assignments (one history entry)", "Save"),
    both(C::Assign, &[key(Esc)], O(M::Back), "Back to the order's page", "Back"),
    both(C::Assign, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    // A row being edited: letters type.
    both(C::AssignRow, &[key(Enter)], O(M::RowKeep), "Keep the row (checked at once; saved with Ctrl-S)", "Keep"),
    both(C::AssignRow, &[key(Tab), key(BackTab)], O(M::RowNextField), "Identity ⇄ LocationId", "Next field"),
    both(C::AssignRow, &[ctrl('t')], O(M::RowNextKind), "The row's type: user → resource account → conference bridge", "Type"),
    both(C::AssignRow, &[key(Esc)], O(M::RowCancel), "Drop this row's edit", "Cancel"),
    // The paste box: letters type, Enter breaks the line.
    both(C::AssignPaste, &[ctrl('s')], O(M::PasteTake), "Take the pasted rows into the list (not saved yet)", "Take rows"),
    both(C::AssignPaste, &[key(Esc)], O(M::PasteCancel), "Close the box, taking nothing", "Cancel"),
);

impl Component for AssignPage {
    type Msg = AssignMsg;
    const ID: ScreenId = ScreenId::Assign;

    /// `A` on an order's page: every number of the order, with its saved assignment.
    fn open(order_id: Option<&str>, app: &mut App) -> Option<AssignPage> {
        let order = app.order(order_id?)?;
        if app.read_only.contains(&order.id) {
            app.message = Some(Message::error(
                "This order was written by a newer portwiz and is read-only here.",
            ));
            return None;
        }
        if order.fields.numbers.is_empty() {
            app.message = Some(Message::error(
                "This order has no numbers yet: add them in the wizard (u) first.",
            ));
            return None;
        }
        let rows: Vec<DraftRow> = order
            .fields
            .numbers
            .iter()
            .map(|n| draft_of(n, order.assignments.get(n)))
            .collect();
        let mut page = AssignPage {
            order_id: order.id.clone(),
            problems: vec![Vec::new(); rows.len()],
            rows,
            cursor: 0,
            editing: None,
            paste: None,
            paste_error: None,
        };
        page.check(app);
        Some(page)
    }

    fn order_id(&self) -> Option<&str> {
        Some(&self.order_id)
    }

    fn context(&self, _app: &App) -> Context {
        match (&self.editing, &self.paste) {
            (_, Some(_)) => C::AssignPaste,
            (Some(_), None) => C::AssignRow,
            (None, None) => C::Assign,
        }
    }

    const KEYS: &'static [Binding<Action<AssignMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "assign the numbers"
    }

    fn title(&self, app: &App) -> String {
        format!("{} › Assign the numbers", app.order_name(&self.order_id))
    }

    fn takes_text(&self, _app: &App) -> bool {
        self.editing.is_some() || self.paste.is_some()
    }

    fn leaves(&self, msg: &AssignMsg) -> bool {
        *msg == M::Back
    }

    fn act(&mut self, msg: AssignMsg, app: &mut App) -> Vec<Effect> {
        match msg {
            M::List(m) => {
                let page = isize::try_from(app.drawn.page_rows.max(1)).unwrap_or(1);
                self.cursor = m.moved(self.cursor, page, self.rows.len().saturating_sub(1));
            }
            M::Edit => self.editing = self.rows.get(self.cursor).map(editing_of),
            M::NextKind | M::ClearRow => {
                if let Some(row) = self.rows.get_mut(self.cursor) {
                    if msg == M::NextKind {
                        row.kind = next_kind(row.kind);
                    } else {
                        (row.identity, row.location) = (String::new(), String::new());
                    }
                }
                self.check(app);
            }
            M::Paste => {
                self.paste = Some(TextArea::default());
                self.paste_error = None;
            }
            M::Save => return self.save(app),
            M::Back => return vec![Effect::Close],
            M::RowKeep => self.keep_row(app),
            M::RowCancel => self.editing = None,
            M::RowNextField => {
                if let Some(e) = &mut self.editing {
                    e.focus = match e.focus {
                        RowField::Identity => RowField::Location,
                        RowField::Location => RowField::Identity,
                    };
                }
            }
            M::RowNextKind => {
                if let Some(e) = &mut self.editing {
                    e.kind = next_kind(e.kind);
                }
            }
            M::PasteTake => self.take_paste(app),
            M::PasteCancel => (self.paste, self.paste_error) = (None, None),
        }
        Vec::new()
    }

    fn edit(&mut self, key: KeyEvent, _app: &mut App) -> Vec<Effect> {
        if let Some(area) = &mut self.paste {
            match key.code {
                KeyCode::Enter => area.newline(),
                KeyCode::Up => _ = area.up(),
                KeyCode::Down => _ = area.down(),
                _ => {
                    if let Some(request) = request_for(&key) {
                        area.handle(request);
                    }
                }
            }
        } else if let (Some(e), Some(request)) = (&mut self.editing, request_for(&key)) {
            focused(e).handle(request);
        }
        Vec::new()
    }

    fn update(&mut self, msg: Msg, _app: &mut App) -> Vec<Effect> {
        if let Msg::Paste(text) = msg {
            match (&mut self.paste, &mut self.editing) {
                (Some(area), _) => area.paste(&text),
                (None, Some(e)) => focused(e).insert_str(text.replace(['\r', '\n'], " ").trim()),
                // A paste on the list opens the box with it: the same rows, one step less.
                (None, None) => {
                    let mut area = TextArea::default();
                    area.paste(&text);
                    self.paste = Some(area);
                }
            }
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area)
    }

    fn unsaved(&self, app: &App) -> Option<&'static str> {
        if self
            .paste
            .as_ref()
            .is_some_and(|a| !a.text().trim().is_empty())
        {
            return Some("The rows you pasted are not taken yet.");
        }
        (self.editing.is_some() || !self.changes(app).is_empty())
            .then_some("The assignments you changed are not saved yet.")
    }
}

fn draft_of(number: &str, saved: Option<&Assignment>) -> DraftRow {
    DraftRow {
        number: number.to_string(),
        identity: saved.map(|a| a.identity.clone()).unwrap_or_default(),
        location: saved.map(|a| a.location_id.clone()).unwrap_or_default(),
        kind: saved.map(|a| a.kind).unwrap_or_default(),
    }
}

fn editing_of(row: &DraftRow) -> Editing {
    Editing {
        identity: TextField::new(&row.identity),
        location: TextField::new(&row.location),
        kind: row.kind,
        focus: RowField::Identity,
    }
}

fn focused(e: &mut Editing) -> &mut TextField {
    match e.focus {
        RowField::Identity => &mut e.identity,
        RowField::Location => &mut e.location,
    }
}

fn next_kind(kind: IdentityKind) -> IdentityKind {
    let at = IdentityKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0);
    IdentityKind::ALL[(at + 1) % IdentityKind::ALL.len()]
}

impl AssignPage {
    /// Every row as the domain reads a sheet: line N is row N (1-based).
    fn sheet(&self) -> Vec<Row> {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, r)| Row {
                line: i + 1,
                number: r.number.clone(),
                identity: r.identity.clone(),
                location_id: r.location.clone(),
                kind: r.kind.key().to_string(),
            })
            .collect()
    }

    /// The domain's reading of the rows: the changes to save and each row's problems.
    fn proposal(&self, app: &App) -> assign::Proposal {
        match app.order(&self.order_id) {
            Some(order) => assign::propose(order, &self.sheet()),
            None => assign::Proposal::default(),
        }
    }

    fn changes(&self, app: &App) -> Vec<assign::PlanChange> {
        self.proposal(app).changes
    }

    /// Check every row again; each problem goes under its row.
    fn check(&mut self, app: &App) {
        let proposal = self.proposal(app);
        self.problems = vec![Vec::new(); self.rows.len()];
        for Issue {
            line,
            severity,
            text,
            ..
        } in proposal.issues
        {
            if let Some(slot) = line.checked_sub(1).and_then(|i| self.problems.get_mut(i)) {
                slot.push((severity, text));
            }
        }
    }

    fn keep_row(&mut self, app: &mut App) {
        let (Some(e), Some(row)) = (self.editing.take(), self.rows.get_mut(self.cursor)) else {
            return;
        };
        row.identity = e.identity.value().trim().to_string();
        row.location = e.location.value().trim().to_string();
        row.kind = e.kind;
        self.check(app);
        if let Some((_, text)) = self.problems[self.cursor].first() {
            app.message = Some(Message::error(format!("This row: {}", one_line(text))));
        }
    }

    /// Ctrl-S in the box: the pasted rows, read as `portwiz assign` reads a sheet (a header is
    /// optional). A row that names no number of the order keeps the box open with its text;
    /// otherwise each row's cells go into its number's row, checked there.
    fn take_paste(&mut self, app: &mut App) {
        let Some(text) = self.paste.as_ref().map(TextArea::text) else {
            return;
        };
        let Some(order) = app.order(&self.order_id) else {
            return;
        };
        let pasted = match assign::read_rows(&text, Headers::Optional) {
            Ok(rows) => rows,
            Err(e) => {
                self.paste_error = Some(e.to_string());
                return;
            }
        };
        let mut placed = Vec::new();
        let mut refused = Vec::new();
        for row in &pasted {
            match assign::number_of(order, &row.number) {
                Ok(n) if placed.iter().any(|(p, _)| *p == n) => {
                    refused.push(format!("line {}: {n} is given twice", row.line));
                }
                Ok(n) => placed.push((n, row)),
                Err(why) => refused.push(format!("line {}: {why}", row.line)),
            }
        }
        if let Some(first) = refused.first() {
            let more = refused.len() - 1;
            let more = if more > 0 {
                format!(" (and {more} more)")
            } else {
                String::new()
            };
            self.paste_error = Some(format!("{first}{more}; nothing was taken"));
            return;
        }
        self.place(&placed, app);
    }

    fn place(&mut self, placed: &[(String, &Row)], app: &mut App) {
        for (number, cells) in placed {
            if let Some(row) = self.rows.iter_mut().find(|r| r.number == *number) {
                row.identity = cells.identity.trim().to_string();
                row.location = cells.location_id.trim().to_string();
                row.kind = IdentityKind::parse(&cells.kind).unwrap_or_default();
            }
        }
        (self.paste, self.paste_error) = (None, None);
        self.check(app);
        // The cursor goes to the first row with an error, where Enter fixes it.
        if let Some(i) = self
            .problems
            .iter()
            .position(|p| p.iter().any(|(s, _)| *s == Severity::Error))
        {
            self.cursor = i;
        }
        let with_errors = self
            .problems
            .iter()
            .filter(|p| p.iter().any(|(s, _)| *s == Severity::Error))
            .count();
        app.message = Some(match with_errors {
            0 => Message::info(format!(
                "Took {} rows from the paste: Ctrl-S saves them.",
                placed.len()
            )),
            1 => Message::error(format!(
                "Took {} rows from the paste; 1 row has an error, shown under it.",
                placed.len()
            )),
            n => Message::error(format!(
                "Took {} rows from the paste; {n} rows have an error, shown under them.",
                placed.len()
            )),
        });
    }

    /// Ctrl-S: the plan as one history entry; refused (the rows kept) while a row has an error.
    fn save(&mut self, app: &mut App) -> Vec<Effect> {
        self.check(app);
        let proposal = self.proposal(app);
        if let Some(first) = proposal.errors().next() {
            self.cursor = first
                .line
                .saturating_sub(1)
                .min(self.rows.len().saturating_sub(1));
            let count = proposal.errors().count();
            app.message = Some(Message::error(match count {
                1 => "1 row has an error, shown under it; nothing was saved.".to_string(),
                n => format!("{n} rows have an error, shown under them; nothing was saved."),
            }));
            return Vec::new();
        }
        let Some(mut order) = app.order(&self.order_id).cloned() else {
            return Vec::new();
        };
        if proposal.changes.is_empty() {
            app.message = Some(Message::info("Nothing changed: there is nothing to save."));
            return vec![Effect::Close];
        }
        if let Err(refusal) = order.assign(&proposal.changes, app.clock.now) {
            app.message = Some(Message::error(refusal.to_string()));
            return Vec::new();
        }
        app.message = Some(Message::info(format!(
            "Saved {} assignments ({} of {} numbers assigned). `portwiz export {} --format powershell` writes the lines.",
            proposal.changes.len(),
            order.assigned_count(),
            order.fields.numbers.len(),
            order.id
        )));
        vec![Effect::Save(Box::new(order)), Effect::Close]
    }
}
