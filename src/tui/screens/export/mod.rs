//! "Export" (`e` on an order's page): choose a format, a path (pre-filled with a file name in the
//! current folder) and whether the PIN goes in, then ask the runtime to write the file
//! (`Effect::Export`). The screen's state, keys and `update` are here; its view in [`view`].

mod view;

use crate::domain::export::Format;
use crate::tui::app::{App, Context, Message, Screen};
use crate::tui::keymap::{Binding, both, ch, ctrl, help, key, summary};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, ExportMsg, Msg};
use crate::tui::screen::Component;
use crate::tui::text::one_line;
use crate::tui::widgets::input::{TextField, request_for};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::path::PathBuf;

#[allow(non_upper_case_globals)]
impl Context {
    /// The export dialog, choosing the format.
    pub const ExportFormat: Context = Context("export: format");
    /// The export dialog, typing the path (letters type).
    pub const ExportPath: Context = Context("export: path");
    /// The export dialog, asking whether to replace an existing file.
    pub const ExportReplace: Context = Context("export: replace");
}

/// The export dialog: a format, then a path (and the PIN toggle), then, when the file exists,
/// whether to replace it.
#[derive(Debug, Clone)]
pub struct ExportPage {
    pub order_id: String,
    pub format: Format,
    pub step: ExportStep,
    pub path: TextField,
    /// Put the PIN in the file (JSON and text only).
    pub include_secrets: bool,
    /// Why the last try wrote nothing, in words.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportStep {
    /// Choosing the format.
    Format,
    /// Typing the path.
    Path,
    /// The file exists: replace it? (its absolute path, as the runtime resolved it)
    Replace(String),
}

use Context as C;
use ExportMsg as E;

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    // Choosing the format (j is JSON here: ↑↓ move).
    summary(C::ExportFormat, &[key(KeyCode::Down), key(KeyCode::Up)], "↑↓", "Move"),
    help(C::ExportFormat, &[key(KeyCode::Down)], "↓", Msg::Export(E::Down), "Next format"),
    help(C::ExportFormat, &[key(KeyCode::Up)], "↑", Msg::Export(E::Up), "Previous format"),
    both(C::ExportFormat, &[key(KeyCode::Enter)], "Enter", Msg::Export(E::Enter), "Export in the format under the cursor: on to the file name", "Choose"),
    summary(C::ExportFormat, &[ch('t'), ch('l'), ch('p'), ch('c'), ch('j')], "t/l/p/c/j", "Format"),
    help(C::ExportFormat, &[ch('t')], "t", Msg::Export(E::Pick(Format::Text)), "Text summary: to read, paste or e-mail to the carrier"),
    help(C::ExportFormat, &[ch('l')], "l", Msg::Export(E::Pick(Format::Loa)), "LOA: the Letter of Authorization to sign"),
    help(C::ExportFormat, &[ch('p')], "p", Msg::Export(E::Pick(Format::LoaPdf)), "LOA as PDF: the same letter, to print or upload"),
    help(C::ExportFormat, &[ch('c')], "c", Msg::Export(E::Pick(Format::Csv)), "CSV of numbers, as Teams imports them"),
    help(C::ExportFormat, &[ch('j')], "j", Msg::Export(E::Pick(Format::Json)), "JSON fields document: `portwiz import` reads it back"),
    both(C::ExportFormat, &[key(KeyCode::Esc)], "Esc", Msg::Export(E::Back), "Cancel: back to the order's page", "Cancel"),
    both(C::ExportFormat, &[ch('?')], "?", Msg::ToggleHelp, "Help: every key here", "Help"),
    // The path input (letters type).
    both(C::ExportPath, &[key(KeyCode::Enter)], "Enter", Msg::Export(E::Enter), "Write the file (asks before replacing one)", "Export"),
    both(C::ExportPath, &[ctrl('p')], "Ctrl-P", Msg::Export(E::TogglePin), "Put the PIN in the file, or leave it out (JSON and text only)", "PIN"),
    help(C::ExportPath, &[ctrl('u')], "Ctrl-U", Msg::Edit(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)), "Clear the path"),
    both(C::ExportPath, &[key(KeyCode::Esc)], "Esc", Msg::Export(E::Back), "Back to the choice of format", "Back"),
    // The file exists.
    both(C::ExportReplace, &[ch('y')], "y", Msg::Export(E::Confirm), "Yes, replace the file", "Replace"),
    both(C::ExportReplace, &[ch('n'), key(KeyCode::Esc)], "n/Esc", Msg::Export(E::Back), "No, back to the path to choose another", "No"),
];

