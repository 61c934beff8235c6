//! The records a reader creates: comments, the draft being typed, the remembered identity.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A comment's stable id: 1 to 64 characters of `a-z`, `0-9` and `-`, so it is
/// safe in a storage key and in an `#comment-<id>` anchor as it is, and none of
/// [`RESERVED_IDS`], which the page already uses.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CommentId(String);

/// Ids a comment cannot have: `new` is the key of the new comment's draft, and
/// `comment-order`, `comment-counter` and `comment-error` are elements of the page
/// (a comment's anchor is `comment-<id>`). Generated ids never are: they are 15
/// characters long.
pub const RESERVED_IDS: [&str; 4] = ["new", "order", "counter", "error"];

/// The reason [`CommentId::try_from`] gives for a reserved id (import reports it as such).
pub const RESERVED_ID_REASON: &str = "a reserved id";

impl CommentId {
    /// Parses an id, refusing anything that could not have been made by
    /// [`CommentId::generate`]'s alphabet, and the [`RESERVED_IDS`].
    pub fn parse(id: &str) -> Option<Self> {
        let ok = !RESERVED_IDS.contains(&id)
            && !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| Self(id.to_owned()))
    }

    /// A new id from the time and a random number: ids sort by creation time,
    /// and two tabs posting in the same millisecond still differ.
    pub fn generate(now_ms: i64, random: f64) -> Self {
        let time = base36(now_ms.max(0) as u64, 9);
        let noise = base36(
            (random.clamp(0.0, 1.0) * 36f64.powi(6)) as u64 % 36u64.pow(6),
            6,
        );
        Self(format!("{time}{noise}"))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The fragment that links to this comment, without the `#`.
    pub fn anchor(&self) -> String {
        format!("comment-{}", self.0)
    }
}

fn base36(mut n: u64, width: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.resize(out.len().max(width), b'0');
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}

impl TryFrom<String> for CommentId {
    type Error = String;
    fn try_from(id: String) -> Result<Self, String> {
        Self::parse(&id).ok_or_else(|| {
            if RESERVED_IDS.contains(&id.as_str()) {
                format!("{RESERVED_ID_REASON}: {id:?}")
            } else {
                format!("not a comment id: {id:?}")
            }
        })
    }
}

impl From<CommentId> for String {
    fn from(id: CommentId) -> String {
        id.0
    }
}

impl fmt::Display for CommentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A stored comment. The email is kept (the reader typed it) but never shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// Its id, unique in the post.
    pub id: CommentId,
    /// The slug of the post it answers.
    pub post: String,
    /// The comment this one replies to; `None` for a top-level comment.
    pub parent_id: Option<CommentId>,
    /// The name it was posted under.
    pub author: String,
    /// The email address it was posted with (never shown).
    pub email: String,
    /// An `http`/`https` URL, already checked by validation.
    pub url: Option<String>,
    /// Its text, as typed (trimmed).
    pub content: String,
    /// Milliseconds since the Unix epoch (UTC).
    pub created_ms: i64,
    /// When the text was last edited, if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_ms: Option<i64>,
    /// Earlier texts, oldest first, so an export keeps everything needed to restore.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Revision>,
    /// A deleted comment that still has replies: kept as a placeholder, emptied.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// A text a comment had before an edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// The text as it was.
    pub content: String,
    /// When this text was replaced.
    pub replaced_ms: i64,
}

/// A comment that passed every rule, trimmed and ready to store (what
/// [`validate`](super::validation::validate) gives). Why here, not beside
/// `validate`: a [`Comment`] is made from it, and the model uses nothing above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidComment {
    /// The comment's text, trimmed.
    pub content: String,
    /// The name, trimmed.
    pub author: String,
    /// The email address, trimmed.
    pub email: String,
    /// The website, with a scheme; `None` when none was given.
    pub url: Option<String>,
}

impl Comment {
    /// A new comment from validated input.
    pub fn new(
        id: CommentId,
        post: &str,
        parent_id: Option<CommentId>,
        valid: ValidComment,
        created_ms: i64,
    ) -> Self {
        Self {
            id,
            post: post.to_owned(),
            parent_id,
            author: valid.author,
            email: valid.email,
            url: valid.url,
            content: valid.content,
            created_ms,
            edited_ms: None,
            history: Vec::new(),
            deleted: false,
        }
    }

    /// The comment with a new text, the old one kept in its history.
    pub fn edited(&self, content: String, now_ms: i64) -> Self {
        let mut next = self.clone();
        next.history.push(Revision {
            content: std::mem::replace(&mut next.content, content),
            replaced_ms: now_ms,
        });
        next.edited_ms = Some(now_ms);
        next
    }

    /// The placeholder left where a comment with replies was deleted: same id,
    /// time and place in the thread, nothing of what was written.
    pub fn placeholder(&self) -> Self {
        Self {
            author: String::new(),
            email: String::new(),
            url: None,
            content: String::new(),
            edited_ms: None,
            history: Vec::new(),
            deleted: true,
            ..self.clone()
        }
    }
}

/// Everything typed into the reply form, saved as the reader types.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// The comment being typed.
    pub comment: String,
    /// The name field.
    pub author: String,
    /// The email field.
    pub email: String,
    /// The website field.
    pub url: String,
    /// The "Save my name, email, and website…" checkbox.
    pub remember: bool,
}

impl Draft {
    /// True when nothing worth keeping has been typed.
    pub fn is_empty(&self) -> bool {
        self.comment.is_empty()
            && self.author.is_empty()
            && self.email.is_empty()
            && self.url.is_empty()
    }

    /// A fresh form, prefilled with a remembered identity if there is one.
    pub fn from_identity(identity: Option<&Identity>) -> Self {
        match identity {
            Some(who) => Self {
                author: who.author.clone(),
                email: who.email.clone(),
                url: who.url.clone(),
                remember: true,
                ..Self::default()
            },
            None => Self::default(),
        }
    }
}

/// The name, email and website remembered for the next comment, as WordPress's
/// comment cookies do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Identity {
    /// The remembered name.
    pub author: String,
    /// The remembered email address.
    pub email: String,
    /// The remembered website.
    pub url: String,
}
