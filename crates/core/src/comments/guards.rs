//! WordPress's guards against a comment said twice or posted too fast, with its words.

use super::thread::{fingerprint, Index};
use super::{Comment, CommentId, ValidComment};
use crate::i18n::Lang;
use thiserror::Error;

/// A second comment sooner than this after the previous one is refused.
pub const FLOOD_INTERVAL_MS: i64 = 15_000;

/// A comment WordPress would refuse, in its words (see [`GuardError::message`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("{}", self.message(Lang::En))]
pub enum GuardError {
    /// The same text by the same person in reply to the same comment.
    Duplicate,
    /// A second comment too soon after the last.
    Flood,
}

impl GuardError {
    /// WordPress's sentence for it, in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            GuardError::Duplicate => lang.strings().duplicate,
            GuardError::Flood => lang.strings().flood,
        }
    }
}

/// Refuses a comment within [`FLOOD_INTERVAL_MS`] of the newest stored one.
pub fn check_flood(index: &Index, now_ms: i64) -> Result<(), GuardError> {
    match index.last_created_ms() {
        Some(last) if (0..FLOOD_INTERVAL_MS).contains(&(now_ms - last)) => Err(GuardError::Flood),
        _ => Ok(()),
    }
}

/// Refuses the same text, in reply to the same comment, by the same name or
/// email, as WordPress does. Only comments whose text hashes the same are read.
pub fn check_duplicate(
    index: &Index,
    parent: Option<&CommentId>,
    new: &ValidComment,
    mut load: impl FnMut(&CommentId) -> Option<Comment>,
) -> Result<(), GuardError> {
    let same = index.with_fingerprint(fingerprint(&new.content)).any(|id| {
        load(id).is_some_and(|old| {
            old.content == new.content
                && old.parent_id.as_ref() == parent
                && (old.author == new.author || old.email.eq_ignore_ascii_case(&new.email))
        })
    });
    if same {
        Err(GuardError::Duplicate)
    } else {
        Ok(())
    }
}
