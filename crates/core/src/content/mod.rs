//! Typed posts, compiled into the app from the JSON files in `src/content/posts/`.
//!
//! Adding a post is adding a file there: `build.rs` finds every `*.json` in the
//! folder (see [`BUNDLED`]); the app shows the post whose slug the URL asks for
//! (see [`select_slug`]).
//!
//! A post with `"draft": true` is a draft: shown by `cargo xtask serve` (which sets
//! `GOOSEBUMPS_DRAFTS=1` for `build.rs` and the pre-render step), left out of
//! `cargo xtask dist` — neither pre-rendered nor known to the browser — and so of
//! the feeds and the sitemap (see [`published_posts`]).

use serde::Deserialize;
use thiserror::Error;

pub mod countries;
pub mod site;

/// One post: a person's goosebump moment and the article around it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// URL-safe identifier; also namespaces the post's comments in storage.
    #[serde(deserialize_with = "slug")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(
            with = "String",
            regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"),
            length(max = 80)
        )
    )]
    pub slug: String,
    /// The post title, e.g. the film as the site names it.
    pub title: String,
    /// The line above the title ("Person from Malta (John)").
    pub kicker: String,
    /// One-sentence summary for search engines and link previews.
    pub description: String,
    /// When the moment was published on the site: `2026-12-02T01:47:31Z` in UTC,
    /// with an offset from UTC (`2026-12-02T02:47:31+01:00`), or only the day
    /// (`2026-12-02`). Orders the home page, the feeds and
    /// Previous/Next, and dates the sitemap.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(
            with = "String",
            regex(pattern = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$")
        )
    )]
    pub published: PublishedAt,
    /// Whose moment it is.
    pub person: Person,
    /// The film the moment is from.
    pub film: Film,
    /// The moment, in the person's words.
    pub testimonial: Testimonial,
    /// The article, in order.
    pub article: Vec<Section>,
    /// The facts box after the article.
    pub facts: Facts,
    /// A draft is served by `cargo xtask serve` and left out of `cargo xtask dist`
    /// (see [`Post::is_draft`]).
    #[serde(default)]
    draft: bool,
    /// The JSON Schema the file follows (`"../post.schema.json"`), for editors: read
    /// and ignored.
    #[serde(rename = "$schema", default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<String>"))]
    schema: Option<serde::de::IgnoredAny>,
}

