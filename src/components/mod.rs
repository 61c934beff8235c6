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

/// Starts the app: mounts it, then removes the build-time markup it replaces, in
/// one task, so the reader never sees a frame without the page. The form in that
/// markup is disabled, so nothing can be typed there and lost.
///
/// The parts that never change after they are built (the title, the quote, the
/// article, the facts) are not painted twice: the app takes the build-time nodes in
/// place of its own identical ones, so the text the reader is already reading stays
/// the same text (and the browser's largest paint stays the first one).
pub fn mount() {
    let prerendered = document().get_element_by_id(PRERENDER_ROOT);
    leptos::mount::mount_to_body(App);
    let Some(old) = prerendered else { return };
    for selector in STATIC_PARTS {
        adopt(&old, selector);
    }
    old.remove();
}

/// Elements rendered once and never updated (no signal reaches inside them).
const STATIC_PARTS: [&str; 5] = [
    ".post-header .kicker",
    ".post-header .post-title",
    "#panel-text .quote",
    ".article-section",
    ".facts",
];

/// Puts the build-time elements matching `selector` where the app's are, if both
/// have as many and the same text.
fn adopt(old_root: &web_sys::Element, selector: &str) {
    let (Ok(olds), Ok(all)) = (
        old_root.query_selector_all(selector),
        document().query_selector_all(selector),
    ) else {
        return;
    };
    let news: Vec<web_sys::Element> = (0..all.length())
        .filter_map(|i| all.item(i))
        .filter(|node| !old_root.contains(Some(node)))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .collect();
    if news.len() != olds.length() as usize {
        return;
    }
    for (i, new) in news.iter().enumerate() {
        if let Some(old) = olds
            .item(i as u32)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            // Same element, same text (attribute order may differ between the two renderers).
            if old.tag_name() == new.tag_name() && old.text_content() == new.text_content() {
                let _ = new.replace_with_with_node_1(&old);
            }
        }
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
