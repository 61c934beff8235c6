//! Comments as data: the model, WordPress's validation rules and guards, threads
//! and pages, dates, and the export format. Pure Rust with no DOM, so native
//! tests cover all of it.

pub mod export;
pub mod guards;
pub mod model;
pub mod order;
pub mod outbox;
pub mod published;
pub mod thread;
pub mod validation;

pub use model::{Comment, CommentId, Draft, Identity, Revision, ValidComment};
pub use validation::{validate, Field, FieldError};
