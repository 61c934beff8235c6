//! Typed records over a [`Store`]: how comments, drafts, the identity and the chosen
//! view are encoded, and how unreadable values are skipped without being touched.

use super::{keys, Store, StoreError};
use crate::comments::{order, Comment, CommentId, Draft, Identity};
use serde::{Deserialize, Serialize};

/// The format version written into every comment record.
pub const COMMENT_SCHEMA: u32 = 1;

#[derive(Serialize)]
struct CommentOut<'a> {
    v: u32,
    comment: &'a Comment,
}

#[derive(Deserialize)]
struct Version {
    v: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommentIn {
    #[allow(dead_code)]
    v: u32,
    comment: Comment,
}

/// Why one stored value could not be read. It is left in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The key does not hold a valid comment id.
    BadKey(String),
    /// Not JSON, or not a comment of a version we know.
    BadValue { key: String, reason: String },
}

/// Encodes a comment as stored under its key.
pub fn encode_comment(comment: &Comment) -> String {
    serde_json::to_string(&CommentOut {
        v: COMMENT_SCHEMA,
        comment,
    })
    .expect("a comment always serializes")
}

/// Decodes a stored comment, checking it belongs under `key`'s post and id.
pub fn decode_comment(post: &str, id: &CommentId, value: &str) -> Result<Comment, String> {
    let version: Version = serde_json::from_str(value).map_err(|e| e.to_string())?;
    if version.v != COMMENT_SCHEMA {
        return Err(format!("unknown format version {}", version.v));
    }
    let record: CommentIn = serde_json::from_str(value).map_err(|e| e.to_string())?;
    let comment = record.comment;
    if comment.post != post || &comment.id != id {
        return Err("the record does not match its key".into());
    }
    Ok(comment)
}

/// The comments of a post, oldest first, and what could not be read.
#[derive(Debug, Default, PartialEq)]
pub struct Loaded {
    pub comments: Vec<Comment>,
    pub unreadable: Vec<Unreadable>,
}

/// Reads every comment of `post`. Unreadable values are reported, never removed.
pub fn load_comments(store: &dyn Store, post: &str) -> Result<Loaded, StoreError> {
    let mut loaded = Loaded::default();
    for key in store.keys_with_prefix(&keys::comments_prefix(post))? {
        let Some(id) = keys::comment_id_of(post, &key) else {
            loaded.unreadable.push(Unreadable::BadKey(key));
            continue;
        };
        let Some(value) = store.get(&key)? else {
            continue;
        };
        match decode_comment(post, &id, &value) {
            Ok(comment) => loaded.comments.push(comment),
            Err(reason) => loaded.unreadable.push(Unreadable::BadValue { key, reason }),
        }
    }
    order::sort_oldest_first(&mut loaded.comments);
    Ok(loaded)
}

/// Stores one comment under its own key: no other comment is read or rewritten.
pub fn save_comment(store: &dyn Store, comment: &Comment) -> Result<(), StoreError> {
    store.set(
        &keys::comment(&comment.post, &comment.id),
        &encode_comment(comment),
    )
}

/// A value decoded leniently: `None` when missing or unreadable (left in place).
fn load_json<T: for<'de> Deserialize<'de>>(store: &dyn Store, key: &str) -> Option<T> {
    let value = store.get(key).ok()??;
    serde_json::from_str(&value).ok()
}

fn save_json<T: Serialize>(store: &dyn Store, key: &str, value: &T) -> Result<(), StoreError> {
    store.set(
        key,
        &serde_json::to_string(value).expect("plain data serializes"),
    )
}

pub fn load_draft(store: &dyn Store, post: &str, parent: Option<&CommentId>) -> Option<Draft> {
    load_json(store, &keys::draft(post, parent))
}

/// Saves the draft; an empty draft removes the key instead.
pub fn save_draft(
    store: &dyn Store,
    post: &str,
    parent: Option<&CommentId>,
    draft: &Draft,
) -> Result<(), StoreError> {
    let key = keys::draft(post, parent);
    if draft.is_empty() {
        store.remove(&key)
    } else {
        save_json(store, &key, draft)
    }
}

pub fn clear_draft(
    store: &dyn Store,
    post: &str,
    parent: Option<&CommentId>,
) -> Result<(), StoreError> {
    store.remove(&keys::draft(post, parent))
}

pub fn load_identity(store: &dyn Store) -> Option<Identity> {
    load_json(store, &keys::identity())
}

pub fn save_identity(store: &dyn Store, identity: &Identity) -> Result<(), StoreError> {
    save_json(store, &keys::identity(), identity)
}

pub fn forget_identity(store: &dyn Store) -> Result<(), StoreError> {
    store.remove(&keys::identity())
}

/// The testimonial view a reader can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Text,
    Video,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            View::Text => "text",
            View::Video => "video",
        }
    }
}

pub fn load_view(store: &dyn Store, post: &str) -> View {
    match store.get(&keys::view(post)).ok().flatten().as_deref() {
        Some("video") => View::Video,
        _ => View::Text,
    }
}

pub fn save_view(store: &dyn Store, post: &str, view: View) -> Result<(), StoreError> {
    store.set(&keys::view(post), view.as_str())
}
