//! Styles. With `NO_COLOR` set there are no colours: meaning stays in symbols, words, bold and
//! reversed video, which every style here also carries.

use crate::domain::Status;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colours unless `NO_COLOR` (its value, read by the runtime) is set to anything
    /// non-empty (no-color.org).
    pub fn for_no_color(no_color: Option<&std::ffi::OsStr>) -> Theme {
        Theme {
            color: no_color.is_none_or(|v| v.is_empty()),
        }
    }

    pub const fn plain() -> Theme {
        Theme { color: false }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// A field or step the carrier rejected ("! rejected by carrier").
    pub fn rejected(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    /// A warning ("⚠ …", "≠ CSR: …").
    pub fn warning(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The focused field, the current step, the selected line.
    pub fn focus(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// An editable input box.
    pub fn input(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Indexed(236))
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn status(&self, status: Status) -> Style {
        let color = match status {
            Status::Draft => Color::Gray,
            Status::Submitted => Color::Blue,
            Status::CustomerActionRequired => Color::Red,
            Status::SupportEngaged => Color::Magenta,
            Status::FocConfirmed => Color::Cyan,
            Status::Completed => Color::Green,
            Status::Cancelled => Color::DarkGray,
        };
        let style = self.fg(color);
        if status == Status::CustomerActionRequired {
            style.add_modifier(Modifier::BOLD)
        } else {
            style
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_meaning_stays_in_modifiers() {
        let plain = Theme::plain();
        for status in Status::ALL {
            assert_eq!(plain.status(status).fg, None, "{status:?}");
        }
        assert!(plain.rejected().add_modifier.contains(Modifier::BOLD));
        assert!(plain.selected().add_modifier.contains(Modifier::REVERSED));
        assert_eq!(plain.error().fg, None);
        let coloured = Theme { color: true };
        assert!(coloured.status(Status::CustomerActionRequired).fg.is_some());
    }
}
