//! Typed records over a [`Store`]: how comments, drafts, the identity and the chosen
//! view are encoded, and how unreadable values are skipped without being touched.

use super::{keys, Store, StoreError};
use crate::comments::export::ExportedDraft;
use crate::comments::thread::{Entry, Index, Order};
use crate::comments::{order, Comment, CommentId, Draft, Identity};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The format version written into every comment record.
///
/// - v1 (the first release): id, post, parent_id, author, email, url, content, created_ms.
/// - v2: adds `edited_ms`, `history` and `deleted` (edit and delete).
///
/// Migration: a v1 record is read as a v2 comment with no edits, not deleted
/// (v2's fields are optional; a v1 record that has them is refused). It is not
/// rewritten on read (a page that does not change a comment never writes it); it
/// becomes v2 the next time it is saved.
/// A version newer than this is left untouched and reported as unreadable.
pub const COMMENT_SCHEMA: u32 = 2;

#[derive(Serialize)]
struct CommentOut<'a> {
    v: u32,
    comment: &'a Comment,
}

/// A stored comment record of any version, read in one pass: v2's fields are
/// optional in the comment, so a v1 comment reads as one without edits. Which
/// version may have which fields is checked in [`decode_comment`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    v: u32,
    comment: Comment,
}

/// Why one stored value could not be read. It is left in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The key does not hold a valid comment id.
    BadKey(String),
    /// Not JSON, or not a comment of a version we know.
    BadValue {
        /// The key it is stored under.
        key: String,
        /// Why it could not be read.
        reason: String,
    },
}

/// Encodes a comment as stored under its key.
pub fn encode_comment(comment: &Comment) -> String {
    serde_json::to_string(&CommentOut {
        v: COMMENT_SCHEMA,
        comment,
    })
    .expect("a comment always serializes")
}

/// Decodes a stored comment of any known version, checking it belongs under
/// `key`'s post and id.
pub fn decode_comment(post: &str, id: &CommentId, value: &str) -> Result<Comment, String> {
    // A newer version that does not read as this one is refused with the parser's
    // reason; one that does, by its number below.
    let record: Record = serde_json::from_str(value).map_err(|e| e.to_string())?;
    let comment = record.comment;
    match record.v {
        // v1 had no edits and no deletes: a v1 record with them is not v1.
        1 if comment.edited_ms.is_some() || !comment.history.is_empty() || comment.deleted => {
            return Err("a v1 record with v2's fields".into())
        }
        1 | COMMENT_SCHEMA => {}
        v => return Err(format!("unknown format version {v}")),
    }
    if comment.post != post || &comment.id != id {
        return Err("the record does not match its key".into());
    }
    Ok(comment)
}

