//! Content never changes a page's structure: every page the build writes is read
//! back with a conformant HTML parser (html5ever, through `scraper`) and its tree
//! checked — one `<head>` and one `<body>`, the build-time root holding the page
//! and nothing else in the body, only the scripts the build makes, every JSON-LD
//! block parsing as JSON equal to what was meant, each text (titles, quote, names,
//! each reply's text and website) shown exactly as that text where it belongs.
//!
//! On the project's own posts, on the test site (`tests/fixtures/site/posts`), on
//! a build whose published replies hold markup-like text, and on arbitrary text
//! in every field of a post and of a reply (proptest). Run with the `ssr` feature:
//! `cargo test --no-default-features --features ssr --test page_structure`.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

mod common;

use goosebumps::comments::published::PublishedReply;
use goosebumps::comments::thread::{Index, Order};
use goosebumps::comments::CommentId;
use goosebumps::components::PRERENDER_ROOT;
use goosebumps::content::{self, site::parse_site, Post};
use goosebumps::render::{render_site, script_json, Rendered, SiteBuild};
use proptest::prelude::*;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::collections::HashMap;

/// The project's own `index.html`: what Trunk starts every page from.
const TEMPLATE: &str = include_str!("../index.html");
const BASE: &str = "https://goosebumps.example/";

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn text(el: ElementRef) -> String {
    el.text().collect()
}

fn build(posts: &[Post], replies: &HashMap<String, Vec<PublishedReply>>) -> Rendered {
    let site = parse_site(
        "site.json",
        r#"{ "name": "Goosebumps", "owner": { "name": "The Owner" } }"#,
    )
    .unwrap();
    render_site(&SiteBuild {
        site: &site,
        public: "/",
        absolute: Some(BASE.to_owned()),
        posts,
        replies,
        template: TEMPLATE,
    })
    .unwrap()
}

/// The one element `css` selects under `root` (fails with the page otherwise).
fn one<'a>(root: ElementRef<'a>, css: &str, page: &str) -> ElementRef<'a> {
    let found: Vec<_> = root.select(&sel(css)).collect();
    assert_eq!(found.len(), 1, "{page}: {css} should be one element");
    found[0]
}

/// The checks every page passes, whatever its content: its tree is the
/// template's, with the root in the body and only the build's scripts.
/// Returns the parsed page and its JSON-LD blocks.
fn check_structure(path: &str, html: &str) -> (Html, Vec<Value>) {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    assert_eq!(root.select(&sel("head")).count(), 1, "{path}: one head");
    assert_eq!(root.select(&sel("body")).count(), 1, "{path}: one body");
    let body = one(root, "body", path);
    // The template's body is empty: the root the app starts over is all it holds.
    let children: Vec<_> = body.children().filter_map(ElementRef::wrap).collect();
    assert_eq!(children.len(), 1, "{path}: the body holds the root only");
    assert_eq!(
        children[0].value().id(),
        Some(PRERENDER_ROOT),
        "{path}: the body's element is the build-time root"
    );
    assert!(
        children[0].children().filter_map(ElementRef::wrap).count() > 0,
        "{path}: the root holds the page"
    );
    // Scripts: `reader.js`, JSON-LD (data) in the head, and the home page's redirect of old links.
    let mut ld = Vec::new();
    for script in root.select(&sel("script")) {
        let in_head = script
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "head");
        assert!(
            in_head,
            "{path}: a script outside the head: {}",
            script.html()
        );
        // The template's one external script: `reader.js` (the controls before the app).
        if let Some(src) = script.value().attr("src") {
            assert!(src.ends_with("reader.js"), "{path}: a script from {src}");
            continue;
        }
        match script.value().attr("type") {
            Some("application/ld+json") => ld.push(
                serde_json::from_str(&text(script))
                    .unwrap_or_else(|e| panic!("{path}: JSON-LD does not parse: {e}")),
            ),
            None if path == "index.html" => {
                assert!(text(script).starts_with("if(/^#(comment|respond)/.test(location.hash))"))
            }
            other => panic!("{path}: a script of type {other:?}"),
        }
    }
    let expected_ld = usize::from(path != "404.html");
    assert_eq!(ld.len(), expected_ld, "{path}: JSON-LD blocks");
    (doc, ld)
}

/// Every `Comment` of a JSON-LD tree, by `@id`.
fn ld_comments(ld: &Value) -> HashMap<String, Value> {
    let mut found = HashMap::new();
    let mut stack: Vec<&Value> = ld["comment"].as_array().into_iter().flatten().collect();
    while let Some(c) = stack.pop() {
        found.insert(c["@id"].as_str().unwrap().to_owned(), c.clone());
        stack.extend(c["comment"].as_array().into_iter().flatten());
    }
    found
}

