//! Renders every page of the site at build time, from the same components the
//! browser runs: the home page, one page per post (and one per further page of its
//! published comments, `<slug>/comment-page-<n>/`), the not-found page, and (when
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

use crate::comments::published::{self, PublishedFile, PublishedReply};
use crate::comments::thread::{Index, Order};
use crate::components::{
    HomePage, NotFoundPage, PostLink, PostPage, SiteBase, BASE_ATTR, POST_ATTR, PRERENDER_ROOT,
};
use crate::content::site::Site;
use crate::content::{Post, Video};
use crate::storage::{MemoryStore, Store};
use crate::time;
use goosebumps_core::pages::{self, feeds};
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
    /// Where it goes, under the build's folder (`<slug>/index.html`).
    pub path: String,
    /// Its text.
    pub contents: String,
}

/// What [`render_site`] wrote, and what it had to leave out.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Every file written.
    pub files: Vec<BuiltFile>,
    /// Said once to the owner: e.g. that feeds need the site's URL.
    pub notes: Vec<String>,
}

/// The path of the old single page's hashes (`#comment-…`, `#comments…`,
/// `#respond`) that the home page sends on to the first post.
const OLD_HASHES: &str = "^#(comment|respond)";

/// Every file the pre-render step writes for `build`; a sentence when the
/// template lacks a place the pages need (`<title>`, `</head>`, `<body>`).
pub fn render_site(build: &SiteBuild) -> Result<Rendered, String> {
    // Why first: the template's places are found in the template alone, before
    // any content is inserted, so no text of a post or a reply can be taken for
    // one of them.
    let template = Template::parse(build.template)?;
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
        let to = script_json(&pages::post_url(build.public, &first.slug));
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
        contents: template.page(build.site.name.as_str(), &head, &markup, build.public, None),
    });

    // One page per post, and one per further page of its published comments
    // (`<slug>/comment-page-<n>/`, as WordPress has them), so every published
    // reply can be read, linked and found with no code at all. Each is the post's
    // page with that page of comments, in the default order (oldest first): what
    // only the reader's browser knows (their order, their own replies) is the
    // app's, which takes over the page links once it runs.
    let base = build.absolute.as_deref().unwrap_or(build.public);
    for post in build.posts {
        let replies = replies_of(&post.slug);
        let comments: Vec<_> = replies.iter().map(|r| r.to_comment(&post.slug)).collect();
        let index = Index::from_comments(&comments);
        let count = index.threads(Order::OldestFirst).page_count();
        let (previous, next) = pages::neighbours(build.posts, &post.slug);
        let (previous, next) = (previous.map(link), next.map(link));
        for n in 1..=count {
            let page = CommentPages {
                base,
                slug: &post.slug,
                n,
                count,
            };
            let mut head = metadata(build.site, post, &page, replies, &index);
            if feeds_on {
                head.push_str(&site_feed_link(build));
                head.push_str(&feed_link(
                    build,
                    &format!("{}/feed.xml", post.slug),
                    &format!("Comments on: {}", post.title),
                ));
            }
            let (post_owned, replies) = (post.clone(), replies.clone());
            let (previous, next) = (previous.clone(), next.clone());
            let site_name = build.site.name.as_str().to_owned();
            let markup = render_markup(build.public, move || {
                // A new reader: no comments of their own, no draft, English, the
                // system's colours; the site's published replies, at page `n`.
                provide_context(pages::CommentPage(n));
                let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
                view! {
                    <PostPage post=post_owned store=store published=replies previous=previous next=next
                        site_name=Some(site_name) />
                }
                .into_any()
            });
            let (path, page_title) = match n {
                1 => (format!("{}/index.html", post.slug), title(post)),
                n => (
                    format!("{}/comment-page-{n}/index.html", post.slug),
                    page_title(post, n),
                ),
            };
            out.files.push(BuiltFile {
                path,
                contents: template.page(
                    &page_title,
                    &head,
                    &markup,
                    build.public,
                    Some(&post.slug),
                ),
            });
        }
    }

    // Each post's published replies, as the app reads them: `replies/<slug>.json`
    // beside the pages, without the indentation that keeps the source easy to
    // review (the app parses every byte of it at start-up: 10,000 replies are
    // 1.4 MB instead of 2.0 MB). Why here, in Rust, from the replies the pages
    // were rendered with: the numbers never pass through another language's
    // (JavaScript's) numbers, and only the posts of this build ship theirs.
    for post in build.posts {
        let replies = replies_of(&post.slug);
        if replies.is_empty() {
            continue;
        }
        let mut file = PublishedFile::new(&post.slug);
        file.replies = replies.clone();
        file.sort();
        out.files.push(BuiltFile {
            path: format!("replies/{}", published::file_name(&post.slug)),
            contents: serde_json::to_string(&file).expect("replies serialize"),
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
        contents: template.page(
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
    Ok(out)
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

/// The built `index.html` with its places found: the text of `<title>`, the end
/// of `<head>`, the start of `<body>`'s content. Found by tags outside comments,
/// in the template alone.
struct Template<'a> {
    text: &'a str,
    /// The title's text (between `<title>` and `</title>`).
    title: std::ops::Range<usize>,
    /// Where `</head>` starts.
    head_end: usize,
    /// Just after the `<body …>` tag.
    body_start: usize,
}

impl<'a> Template<'a> {
    fn parse(text: &'a str) -> Result<Self, String> {
        let tags = tags(text);
        let find = |name: &str, from: usize| {
            tags.iter()
                .find(|t| t.start >= from && t.name.eq_ignore_ascii_case(name))
        };
        let missing = |what: &str| format!("the built index.html has no {what}");
        let title_open = find("title", 0).ok_or_else(|| missing("<title>"))?;
        // The title's text is raw text: its end is the next `</title`.
        let title_close = text[title_open.end..]
            .to_ascii_lowercase()
            .find("</title")
            .map(|at| title_open.end + at)
            .ok_or_else(|| missing("</title>"))?;
        let head_end = find("/head", title_close)
            .ok_or_else(|| missing("</head> after its <title>"))?
            .start;
        let body = find("body", head_end).ok_or_else(|| missing("<body> after </head>"))?;
        Ok(Self {
            text,
            title: title_open.end..title_close,
            head_end,
            body_start: body.end,
        })
    }

    /// The page: the template with `page_title`, the `head` tags before
    /// `</head>`, and `markup` under the root the app starts over. Assembled from
    /// the template's pieces around the places found by [`Template::parse`].
    fn page(
        &self,
        page_title: &str,
        head: &str,
        markup: &str,
        public: &str,
        post: Option<&str>,
    ) -> String {
        let t = self.text;
        let post_attr = post
            .map(|slug| format!(" {POST_ATTR}=\"{}\"", escape(slug)))
            .unwrap_or_default();
        let mut html = String::with_capacity(t.len() + head.len() + markup.len() + 200);
        html.push_str(&t[..self.title.start]);
        html.push_str(&escape(page_title));
        html.push_str(&t[self.title.end..self.head_end]);
        html.push_str(head);
        html.push_str(&t[self.head_end..self.body_start]);
        html.push_str(&format!(
            "\n<div id=\"{PRERENDER_ROOT}\" {BASE_ATTR}=\"{}\"{post_attr}>",
            escape(public)
        ));
        html.push_str(markup);
        html.push_str("</div>");
        html.push_str(&t[self.body_start..]);
        html
    }
}

/// A start or end tag of the template: `name` is `title`, `/head`…; `start` and
/// `end` are the byte offsets of `<` and just after `>`.
struct Tag<'a> {
    name: &'a str,
    start: usize,
    end: usize,
}

/// The tags of `html`, skipping comments and the text of `<script>`/`<style>`/
/// `<title>` elements (raw text, where `<` opens nothing).
fn tags(html: &str) -> Vec<Tag<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(lt) = html[at..].find('<').map(|i| at + i) {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(html.len(), |i| lt + i + 3);
            continue;
        }
        let name_len = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '!'))
            .unwrap_or(rest.len() - 1);
        let name = &rest[1..1 + name_len];
        // The end of the tag: the next `>` outside a quoted attribute value.
        let mut quote = None;
        let mut end = html.len();
        for (i, c) in rest.char_indices().skip(1) {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    end = lt + i + 1;
                    break;
                }
                _ => {}
            }
        }
        found.push(Tag {
            name,
            start: lt,
            end,
        });
        at = end;
        let raw = ["script", "style", "title"]
            .into_iter()
            .find(|r| name.eq_ignore_ascii_case(r));
        if let Some(raw) = raw {
            // Skip to the element's end tag (its text is not markup).
            let close = format!("</{raw}");
            at = html[at..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |i| at + i);
        }
    }
    found
}

