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
//!
//! One concept a file: `build` (what a build holds and writes), `page` (every page), `head` (each page's
//! metadata), `json_ld` (its structured data), `template` (the built
//! `index.html` and the markup a view renders to).

mod build;
mod head;
mod json_ld;
mod page;
mod template;

pub use build::{BuiltFile, Rendered, SiteBuild};
pub use json_ld::script_json;
pub use page::render_site;
