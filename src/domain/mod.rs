//! Pure porting logic: no I/O, no terminal.

pub mod auto_name;
mod checks;
pub mod classifier;
pub mod countries;
pub mod csr;
pub mod document;
pub mod edit;
pub mod entry;
pub mod export;
pub mod facts;
pub mod fields;
pub mod handoff;
pub mod history;
pub mod insights;
pub mod key;
pub mod lifecycle;
pub mod merge;
pub mod order;
pub mod preflight;
pub mod readiness;
pub mod registry;
pub mod rules;
pub mod sanitize;
pub mod secret;
pub mod status;
pub mod summary;
#[cfg(test)]
mod test_orders;
pub mod validate;

pub use fields::{FieldValue, OrderFields};
pub use key::FieldKey;
pub use order::{Clock, Order, Refusal};
pub use registry::{FIELDS, FieldSpec, Step, spec};
pub use status::Status;
