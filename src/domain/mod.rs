//! Pure porting logic: no I/O, no terminal.
//!
//! The domain stands in floors: a module imports only modules of its own floor or below
//! (`tests/it/layers.rs` reads the floors from the headings below and checks it, and that no
//! circle of imports runs through any floor). A new module goes under the lowest heading
//! whose modules it does not need to be imported by.

// Floor 0: the field table and what its rows name (keys, slots, kinds, validators, the pages
// and rules they cite). No circle here either: `field_table`'s rows import nothing; `key`
// makes the keys of them, `countries` (the rulebook's data) stands under `rules`, `fields`
// (the order's slots) under `checks` (the validators, their `Severity` and `Found`), and
// `registry` (the table) above them all.
pub mod admin_page;
pub mod checks;
pub mod countries;
mod field_table;
pub mod fields;
pub mod key;
pub mod registry;
pub mod rules;
pub mod sanitize;
pub mod secret;
pub mod status;
pub mod validate;

// Floor 1: the order, its history, and the carrier's words read as fields.
pub mod assignment;
pub mod auto_name;
pub mod classifier;
pub mod history;
pub mod number_marks;
pub mod order;
pub mod summary;

// Floor 2: edits, checks against the CSR, readiness, and the transitions they guard.
pub mod answer;
pub mod assign;
pub mod copy;
pub mod csr;
pub mod edit;
pub mod entry;
pub mod facts;
pub mod journal;
pub mod lifecycle;
pub mod merge;
pub mod move_out;
pub mod readiness;
pub mod transitions;

// Floor 3: what is made from whole orders: exports, the hand-off, insights over many orders.
pub mod asks;
pub mod calendar;
pub mod document;
pub mod export;
pub mod handoff;
pub mod import;
pub mod insights;
pub mod packet;
pub mod preflight;
pub mod reconcile;
pub mod report;
pub mod split;
pub mod tenant;
#[cfg(test)]
pub(crate) mod test_orders;
pub mod today;

pub use fields::{FieldValue, OrderFields};
pub use key::FieldKey;
pub use order::{Clock, Order, Refusal};
pub use registry::{FIELDS, FieldSpec, Step, spec};
pub use status::Status;
