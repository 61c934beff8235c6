//! The comments under the post: the heading with the count, the order switch, one
//! page of threads with page links, Undo after a delete, export and import, and the
//! reply form when it is not under a comment.

use super::comment_item::CommentItem;
use super::live::LivePart;
use super::reply_form::ReplyForm;
use super::send_panel::{SendAllButton, SendPanel, SentState};
use crate::comments::published::PublishedReply;
use crate::comments::thread::{Order, THREADS_PER_PAGE};
use crate::comments::CommentId;
use crate::context::{use_lang, StoreHandle};
use crate::discussion::Discussion;
use crate::glue::download::download;
use crate::glue::window_events::on_window_event;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Where the address points: a comment, a page of comments, or neither.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Fragment {
    Comment(CommentId),
    Page(usize),
    Other,
}

/// Reads `#comment-<id>` and `#comments-page-<n>`.
pub(super) fn parse_fragment(hash: &str) -> Fragment {
    let hash = hash.trim_start_matches('#');
    if let Some(n) = hash.strip_prefix("comments-page-") {
        return n
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .map_or(Fragment::Other, Fragment::Page);
    }
    hash.strip_prefix("comment-")
        .and_then(CommentId::parse)
        .map_or(Fragment::Other, Fragment::Comment)
}

/// The attribute of the build-time comments that says how many published replies
/// the post has: the browser then reads them from the build's `replies/<slug>.json`.
pub(crate) const PUBLISHED_ATTR: &str = "data-published";

