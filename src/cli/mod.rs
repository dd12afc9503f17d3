//! The non-interactive subcommands, thin over `domain` and `store`.

pub mod args;
mod assign;
mod calendar;
mod commands;
pub mod console;
mod countries_help;
mod docs;
mod export_file;
pub mod input;
mod listing;
mod move_out;
mod note;
mod output;
mod packet;
mod reconcile;
pub mod rejection;
mod report;
mod split;
pub mod stats;
pub mod tenants;
mod today;

pub use args::{Cli, Command};
pub use commands::{run, system_clock as commands_clock};
pub use console::Console;

/// The exit code after stdout was closed (a reader such as `head` stopped reading): what the shell
/// reports for a Unix tool ended by SIGPIPE, 128 + 13.
pub const CLOSED_PIPE_EXIT: u8 = 141;

/// How a command failed, and so its exit code (docs/command-line.md).
#[derive(Debug)]
pub enum Failure {
    /// The action was refused (validation, wrong status): exit 1.
    Refused(Vec<String>),
    /// Usage or input errors: exit 2.
    Input(String),
    /// Writing to stdout failed (a full disk: exit 1, said; a closed pipe: quiet).
    Output(std::io::Error),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Refused(_) => 1,
            Failure::Input(_) => 2,
            Failure::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe => CLOSED_PIPE_EXIT,
            Failure::Output(_) => 1,
        }
    }

    pub fn lines(&self) -> Vec<String> {
        match self {
            Failure::Refused(reasons) => reasons.clone(),
            Failure::Input(message) => vec![message.clone()],
            // Like other Unix tools, a reader that went away ends the command quietly.
            Failure::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Vec::new(),
            Failure::Output(e) => vec![format!("cannot write to standard output: {e}")],
        }
    }
}

impl From<crate::domain::Refusal> for Failure {
    fn from(r: crate::domain::Refusal) -> Self {
        Failure::Refused(r.reasons)
    }
}

impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Self {
        use crate::store::StoreError::*;
        match e {
            NotFound(_) | BadId(_) | Ambiguous { .. } => Failure::Input(e.to_string()),
            // The store's own words promise an edit kept in memory: true in the app, not here,
            // where the process ends. Say what is true for a command.
            Write { id, path, source } => Failure::Refused(vec![format!(
                "cannot save order {id} to {}: {source}. Nothing was changed; free some space or fix \
                 the folder's permissions, then run the command again.",
                path.display()
            )]),
            Conflict {
                id,
                loaded,
                on_disk,
            } => Failure::Refused(vec![format!(
                "order {id} was changed by another portwiz while this command ran (revision \
                 {on_disk} on disk, {loaded} here); nothing was saved. Run the command again to \
                 apply it to the new version."
            )]),
            _ => Failure::Refused(vec![e.to_string()]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StoreError;

    /// The store's words promise an edit kept in memory; a command's process ends (issue 16).
    #[test]
    fn a_failed_or_conflicting_save_does_not_claim_the_edit_is_kept() {
        let failures = [
            Failure::from(StoreError::Write {
                id: "PO-1".into(),
                path: "/x/PO-1.json".into(),
                source: std::io::Error::from(std::io::ErrorKind::StorageFull),
            }),
            Failure::from(StoreError::Conflict {
                id: "PO-1".into(),
                loaded: 3,
                on_disk: 4,
            }),
        ];
        for failure in failures {
            let text = failure.lines().join(" ");
            assert!(!text.contains("kept"), "{text}");
            assert!(
                text.to_lowercase().contains("run the command again"),
                "{text}"
            );
            assert_eq!(failure.exit_code(), 1);
        }
    }
}
