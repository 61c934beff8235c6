//! Where a project keeps its content, and the environment variables that name
//! other folders or put drafts in: one home for each, so the app's build, the
//! pre-render step, the checks, the owner's tool and xtask all say the same.

/// The posts, relative to the project's folder.
pub const POSTS_DIR: &str = "src/content/posts";
/// The site's settings, relative to the project's folder.
pub const SITE_PATH: &str = "src/content/site.json";
/// The published replies, relative to the project's folder.
pub const REPLIES_DIR: &str = "src/content/replies";

/// Names another folder of posts (a test's: `tests/fixtures/site/posts`); unset,
/// [`POSTS_DIR`].
pub const POSTS_DIR_ENV: &str = "GOOSEBUMPS_POSTS_DIR";
/// Names another folder of published replies (a test's); unset, [`REPLIES_DIR`].
pub const REPLIES_DIR_ENV: &str = "GOOSEBUMPS_REPLIES_DIR";
/// Puts drafts into a build: `GOOSEBUMPS_DRAFTS=1`, which `cargo xtask serve` sets
/// and `cargo xtask dist` does not. `build.rs` reads it for the browser's list, the
/// pre-render step through [`crate::content::drafts_from_env`].
pub const DRAFTS_ENV: &str = "GOOSEBUMPS_DRAFTS";
