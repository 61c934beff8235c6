//! `cargo xtask new-post SLUG`: writes `src/content/posts/SLUG.json`, a draft with
//! every field present, each text a `TODO:` placeholder saying what to write. It
//! fails validation (file, line, column and field) until each is filled in, and is
//! `"draft": true`, so a half-written post is served by `cargo xtask serve` only.

// Why the core crate's: the slug rule and the civil-date arithmetic have one home
// (the site reads the post with the same rules), and the core compiles no Leptos.
use goosebumps_core::content::is_slug;
use goosebumps_core::project::POSTS_DIR;
use goosebumps_core::time::iso_utc;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Now, as the post's `published` field writes it (`2026-12-02T16:30:00Z`): the
/// day the owner starts the post, to be changed when it goes out.
fn now_utc() -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    iso_utc(ms)
}

/// The new post's JSON, for `slug` (already checked).
pub(crate) fn template(slug: &str) -> String {
    TEMPLATE
        .replace("{slug}", slug)
        .replace("{published}", &now_utc())
}

const TEMPLATE: &str = r#"{
  "$schema": "../post.schema.json",
  "draft": true,
  "slug": "{slug}",
  "title": "TODO: the post's title, e.g. the film's name as the site writes it",
  "kicker": "TODO: the line above the title, e.g. Person from Malta (John)",
  "description": "TODO: one sentence for search engines and link previews",
  "published": "{published}",
  "person": {
    "name": "TODO: the person's first name, as shown on the card",
    "full_name": "TODO: the person's full name, shown under the quote",
    "country": {
      "code": "TODO: the country's ISO 3166-1 alpha-2 code in capitals, e.g. MT (it picks the flag)",
      "name": "TODO: the country's name in English, e.g. Malta"
    }
  },
  "film": {
    "title": "TODO: the film's English title",
    "original_title": "TODO: the film's title in its own language",
    "year": "TODO: the year it came out, as a number without quotes, e.g. 2019"
  },
  "testimonial": {
    "headline": "TODO: the moment's heading, e.g. The movie … – John's goosebump moment",
    "quote": "TODO: the person's words, exactly as given",
    "video": {
      "kind": "file",
      "title": "TODO: the video's title; for a YouTube video write {\"kind\": \"youtube\", \"title\": …, \"id\": \"<11-character id>\"} instead of this object, or remove \"video\" for none",
      "sample_note": "TODO: a note under the player if the recording is a stand-in, or remove this line",
      "poster": "TODO: the still shown before it plays, under public/, e.g. media/name-poster.jpg",
      "sources": [
        {
          "src": "TODO: the MP4 file under public/, e.g. media/name.mp4",
          "type": "video/mp4; codecs=\"avc1.4D401E, mp4a.40.2\""
        },
        {
          "src": "TODO: the WebM file under public/, e.g. media/name.webm",
          "type": "video/webm; codecs=\"vp9, opus\""
        }
      ],
      "captions": {
        "src": "TODO: the WebVTT captions under public/, saying the quote, e.g. media/name.en.vtt",
        "srclang": "en",
        "label": "English"
      }
    }
  },
  "article": [
    {
      "heading": "TODO: the first section's heading",
      "level": 2,
      "paragraphs": [
        "TODO: a paragraph of plain text; add more strings for more paragraphs, more sections for more headings (level 3 for a subsection)"
      ]
    }
  ],
  "facts": {
    "heading": "TODO: the facts box's heading, e.g. More about the movie …",
    "items": [
      {
        "label": "TODO: what the fact is, e.g. Original title",
        "value": "TODO: the fact"
      }
    ]
  }
}
"#;

/// Writes the new post under `root`, or says why not and writes nothing.
pub(crate) fn new_post(root: &Path, slug: &str) -> Result<PathBuf, String> {
    if !is_slug(slug) {
        return Err(format!(
            "{slug:?} is not a slug: use lower-case letters and digits, words joined by single \
             hyphens (at most 80), e.g. life-is-beautiful; nothing was written."
        ));
    }
    let path = root.join(POSTS_DIR).join(format!("{slug}.json"));
    // create_new: never overwrite a post, even one written meanwhile.
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} already exists: choose another slug, or edit that file; nothing was written.",
                path.display()
            ),
            _ => format!("{}: {e}", path.display()),
        })?;
    file.write_all(template(slug).as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use goosebumps_core::content::parse_post;

    /// The template with every placeholder replaced, as an owner fills it in.
    fn filled(json: &str) -> String {
        let json = json
            .replace(
                r#""TODO: the year it came out, as a number without quotes, e.g. 2019""#,
                "2019",
            )
            .replace(
                r#""TODO: the country's ISO 3166-1 alpha-2 code in capitals, e.g. MT (it picks the flag)""#,
                r#""MT""#,
            );
        let mut out = String::new();
        let mut rest = json.as_str();
        while let Some(at) = rest.find("\"TODO:") {
            out.push_str(&rest[..at]);
            // The placeholder's closing quote: the first `"` not escaped.
            let body = &rest[at + 1..];
            let mut end = 0;
            let bytes = body.as_bytes();
            while bytes[end] != b'"' || bytes[end - 1] == b'\\' {
                end += 1;
            }
            out.push_str("\"Filled in\"");
            rest = &body[end + 1..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn the_new_post_fails_naming_a_field_until_filled_in_then_passes() {
        let json = template("life-is-beautiful");
        let err = parse_post("life-is-beautiful.json", &json).unwrap_err();
        assert_eq!(err.file, "life-is-beautiful.json");
        assert_eq!((err.line, err.column), (5, 79), "{err}");
        assert!(
            err.message.starts_with("`title`: still the placeholder"),
            "{err}"
        );

        let post = parse_post("life-is-beautiful.json", &filled(&json)).unwrap();
        assert_eq!(post.slug, "life-is-beautiful");
        assert!(post.is_draft(), "a new post starts as a draft");
        assert_eq!(post.film.year, 2019);

        // One placeholder left is enough to fail, naming its field.
        let one_left = filled(&json).replacen(
            r#""full_name": "Filled in""#,
            r#""full_name": "TODO: the person's full name""#,
            1,
        );
        let err = parse_post("p.json", &one_left).unwrap_err();
        assert!(
            err.message
                .starts_with("`person.full_name`: still the placeholder"),
            "{err}"
        );
    }

    #[test]
    fn a_bad_slug_or_an_existing_file_writes_nothing() {
        let root = std::env::temp_dir().join(format!("xtask-new-post-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join(POSTS_DIR)).unwrap();

        let err = new_post(&root, "../escape").unwrap_err();
        assert!(err.starts_with("\"../escape\" is not a slug"), "{err}");
        assert!(err.ends_with("nothing was written."), "{err}");
        assert_eq!(fs::read_dir(root.join(POSTS_DIR)).unwrap().count(), 0);

        let path = new_post(&root, "a-film").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), template("a-film"));
        fs::write(&path, "mine").unwrap();
        let err = new_post(&root, "a-film").unwrap_err();
        assert!(err.contains("a-film.json already exists"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "mine", "left as it was");
    }
}