/// The comments of a post, oldest first, and what could not be read.
#[derive(Debug, Default, PartialEq)]
pub struct Loaded {
    /// The comments read.
    pub comments: Vec<Comment>,
    /// The records that could not be read, left in place.
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

/// Reads one comment; `Ok(None)` when it is not stored.
pub fn load_comment(
    store: &dyn Store,
    post: &str,
    id: &CommentId,
) -> Result<Option<Comment>, Unreadable> {
    let key = keys::comment(post, id);
    match store.get(&key) {
        Ok(Some(value)) => decode_comment(post, id, &value)
            .map(Some)
            .map_err(|reason| Unreadable::BadValue { key, reason }),
        Ok(None) => Ok(None),
        Err(e) => Err(Unreadable::BadValue {
            key,
            reason: e.to_string(),
        }),
    }
}

/// Removes comment `id` of `post`.
pub fn remove_comment(store: &dyn Store, post: &str, id: &CommentId) -> Result<(), StoreError> {
    store.remove(&keys::comment(post, id))
}

/// The index of a post's comments, checked against the comment keys.
#[derive(Debug, Default, PartialEq)]
pub struct Opened {
    /// The index, checked against the comment keys.
    pub index: Index,
    /// The records that could not be read, left in place.
    pub unreadable: Vec<Unreadable>,
    /// True when the stored index was missing or stale and should be saved again.
    pub changed: bool,
}

/// Opens a post's comments: lists the comment keys, takes what the stored index
/// says of each, and reads only the comments it does not know. Values that cannot
/// be read are reported and left in place.
pub fn open_index(store: &dyn Store, post: &str) -> Result<Opened, StoreError> {
    let mut stored = store
        .get(&keys::index(post))
        .ok()
        .flatten()
        .and_then(|text| Index::decode_entries(&text))
        .unwrap_or_default();
    let mut opened = Opened::default();
    let mut entries = Vec::new();
    for key in store.keys_with_prefix(&keys::comments_prefix(post))? {
        let Some(id) = keys::comment_id_of(post, &key) else {
            opened.unreadable.push(Unreadable::BadKey(key));
            continue;
        };
        if let Some(entry) = stored.remove(&id) {
            entries.push((id, entry));
            continue;
        }
        opened.changed = true;
        match load_comment(store, post, &id) {
            Ok(Some(comment)) => entries.push((id, Entry::of(&comment))),
            Ok(None) => {}
            Err(unreadable) => opened.unreadable.push(unreadable),
        }
    }
    // Listed but without a key any more (removed in another tab): dropped.
    opened.changed |= !stored.is_empty();
    // Built once, sorted once; keys come in no particular order.
    opened.index = entries.into_iter().collect();
    Ok(opened)
}

/// Stores `post`'s index.
pub fn save_index(store: &dyn Store, post: &str, index: &Index) -> Result<(), StoreError> {
    store.set(&keys::index(post), &index.encode())
}

/// Every open draft of a post, for the export.
pub fn load_drafts(store: &dyn Store, post: &str) -> Vec<ExportedDraft> {
    let keys = store
        .keys_with_prefix(&keys::drafts_prefix(post))
        .unwrap_or_default();
    let mut drafts: Vec<ExportedDraft> = keys
        .into_iter()
        .filter_map(|key| {
            let reply_to = keys::draft_target_of(post, &key)?;
            let draft = load_json(store, &key)?;
            Some(ExportedDraft { reply_to, draft })
        })
        .collect();
    // By form: the new comment's first, then replies by the id they answer.
    order::sort_by_number_and_text(&mut drafts, |d| match &d.reply_to {
        None => (0, ""),
        Some(id) => (1, id.as_str()),
    });
    drafts
}

/// The comment order chosen (oldest first if none).
pub fn load_order(store: &dyn Store) -> Order {
    store
        .get(&keys::comment_order())
        .ok()
        .flatten()
        .and_then(|s| Order::parse(&s))
        .unwrap_or_default()
}

/// Remembers the comment order.
pub fn save_order(store: &dyn Store, order: Order) -> Result<(), StoreError> {
    store.set(&keys::comment_order(), order.as_str())
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

/// The draft of the form answering `parent` (`None`: a new comment) on `post`.
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

/// Removes the draft of the form answering `parent` on `post`.
pub fn clear_draft(
    store: &dyn Store,
    post: &str,
    parent: Option<&CommentId>,
) -> Result<(), StoreError> {
    store.remove(&keys::draft(post, parent))
}

/// The unsaved text of an edit of comment `id`, if one was left open.
pub fn load_edit_draft(store: &dyn Store, post: &str, id: &CommentId) -> Option<String> {
    store.get(&keys::edit_draft(post, id)).ok().flatten()
}

/// Keeps the text of an edit of comment `id` typed but not saved.
pub fn save_edit_draft(
    store: &dyn Store,
    post: &str,
    id: &CommentId,
    text: &str,
) -> Result<(), StoreError> {
    store.set(&keys::edit_draft(post, id), text)
}

/// Removes the unsaved edit of comment `id`.
pub fn clear_edit_draft(store: &dyn Store, post: &str, id: &CommentId) -> Result<(), StoreError> {
    store.remove(&keys::edit_draft(post, id))
}

/// Removes the draft of `parent`'s form only if it still holds `posted`: another
/// tab may have written its own text there since (one key for the new comment's
/// form of every tab), and that text must stay.
pub fn clear_draft_if_posted(
    store: &dyn Store,
    post: &str,
    parent: Option<&CommentId>,
    posted: &str,
) -> Result<(), StoreError> {
    match load_draft(store, post, parent) {
        Some(d) if d.comment != posted => Ok(()),
        _ => clear_draft(store, post, parent),
    }
}

/// Keeps the new comment's draft but without the name, email and website (the
/// reader asked not to remember them), after a reply was posted.
pub fn strip_identity_from_draft(store: &dyn Store, post: &str) -> Result<(), StoreError> {
    match load_draft(store, post, None) {
        Some(mut d) => {
            d.author.clear();
            d.email.clear();
            d.url.clear();
            d.remember = false;
            save_draft(store, post, None, &d)
        }
        None => Ok(()),
    }
}

/// The remembered name, email address and website.
pub fn load_identity(store: &dyn Store) -> Option<Identity> {
    load_json(store, &keys::identity())
}

/// Remembers the name, email address and website.
pub fn save_identity(store: &dyn Store, identity: &Identity) -> Result<(), StoreError> {
    save_json(store, &keys::identity(), identity)
}

/// Forgets them.
pub fn forget_identity(store: &dyn Store) -> Result<(), StoreError> {
    store.remove(&keys::identity())
}

/// The testimonial view a reader can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    /// The text of the testimonial.
    Text,
    /// Its video.
    Video,
}

impl View {
    /// The view as stored (`text`, `video`).
    pub fn as_str(self) -> &'static str {
        match self {
            View::Text => "text",
            View::Video => "video",
        }
    }
}

