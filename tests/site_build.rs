//! The site around the posts, on the test-only fixture set of three posts
//! (`tests/fixtures/site/posts`: two published, one draft): every page the build
//! writes, their titles, canonical URLs, Previous / Next, the home page's order,
//! the drafts left out, and the feeds and sitemap read back with a real XML
//! parser. Run with the `ssr` feature (the build-time renderer's):
//! `cargo test --no-default-features --features ssr --test site_build`.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

mod common;

use common::fixture_posts;
use goosebumps::components::{BASE_ATTR, POST_ATTR, PRERENDER_ROOT};
use goosebumps::content::{site::parse_site, Post};
use goosebumps::render::{render_site, Rendered, SiteBuild};
use std::collections::HashMap;

const TEMPLATE: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>Goosebumps</title>\n</head>\n<body>\n</body>\n</html>\n";
const BASE: &str = "https://goosebumps.example/";

fn build(posts: &[Post], absolute: Option<&str>, public: &str) -> Rendered {
    let site = parse_site(
        "site.json",
        r#"{ "name": "Goosebumps", "owner": { "name": "The Owner" } }"#,
    )
    .unwrap();
    let replies = HashMap::new();
    render_site(&SiteBuild {
        site: &site,
        public,
        absolute: absolute.map(str::to_owned),
        posts,
        replies: &replies,
        template: TEMPLATE,
    })
    .unwrap()
}

fn file<'a>(rendered: &'a Rendered, path: &str) -> &'a str {
    &rendered
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", paths(rendered)))
        .contents
}

fn paths(rendered: &Rendered) -> Vec<&str> {
    rendered.files.iter().map(|f| f.path.as_str()).collect()
}

fn title_of(html: &str) -> &str {
    let at = html.find("<title>").unwrap() + "<title>".len();
    &html[at..at + html[at..].find("</title>").unwrap()]
}

#[test]
fn a_build_writes_the_home_page_each_post_the_404_page_feeds_and_sitemap() {
    let posts = fixture_posts(false);
    let rendered = build(&posts, Some(BASE), "/");
    assert_eq!(
        paths(&rendered),
        [
            "index.html",
            "cinema-paradiso/index.html",
            "the-lion-king/index.html",
            "404.html",
            "feed.xml",
            "the-lion-king/feed.xml",
            "cinema-paradiso/feed.xml",
            "sitemap.xml",
            "robots.txt",
        ]
    );
    assert!(rendered.notes.is_empty(), "{:?}", rendered.notes);
}

#[test]
fn drafts_are_left_out_of_every_page_feed_and_sitemap() {
    let rendered = build(&fixture_posts(false), Some(BASE), "/");
    for f in &rendered.files {
        assert!(!f.path.contains("amelie"), "{}", f.path);
        assert!(!f.contents.contains("Amélie"), "{} names the draft", f.path);
    }
    // A build that shows drafts (cargo xtask serve) has its page.
    let with_drafts = build(&fixture_posts(true), Some(BASE), "/");
    assert!(paths(&with_drafts).contains(&"amelie/index.html"));
}

#[test]
fn each_post_page_has_its_title_canonical_url_root_and_feeds() {
    let rendered = build(&fixture_posts(false), Some(BASE), "/");
    let page = file(&rendered, "the-lion-king/index.html");
    assert_eq!(title_of(page), "The Lion King – Amara’s goosebump moment");
    assert!(page
        .contains("<link rel=\"canonical\" href=\"https://goosebumps.example/the-lion-king/\">"));
    assert!(page.contains(&format!(
        "<div id=\"{PRERENDER_ROOT}\" {BASE_ATTR}=\"/\" {POST_ATTR}=\"the-lion-king\">"
    )));
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Goosebumps – feed\" href=\"https://goosebumps.example/feed.xml\">"
    ));
    assert!(page.contains("href=\"https://goosebumps.example/the-lion-king/feed.xml\""));
    // The site's name links home.
    assert!(
        page.contains("<p class=\"site-name\"><a href=\"/\">Goosebumps</a></p>"),
        "{page}"
    );
    // The flag and media come from the site's root, one folder up.
    assert!(page.contains("src=\"/flags/ke.svg\""), "{page}");
    let other = file(&rendered, "cinema-paradiso/index.html");
    assert!(other.contains("src=\"/flags/it.svg\""));
    assert!(title_of(other).starts_with("Cinema Paradiso"));
}

