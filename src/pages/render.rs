//! Renders every page of the site at build time, from the same components the
//! browser runs: the home page, one page per post, the not-found page, and (when
//! the site's absolute URL is known) the feeds, the sitemap and robots.txt.
//!
//! A *page* is the built `index.html` (Trunk's output: the stylesheet, the app's
//! loader) with its own title, search and social metadata in `<head>` and its
//! markup in `<body>`, under the root the app starts over
//! ([`PRERENDER_ROOT`](crate::components::PRERENDER_ROOT)), which names the page's
//! post and where the site's files are. Every page loads the same app, which
//! builds only the live parts it finds.
//!
//! Only with the `ssr` feature (the `prerender` binary, and its native tests).

use crate::comments::published::PublishedReply;
use crate::comments::thread::{Index, Order};
use crate::comments::time;
use crate::components::{
    HomePage, NotFoundPage, PostLink, PostPage, SiteBase, BASE_ATTR, POST_ATTR, PRERENDER_ROOT,
};
use crate::content::site::Site;
use crate::content::{Post, Video};
use crate::pages::{self, feeds};
use crate::storage::{MemoryStore, Store};
use leptos::prelude::*;
use std::collections::HashMap;
use std::rc::Rc;

/// What a build renders.
pub struct SiteBuild<'a> {
    /// The site's settings.
    pub site: &'a Site,
    /// The public URL's path the site is served at (`/`, `/sub/`), ending with `/`.
    pub public: &'a str,
    /// The site's absolute URL, ending with `/` (with the public path), if known.
    pub absolute: Option<String>,
    /// The posts of this build (drafts only in a build that shows them).
    pub posts: &'a [Post],
    /// The published replies of each post, by slug (none for a post not listed).
    pub replies: &'a HashMap<String, Vec<PublishedReply>>,
    /// The built `index.html` every page starts from.
    pub template: &'a str,
}

/// One file of the build: its path under the build's folder, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltFile {
    pub path: String,
    pub contents: String,
}

/// What [`render_site`] wrote, and what it had to leave out.
#[derive(Debug, Default)]
pub struct Rendered {
    pub files: Vec<BuiltFile>,
    /// Said once to the owner: e.g. that feeds need the site's URL.
    pub notes: Vec<String>,
}

/// The path of the old single page's hashes (`#comment-…`, `#comments…`,
/// `#respond`) that the home page sends on to the first post.
const OLD_HASHES: &str = "^#(comment|respond)";

