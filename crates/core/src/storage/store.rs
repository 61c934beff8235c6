//! The key–value store the records are kept in, and why it would not keep something.

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
