//! The post format's JSON Schema (`src/content/post.schema.json`), derived from
//! the types natively only: the browser build never compiles it.
//!
//! `JsonSchema` for the types read through `try_from`, whose JSON is not their
//! Rust shape (schemars derives only the Rust shape).

use super::countries;
use super::model::{Captions, Post, Video, VideoSource};
use super::values::{CountryCode, HeadingLevel, YoutubeId};

/// The JSON Schema of a post file, as committed in `src/content/post.schema.json`
/// (a test checks it is current): derived from these types, their doc comments
/// becoming its descriptions, so an editor completes and explains the fields.
pub fn post_schema() -> String {
    let settings =
        schemars::gen::SchemaSettings::draft07().with(|s| s.option_add_null_type = false);
    let schema = settings.into_generator().into_root_schema_for::<Post>();
    serde_json::to_string_pretty(&schema).expect("a schema is JSON") + "\n"
}

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
