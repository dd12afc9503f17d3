//! "Export" (`e` on an order's page): choose a format, a path (pre-filled with a file name in the
//! current folder) and whether the PIN goes in, then ask the runtime to write the file
//! (`Effect::Export`). The screen's state, keys and `update` are here; its view in [`view`].

mod view;

use crate::domain::export::Format;
use crate::domain::export::several;
use crate::tui::app::{App, Context, Message, OrderKey};
use crate::tui::keymap::{Action, Binding, both, ch, ctrl, help, key, summary};
use crate::tui::layout::Drawn;
use crate::tui::msg::{Effect, MarkedExport, Msg, ScreenId};
use crate::tui::screen::Component;
use crate::tui::text::one_line;
use crate::tui::widgets::input::{TextField, request_for};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::path::PathBuf;
use tui_input::InputRequest;

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
    /// The one order exported; empty when the dialog exports `orders`.
    pub order_id: String,
    /// From the history: the marked orders, exported together (JSON and CSV in one file, the
    /// other formats a file each in a folder).
    pub orders: Vec<OrderKey>,
    pub format: Format,
    /// The formats offered ([`offered`]), the first chosen at first.
    pub formats: Vec<Format>,
    pub step: ExportStep,
    pub path: TextField,
    /// Put the PIN in the file (JSON, text and the packet's field sheet only).
    pub include_secrets: bool,
    /// Why the last try wrote nothing, in words.
    pub error: Option<String>,
    /// The folder the offered file names go in (`App::export_dir`).
    pub folder: Option<PathBuf>,
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

/// What keys mean in the export dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportMsg {
    Up,
    Down,
    /// The first letter of a format: choose it and go on to the path.
    Pick(Format),
    /// Choose the format under the cursor, or write the file.
    Enter,
    /// Ctrl-P: put the PIN in the file, or not (JSON, text, the packet's field sheet).
    TogglePin,
    /// Ctrl-U: clear the path.
    ClearPath,
    /// `y`: replace the existing file.
    Confirm,
    /// Esc: back one step, or close the dialog.
    Back,
}

use Action::{Global as G, Own as O};
use Context as C;
use ExportMsg as E;

#[rustfmt::skip]
pub static KEYS: &[Binding<Action<ExportMsg>>] = &[
    // Choosing the format (j is JSON here: ↑↓ move).
    summary(C::ExportFormat, &[key(KeyCode::Up), key(KeyCode::Down)], "Move"),
    help(C::ExportFormat, &[key(KeyCode::Down)], O(E::Down), "Next format"),
    help(C::ExportFormat, &[key(KeyCode::Up)], O(E::Up), "Previous format"),
    both(C::ExportFormat, &[key(KeyCode::Enter)], O(E::Enter), "Export in the format under the cursor: on to the file name", "Choose"),
    summary(C::ExportFormat, &[ch('t'), ch('l'), ch('p'), ch('c'), ch('s'), ch('j'), ch('a'), ch('h')], "Format"),
    // A format's key: its description is the format's title (`domain::export::Format`).
    help(C::ExportFormat, &[ch('t')], O(E::Pick(Format::Text)), Format::Text.title()),
    help(C::ExportFormat, &[ch('l')], O(E::Pick(Format::Loa)), Format::Loa.title()),
    help(C::ExportFormat, &[ch('p')], O(E::Pick(Format::LoaPdf)), Format::LoaPdf.title()),
    help(C::ExportFormat, &[ch('c')], O(E::Pick(Format::Csv)), Format::Csv.title()),
    help(C::ExportFormat, &[ch('s')], O(E::Pick(Format::Case)), Format::Case.title()),
    help(C::ExportFormat, &[ch('j')], O(E::Pick(Format::Json)), Format::Json.title()),
    help(C::ExportFormat, &[ch('a')], O(E::Pick(Format::Powershell)), Format::Powershell.title()),
    help(C::ExportFormat, &[ch('h')], O(E::Pick(Format::Packet)), Format::Packet.title()),
    both(C::ExportFormat, &[key(KeyCode::Esc)], O(E::Back), "Cancel: back to the order's page", "Cancel"),
    both(C::ExportFormat, &[ch('?')], G(Msg::ToggleHelp), "Help: every key here", "Help"),
    // The path input (letters type).
    both(C::ExportPath, &[key(KeyCode::Enter)], O(E::Enter), "Write the file (asks before replacing one)", "Export"),
    both(C::ExportPath, &[ctrl('p')], O(E::TogglePin), "Put the PIN in the file, or leave it out (JSON, text and the packet's field sheet only)", "PIN"),
    help(C::ExportPath, &[ctrl('u')], O(E::ClearPath), "Clear the path"),
    both(C::ExportPath, &[key(KeyCode::Esc)], O(E::Back), "Back to the choice of format", "Back"),
    // The file exists.
    both(C::ExportReplace, &[ch('y')], O(E::Confirm), "Yes, replace the file", "Replace"),
    both(C::ExportReplace, &[ch('n'), key(KeyCode::Esc)], O(E::Back), "No, back to the path to choose another", "No"),
];

