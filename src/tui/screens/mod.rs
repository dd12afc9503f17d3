//! The screens, one module each (the response dialog and the wizard are bigger and live in
//! `tui/respond/` and `tui/wizard/`). See `tui::screen` for what a screen is and how to add one.

pub mod asks;
pub mod assign;
pub mod assist;
pub mod conflict;
pub mod export;
pub mod handoff;
pub mod home;
pub mod insights;
pub mod note;
pub mod numbers;
pub mod order;
pub mod split;
pub mod teams;
pub mod tenants;
pub mod today;