#[test]
fn previous_and_next_link_the_older_and_the_newer_post_and_nothing_past_the_ends() {
    let rendered = build(&fixture_posts(false), Some(BASE), "/");
    let oldest = file(&rendered, "cinema-paradiso/index.html");
    let newest = file(&rendered, "the-lion-king/index.html");
    assert!(oldest.contains("<a href=\"/the-lion-king/\" rel=\"next\"><span class=\"meta-nav\">Next post</span> <span class=\"nav-title\">The Lion King</span></a>"), "{oldest}");
    assert!(!oldest.contains("rel=\"prev\""));
    assert!(newest.contains(
        "<a href=\"/cinema-paradiso/\" rel=\"prev\"><span class=\"meta-nav\">Previous post</span>"
    ));
    assert!(!newest.contains("rel=\"next\""));
    // One post alone: no navigation at all.
    let one = build(&fixture_posts(false)[..1], Some(BASE), "/");
    assert!(!file(&one, "cinema-paradiso/index.html").contains("post-navigation"));
}

#[test]
fn the_home_page_lists_the_moments_newest_first_readable_without_the_app() {
    let rendered = build(&fixture_posts(false), Some(BASE), "/");
    let home = file(&rendered, "index.html");
    assert_eq!(title_of(home), "Goosebumps");
    assert!(home.contains("<link rel=\"canonical\" href=\"https://goosebumps.example/\">"));
    let lion = home
        .find("href=\"/the-lion-king/\"")
        .expect("a link to the newest");
    let cinema = home
        .find("href=\"/cinema-paradiso/\"")
        .expect("a link to the oldest");
    assert!(lion < cinema, "newest first");
    for words in [
        "Amara",
        "alt=\"Kenya\"",
        "The Lion King (1994)",
        "The movie “The Lion King” – Amara’s goosebump moment",
        "<time datetime=\"2026-11-20T18:30:00Z\">20 November 2026</time>",
        "Giulia",
        "Italy",
    ] {
        assert!(home.contains(words), "the home page says {words:?}");
    }
    // The start of the quote, cut at a word, not the whole of it.
    assert!(home.contains("“When Rafiki lifts Simba over Pride Rock"));
    assert!(!home.contains("know exactly what is coming"));
    // The old single page's links are sent on to the first post.
    assert!(home.contains("location.replace(\"/cinema-paradiso/\"+location.hash)"));
    // No post is named on the root: the app builds no post's parts here.
    assert!(!home.contains(POST_ATTR));
}

#[test]
fn the_404_page_says_so_in_both_languages_and_links_home_and_the_newest() {
    let rendered = build(&fixture_posts(false), Some(BASE), "/sub/");
    let page = file(&rendered, "404.html");
    assert_eq!(title_of(page), "Page not found – Goosebumps");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(page.contains("Page not found"));
    assert!(page.contains("Página no encontrada"));
    // Absolute paths: it is shown at any address.
    assert!(page.contains("href=\"/sub/\""));
    assert!(
        page.find("href=\"/sub/the-lion-king/\"").unwrap()
            < page.find("href=\"/sub/cinema-paradiso/\"").unwrap()
    );
    assert!(!page.contains("rel=\"canonical\""));
    // The site's feed, as on every page.
    assert!(page.contains("type=\"application/atom+xml\" title=\"Goosebumps – feed\" href=\"https://goosebumps.example/feed.xml\""));
}

#[test]
fn without_the_site_url_there_are_no_feeds_or_sitemap_and_it_is_said_once() {
    let rendered = build(&fixture_posts(false), None, "/");
    let names = paths(&rendered);
    assert!(!names.iter().any(|p| p.ends_with(".xml")), "{names:?}");
    assert_eq!(rendered.notes.len(), 1, "{:?}", rendered.notes);
    assert!(rendered.notes[0].contains("site's absolute URL"));
    assert!(!file(&rendered, "robots.txt").contains("Sitemap"));
    let page = file(&rendered, "the-lion-king/index.html");
    assert!(!page.contains("rel=\"canonical\""));
    assert!(!page.contains("application/atom+xml"));
}

