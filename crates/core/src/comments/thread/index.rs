//! The index: every comment of a post by id (its parent, when it was written,
//! whether it is a deleted placeholder, a fingerprint of its text), and the
//! threads they make, kept in step with every insert and removal.

use crate::comments::{Comment, CommentId};
use std::collections::{BTreeMap, HashMap};

/// What the index knows of one comment without reading its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The comment it answers, if any.
    pub parent: Option<CommentId>,
    /// When it was written (ms since the epoch).
    pub created_ms: i64,
    /// True for the placeholder of a deleted comment.
    pub deleted: bool,
    /// A hash of the text, so the duplicate check reads only likely duplicates.
    pub fingerprint: u64,
}

impl Entry {
    /// The entry for `comment`.
    pub fn of(comment: &Comment) -> Self {
        Self {
            parent: comment.parent_id.clone(),
            created_ms: comment.created_ms,
            deleted: comment.deleted,
            fingerprint: fingerprint(&comment.content),
        }
    }
}

/// FNV-1a: small, stable across builds, good enough to narrow a search.
pub fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Every comment of a post, by id, as the index knows it, and the threads they
/// make. The threads and the count are kept in step with every insert and
/// removal, so posting one comment costs about the same with ten comments stored
/// as with ten thousand: nothing is re-sorted, re-counted or copied.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub(super) entries: BTreeMap<CommentId, Entry>,
    /// Top-level threads, oldest first: comments without a parent, and replies
    /// whose parent is not here (shown as threads of their own, not lost).
    pub(super) roots: Vec<CommentId>,
    /// Each comment's replies, oldest first.
    children: HashMap<CommentId, Vec<CommentId>>,
    /// Replies listed as roots because their parent is missing, by that parent,
    /// so they move under it if it arrives (an import, another tab).
    orphans: HashMap<CommentId, Vec<CommentId>>,
    /// How many comments are not deleted placeholders.
    live: usize,
    /// When the newest of those was written.
    newest: Option<i64>,
    /// Set when the newest was removed: found again once the change is done.
    rescan_newest: bool,
}

/// Two indexes are equal when they list the same comments; the rest follows from them.
impl PartialEq for Index {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl Eq for Index {}

impl Index {
    /// The index of `comments`.
    pub fn from_comments<'a>(comments: impl IntoIterator<Item = &'a Comment>) -> Self {
        comments
            .into_iter()
            .map(|c| (c.id.clone(), Entry::of(c)))
            .collect()
    }

