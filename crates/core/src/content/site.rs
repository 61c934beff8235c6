//! The site's settings, from the bundled `src/content/site.json` (beside the posts):
//! its name, its absolute URL (optional), and its owner's name and the email address
//! replies are sent to (optional).
//!
//! ```json
//! {
//!   "name": "Goosebumps",
//!   "url": "https://example.org/blog/",
//!   "owner": { "name": "Goosebumps", "email": "replies@example.org" }
//! }
//! ```
//!
//! Parsed like the posts: a bad value is a [`ContentError`] naming the file, line,
//! column and field (`site.json:3:34: `url`: …`).

use super::{parse, ContentError};
use crate::text::{is_email, trim, MAX_EMAIL_BYTES};
use serde::Deserialize;

/// The bundled settings file's name, as errors name it.
pub const SITE_FILE: &str = "site.json";

/// The site's settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The site's name (`og:site_name`), never empty.
    pub name: SiteName,
    /// Where the site is published, absolute (`https://example.org/blog/`); without it
    /// the page has no canonical URL. `GOOSEBUMPS_SITE_URL` overrides it (see
    /// [`Site::url_with`]).
    #[serde(default)]
    pub url: Option<SiteUrl>,
    /// Who runs the site.
    pub owner: Owner,
}

/// Who runs the site, and where readers' replies are emailed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Owner {
    /// Their name, as readers see it.
    pub name: OwnerName,
    /// The address "Email it" writes to; without one the reader's mail program asks.
    #[serde(default)]
    pub email: Option<OwnerEmail>,
}

/// A text that is not empty once trimmed (kept as written), whose error names its field.
macro_rules! name {
    ($(#[$doc:meta])* $type:ident, $field:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
        #[serde(try_from = "String")]
        pub struct $type(String);

        impl $type {
            /// The name as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $type {
            type Error = String;
            fn try_from(name: String) -> Result<Self, String> {
                if trim(&name).is_empty() {
                    Err(concat!("`", $field, "` must not be empty").into())
                } else {
                    Ok(Self(name))
                }
            }
        }
    };
}

name!(
    /// The site's name.
    SiteName,
    "name"
);
name!(
    /// The owner's name.
    OwnerName,
    "owner.name"
);

/// An absolute `http`/`https` URL with a host, without white space, query or fragment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct SiteUrl(String);

impl SiteUrl {
    /// Checks `url` as the settings file's `url` is checked.
    pub fn parse(url: &str) -> Result<Self, String> {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        let host = rest.map(|r| r.split('/').next().unwrap_or(""));
        let bad = match host {
            None => true,
            Some(host) => {
                host.is_empty()
                    || host.starts_with(':')
                    || host.contains('@')
                    || url.contains(['?', '#'])
                    || url.chars().any(|c| c.is_whitespace() || c.is_control())
            }
        };
        if bad {
            Err(format!(
                "`url` must be an absolute http or https address such as \
                 \"https://example.org/blog/\" (no query or fragment), got {url:?}"
            ))
        } else {
            Ok(Self(url.to_owned()))
        }
    }

    /// The URL, ending with `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for SiteUrl {
    type Error = String;
    fn try_from(url: String) -> Result<Self, String> {
        Self::parse(&url)
    }
}

/// An email address as WordPress's `is_email()` accepts it, at most 100 bytes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct OwnerEmail(String);

impl OwnerEmail {
    /// The address as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OwnerEmail {
    type Error = String;
    fn try_from(email: String) -> Result<Self, String> {
        if email.len() <= MAX_EMAIL_BYTES && is_email(&email) {
            Ok(Self(email))
        } else {
            Err(format!(
                "`owner.email` must be an email address such as \"replies@example.org\", got {email:?}"
            ))
        }
    }
}

impl Site {
    /// The site's absolute URL: `override_url` (the `GOOSEBUMPS_SITE_URL` of a deploy
    /// preview) when given and not empty, else the settings' `url`. An override
    /// that is not an absolute URL is refused with the same sentence as the file's.
    pub fn url_with(&self, override_url: Option<&str>) -> Result<Option<SiteUrl>, String> {
        match override_url.map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => SiteUrl::parse(url)
                .map(Some)
                .map_err(|why| format!("GOOSEBUMPS_SITE_URL: {why}")),
            None => Ok(self.url.clone()),
        }
    }
}

/// Parses a settings file; the error names `file`, the line, the column and the field.
pub fn parse_site(file: &str, json: &str) -> Result<Site, ContentError> {
    parse(file, json)
}

/// What the browser reads of the site's owner: their name and the address replies
/// are emailed to, as Rust code `build.rs` writes from `site.json` (the browser has
/// no JSON parser for the settings). The native tests check it agrees with
/// [`bundled_site`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveOwner {
    /// The owner's name.
    pub name: &'static str,
    /// Where replies are emailed, if the owner gave an address.
    pub email: Option<&'static str>,
}
