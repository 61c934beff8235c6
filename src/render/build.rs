//! What a build holds (`SiteBuild`), what it wrote (`Rendered`), and a post's comment
//! pages.

use super::template::escape;
use crate::comments::published::PublishedReply;
use crate::content::site::Site;
use crate::content::Post;
use goosebumps_core::pages::{self};
use std::collections::HashMap;

/// What a build renders.
pub struct SiteBuild<'a> {
    /// The site's settings.
    pub site: &'a Site,
    /// The public URL's path the site is served at (`/`, `/sub/`), ending with `/`.
    pub public: &'a str,
    /// The site's absolute URL, ending with `/` (with the public path), if known.
    pub absolute: Option<String>,
    /// The posts of this build (drafts only in a build that shows them).
    pub posts: &'a [Post],
    /// The published replies of each post, by slug (none for a post not listed).
    pub replies: &'a HashMap<String, Vec<PublishedReply>>,
    /// The built `index.html` every page starts from.
    pub template: &'a str,
}

/// One file of the build: its path under the build's folder, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltFile {
    /// Where it goes, under the build's folder (`<slug>/index.html`).
    pub path: String,
    /// Its text.
    pub contents: String,
}

/// What [`render_site`] wrote, and what it had to leave out.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Every file written.
    pub files: Vec<BuiltFile>,
    /// Said once to the owner: e.g. that feeds need the site's URL.
    pub notes: Vec<String>,
}

/// Where a post's comment page is among the post's comment pages.
pub(super) struct CommentPages<'a> {
    /// The site's absolute URL if known, else its public path (ends with `/`).
    pub(super) base: &'a str,
    pub(super) slug: &'a str,
    /// This page, 1-based (1: the post's own page).
    pub(super) n: usize,
    /// How many comment pages the post has (1 when its comments fit on one).
    pub(super) count: usize,
}

impl CommentPages<'_> {
    pub(super) fn url(&self, n: usize) -> String {
        pages::comment_page_url(self.base, self.slug, n)
    }

    /// `<link rel="prev">` and `<link rel="next">` to the pages either side.
    pub(super) fn links(&self) -> Vec<String> {
        let mut links = Vec::new();
        if self.n > 1 {
            let href = escape(&self.url(self.n - 1));
            links.push(format!("<link rel=\"prev\" href=\"{href}\">"));
        }
        if self.n < self.count {
            let href = escape(&self.url(self.n + 1));
            links.push(format!("<link rel=\"next\" href=\"{href}\">"));
        }
        links
    }
}