/// One format the dialog offers.
pub struct Choice {
    pub format: Format,
    /// The key that picks it (its first letter).
    pub key: char,
    pub label: &'static str,
    pub about: &'static str,
    /// Whether the PIN can be put in it (the LOA and the CSV never hold it).
    pub pin: bool,
}

/// The formats, in the order the dialog lists them; the first is the default.
pub const CHOICES: [Choice; 5] = [
    Choice {
        format: Format::Text,
        key: 't',
        label: "Text summary",
        about: "to read, paste or e-mail to the carrier",
        pin: true,
    },
    Choice {
        format: Format::Loa,
        key: 'l',
        label: "LOA",
        about: "the Letter of Authorization to sign",
        pin: false,
    },
    Choice {
        format: Format::LoaPdf,
        key: 'p',
        label: "LOA as PDF",
        about: "the same letter, to print or upload",
        pin: false,
    },
    Choice {
        format: Format::Csv,
        key: 'c',
        label: "CSV of numbers",
        about: "the numbers as Teams imports them",
        pin: false,
    },
    Choice {
        format: Format::Json,
        key: 'j',
        label: "JSON fields document",
        about: "every field; `portwiz import` reads it",
        pin: true,
    },
];

pub fn choice(format: Format) -> &'static Choice {
    CHOICES
        .iter()
        .find(|c| c.format == format)
        .unwrap_or(&CHOICES[0])
}

/// The file name offered for an order in a format, in the current folder.
pub fn default_file_name(order_id: &str, format: Format) -> String {
    let id: String = order_id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    match format {
        Format::Text => format!("{id}-summary.txt"),
        Format::Loa => format!("{id}-loa.txt"),
        Format::LoaPdf => format!("{id}-loa.pdf"),
        Format::Csv => format!("{id}-numbers.csv"),
        Format::Json => format!("{id}.json"),
    }
}

/// `e` on an order's page: the dialog over it.
pub fn open(app: &mut App, order_id: &str) {
    if app.order(order_id).is_none() {
        return;
    }
    let format = CHOICES[0].format;
    app.screens.push(Screen::Export(ExportPage {
        order_id: order_id.to_string(),
        format,
        step: ExportStep::Format,
        path: TextField::new(&default_file_name(order_id, format)),
        include_secrets: false,
        error: None,
    }));
}

impl Component for ExportPage {
    fn context(&self, _app: &App) -> Context {
        match self.step {
            ExportStep::Format => C::ExportFormat,
            ExportStep::Path => C::ExportPath,
            ExportStep::Replace(_) => C::ExportReplace,
        }
    }

