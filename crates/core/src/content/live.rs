//! What the browser reads of the posts (the rest is already on the page built at
//! build time), and which post an address shows.

use super::model::Video;

/// What the browser needs of a post: the page it starts over was rendered at build
/// time from the whole [`Post`], so the rest of the post is already on screen
/// (every bundled post is checked whole by the tests and by the pre-render step).
#[derive(Debug, Clone, PartialEq)]
pub struct LivePost {
    /// The post's slug.
    pub slug: String,
    /// The post's title.
    pub title: String,
    /// What the browser builds of the testimonial.
    pub testimonial: LiveTestimonial,
}

/// The part of a [`Testimonial`] the browser builds: its Video view.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveTestimonial {
    /// The testimonial's video, if it has one.
    pub video: Option<Video>,
}

/// The slug the page should show: the last non-empty path segment if it names a
/// post, else the first post. Works under any sub-path (`/sub/` or `/sub/slug`).
pub fn select_slug<'a>(path: &str, slugs: &[&'a str]) -> Option<&'a str> {
    let wanted = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let wanted = wanted.trim_end_matches(".html");
    slugs
        .iter()
        .find(|slug| **slug == wanted)
        .or_else(|| slugs.first())
        .copied()
}