#[test]
fn the_feed_and_the_sitemap_parse_and_hold_the_published_posts() {
    let rendered = build(&fixture_posts(false), Some(BASE), "/");
    let feed = roxmltree::Document::parse(file(&rendered, "feed.xml")).expect("feed.xml is XML");
    let ids: Vec<&str> = feed
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| {
            e.children()
                .find(|c| c.has_tag_name("id"))
                .and_then(|c| c.text())
                .unwrap()
        })
        .collect();
    assert_eq!(
        ids,
        [
            "https://goosebumps.example/the-lion-king/",
            "https://goosebumps.example/cinema-paradiso/"
        ]
    );
    let sitemap =
        roxmltree::Document::parse(file(&rendered, "sitemap.xml")).expect("sitemap.xml is XML");
    let locs: Vec<&str> = sitemap
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        locs,
        [
            "https://goosebumps.example/",
            "https://goosebumps.example/the-lion-king/",
            "https://goosebumps.example/cinema-paradiso/"
        ]
    );
    assert!(
        file(&rendered, "robots.txt").contains("Sitemap: https://goosebumps.example/sitemap.xml")
    );
}

#[test]
fn only_the_built_posts_ship_their_published_replies_compact() {
    use goosebumps::comments::{published::PublishedReply, CommentId};
    let posts = fixture_posts(false);
    let site = parse_site("site.json", r#"{ "name": "G", "owner": { "name": "O" } }"#).unwrap();
    let reply = PublishedReply {
        id: CommentId::parse("wp-1").unwrap(),
        parent: None,
        author: "Ana".into(),
        url: None,
        content: "Line one\nline two".into(),
        created_ms: 1_709_406_316_000,
    };
    // The draft `amelie` is not in this build: its replies stay out.
    let replies = HashMap::from([
        ("cinema-paradiso".to_owned(), vec![reply.clone()]),
        ("amelie".to_owned(), vec![reply]),
    ]);
    let rendered = render_site(&SiteBuild {
        site: &site,
        public: "/",
        absolute: None,
        posts: &posts,
        replies: &replies,
        template: TEMPLATE,
    })
    .unwrap();
    let shipped: Vec<&str> = paths(&rendered)
        .into_iter()
        .filter(|p| p.starts_with("replies/"))
        .collect();
    assert_eq!(shipped, ["replies/cinema-paradiso.json"]);
    let json = file(&rendered, "replies/cinema-paradiso.json");
    assert!(!json.contains("\n  "), "no indentation: {json}");
    let back = goosebumps::comments::published::parse_published("c.json", json).unwrap();
    assert_eq!(back.replies, replies["cinema-paradiso"]);
}

/// `threads` top-level replies (`wp-1`…) an hour apart, then `answers`
/// `(id, parent)` after them.
fn many(
    threads: usize,
    answers: &[(usize, usize)],
) -> Vec<goosebumps::comments::published::PublishedReply> {
    use goosebumps::comments::{published::PublishedReply, CommentId};
    let one = |i: usize, parent: Option<usize>| PublishedReply {
        id: CommentId::parse(&format!("wp-{i}")).unwrap(),
        parent: parent.map(|p| CommentId::parse(&format!("wp-{p}")).unwrap()),
        author: format!("Reader {i}"),
        url: None,
        content: format!("Reply number {i}."),
        created_ms: 1_709_298_000_000 + i as i64 * 3_600_000,
    };
    (1..=threads)
        .map(|i| one(i, None))
        .chain(answers.iter().map(|&(i, p)| one(i, Some(p))))
        .collect()
}

/// The cinema-paradiso post with 120 published replies: 110 threads (three pages
/// of 50) and 10 answers, `wp-115` two down on the third page.
fn build_many(absolute: Option<&str>, public: &str) -> Rendered {
    let site = parse_site(
        "site.json",
        r#"{ "name": "Goosebumps", "owner": { "name": "The Owner" } }"#,
    )
    .unwrap();
    let answers = common::MANY_ANSWERS;
    let replies = HashMap::from([("cinema-paradiso".to_owned(), many(110, &answers))]);
    render_site(&SiteBuild {
        site: &site,
        public,
        absolute: absolute.map(str::to_owned),
        posts: &fixture_posts(false),
        replies: &replies,
        template: TEMPLATE,
    })
    .unwrap()
}

/// The `<head>` of a page.
fn head_of(html: &str) -> &str {
    &html[..html.find("</head>").unwrap()]
}

/// The `href`s of the page links (`nav.comment-navigation`), in order.
fn page_links(html: &str) -> Vec<&str> {
    let at = html
        .find("class=\"comment-navigation\"")
        .expect("page links");
    let nav = &html[at..at + html[at..].find("</nav>").unwrap()];
    nav.split("href=\"")
        .skip(1)
        .map(|h| &h[..h.find('"').unwrap()])
        .collect()
}

#[test]
fn each_further_page_of_published_comments_has_its_own_address_title_and_links() {
    let rendered = build_many(Some(BASE), "/");
    let names = paths(&rendered);
    assert!(names.contains(&"cinema-paradiso/comment-page-2/index.html"));
    assert!(names.contains(&"cinema-paradiso/comment-page-3/index.html"));
    // The first page is the post's own; there is no fourth; the other post has one.
    for absent in [
        "cinema-paradiso/comment-page-1/index.html",
        "cinema-paradiso/comment-page-4/index.html",
    ] {
        assert!(!names.contains(&absent), "{absent} in {names:?}");
    }
    assert!(!names
        .iter()
        .any(|p| p.starts_with("the-lion-king/comment-page")));

    let url = |n: usize| match n {
        1 => "https://goosebumps.example/cinema-paradiso/".to_owned(),
        n => format!("https://goosebumps.example/cinema-paradiso/comment-page-{n}/"),
    };
    let pages = [
        file(&rendered, "cinema-paradiso/index.html"),
        file(&rendered, "cinema-paradiso/comment-page-2/index.html"),
        file(&rendered, "cinema-paradiso/comment-page-3/index.html"),
    ];
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let head = head_of(page);
        let title = "Cinema Paradiso – Giulia’s goosebump moment";
        match n {
            1 => assert_eq!(title_of(page), title),
            n => assert_eq!(title_of(page), format!("{title} – Page {n}")),
        }
        assert!(
            head.contains(&format!("<link rel=\"canonical\" href=\"{}\">", url(n))),
            "{head}"
        );
        assert!(head.contains(&format!(
            "<meta property=\"og:url\" content=\"{}\">",
            url(n)
        )));
        let prev = format!("<link rel=\"prev\" href=\"{}\">", url(n.saturating_sub(1)));
        let next = format!("<link rel=\"next\" href=\"{}\">", url(n + 1));
        assert_eq!(head.contains(&prev), n > 1, "page {n}: {head}");
        assert_eq!(head.contains("rel=\"prev\""), n > 1, "page {n}");
        assert_eq!(head.contains(&next), n < 3, "page {n}: {head}");
        assert_eq!(head.contains("rel=\"next\""), n < 3, "page {n}");
        // The same post, named on the root, so the app starts over it.
        assert!(page.contains(&format!(
            "<div id=\"{PRERENDER_ROOT}\" {BASE_ATTR}=\"/\" {POST_ATTR}=\"cinema-paradiso\">"
        )));
        // Its own threads, and only those.
        let threads = match n {
            1 => 1..=50,
            2 => 51..=100,
            _ => 101..=110,
        };
        for i in 1..=110 {
            let shown = page.contains(&format!("id=\"comment-wp-{i}\""));
            assert_eq!(shown, threads.contains(&i), "page {n}, wp-{i}");
        }
        // Page links to the pages' addresses (site-relative), Previous and Next
        // first and last; the page shown is not a link.
        let links = page_links(page);
        let to = |n: usize| match n {
            1 => "/cinema-paradiso/#comments".to_owned(),
            n => format!("/cinema-paradiso/comment-page-{n}/#comments"),
        };
        let mut expected = Vec::new();
        if n > 1 {
            expected.push(to(n - 1));
        }
        expected.extend((1..=3).filter(|&m| m != n).map(to));
        if n < 3 {
            expected.push(to(n + 1));
        }
        assert_eq!(links, expected, "page {n}");
        assert!(page.contains("<span aria-current=\"page\" class=\"page-numbers current\">"));
    }
    // The answers sit on their thread's page: wp-115 (under wp-114, under wp-101)
    // on the third, with a permalink to it there.
    assert!(pages[2].contains("id=\"comment-wp-115\""));
    assert!(pages[2].contains("href=\"#comment-wp-115\""));
    assert!(!pages[0].contains("comment-wp-115"));
    assert!(pages[1].contains("id=\"comment-wp-113\""));
    // The JSON-LD of each page has that page's comments, at that page's address.
    assert!(
        pages[0].contains("\"url\":\"https://goosebumps.example/cinema-paradiso/#comment-wp-1\"")
    );
    assert!(pages[2].contains(
        "\"url\":\"https://goosebumps.example/cinema-paradiso/comment-page-3/#comment-wp-115\""
    ));
    assert!(!pages[0].contains("\"#comment-wp-51\""));
}

