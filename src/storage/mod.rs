//! Where a reader's comments, drafts and choices are kept: a small key–value trait,
//! its localStorage and in-memory implementations, and the typed records on top.
//!
//! Keys (all versioned, see the README):
//! - `goosebumps/v1/comment/<post>/<id>`: one comment, so two tabs never overwrite each other;
//! - `goosebumps/v1/draft/<post>/<target>`: the form being typed (`<target>` is `new` or a parent id);
//! - `goosebumps/v1/identity`: the remembered name, email and website;
//! - `goosebumps/v1/view/<post>`: the testimonial view last chosen (`text` or `video`).

pub mod keys;
mod local;
mod memory;
pub mod records;

pub use local::LocalStore;
pub use memory::MemoryStore;

use thiserror::Error;

/// Why the browser would not keep something, in words a reader can act on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreError {
    #[error("Your browser's storage for this site is full, so this reply was not saved. Your text is still in the form. To make room, export your comments to keep a copy, then delete some older replies, and press Post Comment again.")]
    Full,
    #[error("Your browser is blocking storage for this site, so replies are kept only until this tab is closed.")]
    Blocked,
    #[error("Your browser could not save this ({0}). Your text is still in the form.")]
    Other(String),
}

/// A string key–value store with localStorage's semantics.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key that starts with `prefix`, in no particular order.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StoreError>;
}
