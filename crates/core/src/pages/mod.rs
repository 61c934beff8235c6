//! The site's pages: which pages a build has, in which order, and at which address.
//!
//! A *page* is one pre-rendered HTML file of the build: the home page (`/`, every
//! moment, newest first), one page per post (`/<slug>/`), and the not-found page
//! (`404.html`). The order of the posts — newest first on the home page and in the
//! feeds, older and newer for Previous/Next — is decided here once, from each
//! post's `published` date, so every list of the site agrees.
//!
//! A post with more than one page of published comments (more than
//! [`THREADS_PER_PAGE`](crate::comments::thread::THREADS_PER_PAGE) threads) has a
//! page for each at WordPress's address, `/<slug>/comment-page-<n>/`
//! ([`comment_page_url`]); the post's own page is the first.
//!
//! Addresses are made from the *base*: the site's absolute URL when it is known
//! (`https://example.org/blog/`), else the public URL's path (`/`, `/sub/`). Both
//! end with `/`.
//!
//! [`feeds`] writes the Atom feeds, the sitemap and robots.txt, which need an
//! absolute base.

pub mod feeds;
mod order;

pub use order::*;
