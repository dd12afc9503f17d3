//! The terminal interface. This branch carries only the porting wizard and the minimal theme it
//! needs; the app shell (App, Msg, update, view, terminal setup) lands from its own branch.

pub mod theme;
pub mod wizard;
