//! portwiz: draft, track and fix phone-number port orders.

pub mod cli;
pub mod demo;
pub mod domain;
pub mod plain;
pub mod store;
pub mod system;
pub mod tui;
