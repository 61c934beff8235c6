//! Where a reader's comments, drafts and choices are kept: a small key–value trait,
//! its localStorage and in-memory implementations, and the typed records on top.
//!
//! Keys (all versioned, see the README; built and parsed only in [`keys`]):
//! - `goosebumps/v1/comment/<post>/<id>`: one comment, so two tabs never overwrite each other;
//! - `goosebumps/v1/index/<post>`: the list of a post's comments, a cache rebuilt from the comment keys;
//! - `goosebumps/v1/draft/<post>/<target>`: the form being typed (`<target>` is `new` or a parent id);
//! - `goosebumps/v1/edit/<post>/<id>`: an edit typed but not saved yet;
//! - `goosebumps/v1/identity`: the remembered name, email and website;
//! - `goosebumps/v1/view/<post>`: the testimonial view last chosen (`text` or `video`);
//! - `goosebumps/v1/comment-order`: oldest or newest first;
//! - `goosebumps/v1/sent/<post>/<id>`: reply `<id>` was sent for publishing (when, in ms);
//! - `goosebumps/v1/saved/<post>`: when the post's replies were last saved to a file (ms);
//! - `goosebumps/v1/lang` and `goosebumps/v1/theme`: the reader's language and colour scheme.

pub mod keys;
mod memory;
pub mod records;
mod store;

pub use memory::MemoryStore;
pub use store::{Store, StoreError};
