//! The posts and settings this build bundles, on top of
//! [`goosebumps_core::content`] (the model, the parsers, the schema), whose items
//! are re-exported here.
//!
//! Adding a post is adding a file to `src/content/posts/`: `build.rs` finds every
//! `*.json` in the folder (see [`BUNDLED`]) and writes what the browser reads of
//! each (see [`live_posts`]). Why here and not in the core crate: the bundle is this
//! app's build (its `build.rs`, its `OUT_DIR`); the owner's tool and xtask read the
//! posts from the files.

pub use goosebumps_core::content::*;

pub mod site;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The posts of this build: the published ones, and the drafts too when it was
/// compiled with `GOOSEBUMPS_DRAFTS=1` (as [`live_posts`], the browser's list;
/// without it, `build.rs` leaves drafts out of [`BUNDLED`] too).
pub fn all_posts() -> Result<Vec<Post>, ContentError> {
    posts(BUNDLED, DRAFTS_BUILT)
}

/// The published posts, drafts left out: what `cargo xtask dist`, the feeds and the
/// sitemap hold.
pub fn published_posts() -> Result<Vec<Post>, ContentError> {
    posts(BUNDLED, false)
}

/// What the browser needs of every post of this build (as [`all_posts`]), in the
/// order of [`BUNDLED`]:
/// built by code that `build.rs` writes from the posts, so the browser build has
/// neither the rest of their text nor a parser for them.
pub fn live_posts() -> Result<Vec<LivePost>, ContentError> {
    LIVE_FILES
        .iter()
        .map(|file| {
            live_post(file).map_err(|message| ContentError {
                file: (*file).to_owned(),
                line: 0,
                column: 0,
                message,
            })
        })
        .collect()
}

include!(concat!(env!("OUT_DIR"), "/live_posts.rs"));
