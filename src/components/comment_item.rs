//! One comment in its thread: the author, the date (a permalink), the text shown
//! as text, its actions (Reply, Edit, Delete, Copy link), and its replies.

use super::reply_form::ReplyForm;
use crate::comments::thread::MAX_DEPTH;
use crate::comments::validation::{is_web_url, validate_text};
use crate::comments::CommentId;
use crate::context::use_lang;
use crate::discussion::{Discussion, Sending};
use crate::glue::time_zone::utc_offset_minutes;
use crate::time;
use leptos::html;
use leptos::prelude::*;

/// `rel` for a commenter's website, as WordPress sets it.
pub(crate) const AUTHOR_LINK_REL: &str = "nofollow ugc noopener noreferrer";

#[component]
#[allow(unreachable_pub)]
pub fn CommentItem(id: CommentId, depth: usize) -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let id = StoredValue::new(id);
    // Only this comment's own changes re-read it (see `Discussion::comment`).
    let comment = Memo::new(move |_| id.with_value(|id| discussion.comment(id)));
    // Listed by the index but unreadable now: set aside after this render.
    Effect::new(move |_| {
        if comment.get().is_none() {
            id.with_value(|id| discussion.set_aside(id));
        }
    });
    let anchor = id.with_value(CommentId::anchor);
    let highlighted = move || id.with_value(|id| discussion.is_highlighted(id));
    let reply_button = NodeRef::<html::Button>::new();
    let replying = Memo::new(move |_| id.with_value(|id| discussion.is_replying_to(id)));
    let editing = Memo::new(move |_| id.with_value(|id| discussion.is_editing(id)));
    let published = Memo::new(move |_| id.with_value(|id| discussion.is_published(id)));
    let own_published = Memo::new(move |_| id.with_value(|id| discussion.is_own_published(id)));
    // Cancel reply gives focus back to the Reply button that opened the form.
    Effect::new(move |was_replying: Option<bool>| {
        let now = replying.get();
        // Not when another reply form opened: that one takes focus itself.
        if was_replying == Some(true) && !now && discussion.reply_target_untracked().is_none() {
            if let Some(button) = reply_button.get_untracked() {
                let _ = button.focus();
            }
        }
        now
    });

    // A memo: only a change to this comment's own replies rebuilds its list. At
    // the last depth but one, the list is every reply below, flat, each at the
    // last depth (`Threads::listed_under`), so the nesting never goes deeper.
    let replies = Memo::new(move |_| {
        if depth >= MAX_DEPTH {
            return Vec::new();
        }
        id.with_value(|id| discussion.with_threads(|t| t.listed_under(id, depth)))
    });
    let has_replies = Memo::new(move |_| replies.with(|r| !r.is_empty()));

    // Why every word below is its own closure: a language switch then changes
    // words only, and never rebuilds the comment (nor an open edit form).
    view! {
        <li id=anchor class=format!("comment depth-{depth}") class:is-highlighted=highlighted>
            {move || match comment.get() {
                None => view! { <div class="comment-body comment-missing">{move || t().unreadable_comment}</div> }.into_any(),
                Some(c) if c.deleted => view! { <div class="comment-body comment-deleted">{move || t().deleted_placeholder}</div> }.into_any(),
                Some(c) => {
                    let href = format!("#{}", c.id.anchor());
                    let created = c.created_ms;
                    let datetime = time::iso_utc(created);
                    let when = move || time::display(created, utc_offset_minutes(created), lang.get());
                    let initial = c.author.chars().next().map(String::from).unwrap_or_default();
                    let author_name = c.author.clone();
                    let label_name = c.author.clone();
                    // Only a web address becomes a link, whatever a stored or imported record holds.
                    let author = match c.url.clone().filter(|u| is_web_url(u)) {
                        Some(url) => view! { <a class="url" href=url rel=AUTHOR_LINK_REL>{c.author.clone()}</a> }.into_any(),
                        None => view! { <span>{c.author.clone()}</span> }.into_any(),
                    };
                    let edited = c.edited_ms.map(|ms| {
                        let datetime = time::iso_utc(ms);
                        let when = move || time::display(ms, utc_offset_minutes(ms), lang.get());
                        view! { <span class="edited">{move || t().edited} " " <time datetime=datetime>{when}</time></span> }
                    });
                    let content = c.content.clone();
                    view! {
                        // tabindex -1: Undo puts focus back on the restored comment.
                        <article class="comment-body" tabindex="-1" aria-label=move || lang.get().comment_by(&label_name)>
                            <footer class="comment-meta">
                                <span class="avatar" aria-hidden="true">{initial}</span>
                                <span class="comment-author">
                                    <b class="fn">{author}</b>
                                    " "
                                    <span class="says">{move || t().says}</span>
                                </span>
                                <span class="comment-metadata">
                                    <a class="comment-permalink" href=href><time datetime=datetime>{when}</time></a>
                                    " "
                                    {edited}
                                    {move || own_published.get().then(|| view! { " " <span class="published-mark">{move || t().published}</span> })}
                                </span>
                            </footer>
                            // A closure, not `<Show>`: each `<Show>` compiles its own copy of
                            // Leptos's children code into the wasm (about 2 KB apiece).
                            {move || if editing.get() {
                                view! { <EditForm id=id.get_value() /> }.into_any()
                            } else {
                                view! { <div class="comment-content">{content.clone()}</div> }.into_any()
                            }}
                            <CommentActions id=id.get_value() author=author_name.clone() depth=depth reply_button=reply_button published=published />
                        </article>
                    }
                    .into_any()
                }
            }}
            {move || replying.get().then(|| {
                let author = comment.get_untracked().map(|c| c.author);
                view! { <ReplyForm parent=Some(id.get_value()) parent_author=author.unwrap_or_default() /> }
            })}
            {move || has_replies.get().then(|| view! {
                <ol class="children">
                    <For each=move || replies.get() key=|id| id.clone() let:reply>
                        <CommentItem id=reply depth=(depth + 1).min(MAX_DEPTH) />
                    </For>
                </ol>
            })}
        </li>
    }
    .into_any()
}

