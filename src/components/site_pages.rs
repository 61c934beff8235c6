//! The pages around the posts: the home page (every moment, newest first), the
//! not-found page, and the Previous / Next links at the end of a post.
//!
//! They are rendered at build time only (`src/bin/prerender.rs`): none of their
//! text reacts to the reader, so the browser builds only their live parts (the
//! skip link, the settings, the footer) and never this code's output.

use super::frame::{provide_page_context, site_footer, skip_link};
use super::post_header::PageSettings;
use crate::content::Post;
use crate::i18n::Lang;
use crate::storage::MemoryStore;
use crate::time;
use goosebumps_core::pages;
use leptos::prelude::*;
use std::rc::Rc;

/// How many characters of a quote the home page shows.
const QUOTE_START: usize = 160;
/// How many moments the not-found page suggests.
const NEWEST_ON_404: usize = 5;

/// What the live parts of these pages read, as a new reader has it at build
/// time (English, nothing stored); the browser gives its own when it builds them.
fn build_time_context() -> RwSignal<Lang> {
    provide_page_context(Rc::new(MemoryStore::new()), Lang::En)
}

/// A link to another post: its address and title.
#[derive(Debug, Clone, PartialEq)]
pub struct PostLink {
    /// The post's address.
    pub url: String,
    /// The post's title.
    pub title: String,
}

/// The site's header on the pages that are not a post: its name, as a link home,
/// and the settings.
#[component]
#[allow(unreachable_pub)]
fn SiteHeader(name: String, home: String, #[prop(optional)] here: bool) -> impl IntoView {
    view! {
        <header class="post-header site-header">
            <div class="site-bar">
                <p class="site-name">
                    <a href=home aria-current=here.then_some("page")>{name}</a>
                </p>
                <PageSettings />
            </div>
        </header>
    }
}

/// The home page: the site's name and every moment, newest first (`posts` comes
/// in that order), each with who, where from, the film, the headline, the start
/// of the quote, the day and a link to the post. `base` is where the site's
/// files are (ends with `/`).
#[component]
#[allow(unreachable_pub)]
pub fn HomePage(site_name: String, base: String, posts: Vec<Post>) -> impl IntoView {
    let lang = build_time_context();
    view! {
        {skip_link(lang)}
        <SiteHeader name=site_name.clone() home=base.clone() here=true />
        <main id="content" class="site-main" tabindex="-1">
            <h1 class="post-title">{site_name}</h1>
            <ol class="moment-list" lang="en">
                {posts.into_iter().map(|post| view! { <MomentCard post=post base=base.clone() /> }).collect_view()}
            </ol>
        </main>
        {site_footer(lang)}
    }
}

/// One moment on the home page.
#[component]
#[allow(unreachable_pub)]
fn MomentCard(post: Post, base: String) -> impl IntoView {
    let url = pages::post_url(&base, &post.slug);
    let flag = format!("{base}{}", post.person.country.code.flag_path());
    let country = post.person.country.name.clone();
    let quote = pages::first_words(&post.testimonial.quote, QUOTE_START);
    let day = time::long_day(post.published.0, Lang::En);
    let datetime = time::iso_utc(post.published.0);
    let heading_id = format!("moment-{}", post.slug);
    let labelled_by = heading_id.clone();
    view! {
        <li class="moment-card">
            <article aria-labelledby=labelled_by>
                <p class="person">
                    <span class="person-name">{post.person.name}</span>
                    <span class="person-country">
                        <img class="flag" src=flag alt=country.clone() width="24" height="16" />
                        " "
                        {country}
                    </span>
                </p>
                <h2 class="moment-title" id=heading_id>
                    <a href=url>{post.title}</a>
                </h2>
                <p class="moment-film">{format!("{} ({})", post.film.title, post.film.year)}</p>
                <p class="moment-headline">{post.testimonial.headline}</p>
                <blockquote class="moment-quote"><p>{quote}</p></blockquote>
                <p class="moment-date"><time datetime=datetime>{day}</time></p>
            </article>
        </li>
    }
}

/// The not-found page, in both languages at once (it is shown at any address,
/// before anything could know the reader's choice): what happened, a link home,
/// and the newest moments.
#[component]
#[allow(unreachable_pub)]
pub fn NotFoundPage(site_name: String, base: String, newest: Vec<PostLink>) -> impl IntoView {
    let lang = build_time_context();
    view! {
        {skip_link(lang)}
        <SiteHeader name=site_name home=base.clone() />
        <main id="content" class="site-main not-found" tabindex="-1">
            <h1 class="post-title">
                <span lang="en">"Page not found"</span>
                <span class="not-found-other" lang="es">"Página no encontrada"</span>
            </h1>
            <p lang="en">"It looks like nothing was found at this address. The link may be mistyped, or the page may have moved."</p>
            <p lang="es">"Parece que no hay nada en esta dirección. Puede que el enlace esté mal escrito o que la página se haya movido."</p>
            <p class="not-found-home">
                <a href=base.clone()>
                    <span lang="en">"Go to the home page"</span>
                    " · "
                    <span lang="es">"Ir a la página de inicio"</span>
                </a>
            </p>
            {(!newest.is_empty()).then(|| view! {
                <h2 class="not-found-newest">
                    <span lang="en">"Newest moments"</span>
                    " · "
                    <span lang="es">"Momentos más recientes"</span>
                </h2>
                <ul class="not-found-list" lang="en">
                    {newest.into_iter().take(NEWEST_ON_404).map(|link| view! {
                        <li><a href=link.url>{link.title}</a></li>
                    }).collect_view()}
                </ul>
            })}
        </main>
        {site_footer(lang)}
    }
}

/// "Previous post" / "Next post" at the end of a post, as WordPress's
/// `the_post_navigation` words and marks them up; nothing where there is no
/// other post.
#[component]
#[allow(unreachable_pub)]
pub fn PostNav(previous: Option<PostLink>, next: Option<PostLink>) -> impl IntoView {
    (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="navigation post-navigation" aria-label="Posts" lang="en">
                <h2 class="screen-reader-text">"Post navigation"</h2>
                <div class="nav-links">
                    {previous.map(|p| nav_link("nav-previous", "prev", "Previous post", p))}
                    {next.map(|n| nav_link("nav-next", "next", "Next post", n))}
                </div>
            </nav>
        }
    })
}

/// One side of [`PostNav`]: WordPress's words over the other post's title.
fn nav_link(
    class: &'static str,
    rel: &'static str,
    words: &'static str,
    link: PostLink,
) -> impl IntoView {
    view! {
        <div class=class>
            <a href=link.url rel=rel>
                <span class="meta-nav">{words}</span>
                " "
                <span class="nav-title">{link.title}</span>
            </a>
        </div>
    }
}