    /// Builds the derived lists in one pass and one sort (not one insert at a time).
    pub(super) fn from_entries(entries: BTreeMap<CommentId, Entry>) -> Self {
        let mut index = Self {
            entries,
            ..Self::default()
        };
        for (id, entry) in &index.entries {
            match index.placement(id, entry) {
                Place::Under(parent) => index
                    .children
                    .entry(parent.clone())
                    .or_default()
                    .push(id.clone()),
                Place::Orphan(parent) => {
                    index.roots.push(id.clone());
                    index
                        .orphans
                        .entry(parent.clone())
                        .or_default()
                        .push(id.clone());
                }
                Place::Root => index.roots.push(id.clone()),
            }
            if !entry.deleted {
                index.live += 1;
                index.newest = index.newest.max(Some(entry.created_ms));
            }
        }
        let entries = &index.entries;
        // The app's one sort (see `order`), not a copy of std's sort per call.
        fn key<'a>(entries: &BTreeMap<CommentId, Entry>, id: &'a CommentId) -> (i64, &'a str) {
            (entries[id].created_ms, id.as_str())
        }
        crate::comments::order::sort_by_number_and_text(&mut index.roots, |id| key(entries, id));
        for list in index.children.values_mut() {
            crate::comments::order::sort_by_number_and_text(list, |id| key(entries, id));
        }
        index
    }

    fn placement<'a>(&self, id: &CommentId, entry: &'a Entry) -> Place<'a> {
        match &entry.parent {
            Some(parent) if parent != id && self.entries.contains_key(parent) => {
                Place::Under(parent)
            }
            Some(parent) if parent != id => Place::Orphan(parent),
            _ => Place::Root,
        }
    }

    /// Where `id` is, or goes, in a list kept oldest first.
    pub(super) fn position_in(&self, list: &[CommentId], id: &CommentId) -> Result<usize, usize> {
        position(&self.entries, list, id)
    }

    /// Adds `comment` (or updates it).
    pub fn insert(&mut self, comment: &Comment) {
        self.insert_entry(comment.id.clone(), Entry::of(comment));
    }

    /// Adds the entry of comment `id` (or updates it).
    pub fn insert_entry(&mut self, id: CommentId, entry: Entry) {
        self.put(id, entry);
        self.settle();
    }

    fn put(&mut self, id: CommentId, entry: Entry) {
        if let Some(old) = self.entries.get(&id) {
            if old.parent == entry.parent && old.created_ms == entry.created_ms {
                // Same place in its thread (an edit, a deletion): only the facts change.
                let old = old.clone();
                self.unlist_facts(&old);
                self.list_facts(&entry);
                self.entries.insert(id, entry);
                return;
            }
            self.take(&id);
        }
        self.entries.insert(id.clone(), entry.clone());
        match self.placement(&id, &entry) {
            Place::Under(parent) => {
                let parent = parent.clone();
                self.insert_sorted(Some(&parent), &id);
            }
            Place::Orphan(parent) => {
                let parent = parent.clone();
                self.insert_sorted(None, &id);
                self.orphans.entry(parent).or_default().push(id.clone());
            }
            Place::Root => self.insert_sorted(None, &id),
        }
        // Replies that were waiting for this comment move under it.
        for orphan in self.orphans.remove(&id).unwrap_or_default() {
            if let Ok(at) = self.position_in(&self.roots, &orphan) {
                self.roots.remove(at);
                self.insert_sorted(Some(&id), &orphan);
            }
        }
        self.list_facts(&entry);
    }

    /// Adds `id` to its parent's replies, or to the roots, keeping the list sorted.
    fn insert_sorted(&mut self, parent: Option<&CommentId>, id: &CommentId) {
        let list = match parent {
            Some(parent) => self.children.entry(parent.clone()).or_default(),
            None => &mut self.roots,
        };
        if let Err(at) = position(&self.entries, list, id) {
            list.insert(at, id.clone());
        }
    }

    fn list_facts(&mut self, entry: &Entry) {
        if !entry.deleted {
            self.live += 1;
            self.newest = self.newest.max(Some(entry.created_ms));
        }
    }

    /// Called before `entry` leaves `entries` or changes there.
    fn unlist_facts(&mut self, entry: &Entry) {
        if !entry.deleted {
            self.live -= 1;
            if self.newest == Some(entry.created_ms) {
                // It was the newest: look again (a scan of numbers, only on deletes).
                self.newest = None;
                self.rescan_newest = true;
            }
        }
    }

    fn settle(&mut self) {
        if std::mem::take(&mut self.rescan_newest) {
            self.newest = self
                .entries
                .values()
                .filter(|e| !e.deleted)
                .map(|e| e.created_ms)
                .max();
        }
    }

    /// Removes comment `id`; its entry, if it was here.
    pub fn remove(&mut self, id: &CommentId) -> Option<Entry> {
        let removed = self.take(id);
        self.settle();
        removed
    }

    fn take(&mut self, id: &CommentId) -> Option<Entry> {
        let entry = self.entries.get(id)?.clone();
        // Out of its list, found while the entry is still there to sort by.
        match self.placement(id, &entry) {
            Place::Under(parent) => {
                if let Some(list) = self.children.get(parent) {
                    if let Ok(at) = self.position_in(list, id) {
                        let parent = parent.clone();
                        if let Some(list) = self.children.get_mut(&parent) {
                            list.remove(at);
                            if list.is_empty() {
                                self.children.remove(&parent);
                            }
                        }
                    }
                }
            }
            Place::Orphan(parent) => {
                if let Ok(at) = self.position_in(&self.roots, id) {
                    self.roots.remove(at);
                }
                if let Some(waiting) = self.orphans.get_mut(parent) {
                    waiting.retain(|i| i != id);
                    if waiting.is_empty() {
                        self.orphans.remove(parent);
                    }
                }
            }
            Place::Root => {
                if let Ok(at) = self.position_in(&self.roots, id) {
                    self.roots.remove(at);
                }
            }
        }
        self.unlist_facts(&entry);
        self.entries.remove(id);
        // Its replies are not lost: they become threads of their own until it is back.
        for reply in self.children.remove(id).unwrap_or_default() {
            self.insert_sorted(None, &reply);
            self.orphans.entry(id.clone()).or_default().push(reply);
        }
        Some(entry)
    }

    /// The entry of comment `id`.
    pub fn get(&self, id: &CommentId) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// True when comment `id` is here.
    pub fn contains(&self, id: &CommentId) -> bool {
        self.entries.contains_key(id)
    }

    /// Every comment's id, in id order.
    pub fn ids(&self) -> impl Iterator<Item = &CommentId> {
        self.entries.keys()
    }

    /// How many comments, placeholders included.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no comment.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Comments a reader sees as comments: placeholders of deleted ones do not count.
    pub fn count(&self) -> usize {
        self.live
    }

    /// When the newest comment was written, for the flood guard.
    pub fn last_created_ms(&self) -> Option<i64> {
        self.newest
    }

    /// Ids whose text has this fingerprint: a scan of numbers in memory, so the
    /// duplicate check reads (and compares) only the likely duplicates' texts.
    pub fn with_fingerprint(&self, fingerprint: u64) -> impl Iterator<Item = &CommentId> {
        self.entries
            .iter()
            .filter(move |(_, e)| e.fingerprint == fingerprint && !e.deleted)
            .map(|(id, _)| id)
    }

    /// A comment's replies, oldest first.
    pub fn replies(&self, id: &CommentId) -> &[CommentId] {
        self.children.get(id).map(Vec::as_slice).unwrap_or_default()
    }
}

