//! Where each of the reader's replies stands on its way to the site's owner, kept
//! per reply so every tab and every reload says the same:
//!
//! - **saved to a file** (`goosebumps/v1/saved/<post>/<id>`): a reply file, Send
//!   all's file or an export held it, or it came from an imported file;
//! - **sent** (`goosebumps/v1/sent/<post>/<id>`): by Email it, by a share that
//!   succeeded, or the reader said they sent the file they saved;
//! - **changed since sent**: sent, then edited; the page offers to send it again.
//!
//! Each mark's value is `"<ms> <fingerprint>"`: when, and the fingerprint of the
//! text it was made for ([`fingerprint`], as the index keeps it, its 64 bits
//! written as a signed number), so an edit shows without reading the comment. An older page wrote `sent` marks as `"<ms>"`
//! alone and one `goosebumps/v1/saved/<post>` date for every reply: both are still
//! read (a mark without a fingerprint holds for any text; the one date for each
//! reply written before it). A mark goes with its reply when the reply is deleted.
//!
//! The marks are read from the store when asked (two or three reads a reply), not
//! kept in memory: no second copy to keep in step with other tabs.

use super::thread::fingerprint;
use super::{Comment, CommentId};
use crate::storage::{keys, Store, StoreError};

/// One mark: when, and the fingerprint of the text it was made for, its bits
/// as an `i64` (`None`: a mark written by an older page, which holds for any text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub at: i64,
    pub text: Option<i64>,
}

impl Mark {
    /// Reads a stored value: `"<ms> <fingerprint>"`, or an older page's `"<ms>"`.
    pub fn parse(value: &str) -> Option<Self> {
        let (at, text) = match value.split_once(' ') {
            Some((at, text)) => (at, Some(text.parse().ok()?)),
            None => (value, None),
        };
        Some(Self {
            at: at.parse().ok()?,
            text,
        })
    }

    fn holds_for(&self, text: u64) -> bool {
        self.text.is_none_or(|t| t == text as i64)
    }
}

/// Which mark to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Saved to a file, as it is now.
    Saved,
    /// Sent (by mail, a share), as it is now.
    Sent,
    /// Sent, as the reader says of the file they saved: the text sent is the text
    /// saved (a reply edited since then is "changed since sent"), or the text now
    /// when the saved mark could not be kept.
    SentFile,
}

/// Where a reply stands, as the page says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// In no file and not sent, as it is now.
    Unsent,
    /// Saved to a file at this time, not sent.
    Saved(i64),
    /// Sent as it is now.
    Sent,
    /// Sent, then edited: not sent as it is now (and saved to a file as it is
    /// now at this time, if it was).
    Changed(Option<i64>),
}

impl State {
    /// True when the reply as it is now is in no file and was not sent: only
    /// in this browser.
    pub fn only_here(self) -> bool {
        matches!(self, State::Unsent | State::Changed(None))
    }
}

/// The keys of reply `id`'s marks: saved, sent.
fn keys_of(post: &str, id: &CommentId) -> [String; 2] {
    [
        format!("{}{id}", keys::saved_prefix(post)),
        keys::sent(post, id),
    ]
}

fn read(store: &dyn Store, key: &str) -> Option<Mark> {
    Mark::parse(&store.get(key).ok()??)
}

/// Where reply `id` of `post` stands, its text having `text` as fingerprint (see
/// [`fingerprint`]) and written at `created_ms`.
pub fn state(store: &dyn Store, post: &str, id: &CommentId, text: u64, created_ms: i64) -> State {
    let [saved, sent] = keys_of(post, id).map(|k| read(store, &k));
    let saved = match saved {
        Some(m) => m.holds_for(text).then_some(m.at),
        // The one date an older page kept for every reply.
        None => read(store, &keys::saved(post))
            .map(|m| m.at)
            .filter(|at| created_ms <= *at),
    };
    match (sent, saved) {
        (Some(m), _) if m.holds_for(text) => State::Sent,
        // Sent, then edited: "changed since sent", whether or not the new text is
        // in a file (the owner does not have it).
        (Some(_), saved) => State::Changed(saved),
        (None, Some(at)) => State::Saved(at),
        (None, None) => State::Unsent,
    }
}

/// Marks `comments`, as they are now, saved or sent at `at` (see [`Kind`]).
/// Every mark is tried; the first the store would not keep is returned (a mark
/// not kept is not there, so not shown).
pub fn mark(
    store: &dyn Store,
    post: &str,
    kind: Kind,
    comments: &[Comment],
    at: i64,
) -> Result<(), StoreError> {
    let mut result = Ok(());
    for c in comments {
        let [saved, sent] = keys_of(post, &c.id);
        // The file's text when the reader says they sent the file they saved (as
        // it is now if that mark could not be kept).
        let file = match kind {
            Kind::SentFile => read(store, &saved).and_then(|m| m.text),
            _ => None,
        };
        let text = file.unwrap_or(fingerprint(&c.content) as i64);
        let key = if kind == Kind::Saved { saved } else { sent };
        result = result.and(store.set(&key, &format!("{at} {text}")));
    }
    result
}

/// Removes the marks of `ids` (their replies were deleted) and returns them as
/// they were stored, for an Undo to write back.
pub fn take(
    store: &dyn Store,
    post: &str,
    ids: impl IntoIterator<Item = CommentId>,
) -> Vec<(String, String)> {
    let mut taken = Vec::new();
    for id in ids {
        for key in keys_of(post, &id) {
            if let Ok(Some(value)) = store.get(&key) {
                let _ = store.remove(&key);
                taken.push((key, value));
            }
        }
    }
    taken
}

/// Removes the marks whose reply is not stored (deleted by an older page).
pub fn prune(store: &dyn Store, post: &str) {
    for prefix in [keys::saved_prefix(post), keys::sent_prefix(post)] {
        for key in store.keys_with_prefix(&prefix).unwrap_or_default() {
            let id = key.strip_prefix(&prefix).and_then(CommentId::parse);
            if !id.is_some_and(|id| matches!(store.get(&keys::comment(post, &id)), Ok(Some(_)))) {
                let _ = store.remove(&key);
            }
        }
    }
}

/// True when `key` is one of `post`'s marks (or the older page's one date).
pub fn is_mark_key(post: &str, key: &str) -> bool {
    key.starts_with(&keys::saved(post)) || key.starts_with(&keys::sent_prefix(post))
}
