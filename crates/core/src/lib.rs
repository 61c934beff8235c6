//! Goosebumps without a DOM: what the app, the pre-render step, the owner's tool
//! (`tools/replies`), `xtask` and `build.rs` share, with no Leptos, web-sys or
//! wasm-bindgen (so the tools compile none of them).
//!
//! - [`content`]: the posts and the site's settings, typed and parsed;
//! - `check`: every content error of a project folder at once (native only);
//! - [`comments`]: comment data and WordPress's rules;
//! - [`storage`]: the key–value trait, the in-memory store and the stored records;
//! - [`repository`]: one post's stored comments and every change to them;
//! - [`i18n`]: the interface's words, in English and Spanish;
//! - [`pages`]: the site's pages, their order and addresses; feeds and sitemap;
//! - [`time`]: dates, for machines (ISO 8601) and for readers;
//! - [`text`]: WordPress's rules for trimming and email addresses;
//! - [`project`]: where a project keeps its content, and the environment's say.

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod comments;
pub mod content;
pub mod i18n;
pub mod pages;
pub mod project;
pub mod repository;
pub mod storage;
pub mod text;
pub mod time;