/// Every file the pre-render step writes for `build`.
pub fn render_site(build: &SiteBuild) -> Rendered {
    let mut out = Rendered::default();
    let newest = pages::newest_first(build.posts);
    let no_replies = Vec::new();
    let replies_of = |slug: &str| build.replies.get(slug).unwrap_or(&no_replies);
    let link = |post: &Post| PostLink {
        url: pages::post_url(build.public, &post.slug),
        title: post.title.clone(),
    };
    let feeds_on = build.absolute.is_some();

    // The home page.
    let home_url = build
        .absolute
        .clone()
        .unwrap_or_else(|| build.public.to_owned());
    let first = pages::first_post(build.posts);
    let mut head = home_metadata(build, &home_url);
    if feeds_on {
        head.push_str(&site_feed_link(build));
    }
    if let Some(first) = first {
        // Links to the single page the site used to be (`/#comment-12`) still
        // find their comment: sent on to the first post, hash and all, before the
        // home page paints.
        let to = serde_json::to_string(&pages::post_url(build.public, &first.slug))
            .expect("a string")
            .replace("</", "<\\/");
        head.push_str(&format!(
            "  <script>if(/{OLD_HASHES}/.test(location.hash))location.replace({to}+location.hash)</script>\n"
        ));
    }
    let posts: Vec<Post> = newest.iter().map(|p| (*p).clone()).collect();
    let (name, public) = (build.site.name.as_str().to_owned(), build.public.to_owned());
    let markup = render_markup(build.public, move || {
        view! { <HomePage site_name=name base=public posts=posts /> }.into_any()
    });
    out.files.push(BuiltFile {
        path: "index.html".into(),
        contents: page(
            build.template,
            build.site.name.as_str(),
            &head,
            &markup,
            build.public,
            None,
        ),
    });

    // One page per post.
    for post in build.posts {
        let url = match &build.absolute {
            Some(base) => pages::post_url(base, &post.slug),
            None => pages::post_url(build.public, &post.slug),
        };
        let replies = replies_of(&post.slug).clone();
        let mut head = metadata(build.site, post, &url, &replies);
        if feeds_on {
            head.push_str(&site_feed_link(build));
            head.push_str(&feed_link(
                build,
                &format!("{}/feed.xml", post.slug),
                &format!("Comments on: {}", post.title),
            ));
        }
        let (previous, next) = pages::neighbours(build.posts, &post.slug);
        let (previous, next) = (previous.map(link), next.map(link));
        let post_owned = post.clone();
        let site_name = build.site.name.as_str().to_owned();
        let markup = render_markup(build.public, move || {
            // A new reader: no comments of their own, no draft, English, the
            // system's colours; the site's published replies.
            let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
            view! {
                <PostPage post=post_owned store=store published=replies previous=previous next=next
                    site_name=Some(site_name) />
            }
            .into_any()
        });
        out.files.push(BuiltFile {
            path: format!("{}/index.html", post.slug),
            contents: page(
                build.template,
                &title(post),
                &head,
                &markup,
                build.public,
                Some(&post.slug),
            ),
        });
    }

    // The not-found page: shown at any address, so it never says where it is.
    let mut head = String::new();
    head.push_str("  <meta name=\"robots\" content=\"noindex\">\n");
    head.push_str(&format!(
        "  {}\n",
        meta(
            "name",
            "description",
            "Page not found · Página no encontrada"
        )
    ));
    if feeds_on {
        // Every page names the site's feed, this one too (its URL is absolute, so
        // it holds at whatever address the page is shown).
        head.push_str(&site_feed_link(build));
    }
    let newest_links: Vec<PostLink> = newest.iter().map(|p| link(p)).collect();
    let (name, public) = (build.site.name.as_str().to_owned(), build.public.to_owned());
    let markup = render_markup(build.public, move || {
        view! { <NotFoundPage site_name=name base=public newest=newest_links /> }.into_any()
    });
    out.files.push(BuiltFile {
        path: "404.html".into(),
        contents: page(
            build.template,
            &format!("Page not found – {}", build.site.name.as_str()),
            &head,
            &markup,
            build.public,
            None,
        ),
    });

    // Feeds, sitemap and robots.txt: their URLs must be absolute.
    match &build.absolute {
        Some(base) => {
            let author = build.site.owner.name.as_str();
            let feed_site = feeds::FeedSite {
                name: build.site.name.as_str(),
                base,
                author,
            };
            let listed: Vec<&Post> = newest.iter().copied().filter(|p| !p.is_draft()).collect();
            out.files.push(BuiltFile {
                path: "feed.xml".into(),
                contents: feeds::posts_feed(&feed_site, &listed),
            });
            for post in &listed {
                out.files.push(BuiltFile {
                    path: format!("{}/feed.xml", post.slug),
                    contents: feeds::replies_feed(&feed_site, post, replies_of(&post.slug)),
                });
            }
            // A post changes when it gets a reply: its newest one dates it.
            let last_modified = |post: &Post| {
                replies_of(&post.slug)
                    .iter()
                    .map(|r| r.created_ms)
                    .chain([post.published.0])
                    .max()
                    .unwrap_or(post.published.0)
            };
            out.files.push(BuiltFile {
                path: "sitemap.xml".into(),
                contents: feeds::sitemap(&feed_site, &listed, last_modified),
            });
            out.files.push(BuiltFile {
                path: "robots.txt".into(),
                contents: feeds::robots(Some(&format!("{base}sitemap.xml"))),
            });
        }
        None => {
            out.notes.push(
                "no feeds, sitemap.xml or robots.txt Sitemap line: they need the site's absolute \
                 URL (\"url\" in src/content/site.json, or GOOSEBUMPS_SITE_URL)"
                    .into(),
            );
            out.files.push(BuiltFile {
                path: "robots.txt".into(),
                contents: feeds::robots(None),
            });
        }
    }
    out
}

