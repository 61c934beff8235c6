//! Each page's `<head>`: its title, description, canonical URL, Open Graph and
//! Twitter tags, feed links.

use super::build::*;
use super::json_ld::*;
use super::template::*;

use crate::comments::published::PublishedReply;
use crate::comments::thread::Index;
use crate::content::site::Site;
use crate::content::{Post, Video};
use crate::time;

/// `<link rel="alternate">` to the site's feed of posts, which every page names.
pub(super) fn site_feed_link(build: &SiteBuild) -> String {
    feed_link(
        build,
        "feed.xml",
        &format!("{} – feed", build.site.name.as_str()),
    )
}

/// `<link rel="alternate">` to a feed of the site (`path` under its base).
pub(super) fn feed_link(build: &SiteBuild, path: &str, feed_title: &str) -> String {
    let base = build.absolute.as_deref().unwrap_or(build.public);
    format!(
        "  <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">\n",
        escape(feed_title),
        escape(&format!("{base}{path}"))
    )
}

/// The home page's description, canonical URL and Open Graph tags.
pub(super) fn home_metadata(build: &SiteBuild, url: &str) -> String {
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
pub(super) fn title(post: &Post) -> String {
    format!("{} – {}’s goosebump moment", post.title, post.person.name)
}

/// The title of comment page `n` (≥ 2): the post's, then "– Page <n>", as
/// WordPress's themes name a post's further pages.
pub(super) fn page_title(post: &Post, n: usize) -> String {
    format!("{} – Page {n}", title(post))
}

/// Description, Open Graph, Twitter card and JSON-LD; with `GOOSEBUMPS_SITE_URL`
/// also the canonical URL and absolute `og:url`/`og:image` (those must be absolute:
/// a relative canonical URL is worse than none, as search engines and Lighthouse say).
/// For comment page `page.n` of the post: its own title, canonical URL and
/// comments, and `rel="prev"`/`rel="next"` to the pages either side.
pub(super) fn metadata(
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

pub(super) fn meta(kind: &str, name: &str, content: &str) -> String {
    format!("<meta {kind}=\"{name}\" content=\"{}\">", escape(content))
}
