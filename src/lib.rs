//! portwiz: draft, track and fix phone-number port orders.

pub mod cli;
pub mod domain;
pub mod store;
pub mod tui;
