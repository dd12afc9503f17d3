//! Pure porting logic: no I/O, no terminal.

pub mod key;
pub mod rules;

pub use key::FieldKey;
