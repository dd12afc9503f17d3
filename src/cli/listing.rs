//! What `list` and `list --all-tenants` share: the status filter and who reads the list.

use super::Failure;
use super::console::Console;
use super::output;
use crate::domain::Status;

/// `list --status S`: a status, or "waiting on you" as the app's `f` offers it.
pub(super) type StatusFilter = Option<Box<dyn Fn(Status) -> bool>>;

pub(super) fn status_filter(status: Option<String>) -> Result<StatusFilter, Failure> {
    Ok(match status {
        None => None,
        Some(s) if s.trim().to_lowercase().replace(['_', '-'], " ") == "waiting on you" => {
            Some(Box::new(Status::waits_on_user))
        }
        Some(s) => {
            let only = s
                .parse::<Status>()
                .map_err(|e| Failure::Input(e.to_string()))?;
            Some(Box::new(move |st| st == only))
        }
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
