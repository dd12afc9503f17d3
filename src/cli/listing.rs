//! What `list` and `list --all-tenants` share: the status filter and who reads the list.

use super::Failure;
use super::console::Console;
use super::output;
use crate::domain::status::{StatusFilter, UnknownStatus};

/// `list --status S`: which orders it lists (`domain::status::StatusFilter` says what S means).
pub(super) fn status_filter(status: Option<String>) -> Result<StatusFilter, Failure> {
    status.map_or(Ok(StatusFilter::All), |s| {
        s.parse()
            .map_err(|e: UnknownStatus| Failure::Input(e.to_string()))
    })
}

/// Who reads `list` now: people at a terminal, or a program.
pub(super) fn list_reader() -> output::ListReader {
    match (Console::out_is_terminal(), Console::out_width()) {
        (false, _) => output::ListReader::Program,
        (true, width) => output::ListReader::People {
            width: width.unwrap_or(usize::MAX),
        },
    }
}
