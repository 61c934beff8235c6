//! An in-memory store: for native tests, and the fallback when the browser blocks storage.

use super::{Store, StoreError};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// A map in memory, optionally with a quota in bytes (keys and values, as UTF-16
/// code units like browsers count them) to test a full store.
#[derive(Debug, Default)]
pub struct MemoryStore {
    items: RefCell<BTreeMap<String, String>>,
    quota: Cell<Option<usize>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that refuses writes that would take it past `units` code units.
    pub fn with_quota(units: usize) -> Self {
        let store = Self::default();
        store.quota.set(Some(units));
        store
    }

    fn used_without(&self, key: &str) -> usize {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| units(k) + units(v))
            .sum()
    }
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota.get() {
            if self.used_without(key) + units(key) + units(value) > quota {
                return Err(StoreError::Full);
            }
        }
        self.items
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .items
            .borrow()
            .range(prefix.to_owned()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.clone())
            .collect())
    }
}