#[component]
#[allow(unreachable_pub)]
pub fn CommentsArea(
    post: String,
    title: String,
    /// The post's published replies.
    #[prop(optional)]
    published: Vec<PublishedReply>,
) -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let published_count = (!published.is_empty()).then(|| published.len().to_string());
    // The comment pages the build wrote at their own addresses: those of the
    // published threads, in the default order (see `pages::comment_page_url`).
    let built_pages = published
        .iter()
        .filter(|r| r.parent.is_none())
        .count()
        .div_ceil(THREADS_PER_PAGE);
    let discussion = Discussion::open(post, title, store, lang, published);
    provide_context(discussion);
    if !super::PRERENDERING {
        crate::glue::persist::ask_if_kept(move |kept| discussion.set_persisted(kept));
    }

    // The address decides the page: a permalink opens the page holding its
    // comment, `#comments-page-<n>` that page; else, on opening (and when a page
    // link to this very page is followed, `#comments`), the page its path names
    // (`…/comment-page-<n>/`, a page the build wrote; see `PageLinks`).
    let follow_address = move |first: bool| {
        let location = window().location();
        let hash = location.hash().unwrap_or_default();
        let n = match parse_fragment(&hash) {
            Fragment::Comment(id) => return discussion.go_to(&id),
            Fragment::Page(n) => n,
            Fragment::Other if first || hash == "#comments" => {
                goosebumps_core::pages::page_in_path(&location.pathname().unwrap_or_default())
            }
            Fragment::Other => return,
        };
        // A page link followed: the reader goes on at the page's first comment
        // (on opening the page, the browser's own scroll to #comments stands).
        if first {
            discussion.show_page_quietly(n)
        } else {
            discussion.show_page(n)
        }
    };
    if !super::PRERENDERING {
        follow_address(true);
    } else if let Some(goosebumps_core::pages::CommentPage(n)) = use_context() {
        // The build writes each comment page with its page shown.
        discussion.show_page_quietly(n);
    }
    on_window_event("hashchange", move |_| follow_address(false));
    // The index is saved when the page is hidden or left, not on every post.
    on_window_event("pagehide", move |_| discussion.flush_index());
    on_window_event("visibilitychange", move |_| discussion.flush_index());
    // Another tab of this page posted, edited or deleted: show it here too. The
    // events are gathered and applied together once the burst is over, so another
    // tab's import of 10,000 comments is one update here, not 10,000.
    let pending = StoredValue::new(Vec::<(Option<String>, Option<String>)>::new());
    on_window_event("storage", move |ev| {
        if let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() {
            let first = pending.with_value(Vec::is_empty);
            pending.update_value(|p| p.push((ev.key(), ev.new_value())));
            if first {
                set_timeout(
                    move || {
                        let batch = pending.try_update_value(std::mem::take).unwrap_or_default();
                        discussion.apply_remote(&batch);
                    },
                    Duration::ZERO,
                );
            }
        }
    });
    // Once the marked comment is on the page, bring it into view.
    Effect::new(move |_| {
        discussion.page();
        if let Some(id) = discussion.highlighted() {
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&id.anchor()) {
                    el.scroll_into_view();
                }
            });
        }
    });

    // The form sits here unless it moved under a comment; rebuilt only when it moves.
    let at_bottom = Memo::new(move |_| discussion.form_at_bottom());
    let count = Memo::new(move |_| discussion.count());
    let title = discussion.title();
    let heading = move || lang.get().comments_heading(count.get(), &title);
    // A memo, so a post or an edit on another page does not touch this one.
    let roots = Memo::new(move |_| {
        let page = discussion.page();
        discussion.with_threads(|t| t.roots_on_page(page))
    });
    let order_changed = move |ev: ev::Event| {
        let value = event_target_value(&ev);
        if let Some(order) = Order::parse(&value) {
            discussion.set_order(order);
        }
    };

    view! {
        <section class="comments-area" id="comments" data-live=LivePart::Comments.id() aria-labelledby="comments-title" data-published=published_count
            on:dragover=move |ev: ev::DragEvent| {
                // Only files are ours to take; dragged text goes where it is dropped.
                if carries_files(&ev) {
                    ev.prevent_default();
                }
            }
            on:drop=move |ev: ev::DragEvent| {
                if !carries_files(&ev) {
                    return;
                }
                ev.prevent_default();
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    import_file(discussion, file);
                }
            }>
            {move || (discussion.unreadable() > 0).then(|| view! {
                <p class="notice" role="status">{move || lang.get().unreadable_notice(discussion.unreadable())}</p>
            })}
            <div class="comments-header">
                <h2 id="comments-title" class="comments-title" tabindex="-1">{heading}</h2>
                {move || (count.get() > 1).then(|| view! {
                    <p class="comments-order">
                        <label for="comment-order">{move || t().order_label}</label>
                        " "
                        <select id="comment-order" on:change=order_changed disabled=super::until_live()>
                            <option value="oldest" selected=move || discussion.order() == Order::OldestFirst>{move || t().oldest_first}</option>
                            <option value="newest" selected=move || discussion.order() == Order::NewestFirst>{move || t().newest_first}</option>
                        </select>
                    </p>
                })}
            </div>
            // While a comment is marked (a permalink, a post), every thread is laid
            // out, so the scroll to it lands on it (see style/main.css).
            <ol class="comment-list" class:has-highlight=move || discussion.highlighted().is_some()>
                <For each=move || roots.get() key=|id| id.clone() let:id>
                    <CommentItem id=id depth=1 />
                </For>
            </ol>
            <PageLinks built=built_pages />
            {move || discussion.undo_pending().then(|| view! { <UndoBar /> })}
            <p class="comments-announcement" role="status" aria-live="polite" aria-atomic="true">
                {move || discussion.announcement()}
            </p>
            {move || at_bottom.get().then(|| view! { <ReplyForm parent=None /> })}
            <ExportImport />
            <SendPanel />
        </section>
    }
}

