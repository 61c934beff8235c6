//! The app: picks the post from the URL, opens the store, and lays out the page.

use super::live::LivePart;
use super::{
    article::Article, comments_area::CommentsArea, facts::FactsBox, post_header::PostHeader,
    testimonial::Testimonial, StoreHandle, UiLang,
};
use crate::comments::published::PublishedReply;
use crate::content::{self, ContentError, Post};
use crate::i18n::Lang;
use crate::storage::records;
use crate::storage::{LocalStore, MemoryStore, Store, StoreError};
use leptos::prelude::*;
use std::rc::Rc;

/// What the page starts from: the post the URL names, the browser's localStorage
/// (or memory, where the browser blocks storage) and the interface language.
pub(crate) struct Start<P> {
    pub post: P,
    pub store: Rc<dyn Store>,
    /// True when the browser refused storage and `store` only lives in memory.
    pub blocked: bool,
    pub lang: Lang,
}

impl<P> Start<P> {
    /// Picks from `posts` (the bundled posts, whole or as the browser needs them)
    /// and reads the address and the browser; the error is the sentence to show
    /// instead of the page.
    pub(crate) fn from_browser(
        posts: Result<Vec<P>, ContentError>,
        slug_of: fn(&P) -> &str,
    ) -> Result<Self, String> {
        let posts = posts.map_err(|e| format!("This page could not be shown: {e}"))?;
        let path = window().location().pathname().unwrap_or_default();
        let slugs: Vec<&str> = posts.iter().map(slug_of).collect();
        let slug = content::select_slug(&path, &slugs)
            .unwrap_or_default()
            .to_owned();
        let Some(post) = posts.into_iter().find(|p| slug_of(p) == slug) else {
            return Err("There is no post here yet.".into());
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
        Ok(Self {
            post,
            store,
            blocked,
            lang,
        })
    }
}

/// The whole page for the post the URL names, with the browser's localStorage
/// (or memory, where the browser blocks storage).
#[component]
pub fn App() -> impl IntoView {
    match Start::from_browser(content::all_posts(), |p: &Post| &p.slug) {
        Ok(start) => view! {
            <PostPage post=start.post store=start.store storage_blocked=start.blocked lang=start.lang />
        }
        .into_any(),
        Err(message) => view! { <p class="fatal">{message}</p> }.into_any(),
    }
}

/// Shares the store and the interface language with the components below, and
/// returns the language.
pub(crate) fn provide_page_context(store: Rc<dyn Store>, lang: Lang) -> RwSignal<Lang> {
    provide_context(StoreHandle::new(store));
    let lang = RwSignal::new(lang);
    provide_context(UiLang(lang));
    lang
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
    /// The post's published replies.
    #[prop(optional)]
    published: Vec<PublishedReply>,
) -> impl IntoView {
    let lang = provide_page_context(store, lang);
    view! {
        {skip_link(lang)}
        <PostHeader kicker=post.kicker.clone() title=post.title.clone() />
        // tabindex -1: the skip link then moves focus here (not only the view), so screen
        // readers go on from main; it stays out of the Tab order.
        <main id="content" class="site-main" tabindex="-1">
            <article class="post">
                <Testimonial post=post.clone() />
                <Article sections=post.article.clone() />
                <FactsBox facts=post.facts.clone() />
            </article>
            {storage_blocked.then(|| blocked_notice(lang))}
            <CommentsArea post=post.slug.clone() title=post.title.clone() published=published />
        </main>
        {site_footer(lang)}
    }
}

pub(crate) fn skip_link(lang: RwSignal<Lang>) -> impl IntoView {
    view! { <a class="skip-link" href="#content" data-live=LivePart::SkipLink.id()>{move || lang.get().strings().skip_to_content}</a> }
}

pub(crate) fn site_footer(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <footer class="site-footer" data-live=LivePart::Footer.id()>
            <p>{move || lang.get().strings().footer}</p>
        </footer>
    }
}

/// Said where the browser refused storage, before the comments.
pub(crate) fn blocked_notice(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <p class="notice notice-warning" role="status">{move || StoreError::Blocked.message(lang.get())}</p>
    }
}
