//! The storage keys, built and parsed in one place.

use crate::comments::CommentId;

/// Every key this app writes starts with this; the version changes with the format.
pub const ROOT: &str = "goosebumps/v1/";

/// Prefix of every comment key of a post.
pub fn comments_prefix(post: &str) -> String {
    format!("{ROOT}comment/{post}/")
}

/// The key of comment `id` of `post`.
pub fn comment(post: &str, id: &CommentId) -> String {
    format!("{}{id}", comments_prefix(post))
}

/// The id in a comment key, or `None` when the key is malformed.
pub fn comment_id_of(post: &str, key: &str) -> Option<CommentId> {
    key.strip_prefix(&comments_prefix(post))
        .and_then(CommentId::parse)
}

/// The draft of a new top-level comment (`parent` `None`) or of a reply.
pub fn draft(post: &str, parent: Option<&CommentId>) -> String {
    match parent {
        Some(id) => format!("{ROOT}draft/{post}/{id}"),
        None => format!("{ROOT}draft/{post}/new"),
    }
}

/// An edit of a posted comment that was typed but not saved yet.
pub fn edit_draft(post: &str, id: &CommentId) -> String {
    format!("{ROOT}edit/{post}/{id}")
}

/// The key of the remembered identity.
pub fn identity() -> String {
    format!("{ROOT}identity")
}

/// The key of the testimonial view chosen on `post`.
pub fn view(post: &str) -> String {
    format!("{ROOT}view/{post}")
}

/// The per-post index of comments (see `comments::thread::Index`): a cache that
/// spares reading every comment at start-up, rebuilt from the comment keys.
pub fn index(post: &str) -> String {
    format!("{ROOT}index/{post}")
}

/// Prefix of every draft of a post.
pub fn drafts_prefix(post: &str) -> String {
    format!("{ROOT}draft/{post}/")
}

/// The reply target a draft key is for: `Some(None)` for a new comment.
pub fn draft_target_of(post: &str, key: &str) -> Option<Option<CommentId>> {
    match key.strip_prefix(&drafts_prefix(post))? {
        "new" => Some(None),
        id => CommentId::parse(id).map(Some),
    }
}

/// The order comments are listed in, chosen by the reader.
pub fn comment_order() -> String {
    format!("{ROOT}comment-order")
}

/// The interface language the reader chose (`en` or `es`).
pub fn language() -> String {
    format!("{ROOT}lang")
}

/// The colour scheme the reader chose (`light` or `dark`); absent: follow the system.
pub fn theme() -> String {
    format!("{ROOT}theme")
}

/// Prefix of the marks of a post's replies sent for publishing.
pub fn sent_prefix(post: &str) -> String {
    format!("{ROOT}sent/{post}/")
}

/// Reply `id` was sent to the site's owner for publishing (the value: when, in ms).
pub fn sent(post: &str, id: &CommentId) -> String {
    format!("{}{id}", sent_prefix(post))
}

/// The id in a sent mark's key, or `None` when the key is not one.
pub fn sent_id_of(post: &str, key: &str) -> Option<CommentId> {
    key.strip_prefix(&sent_prefix(post))
        .and_then(CommentId::parse)
}

/// When the post's replies were last saved to a file (an export, a reply file), in ms.
pub fn saved(post: &str) -> String {
    format!("{ROOT}saved/{post}")
}
