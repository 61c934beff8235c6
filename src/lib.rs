//! Goosebumps: a person's goosebump moment from a film, as a client-side Leptos page
//! whose replies are kept in the reader's own browser.
//!
//! - [`content`]: the posts, typed, from bundled JSON;
//! - [`comments`]: comment data and WordPress's rules, without a DOM;
//! - [`storage`]: where comments, drafts and choices are kept;
//! - [`repository`]: one post's stored comments and every change to them (pure);
//! - [`components`]: the visible parts of the page;
//! - [`i18n`]: the interface's words, in English and Spanish.
//! - [`pages`]: the site's pages, their order and addresses; feeds and sitemap.

#![recursion_limit = "256"]

pub mod comments;
pub mod components;
pub mod content;
pub mod i18n;
pub mod pages;
pub mod repository;
pub mod storage;