/// Builds the index in one pass and one sort: for many entries at once (start-up),
/// where inserting them one by one would move the sorted lists again and again.
impl FromIterator<(CommentId, Entry)> for Index {
    fn from_iter<I: IntoIterator<Item = (CommentId, Entry)>>(entries: I) -> Self {
        Self::from_entries(entry_map(entries.into_iter().collect()))
    }
}

/// The one place a map of entries is built from a list (a later entry with the
/// same id wins, as with `collect`). Why not `collect()` into the map: std's
/// `BTreeMap::from_iter` sorts first, with a closure of its own per iterator type,
/// so every caller compiled another copy of std's sort into the wasm (four, about
/// 4 KB each); inserting one by one costs no sort code and the same n·log n.
pub(super) fn entry_map(entries: Vec<(CommentId, Entry)>) -> BTreeMap<CommentId, Entry> {
    let mut map = BTreeMap::new();
    for (id, entry) in entries {
        map.insert(id, entry);
    }
    map
}

/// Where `id` is, or goes, in `list`, kept oldest first (then by id): a binary
/// search, so a post costs a few comparisons however long the list.
fn position(
    entries: &BTreeMap<CommentId, Entry>,
    list: &[CommentId],
    id: &CommentId,
) -> Result<usize, usize> {
    let key = |id: &CommentId| entries.get(id).map(|e| e.created_ms);
    let wanted = (key(id), id);
    list.binary_search_by(|probe| (key(probe), probe).cmp(&wanted))
}

/// Where a comment is listed.
enum Place<'a> {
    /// Among its parent's replies.
    Under(&'a CommentId),
    /// A thread of its own, until its parent (not here) arrives.
    Orphan(&'a CommentId),
    Root,
}
