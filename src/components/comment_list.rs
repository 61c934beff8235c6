//! The comments under the post, headed with their count, each always shown as text.

use super::utc_offset_minutes;
use crate::comments::{time, Comment};
use leptos::prelude::*;

/// `rel` for a commenter's website, as WordPress sets it.
pub const AUTHOR_LINK_REL: &str = "nofollow ugc noopener noreferrer";

/// The heading: "One thought on “Title”", "N thoughts on “Title”", or an invitation.
pub fn comments_heading(count: usize, title: &str) -> String {
    match count {
        0 => "No thoughts yet. Be the first to share yours!".to_owned(),
        1 => format!("One thought on “{title}”"),
        n => format!("{n} thoughts on “{title}”"),
    }
}

#[component]
pub fn CommentList(title: String, comments: RwSignal<Vec<Comment>>) -> impl IntoView {
    let heading = move || comments.with(|list| comments_heading(list.len(), &title));
    view! {
        <h2 id="comments-title" class="comments-title">{heading}</h2>
        <ol class="comment-list">
            <For each=move || comments.get() key=|c| c.id.clone() let:comment>
                <CommentItem comment=comment />
            </For>
        </ol>
    }
}

#[component]
fn CommentItem(comment: Comment) -> impl IntoView {
    let anchor = comment.id.anchor();
    let href = format!("#{anchor}");
    let datetime = time::iso_utc(comment.created_ms);
    let when = time::display(comment.created_ms, utc_offset_minutes(comment.created_ms));
    let initial = comment
        .author
        .chars()
        .next()
        .map(String::from)
        .unwrap_or_default();
    let author = match comment.url {
        Some(url) => {
            view! { <a class="url" href=url rel=AUTHOR_LINK_REL>{comment.author}</a> }.into_any()
        }
        None => view! { <span>{comment.author}</span> }.into_any(),
    };
    view! {
        <li id=anchor class="comment">
            <article class="comment-body">
                <footer class="comment-meta">
                    <span class="avatar" aria-hidden="true">{initial}</span>
                    <b class="fn">{author}</b>
                    " "
                    <span class="says">"says:"</span>
                    <a class="comment-permalink" href=href><time datetime=datetime>{when}</time></a>
                </footer>
                <div class="comment-content">{comment.content}</div>
            </article>
        </li>
    }
}
