//! Native tests: the Atom feeds, the sitemap and robots.txt, each read back by a
//! real XML parser (`roxmltree`), as a feed reader or a crawler would read them.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::comments::published::PublishedReply;
use goosebumps::content::{parse_post, Post};
use goosebumps_core::pages::feeds::{posts_feed, replies_feed, robots, sitemap, FeedSite};
use goosebumps_core::pages::newest_first;
use roxmltree::{Document, Node};

// The shared builders (one `id`, one `POST` for every test file).
use crate::common;
use common::id;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const BASE: &str = "https://example.org/blog/";

const SITE: FeedSite<'static> = FeedSite {
    name: "Goosebumps",
    base: BASE,
    author: "The Owner",
};

/// A title with every character XML and HTML give a meaning to.
const HOSTILE_TITLE: &str = r#"Cell <b>&"' no. 7"#;
/// A quote that is markup if it is not escaped, twice.
const HOSTILE_QUOTE: &str = r#"I said "<script>alert('&amp;')</script>" & cried"#;

/// A small post, shaped as `src/content/posts/miracle-in-cell-no-7.json`.
fn post(slug: &str, title: &str, published: &str, name: &str, quote: &str) -> Post {
    let json = serde_json::json!({
        "$schema": "../post.schema.json",
        "slug": slug,
        "title": title,
        "kicker": format!("Person from Malta ({name}) <3 \u{1}"),
        "description": format!("{name} shares a goosebump moment from “{title}”."),
        "published": published,
        "person": {
            "name": name,
            "full_name": format!("{name} Amato"),
            "country": { "code": "MT", "name": "Malta" }
        },
        "film": {
            "title": format!("Film of {title}"),
            "original_title": "Yedinci Koğuştaki Mucize",
            "year": 2019
        },
        "testimonial": {
            "headline": format!("The movie – {name}’s goosebump moment"),
            "quote": quote
        },
        "article": [
            { "heading": "A heartbreaking film", "level": 2, "paragraphs": ["One paragraph."] }
        ],
        "facts": {
            "heading": "More about the movie",
            "items": [ { "label": "Released", "value": "2019, Turkey" } ]
        }
    });
    parse_post(&format!("{slug}.json"), &json.to_string()).expect("the test post parses")
}

/// Three posts, not in date order: the oldest, the newest, and a hostile one between.
fn posts() -> Vec<Post> {
    vec![
        post(
            "older",
            "An older moment",
            "2025-01-15",
            "Ann",
            "Older words.",
        ),
        post(
            "newest",
            "The newest moment",
            "2026-12-02T01:47:31Z",
            "John",
            "Newest words.",
        ),
        post(
            "hostile",
            HOSTILE_TITLE,
            "2026-03-01T12:00:00Z",
            "Zoë",
            HOSTILE_QUOTE,
        ),
    ]
}

fn reply(i: &str, created_ms: i64, url: Option<&str>, content: &str) -> PublishedReply {
    PublishedReply {
        id: id(i),
        parent: None,
        author: format!("author {i}"),
        url: url.map(str::to_owned),
        content: content.to_owned(),
        created_ms,
    }
}

/// What XML 1.0 cannot hold, which the feeds must have dropped.
fn without_forbidden(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(c, '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
                || matches!(c, '\t' | '\n' | '\r')
        })
        .collect()
}

fn parse(xml: &str) -> Document<'_> {
    Document::parse(xml).unwrap_or_else(|e| panic!("not XML ({e}):\n{xml}"))
}

/// The element children of `node` named `name` in namespace `ns`.
fn children<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Vec<Node<'a, 'i>> {
    node.children()
        .filter(|n| {
            n.is_element() && n.tag_name().namespace() == Some(ns) && n.tag_name().name() == name
        })
        .collect()
}

/// The one element child `name` (Atom) of `node`.
fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Node<'a, 'i> {
    let found = children(node, ATOM, name);
    assert_eq!(
        found.len(),
        1,
        "one <{name}> in <{}>",
        node.tag_name().name()
    );
    found[0]
}

/// The text of the one element child `name` (Atom) of `node`.
fn text<'a>(node: Node<'a, '_>, name: &str) -> &'a str {
    child(node, name).text().unwrap_or("")
}

