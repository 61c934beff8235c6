//! The app: picks the post from the URL, opens the store, and lays out the page.

use super::{
    article::Article, comments_area::CommentsArea, facts::FactsBox, post_header::PostHeader,
    testimonial::Testimonial, StoreHandle,
};
use crate::content::{self, Post};
use crate::storage::{LocalStore, MemoryStore, Store, StoreError};
use leptos::prelude::*;
use std::rc::Rc;

/// The whole page for the post the URL names, with the browser's localStorage
/// (or memory, where the browser blocks storage).
#[component]
pub fn App() -> impl IntoView {
    let posts = match content::all_posts() {
        Ok(posts) => posts,
        Err(e) => {
            return view! { <p class="fatal">"This page could not be shown: " {e.to_string()}</p> }
                .into_any()
        }
    };
    let path = window().location().pathname().unwrap_or_default();
    let slugs: Vec<&str> = posts.iter().map(|p| p.slug.as_str()).collect();
    let slug = content::select_slug(&path, &slugs)
        .unwrap_or_default()
        .to_owned();
    let Some(post) = posts.into_iter().find(|p| p.slug == slug) else {
        return view! { <p class="fatal">"There is no post here yet."</p> }.into_any();
    };
    let (store, blocked): (Rc<dyn Store>, bool) = match LocalStore::open() {
        Ok(local) => (Rc::new(local), false),
        Err(_) => (Rc::new(MemoryStore::new()), true),
    };
    view! { <PostPage post=post store=store storage_blocked=blocked /> }.into_any()
}

/// One post with its comments, over any [`Store`] (tests pass a memory store).
#[component]
pub fn PostPage(
    post: Post,
    store: Rc<dyn Store>,
    /// True when the browser refused storage and `store` only lives in memory.
    #[prop(optional)]
    storage_blocked: bool,
) -> impl IntoView {
    provide_context(StoreHandle::new(store));
    view! {
        <a class="skip-link" href="#content">"Skip to content"</a>
        <PostHeader kicker=post.kicker.clone() title=post.title.clone() />
        <main id="content" class="site-main">
            <article class="post">
                <Testimonial post=post.clone() />
                <Article sections=post.article.clone() />
                <FactsBox facts=post.facts.clone() />
            </article>
            {storage_blocked.then(|| view! {
                <p class="notice notice-warning" role="status">{StoreError::Blocked.to_string()}</p>
            })}
            <CommentsArea post=post.slug.clone() title=post.title.clone() />
        </main>
        <footer class="site-footer">
            <p>"Replies you post here are kept in this browser only."</p>
        </footer>
    }
}
