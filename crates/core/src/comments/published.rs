//! Published replies: what the owner publishes with `cargo xtask replies add`, one
//! file per post, `src/content/replies/<slug>.json` (a missing file: no replies).
//!
//! ```json
//! {
//!   "post": "miracle-in-cell-no-7",
//!   "replies": [
//!     {
//!       "id": "wp-2",
//!       "parent": null,
//!       "author": "Maria Camilleri",
//!       "url": "https://maria.example.com",
//!       "content": "I cried at the same scene.",
//!       "created_ms": 1709406316000
//!     }
//!   ]
//! }
//! ```
//!
//! Replies are sorted by (`created_ms`, `id`) and the file is pretty-printed (two
//! spaces, a final newline), so that each moderation step is a small, readable git
//! diff. `url` is left out when there is none. There is no field for an email or IP
//! address: a file with one (or any unknown field) does not parse.
//!
//! Ids are the app's [`CommentId`]s as the reader's browser made them; a comment
//! imported from WordPress gets `wp-<comment_id>` (see [`wordpress_id`]), which no
//! browser makes (theirs start with the time in base 36) and no element id uses.

use super::validation::{validate, FieldError};
use super::{Comment, CommentId, Draft};
use crate::content::ContentError;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The earliest date a published reply may have: 1995-01-01T00:00:00Z, before
/// any comment on the web (WordPress's oldest imports are from its 2003 start).
/// Why a bound at all: a date is a number a stranger chose, and every date
/// function, feed and sitemap must be able to print it.
pub const EARLIEST_MS: i64 = 788_918_400_000;

/// The latest date any file may hold: 9999-12-31T23:59:59.999Z, the last
/// instant a four-digit year prints (the owner's tool also refuses anything
/// after now and a day of slack, see [`date_problem`]).
pub const LATEST_MS: i64 = 253_402_300_799_999;

/// What is wrong with a reply's date `created_ms`, given the time `now_ms` (with
/// a day of slack for clocks): `None` when it is within the site's era.
pub fn date_problem(created_ms: i64, now_ms: Option<i64>) -> Option<String> {
    const DAY_MS: i64 = 86_400_000;
    if created_ms < EARLIEST_MS {
        return Some(format!(
            "`created_ms`: {created_ms} is before 1995-01-01, older than any reply could be"
        ));
    }
    let latest = now_ms.map_or(LATEST_MS, |now| now.saturating_add(DAY_MS).min(LATEST_MS));
    if created_ms > latest {
        return Some(format!(
            "`created_ms`: {created_ms} is in the future (after {})",
            crate::time::iso_utc(latest)
        ));
    }
    None
}

/// One published reply: what a reader wrote, checked by the form's rules, without
/// their email address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedReply {
    /// Its id (a reader's id, or `wp-<n>` for one imported from WordPress).
    pub id: CommentId,
    /// The reply it answers (in the same post), or `null` for a top-level reply.
    pub parent: Option<CommentId>,
    /// The name it was published under.
    pub author: String,
    /// An `http`/`https` address, as the form normalises it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its text.
    pub content: String,
    /// Milliseconds since the Unix epoch (UTC), as in [`Comment::created_ms`].
    pub created_ms: i64,
}

/// Every published reply of one post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedFile {
    /// The post's slug.
    pub post: String,
    /// The published replies, oldest first.
    pub replies: Vec<PublishedReply>,
}

/// The file name of a post's published replies: `<slug>.json`.
pub fn file_name(slug: &str) -> String {
    format!("{slug}.json")
}

/// The id of WordPress comment `comment_id`: `wp-<comment_id>`.
pub fn wordpress_id(comment_id: u64) -> CommentId {
    CommentId::parse(&format!("wp-{comment_id}")).expect("wp- and digits make an id")
}

impl PublishedReply {
    /// The reply as the page publishes it, from a comment the form (or an export)
    /// made: checked by the form's rules ([`validate`]), trimmed, the website
    /// normalised, the email dropped. With `require_email` false an email the
    /// form would refuse is let through (WordPress decided that already, and it
    /// is never published). On failure, the first field's error.
    pub fn from_comment(comment: &Comment, require_email: bool) -> Result<Self, FieldError> {
        let draft = Draft {
            comment: comment.content.clone(),
            author: comment.author.clone(),
            email: if require_email {
                comment.email.clone()
            } else {
                // Any address the rules accept: only the other fields are checked.
                "nobody@example.invalid".to_owned()
            },
            url: comment.url.clone().unwrap_or_default(),
            remember: false,
        };
        let valid = validate(&draft).map_err(|errors| errors[0].1)?;
        Ok(Self {
            id: comment.id.clone(),
            parent: comment.parent_id.clone(),
            author: valid.author,
            url: valid.url,
            content: valid.content,
            created_ms: comment.created_ms,
        })
    }

    /// The reply as a [`Comment`] of `post` (no email), for the thread code.
    pub fn to_comment(&self, post: &str) -> Comment {
        self.clone().into_comment(post)
    }

    /// [`Self::to_comment`] without copying the texts (the page's start-up turns
    /// every published reply into a comment once).
    pub fn into_comment(self, post: &str) -> Comment {
        Comment {
            id: self.id,
            post: post.to_owned(),
            parent_id: self.parent,
            author: self.author,
            email: String::new(),
            url: self.url,
            content: self.content,
            created_ms: self.created_ms,
            edited_ms: None,
            history: Vec::new(),
            deleted: false,
        }
    }
}

