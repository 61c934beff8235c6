//! An in-memory store: for native tests, and the fallback when the browser blocks storage.

use super::{Store, StoreError};
use std::cell::{Cell, RefCell};

/// A map in memory (a list sorted by key: a much smaller browser build than a
/// `BTreeMap`, and these stores are small), optionally with a quota in bytes (keys and values, as UTF-16
/// code units like browsers count them) to test a full store.
#[derive(Debug, Default)]
pub struct MemoryStore {
    items: RefCell<Vec<(String, String)>>,
    quota: Cell<Option<usize>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that refuses writes that would take it past `units` code units.
    pub fn with_quota(units: usize) -> Self {
        let store = Self::default();
        store.quota.set(Some(units));
        store
    }

    /// Where `key` is, or would go to keep the list sorted.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.items
            .borrow()
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
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
        Ok(self
            .find(key)
            .ok()
            .map(|at| self.items.borrow()[at].1.clone()))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota.get() {
            if self.used_without(key) + units(key) + units(value) > quota {
                return Err(StoreError::Full);
            }
        }
        match self.find(key) {
            Ok(at) => self.items.borrow_mut()[at].1 = value.to_owned(),
            Err(at) => self
                .items
                .borrow_mut()
                .insert(at, (key.to_owned(), value.to_owned())),
        }
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if let Ok(at) = self.find(key) {
            self.items.borrow_mut().remove(at);
        }
        Ok(())
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let items = self.items.borrow();
        let from = items.partition_point(|(k, _)| k.as_str() < prefix);
        Ok(items[from..]
            .iter()
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.clone())
            .collect())
    }
}
