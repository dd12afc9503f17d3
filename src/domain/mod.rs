//! Pure porting logic: no I/O, no terminal.

pub mod key;

pub use key::FieldKey;
