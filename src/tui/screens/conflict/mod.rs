//! "Both windows changed this order": shown when a save found the file moved on and both sides
//! changed the same field. Each field's two values stand side by side (the PIN masked); the user
//! keeps one per field, and only then is the order saved. Nothing is decided for the user, and
//! leaving without choosing saves nothing (the edits stay where they were made).
//!
//! The view opens by itself, in the middle of typing (the wizard saves on Tab): so no letter is
//! a choice (`o` of "oregon" once kept the other value), only arrows and Space are, and Enter
//! then saves; and until its first frame is drawn it takes no key at all (`armed`): the root
//! hands the letters typed before then to the field they were typed for.

mod view;

use crate::domain::Order;
use crate::domain::merge::{Merge, Side};
use crate::tui::app::{App, Context, Message};
use crate::tui::keymap::{Action, Binding, both, ch, ctrl, help, key};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, ScreenId};
use crate::tui::screen::Component;
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

#[allow(non_upper_case_globals)]
impl Context {
    pub const Conflict: Context = Context("conflict");
}

/// What keys mean on the conflict view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictMsg {
    Up,
    Down,
    /// Keep the value saved in the other window.
    Theirs,
    /// Keep this window's value.
    Mine,
    /// Save with the values chosen.
    Save,
    /// Put your value of the selected field on the clipboard (OSC 52), so keeping the other
    /// window's loses nothing (a link, an address) you may want elsewhere.
    CopyMine,
    /// Leave without saving (asks once).
    Back,
}

use Action::Own as O;

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<ConflictMsg>>] = &[
    help(Context::Conflict, &[key(KeyCode::Up), ch('k')], O(ConflictMsg::Up), "Previous field"),
    help(Context::Conflict, &[key(KeyCode::Down), ch('j')], O(ConflictMsg::Down), "Next field"),
    both(Context::Conflict, &[key(KeyCode::Left)], O(ConflictMsg::Theirs), "Keep the value saved in the other window", "Keep other"),
    both(Context::Conflict, &[key(KeyCode::Right), ch(' ')], O(ConflictMsg::Mine), "Keep your value", "Keep yours"),
    both(Context::Conflict, &[key(KeyCode::Enter), ctrl('s').also()], O(ConflictMsg::Save), "Save with the values chosen", "Save"),
    help(Context::Conflict, &[ctrl('y')], O(ConflictMsg::CopyMine), "Copy your value of this field (through the terminal: OSC 52)"),
    both(Context::Conflict, &[key(KeyCode::Esc)], O(ConflictMsg::Back), "Leave without saving (asks first)", "Back"),
];

/// The conflict view's state: the merge, both orders, and a choice per field.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictPage {
    pub merge: Box<Merge>,
    /// This window's edit.
    pub mine: Box<Order>,
    /// A side per conflict, `None` until chosen.
    pub picks: Vec<Option<Side>>,
    pub selected: usize,
    /// Esc was pressed once: a second leaves without saving.
    pub leaving: bool,
    /// The open screen that still holds the user's edit when the view is left ("the wizard");
    /// `None` when the screen that saved has closed (the response dialog), so leaving drops it.
    pub held_by: Option<&'static str>,
    pub error: Option<String>,
    /// Whether a frame of the view has been drawn: keys typed before were not meant for it.
    pub armed: bool,
}

impl ConflictPage {
    pub fn new(merge: Box<Merge>, mine: Box<Order>, held_by: Option<&'static str>) -> ConflictPage {
        let picks = vec![None; merge.conflicts.len()];
        ConflictPage {
            merge,
            mine,
            picks,
            selected: 0,
            leaving: false,
            held_by,
            error: None,
            armed: false,
        }
    }

    /// What the second Esc means for the user's edit, in words.
    pub fn leaving_words(&self) -> String {
        match self.held_by {
            Some(screen) => format!(
                "Your edits stay in {screen}, unsaved, and the other window's values stay on disk."
            ),
            None => "Your change is not kept anywhere (the dialog that made it has closed): leaving drops it; the other window's values stay on disk.".to_string(),
        }
    }

