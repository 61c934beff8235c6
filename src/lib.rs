//! Goosebumps: a person's goosebump moment from a film, as a client-side Leptos page
//! whose replies are kept in the reader's own browser.
//!
//! What has no DOM (comments, posts, words, records, the repository, the page
//! order and feeds) is the core crate, `goosebumps_core`; this crate adds:
//! - [`content`]: the posts and settings this build bundles;
//! - [`storage`]: the browser's localStorage;
//! - `glue`: browser glue, one small module per concern (nothing at build time);
//! - [`context`]: the store and the language the page's parts share;
//! - [`discussion`]: the comments area's state, below the components that show it;
//! - [`components`]: the visible parts of the page, and `mount`, which starts them;
//! - `render` (with the `ssr` feature): the pages' HTML at build time.

#![recursion_limit = "256"]

pub mod components;
pub mod content;
pub mod context;
pub mod discussion;
mod glue;
#[cfg(feature = "ssr")]
pub mod render;
pub mod storage;

// Why re-exported: the app's modules and tests name them `crate::comments`,
// `goosebumps::i18n`… as before the core crate held them.
pub use goosebumps_core::{comments, i18n, repository, text, time};