/// The `href` of the one `<link rel="…">` of `node`.
fn link<'a>(node: Node<'a, '_>, rel: &str) -> &'a str {
    let links: Vec<_> = children(node, ATOM, "link")
        .into_iter()
        .filter(|l| l.attribute("rel").unwrap_or("alternate") == rel)
        .collect();
    assert_eq!(links.len(), 1, "one <link rel=\"{rel}\">");
    links[0].attribute("href").expect("a link has an href")
}

/// Checks what RFC 4287 requires of a feed and of each of its entries, and returns
/// the entries.
fn atom_feed<'a, 'i>(doc: &'a Document<'i>, self_url: &str, page_url: &str) -> Vec<Node<'a, 'i>> {
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some(ATOM));
    assert_eq!(text(feed, "id"), self_url);
    assert!(!text(feed, "title").is_empty());
    assert!(!text(feed, "updated").is_empty());
    assert_eq!(text(child(feed, "author"), "name"), "The Owner");
    assert_eq!(link(feed, "self"), self_url);
    assert_eq!(link(feed, "alternate"), page_url);
    assert_eq!(text(feed, "generator"), "Goosebumps");
    let entries = children(feed, ATOM, "entry");
    for entry in &entries {
        assert!(!text(*entry, "id").is_empty());
        assert!(!text(*entry, "title").is_empty());
        assert!(!text(*entry, "updated").is_empty());
        assert!(!link(*entry, "alternate").is_empty());
    }
    entries
}

#[test]
fn the_posts_feed_is_atom_with_every_required_element() {
    let posts = posts();
    let xml = posts_feed(&SITE, &newest_first(&posts));
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"));
    let doc = parse(&xml);
    let entries = atom_feed(&doc, "https://example.org/blog/feed.xml", BASE);
    assert_eq!(entries.len(), 3);
    assert_eq!(text(doc.root_element(), "title"), "Goosebumps");
    let lang = doc
        .root_element()
        .attribute((roxmltree::NS_XML_URI, "lang"));
    assert_eq!(lang, Some("en"));
}

#[test]
fn the_posts_feed_lists_posts_newest_first_with_unique_absolute_ids() {
    let posts = posts();
    let doc_text = posts_feed(&SITE, &newest_first(&posts));
    let doc = parse(&doc_text);
    let entries = atom_feed(&doc, "https://example.org/blog/feed.xml", BASE);
    let ids: Vec<&str> = entries.iter().map(|e| text(*e, "id")).collect();
    assert_eq!(
        ids,
        [
            "https://example.org/blog/newest/",
            "https://example.org/blog/hostile/",
            "https://example.org/blog/older/",
        ]
    );
    let links: Vec<&str> = entries.iter().map(|e| link(*e, "alternate")).collect();
    assert_eq!(links, ids, "each entry links to its post's page");
    let updated: Vec<&str> = entries.iter().map(|e| text(*e, "updated")).collect();
    assert_eq!(
        updated,
        [
            "2026-12-02T01:47:31Z",
            "2026-03-01T12:00:00Z",
            "2025-01-15T00:00:00Z",
        ]
    );
    let published: Vec<&str> = entries.iter().map(|e| text(*e, "published")).collect();
    assert_eq!(published, updated);
    assert_eq!(text(doc.root_element(), "updated"), "2026-12-02T01:47:31Z");
    // Every id unique, also against the feed's own.
    let mut all: Vec<&str> = ids.clone();
    all.push(text(doc.root_element(), "id"));
    let count = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), count, "ids are unique");
    assert!(ids.iter().all(|i| i.starts_with("https://")));
}

#[test]
fn the_posts_feed_names_each_person_summary_and_film() {
    let posts = posts();
    let doc_text = posts_feed(&SITE, &newest_first(&posts));
    let doc = parse(&doc_text);
    let entries = atom_feed(&doc, "https://example.org/blog/feed.xml", BASE);
    let newest = entries[0];
    assert_eq!(text(child(newest, "author"), "name"), "John Amato");
    assert_eq!(
        text(newest, "summary"),
        "John shares a goosebump moment from “The newest moment”."
    );
    assert_eq!(
        child(newest, "category").attribute("term"),
        Some("Film of The newest moment")
    );
}

