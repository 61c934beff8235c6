//! The browser's localStorage, through gloo-storage, with its failures turned into [`StoreError`]s.

use super::{Store, StoreError};
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

/// The page's localStorage. Only made by [`LocalStore::open`], which first checks
/// that the browser lets the page use it at all.
#[derive(Debug, Clone)]
pub struct LocalStore {
    raw: web_sys::Storage,
}

impl LocalStore {
    /// The store, or [`StoreError::Blocked`] where `window.localStorage` throws or
    /// is missing (site data blocked, some embedded frames, some private modes).
    pub fn open() -> Result<Self, StoreError> {
        // gloo's `LocalStorage::raw()` panics when access throws, so ask first.
        match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(_))) => Ok(Self {
                raw: LocalStorage::raw(),
            }),
            _ => Err(StoreError::Blocked),
        }
    }
}

fn to_error(err: JsValue) -> StoreError {
    match err.dyn_ref::<web_sys::DomException>() {
        // Chrome and Safari say QuotaExceededError; old Firefox said NS_ERROR_DOM_QUOTA_REACHED.
        Some(e) if e.name() == "QuotaExceededError" || e.name() == "NS_ERROR_DOM_QUOTA_REACHED" => {
            StoreError::Full
        }
        Some(e) if e.name() == "SecurityError" => StoreError::Blocked,
        Some(e) => StoreError::Other(e.message()),
        None => StoreError::Other(err.as_string().unwrap_or_else(|| "unknown error".into())),
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.raw.get_item(key).map_err(to_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.raw.set_item(key, value).map_err(to_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.raw.remove_item(key).map_err(to_error)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let len = self.raw.length().map_err(to_error)?;
        let mut keys = Vec::new();
        for i in 0..len {
            if let Some(key) = self.raw.key(i).map_err(to_error)? {
                if key.starts_with(prefix) {
                    keys.push(key);
                }
            }
        }
        Ok(keys)
    }
}
