//! "Export" (`e` on an order's page): choose a format, a path (pre-filled with a file name in the
//! current folder) and whether the PIN goes in, then ask the runtime to write the file. This is
//! the dialog's part of `update` (pure: writing is `Effect::Export`); the view is `view::export`.

use super::app::{App, ExportPage, ExportStep, Message, Screen};
use super::msg::{Effect, ExportMsg};
use super::text::one_line;
use super::wizard::input::{TextField, request_for};
use crate::domain::export::Format;
use crossterm::event::KeyEvent;
use std::path::PathBuf;

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

fn page(app: &mut App) -> Option<&mut ExportPage> {
    match app.screens.last_mut() {
        Some(Screen::Export(p)) => Some(p),
        _ => None,
    }
}

/// The export dialog on top for this order, if it is.
fn page_for<'a>(app: &'a mut App, order_id: &str) -> Option<&'a mut ExportPage> {
    page(app).filter(|p| p.order_id == order_id)
}

pub fn update(app: &mut App, msg: ExportMsg) -> Vec<Effect> {
    let Some(p) = page(app) else {
        return Vec::new();
    };
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
        (ExportMsg::Back, ExportStep::Format) => {
            app.screens.pop();
        }
        _ => {}
    }
    Vec::new()
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

/// The runtime wrote the file: close the dialog and say where it went.
pub fn exported(app: &mut App, order_id: &str, path: &str) {
    if page_for(app, order_id).is_some() {
        app.screens.pop();
    }
    app.message = Some(Message {
        text: format!("Exported to {}", one_line(path)),
        is_error: false,
    });
}

/// The file exists: ask before replacing it.
pub fn exists(app: &mut App, order_id: &str, path: &str) {
    if let Some(p) = page_for(app, order_id) {
        p.step = ExportStep::Replace(path.to_string());
    }
}

/// Nothing was written: the reason at the dialog, the path kept for correction.
pub fn failed(app: &mut App, order_id: &str, reason: &str) {
    match page_for(app, order_id) {
        Some(p) => {
            p.step = ExportStep::Path;
            p.error = Some(reason.to_string());
        }
        None => {
            app.message = Some(Message {
                text: format!("Nothing was exported: {}", one_line(reason)),
                is_error: true,
            });
        }
    }
}

/// A key for the path input.
pub fn edit(app: &mut App, key: KeyEvent) {
    if let Some(p) = page(app)
        && p.step == ExportStep::Path
        && let Some(request) = request_for(&key)
    {
        p.path.handle(request);
        p.error = None;
    }
}

pub fn paste(app: &mut App, text: &str) {
    if let Some(p) = page(app)
        && p.step == ExportStep::Path
    {
        p.path.insert_str(text.replace(['\r', '\n'], " ").trim());
        p.error = None;
    }
}
