//! Browser glue: one small module per concern the page asks of the browser
//! (saving a file, sharing it, the time zone, keeping the site's data, the share sheet, focus, window
//! events), each a few functions over web-sys.
//!
//! At build time (the `ssr` pre-render, where there is no browser) these do
//! nothing: [`PRERENDERING`] is true there, and each function the build-time
//! render reaches returns at once (or says "no"), as leptos-use's functions do
//! on a server.

pub(crate) mod download;
mod file;
pub(crate) mod focus;
mod navigator;
pub(crate) mod persist;
pub(crate) mod share;
pub(crate) mod time_zone;
pub(crate) mod window_events;

/// True while rendering at build time (no browser: no window, no storage).
pub const PRERENDERING: bool = cfg!(feature = "ssr");
