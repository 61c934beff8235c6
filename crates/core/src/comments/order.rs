//! The order comments are listed in.

use super::Comment;

/// Oldest first, as WordPress lists comments by default. Ties (same millisecond,
/// e.g. two tabs) are broken by id so every tab shows the same order.
pub fn sort_oldest_first(comments: &mut [Comment]) {
    sort_by_number_and_text(comments, |c| (c.created_ms, c.id.as_str()));
}

/// Sorts `items` (stably) by `key`. Whatever the items, the sorting itself is one
/// sort of `(key, position)` pairs, so the browser build has a single copy of the
/// sort code for every list sorted this way, not one per item type.
pub(crate) fn sort_by_number_and_text<T>(items: &mut [T], key: impl Fn(&T) -> (i64, &str)) {
    let mut keyed: Vec<((i64, &str), usize)> =
        items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    keyed.sort();
    // Position p takes the item at from[p], moved along each cycle by swaps.
    let mut from: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    for start in 0..from.len() {
        let mut at = start;
        loop {
            let src = from[at];
            from[at] = at;
            if src == start {
                break;
            }
            items.swap(at, src);
            at = src;
        }
    }
}

/// Inserts a comment where [`sort_oldest_first`] would put it, replacing one with
/// the same id, so a new comment does not re-sort the whole list.
pub fn insert_sorted(comments: &mut Vec<Comment>, comment: Comment) {
    comments.retain(|c| c.id != comment.id);
    let at =
        comments.partition_point(|c| (c.created_ms, &c.id) < (comment.created_ms, &comment.id));
    comments.insert(at, comment);
}