/// The view last chosen on `post` (the text if none).
pub fn load_view(store: &dyn Store, post: &str) -> View {
    match store.get(&keys::view(post)).ok().flatten().as_deref() {
        Some("video") => View::Video,
        _ => View::Text,
    }
}

/// Remembers the view chosen on `post`.
pub fn save_view(store: &dyn Store, post: &str, view: View) -> Result<(), StoreError> {
    store.set(&keys::view(post), view.as_str())
}

/// The interface language the reader chose, if any.
pub fn load_language(store: &dyn Store) -> Option<Lang> {
    store
        .get(&keys::language())
        .ok()
        .flatten()
        .and_then(|tag| Lang::from_tag(&tag))
}

/// Remembers the reader's language.
pub fn save_language(store: &dyn Store, lang: Lang) -> Result<(), StoreError> {
    store.set(&keys::language(), lang.code())
}

/// The colour scheme the reader chose: `Some(true)` dark, `Some(false)` light.
pub fn load_dark(store: &dyn Store) -> Option<bool> {
    match store.get(&keys::theme()).ok().flatten().as_deref() {
        Some("dark") => Some(true),
        Some("light") => Some(false),
        _ => None,
    }
}

/// Remembers the reader's colour scheme (`true`: dark).
pub fn save_dark(store: &dyn Store, dark: bool) -> Result<(), StoreError> {
    store.set(&keys::theme(), if dark { "dark" } else { "light" })
}

/// The replies of `post` marked as sent for publishing.
pub fn load_sent(store: &dyn Store, post: &str) -> std::collections::HashSet<CommentId> {
    store
        .keys_with_prefix(&keys::sent_prefix(post))
        .unwrap_or_default()
        .iter()
        .filter_map(|key| keys::sent_id_of(post, key))
        .collect()
}

/// Marks reply `id` as sent for publishing at `now_ms`.
pub fn save_sent(
    store: &dyn Store,
    post: &str,
    id: &CommentId,
    now_ms: i64,
) -> Result<(), StoreError> {
    store.set(&keys::sent(post, id), &now_ms.to_string())
}

/// When the post's replies were last saved to a file, if ever.
pub fn load_saved(store: &dyn Store, post: &str) -> Option<i64> {
    store.get(&keys::saved(post)).ok()??.parse().ok()
}

/// The post's replies were saved to a file at `now_ms`.
pub fn save_saved(store: &dyn Store, post: &str, now_ms: i64) -> Result<(), StoreError> {
    store.set(&keys::saved(post), &now_ms.to_string())
}
