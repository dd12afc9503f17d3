//! The text widgets every screen shares: a one-line input ([`input::TextField`], over
//! `tui_input`) and a multi-line box ([`textarea::TextArea`]), both grapheme-aware and taking
//! bracketed paste; a page of lines that scrolls ([`page`]); a status message that wraps ([`status`]); and a bordered box over the screen ([`popup`]). Wrapping and cleaning text for
//! the screen is `tui::text`.

pub mod form;
pub mod input;
pub mod page;
pub mod popup;
pub mod status;
pub mod textarea;
