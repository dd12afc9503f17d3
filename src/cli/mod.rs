//! The non-interactive subcommands, thin over `domain` and `store`.

pub mod args;
mod commands;
mod output;
pub mod rejection;

pub use args::{Cli, Command};
pub use commands::{run, system_clock as commands_clock};

/// How a command failed, and so its exit code (design.md §5).
#[derive(Debug)]
pub enum Failure {
    /// The action was refused (validation, wrong status): exit 1.
    Refused(Vec<String>),
    /// Usage or input errors: exit 2.
    Input(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Refused(_) => 1,
            Failure::Input(_) => 2,
        }
    }

    pub fn lines(&self) -> Vec<String> {
        match self {
            Failure::Refused(reasons) => reasons.clone(),
            Failure::Input(message) => vec![message.clone()],
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
            _ => Failure::Refused(vec![e.to_string()]),
        }
    }
}