impl Post {
    /// Whether the post is a draft (`"draft": true`; a post without the field is not).
    pub fn is_draft(&self) -> bool {
        self.draft
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The name shown on the card.
    pub name: String,
    /// The full name, under the quote ("John Amato").
    pub full_name: String,
    /// Where the person is from.
    pub country: Country,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code; picks the flag image `flags/<code>.svg`.
    pub code: CountryCode,
    /// The country's name in English, shown beside the flag and as its alt text.
    pub name: String,
}

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

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Film {
    /// The film's English title.
    pub title: String,
    /// The title in its own language.
    pub original_title: String,
    /// The year it was released.
    #[serde(deserialize_with = "year")]
    pub year: u16,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Testimonial {
    /// The moment's heading ("The movie … – John’s goosebump moment").
    pub headline: String,
    /// The person's words, exactly as given (the Text view and the captions).
    pub quote: String,
    /// The Video view; a testimonial without one shows only its text.
    #[serde(default)]
    pub video: Option<Video>,
}

/// A testimonial video: a file we host, or a provider embed shown behind a facade.
///
/// In JSON an object with `"kind": "file"` or `"kind": "youtube"` and that kind's
/// fields only. Read through the flat [`RawVideo`] rather than serde's internally
/// tagged enums, which buffer the whole object first (much more code in the app).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "RawVideo")]
pub enum Video {
    File {
        title: String,
        /// Shown under the player when the recording is a stand-in.
        sample_note: Option<String>,
        poster: Option<String>,
        sources: Vec<VideoSource>,
        captions: Captions,
    },
    Youtube {
        title: String,
        id: YoutubeId,
    },
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum VideoKind {
    File,
    Youtube,
}

/// Every field any kind of [`Video`] has; which ones a kind takes is checked in
/// `TryFrom<RawVideo>`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVideo {
    kind: VideoKind,
    title: String,
    #[serde(default)]
    sample_note: Option<String>,
    #[serde(default)]
    poster: Option<String>,
    #[serde(default)]
    sources: Option<Vec<VideoSource>>,
    #[serde(default)]
    captions: Option<Captions>,
    #[serde(default)]
    id: Option<YoutubeId>,
}

impl TryFrom<RawVideo> for Video {
    type Error = String;
    fn try_from(raw: RawVideo) -> Result<Self, String> {
        let RawVideo {
            kind,
            title,
            sample_note,
            poster,
            sources,
            captions,
            id,
        } = raw;
        match kind {
            VideoKind::File => {
                if id.is_some() {
                    return Err("unknown field `id` for a video of kind `file`".into());
                }
                Ok(Video::File {
                    title,
                    sample_note,
                    poster,
                    sources: sources.ok_or("missing field `sources`")?,
                    captions: captions.ok_or("missing field `captions`")?,
                })
            }
            VideoKind::Youtube => {
                let extra = [
                    ("sample_note", sample_note.is_some()),
                    ("poster", poster.is_some()),
                    ("sources", sources.is_some()),
                    ("captions", captions.is_some()),
                ];
                if let Some((field, _)) = extra.iter().find(|(_, given)| *given) {
                    return Err(format!(
                        "unknown field `{field}` for a video of kind `youtube`"
                    ));
                }
                Ok(Video::Youtube {
                    title,
                    id: id.ok_or("missing field `id`")?,
                })
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VideoSource {
    /// The file, under `public/` ("media/john.mp4").
    pub src: String,
    /// Its MIME type with codecs, e.g. `video/mp4; codecs="avc1.4D401E, mp4a.40.2"`.
    #[serde(rename = "type")]
    pub mime: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Captions {
    /// The WebVTT file, under `public/` ("media/john.en.vtt"); it says the quote.
    pub src: String,
    /// The captions' language ("en").
    pub srclang: String,
    /// The captions' name in the player's menu ("English").
    pub label: String,
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

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's heading.
    pub heading: String,
    /// 2 or 3: the page title is the only `h1`.
    pub level: HeadingLevel,
    /// The section's paragraphs, as plain text, in order.
    pub paragraphs: Vec<String>,
}

/// A section heading level, `h2` or `h3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "u8")]
pub enum HeadingLevel {
    H2,
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

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// The box's heading ("More about the movie …").
    pub heading: String,
    /// The facts, in order.
    pub items: Vec<Fact>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// What the fact is ("Original title").
    pub label: String,
    /// The fact ("Yedinci Koğuştaki Mucize").
    pub value: String,
}

/// A bundled post that does not parse, with where and why.
#[derive(Debug, Error, PartialEq)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ContentError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The JSON Schema of a post file, as committed in `src/content/post.schema.json`
/// (a test checks it is current): derived from these types, their doc comments
/// becoming its descriptions, so an editor completes and explains the fields.
#[cfg(not(target_arch = "wasm32"))]
pub fn post_schema() -> String {
    let settings =
        schemars::gen::SchemaSettings::draft07().with(|s| s.option_add_null_type = false);
    let schema = settings.into_generator().into_root_schema_for::<Post>();
    serde_json::to_string_pretty(&schema).expect("a schema is JSON") + "\n"
}

/// `JsonSchema` for the types read through `try_from`, whose JSON is not their
/// Rust shape (schemars derives only the Rust shape).
#[cfg(not(target_arch = "wasm32"))]
mod schema {
    use super::*;
    use schemars::gen::SchemaGenerator;
    use schemars::schema::{InstanceType, Schema, SchemaObject, SubschemaValidation};
    use schemars::JsonSchema;

    fn described(mut schema: SchemaObject, description: &str) -> Schema {
        schema.metadata().description = Some(description.to_owned());
        schema.into()
    }

    impl JsonSchema for CountryCode {
        fn schema_name() -> String {
            "CountryCode".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            let schema = SchemaObject {
                instance_type: Some(InstanceType::String.into()),
                enum_values: Some(
                    countries::COUNTRY_CODES
                        .iter()
                        .map(|c| (*c).into())
                        .collect(),
                ),
                ..Default::default()
            };
            described(schema, "ISO 3166-1 alpha-2 code, upper case (\"MT\" for Malta); picks the flag image `flags/<code>.svg`.")
        }
    }

    impl JsonSchema for YoutubeId {
        fn schema_name() -> String {
            "YoutubeId".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            let mut schema = SchemaObject {
                instance_type: Some(InstanceType::String.into()),
                ..Default::default()
            };
            schema.string().pattern = Some("^[A-Za-z0-9_-]{11}$".into());
            described(
                schema,
                "The video's id on YouTube: the 11 characters after `v=` in its address.",
            )
        }
    }

    impl JsonSchema for HeadingLevel {
        fn schema_name() -> String {
            "HeadingLevel".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            let schema = SchemaObject {
                instance_type: Some(InstanceType::Integer.into()),
                enum_values: Some(vec![2.into(), 3.into()]),
                ..Default::default()
            };
            described(schema, "2 or 3: the page title is the only `h1`.")
        }
    }

    /// A video file we host (`"kind": "file"`).
    #[derive(JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct FileVideo {
        /// `"file"`: a video file the site hosts, under `public/`.
        kind: FileKind,
        /// The video's title (its accessible name).
        title: String,
        /// Shown under the player when the recording is a stand-in.
        sample_note: Option<String>,
        /// The still shown before it plays, e.g. `media/john-poster.jpg`.
        poster: Option<String>,
        /// The files, the MP4 (H.264) first, then the WebM, each `type` with its codecs.
        sources: Vec<VideoSource>,
        captions: Captions,
    }

    /// A YouTube video behind a click-to-load facade (`"kind": "youtube"`).
    #[derive(JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct YoutubeVideo {
        /// `"youtube"`: a YouTube video, loaded only when the reader presses play.
        kind: YoutubeKind,
        /// The video's title (its accessible name).
        title: String,
        id: YoutubeId,
    }

    #[derive(JsonSchema)]
    #[serde(rename_all = "lowercase")]
    #[allow(dead_code)]
    enum FileKind {
        File,
    }

    #[derive(JsonSchema)]
    #[serde(rename_all = "lowercase")]
    #[allow(dead_code)]
    enum YoutubeKind {
        Youtube,
    }

    impl JsonSchema for Video {
        fn schema_name() -> String {
            "Video".into()
        }
        fn json_schema(gen: &mut SchemaGenerator) -> Schema {
            let schema = SchemaObject {
                subschemas: Some(Box::new(SubschemaValidation {
                    one_of: Some(vec![
                        gen.subschema_for::<FileVideo>(),
                        gen.subschema_for::<YoutubeVideo>(),
                    ]),
                    ..Default::default()
                })),
                ..Default::default()
            };
            described(
                schema,
                "The Video view: a file we host, or a YouTube video behind a facade.",
            )
        }
    }
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

fn slug<'de, D: serde::Deserializer<'de>>(de: D) -> Result<String, D::Error> {
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
fn year<'de, D: serde::Deserializer<'de>>(de: D) -> Result<u16, D::Error> {
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

fn parse<'a, T: Deserialize<'a>>(file: &str, json: &'a str) -> Result<T, ContentError> {
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

/// The environment variable that puts drafts into a build: `GOOSEBUMPS_DRAFTS=1`,
/// which `cargo xtask serve` sets and `cargo xtask dist` does not. `build.rs`
/// reads it for the browser's list, the pre-render step through [`drafts_from_env`].
pub(crate) const DRAFTS_ENV: &str = "GOOSEBUMPS_DRAFTS";

/// Whether this run should show drafts: `GOOSEBUMPS_DRAFTS` is `1`.
pub fn drafts_from_env() -> bool {
    std::env::var(DRAFTS_ENV).is_ok_and(|v| v == "1")
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

/// What the browser needs of a post: the page it starts over was rendered at build
/// time from the whole [`Post`], so the rest of the post is already on screen
/// (every bundled post is checked whole by the tests and by the pre-render step).
#[derive(Debug, Clone, PartialEq)]
pub struct LivePost {
    pub slug: String,
    pub title: String,
    pub testimonial: LiveTestimonial,
}

/// The part of a [`Testimonial`] the browser builds: its Video view.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveTestimonial {
    pub video: Option<Video>,
}

/// The slug the page should show: the last non-empty path segment if it names a
/// post, else the first post. Works under any sub-path (`/sub/` or `/sub/slug`).
pub fn select_slug<'a>(path: &str, slugs: &[&'a str]) -> Option<&'a str> {
    let wanted = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let wanted = wanted.trim_end_matches(".html");
    slugs
        .iter()
        .find(|slug| **slug == wanted)
        .or_else(|| slugs.first())
        .copied()
}

/// The whole text of a post a reader can read, for checks that nothing was lost.
pub fn readable_text(post: &Post) -> String {
    let mut text = vec![
        post.kicker.as_str(),
        post.title.as_str(),
        post.testimonial.headline.as_str(),
        post.testimonial.quote.as_str(),
    ];
    for section in &post.article {
        text.push(&section.heading);
        text.extend(section.paragraphs.iter().map(String::as_str));
    }
    text.push(&post.facts.heading);
    text.join("\n")
}
