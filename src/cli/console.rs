//! The only way the command line writes to stdout and stderr. Every text passes the sanitizer on
//! its way out, whatever it holds (an id from a file name, a value echoed in a refusal, a path),
//! so no command can print a raw escape sequence by forgetting to clean one value; and every
//! write to stdout is checked, so `portwiz list > /dev/full` fails instead of losing the list.
//!
//! `print!`, `println!`, `eprint!` and `eprintln!` are refused by clippy (clippy.toml) and the
//! command code never touches `std::io::stdout()` itself (a test greps for it): this type is the
//! one door.

use super::Failure;
use crate::domain::sanitize::{clean_keeping_crlf, is_invisible, one_line};
use std::io::{self, Write};

pub struct Console<'a> {
    out: Box<dyn Write + 'a>,
    err: Box<dyn Write + 'a>,
    /// stderr is a terminal: a long echoed value is shortened so a message stays one line
    /// (`sanitize::shorten_echo`); piped, every byte of it is kept.
    err_on_terminal: bool,
}

impl<'a> Console<'a> {
    pub fn new(out: impl Write + 'a, err: impl Write + 'a) -> Self {
        Console {
            out: Box::new(out),
            err: Box::new(err),
            err_on_terminal: false,
        }
    }

    /// The process's own stdout and stderr.
    pub fn stdio() -> Console<'static> {
        Console::new(io::stdout(), io::stderr())
            .err_on_terminal(io::IsTerminal::is_terminal(&io::stderr()))
    }

    /// Say whether stderr is a terminal (its messages' long echoes are then shortened).
    pub fn err_on_terminal(mut self, on_terminal: bool) -> Self {
        self.err_on_terminal = on_terminal;
        self
    }

    /// The width of the terminal stdout is, when it is one: what `list` fits its columns to.
    pub fn out_width() -> Option<usize> {
        Self::out_is_terminal()
            .then(|| crossterm::terminal::size().ok())
            .flatten()
            .map(|(columns, _)| usize::from(columns))
    }

    /// Whether stdout is a terminal (people read it) rather than a pipe or a file.
    pub fn out_is_terminal() -> bool {
        io::IsTerminal::is_terminal(&io::stdout())
    }

    /// Whether both stdin and stdout are a terminal: what the full-screen app needs.
    pub fn has_terminal() -> bool {
        io::IsTerminal::is_terminal(&io::stdin()) && Self::out_is_terminal()
    }

    /// `text` on stdout, cleaned (a CSV's `\r\n` line ends stay; zero-width characters and
    /// byte-order marks go), written and flushed; a failed write is the command's failure.
    pub fn print(&mut self, text: &str) -> Result<(), Failure> {
        let mut text = clean_keeping_crlf(text);
        text.retain(|c| !is_invisible(c));
        self.out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.flush())
            .map_err(Failure::Output)
    }

    /// A binary file's bytes on stdout, as they are (the caller made sure stdout is not a
    /// terminal), written and flushed.
    pub fn print_binary(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.out
            .write_all(bytes)
            .and_then(|()| self.out.flush())
            .map_err(Failure::Output)
    }

    /// One line on stderr, cleaned, and one line only: a line break inside (an echoed
    /// argument's) is shown as `\n`. A failure to write there cannot be told anywhere: ignored.
    pub fn say(&mut self, line: &str) {
        let mut text = one_line(line);
        if self.err_on_terminal {
            text = crate::domain::sanitize::shorten_echo(&text);
        }
        text.push('\n');
        let _ = self.err.write_all(text.as_bytes());
        let _ = self.err.flush();
    }

    /// One line on the process's own stderr, cleaned, for code that has no console at hand (the
    /// store's notice that it waits for another portwiz's lock).
    pub fn say_on_stderr(line: &str) {
        Console::stdio().say(line);
    }

    /// A failed command's reasons on stderr, each after `portwiz: `; nothing for a closed stdout.
    pub fn report(&mut self, failure: &Failure) {
        for line in failure.lines() {
            self.say(&format!("portwiz: {line}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stdout that refuses every write with `kind`.
    struct Refusing(io::ErrorKind);

    impl Write for Refusing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from(self.0))
        }
    }

    /// The one-door rule, beyond what clippy sees: no command code takes stdout or stderr itself.
    #[test]
    fn nothing_but_the_console_touches_stdout_or_stderr() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src.join("main.rs")];
        for entry in std::fs::read_dir(src.join("cli")).unwrap().flatten() {
            if entry.file_name() != "console.rs" {
                files.push(entry.path());
            }
        }
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for door in ["io::stdout", "io::stderr", "std::io::Std"] {
                assert!(!text.contains(door), "{} uses {door}", file.display());
            }
        }
    }

    #[test]
    fn a_long_echo_is_shortened_on_a_terminal_and_kept_whole_in_a_pipe() {
        let long = "x".repeat(500);
        let line = format!("portwiz: unknown field key `{long}`");
        for (on_terminal, whole) in [(true, false), (false, true)] {
            let mut err = Vec::new();
            Console::new(io::sink(), &mut err)
                .err_on_terminal(on_terminal)
                .say(&line);
            let said = String::from_utf8_lossy(&err).into_owned();
            assert_eq!(said == format!("{line}\n"), whole, "{said}");
            assert_eq!(said.lines().count(), 1);
        }
    }

    #[test]
    fn both_streams_are_cleaned() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut console = Console::new(&mut out, &mut err);
        console
            .print("PO-\u{1b}]52;c;eA==\u{7}X\u{9b}2J\r\n")
            .unwrap();
        console.say("bad value `\u{202e}\u{1b}[2J`");
        drop(console);
        assert_eq!(String::from_utf8(out).unwrap(), "PO-\u{FFFD}X\u{FFFD}\r\n");
        assert_eq!(
            String::from_utf8(err).unwrap(),
            "bad value `\u{FFFD}\u{FFFD}`\n"
        );
    }

    #[test]
    fn a_full_disk_is_a_failure_with_a_message_and_a_closed_pipe_is_quiet() {
        let mut console = Console::new(Refusing(io::ErrorKind::StorageFull), io::sink());
        let full = console.print("x\n").unwrap_err();
        assert_eq!(full.exit_code(), 1);
        assert!(full.lines()[0].contains("cannot write to standard output"));
        let mut console = Console::new(Refusing(io::ErrorKind::BrokenPipe), io::sink());
        let closed = console.print("x\n").unwrap_err();
        assert!(closed.lines().is_empty());
        assert_eq!(closed.exit_code(), super::super::CLOSED_PIPE_EXIT);
    }
}
