//! Renders the page to HTML at build time, from the same components the browser
//! runs, and writes it into the built `index.html` so the text is there before any
//! WebAssembly arrives (and with JavaScript off). The app then swaps in only its
//! live parts (see `goosebumps::components::mount`). It also writes the
//! page's search and social metadata, from the same content.
//!
//! Usage: `prerender <index.html>` (Trunk's post_build hook runs it on the staged
//! file). `TRUNK_PUBLIC_URL` (set by Trunk) and `GOOSEBUMPS_SITE_URL` (optional,
//! e.g. `https://example.org`) make the canonical URL; without the latter, URLs are
//! site-relative.

use goosebumps::components::{PostPage, PRERENDER_ROOT};
use goosebumps::content::{self, Post, Video};
use goosebumps::storage::{MemoryStore, Store};
use leptos::prelude::*;
use std::rc::Rc;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: prerender <index.html>");
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let post = content::all_posts()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .next()
        .expect("at least one bundled post");
    let public = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let site = std::env::var("GOOSEBUMPS_SITE_URL").unwrap_or_default();
    let url = format!("{}{public}", site.trim_end_matches('/'));

    let head = metadata(&post, &url);
    let page_title = title(&post);
    let owner = Owner::new();
    let markup = owner.with(|| {
        // A new reader: no comments, no draft, English, the system's colours.
        let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
        view! { <PostPage post=post store=store /> }.to_html()
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
fn metadata(post: &Post, url: &str) -> String {
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
        meta("property", "og:site_name", "Goosebumps"),
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
    let ld = serde_json::json!({
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
    });
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