/// The markup of one page's body, rendered under a new owner with the site's base.
fn render_markup(public: &str, view: impl FnOnce() -> AnyView + 'static) -> String {
    let owner = Owner::new();
    let public = public.to_owned();
    owner.with(move || {
        provide_context(SiteBase(public));
        view().to_html()
    })
}

/// The template with the page's title, its `<head>` tags and its markup under
/// the root the app starts over.
fn page(
    template: &str,
    page_title: &str,
    head: &str,
    markup: &str,
    public: &str,
    post: Option<&str>,
) -> String {
    let html = replace_between(template, "<title>", "</title>", &escape(page_title));
    let html = html.replacen("</head>", &format!("{head}</head>"), 1);
    let open = "<body>";
    let at = html.find(open).expect("index.html has a <body>") + open.len();
    let post_attr = post
        .map(|slug| format!(" {POST_ATTR}=\"{}\"", escape(slug)))
        .unwrap_or_default();
    let root = format!(
        "\n<div id=\"{PRERENDER_ROOT}\" {BASE_ATTR}=\"{}\"{post_attr}>{markup}</div>",
        escape(public)
    );
    format!("{}{root}{}", &html[..at], &html[at..])
}

/// `<link rel="alternate">` to the site's feed of posts, which every page names.
fn site_feed_link(build: &SiteBuild) -> String {
    feed_link(
        build,
        "feed.xml",
        &format!("{} – feed", build.site.name.as_str()),
    )
}

/// `<link rel="alternate">` to a feed of the site (`path` under its base).
fn feed_link(build: &SiteBuild, path: &str, feed_title: &str) -> String {
    let base = build.absolute.as_deref().unwrap_or(build.public);
    format!(
        "  <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">\n",
        escape(feed_title),
        escape(&format!("{base}{path}"))
    )
}

/// The home page's description, canonical URL and Open Graph tags.
fn home_metadata(build: &SiteBuild, url: &str) -> String {
    let name = build.site.name.as_str();
    let description = format!("{name}: people's goosebump moments from films, in their own words.");
    let mut tags = vec![
        meta("name", "description", &description),
        meta("property", "og:type", "website"),
        meta("property", "og:site_name", name),
        meta("property", "og:title", name),
        meta("property", "og:description", &description),
        meta("property", "og:locale", "en_US"),
        meta("name", "twitter:card", "summary"),
    ];
    if build.absolute.is_some() {
        tags.insert(
            0,
            format!("<link rel=\"canonical\" href=\"{}\">", escape(url)),
        );
        tags.push(meta("property", "og:url", url));
    }
    let ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "url": build.absolute.as_deref(),
        "inLanguage": "en",
    })
    .to_string()
    .replace("</", "<\\/");
    tags.push(format!(
        "<script type=\"application/ld+json\">{ld}</script>"
    ));
    tags.iter().map(|t| format!("  {t}\n")).collect()
}

/// "Miracle in cell no. 7 – The movie … – John’s goosebump moment".
fn title(post: &Post) -> String {
    format!("{} – {}’s goosebump moment", post.title, post.person.name)
}

