//! Threads and pages: which comments a page shows, how deep they nest, where a
//! comment's page is, and what deleting one changes — all from a small index, so
//! no comment body is read that the page does not show.

use super::{Comment, CommentId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Replies nest this deep at most (WordPress's default); deeper ones get no Reply.
pub const MAX_DEPTH: usize = 5;
/// Top-level threads per page (WordPress's default).
pub const THREADS_PER_PAGE: usize = 50;

/// The order top-level threads are listed in. Replies are always oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    OldestFirst,
    NewestFirst,
}

impl Order {
    pub fn as_str(self) -> &'static str {
        match self {
            Order::OldestFirst => "oldest",
            Order::NewestFirst => "newest",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "oldest" => Some(Order::OldestFirst),
            "newest" => Some(Order::NewestFirst),
            _ => None,
        }
    }
}

/// What the index knows of one comment without reading its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub parent: Option<CommentId>,
    pub created_ms: i64,
    pub deleted: bool,
    /// A hash of the text, so the duplicate check reads only likely duplicates.
    pub fingerprint: u64,
}

impl Entry {
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

/// Every comment of a post, by id, as the index knows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    entries: BTreeMap<CommentId, Entry>,
}

/// The stored form: `[id, parent, created_ms, deleted (0/1), fingerprint]` per comment.
#[derive(Serialize, Deserialize)]
struct StoredIndex {
    v: u32,
    entries: Vec<(CommentId, Option<CommentId>, i64, u8, u64)>,
}

impl Index {
    pub fn from_comments<'a>(comments: impl IntoIterator<Item = &'a Comment>) -> Self {
        let mut index = Self::default();
        for c in comments {
            index.insert(c);
        }
        index
    }

    pub fn insert(&mut self, comment: &Comment) {
        self.entries.insert(comment.id.clone(), Entry::of(comment));
    }

    pub fn insert_entry(&mut self, id: CommentId, entry: Entry) {
        self.entries.insert(id, entry);
    }

    pub fn remove(&mut self, id: &CommentId) -> Option<Entry> {
        self.entries.remove(id)
    }

    pub fn get(&self, id: &CommentId) -> Option<&Entry> {
        self.entries.get(id)
    }

    pub fn contains(&self, id: &CommentId) -> bool {
        self.entries.contains_key(id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &CommentId> {
        self.entries.keys()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Comments a reader sees as comments: placeholders of deleted ones do not count.
    pub fn count(&self) -> usize {
        self.entries.values().filter(|e| !e.deleted).count()
    }

    /// When the newest comment was written, for the flood guard.
    pub fn last_created_ms(&self) -> Option<i64> {
        self.entries
            .values()
            .filter(|e| !e.deleted)
            .map(|e| e.created_ms)
            .max()
    }

    /// Ids whose text has this fingerprint.
    pub fn with_fingerprint(&self, fingerprint: u64) -> impl Iterator<Item = &CommentId> {
        self.entries
            .iter()
            .filter(move |(_, e)| e.fingerprint == fingerprint && !e.deleted)
            .map(|(id, _)| id)
    }

    pub fn encode(&self) -> String {
        let entries = self
            .entries
            .iter()
            .map(|(id, e)| {
                (
                    id.clone(),
                    e.parent.clone(),
                    e.created_ms,
                    u8::from(e.deleted),
                    e.fingerprint,
                )
            })
            .collect();
        serde_json::to_string(&StoredIndex { v: 1, entries }).expect("the index serializes")
    }

    /// The stored index, or `None` when it is unreadable (it is then rebuilt).
    pub fn decode(text: &str) -> Option<Self> {
        let stored: StoredIndex = serde_json::from_str(text).ok()?;
        (stored.v == 1).then(|| Self {
            entries: stored
                .entries
                .into_iter()
                .map(|(id, parent, created_ms, deleted, fingerprint)| {
                    (
                        id,
                        Entry {
                            parent,
                            created_ms,
                            deleted: deleted != 0,
                            fingerprint,
                        },
                    )
                })
                .collect(),
        })
    }

    /// The threads, ready to page through.
    pub fn threads(&self, order: Order) -> Threads {
        let mut roots = Vec::new();
        let mut children: HashMap<CommentId, Vec<CommentId>> = HashMap::new();
        for (id, entry) in &self.entries {
            match &entry.parent {
                // A reply whose parent is gone is shown as a thread of its own, not lost.
                Some(parent) if self.entries.contains_key(parent) && parent != id => {
                    children.entry(parent.clone()).or_default().push(id.clone())
                }
                _ => roots.push(id.clone()),
            }
        }
        let key = |id: &CommentId| (self.entries[id].created_ms, id.clone());
        roots.sort_by_key(key);
        if order == Order::NewestFirst {
            roots.reverse();
        }
        for list in children.values_mut() {
            list.sort_by_key(key);
        }
        Threads { roots, children }
    }
}

/// Top-level threads in order, and each comment's replies oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Threads {
    roots: Vec<CommentId>,
    children: HashMap<CommentId, Vec<CommentId>>,
}

/// One comment on a page, at its depth (1 for top level).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: CommentId,
    pub depth: usize,
}

