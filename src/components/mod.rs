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

/// Starts the app over the page rendered at build time, without painting again
/// what the reader may already be reading.
///
/// Only the live parts of the page (the skip link, the settings, the Text/Video
/// tabs and the video panel, the comments and the form, the footer) are built, each
/// in the place of its build-time copy, under one reactive owner. The title, the
/// testimonial, the article and the facts stay the nodes the browser already
/// painted: no flash, no layout shift, and the largest paint stays the first one.
/// The code of those static parts is therefore not in the browser build at all.
///
/// Without build-time markup (a debug build's page, e.g. when the pre-render step
/// did not run) a debug build mounts the whole app on the body; a release build
/// only says why nothing happened.
pub fn mount() {
    let Some(built) = document().get_element_by_id(PRERENDER_ROOT) else {
        #[cfg(debug_assertions)]
        leptos::mount::mount_to_body(App);
        #[cfg(not(debug_assertions))]
        leptos::logging::error!("no #{PRERENDER_ROOT} on the page: nothing to start over");
        return;
    };
    // As `leptos::mount::mount_to` does: futures run on wasm-bindgen's executor (an
    // error only means it already was set up).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| mount_live_parts(&built));
    // The page lives as long as the tab: like `mount_to_body`, never clean it up.
    std::mem::forget(owner);
}

/// Builds the live parts of the page over the build-time markup in `built`.
fn mount_live_parts(built: &web_sys::Element) {
    let posts = crate::content::live_posts();
    let start = match app::Start::from_browser(posts, |p| &p.slug) {
        Ok(start) => start,
        Err(message) => {
            // The build-time page stays readable; say why it does not come alive.
            leptos::logging::error!("{message}");
            return;
        }
    };
    let post = start.post;
    let lang = app::provide_page_context(start.store, start.lang);
    put_in_place(built, ".skip-link", app::skip_link(lang));
    put_in_place(built, ".page-settings", post_header::PageSettings());
    if let Some(video) = post.testimonial.video {
        let tabs = testimonial::Tabs::new(post.slug.clone(), true);
        put_in_place(built, ".view-tabs", tabs.tab_list());
        put_in_place(built, "#panel-video", tabs.video_panel(video));
    }
    if start.blocked {
        // Before the comments, as in the whole page.
        put_before(built, "#comments", app::blocked_notice(lang));
    }
    put_in_place(
        built,
        "#comments",
        view! { <CommentsArea post=post.slug title=post.title /> },
    );
    put_in_place(built, ".site-footer", app::site_footer(lang));
}

/// Builds `view` just before the element of `built` matching `selector` and
/// returns that element (None, and `view` is not shown, if there is none).
fn put_before(
    built: &web_sys::Element,
    selector: &str,
    view: impl IntoView,
) -> Option<web_sys::Element> {
    let old = built.query_selector(selector).ok().flatten()?;
    let parent = old.parent_element()?;
    let mut state = view.into_view().build();
    state.mount(&parent, Some(&old));
    // Owned by the reactive owner from now on, for as long as the page lives.
    std::mem::forget(state);
    Some(old)
}

/// Builds `view` in the place of the element of `built` matching `selector`.
fn put_in_place(built: &web_sys::Element, selector: &str, view: impl IntoView) {
    if let Some(old) = put_before(built, selector, view) {
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