    fn keymap(&self) -> &'static [Binding] {
        KEYS
    }

    fn name(&self, _app: &App) -> &'static str {
        "export"
    }

    fn title(&self, app: &App) -> String {
        format!("{} › Export", app.order_name(&self.order_id))
    }

    fn takes_text(&self, _app: &App) -> bool {
        self.step == ExportStep::Path
    }

    fn footer(&self, app: &App) -> Vec<(&'static str, &'static str)> {
        crate::tui::keymap::footer_bindings(KEYS, self.context(app))
            .filter(|b| b.msg != Msg::Export(E::TogglePin) || choice(self.format).pin)
            .map(|b| (b.label, b.footer))
            .collect()
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
            Msg::Export(m) => self.on_export(m),
            Msg::Edit(key) => {
                self.edit(key);
                Vec::new()
            }
            Msg::Paste(text) => {
                self.paste(&text);
                Vec::new()
            }
            Msg::Exported { order_id, path } => {
                app.message = Some(Message::info(format!("Exported to {}", one_line(&path))));
                if order_id == self.order_id {
                    vec![Effect::Close]
                } else {
                    Vec::new()
                }
            }
            Msg::ExportExists { order_id, path } if order_id == self.order_id => {
                self.step = ExportStep::Replace(path);
                Vec::new()
            }
            Msg::ExportFailed { order_id, reason } if order_id == self.order_id => {
                // Nothing was written: the reason at the dialog, the path kept for correction.
                self.step = ExportStep::Path;
                self.error = Some(reason);
                Vec::new()
            }
            Msg::ExportFailed { reason, .. } => {
                app.message = Some(Message::error(format!(
                    "Nothing was exported: {}",
                    one_line(&reason)
                )));
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn view(&self, app: &App, frame: &mut Frame, area: Rect) -> Drawn {
        view::render(app, self, frame, area);
        Drawn::default()
    }
}

impl ExportPage {
    fn on_export(&mut self, msg: ExportMsg) -> Vec<Effect> {
        let p = self;
        match (msg, p.step.clone()) {
            (ExportMsg::Up, ExportStep::Format) => move_format(p, -1),
            (ExportMsg::Down, ExportStep::Format) => move_format(p, 1),
            (ExportMsg::Pick(format), ExportStep::Format) => {
                p.format = format;
                to_path(p);
            }
            (ExportMsg::Enter, ExportStep::Format) => to_path(p),
            (ExportMsg::Enter, ExportStep::Path) => return write(p, false),
            (ExportMsg::TogglePin, ExportStep::Path) => {
                p.include_secrets = choice(p.format).pin && !p.include_secrets;
            }
            (ExportMsg::Confirm, ExportStep::Replace(_)) => {
                p.step = ExportStep::Path;
                return write(p, true);
            }
            (ExportMsg::Back, ExportStep::Replace(_)) => p.step = ExportStep::Path,
            (ExportMsg::Back, ExportStep::Path) => {
                p.step = ExportStep::Format;
                p.error = None;
            }
            (ExportMsg::Back, ExportStep::Format) => return vec![Effect::Close],
            _ => {}
        }
        Vec::new()
    }

    /// A key for the path input.
    fn edit(&mut self, key: KeyEvent) {
        if self.step == ExportStep::Path
            && let Some(request) = request_for(&key)
        {
            self.path.handle(request);
            self.error = None;
        }
    }

    fn paste(&mut self, text: &str) {
        if self.step == ExportStep::Path {
            self.path.insert_str(text.replace(['\r', '\n'], " ").trim());
            self.error = None;
        }
    }
}

fn move_format(p: &mut ExportPage, delta: isize) {
    let at = CHOICES
        .iter()
        .position(|c| c.format == p.format)
        .unwrap_or(0);
    let to = at.saturating_add_signed(delta).min(CHOICES.len() - 1);
    p.format = CHOICES[to].format;
}

/// On to the path: a file name offered for the format, unless the user typed one of their own.
fn to_path(p: &mut ExportPage) {
    let typed = p.path.value().trim();
    let offered = typed.is_empty()
        || CHOICES
            .iter()
            .any(|c| typed == default_file_name(&p.order_id, c.format));
    if offered {
        p.path = TextField::new(&default_file_name(&p.order_id, p.format));
    }
    if !choice(p.format).pin {
        p.include_secrets = false;
    }
    p.error = None;
    p.step = ExportStep::Path;
}

fn write(p: &mut ExportPage, overwrite: bool) -> Vec<Effect> {
    let path = p.path.value().trim();
    if path.is_empty() {
        p.error = Some("Give a file name to write to.".into());
        return Vec::new();
    }
    p.error = None;
    vec![Effect::Export {
        order_id: p.order_id.clone(),
        format: p.format,
        path: PathBuf::from(path),
        include_secrets: p.include_secrets && choice(p.format).pin,
        overwrite,
    }]
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_key_is_bound_twice() {
        assert_eq!(crate::tui::keymap::has_no_duplicate(super::KEYS), Ok(()));
    }
}
