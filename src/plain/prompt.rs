//! Line-by-line conversation: print plain text, ask, read one line. No ANSI sequences, no
//! redraws; end of input is an answer of its own (`None`).

use std::io::{self, BufRead, Write};

pub struct Prompter<R, W> {
    input: R,
    output: W,
    /// Write each answer after its prompt: when the input is a pipe, nothing else shows it and
    /// the transcript would run prompts and messages together.
    echo: bool,
}

impl<R: BufRead, W: Write> Prompter<R, W> {
    pub fn new(input: R, output: W, echo: bool) -> Self {
        Prompter {
            input,
            output,
            echo,
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
