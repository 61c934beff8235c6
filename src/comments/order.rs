//! The order comments are listed in.

use super::Comment;

/// Oldest first, as WordPress lists comments by default. Ties (same millisecond,
/// e.g. two tabs) are broken by id so every tab shows the same order.
pub fn sort_oldest_first(comments: &mut [Comment]) {
    comments.sort_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)));
}

/// Inserts a comment where [`sort_oldest_first`] would put it, replacing one with
/// the same id, so a new comment does not re-sort the whole list.
pub fn insert_sorted(comments: &mut Vec<Comment>, comment: Comment) {
    comments.retain(|c| c.id != comment.id);
    let at =
        comments.partition_point(|c| (c.created_ms, &c.id) < (comment.created_ms, &comment.id));
    comments.insert(at, comment);
}
