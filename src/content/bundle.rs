//! The posts this build holds (`build.rs` writes the table and the browser's
//! reading of each), and the posts parsed from them.

// Why all of them: the generated code names the types each post's video needs
// (`Video`, `VideoSource`, `Captions`, `YoutubeId`…), which differ with the posts.
use goosebumps_core::content::*;

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
