//! Line-by-line conversation: print plain text, ask, read one line. No ANSI sequences, no
//! redraws; end of input is an answer of its own (`None`).

use std::io::{self, BufRead, Write};

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
    /// the end of input. Bytes that are not UTF-8 become U+FFFD rather than an error.
    pub fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        self.output.write_all(prompt.as_bytes())?;
        self.output.flush()?;
        let mut bytes = Vec::new();
        if self.input.read_until(b'\n', &mut bytes)? == 0 {
            self.say("")?;
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&bytes);
        let line = line.trim_end_matches(['\n', '\r']).to_string();
        if self.echo {
            self.say(crate::domain::sanitize::clean(&line))?;
        }
        Ok(Some(line))
    }
}
