//! The visible parts of the page, one component per file, and the app that puts them together.
//!
//! Each visible component says `#[allow(unreachable_pub)]`: Leptos's `#[component]`
//! writes `pub` items for it (its props' builder) whatever the component's
//! visibility. Why on each and not once for the folder: measured, the wasm is
//! ~230 B brotli larger with one `#![allow]` here (the macro's output differs).
//! Why the components are `pub fn` all the same (and `discussion`, `context` public
//! modules): a `pub(crate)` function is internal before link-time optimisation, and
//! LLVM then inlines it into Leptos's closures; measured for issue 24, the wasm grew
//! by about 550 B brotli when these were `pub(crate)`.

mod app;
mod article;
mod comment_item;
mod comments_area;
mod facts;
mod frame;
pub mod live;
mod mount;
mod post_header;
mod reply_form;
mod send_panel;
mod site_pages;
mod testimonial;
mod video;

pub use app::App;
pub use app::{PostPage, PostPageProps};
pub use comments_area::CommentsArea;
pub(crate) use live::until_live;
pub use live::LivePart;
pub use video::{VideoPlayer, VideoPlayerProps};
// The site's other pages, which the build-time render shows (`render`).
pub use crate::context::SiteBase;
pub use crate::glue::PRERENDERING;
pub use mount::{mount, BASE_ATTR, POST_ATTR, PRERENDER_ROOT};
pub use site_pages::{HomePage, NotFoundPage, PostLink, PostNav};