    fn pick(&mut self, side: Side) {
        if let Some(p) = self.picks.get_mut(self.selected) {
            *p = Some(side);
        }
        // On to the next field still to choose.
        if let Some(next) = self.picks.iter().position(Option::is_none) {
            self.selected = next;
        }
    }

    /// Ctrl-Y: your value of the selected field on the clipboard; never a secret (it is masked
    /// here, and the PIN is copied only from the hand-off, after a question).
    fn copy_mine(&mut self, app: &mut App) -> Vec<Effect> {
        let Some(conflict) = self.merge.conflicts.get(self.selected) else {
            return Vec::new();
        };
        let refused = if conflict.part.is_secret() {
            Some("The PIN is never copied from this view.")
        } else if conflict.mine.trim().is_empty() {
            Some("Your value of this field is empty: nothing to copy.")
        } else {
            None
        };
        if let Some(why) = refused {
            self.error = Some(why.to_string());
            return Vec::new();
        }
        app.message = Some(Message::info(
            "Copied your value (through the terminal; in tmux, set-clipboard on).",
        ));
        vec![Effect::Copy(conflict.mine.clone())]
    }

    fn save(&mut self, app: &mut App) -> Vec<Effect> {
        let left = self.picks.iter().filter(|p| p.is_none()).count();
        if left > 0 {
            self.error = Some(format!(
                "Choose a value for every field first ({left} left): ← keeps the other window's, → yours."
            ));
            return Vec::new();
        }
        let picks: Vec<_> = self
            .merge
            .conflicts
            .iter()
            .zip(&self.picks)
            .map(|(c, p)| (c.part, p.unwrap_or(Side::Theirs)))
            .collect();
        let order = self.merge.resolve(&self.mine, |part| {
            picks
                .iter()
                .find(|(p, _)| *p == part)
                .map_or(Side::Theirs, |(_, s)| *s)
        });
        app.message = Some(Message::info("Saving the values you chose…"));
        vec![Effect::Close, Effect::Save(Box::new(order))]
    }
}

impl Component for ConflictPage {
    type Msg = ConflictMsg;
    const ID: ScreenId = ScreenId::Conflict;

    /// Opened only with what a save found (`Msg::SaveConflict`), never by name.
    fn open(_order_id: Option<&str>, _app: &mut App) -> Option<ConflictPage> {
        None
    }

    fn order_id(&self) -> Option<&str> {
        Some(&self.merge.order.id)
    }

    fn context(&self, _app: &App) -> Context {
        Context::Conflict
    }

    const KEYS: &'static [Binding<Action<ConflictMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "conflict"
    }

    fn title(&self, app: &App) -> String {
        format!(
            "{} › Changed in two places",
            app.order_name(&self.merge.order.id)
        )
    }

    fn act(&mut self, msg: ConflictMsg, app: &mut App) -> Vec<Effect> {
        if msg != ConflictMsg::Back {
            self.leaving = false;
        }
        self.error = None;
        let last = self.picks.len().saturating_sub(1);
        match msg {
            ConflictMsg::Up => self.selected = self.selected.saturating_sub(1),
            ConflictMsg::Down => self.selected = (self.selected + 1).min(last),
            ConflictMsg::Theirs => self.pick(Side::Theirs),
            ConflictMsg::Mine => self.pick(Side::Mine),
            ConflictMsg::Save => return self.save(app),
            ConflictMsg::CopyMine => return self.copy_mine(app),
            ConflictMsg::Back if self.leaving => {
                app.message = Some(Message::error(match self.held_by {
                    Some(screen) => format!(
                        "Not saved: your edits are still in {screen}, the other values on disk. Save again to choose."
                    ),
                    None => "Not saved: the other values stay on disk; record your change again to keep it.".to_string(),
                }));
                return vec![Effect::Close];
            }
            ConflictMsg::Back => self.leaving = true,
        }
        Vec::new()
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area);
        Drawn::default()
    }

    fn unsaved(&self, _app: &App) -> Option<&'static str> {
        Some("A field changed in two windows is not settled, and your edit is not saved.")
    }
}
