//! Reading a post's file: the error that names the file, line, column and field,
//! the placeholders `cargo xtask new-post` leaves, and which posts are drafts.

use super::model::Post;
use serde::Deserialize;
use thiserror::Error;

/// A bundled post that does not parse, with where and why.
#[derive(Debug, Error, PartialEq)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ContentError {
    /// The file at fault.
    pub file: String,
    /// The line (from 1; 0 when none).
    pub line: usize,
    /// The column (from 1; 0 when none).
    pub column: usize,
    /// What is wrong, naming the field.
    pub message: String,
}

/// Parses one post; the error names the file, line, column and field (its path,
/// as `` `person.country.code`: … ``). A text still starting with `TODO:` (a
/// placeholder, as `cargo xtask new-post` writes them) is refused first.
pub fn parse_post(file: &str, json: &str) -> Result<Post, ContentError> {
    parse_with_path::<NoPlaceholder>(file, json)?;
    parse_with_path(file, json)
}

/// How `cargo xtask new-post` starts every text the owner must write; a post with
/// one left does not parse.
pub(crate) const PLACEHOLDER: &str = "TODO:";

/// Like [`parse`], with the path of the field at fault in the message.
fn parse_with_path<T: serde::de::DeserializeOwned>(
    file: &str,
    json: &str,
) -> Result<T, ContentError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let result = match serde_path_to_error::deserialize(&mut de) {
        Ok(value) => de.end().map(|()| value).map_err(|e| (".".to_owned(), e)),
        Err(e) => Err((e.path().to_string(), e.into_inner())),
    };
    result.map_err(|(path, inner)| ContentError {
        file: file.to_owned(),
        line: inner.line(),
        column: inner.column(),
        // The root's path is ".": a missing top-level field names itself.
        message: if path == "." {
            inner.to_string()
        } else {
            format!("`{path}`: {inner}")
        },
    })
}

/// Any JSON value, refused when a text in it starts with [`PLACEHOLDER`]; read
/// through `serde_path_to_error`, the error names the field.
struct NoPlaceholder;

impl<'de> Deserialize<'de> for NoPlaceholder {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        de.deserialize_any(NoPlaceholder)
    }
}

impl<'de> serde::de::Visitor<'de> for NoPlaceholder {
    type Value = NoPlaceholder;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self, E> {
        if text.starts_with(PLACEHOLDER) {
            Err(E::custom(format_args!(
                "still the placeholder {text:?}: fill it in"
            )))
        } else {
            Ok(self)
        }
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<NoPlaceholder>()?.is_some() {}
        Ok(self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        while map.next_entry::<String, NoPlaceholder>()?.is_some() {}
        Ok(self)
    }
}

pub(crate) fn parse<'a, T: Deserialize<'a>>(file: &str, json: &'a str) -> Result<T, ContentError> {
    serde_json::from_str(json).map_err(|e| ContentError {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Parses the posts of `bundled` (`(file name, JSON)`, as [`BUNDLED`]), in order;
/// drafts only when `drafts`. A draft left out is not parsed, so a half-written
/// one never stops a build that does not show it.
pub fn posts(bundled: &[(&str, &str)], drafts: bool) -> Result<Vec<Post>, ContentError> {
    bundled
        .iter()
        .filter(|(_, json)| drafts || !is_draft(json))
        .map(|(file, json)| parse_post(file, json))
        .collect()
}

/// Whether this run should show drafts: `GOOSEBUMPS_DRAFTS` is `1`.
pub fn drafts_from_env() -> bool {
    std::env::var(crate::project::DRAFTS_ENV).is_ok_and(|v| v == "1")
}

/// Whether a post's JSON says `"draft": true`, read leniently (only that field):
/// a file that does not parse is not a draft, so the full parser reports it.
pub fn is_draft(json: &str) -> bool {
    #[derive(Deserialize)]
    struct DraftField {
        #[serde(default)]
        draft: bool,
    }
    serde_json::from_str::<DraftField>(json).is_ok_and(|post| post.draft)
}
