//! The site's feeds and files for search engines: what a feed reader or a crawler
//! fetches rather than a person.
//!
//! A *feed* is an Atom 1.0 document (RFC 4287) that a feed reader polls for what
//! is new: `feed.xml`, every published post, and `<slug>/feed.xml`, one post's
//! published replies. The *search-engine files* are `sitemap.xml` (sitemaps.org
//! 0.9: every page and when it last changed) and `robots.txt` (who may crawl,
//! and where the sitemap is).
//!
//! All of them are read away from the site, by programs that do not resolve
//! relative addresses the way a browser does, so every address in them is
//! absolute: they are made from [`FeedSite::base`], the site's absolute URL.
//!
//! Everything here is a pure function from posts and replies to the file's text;
//! the pre-render step writes the files.

use super::{comment_page_url, post_url};
use crate::comments::order::sort_by_number_and_text;
use crate::comments::published::PublishedReply;
use crate::comments::thread::{Index, Order};
use crate::content::Post;
use crate::time::iso_utc;

/// What the feeds say of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedSite<'a> {
    /// The site's name ("Goosebumps"): the posts feed's title.
    pub name: &'a str,
    /// The site's absolute URL, ending with `/` (`https://example.org/blog/`).
    pub base: &'a str,
    /// The owner's name: the feed's author, which Atom requires.
    pub author: &'a str,
}

/// What every feed names as its generator.
const GENERATOR: &str = "Goosebumps";

