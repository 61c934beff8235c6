//! A post as the site reads it: the person, the film, the testimonial and its
//! video, the article and the facts box.

use super::values::{slug, year, CountryCode, HeadingLevel, PublishedAt, YoutubeId};
use serde::Deserialize;

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
/// Whose moment it is.
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
/// A country, by its code and its name.
pub struct Country {
    /// ISO 3166-1 alpha-2 code; picks the flag image `flags/<code>.svg`.
    pub code: CountryCode,
    /// The country's name in English, shown beside the flag and as its alt text.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
/// A film.
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
/// The moment, in the person's words, and its video.
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
    /// A video file of the site's own, in two formats, with captions.
    File {
        /// What the video is.
        title: String,
        /// Shown under the player when the recording is a stand-in.
        sample_note: Option<String>,
        /// The still shown before it plays, under `public/`.
        poster: Option<String>,
        /// The files, in the order the browser should try them.
        sources: Vec<VideoSource>,
        /// The captions, which say the quote.
        captions: Captions,
    },
    /// A YouTube video, behind a facade until played.
    Youtube {
        /// What the video is.
        title: String,
        /// The video's id.
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
/// One file of a video.
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
/// A video's captions.
pub struct Captions {
    /// The WebVTT file, under `public/` ("media/john.en.vtt"); it says the quote.
    pub src: String,
    /// The captions' language ("en").
    pub srclang: String,
    /// The captions' name in the player's menu ("English").
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
/// A section of the article: a heading and its paragraphs.
pub struct Section {
    /// The section's heading.
    pub heading: String,
    /// 2 or 3: the page title is the only `h1`.
    pub level: HeadingLevel,
    /// The section's paragraphs, as plain text, in order.
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
/// The facts box: a heading and its facts.
pub struct Facts {
    /// The box's heading ("More about the movie …").
    pub heading: String,
    /// The facts, in order.
    pub items: Vec<Fact>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
/// One fact: a label and its value.
pub struct Fact {
    /// What the fact is ("Original title").
    pub label: String,
    /// The fact ("Yedinci Koğuştaki Mucize").
    pub value: String,
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
