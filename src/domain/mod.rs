//! Pure porting logic: no I/O, no terminal.

pub mod classifier;
pub mod key;
pub mod sanitize;

pub use key::FieldKey;