/// WordPress-style page links: « Previous, the numbers, Next ». The first `built`
/// pages have their own address, which the build wrote (`<slug>/comment-page-<n>/`,
/// the post's own for the first): their links go there, with JavaScript or
/// without, and the app opens there at that page. Pages only this browser has (the
/// reader's own replies) are `#comments-page-<n>`, turned in place.
#[component]
#[allow(unreachable_pub)]
fn PageLinks(built: usize) -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let count = move || discussion.with_threads(|t| t.page_count());
    let post = StoredValue::new(crate::context::site_url(&format!(
        "{}/",
        discussion.post_slug()
    )));
    let link = move |n: usize, label: String, rel: Option<&'static str>| {
        let href = match n {
            _ if built < 2 || n > built => format!("#comments-page-{n}"),
            1 => post.with_value(|p| format!("{p}#comments")),
            n => post.with_value(|p| format!("{p}comment-page-{n}/#comments")),
        };
        view! { <a class="page-numbers" href=href rel=rel>{label}</a> }
    };
    // Rebuilt only when the links come or go (a closure over a memo rather than
    // `<Show>`, whose children code is compiled anew for each use).
    let shown = Memo::new(move |_| count() > 1);
    move || {
        shown.get().then(|| view! {
            <nav class="comment-navigation" aria-label=move || lang.get().strings().pages_label>
                {move || {
                    let current = discussion.page();
                    let t = lang.get().strings();
                    let last = count();
                    let mut items = Vec::new();
                    if current > 1 {
                        items.push(link(current - 1, t.previous.into(), Some("prev")).into_any());
                    }
                    for n in 1..=last {
                        items.push(if n == current {
                            view! { <span class="page-numbers current" aria-current="page">{n}</span> }.into_any()
                        } else {
                            link(n, n.to_string(), None).into_any()
                        });
                    }
                    if current < last {
                        items.push(link(current + 1, t.next.into(), Some("next")).into_any());
                    }
                    items
                }}
            </nav>
        })
    }
}

/// "Comment deleted. Undo", for [`super::discussion::UNDO_WINDOW`].
#[component]
#[allow(unreachable_pub)]
fn UndoBar() -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let button = NodeRef::<leptos::html::Button>::new();
    // The deleted comment's buttons are gone; focus goes to Undo instead of the page top.
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
    let undo = move |_| {
        if let Err(e) = discussion.undo_delete() {
            discussion.announce_failure(|l| l.strings().not_restored, &e);
        }
    };
    view! {
        // The bar is the one place that says "Comment deleted.", to the eye and,
        // as a status, to screen readers.
        <div class="undo-bar" role="status">
            <span>{move || t().deleted}</span>
            " "
            <button type="button" class="undo-button" node_ref=button on:click=undo>{move || t().undo}</button>
        </div>
    }
}

/// Export to a JSON file, and import one (also by dropping it on the comments).
#[component]
#[allow(unreachable_pub)]
fn ExportImport() -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let export = move |_| {
        let now = js_sys::Date::now() as i64;
        let (name, json) = discussion.export(now);
        let message = match download(&name, &json) {
            Ok(()) => {
                discussion.mark_saved(now);
                lang.get_untracked().exported_to(&name)
            }
            Err(_) => t().export_failed.to_owned(),
        };
        discussion.announce(message);
    };
    let unpublished = Memo::new(move |_| discussion.unpublished_count());
    view! {
        <div class="comments-tools">
            <h3 class="comments-tools-title">{move || t().tools_title}</h3>
            <p class="comments-tools-note">{move || t().tools_note}</p>
            <SentState unpublished=unpublished />
            <div class="comments-tools-actions">
                {move || (unpublished.get() > 0).then(|| view! { <SendAllButton /> })}
                <button type="button" class="secondary-button" on:click=export disabled=super::until_live()>{move || t().export}</button>
                <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json" disabled=super::until_live()
                    on:change:target=move |ev| {
                        let input = ev.target();
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            import_file(discussion, file);
                        }
                        input.set_value("");
                    } />
                <label class="secondary-button file-button" for="import-file">{move || t().import}</label>
            </div>
        </div>
    }
}

/// Reads a dropped or picked file and imports it, announcing the outcome.
fn import_file(discussion: Discussion, file: web_sys::File) {
    let lang = discussion.lang_untracked();
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        let message = match text.ok().and_then(|t| t.as_string()) {
            None => lang.strings().import_unreadable_file.to_owned(),
            Some(text) => match discussion.import(&text) {
                Ok(report) => report,
                Err(e) => e.message(lang).to_owned(),
            },
        };
        discussion.announce(message);
    });
}

/// True when a drag carries files (not text or a link being moved).
fn carries_files(ev: &ev::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| {
        d.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}