#[component]
#[allow(unreachable_pub)]
fn CommentActions(
    id: CommentId,
    author: String,
    depth: usize,
    reply_button: NodeRef<html::Button>,
    published: Memo<bool>,
) -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let id = StoredValue::new(id);
    let copy_link = move |_| {
        let url = id.with_value(permalink);
        let lang = lang.get_untracked();
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            return;
        };
        let promise = clipboard.write_text(&url);
        leptos::task::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            discussion.announce(if copied {
                lang.strings().link_copied.to_owned()
            } else {
                lang.copy_failed(&url)
            });
        });
    };
    let delete = move |_| {
        if let Err(e) = id.with_value(|id| discussion.delete(id)) {
            discussion.announce_failure(|l| l.strings().not_deleted, &e);
        }
    };
    let reply_label = move || lang.get().reply_to_label(&author);
    view! {
        <div class="comment-actions">
            {(depth < MAX_DEPTH).then(|| view! {
                <button type="button" class="link-button" node_ref=reply_button
                    aria-label=reply_label disabled=super::until_live()
                    on:click=move |_| discussion.open_reply(id.get_value())>{move || t().reply}</button>
            })}
            // A published reply is the site's: Edit and Delete give way to its mark.
            {move || (!published.get()).then(|| view! {
                <button type="button" class="link-button edit-button" on:click=move |_| discussion.start_edit(id.get_value())>{move || t().edit}</button>
                <button type="button" class="link-button" on:click=delete>{move || t().delete}</button>
                <button type="button" class="link-button send-button" aria-haspopup="dialog"
                    on:click=move |_| discussion.open_send(Sending::One(id.get_value()))>{move || t().send_for_publishing}</button>
            })}
            <button type="button" class="link-button" on:click=copy_link disabled=super::until_live()>{move || t().copy_link}</button>
            {move || (!published.get() && id.with_value(|id| discussion.is_sent(id))).then(|| view! {
                <span class="sent-mark">{move || lang.get().sent_waiting(crate::content::site::LIVE_OWNER.name)}</span>
            })}
        </div>
    }
}

/// The full permalink of a comment: this page's address with `#comment-<id>`.
fn permalink(id: &CommentId) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{}", id.anchor())
}

/// Editing in place, with the same rules as posting. The text being typed is the
/// discussion's (see `Discussion::edit_text`): rebuilding this form keeps it.
#[component]
#[allow(unreachable_pub)]
fn EditForm(id: CommentId) -> impl IntoView {
    let discussion = expect_context::<Discussion>();
    let lang = use_lang();
    let t = move || lang.get().strings();
    let text = RwSignal::new(discussion.edit_text());
    let error = RwSignal::new(None::<String>);
    let field = NodeRef::<html::Textarea>::new();
    let field_id = format!("edit-{id}");
    let error_id = format!("{field_id}-error");
    Effect::new(move |_| {
        if let Some(el) = field.get() {
            let _ = el.focus();
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get_untracked();
        let lang = lang.get_untracked();
        let result = match validate_text(&typed) {
            Ok(valid) => discussion
                .save_edit(valid.to_owned(), js_sys::Date::now() as i64)
                .map_err(|e| format!("{} {}", lang.strings().not_updated, e.change_message(lang))),
            Err(e) => Err(e.message(lang).to_owned()),
        };
        if let Err(e) = result {
            error.set(Some(e));
            if let Some(el) = field.get_untracked() {
                let _ = el.focus();
            }
        }
    };
    let error_id_for_attr = error_id.clone();
    view! {
        <form class="comment-edit" novalidate on:submit=save>
            <label for=field_id.clone()>{move || t().edit_label}</label>
            <textarea id=field_id rows="5" node_ref=field
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| error_id_for_attr.clone())
                prop:value=move || text.get()
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    discussion.type_edit(value.clone());
                    text.set(value);
                }></textarea>
            {move || error.get().map(|e| view! { <span id=error_id.clone() class="field-error" role="alert">{e}</span> })}
            <div class="comment-edit-actions">
                <button type="submit" class="submit submit-small">{move || t().save}</button>
                <button type="button" class="link-button" on:click=move |_| discussion.cancel_edit()>{move || t().cancel}</button>
            </div>
        </form>
    }
}