/// The ids of the replies comment page `n` shows, in the default order.
fn on_page(post: &Post, replies: &[PublishedReply], n: usize) -> Vec<String> {
    let comments: Vec<_> = replies.iter().map(|r| r.to_comment(&post.slug)).collect();
    let index = Index::from_comments(&comments);
    let rows = index.threads(Order::OldestFirst).rows(n);
    rows.into_iter().map(|row| row.id.anchor()).collect()
}

/// A post page (comment page `n` of the post: 1 is the post's own page) shows its
/// texts exactly, in the HTML and in the JSON-LD, and each reply on that comment
/// page in its place, and no other.
fn check_post(path: &str, html: &str, post: &Post, replies: &[PublishedReply], n: usize) {
    let (doc, ld) = check_structure(path, html);
    let root = doc.root_element();
    let article = format!("{} – {}’s goosebump moment", post.title, post.person.name);
    let title = match n {
        1 => article.clone(),
        n => format!("{article} – Page {n}"),
    };
    assert_eq!(text(one(root, "title", path)), title, "{path}: <title>");
    let description = one(root, r#"meta[name="description"]"#, path);
    assert_eq!(
        description.value().attr("content"),
        Some(post.description.as_str())
    );
    let og_title = one(root, r#"meta[property="og:title"]"#, path);
    assert_eq!(og_title.value().attr("content"), Some(title.as_str()));
    let page = one(root, &format!("#{PRERENDER_ROOT}"), path);
    assert_eq!(text(one(page, "h1.post-title", path)), post.title);
    assert_eq!(text(one(page, "p.kicker", path)), post.kicker);
    assert_eq!(
        text(one(page, "h2.testimonial-title", path)),
        post.testimonial.headline
    );
    assert_eq!(
        text(one(page, "blockquote.quote > p", path)),
        post.testimonial.quote
    );

    let ld = &ld[0];
    assert_eq!(ld["headline"], post.testimonial.headline.as_str());
    assert_eq!(ld["description"], post.description.as_str());
    // The article's name, on each of its pages.
    assert_eq!(ld["name"], article.as_str());
    assert_eq!(ld["author"]["name"], post.person.full_name.as_str());
    assert_eq!(ld["review"]["reviewBody"], post.testimonial.quote.as_str());
    assert_eq!(ld["about"]["name"], post.film.title.as_str());
    assert_eq!(
        ld["about"]["alternateName"],
        post.film.original_title.as_str()
    );
    assert!(
        !serde_json::to_string(ld).unwrap().contains("null"),
        "{path}: no null in the JSON-LD"
    );

    let shown = ld_comments(ld);
    let by_anchor: HashMap<String, &PublishedReply> =
        replies.iter().map(|r| (r.id.anchor(), r)).collect();
    for (anchor, c) in &shown {
        let r = by_anchor[anchor.trim_start_matches('#')];
        assert_eq!(
            c["text"],
            r.content.as_str(),
            "{path}: JSON-LD text of {anchor}"
        );
        assert_eq!(c["author"]["name"], r.author.as_str());
        assert_eq!(c["author"]["url"].as_str(), r.url.as_deref());
    }
    // The page's replies are in the HTML, each in its own item, and no other.
    let listed: Vec<String> = page
        .select(&sel("li.comment"))
        .map(|li| li.value().id().unwrap().to_owned())
        .collect();
    assert_eq!(
        listed,
        on_page(post, replies, n),
        "{path}: the replies shown"
    );
    for r in replies {
        let item = page
            .select(&sel("li.comment"))
            .find(|li| li.value().id() == Some(r.id.anchor().as_str()));
        let Some(item) = item else {
            // Not on this comment page (nor in its JSON-LD).
            assert!(!shown.contains_key(&format!("#{}", r.id.anchor())));
            continue;
        };
        assert!(shown.contains_key(&format!("#{}", r.id.anchor())));
        // Its own body, not a nested reply's.
        let body = item
            .children()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "article")
            .unwrap_or_else(|| panic!("{path}: {} has no body", r.id));
        assert_eq!(text(one(body, ".comment-content", path)), r.content);
        assert_eq!(text(one(body, ".comment-author .fn", path)), r.author);
        let link = body.select(&sel("a.url")).next();
        assert_eq!(link.and_then(|a| a.value().attr("href")), r.url.as_deref());
    }
}

/// The post and comment page a built file is: `<slug>/index.html` is the post's
/// own page (1), `<slug>/comment-page-<n>/index.html` page `n`.
fn post_page<'a>(posts: &'a [Post], path: &str) -> Option<(&'a Post, usize)> {
    let (slug, rest) = path.split_once('/')?;
    let post = posts.iter().find(|p| p.slug == slug)?;
    if rest == "index.html" {
        return Some((post, 1));
    }
    let n = rest
        .strip_prefix("comment-page-")?
        .strip_suffix("/index.html")?;
    Some((post, n.parse().ok()?))
}