/// The key that picks `format` in the dialog, from the key table (`None`: it has none).
pub fn key_of(format: Format) -> Option<char> {
    KEYS.iter()
        .find(|b| b.action == Some(O(E::Pick(format))))
        .and_then(|b| match b.keys.first()?.code {
            KeyCode::Char(c) => Some(c),
            _ => None,
        })
}

/// The formats the dialog offers, in [`Format::ALL`]'s order: for one order, those that apply
/// to it (the PowerShell script once a number is assigned); for several, the one-file formats
/// made from each order alone (no script, no packet).
pub fn offered(order: Option<&crate::domain::Order>, several: bool) -> Vec<Format> {
    Format::ALL
        .into_iter()
        .filter(|f| match (several, order) {
            (true, _) => !f.writes_folder() && *f != Format::Powershell,
            (false, Some(order)) => f.applies_to(order),
            (false, None) => *f != Format::Powershell,
        })
        .collect()
}

/// The path offered for a format: its file name in `folder`, or alone (the current folder).
pub fn default_path(folder: Option<&std::path::Path>, order_id: &str, format: Format) -> String {
    let name = default_file_name(order_id, format);
    match folder {
        Some(folder) => folder.join(name).display().to_string(),
        None => name,
    }
}

pub fn default_file_name(order_id: &str, format: Format) -> String {
    crate::domain::export::several::file_name(order_id, format)
}

impl Component for ExportPage {
    type Msg = ExportMsg;
    const ID: ScreenId = ScreenId::Export;

    /// `e` on an order's page: the dialog over it. Without an order (`e` on the history): the
    /// marked orders, else the selected one.
    fn open(order_id: Option<&str>, app: &mut App) -> Option<ExportPage> {
        let (order_id, orders) = match order_id {
            Some(id) => (
                app.orders.iter().find(|s| s.id() == id)?.id().to_string(),
                Vec::new(),
            ),
            None => match app.targets().as_slice() {
                [] => return None,
                [one] => (one.id().to_string(), Vec::new()),
                many => (String::new(), many.iter().map(|s| app.key_of(s)).collect()),
            },
        };
        let formats = offered(app.loaded.get(&order_id), !orders.is_empty());
        let mut page = ExportPage {
            path: TextField::new(""),
            order_id,
            orders,
            format: formats.first().copied().unwrap_or(Format::Text),
            formats,
            step: ExportStep::Format,
            include_secrets: false,
            error: None,
            folder: app.export_dir.clone(),
        };
        page.path = TextField::new(&page.offered_path(page.format));
        Some(page)
    }

    fn order_id(&self) -> Option<&str> {
        (!self.order_id.is_empty()).then_some(self.order_id.as_str())
    }

    fn over_below(&self) -> bool {
        true
    }

    fn context(&self, _app: &App) -> Context {
        match self.step {
            ExportStep::Format => C::ExportFormat,
            ExportStep::Path => C::ExportPath,
            ExportStep::Replace(_) => C::ExportReplace,
        }
    }

    const KEYS: &'static [Binding<Action<ExportMsg>>] = KEYS;

