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

pub use memory::MemoryStore;

use crate::i18n::Lang;
use thiserror::Error;

/// Why the browser would not keep something, in words a reader can act on
/// (see [`StoreError::message`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", self.message(Lang::En))]
pub enum StoreError {
    /// The browser's storage is full.
    Full,
    /// The browser refuses storage (private mode, settings).
    Blocked,
    /// Anything else the browser said, kept for the record.
    Other(String),
}

impl StoreError {
    /// The sentence the page says about it, in `lang`.
    pub fn message(&self, lang: Lang) -> &'static str {
        let t = lang.strings();
        match self {
            StoreError::Full => t.storage_full,
            StoreError::Blocked => t.storage_blocked,
            StoreError::Other(_) => t.storage_other,
        }
    }

    /// The same, for a change to a comment already posted (an edit, a deletion,
    /// an Undo): there is no form whose text is kept and no Post Comment to press.
    pub fn change_message(&self, lang: Lang) -> &'static str {
        let t = lang.strings();
        match self {
            StoreError::Full => t.storage_full_change,
            StoreError::Blocked => t.storage_blocked,
            StoreError::Other(_) => t.storage_other_change,
        }
    }
}

/// A string key–value store with localStorage's semantics.
pub trait Store {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (nothing if it is not there).
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key that starts with `prefix`, in no particular order.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StoreError>;
}