impl PublishedFile {
    /// A post with no published replies.
    pub fn new(post: &str) -> Self {
        Self {
            post: post.to_owned(),
            replies: Vec::new(),
        }
    }

    /// Sorts by (`created_ms`, `id`): the stable order of the file.
    pub fn sort(&mut self) {
        // The app's one sort (see `order`), not a copy of std's sort for this type.
        super::order::sort_by_number_and_text(&mut self.replies, |r| (r.created_ms, r.id.as_str()));
    }

    /// The reply with id `id`, if published.
    pub fn get(&self, id: &CommentId) -> Option<&PublishedReply> {
        self.replies.iter().find(|r| &r.id == id)
    }

    /// True when reply `id` is published.
    pub fn contains(&self, id: &CommentId) -> bool {
        self.get(id).is_some()
    }

    /// The replies to `id`, then theirs, and so on (in file order within each level).
    pub fn descendants(&self, id: &CommentId) -> Vec<CommentId> {
        let mut found: Vec<CommentId> = Vec::new();
        let mut frontier = vec![id.clone()];
        while let Some(parent) = frontier.pop() {
            for r in &self.replies {
                if r.parent.as_ref() == Some(&parent) && !found.contains(&r.id) {
                    found.push(r.id.clone());
                    frontier.push(r.id.clone());
                }
            }
        }
        found
    }

    /// The file's text: sorted, pretty-printed with two spaces, a final newline.
    pub fn to_json(&self) -> String {
        let mut sorted = self.clone();
        sorted.sort();
        let mut text = serde_json::to_string_pretty(&sorted).expect("replies serialize");
        text.push('\n');
        text
    }
}

/// Parses a published replies file. Besides the JSON itself (file, line, column and
/// field, as for posts), it checks that ids are unique, that every parent is
/// published in the same file, that no reply answers itself, and that every date
/// is within the site's era ([`date_problem`]). The build and the owner's tool
/// read with it: a bad file stops them with its sentence.
pub fn parse_published(file: &str, json: impl AsRef<[u8]>) -> Result<PublishedFile, ContentError> {
    let error = |line, column, message: String| ContentError {
        file: file.to_owned(),
        line,
        column,
        message,
    };
    let text = utf8(file, json.as_ref())?;
    let parsed: PublishedFile =
        serde_json::from_str(text).map_err(|e| error(e.line(), e.column(), e.to_string()))?;
    let mut ids = HashSet::new();
    for r in &parsed.replies {
        if !ids.insert(&r.id) {
            return Err(error(0, 0, format!("reply `{}` appears twice", r.id)));
        }
    }
    for r in &parsed.replies {
        match &r.parent {
            Some(p) if p == &r.id => {
                return Err(error(0, 0, format!("reply `{}` answers itself", r.id)))
            }
            Some(p) if !ids.contains(p) => {
                return Err(error(
                    0,
                    0,
                    format!("the parent `{p}` of reply `{}` is not published", r.id),
                ))
            }
            _ => {}
        }
    }
    for r in &parsed.replies {
        if let Some(why) = date_problem(r.created_ms, None) {
            return Err(error(0, 0, format!("reply `{}`: {why}", r.id)));
        }
    }
    Ok(parsed)
}

/// The file as the page reads it: one bad entry (a field of the wrong type, a
/// date out of the site's era, an id seen before) is left out and counted, not
/// the whole file. Why: the page already shows the build-time replies, and one
/// stranger's reply must not hide everyone's. A reply whose parent was left out
/// shows as a top-level reply (as the thread code places any orphan).
///
/// The text is taken as bytes: the page reads the build's file as bytes, so it
/// is not decoded into a JavaScript string and copied back into the wasm first.
pub fn read_published(file: &str, json: impl AsRef<[u8]>) -> Result<ReadReplies, ContentError> {
    #[derive(Deserialize)]
    struct Entries<'a> {
        #[serde(borrow)]
        replies: Vec<&'a serde_json::value::RawValue>,
    }
    let text = utf8(file, json.as_ref())?;
    let entries: Entries = serde_json::from_str(text).map_err(|e| ContentError {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let mut read = ReadReplies {
        replies: Vec::with_capacity(entries.replies.len()),
        skipped: 0,
    };
    let mut ids = HashSet::new();
    for entry in entries.replies {
        match serde_json::from_str::<PublishedReply>(entry.get()) {
            Ok(r) if date_problem(r.created_ms, None).is_none() && ids.insert(r.id.clone()) => {
                read.replies.push(r)
            }
            _ => read.skipped += 1,
        }
    }
    Ok(read)
}

/// What [`read_published`] kept, and how many entries it left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadReplies {
    /// The replies read.
    pub replies: Vec<PublishedReply>,
    /// How many replies could not be read and were left out.
    pub skipped: usize,
}

/// The bytes as text, or a sentence with the offset where they stop being UTF-8.
fn utf8<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ContentError> {
    // Why from_str after a UTF-8 check, not from_slice: the wasm already has
    // serde_json's reader of text (every stored record is text), and a second
    // reader, of bytes, would compile the whole deserializer again.
    std::str::from_utf8(bytes).map_err(|e| ContentError {
        file: file.to_owned(),
        line: 0,
        column: 0,
        message: format!("not UTF-8 text (at byte {})", e.valid_up_to()),
    })
}
