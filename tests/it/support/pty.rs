//! A pseudo-terminal harness for end-to-end tests of the real binary: spawn it with an
//! environment, send keys, wait until the screen shows something, read the screen.
//!
//! ```ignore
//! let mut app = PtySession::spawn(env!("CARGO_BIN_EXE_portwiz"), &[], &[("PORTWIZ_DATA_DIR", dir)], 100, 30)?;
//! app.wait_for("Order history", TIMEOUT)?;
//! app.send_then(keys::ENTER, "Press u to update", TIMEOUT)?; // the screen the key makes
//! app.send("q");
//! let status = app.wait_exit(TIMEOUT)?;
//! ```

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A generous default for CI machines under load.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The bytes terminals send for common keys.
pub mod keys {
    pub const ENTER: &str = "\r";
    pub const ESC: &str = "\x1b";
    pub const TAB: &str = "\t";
    pub const BACKTAB: &str = "\x1b[Z";
    pub const BACKSPACE: &str = "\x7f";
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const RIGHT: &str = "\x1b[C";
    pub const LEFT: &str = "\x1b[D";
    pub const PAGE_UP: &str = "\x1b[5~";
    pub const PAGE_DOWN: &str = "\x1b[6~";
    pub const CTRL_C: &str = "\x03";
    pub const CTRL_S: &str = "\x13";
    pub const CTRL_U: &str = "\x15";
    pub const CTRL_N: &str = "\x0e";

    /// Text wrapped in bracketed-paste markers, as a terminal sends a paste.
    pub fn paste(text: &str) -> String {
        format!("\x1b[200~{text}\x1b[201~")
    }
}

pub struct PtySession {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for tests that look for escape sequences.
    raw: Arc<Mutex<Vec<u8>>>,
}

impl PtySession {
    /// Start `program` with `args` in a `cols`×`rows` terminal. The environment is the test's,
    /// with `TERM=xterm-256color` and `env` added on top.
    pub fn spawn<V: AsRef<OsStr>>(
        program: impl AsRef<OsStr>,
        args: &[&str],
        env: &[(&str, V)],
        cols: u16,
        rows: u16,
    ) -> Result<PtySession, String> {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("openpty: {e}"))?;
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        // History times are shown in the zone of `TZ`: no test reads the machine's (a test
        // may set another in `env`).
        command.env("TZ", "UTC");
        // History entries are signed with who made them: no test reads the machine's user.
        command.env("PORTWIZ_USER", "tester");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty
            .slave
            .spawn_command(command)
            .map_err(|e| format!("spawn: {e}"))?;
        drop(pty.slave);
        let mut reader = pty
            .master
            .try_clone_reader()
            .map_err(|e| format!("reader: {e}"))?;
        let writer = pty
            .master
            .take_writer()
            .map_err(|e| format!("writer: {e}"))?;
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (parser_in, raw_in) = (Arc::clone(&parser), Arc::clone(&raw));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if let Ok(mut p) = parser_in.lock() {
                            p.process(&buf[..n]);
                        }
                        if let Ok(mut r) = raw_in.lock() {
                            r.extend_from_slice(&buf[..n]);
                        }
                    }
                }
            }
        });
        Ok(PtySession {
            child,
            writer,
            master: pty.master,
            parser,
            raw,
        })
    }

    /// Send keys or text (see [`keys`]).
    pub fn send(&mut self, text: &str) {
        let _ = self.writer.write_all(text.as_bytes());
        let _ = self.writer.flush();
    }

    /// The screen as text, one line a row.
    pub fn screen(&self) -> String {
        self.parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Whether the program has the alternate screen on.
    pub fn in_alternate_screen(&self) -> bool {
        self.parser
            .lock()
            .map(|p| p.screen().alternate_screen())
            .unwrap_or(false)
    }

    /// Everything the program wrote so far.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// Wait until the screen contains `needle`; on timeout, the error shows the screen.
    pub fn wait_for(&self, needle: &str, timeout: Duration) -> Result<String, String> {
        self.wait_until(timeout, |screen| screen.contains(needle))
            .map_err(|screen| format!("timed out waiting for {needle:?}; the screen:\n{screen}"))
    }

    /// Send keys, then wait until the screen shows their effect: `needle` on a screen that has
    /// changed since they were sent. A needle already on screen proves nothing (the program may
    /// not have read the keys yet), and keys sent before the program reads the last ones may be
    /// read with them (Esc and `q` at once are Alt-q to any terminal program): every step waits
    /// for the screen its keys make. A key that changes nothing on screen times out here: send
    /// it with [`send`](Self::send) and wait for what shows it was read.
    pub fn send_then(
        &mut self,
        keys: &str,
        needle: &str,
        timeout: Duration,
    ) -> Result<String, String> {
        let before = self.state();
        self.send(keys);
        let start = Instant::now();
        loop {
            let now = self.state();
            if now != before && now.0.contains(needle) {
                return Ok(now.0);
            }
            if start.elapsed() > timeout {
                let changed = if now == before {
                    "the screen did not change"
                } else {
                    "not shown"
                };
                return Err(format!(
                    "after {keys:?}, timed out waiting for {needle:?} ({changed}); the screen:\n{}",
                    now.0
                ));
            }
            thread::sleep(Duration::from_millis(25));
        }
    }

    /// The screen's text and where its cursor is (a key may move only the cursor).
    fn state(&self) -> (String, (u16, u16), bool) {
        self.parser
            .lock()
            .map(|p| {
                let screen = p.screen();
                (
                    screen.contents(),
                    screen.cursor_position(),
                    screen.hide_cursor(),
                )
            })
            .unwrap_or_default()
    }

    /// Wait until `done(screen)` holds; on timeout, returns the last screen as the error.
    pub fn wait_until(
        &self,
        timeout: Duration,
        done: impl Fn(&str) -> bool,
    ) -> Result<String, String> {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return Ok(screen);
            }
            if start.elapsed() > timeout {
                return Err(screen);
            }
            thread::sleep(Duration::from_millis(25));
        }
    }

    /// Tell the program its terminal changed size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let _ = self.master.resize(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        });
        if let Ok(mut p) = self.parser.lock() {
            p.screen_mut().set_size(rows, cols);
        }
    }

    /// Wait for the program to end; kills it on timeout.
    pub fn wait_exit(&mut self, timeout: Duration) -> Result<ExitStatus, String> {
        let start = Instant::now();
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => {
                    self.drain_output();
                    return Ok(status);
                }
                Ok(None) if start.elapsed() > timeout => {
                    let _ = self.child.kill();
                    return Err(format!(
                        "the program did not exit; the screen:\n{}",
                        self.screen()
                    ));
                }
                Ok(None) => thread::sleep(Duration::from_millis(25)),
                Err(e) => return Err(format!("wait: {e}")),
            }
        }
    }
}

impl PtySession {
    /// After the program exits, its last bytes may still be on their way through the reader
    /// thread: wait until the output stops growing (at most two seconds).
    fn drain_output(&self) {
        let len = || self.raw.lock().map(|r| r.len()).unwrap_or(0);
        let start = Instant::now();
        let mut last = len();
        while start.elapsed() < Duration::from_secs(2) {
            thread::sleep(Duration::from_millis(150));
            let now = len();
            if now == last {
                return;
            }
            last = now;
        }
    }
}

impl Drop for PtySession {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