/// Description, Open Graph, Twitter card and JSON-LD; with `GOOSEBUMPS_SITE_URL`
/// also the canonical URL and absolute `og:url`/`og:image` (those must be absolute:
/// a relative canonical URL is worse than none, as search engines and Lighthouse say).
fn metadata(site: &Site, post: &Post, url: &str, replies: &[PublishedReply]) -> String {
    let absolute = url.starts_with("https://") || url.starts_with("http://");
    // The poster is a file of the site, beside the home page, not the post's.
    let image = match &post.testimonial.video {
        Some(Video::File {
            poster: Some(poster),
            ..
        }) => Some(format!(
            "{}{poster}",
            url.strip_suffix(&format!("{}/", post.slug)).unwrap_or(url)
        )),
        _ => None,
    };
    let mut tags = vec![
        meta("name", "description", &post.description),
        meta("property", "og:type", "article"),
        meta("property", "og:site_name", site.name.as_str()),
        meta("property", "og:title", &title(post)),
        meta("property", "og:description", &post.description),
        meta("property", "og:locale", "en_US"),
        meta("property", "og:locale:alternate", "es_ES"),
        meta(
            "name",
            "twitter:card",
            if image.is_some() {
                "summary_large_image"
            } else {
                "summary"
            },
        ),
        meta("name", "twitter:title", &title(post)),
        meta("name", "twitter:description", &post.description),
    ];
    if absolute {
        tags.insert(
            0,
            format!("<link rel=\"canonical\" href=\"{}\">", escape(url)),
        );
        tags.push(meta("property", "og:url", url));
        if let Some(image) = &image {
            tags.push(meta("property", "og:image", image));
            tags.push(meta("name", "twitter:image", image));
        }
    }
    let comments = first_page_ld(post, url, absolute, replies);
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": post.testimonial.headline,
        "name": title(post),
        "description": post.description,
        "url": absolute.then_some(url),
        "inLanguage": "en",
        "image": image.filter(|_| absolute),
        "about": {
            "@type": "Movie",
            "name": post.film.title,
            "alternateName": post.film.original_title,
            "datePublished": post.film.year.to_string(),
        },
        "review": {
            "@type": "Review",
            "author": { "@type": "Person", "name": post.person.full_name,
                        "nationality": { "@type": "Country", "name": post.person.country.name } },
            "reviewBody": post.testimonial.quote,
            "itemReviewed": { "@type": "Movie", "name": post.film.title },
        },
        "publisher": { "@type": "Organization", "name": site.name.as_str() },
    });
    if !replies.is_empty() {
        ld["commentCount"] = replies.len().into();
        ld["comment"] = comments.into();
    }
    // `</` cannot end the script element early once escaped.
    let ld = ld.to_string().replace("</", "<\\/");
    tags.push(format!(
        "<script type=\"application/ld+json\">{ld}</script>"
    ));
    let mut out = String::new();
    for tag in tags {
        out.push_str("  ");
        out.push_str(&tag);
        out.push('\n');
    }
    out
}

fn meta(kind: &str, name: &str, content: &str) -> String {
    format!("<meta {kind}=\"{name}\" content=\"{}\">", escape(content))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn replace_between(html: &str, open: &str, close: &str, with: &str) -> String {
    match (html.find(open), html.find(close)) {
        (Some(a), Some(b)) if a < b => format!("{}{open}{with}{}", &html[..a], &html[b..]),
        _ => html.to_owned(),
    }
}

/// The `Comment`s of the JSON-LD: the replies on the first comment page (its
/// threads, oldest first, as the HTML shows them), replies nested as `comment`s.
fn first_page_ld(
    post: &Post,
    url: &str,
    absolute: bool,
    replies: &[PublishedReply],
) -> Vec<serde_json::Value> {
    let comments: Vec<_> = replies.iter().map(|r| r.to_comment(&post.slug)).collect();
    let index = Index::from_comments(&comments);
    let threads = index.threads(Order::OldestFirst);
    let by_id: std::collections::HashMap<_, _> = replies.iter().map(|r| (&r.id, r)).collect();
    fn one(
        id: &crate::comments::CommentId,
        threads: &crate::comments::thread::Threads<'_>,
        by_id: &std::collections::HashMap<&crate::comments::CommentId, &PublishedReply>,
        url: &str,
        absolute: bool,
    ) -> serde_json::Value {
        let r = by_id[id];
        let mut c = serde_json::json!({
            "@type": "Comment",
            "@id": format!("#{}", id.anchor()),
            "author": { "@type": "Person", "name": r.author },
            "text": r.content,
            "dateCreated": time::iso_utc(r.created_ms),
        });
        if let Some(site) = &r.url {
            c["author"]["url"] = site.as_str().into();
        }
        if absolute {
            c["url"] = format!("{url}#{}", id.anchor()).into();
        }
        let answers: Vec<_> = threads
            .replies(id)
            .iter()
            .map(|a| one(a, threads, by_id, url, absolute))
            .collect();
        if !answers.is_empty() {
            c["comment"] = answers.into();
        }
        c
    }
    threads
        .roots_on_page(1)
        .iter()
        .map(|id| one(id, &threads, &by_id, url, absolute))
        .collect()
}
