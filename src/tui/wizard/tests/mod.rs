//! The wizard's tests: update driven by key events, and whole-screen snapshots.

mod all_regions;
mod edits;
mod fixtures;
mod keys;
mod pinned;
mod rendering;
mod take_csr;
