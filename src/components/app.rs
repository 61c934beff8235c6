//! The app: picks the post from the URL, opens the store, and lays out the page.

use super::{
    article::Article, comments_area::CommentsArea, facts::FactsBox, post_header::PostHeader,
    testimonial::Testimonial, StoreHandle, UiLang,
};
use crate::content::{self, Post};
use crate::i18n::Lang;
use crate::storage::records;
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
    // The language: the reader's choice, else the browser's preferred languages.
    let lang = records::load_language(store.as_ref()).unwrap_or_else(|| {
        let languages: Vec<String> = window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
            .collect();
        Lang::negotiate(languages.iter().map(String::as_str))
    });
    view! { <PostPage post=post store=store storage_blocked=blocked lang=lang /> }.into_any()
}

/// One post with its comments, over any [`Store`] (tests pass a memory store).
#[component]
pub fn PostPage(
    post: Post,
    store: Rc<dyn Store>,
    /// True when the browser refused storage and `store` only lives in memory.
    #[prop(optional)]
    storage_blocked: bool,
    /// The interface language to start in.
    #[prop(optional)]
    lang: Lang,
) -> impl IntoView {
    provide_context(StoreHandle::new(store));
    let lang = RwSignal::new(lang);
    provide_context(UiLang(lang));
    let t = move || lang.get().strings();
    view! {
        <a class="skip-link" href="#content">{move || t().skip_to_content}</a>
        <PostHeader kicker=post.kicker.clone() title=post.title.clone() />
        // tabindex -1: the skip link then moves focus here (not only the view), so screen
        // readers go on from main; it stays out of the Tab order.
        <main id="content" class="site-main" tabindex="-1">
            <article class="post">
                <Testimonial post=post.clone() />
                <Article sections=post.article.clone() />
                <FactsBox facts=post.facts.clone() />
            </article>
            {storage_blocked.then(|| view! {
                <p class="notice notice-warning" role="status">{move || StoreError::Blocked.message(lang.get())}</p>
            })}
            <CommentsArea post=post.slug.clone() title=post.title.clone() />
        </main>
        <footer class="site-footer">
            <p>{move || t().footer}</p>
        </footer>
    }
}