    fn name(&self, _app: &App) -> &'static str {
        "export"
    }

    fn title(&self, app: &App) -> String {
        match self.orders.len() {
            0 => format!("{} › Export", app.order_name(&self.order_id)),
            n => format!("Order history › Export {n} orders"),
        }
    }

    fn takes_text(&self, _app: &App) -> bool {
        self.step == ExportStep::Path
    }

    fn offers(&self, msg: &ExportMsg, _app: &App) -> bool {
        match msg {
            E::TogglePin => self.format.may_hold_the_pin(),
            E::Pick(format) => self.formats.contains(format),
            _ => true,
        }
    }

    /// Esc on the choice of format closes the dialog (from the path it goes back to the
    /// format, keeping the path).
    fn leaves(&self, msg: &ExportMsg) -> bool {
        *msg == E::Back && self.step == ExportStep::Format
    }

    fn unsaved(&self, _app: &App) -> Option<&'static str> {
        self.typed_own_path()
            .then_some("The file name you typed for the export is not used yet.")
    }

    fn act(&mut self, msg: ExportMsg, _app: &mut App) -> Vec<Effect> {
        self.on_export(msg)
    }

    fn edit(&mut self, key: KeyEvent, _app: &mut App) -> Vec<Effect> {
        if let Some(request) = request_for(&key) {
            self.edit_path(request);
        }
        Vec::new()
    }

    fn update(&mut self, msg: Msg, app: &mut App) -> Vec<Effect> {
        match msg {
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
            Msg::MarkedExported(answer) if !self.orders.is_empty() => self.exported(answer, app),
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
    /// Whether the path is one the user typed, not a file name the dialog offered.
    fn typed_own_path(&self) -> bool {
        let typed = self.path.value().trim();
        !typed.is_empty() && !self.formats.iter().any(|f| typed == self.offered_path(*f))
    }

    /// Whether the path names a folder (several orders, a file each; the packet) rather than
    /// a file.
    pub fn to_folder(&self) -> bool {
        self.format.writes_folder()
            || (!self.orders.is_empty() && !several::is_combined(self.format))
    }

    /// The path offered for a format: the order's file name; for several orders in one file,
    /// a name that counts them; for a file each, the folder.
    fn offered_path(&self, format: Format) -> String {
        let folder = self.folder.as_deref();
        match self.orders.len() {
            0 => default_path(folder, &self.order_id, format),
            n if several::is_combined(format) => {
                let name = several::combined_file_name(n, format);
                folder.map_or(name.clone(), |f| f.join(&name).display().to_string())
            }
            _ => folder.map_or(".".to_string(), |f| f.display().to_string()),
        }
    }

    /// What the runtime answered for several orders: the dialog closes on success, asks before
    /// replacing, or says at the path why not.
    fn exported(&mut self, answer: MarkedExport, app: &mut App) -> Vec<Effect> {
        let count = self.orders.len();
        match answer {
            MarkedExport::Written(files) => {
                let (first, more) = (files.first().cloned().unwrap_or_default(), files.len());
                app.message = Some(Message::info(match more {
                    1 => format!("Exported {count} orders to {}", one_line(&first)),
                    n => format!(
                        "Exported {count} orders, a file each ({n} files) in {}",
                        one_line(self.path.value().trim())
                    ),
                }));
                vec![Effect::Close]
            }
            MarkedExport::Exists(files) => {
                self.step = ExportStep::Replace(existing_files(&files));
                Vec::new()
            }
            MarkedExport::Failed { written, reason } => {
                self.step = ExportStep::Path;
                self.error = Some(match written.len() {
                    0 => reason,
                    n => format!("{reason} ({n} files were written before it)"),
                });
                Vec::new()
            }
        }
    }

    fn on_export(&mut self, msg: ExportMsg) -> Vec<Effect> {
        let p = self;
        match (msg, p.step.clone()) {
            (ExportMsg::Up, ExportStep::Format) => move_format(p, -1),
            (ExportMsg::Down, ExportStep::Format) => move_format(p, 1),
            (ExportMsg::Pick(format), ExportStep::Format) if p.formats.contains(&format) => {
                p.format = format;
                to_path(p);
            }
            (ExportMsg::Enter, ExportStep::Format) => to_path(p),
            (ExportMsg::Enter, ExportStep::Path) => return write(p, false),
            (ExportMsg::ClearPath, ExportStep::Path) => p.edit_path(InputRequest::DeleteLine),
            (ExportMsg::TogglePin, ExportStep::Path) => {
                p.include_secrets = p.format.may_hold_the_pin() && !p.include_secrets;
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

    /// An edit of the path input.
    fn edit_path(&mut self, request: InputRequest) {
        if self.step == ExportStep::Path {
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

/// Files that exist, for the question before replacing them: one by its path; several by
/// their folder, count and the first names.
fn existing_files(files: &[String]) -> String {
    const NAMED: usize = 3;
    let path = |f: &String| std::path::Path::new(f).to_path_buf();
    match files {
        [one] => one_line(one),
        many => {
            let folder = path(&many[0])
                .parent()
                .map_or(String::new(), |d| d.display().to_string());
            let mut names: Vec<String> = many
                .iter()
                .take(NAMED)
                .filter_map(|f| {
                    path(f)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                })
                .collect();
            if many.len() > NAMED {
                names.push(format!("{} more", many.len() - NAMED));
            }
            one_line(&format!(
                "{} files in {folder} ({})",
                many.len(),
                names.join(", ")
            ))
        }
    }
}

fn move_format(p: &mut ExportPage, delta: isize) {
    let at = p.formats.iter().position(|f| *f == p.format).unwrap_or(0);
    let to = at
        .saturating_add_signed(delta)
        .min(p.formats.len().saturating_sub(1));
    if let Some(format) = p.formats.get(to) {
        p.format = *format;
    }
}

/// On to the path: a file name offered for the format, unless the user typed one of their own.
fn to_path(p: &mut ExportPage) {
    if !p.typed_own_path() {
        p.path = TextField::new(&p.offered_path(p.format));
    }
    if !p.format.may_hold_the_pin() {
        p.include_secrets = false;
    }
    p.error = None;
    p.step = ExportStep::Path;
}

fn write(p: &mut ExportPage, overwrite: bool) -> Vec<Effect> {
    let path = p.path.value().trim();
    if path.is_empty() {
        p.error = Some(if p.to_folder() {
            "Give the folder to write the files in.".into()
        } else {
            "Give a file name to write to.".into()
        });
        return Vec::new();
    }
    p.error = None;
    if !p.orders.is_empty() {
        return vec![Effect::ExportMarked {
            orders: p.orders.clone(),
            format: p.format,
            path: PathBuf::from(path),
            include_secrets: p.include_secrets && p.format.may_hold_the_pin(),
            overwrite,
        }];
    }
    vec![Effect::Export {
        order_id: p.order_id.clone(),
        format: p.format,
        path: PathBuf::from(path),
        include_secrets: p.include_secrets && p.format.may_hold_the_pin(),
        overwrite,
    }]
}
