//! Renders the page to HTML at build time, from the same components the browser
//! runs, and writes it into the built `index.html` so the text is there before any
//! WebAssembly arrives (and with JavaScript off). The app then swaps in only its
//! live parts (see `goosebumps::components::mount`). It also writes the
//! page's search and social metadata, from the same content.
//!
//! Usage: `prerender <index.html>` (Trunk's post_build hook runs it on the staged
//! file). The site's settings (`src/content/site.json`) give the site's name and its
//! URL; `GOOSEBUMPS_SITE_URL` (optional, e.g. `https://example.org`) overrides the
//! URL, and `TRUNK_PUBLIC_URL` (set by Trunk) is added to a URL without that path.
//! Without a URL, URLs are site-relative. The post's published replies
//! (`src/content/replies/<slug>.json`, or the folder `GOOSEBUMPS_REPLIES_DIR` names)
//! are rendered with it: the first page of them, as the app shows it. Drafts are
//! rendered only with `GOOSEBUMPS_DRAFTS=1` (`cargo xtask serve`). It copies the
//! flags those posts use (`public/flags/`, else npm `flag-icons`) to
//! `flags/<code>.svg` beside the page. A bad
//! settings or replies file stops the build with its file, line, column and field.

use goosebumps::comments::published::{self, PublishedFile, PublishedReply};
use goosebumps::comments::thread::{Index, Order};
use goosebumps::comments::time;
use goosebumps::components::{PostPage, PRERENDER_ROOT};
use goosebumps::content::site::{bundled_site, Site};
use goosebumps::content::{self, Post, Video};
use goosebumps::storage::{MemoryStore, Store};
use leptos::prelude::*;
use std::rc::Rc;

/// The project's own flags (`<code>.svg`), taken before flag-icons' (see
/// `content::countries::copy_flags`).
const OWN_FLAGS: &str = "public/flags";
/// Where npm `flag-icons` keeps its 4:3 flags (`<code>.svg`), in the project.
const FLAG_ICONS: &str = "node_modules/flag-icons/flags/4x3";

/// Says why the build cannot go on, and stops it.
fn fail(message: impl std::fmt::Display) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1)
}

/// The folder published replies are read from.
fn replies_dir() -> std::path::PathBuf {
    match std::env::var_os("GOOSEBUMPS_REPLIES_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => dir.into(),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(published::REPLIES_DIR),
    }
}

/// The post's published replies (none without a file).
fn published_of(slug: &str) -> PublishedFile {
    let path = replies_dir().join(published::file_name(slug));
    match std::fs::read_to_string(&path) {
        Ok(json) => published::parse_published(&path.display().to_string(), &json)
            .unwrap_or_else(|e| fail(e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => PublishedFile::new(slug),
        Err(e) => fail(format!("{}: {e}", path.display())),
    }
}

/// The page's absolute URL, if the site has one: the settings' (or the override's)
/// URL, with the public URL added when it does not already end with it.
fn page_url(site: &Site, public: &str) -> String {
    let override_url = std::env::var("GOOSEBUMPS_SITE_URL").ok();
    let base = site
        .url_with(override_url.as_deref())
        .unwrap_or_else(|e| fail(e));
    let Some(base) = base else {
        return public.to_owned();
    };
    let base = base.as_str();
    let path_of_base = base
        .splitn(4, '/')
        .nth(3)
        .map(|p| format!("/{p}"))
        .unwrap_or_else(|| "/".into());
    let trimmed = |p: &str| p.trim_end_matches('/').to_owned();
    if trimmed(&path_of_base) == trimmed(public) || trimmed(public).is_empty() {
        format!("{}/", base.trim_end_matches('/'))
    } else {
        format!("{}{public}", base.trim_end_matches('/'))
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: prerender <index.html>");
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let site = bundled_site().unwrap_or_else(|e| fail(e));
    // Drafts only for `cargo xtask serve` (GOOSEBUMPS_DRAFTS=1), as build.rs does
    // for the browser's list: `cargo xtask dist` never renders one.
    let posts =
        content::posts(content::BUNDLED, content::drafts_from_env()).unwrap_or_else(|e| fail(e));
    // The flags of these posts only, from npm flag-icons, beside the page.
    let flags_to = std::path::Path::new(&path)
        .parent()
        .unwrap_or(std::path::Path::new("."))
        .join("flags");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (own, flag_icons) = (root.join(OWN_FLAGS), root.join(FLAG_ICONS));
    content::countries::copy_flags(&posts, &[&own, &flag_icons], &flags_to)
        .unwrap_or_else(|e| fail(e));
    let post = posts.into_iter().next().expect("at least one bundled post");
    let public = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let url = page_url(&site, &public);
    let replies = published_of(&post.slug).replies;

    let head = metadata(&site, &post, &url, &replies);
    let page_title = title(&post);
    let owner = Owner::new();
    let markup = owner.with(|| {
        // A new reader: no comments of their own, no draft, English, the system's
        // colours; the site's published replies.
        let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
        view! { <PostPage post=post store=store published=replies /> }.to_html()
    });

    let html = replace_between(&html, "<title>", "</title>", &escape(&page_title));
    let html = html.replacen("</head>", &format!("{head}</head>"), 1);
    let open = "<body>";
    let at = html.find(open).expect("index.html has a <body>") + open.len();
    let root = format!("\n<div id=\"{PRERENDER_ROOT}\">{markup}</div>");
    let out = format!("{}{root}{}", &html[..at], &html[at..]);
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!(
        "{} bytes of markup and metadata for {url} into {path}",
        markup.len() + head.len()
    );
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
    let image = match &post.testimonial.video {
        Some(Video::File {
            poster: Some(poster),
            ..
        }) => Some(format!("{url}{poster}")),
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
        id: &goosebumps::comments::CommentId,
        threads: &goosebumps::comments::thread::Threads<'_>,
        by_id: &std::collections::HashMap<&goosebumps::comments::CommentId, &PublishedReply>,
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