fn check_build(posts: &[Post], replies: &HashMap<String, Vec<PublishedReply>>) {
    let rendered = build(posts, replies);
    let none = Vec::new();
    let mut comment_pages = HashMap::new();
    for file in &rendered.files {
        if file.path.ends_with(".html") {
            match post_page(posts, &file.path) {
                Some((post, n)) => {
                    let replies = replies.get(&post.slug).unwrap_or(&none);
                    check_post(&file.path, &file.contents, post, replies, n);
                    *comment_pages.entry(&post.slug).or_insert(0) += 1;
                }
                None => {
                    check_structure(&file.path, &file.contents);
                }
            }
        } else if file.path.starts_with("replies/") {
            // The app's copy of the replies: the same replies, read back.
            let parsed =
                goosebumps::comments::published::parse_published(&file.path, &file.contents)
                    .unwrap();
            let mut expected = replies[&parsed.post].clone();
            expected.sort_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)));
            assert_eq!(parsed.replies, expected);
        }
    }
    // One page for each page of comments (the post's own is the first).
    for post in posts {
        let replies = replies.get(&post.slug).unwrap_or(&none);
        let pages = (1..)
            .take_while(|&n| n == 1 || !on_page(post, replies, n).is_empty())
            .count();
        assert_eq!(comment_pages[&post.slug], pages, "{}: its pages", post.slug);
    }
}

fn reply(
    id: &str,
    parent: Option<&str>,
    author: &str,
    url: Option<&str>,
    content: &str,
) -> PublishedReply {
    PublishedReply {
        id: CommentId::parse(id).unwrap(),
        parent: parent.map(|p| CommentId::parse(p).unwrap()),
        author: author.into(),
        url: url.map(str::to_owned),
        content: content.into(),
        created_ms: 1_709_406_316_000 + id.len() as i64 * 60_000,
    }
}

/// Texts that look like markup to a careless template: they must show as text.
const MARKUP: &[&str] = &[
    "I cried at the <body> of the film.",
    "<!--<script>",
    "</script><script>alert(1)</script>",
    "</title></head><body><h1>x</h1>",
    "<div id=\"prerendered\"></div>",
    "-->  <![CDATA[ x ]]>  &amp; &lt; & < >",
    "Line\u{2028}separator\u{2029}paragraph",
    "</textarea><plaintext>",
    "<noscript><style>",
    "\"quoted\" 'single' `back`",
];

#[test]
fn the_project_posts_and_the_test_site_read_back_as_built() {
    check_build(&content::all_posts().unwrap(), &HashMap::new());
    check_build(&common::fixture_posts(true), &HashMap::new());
}

#[test]
fn published_replies_that_look_like_markup_show_as_text_in_every_place() {
    let posts = common::fixture_posts(false);
    let mut replies = Vec::new();
    for (i, text) in MARKUP.iter().enumerate() {
        let id = format!("wp-{}", i + 1);
        let parent = (i % 3 == 2).then(|| format!("wp-{i}"));
        replies.push(reply(
            &id,
            parent.as_deref(),
            text,
            Some(&format!("https://example.com/{i}?a=<body>&b=\"</script>")),
            &format!("{text}\nand a second line {text}"),
        ));
    }
    // A chain deeper than the page nests: shown at the deepest level, no recursion.
    for i in 0..2_000 {
        let parent = if i == 0 {
            "wp-1".to_owned()
        } else {
            format!("deep-{}", i - 1)
        };
        let mut r = reply(&format!("deep-{i}"), Some(&parent), "Deep", None, "<body>");
        r.created_ms = 1_709_406_316_000 + 3_600_000 + i;
        replies.push(r);
    }
    let map: HashMap<String, Vec<PublishedReply>> = posts
        .iter()
        .map(|p| (p.slug.clone(), replies.clone()))
        .collect();
    check_build(&posts, &map);
}

/// `threads` top-level replies (`wp-1`…), an hour apart, then `answers` answers
/// `(id, parent)` after them.
fn many(threads: usize, answers: &[(usize, usize)]) -> Vec<PublishedReply> {
    let at = |i: usize| 1_709_298_000_000 + i as i64 * 3_600_000;
    let mut replies: Vec<_> = (1..=threads)
        .map(|i| {
            let mut r = reply(&format!("wp-{i}"), None, &format!("Reader {i}"), None, "");
            r.content = format!("Thread {i} <p>");
            r.created_ms = at(i);
            r
        })
        .collect();
    for &(id, parent) in answers {
        let parent = format!("wp-{parent}");
        let mut r = reply(
            &format!("wp-{id}"),
            Some(&parent),
            "Answerer",
            None,
            "Answer",
        );
        r.created_ms = at(id);
        replies.push(r);
    }
    replies
}

