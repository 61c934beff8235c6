//! How the browser comes alive over the page built at build time: the root's
//! marks, and each live part built in the place of its build-time copy.

use super::{app, comments_area, frame, live, post_header, testimonial};
use super::{CommentsArea, LivePart};
use crate::context::{site_url, SiteBase};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element that holds the page as rendered at build time.
pub const PRERENDER_ROOT: &str = "prerendered";

/// The attribute of the build-time root that names the page's post (its slug);
/// the home and not-found pages have none.
pub const POST_ATTR: &str = "data-post";

/// The attribute of the build-time root that says where the site's files are:
/// the public URL's path (`/`, `/sub/`), since a page may be one folder down
/// (`/<slug>/`) or, for the not-found page, at any address.
pub const BASE_ATTR: &str = "data-base";

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
///
/// Inside a frame of another site's page nothing starts (see [`framed_by_another_site`]).
pub fn mount() {
    if framed_by_another_site() {
        leptos::logging::warn!(
            "Goosebumps: this page is framed by another site's page: it reads, but its controls do not start"
        );
        return;
    }
    let Some(built) = document().get_element_by_id(PRERENDER_ROOT) else {
        #[cfg(debug_assertions)]
        leptos::mount::mount_to_body(super::App);
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

/// True when a page of another origin frames this one, at any depth. Its controls
/// (Delete, Import…) must not start there, or that page could lay its own over them
/// and have the reader click them unseen (clickjacking): where the host sends the
/// `frame-ancestors` header (`_headers`, the nginx and Apache lines) the browser
/// refuses the frame anyway, but GitHub Pages, S3 and any host without custom
/// headers send none, and the `<meta>` policy cannot say it. A page of this origin
/// may frame it: it could already read and change all that the page keeps.
/// (A window of another origin will not give its address: reading it throws.)
fn framed_by_another_site() -> bool {
    let mut frame = window();
    loop {
        match frame.parent() {
            // The top (its own parent), or a window no longer in a page.
            Ok(Some(parent)) if parent == frame => return false,
            Ok(None) => return false,
            Ok(Some(parent)) if parent.location().href().is_ok() => frame = parent,
            // Another origin's window, or one that will not even say so.
            _ => return true,
        }
    }
}

/// Builds the live parts of the page over the build-time markup in `built`: one
/// for each place marked with [`live::LIVE_ATTR`], by the part the mark names.
fn mount_live_parts(built: &web_sys::Element) {
    provide_context(SiteBase(built.get_attribute(BASE_ATTR).unwrap_or_default()));
    let wanted = built.get_attribute(POST_ATTR);
    let posts = crate::content::live_posts();
    let start = match app::Start::from_browser(posts, |p| &p.slug, wanted.as_deref()) {
        Ok(start) => start,
        Err(message) => {
            // The build-time page stays readable; say why it does not come alive.
            leptos::logging::error!("{message}");
            return;
        }
    };
    let post = start.post;
    let lang = frame::provide_page_context(start.store, start.lang);
    // The static Text panel, whose `hidden` the tabs keep up to date.
    let text_panel = built.query_selector("#panel-text").ok().flatten();
    let tabs = post
        .as_ref()
        .filter(|post| post.testimonial.video.is_some())
        .map(|post| testimonial::Tabs::new(post.slug.clone(), true, text_panel));
    // Collected first: each part built adds a marked element of its own.
    let marks = built
        .query_selector_all(&format!("[{}]", live::LIVE_ATTR))
        .ok();
    let slots: Vec<web_sys::Element> = (0..marks.as_ref().map_or(0, |m| m.length()))
        .filter_map(|i| marks.as_ref()?.item(i)?.dyn_into().ok())
        .collect();
    let mut built_parts = Vec::new();
    for slot in slots {
        let mark = slot.get_attribute(live::LIVE_ATTR).unwrap_or_default();
        let Some(part) = LivePart::parse(&mark) else {
            leptos::logging::error!("a live part's mark names no part: {mark:?}");
            continue;
        };
        // Adding a part to `LivePart` makes this match ask for its arm.
        match (part, tabs, &post) {
            (LivePart::SkipLink, ..) => replace(&slot, frame::skip_link(lang)),
            (LivePart::Settings, ..) => replace(&slot, post_header::PageSettings()),
            (LivePart::Tabs, Some(tabs), _) => replace(&slot, tabs.tab_list()),
            // Filled by public/reader.js before the app ran (the player may be
            // playing): kept as it is, its `hidden` following the tabs.
            (LivePart::VideoPanel, Some(tabs), Some(_)) if slot.has_attribute("data-filled") => {
                tabs.follow(slot, crate::storage::records::View::Video)
            }
            (LivePart::VideoPanel, Some(tabs), Some(post)) => {
                let Some(video) = post.testimonial.video.clone() else {
                    continue;
                };
                replace(&slot, tabs.video_panel(video))
            }
            (LivePart::Tabs | LivePart::VideoPanel, ..) => {
                leptos::logging::error!("a video part is marked on a page without a video");
                continue;
            }
            (LivePart::Comments, _, None) => {
                leptos::logging::error!("the comments are marked on a page without a post");
                continue;
            }
            (LivePart::Comments, _, Some(post)) => {
                if start.blocked {
                    // Before the comments, as in the whole page.
                    build_before(&slot, frame::blocked_notice(lang));
                }
                let (slug, title) = (post.slug.clone(), post.title.clone());
                if slot.has_attribute(comments_area::PUBLISHED_ATTR) {
                    // The post has published replies: the build-time comments (which
                    // show their first page) stay until the build's file of them is
                    // read, so the thread never shows without them.
                    let owner = Owner::current().expect("mounted under an owner");
                    let url = site_url(&format!(
                        "replies/{}",
                        crate::comments::published::file_name(&slug)
                    ));
                    leptos::task::spawn_local(async move {
                        let published = fetch_published(&url).await.unwrap_or_else(|why| {
                            leptos::logging::warn!("the published replies were not read: {why}");
                            Vec::new()
                        });
                        owner.with(|| {
                            replace(
                                &slot,
                                view! { <CommentsArea post=slug title=title published=published /> },
                            )
                        });
                    });
                } else {
                    replace(&slot, view! { <CommentsArea post=slug title=title /> })
                }
            }
            (LivePart::Footer, ..) => replace(&slot, frame::site_footer(lang)),
        }
        built_parts.push(part);
    }
    for part in LivePart::ALL {
        let expected = match part {
            _ if part.needs_video() => tabs.is_some(),
            LivePart::Comments => post.is_some(),
            _ => true,
        };
        if expected && !built_parts.contains(&part) {
            leptos::logging::error!(
                "the page has no place marked for the live part {:?}",
                part.id()
            );
        }
    }
}

/// The post's published replies, from the build's `replies/<slug>.json` (beside
/// the page; precached by the service worker, so read offline too).
async fn fetch_published(
    url: &str,
) -> Result<Vec<crate::comments::published::PublishedReply>, String> {
    use wasm_bindgen_futures::JsFuture;
    let url = url.to_owned();
    let response = JsFuture::from(window().fetch_with_str(&url))
        .await
        .map_err(|e| format!("{url}: {e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| url.clone())?;
    if !response.ok() {
        return Err(format!("{url}: {}", response.status()));
    }
    // Bytes, not text: copied once into the wasm and parsed there, where text
    // would be decoded into a JavaScript string and encoded back (10,000 replies
    // are about 1.4 MB).
    let bytes = JsFuture::from(response.array_buffer().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{url}: {e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    let read =
        crate::comments::published::read_published(&url, bytes).map_err(|e| e.to_string())?;
    if read.skipped > 0 {
        leptos::logging::warn!(
            "{url}: {} published repl{} could not be read and {} left out",
            read.skipped,
            if read.skipped == 1 { "y" } else { "ies" },
            if read.skipped == 1 { "is" } else { "are" }
        );
    }
    Ok(read.replies)
}

/// Builds `view` just before `old` (inside the same parent).
fn build_before(old: &web_sys::Element, view: impl IntoView) {
    let Some(parent) = old.parent_element() else {
        return;
    };
    let mut state = view.into_view().build();
    state.mount(&parent, Some(old));
    // Owned by the reactive owner from now on, for as long as the page lives.
    std::mem::forget(state);
}

/// Builds `view` in the place of the build-time element `old`.
fn replace(old: &web_sys::Element, view: impl IntoView) {
    build_before(old, view);
    old.remove();
}
