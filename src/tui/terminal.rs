//! The terminal: raw mode, the alternate screen and bracketed paste on entry; all of it undone on
//! every exit, on error, and on panic (a hook restores the terminal, then runs the previous hook).

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout, Write};

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Enter the app's terminal mode. On failure, whatever was switched on is switched off again.
pub fn enter() -> io::Result<Tui> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    let entered = execute!(
        stdout,
        EnterAlternateScreen,
        EnableBracketedPaste,
        DisableMouseCapture,
        cursor::Hide
    )
    .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
    match entered {
        Ok(terminal) => Ok(terminal),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Leave the app's terminal mode; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = write_restore_sequences(&mut io::stdout());
}

/// The escape sequences that undo `enter` (raw mode is a termios setting, not a sequence).
pub fn write_restore_sequences(out: &mut impl Write) -> io::Result<()> {
    execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    )?;
    out.flush()
}

/// Restore the terminal before the previous panic hook prints, so the message is readable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Restores the terminal when dropped, so an early return or `?` leaves it as it was.
pub struct RestoreGuard;

impl Drop for RestoreGuard {
    fn drop(&mut self) {
        restore();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restore_leaves_the_alternate_screen_and_paste_mode_and_shows_the_cursor() {
        let mut out = Vec::new();
        let written = write_restore_sequences(&mut out);
        assert!(written.is_ok());
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.contains("\x1b[?1049l"),
            "leave alternate screen: {text:?}"
        );
        assert!(
            text.contains("\x1b[?2004l"),
            "bracketed paste off: {text:?}"
        );
        assert!(text.contains("\x1b[?25h"), "cursor shown: {text:?}");
    }
}
