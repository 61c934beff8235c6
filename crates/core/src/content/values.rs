//! The values a post's fields are checked to be when parsed: its slug, the
//! publishing date, a country code with a flag, a YouTube id, a heading level, a
//! film's year.

use super::countries;
use serde::Deserialize;

/// When a post was published: milliseconds since the epoch, read from
/// `YYYY-MM-DDTHH:MM:SSZ`, `YYYY-MM-DD` (midnight UTC), or a time with its
/// offset from UTC, `YYYY-MM-DDTHH:MM:SS+01:00` (kept as the same instant in UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct PublishedAt(pub i64);

impl TryFrom<String> for PublishedAt {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        // `…+01:00` / `…-05:30`: the local time and its offset, as the same instant in UTC.
        let with_offset = || {
            let (local, offset) = (text.get(..19)?, text.get(19..)?);
            let b = offset.as_bytes();
            if b.len() != 6 || !matches!(b[0], b'+' | b'-') || b[3] != b':' {
                return None;
            }
            let digits = |r: std::ops::Range<usize>| -> Option<i64> {
                let part = offset.get(r)?;
                part.bytes()
                    .all(|c| c.is_ascii_digit())
                    .then(|| part.parse().ok())?
            };
            let (hours, minutes) = (digits(1..3)?, digits(4..6)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let sign = if b[0] == b'-' { -1 } else { 1 };
            let ms = crate::time::parse_iso_utc(&format!("{local}Z"))?;
            ms.checked_sub(sign * (hours * 60 + minutes) * 60_000)
        };
        crate::time::parse_iso_utc(&text)
            .or_else(with_offset)
            .map(Self)
            .ok_or_else(|| {
                format!(
                    "not a date: {text:?} (write it as \"2026-12-02T01:47:31Z\" in UTC, with its \
                     offset as \"2026-12-02T02:47:31+01:00\", or the day alone as \"2026-12-02\")"
                )
            })
    }
}

/// An ISO 3166-1 alpha-2 code, checked when parsed to be one that has a flag
/// ([`countries::COUNTRY_CODES`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct CountryCode(String);

impl CountryCode {
    /// Path of the flag image under `public/`.
    pub fn flag_path(&self) -> String {
        format!("flags/{}.svg", self.0.to_ascii_lowercase())
    }
    /// The code, in capitals.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CountryCode {
    type Error = String;
    fn try_from(code: String) -> Result<Self, String> {
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            Err(format!(
                "country code must be two capital letters (ISO 3166-1), got {code:?}"
            ))
        } else if countries::COUNTRY_CODES
            .binary_search(&code.as_str())
            .is_err()
        {
            // Checked here, natively, so `cargo test` catches it: the build copies
            // the flag of every code, and has none for this one.
            Err(format!(
                "unknown country code {code:?}: not an ISO 3166-1 alpha-2 code with a flag \
                 (src/content/countries.rs lists them; e.g. \"MT\" for Malta)"
            ))
        } else {
            Ok(Self(code))
        }
    }
}

/// A YouTube video id (11 characters of `A-Za-z0-9_-`), checked when parsed so it
/// can be put into an embed URL as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YoutubeId(String);

// Why a visitor, not `try_from = "String"`: an error raised while the string is
// read points at the id itself; one raised after it pointed at the end of the
// enclosing object.
impl<'de> Deserialize<'de> for YoutubeId {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct Id;
        impl serde::de::Visitor<'_> for Id {
            type Value = YoutubeId;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a YouTube video id")
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<YoutubeId, E> {
                YoutubeId::try_from(id.to_owned()).map_err(E::custom)
            }
        }
        de.deserialize_str(Id)
    }
}

impl YoutubeId {
    /// An id the app's `build.rs` wrote into the browser's list of posts (the
    /// generated `live_posts.rs`), taken as it is: the full parser checks every
    /// bundled post's id in the tests and the pre-render step. Why not
    /// `try_from`: the browser build would then carry the check for nothing.
    #[doc(hidden)]
    pub fn from_build(id: String) -> Self {
        Self(id)
    }

    /// The id itself, as the post wrote it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The privacy-enhanced embed URL, asked to play at once: it is only loaded
    /// after the reader pressed play on the facade.
    pub fn embed_url(&self) -> String {
        format!(
            "https://www.youtube-nocookie.com/embed/{}?autoplay=1",
            self.0
        )
    }
}

impl TryFrom<String> for YoutubeId {
    type Error = String;
    fn try_from(id: String) -> Result<Self, String> {
        let ok = id.len() == 11
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if ok {
            Ok(Self(id))
        } else {
            let n = id.chars().count();
            Err(format!(
                "not a YouTube video id: {id:?} is {n} character{}; an id is the 11 characters \
                 (letters, digits, _ and -) after `v=` in the video's address",
                if n == 1 { "" } else { "s" }
            ))
        }
    }
}

/// A section heading level, `h2` or `h3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "u8")]
pub enum HeadingLevel {
    /// A section (`<h2>`).
    H2,
    /// A subsection (`<h3>`).
    H3,
}

impl TryFrom<u8> for HeadingLevel {
    type Error = String;
    fn try_from(level: u8) -> Result<Self, String> {
        match level {
            2 => Ok(Self::H2),
            3 => Ok(Self::H3),
            other => Err(format!("heading level must be 2 or 3, got {other}")),
        }
    }
}

/// Whether `slug` is a post's slug: lower-case ASCII letters and digits in words
/// joined by single hyphens, at most 80 bytes. It names the post's address and
/// its stored comments, so it must read the same everywhere (`cargo xtask
/// new-post` applies the same rule).
pub fn is_slug(slug: &str) -> bool {
    slug.len() <= 80
        && !slug.is_empty()
        && slug.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

pub(super) fn slug<'de, D: serde::Deserializer<'de>>(de: D) -> Result<String, D::Error> {
    let slug = String::deserialize(de)?;
    if is_slug(&slug) {
        Ok(slug)
    } else {
        Err(serde::de::Error::custom(format_args!(
            "not a slug: {slug:?} (lower-case letters and digits, words joined by single \
             hyphens, e.g. \"miracle-in-cell-no-7\")"
        )))
    }
}

/// A film's year: a number. Why by hand: serde's own message for a year written
/// in quotes is "invalid type: string, expected u16", which says nothing to an owner.
pub(super) fn year<'de, D: serde::Deserializer<'de>>(de: D) -> Result<u16, D::Error> {
    struct Year;
    impl serde::de::Visitor<'_> for Year {
        type Value = u16;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("the year as a number, e.g. 1988")
        }
        fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<u16, E> {
            u16::try_from(year).map_err(|_| E::custom(format_args!("{year} is not a year")))
        }
        fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<u16, E> {
            Err(E::custom(format_args!("{year} is not a year")))
        }
        fn visit_f64<E: serde::de::Error>(self, year: f64) -> Result<u16, E> {
            Err(E::custom(format_args!(
                "{year} is not a year: a whole number, e.g. 1988"
            )))
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<u16, E> {
            Err(if text.trim().parse::<u16>().is_ok() {
                E::custom(format_args!(
                    "a number is expected, without quotes: write {}, not {text:?}",
                    text.trim()
                ))
            } else {
                E::custom(format_args!(
                    "the year as a number is expected (e.g. 1988), not {text:?}"
                ))
            })
        }
    }
    de.deserialize_any(Year)
}
