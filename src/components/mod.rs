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
use wasm_bindgen::JsCast;

/// The id of the element that holds the page as rendered at build time.
pub const PRERENDER_ROOT: &str = "prerendered";

/// True while rendering at build time (no browser: no window, no storage).
pub const PRERENDERING: bool = cfg!(feature = "ssr");

/// Starts the app over the page rendered at build time, without painting again
/// what the reader may already be reading.
///
/// The app is built off-screen, then only its live parts (the settings, the
/// Text/Video tabs and the video panel, the comments and the form, the texts that
/// follow the interface language) take the place of their build-time copies. The
/// title, the testimonial, the article and the facts stay the nodes the browser
/// already painted: no flash, no layout shift, and the largest paint stays the
/// first one. Without build-time markup (e.g. a plain `trunk serve` page) the app
/// simply mounts on the body.
pub fn mount() {
    let Some(built) = document().get_element_by_id(PRERENDER_ROOT) else {
        leptos::mount::mount_to_body(App);
        return;
    };
    let fresh: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    // The page lives as long as the tab: like `mount_to_body`, never unmount it.
    std::mem::forget(leptos::mount::mount_to(fresh.clone(), App));
    for selector in LIVE_PARTS {
        transplant(&built, &fresh, selector);
    }
    // Notices the app shows only in some browsers (storage blocked) go before the comments.
    if let (Ok(notices), Ok(Some(comments))) = (
        fresh.query_selector_all("main > .notice"),
        built.query_selector("#comments"),
    ) {
        for i in 0..notices.length() {
            if let Some(notice) = notices.item(i) {
                let _ = comments.before_with_node_1(&notice);
            }
        }
    }
}

/// The parts of the page that change after they are built.
const LIVE_PARTS: [&str; 6] = [
    ".skip-link",
    ".page-settings",
    ".view-tabs",
    "#panel-video",
    "#comments",
    ".site-footer",
];

/// Replaces the build-time element matching `selector` with the app's.
fn transplant(built: &web_sys::Element, fresh: &web_sys::Element, selector: &str) {
    if let (Ok(Some(old)), Ok(Some(new))) = (
        built.query_selector(selector),
        fresh.query_selector(selector),
    ) {
        let _ = old.replace_with_with_node_1(&new);
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
