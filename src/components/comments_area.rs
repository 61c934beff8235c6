//! The comments under the post: the heading with the count, the order switch, one
//! page of threads with page links, Undo after a delete, export and import, and the
//! reply form when it is not under a comment.

use super::comment_item::CommentItem;
use super::discussion::Discussion;
use super::reply_form::ReplyForm;
use super::{on_window_event, use_lang, StoreHandle};
use crate::comments::thread::Order;
use crate::comments::CommentId;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the address points: a comment, a page of comments, or neither.
#[derive(Debug, PartialEq, Eq)]
pub enum Fragment {
    Comment(CommentId),
    Page(usize),
    Other,
}

/// Reads `#comment-<id>` and `#comments-page-<n>`.
pub fn parse_fragment(hash: &str) -> Fragment {
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

#[component]
pub fn CommentsArea(post: String, title: String) -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let discussion = Discussion::open(post, title, store, lang);
    provide_context(discussion);

    // The address decides the page: a permalink opens the page holding its comment.
    let follow_address = move || {
        let hash = window().location().hash().unwrap_or_default();
        match parse_fragment(&hash) {
            Fragment::Comment(id) => {
                discussion.go_to(&id);
            }
            Fragment::Page(n) => {
                let last = discussion.threads.with_untracked(|t| t.page_count());
                discussion.page.set(n.min(last));
                discussion.highlighted.set(None);
            }
            Fragment::Other => {}
        }
    };
    if !super::PRERENDERING {
        follow_address();
    }
    on_window_event("hashchange", move |_| follow_address());
    // The index is saved when the page is hidden or left, not on every post.
    on_window_event("pagehide", move |_| discussion.flush_index());
    on_window_event("visibilitychange", move |_| discussion.flush_index());
    // Another tab of this page posted, edited or deleted: show it here too.
    on_window_event("storage", move |ev| {
        if let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() {
            discussion.apply_remote(ev.key().as_deref(), ev.new_value().as_deref());
        }
    });
    // Once the marked comment is on the page, bring it into view.
    Effect::new(move |_| {
        discussion.page.track();
        if let Some(id) = discussion.highlighted.get() {
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&id.anchor()) {
                    el.scroll_into_view();
                }
            });
        }
    });

    // The form sits here unless it moved under a comment; rebuilt only when it moves.
    let at_bottom = Memo::new(move |_| discussion.reply_to.with(Option::is_none));
    let heading = move || {
        let count = discussion.index.with(|i| i.count());
        discussion
            .title
            .with_value(|title| lang.get().comments_heading(count, title))
    };
    // A memo, so a post or an edit on another page does not touch this one.
    let roots = Memo::new(move |_| {
        let page = discussion.page.get();
        discussion.threads.with(|t| t.roots_on_page(page))
    });
    let order_changed = move |ev: ev::Event| {
        let value = event_target_value(&ev);
        if let Some(order) = Order::parse(&value) {
            discussion.set_order(order);
        }
    };

    view! {
        <section class="comments-area" id="comments" aria-labelledby="comments-title"
            on:dragover=move |ev: ev::DragEvent| ev.prevent_default()
            on:drop=move |ev: ev::DragEvent| {
                ev.prevent_default();
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    import_file(discussion, file);
                }
            }>
            {move || (discussion.unreadable.get() > 0).then(|| view! {
                <p class="notice" role="status">{move || lang.get().unreadable_notice(discussion.unreadable.get())}</p>
            })}
            <div class="comments-header">
                <h2 id="comments-title" class="comments-title" tabindex="-1">{heading}</h2>
                {move || (discussion.index.with(|i| i.count()) > 1).then(|| view! {
                    <p class="comments-order">
                        <label for="comment-order">{move || t().order_label}</label>
                        " "
                        <select id="comment-order" on:change=order_changed>
                            <option value="oldest" selected=move || discussion.order.get() == Order::OldestFirst>{move || t().oldest_first}</option>
                            <option value="newest" selected=move || discussion.order.get() == Order::NewestFirst>{move || t().newest_first}</option>
                        </select>
                    </p>
                })}
            </div>
            <ol class="comment-list">
                <For each=move || roots.get() key=|id| id.clone() let:id>
                    <CommentItem id=id depth=1 />
                </For>
            </ol>
            <PageLinks />
            {move || discussion.undo.get().map(|_| view! { <UndoBar /> })}
            <p class="comments-announcement" role="status" aria-live="polite" aria-atomic="true">
                {move || discussion.announcement.get()}
            </p>
            {move || at_bottom.get().then(|| view! { <ReplyForm parent=None /> })}
            <ExportImport />
        </section>
    }
}

/// WordPress-style page links: « Previous, the numbers, Next ».
#[component]
fn PageLinks() -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let count = move || discussion.threads.with(|t| t.page_count());
    let link = move |n: usize, label: String, rel: Option<&'static str>| {
        view! { <a class="page-numbers" href=format!("#comments-page-{n}") rel=rel>{label}</a> }
    };
    view! {
        <Show when=move || { count() > 1 }>
            <nav class="comment-navigation" aria-label=move || lang.get().strings().pages_label>
                {move || {
                    let current = discussion.page.get();
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
        </Show>
    }
}

/// "Comment deleted. Undo", for [`super::discussion::UNDO_WINDOW`].
#[component]
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
            discussion.announcement.set(format!(
                "{} {}",
                t().not_restored,
                e.message(lang.get_untracked())
            ));
        }
    };
    view! {
        <div class="undo-bar">
            <span>{move || t().deleted}</span>
            " "
            <button type="button" class="undo-button" node_ref=button on:click=undo>{move || t().undo}</button>
        </div>
    }
}

/// Export to a JSON file, and import one (also by dropping it on the comments).
#[component]
fn ExportImport() -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let export = move |_| {
        let (name, json) = discussion.export(js_sys::Date::now() as i64);
        let message = match download(&name, &json) {
            Ok(()) => lang.get_untracked().exported_to(&name),
            Err(_) => t().export_failed.to_owned(),
        };
        discussion.announcement.set(message);
    };
    view! {
        <div class="comments-tools">
            <h3 class="comments-tools-title">{move || t().tools_title}</h3>
            <p class="comments-tools-note">{move || t().tools_note}</p>
            <div class="comments-tools-actions">
                <button type="button" class="secondary-button" on:click=export disabled=super::PRERENDERING>{move || t().export}</button>
                <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json" disabled=super::PRERENDERING
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
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        let message = match text.ok().and_then(|t| t.as_string()) {
            None => discussion
                .lang
                .get_untracked()
                .strings()
                .import_unreadable_file
                .to_owned(),
            Some(text) => match discussion.import(&text) {
                Ok(report) => report,
                Err(e) => e.message(discussion.lang.get_untracked()).to_owned(),
            },
        };
        discussion.announcement.set(message);
    });
}

/// Offers `text` as a download named `name`.
fn download(name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}
