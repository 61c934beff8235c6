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

mod bundle;
pub mod site;

pub use bundle::*;
