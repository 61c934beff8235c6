//! Comments as data: the model, WordPress's validation rules, ordering and dates.
//! Pure Rust with no DOM, so native tests cover all of it.

pub mod model;
pub mod order;
pub mod time;
pub mod validation;

pub use model::{Comment, CommentId, Draft, Identity};
pub use validation::{validate, Field, FieldError, ValidComment};
