//! The app: picks the post from the URL, opens the store, and lays out the page.

use super::frame::{blocked_notice, provide_page_context, site_footer, skip_link};
use super::site_pages::{PostLink, PostNav};
use super::{
    article::Article, comments_area::CommentsArea, facts::FactsBox, post_header::PostHeader,
    testimonial::Testimonial,
};
use crate::comments::published::PublishedReply;
use crate::content::{self, ContentError, Post};
use crate::i18n::Lang;
use crate::storage::records;
use crate::storage::{LocalStore, MemoryStore, Store};
use leptos::prelude::*;
use std::rc::Rc;

/// What the page starts from: the page's post (none on the home and not-found
/// pages), the browser's localStorage (or memory, where the browser blocks
/// storage) and the interface language.
pub(crate) struct Start<P> {
    pub post: Option<P>,
    pub store: Rc<dyn Store>,
    /// True when the browser refused storage and `store` only lives in memory.
    pub blocked: bool,
    pub lang: Lang,
}

impl<P> Start<P> {
    /// Picks the post `wanted` names from `posts` (the bundled posts, whole or as
    /// the browser needs them; `None`: a page without a post) and reads the
    /// browser; the error is the sentence to show instead of the page.
    pub(crate) fn from_browser(
        posts: Result<Vec<P>, ContentError>,
        slug_of: fn(&P) -> &str,
        wanted: Option<&str>,
    ) -> Result<Self, String> {
        let posts = posts.map_err(|e| format!("This page could not be shown: {e}"))?;
        let post = match wanted {
            Some(slug) => Some(
                posts
                    .into_iter()
                    .find(|p| slug_of(p) == slug)
                    .ok_or_else(|| format!("There is no post {slug:?} in this build."))?,
            ),
            None => None,
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
#[allow(unreachable_pub)]
pub fn App() -> impl IntoView {
    let posts = content::all_posts();
    let path = window().location().pathname().unwrap_or_default();
    let slugs: Vec<String> = posts
        .as_ref()
        .map(|posts| posts.iter().map(|p| p.slug.clone()).collect())
        .unwrap_or_default();
    let slugs: Vec<&str> = slugs.iter().map(String::as_str).collect();
    let wanted = content::select_slug(&path, &slugs).map(str::to_owned);
    match Start::from_browser(posts, |p: &Post| &p.slug, wanted.as_deref()) {
        Ok(Start {
            post: Some(post),
            store,
            blocked,
            lang,
        }) => view! {
            <PostPage post=post store=store storage_blocked=blocked lang=lang />
        }
        .into_any(),
        Ok(_) => view! { <p class="fatal">"There is no post here yet."</p> }.into_any(),
        Err(message) => view! { <p class="fatal">{message}</p> }.into_any(),
    }
}

/// One post with its comments, over any [`Store`] (tests pass a memory store).
#[component]
#[allow(unreachable_pub)]
pub fn PostPage(
    /// The post.
    post: Post,
    /// Where its comments are kept.
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
    /// The older post, for "Previous post".
    #[prop(optional_no_strip)]
    previous: Option<PostLink>,
    /// The newer post, for "Next post".
    #[prop(optional_no_strip)]
    next: Option<PostLink>,
    /// The site's name, linked to the home page above the post.
    #[prop(optional_no_strip)]
    site_name: Option<String>,
) -> impl IntoView {
    let lang = provide_page_context(store, lang);
    view! {
        {skip_link(lang)}
        <PostHeader kicker=post.kicker.clone() title=post.title.clone() site_name=site_name />
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
            <PostNav previous=previous next=next />
        </main>
        {site_footer(lang)}
    }
}