/// JSON for inside a `<script>` element (JSON-LD, the old-links redirect): `<`,
/// `>`, `&`, U+2028 and U+2029 as `\u` escapes, so no text in it can end the
/// element, open a comment or a CDATA section, or end a line of JavaScript.
/// The JSON's meaning is unchanged (they can only occur inside its strings).
pub fn script_json(value: &(impl serde::Serialize + ?Sized)) -> String {
    let text = serde_json::to_string(value).expect("JSON values serialize");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
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
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "inLanguage": "en",
    });
    if let Some(url) = &build.absolute {
        ld["url"] = url.as_str().into();
    }
    let ld = script_json(&ld);
    tags.push(format!(
        "<script type=\"application/ld+json\">{ld}</script>"
    ));
    tags.iter().map(|t| format!("  {t}\n")).collect()
}

/// "Miracle in cell no. 7 – The movie … – John’s goosebump moment".
fn title(post: &Post) -> String {
    format!("{} – {}’s goosebump moment", post.title, post.person.name)
}

/// The title of comment page `n` (≥ 2): the post's, then "– Page <n>", as
/// WordPress's themes name a post's further pages.
fn page_title(post: &Post, n: usize) -> String {
    format!("{} – Page {n}", title(post))
}

/// Where a post's comment page is among the post's comment pages.
struct CommentPages<'a> {
    /// The site's absolute URL if known, else its public path (ends with `/`).
    base: &'a str,
    slug: &'a str,
    /// This page, 1-based (1: the post's own page).
    n: usize,
    /// How many comment pages the post has (1 when its comments fit on one).
    count: usize,
}

