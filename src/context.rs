//! What the page's parts share through Leptos's context: the store the page
//! writes to, the interface language, and where the site's files are. Why outside `components`: the
//! discussion's state (`discussion`) reads the store too, and sits below the
//! components that show it.

use crate::i18n::Lang;
use crate::storage::Store;
use leptos::prelude::*;
use std::rc::Rc;

/// The store the page writes to, shared through context. The store itself is not
/// `Send` (it wraps browser objects), so it lives in Leptos's thread-local arena.
#[derive(Clone, Copy)]
pub struct StoreHandle(StoredValue<Rc<dyn Store>, LocalStorage>);

impl StoreHandle {
    /// Shares `store`.
    pub fn new(store: Rc<dyn Store>) -> Self {
        Self(StoredValue::new_local(store))
    }

    /// Runs `f` with the store.
    pub fn with<R>(&self, f: impl FnOnce(&dyn Store) -> R) -> R {
        self.0.with_value(|store| f(store.as_ref()))
    }

    /// The store itself, to keep (the comments' repository holds it).
    pub fn rc(&self) -> Rc<dyn Store> {
        self.0.get_value()
    }
}

/// The interface language, shared through context and switchable at any time.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The interface language of the current page (English where none was provided).
pub(crate) fn use_lang() -> RwSignal<Lang> {
    use_context::<UiLang>()
        .map(|l| l.0)
        .unwrap_or_else(|| RwSignal::new(Lang::En))
}

/// Where the site's files are (see [`BASE_ATTR`]), shared with the components
/// that make URLs of them: flags, media, published replies.
#[derive(Clone, Debug, Default)]
pub struct SiteBase(pub String);

/// `path` (relative to the site's root, e.g. `flags/mt.svg`) as the page must
/// ask for it: under the site's base when one is given, else as it is.
pub(crate) fn site_url(path: &str) -> String {
    match use_context::<SiteBase>() {
        Some(SiteBase(base)) if !base.is_empty() => format!("{base}{path}"),
        _ => path.to_owned(),
    }
}
