//! `portwiz completions SHELL` and `portwiz man`: generated from the same clap command the
//! program parses with, so they never drift from it.

use super::Failure;
use super::console::Console;

/// A shell's completion script on stdout.
pub fn completions(shell: clap_complete::Shell, console: &mut Console) -> Result<(), Failure> {
    let mut command = super::args::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "portwiz", &mut script);
    console.print(&String::from_utf8_lossy(&script))
}

/// The manual page, as roff, on stdout (`portwiz man | man -l -`).
pub fn man(console: &mut Console) -> Result<(), Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(super::args::command())
        .render(&mut page)
        .map_err(Failure::Output)?;
    console.print(&String::from_utf8_lossy(&page))
}
