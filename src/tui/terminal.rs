//! The terminal: raw mode, the alternate screen and bracketed paste on entry; all of it undone on
//! every exit, on error, and on panic (a hook restores the terminal, then runs the previous hook).

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event, KeyCode, KeyEvent,
    KeyModifiers,
};
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

/// The events the user typed, from one the terminal read. A terminal sends Alt+key as Esc then the
/// key, so Esc followed at once by a key reads as Alt+key: typed quickly in tmux (which joins them
/// whenever the key follows within its `escape-time`, 500 ms by default), over a slow link, or by
/// a program. Alt means something only in a text field's word motions
/// ([`is_word_motion`](super::widgets::input::is_word_motion)); any other Alt+key is the Esc and
/// the key the user typed, so neither is lost.
pub fn typed(event: Event) -> Vec<Event> {
    let Event::Key(key) = event else {
        return vec![event];
    };
    // (Esc twice is one Esc already, in crossterm's reading: nothing to split.)
    let sent_after_esc = matches!(key.code, KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab);
    if !key.modifiers.contains(KeyModifiers::ALT)
        || !sent_after_esc
        || super::widgets::input::is_word_motion(&key)
    {
        return vec![Event::Key(key)];
    }
    let esc = KeyEvent::new_with_kind(KeyCode::Esc, KeyModifiers::NONE, key.kind);
    let mut plain = key;
    plain.modifiers.remove(KeyModifiers::ALT);
    vec![Event::Key(esc), Event::Key(plain)]
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

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn esc_and_a_key_read_together_are_both_typed() {
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        let alt_q = key(KeyCode::Char('q'), KeyModifiers::ALT);
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(typed(alt_q), vec![esc.clone(), q.clone()]);
        // Esc then Ctrl-C quits; Esc then Enter opens.
        let ctrl_alt_c = key(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        );
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(typed(ctrl_alt_c), vec![esc.clone(), ctrl_c]);
        let alt_enter = key(KeyCode::Enter, KeyModifiers::ALT);
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(typed(alt_enter), vec![esc.clone(), enter]);
        let alt_shift_n = key(KeyCode::Char('N'), KeyModifiers::ALT | KeyModifiers::SHIFT);
        let shift_n = key(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(typed(alt_shift_n), vec![esc, shift_n]);
        assert_eq!(typed(q.clone()), vec![q]);
    }

    #[test]
    fn a_text_fields_word_motions_and_alt_arrows_stay_alt() {
        for code in [KeyCode::Char('b'), KeyCode::Char('f'), KeyCode::Backspace] {
            let chord = key(code, KeyModifiers::ALT);
            assert_eq!(typed(chord.clone()), vec![chord]);
        }
        // Alt+arrow comes as one sequence of its own (ESC [ 1 ; 3 D), never Esc then a key.
        for code in [KeyCode::Left, KeyCode::Up, KeyCode::F(2)] {
            let chord = key(code, KeyModifiers::ALT);
            assert_eq!(typed(chord.clone()), vec![chord]);
        }
        assert_eq!(
            typed(Event::Paste("q".into())),
            vec![Event::Paste("q".into())]
        );
    }
}