impl CommentPages<'_> {
    fn url(&self, n: usize) -> String {
        pages::comment_page_url(self.base, self.slug, n)
    }

    /// `<link rel="prev">` and `<link rel="next">` to the pages either side.
    fn links(&self) -> Vec<String> {
        let mut links = Vec::new();
        if self.n > 1 {
            let href = escape(&self.url(self.n - 1));
            links.push(format!("<link rel=\"prev\" href=\"{href}\">"));
        }
        if self.n < self.count {
            let href = escape(&self.url(self.n + 1));
            links.push(format!("<link rel=\"next\" href=\"{href}\">"));
        }
        links
    }
}

/// Description, Open Graph, Twitter card and JSON-LD; with `GOOSEBUMPS_SITE_URL`
/// also the canonical URL and absolute `og:url`/`og:image` (those must be absolute:
/// a relative canonical URL is worse than none, as search engines and Lighthouse say).
/// For comment page `page.n` of the post: its own title, canonical URL and
/// comments, and `rel="prev"`/`rel="next"` to the pages either side.
fn metadata(
    site: &Site,
    post: &Post,
    page: &CommentPages,
    replies: &[PublishedReply],
    index: &Index,
) -> String {
    let url = &page.url(1);
    let page_url = &page.url(page.n);
    let absolute = url.starts_with("https://") || url.starts_with("http://");
    let full_title = match page.n {
        1 => title(post),
        n => page_title(post, n),
    };
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
        meta("property", "og:title", &full_title),
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
        meta("name", "twitter:title", &full_title),
        meta("name", "twitter:description", &post.description),
    ];
    if absolute {
        tags.insert(
            0,
            format!("<link rel=\"canonical\" href=\"{}\">", escape(page_url)),
        );
        tags.push(meta("property", "og:url", page_url));
        if let Some(image) = &image {
            tags.push(meta("property", "og:image", image));
            tags.push(meta("name", "twitter:image", image));
        }
    }
    for (at, link) in page.links().into_iter().enumerate() {
        tags.insert(at + usize::from(absolute), link);
    }
    let comments = page_ld(page_url, absolute, replies, index, page.n);
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": post.testimonial.headline,
        "name": title(post),
        "description": post.description,
        "inLanguage": "en",
        "datePublished": time::iso_utc(post.published.0),
        "author": { "@type": "Person", "name": post.person.full_name },
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
    // No `null`s: a field without a value is left out.
    if absolute {
        ld["url"] = url.as_str().into();
        if let Some(image) = image {
            ld["image"] = image.into();
        }
    }
    if !replies.is_empty() {
        ld["commentCount"] = replies.len().into();
        ld["comment"] = comments.into();
    }
    let ld = script_json(&ld);
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

/// The `Comment`s of the JSON-LD: the replies on comment page `n` (its threads,
/// oldest first, as the HTML shows them; `url` is that page's address), replies
/// nested as `comment`s. Built from the page's rows without recursion: a reply
/// deeper than [`MAX_DEPTH`](crate::comments::thread::MAX_DEPTH) is nested at
/// that depth, as the page shows it.
fn page_ld(
    url: &str,
    absolute: bool,
    replies: &[PublishedReply],
    index: &Index,
    n: usize,
) -> Vec<serde_json::Value> {
    let threads = index.threads(Order::OldestFirst);
    let by_id: HashMap<_, _> = replies.iter().map(|r| (&r.id, r)).collect();
    let one = |r: &PublishedReply| {
        let mut c = serde_json::json!({
            "@type": "Comment",
            "@id": format!("#{}", r.id.anchor()),
            "author": { "@type": "Person", "name": r.author },
            "text": r.content,
            "dateCreated": time::iso_utc(r.created_ms),
        });
        if let Some(site) = &r.url {
            c["author"]["url"] = site.as_str().into();
        }
        if absolute {
            c["url"] = format!("{url}#{}", r.id.anchor()).into();
        }
        c
    };
    let mut roots = Vec::new();
    // The comments still open for replies, each with its depth.
    let mut open: Vec<(serde_json::Value, usize)> = Vec::new();
    let close = |open: &mut Vec<(serde_json::Value, usize)>, roots: &mut Vec<_>| {
        let (done, _) = open.pop().expect("an open comment");
        match open.last_mut() {
            Some((parent, _)) => match parent.get_mut("comment") {
                Some(serde_json::Value::Array(list)) => list.push(done),
                _ => parent["comment"] = vec![done].into(),
            },
            None => roots.push(done),
        }
    };
    for row in threads.rows(n) {
        while open.last().is_some_and(|(_, depth)| *depth >= row.depth) {
            close(&mut open, &mut roots);
        }
        open.push((one(by_id[&row.id]), row.depth));
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}
