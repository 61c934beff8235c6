//! The site's settings this build bundles (`src/content/site.json`), on top of
//! [`goosebumps_core::content::site`], whose items are re-exported here.

pub use goosebumps_core::content::site::*;

use super::ContentError;

/// The bundled settings, as JSON.
pub const SITE_JSON: &str = include_str!("site.json");

/// The bundled settings (`src/content/site.json`).
pub fn bundled_site() -> Result<Site, ContentError> {
    parse_site(SITE_FILE, SITE_JSON)
}

include!(concat!(env!("OUT_DIR"), "/live_site.rs"));
