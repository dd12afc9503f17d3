//! "Carrier response": the dialog that records what the carrier (or Microsoft) answered: a
//! rejection with its fields, an FOC, completion, Microsoft support, cancellation. Only what the
//! lifecycle allows from the order's status is offered; the rest is greyed out with the reason.
//!
//! Elm-style like the app: [`state`] is the model (kept in `App`'s screen stack), [`update`] is
//! pure and returns effects, [`view`] only draws.

mod screen;
pub mod state;
pub mod update;
pub mod view;

pub use screen::RespondMsg;
pub use state::{Answer, Focus, Form, Respond};
