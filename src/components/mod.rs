//! The visible parts of the page, one component per file, and the app that puts them together.

mod app;
mod article;
mod comment_item;
mod comments_area;
mod discussion;
mod facts;
mod post_header;
mod reply_form;
mod testimonial;
mod video;
pub use video::VideoPlayer;

pub use app::{App, PostPage};
pub use comments_area::{parse_fragment, CommentsArea, Fragment};
pub use discussion::Discussion;
pub use reply_form::ReplyForm;
pub use testimonial::Testimonial;

use crate::i18n::Lang;
use crate::storage::Store;
use leptos::prelude::*;
use std::rc::Rc;

/// The id of the element that holds the page as rendered at build time.
pub const PRERENDER_ROOT: &str = "prerendered";

/// True while rendering at build time (no browser: no window, no storage).
pub const PRERENDERING: bool = cfg!(feature = "ssr");

/// Starts the app: mounts it, then removes the build-time markup it replaces, in
/// one task, so the reader never sees a frame without the page. The form in that
/// markup is disabled, so nothing can be typed there and lost.
pub fn mount() {
    let prerendered = document().get_element_by_id(PRERENDER_ROOT);
    leptos::mount::mount_to_body(App);
    if let Some(old) = prerendered {
        old.remove();
    }
}

/// Listens to a window event for as long as the calling component lives. Nothing
/// at build time, where there is no window.
pub(crate) fn on_window_event(event: &'static str, handler: impl Fn(web_sys::Event) + 'static) {
    if PRERENDERING {
        return;
    }
    let handle = window_event_listener_untyped(event, handler);
    on_cleanup(move || handle.remove());
}

/// The store the page writes to, shared through context. The store itself is not
/// `Send` (it wraps browser objects), so it lives in Leptos's thread-local arena.
#[derive(Clone, Copy)]
pub struct StoreHandle(StoredValue<Rc<dyn Store>, LocalStorage>);

impl StoreHandle {
    pub fn new(store: Rc<dyn Store>) -> Self {
        Self(StoredValue::new_local(store))
    }

    /// Runs `f` with the store.
    pub fn with<R>(&self, f: impl FnOnce(&dyn Store) -> R) -> R {
        self.0.with_value(|store| f(store.as_ref()))
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

/// Minutes east of UTC at `ms`, in the reader's time zone.
pub(crate) fn utc_offset_minutes(ms: i64) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    -(date.get_timezone_offset() as i32)
}