#[test]
fn a_hostile_title_comes_back_as_written() {
    let posts = posts();
    let xml = posts_feed(&SITE, &newest_first(&posts));
    let doc = parse(&xml);
    let entries = atom_feed(&doc, "https://example.org/blog/feed.xml", BASE);
    let hostile = entries[1];
    assert_eq!(text(hostile, "title"), HOSTILE_TITLE);
    // Also in an attribute, in double quotes.
    assert_eq!(
        child(hostile, "category").attribute("term"),
        Some(format!("Film of {HOSTILE_TITLE}").as_str())
    );
    assert_eq!(
        text(hostile, "summary"),
        format!("Zoë shares a goosebump moment from “{HOSTILE_TITLE}”.")
    );
    // No markup of the title reached the XML as markup.
    assert!(children(hostile, ATOM, "b").is_empty());
    assert!(!xml.contains("<b>"));
}

#[test]
fn the_content_is_html_that_decodes_to_the_quote() {
    let posts = posts();
    let xml = posts_feed(&SITE, &newest_first(&posts));
    let doc = parse(&xml);
    let entries = atom_feed(&doc, "https://example.org/blog/feed.xml", BASE);
    let content = child(entries[1], "content");
    assert_eq!(content.attribute("type"), Some("html"));
    let html = content.text().expect("the content has text");
    // The HTML is escaped for HTML with XML's own entities, so an XML parser
    // decodes it as an HTML parser would.
    let wrapped = format!("<div>{html}</div>");
    let fragment = parse(&wrapped);
    let div = fragment.root_element();
    let elements: Vec<&str> = div
        .children()
        .filter(Node::is_element)
        .map(|n| n.tag_name().name())
        .collect();
    assert_eq!(elements, ["p", "blockquote", "p"], "{html}");
    let kicker = div.first_element_child().unwrap().text().unwrap();
    assert_eq!(
        kicker, "Person from Malta (Zoë) <3 ",
        "control character dropped"
    );
    let quote = div
        .descendants()
        .find(|n| n.has_tag_name("blockquote"))
        .and_then(|b| b.first_element_child())
        .and_then(|p| p.text())
        .unwrap();
    assert_eq!(quote, HOSTILE_QUOTE);
    assert!(div.descendants().all(|n| !n.has_tag_name("script")));
    let a = div.descendants().find(|n| n.has_tag_name("a")).unwrap();
    assert_eq!(
        a.attribute("href"),
        Some("https://example.org/blog/hostile/")
    );
    assert_eq!(a.text(), Some("Read Zoë’s goosebump moment"));
}

#[test]
fn an_empty_posts_feed_is_still_a_valid_feed_dated_the_epoch() {
    let xml = posts_feed(&SITE, &[]);
    let doc = parse(&xml);
    let entries = atom_feed(&doc, "https://example.org/blog/feed.xml", BASE);
    assert!(entries.is_empty());
    assert_eq!(text(doc.root_element(), "updated"), "1970-01-01T00:00:00Z");
}

/// 2026-12-03T10:00:00Z.
const DEC_3: i64 = 1_796_292_000_000;

#[test]
fn the_replies_feed_lists_replies_newest_first_linked_to_their_anchors() {
    let posts = posts();
    let hostile = &posts[2];
    // Given in no order; `b` and `c` were written in the same millisecond.
    let replies = vec![
        reply("b", DEC_3 + 60_000, None, "Same time, id b."),
        reply("a", DEC_3, Some("https://a.example.com/"), "First."),
        reply("d", DEC_3 + 120_000, None, "Last."),
        reply("c", DEC_3 + 60_000, None, "Same time, id c."),
    ];
    let xml = replies_feed(&SITE, hostile, &replies);
    let doc = parse(&xml);
    let page = "https://example.org/blog/hostile/";
    let entries = atom_feed(&doc, "https://example.org/blog/hostile/feed.xml", page);
    let feed = doc.root_element();
    assert_eq!(text(feed, "title"), format!("Comments on: {HOSTILE_TITLE}"));
    assert_eq!(text(feed, "updated"), "2026-12-03T10:02:00Z");
    let ids: Vec<&str> = entries.iter().map(|e| text(*e, "id")).collect();
    assert_eq!(
        ids,
        [
            "https://example.org/blog/hostile/#comment-d",
            "https://example.org/blog/hostile/#comment-c",
            "https://example.org/blog/hostile/#comment-b",
            "https://example.org/blog/hostile/#comment-a",
        ]
    );
    let links: Vec<&str> = entries.iter().map(|e| link(*e, "alternate")).collect();
    assert_eq!(links, ids);
    assert_ne!(
        text(feed, "id"),
        page,
        "the feed's id is not the post entry's id"
    );
    let updated: Vec<&str> = entries.iter().map(|e| text(*e, "updated")).collect();
    assert_eq!(
        updated,
        [
            "2026-12-03T10:02:00Z",
            "2026-12-03T10:01:00Z",
            "2026-12-03T10:01:00Z",
            "2026-12-03T10:00:00Z",
        ]
    );
    let last = entries[3];
    assert_eq!(
        text(last, "title"),
        format!("Comment on {HOSTILE_TITLE} by author a")
    );
    let author = child(last, "author");
    assert_eq!(text(author, "name"), "author a");
    assert_eq!(text(author, "uri"), "https://a.example.com/");
    assert!(children(child(entries[0], "author"), ATOM, "uri").is_empty());
    assert_eq!(text(entries[0], "content"), "Last.");
}

