//! The site's pages: [`goosebumps_core::pages`] (their order, addresses and feeds),
//! whose items are re-exported here, and, at build time, their HTML ([`render`]).

pub use goosebumps_core::pages::*;

#[cfg(feature = "ssr")]
pub mod render;
