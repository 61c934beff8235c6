//! The site's pages, rendered: what a build holds (`SiteBuild`), every page and
//! comment page written from it, and what was left out.

use super::build::*;
use super::head::*;
use super::json_ld::*;
use super::template::*;
use crate::comments::published::{self, PublishedFile};
use crate::comments::thread::{Index, Order};
use crate::components::{HomePage, NotFoundPage, PostLink, PostPage};
use crate::content::Post;
use crate::storage::{MemoryStore, Store};
use goosebumps_core::pages::{self, feeds};
use leptos::prelude::*;
use std::rc::Rc;

/// The path of the old single page's hashes (`#comment-…`, `#comments…`,
/// `#respond`) that the home page sends on to the first post.
pub(super) const OLD_HASHES: &str = "^#(comment|respond)";

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
