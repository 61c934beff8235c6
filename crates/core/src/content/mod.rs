//! Typed posts, compiled into the app from the JSON files in `src/content/posts/`.
//!
//! Adding a post is adding a file there: `build.rs` finds every `*.json` in the
//! folder (the app's `BUNDLED`); the app shows the post whose slug the URL asks for
//! (see [`select_slug`]).
//!
//! A post with `"draft": true` is a draft: shown by `cargo xtask serve` (which sets
//! `GOOSEBUMPS_DRAFTS=1` for `build.rs` and the pre-render step), left out of
//! `cargo xtask dist` — neither pre-rendered nor known to the browser — and so of
//! the feeds and the sitemap (the app's `published_posts`).
//!
//! One concept a file: `model` (the post), `values` (its checked values),
//! `parse` (reading a file, drafts), `schema` (the JSON Schema, native only) and
//! `live` (what the browser reads); their items are re-exported here.

pub mod countries;
mod live;
mod model;
mod parse;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
pub mod site;
mod values;

pub use live::*;
pub use model::*;
pub use parse::*;
#[cfg(not(target_arch = "wasm32"))]
pub use schema::post_schema;
pub use values::*;
