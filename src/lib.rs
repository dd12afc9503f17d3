//! portwiz: draft, track and fix phone-number port orders.

pub mod domain;