/// `feed.xml`: the posts as Atom 1.0, in the order given (the caller passes them
/// newest first, drafts already left out, as [`super::newest_first`] and
/// [`crate::content::published_posts`] make them).
pub fn posts_feed(site: &FeedSite, posts: &[&Post]) -> String {
    // Why the epoch for an empty feed: Atom requires `updated`, and nothing on
    // the site has changed yet; any real post is later.
    let updated = posts.iter().map(|p| p.published.0).max().unwrap_or(0);
    let mut out = String::new();
    feed_head(
        &mut out,
        &Head {
            feed_url: &format!("{}feed.xml", site.base),
            page_url: site.base,
            title: site.name,
            updated,
            author: site.author,
        },
    );
    for post in posts {
        let url = post_url(site.base, &post.slug);
        let date = iso_utc(post.published.0);
        // Why escaped twice: the content is HTML (escaped once, for HTML) carried
        // as the text of an XML element (escaped again by `text_element`), so a
        // reader that decodes the XML gets back HTML that shows the words as
        // written, never as markup.
        let html = format!(
            "<p>{}</p><blockquote><p>{}</p></blockquote><p><a href=\"{}\">Read {}’s goosebump moment</a></p>",
            escape(&post.kicker),
            escape(&post.testimonial.quote),
            escape(&url),
            escape(&post.person.name),
        );
        out.push_str("  <entry>\n");
        text_element(&mut out, 4, "id", &url);
        text_element(&mut out, 4, "title", &post.title);
        link(&mut out, 4, "alternate", "text/html", &url);
        text_element(&mut out, 4, "published", &date);
        text_element(&mut out, 4, "updated", &date);
        author(&mut out, 4, &post.person.full_name, None);
        out.push_str(&format!(
            "    <category term=\"{}\"/>\n",
            escape(&post.film.title)
        ));
        text_element(&mut out, 4, "summary", &post.description);
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            escape(&html)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// `<slug>/feed.xml`: one post's published replies as Atom 1.0, newest first.
pub fn replies_feed(site: &FeedSite, post: &Post, replies: &[PublishedReply]) -> String {
    let mut sorted: Vec<&PublishedReply> = replies.iter().collect();
    // Why the file's order reversed: the file is sorted by (`created_ms`, `id`)
    // ascending, so the exact reverse is newest first with the same tie-break
    // (ids start with the time, so a later id is the later reply), and the app
    // keeps its one sort.
    sort_by_number_and_text(&mut sorted, |r| (r.created_ms, r.id.as_str()));
    sorted.reverse();
    // Why the post's date for a feed without replies: the feed exists since the
    // post does, and Atom requires `updated`.
    let updated = sorted.first().map_or(post.published.0, |r| r.created_ms);
    let page = post_url(site.base, &post.slug);
    let mut out = String::new();
    feed_head(
        &mut out,
        &Head {
            feed_url: &format!("{page}feed.xml"),
            page_url: &page,
            // WordPress's words for a post's comments feed.
            title: &format!("Comments on: {}", post.title),
            updated,
            author: site.author,
        },
    );
    // Each reply's link goes to the comment page that shows it (the post's own
    // for the first), so a reader without JavaScript lands on it; its id stays the
    // post's address and its anchor, which does not change as replies are added.
    let comments: Vec<_> = replies.iter().map(|r| r.to_comment(&post.slug)).collect();
    let index = Index::from_comments(&comments);
    let threads = index.threads(Order::OldestFirst);
    for reply in sorted {
        let url = format!("{page}#{}", reply.id.anchor());
        let shown_at = threads.page_of(&reply.id).unwrap_or(1);
        let link_url = format!(
            "{}#{}",
            comment_page_url(site.base, &post.slug, shown_at),
            reply.id.anchor()
        );
        let date = iso_utc(reply.created_ms);
        out.push_str("  <entry>\n");
        text_element(&mut out, 4, "id", &url);
        // WordPress's words for one comment in a feed.
        text_element(
            &mut out,
            4,
            "title",
            &format!("Comment on {} by {}", post.title, reply.author),
        );
        link(&mut out, 4, "alternate", "text/html", &link_url);
        text_element(&mut out, 4, "published", &date);
        text_element(&mut out, 4, "updated", &date);
        author(&mut out, 4, &reply.author, reply.url.as_deref());
        // Why `text` and not `html`: a reply is plain text (the page shows it as
        // text too); a reader keeps its line breaks.
        out.push_str(&format!(
            "    <content type=\"text\">{}</content>\n",
            escape(&reply.content)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// `sitemap.xml` (sitemaps.org 0.9): the home page, then every post in the order
/// given, each with its `<lastmod>` (a W3C datetime, [`iso_utc`]).
/// `last_modified(post)` is when the post last changed, in ms since the epoch;
/// the home page changed when its newest-changed post did. Not the posts' further
/// comment pages (`<slug>/comment-page-<n>/`), as WordPress's own sitemaps leave
/// them out: they hold the post again with other replies, and crawlers reach them
/// by the page links and `rel="next"`; the post's own address is the one to list.
pub fn sitemap(site: &FeedSite, posts: &[&Post], last_modified: impl Fn(&Post) -> i64) -> String {
    let dates: Vec<i64> = posts.iter().map(|p| last_modified(p)).collect();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |loc: &str, lastmod: Option<i64>| {
        out.push_str("  <url>\n");
        text_element(&mut out, 4, "loc", loc);
        if let Some(ms) = lastmod {
            text_element(&mut out, 4, "lastmod", &iso_utc(ms));
        }
        out.push_str("  </url>\n");
    };
    // Why no `<lastmod>` for the home of a site without posts: there is no date
    // to give, and the element is optional; a made-up one would mislead crawlers.
    url(site.base, dates.iter().copied().max());
    for (post, ms) in posts.iter().zip(&dates) {
        url(&post_url(site.base, &post.slug), Some(*ms));
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: every crawler may fetch everything, and, when `sitemap_url` (an
/// absolute URL, as the format requires) is given, where the sitemap is.
pub fn robots(sitemap_url: Option<&str>) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = sitemap_url {
        out.push_str(&format!("\nSitemap: {url}\n"));
    }
    out
}

/// `text` made safe as XML (or HTML) character data and as an attribute value in
/// either quotes.
///
/// Why all of `&`, `<`, `>`, `"` and `'` everywhere: one function then serves
/// text, attributes and the HTML inside `<content type="html">`, and no caller has
/// to know which characters its place needs.
///
/// Why some characters are dropped: XML 1.0 has no way to write U+0000–U+001F
/// (but tab, line feed and carriage return) or U+FFFE and U+FFFF, not even as a
/// character reference; one of them makes the file not XML, and a feed reader
/// then refuses the whole feed. A reply may hold one (pasted in), so they are
/// dropped here rather than trusted to be absent.
///
/// Why a carriage return is written `&#13;`: an XML parser turns a literal one
/// (and CR LF) into a line feed, so the text would not come back as written.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            _ => out.push(c),
        }
    }
    out
}

/// What a feed says of itself, before its entries.
struct Head<'a> {
    /// The feed's own address: its `self` link and its id.
    feed_url: &'a str,
    /// The page the feed is of: its `alternate` link.
    page_url: &'a str,
    title: &'a str,
    /// When the feed last changed, in ms since the epoch.
    updated: i64,
    author: &'a str,
}

/// The XML declaration, the `<feed>` start tag and the feed's own elements.
fn feed_head(out: &mut String, head: &Head) {
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n",
    );
    // Why the feed's own address as its id (as WordPress's Atom feeds do), not the
    // page's: a post's page address is already the id of that post's entry in
    // `feed.xml`, and an Atom id names one thing only. It is stable, and an IRI.
    text_element(out, 2, "id", head.feed_url);
    text_element(out, 2, "title", head.title);
    text_element(out, 2, "updated", &iso_utc(head.updated));
    author(out, 2, head.author, None);
    link(out, 2, "self", "application/atom+xml", head.feed_url);
    link(out, 2, "alternate", "text/html", head.page_url);
    text_element(out, 2, "generator", GENERATOR);
}

/// `<name>text</name>` on a line of its own, `indent` spaces in.
fn text_element(out: &mut String, indent: usize, name: &str, text: &str) {
    out.push_str(&format!(
        "{:indent$}<{name}>{}</{name}>\n",
        "",
        escape(text)
    ));
}

/// `<link rel="…" type="…" href="…"/>`.
fn link(out: &mut String, indent: usize, rel: &str, mime: &str, href: &str) {
    out.push_str(&format!(
        "{:indent$}<link rel=\"{rel}\" type=\"{mime}\" href=\"{}\"/>\n",
        "",
        escape(href)
    ));
}

/// `<author>` with its name, and its web address when there is one.
fn author(out: &mut String, indent: usize, name: &str, uri: Option<&str>) {
    out.push_str(&format!("{:indent$}<author>\n", ""));
    text_element(out, indent + 2, "name", name);
    if let Some(uri) = uri {
        text_element(out, indent + 2, "uri", uri);
    }
    out.push_str(&format!("{:indent$}</author>\n", ""));
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_drops_what_xml_cannot_hold_and_keeps_line_breaks() {
        assert_eq!(
            escape("a\u{0}b\u{7}\u{1b}\u{fffe}\u{ffff}c\td\ne\r"),
            "abc\td\ne&#13;"
        );
        assert_eq!(escape(r#"<b>&"'"#), "&lt;b&gt;&amp;&quot;&apos;");
    }
}