#[test]
fn each_comment_page_reads_back_whole_with_its_own_replies() {
    // 110 threads and 10 answers: three pages (50, 50, 10 threads), answers on each,
    // a chain two deep on the third.
    let answers = common::MANY_ANSWERS;
    let posts = common::fixture_posts(false);
    let map = HashMap::from([(posts[0].slug.clone(), many(110, &answers))]);
    check_build(&posts, &map);
    // Exactly 50 threads: one page, no other address.
    let map = HashMap::from([(posts[0].slug.clone(), many(50, &[(51, 50)]))]);
    check_build(&posts, &map);
    let paths: Vec<String> = build(&posts, &map)
        .files
        .into_iter()
        .map(|f| f.path)
        .collect();
    assert!(
        !paths.iter().any(|p| p.contains("comment-page")),
        "{paths:?}"
    );
}

#[test]
fn json_in_a_script_escapes_what_could_end_it_and_means_the_same() {
    let value = serde_json::json!({ "t": "</script><!-- & \u{2028}\u{2029} >" });
    let text = script_json(&value);
    for c in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
        assert!(!text.contains(c), "{c:?} in {text}");
    }
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
}

#[test]
fn a_template_without_its_places_is_refused_with_a_sentence() {
    let posts = common::fixture_posts(false);
    let site = parse_site("site.json", r#"{ "name": "G", "owner": { "name": "O" } }"#).unwrap();
    let replies = HashMap::new();
    for (template, missing) in [
        ("<html><head></head><body></body></html>", "<title>"),
        (
            "<html><head><title>x</title><body></body></html>",
            "</head>",
        ),
        ("<html><head><title>x</title></head></html>", "<body>"),
        // Places inside a comment or a script are not places.
        (
            "<html><head><title>x</title><!-- </head><body> --><script>'</head><body>'</script>",
            "</head>",
        ),
    ] {
        let e = render_site(&SiteBuild {
            site: &site,
            public: "/",
            absolute: None,
            posts: &posts,
            replies: &replies,
            template,
        })
        .unwrap_err();
        assert!(e.contains(missing), "{template}: {e}");
    }
}

/// Any non-empty text, with markup-like pieces weighted in. Not NUL or CR: HTML itself
/// cannot carry them in text (the parser drops NUL and turns CR into LF).
fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[^\\x00\\r]{0,12}",
        2 => proptest::sample::select(MARKUP.to_vec()).prop_map(str::to_owned),
        2 => proptest::sample::select(vec![
            "<", ">", "&", "\"", "'", "<!--", "-->", "</script", "<body>", "</body>", "<title>",
            "</head>", "\u{2028}", "\u{2029}", "<![CDATA[", "]]>", "&amp;", "\n", "<script>",
        ])
        .prop_map(str::to_owned),
    ];
    // Not empty: no field of a post or a reply may be (the parser and the form
    // refuse it), and Leptos renders an empty text as a space.
    proptest::collection::vec(piece, 1..6)
        .prop_map(|p| p.concat())
        .prop_filter("not empty", |t| !t.is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_text_in_any_field_of_a_post_or_a_reply_keeps_the_page_whole(
        post_texts in proptest::collection::vec(any_text(), 10),
        reply_texts in proptest::collection::vec(any_text(), 6),
    ) {
        let mut post = common::fixture_posts(false).remove(0);
        let t = &post_texts;
        post.title = t[0].clone();
        post.kicker = t[1].clone();
        post.description = t[2].clone();
        post.testimonial.headline = t[3].clone();
        post.testimonial.quote = t[4].clone();
        post.person.name = t[5].clone();
        post.person.full_name = t[6].clone();
        post.person.country.name = t[7].clone();
        post.film.title = t[8].clone();
        post.film.original_title = t[9].clone();
        let r = &reply_texts;
        let replies = vec![
            reply("wp-1", None, &r[0], Some(&format!("https://example.com/{}", r[1])), &r[2]),
            reply("wp-22", Some("wp-1"), &r[3], None, &r[4]),
            reply("m3x9q2k0a1b2c3", None, &r[5], None, &r[0]),
        ];
        let map = HashMap::from([(post.slug.clone(), replies)]);
        check_build(std::slice::from_ref(&post), &map);
    }
}