impl Threads {
    pub fn page_count(&self) -> usize {
        self.roots.len().div_ceil(THREADS_PER_PAGE).max(1)
    }

    pub fn replies(&self, id: &CommentId) -> &[CommentId] {
        self.children.get(id).map(Vec::as_slice).unwrap_or_default()
    }

    /// The top-level comments of page `page` (1-based).
    pub fn roots_on_page(&self, page: usize) -> &[CommentId] {
        let start = (page.max(1) - 1) * THREADS_PER_PAGE;
        let end = (start + THREADS_PER_PAGE).min(self.roots.len());
        self.roots.get(start..end).unwrap_or_default()
    }

    /// Every comment page `page` shows, in reading order, with its depth.
    /// Replies deeper than [`MAX_DEPTH`] (possible in imported data) stay at it.
    pub fn rows(&self, page: usize) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut stack: Vec<Row> = self
            .roots_on_page(page)
            .iter()
            .rev()
            .map(|id| Row {
                id: id.clone(),
                depth: 1,
            })
            .collect();
        while let Some(row) = stack.pop() {
            let depth = row.depth;
            stack.extend(self.replies(&row.id).iter().rev().map(|id| Row {
                id: id.clone(),
                depth: (depth + 1).min(MAX_DEPTH),
            }));
            rows.push(row);
        }
        rows
    }

    /// The page that shows comment `id`, found through its thread's first comment.
    pub fn page_of(&self, index: &Index, id: &CommentId) -> Option<usize> {
        let mut root = id.clone();
        let mut steps = 0;
        while let Some(Some(parent)) = index.get(&root).map(|e| e.parent.clone()) {
            if !index.contains(&parent) || steps > index.len() {
                break;
            }
            root = parent;
            steps += 1;
        }
        self.roots
            .iter()
            .position(|r| *r == root)
            .map(|i| i / THREADS_PER_PAGE + 1)
    }
}

/// What deleting a comment changes in storage, and what Undo puts back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeletePlan {
    /// Records to write (placeholders).
    pub put: Vec<Comment>,
    /// Records to remove.
    pub remove: Vec<CommentId>,
    /// The records as they were, to write back on Undo.
    pub undo: Vec<Comment>,
}

/// Deleting `target`: a comment with replies becomes a placeholder so the thread
/// keeps its shape; one without is removed, and so is any placeholder above it
/// that is left with no replies. `load` reads a stored comment.
pub fn plan_delete(
    index: &Index,
    target: &Comment,
    load: impl Fn(&CommentId) -> Option<Comment>,
) -> DeletePlan {
    let threads = index.threads(Order::OldestFirst);
    let mut plan = DeletePlan {
        undo: vec![target.clone()],
        ..DeletePlan::default()
    };
    if !threads.replies(&target.id).is_empty() {
        plan.put.push(target.placeholder());
        return plan;
    }
    plan.remove.push(target.id.clone());
    let mut parent = target.parent_id.clone();
    while let Some(id) = parent {
        let Some(entry) = index.get(&id) else { break };
        let others = threads
            .replies(&id)
            .iter()
            .any(|c| !plan.remove.contains(c));
        if !entry.deleted || others {
            break;
        }
        let Some(placeholder) = load(&id) else { break };
        plan.remove.push(id);
        parent = placeholder.parent_id.clone();
        plan.undo.push(placeholder);
    }
    plan
}
