//! The app crate's native tests, in one binary (as ripgrep's `tests/tests.rs`): one
//! build and one link for all of them, sharing `common`'s builders; each file is a
//! module here. Why five more binaries beside it: `live_parts`, `site_build` and
//! `page_structure` need the `ssr` feature (`cargo xtask test` runs them by name with
//! it), and `web`, `web_mount` run in a browser (wasm-bindgen-test, wasm32), which
//! native-only tests (proptest, scraper, files) cannot share.
#![cfg(not(target_arch = "wasm32"))]

mod common;

mod content;
mod content_check;
mod content_countries;
mod content_drafts;
mod content_schema;
mod feeds;
mod i18n;
mod properties;
mod published_merge;
mod replies_format;
mod repository;
mod site;
mod storage;
mod threads;
mod validation;