#[test]
fn comment_pages_are_linked_from_the_feed_and_left_out_of_the_sitemap() {
    let rendered = build_many(Some(BASE), "/");
    let sitemap = file(&rendered, "sitemap.xml");
    assert!(!sitemap.contains("comment-page"), "{sitemap}");
    let feed = roxmltree::Document::parse(file(&rendered, "cinema-paradiso/feed.xml")).unwrap();
    let entry = |id: &str| {
        let entry = feed
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .find(|e| {
                e.children().any(|c| {
                    c.has_tag_name("id")
                        && c.text()
                            == Some(&format!(
                                "https://goosebumps.example/cinema-paradiso/#comment-{id}"
                            ))
                })
            })
            .unwrap_or_else(|| panic!("no entry {id}"));
        entry
            .children()
            .find(|c| c.has_tag_name("link"))
            .and_then(|l| l.attribute("href"))
            .unwrap()
            .to_owned()
    };
    // The id stays the post's address; the link goes to the page that shows it.
    assert_eq!(
        entry("wp-115"),
        "https://goosebumps.example/cinema-paradiso/comment-page-3/#comment-wp-115"
    );
    assert_eq!(
        entry("wp-113"),
        "https://goosebumps.example/cinema-paradiso/comment-page-2/#comment-wp-113"
    );
    assert_eq!(
        entry("wp-1"),
        "https://goosebumps.example/cinema-paradiso/#comment-wp-1"
    );
}

