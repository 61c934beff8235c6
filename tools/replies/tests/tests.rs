//! The owner's tool's tests, in one binary (as ripgrep's `tests/tests.rs`): one
//! build and one link for all of them, sharing `common`'s builders. Each file is
//! a module of this crate; `cargo test -p replies` runs them all.

mod common;

mod add;
mod benchmark;
mod hostile;
mod html;
mod property;
mod trust;
mod wordpress;
mod wxr;
