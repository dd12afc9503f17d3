//! Styles by meaning. The wizard asks for a style by what it says (an error, a rejected field, the
//! focus), never for a colour, so `NO_COLOR` changes only this file: then every style falls back
//! to bold, reversed or underlined, and the words and symbols beside them carry the meaning.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Theme {
    pub no_color: bool,
}

impl Theme {
    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.no_color { plain } else { colored }
    }

    /// A blocking problem ("✗ …").
    pub fn error(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A warning ("⚠ …", "≠ CSR: …").
    pub fn warning(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A field or step the carrier rejected ("! rejected by carrier").
    pub fn rejected(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// Something done or right ("✓ complete", "✓ valid").
    pub fn ok(&self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    /// The focused field, the current step, the selected line.
    pub fn focus(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    /// An editable input box.
    pub fn input(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Indexed(236)),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// Help text, hints, things of less weight.
    pub fn dim(&self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray), Style::new())
    }

    /// Titles and headings.
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}
