//! portwiz: draft, track and fix phone-number port orders.

pub mod cli;
pub mod domain;
pub mod plain;
pub mod store;
