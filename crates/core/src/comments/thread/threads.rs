//! Threads and pages: the order threads are listed in, which comments a page
//! shows and how deep they nest, and where a comment's page is.

use super::index::Index;
use crate::comments::CommentId;

/// Replies nest this deep at most (WordPress's default); deeper ones get no Reply.
pub const MAX_DEPTH: usize = 5;

/// Top-level threads per page (WordPress's default).
pub const THREADS_PER_PAGE: usize = 50;

/// The order top-level threads are listed in. Replies are always oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    /// The oldest thread first (WordPress's default).
    OldestFirst,
    /// The newest thread first.
    NewestFirst,
}

impl Order {
    /// The order as stored (`oldest`, `newest`).
    pub fn as_str(self) -> &'static str {
        match self {
            Order::OldestFirst => "oldest",
            Order::NewestFirst => "newest",
        }
    }

    /// The order stored as `s`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "oldest" => Some(Order::OldestFirst),
            "newest" => Some(Order::NewestFirst),
            _ => None,
        }
    }
}

/// The threads of an [`Index`] in one order: top-level threads page by page, and
/// each comment's replies oldest first.
#[derive(Debug, Clone, Copy)]
pub struct Threads<'a> {
    index: &'a Index,
    order: Order,
}

/// One comment on a page, at its depth (1 for top level).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The comment on this row.
    pub id: CommentId,
    /// How deep it nests (0 for a thread).
    pub depth: usize,
}

impl Threads<'_> {
    /// How many pages the threads fill.
    pub fn page_count(&self) -> usize {
        self.index.roots.len().div_ceil(THREADS_PER_PAGE).max(1)
    }

    /// A comment's replies, oldest first.
    pub fn replies(&self, id: &CommentId) -> &[CommentId] {
        self.index.replies(id)
    }

    /// The top-level comments of page `page` (1-based), in this order.
    pub fn roots_on_page(&self, page: usize) -> Vec<CommentId> {
        let roots = &self.index.roots;
        let start = ((page.max(1) - 1) * THREADS_PER_PAGE).min(roots.len());
        let end = (start + THREADS_PER_PAGE).min(roots.len());
        match self.order {
            Order::OldestFirst => roots[start..end].to_vec(),
            Order::NewestFirst => roots[roots.len() - end..roots.len() - start]
                .iter()
                .rev()
                .cloned()
                .collect(),
        }
    }

    /// Every comment page `page` shows, in reading order, with its depth.
    /// Replies deeper than [`MAX_DEPTH`] (possible in imported data) stay at it.
    pub fn rows(&self, page: usize) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut stack: Vec<Row> = self
            .roots_on_page(page)
            .into_iter()
            .rev()
            .map(|id| Row { id, depth: 1 })
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

    /// The replies a comment at depth `depth` lists under it, in reading order:
    /// its own replies, and at the last depth but one their whole threads, flat
    /// (each at [`MAX_DEPTH`], as [`Threads::rows`] places them). Why: a page of
    /// threads of any depth is then built with nesting at most [`MAX_DEPTH`] deep,
    /// never a recursion as deep as a chain of replies (an import can hold
    /// thousands).
    pub fn listed_under(&self, id: &CommentId, depth: usize) -> Vec<CommentId> {
        if depth + 1 < MAX_DEPTH {
            return self.replies(id).to_vec();
        }
        let mut listed = Vec::new();
        let mut stack: Vec<&CommentId> = self.replies(id).iter().rev().collect();
        // A parent link can loop in a damaged record: each comment once, at most.
        let mut seen = std::collections::HashSet::new();
        while let Some(next) = stack.pop() {
            if !seen.insert(next) {
                continue;
            }
            listed.push(next.clone());
            stack.extend(self.replies(next).iter().rev());
        }
        listed
    }

    /// The page that shows comment `id`, found through its thread's first comment.
    pub fn page_of(&self, id: &CommentId) -> Option<usize> {
        let index = self.index;
        let mut root = id;
        let mut steps = 0;
        while let Some(Some(parent)) = index.get(root).map(|e| e.parent.as_ref()) {
            if !index.contains(parent) || parent == root || steps > index.len() {
                break;
            }
            root = parent;
            steps += 1;
        }
        let at = index.position_in(&index.roots, root).ok()?;
        let at = match self.order {
            Order::OldestFirst => at,
            Order::NewestFirst => index.roots.len() - 1 - at,
        };
        Some(at / THREADS_PER_PAGE + 1)
    }
}

impl Index {
    /// The threads in `order`, ready to page through. Nothing is computed here.
    pub fn threads(&self, order: Order) -> Threads<'_> {
        Threads { index: self, order }
    }
}