#[test]
fn without_the_site_url_comment_pages_link_each_other_by_path_under_a_sub_path() {
    let rendered = build_many(None, "/sub/");
    let page = file(&rendered, "cinema-paradiso/comment-page-2/index.html");
    let head = head_of(page);
    assert!(!head.contains("rel=\"canonical\""));
    assert!(
        head.contains("<link rel=\"prev\" href=\"/sub/cinema-paradiso/\">"),
        "{head}"
    );
    assert!(head.contains("<link rel=\"next\" href=\"/sub/cinema-paradiso/comment-page-3/\">"));
    assert_eq!(
        page_links(page)[..2],
        [
            "/sub/cinema-paradiso/#comments",
            "/sub/cinema-paradiso/#comments"
        ]
    );
    assert!(page.contains(&format!("{BASE_ATTR}=\"/sub/\"")));
}

#[test]
fn a_comment_page_address_names_its_page_and_any_other_the_first() {
    use goosebumps_core::pages::{comment_page_url, page_in_path};
    for (path, n) in [
        ("/miracle/comment-page-3/", 3),
        ("/sub/miracle/comment-page-12", 12),
        ("/miracle/comment-page-2/index.html", 2),
        ("/miracle/", 1),
        ("/miracle/comment-page-0/", 1),
        ("/miracle/comment-page-x/", 1),
        ("/comment-page-2/miracle/", 1),
        ("", 1),
    ] {
        assert_eq!(page_in_path(path), n, "{path}");
    }
    assert_eq!(comment_page_url("/sub/", "miracle", 1), "/sub/miracle/");
    assert_eq!(
        comment_page_url("/sub/", "miracle", 4),
        "/sub/miracle/comment-page-4/"
    );
    assert_eq!(page_in_path(&comment_page_url("/", "m", 7)), 7);
}
