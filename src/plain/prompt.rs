//! Line-by-line conversation: print plain text, ask, read one line. No ANSI sequences, no
//! redraws; end of input is an answer of its own (`None`).

use std::io::{self, BufRead, Read, Write};

/// The longest line read, in bytes: a pasted list of 999 numbers fits many times over, and a
/// runaway input (a 50 MB line) is never held.
pub const LINE_LIMIT: usize = 64 * 1024;

pub struct Prompter<R, W> {
    input: R,
    output: W,
    /// Write each answer after its prompt: when the input is a pipe, nothing else shows it and
    /// the transcript would run prompts and messages together.
    echo: bool,
    /// Read secrets (the PIN) from the terminal without echo; off for pipes and tests.
    hide_secrets: bool,
}

impl<R: BufRead, W: Write> Prompter<R, W> {
    pub fn new(input: R, output: W, echo: bool) -> Self {
        Prompter {
            input,
            output,
            echo,
            hide_secrets: false,
        }
    }

    /// Whether the answers to [`Prompter::ask_secret`] come from the terminal without echo.
    pub fn hiding_secrets(mut self, hide: bool) -> Self {
        self.hide_secrets = hide;
        self
    }

    /// Whether what is typed for a secret is kept off the screen.
    pub fn hides_secrets(&self) -> bool {
        self.hide_secrets
    }

    /// Like [`Prompter::ask`] for a secret: on a terminal the typing is not shown; over a pipe
    /// the echoed answer is masked.
    pub fn ask_secret(&mut self, prompt: &str) -> io::Result<Option<String>> {
        if !self.hide_secrets {
            let echo = std::mem::replace(&mut self.echo, false);
            let answer = self.ask(prompt);
            self.echo = echo;
            let answer = answer?;
            if echo && let Some(line) = &answer {
                self.say(crate::domain::secret::Secret::new(line.as_str()).masked())?;
            }
            return Ok(answer);
        }
        self.output.write_all(prompt.as_bytes())?;
        self.output.flush()?;
        match rpassword::read_password() {
            Ok(line) => Ok(Some(line)),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                self.say("")?;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// One line of text.
    pub fn say(&mut self, text: impl AsRef<str>) -> io::Result<()> {
        self.output.write_all(text.as_ref().as_bytes())?;
        self.output.write_all(b"\n")
    }

    /// Print the prompt (no line break) and read one line, without its line ending. `None` at
    /// the end of input. Bytes that are not UTF-8 become U+FFFD rather than an error. A line
    /// longer than `LINE_LIMIT` is read through without being kept, said, and asked again.
    pub fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        loop {
            self.output.write_all(prompt.as_bytes())?;
            self.output.flush()?;
            let mut bytes = Vec::new();
            let read = (&mut self.input)
                .take(LINE_LIMIT as u64 + 1)
                .read_until(b'\n', &mut bytes)?;
            if read == 0 {
                self.say("")?;
                return Ok(None);
            }
            if bytes.len() > LINE_LIMIT {
                self.skip_line()?;
                self.say(format!(
                    "That line is longer than {} KiB and was not used; answer again.",
                    LINE_LIMIT / 1024
                ))?;
                continue;
            }
            let line = String::from_utf8_lossy(&bytes);
            let line = line.trim_end_matches(['\n', '\r']).to_string();
            if self.echo {
                self.say(crate::domain::sanitize::for_terminal(&line))?;
            }
            return Ok(Some(line));
        }
    }

    /// The rest of a line, read and dropped, a buffer at a time.
    fn skip_line(&mut self) -> io::Result<()> {
        loop {
            let buffer = self.input.fill_buf()?;
            if buffer.is_empty() {
                return Ok(());
            }
            match buffer.iter().position(|b| *b == b'\n') {
                Some(at) => {
                    self.input.consume(at + 1);
                    return Ok(());
                }
                None => {
                    let len = buffer.len();
                    self.input.consume(len);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(input: &[u8], echo: bool) -> (Option<String>, String) {
        let mut output = Vec::new();
        let answer = Prompter::new(input, &mut output, echo).ask("? ").unwrap();
        (answer, String::from_utf8(output).unwrap())
    }

    #[test]
    fn a_line_over_the_limit_is_not_kept_and_the_next_one_is_the_answer() {
        let mut input = vec![b'x'; LINE_LIMIT * 3];
        input.extend(b"\nFabrikam\n");
        let (answer, output) = asked(&input, false);
        assert_eq!(answer.as_deref(), Some("Fabrikam"));
        assert!(output.contains("longer than 64 KiB"), "{output}");
        let (answer, _) = asked(&vec![b'y'; LINE_LIMIT], false);
        assert_eq!(answer.map(|a| a.len()), Some(LINE_LIMIT));
    }

    #[test]
    fn the_echo_shows_no_hidden_character() {
        let (answer, output) = asked("Fab\u{200b}rikam\u{feff}\n".as_bytes(), true);
        assert_eq!(answer.as_deref(), Some("Fab\u{200b}rikam\u{feff}"));
        assert!(output.ends_with("? Fabrikam\n"), "{output:?}");
    }
}