#[test]
fn a_reply_comes_back_as_written_but_what_xml_cannot_hold() {
    let posts = posts();
    let content =
        "Line <i>one</i> & \"two\"\u{7}\nline 'three'\u{0}\u{1b}\r\nend\u{fffe}\u{ffff}\ttab";
    let hostile_reply = PublishedReply {
        author: "<b>Mallory</b> & co \u{8}".to_owned(),
        ..reply(
            "x",
            DEC_3,
            Some("https://m.example.com/?a=1&b=\"2\""),
            content,
        )
    };
    let xml = replies_feed(&SITE, &posts[0], &[hostile_reply]);
    let doc = parse(&xml);
    let entries = atom_feed(
        &doc,
        "https://example.org/blog/older/feed.xml",
        "https://example.org/blog/older/",
    );
    let body = child(entries[0], "content");
    assert_eq!(body.attribute("type"), Some("text"));
    let expected = without_forbidden(content);
    assert_eq!(
        expected,
        "Line <i>one</i> & \"two\"\nline 'three'\r\nend\ttab"
    );
    assert_eq!(body.text(), Some(expected.as_str()), "line breaks kept");
    let author = child(entries[0], "author");
    assert_eq!(text(author, "name"), "<b>Mallory</b> & co ");
    assert_eq!(text(author, "uri"), "https://m.example.com/?a=1&b=\"2\"");
}

#[test]
fn a_replies_feed_without_replies_is_dated_by_its_post() {
    let posts = posts();
    let xml = replies_feed(&SITE, &posts[1], &[]);
    let doc = parse(&xml);
    let entries = atom_feed(
        &doc,
        "https://example.org/blog/newest/feed.xml",
        "https://example.org/blog/newest/",
    );
    assert!(entries.is_empty());
    assert_eq!(text(doc.root_element(), "updated"), "2026-12-02T01:47:31Z");
}

#[test]
fn the_sitemap_has_the_home_and_every_post_each_with_lastmod() {
    let posts = posts();
    let newest = newest_first(&posts);
    // Last changed a day after publication, but the hostile post, edited on 3 Dec.
    let last_modified = |p: &Post| {
        if p.slug == "hostile" {
            DEC_3
        } else {
            p.published.0 + 86_400_000
        }
    };
    let xml = sitemap(&SITE, &newest, last_modified);
    let doc = parse(&xml);
    let urlset = doc.root_element();
    assert_eq!(urlset.tag_name().name(), "urlset");
    assert_eq!(urlset.tag_name().namespace(), Some(SITEMAP));
    let urls = children(urlset, SITEMAP, "url");
    let entry = |url: Node| {
        let one = |name| {
            let found = children(url, SITEMAP, name);
            assert_eq!(found.len(), 1, "one <{name}>");
            found[0].text().unwrap().to_owned()
        };
        (one("loc"), one("lastmod"))
    };
    let got: Vec<(String, String)> = urls.into_iter().map(entry).collect();
    let want = [
        ("https://example.org/blog/", "2026-12-03T10:00:00Z"),
        ("https://example.org/blog/newest/", "2026-12-03T01:47:31Z"),
        ("https://example.org/blog/hostile/", "2026-12-03T10:00:00Z"),
        ("https://example.org/blog/older/", "2025-01-16T00:00:00Z"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(l, m)| (l.to_string(), m.to_string()))
        .collect();
    assert_eq!(
        got, want,
        "home first with the latest lastmod, then the posts"
    );
}

#[test]
fn robots_allows_everything_and_names_the_sitemap_when_given() {
    assert_eq!(robots(None), "User-agent: *\nAllow: /\n");
    assert_eq!(
        robots(Some("https://example.org/blog/sitemap.xml")),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/blog/sitemap.xml\n"
    );
}
