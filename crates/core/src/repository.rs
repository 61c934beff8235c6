//! The repository of one post's comments: what this browser keeps of them — the
//! stored records, the index that lists them, the bodies read so far — and every
//! change to them (post, edit, delete, undo, import, another tab's change), each
//! written through to a [`Store`].
//!
//! It is pure: no DOM and no signals. The clock and the id of a new comment are
//! passed in, so native tests drive it exactly as the page does. The page's
//! reactive state (`components::Discussion`) wraps it and turns what each change
//! returns ([`Changed`]) into updates of only the parts of the page concerned.
//!
//! ```
//! use goosebumps_core::repository::Repository;
//! use goosebumps_core::storage::MemoryStore;
//! use std::rc::Rc;
//!
//! let mut repo = Repository::open("a-post", Rc::new(MemoryStore::new()));
//! assert_eq!(repo.index().count(), 0);
//! ```

use crate::comments::export::{self, ExportedDraft, ImportError, ImportReport};
use crate::comments::guards::{self, GuardError};
use crate::comments::published::PublishedReply;
use crate::comments::thread::{self, Entry, Index};
use crate::comments::{Comment, CommentId, ValidComment};
use crate::i18n::Lang;
use crate::storage::records::{self, Unreadable};
use crate::storage::{keys, Store, StoreError};
use crate::time;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use thiserror::Error;

/// Why a comment was not posted, in words for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PostError {
    #[error(transparent)]
    /// A guard refused it (duplicate, too fast).
    Guard(#[from] GuardError),
    #[error(transparent)]
    /// The browser would not store it.
    Store(#[from] StoreError),
}

impl PostError {
    /// The sentence the page says, in `lang`.
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            PostError::Guard(e) => e.message(lang),
            PostError::Store(e) => e.message(lang),
        }
    }
}

/// What a change touched: the comments whose shown body must be read again, and
/// whether the list of comments (the index) changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changed {
    /// The comments whose record changed.
    pub comments: Vec<CommentId>,
    /// True when the index changed.
    pub index: bool,
    /// Everything was read again (the store was cleared elsewhere).
    pub everything: bool,
}

impl Changed {
    fn merge(&mut self, other: Changed) {
        self.comments.extend(other.comments);
        self.index |= other.index;
        self.everything |= other.everything;
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.comments.is_empty() && !self.index && !self.everything
    }
}

/// A deletion done, with what Undo writes back.
#[derive(Debug, Clone, PartialEq)]
pub struct Deletion {
    /// The records as they were before the deletion.
    pub undo: Vec<Comment>,
    /// Comments no longer listed (the target, and placeholders left without replies).
    pub removed: Vec<CommentId>,
    /// What the edit changed.
    pub changed: Changed,
}

/// How an edit went.
#[derive(Debug, Clone, PartialEq)]
pub enum Edited {
    /// The text changed: stored, with the old text in its history.
    Saved(Changed),
    /// The text is the one already stored (after trimming, as WordPress trims):
    /// nothing is written, no "(edited)" and no identical revision.
    Unchanged,
    /// The comment is not stored any more (deleted meanwhile, here or elsewhere).
    Gone,
}

/// One post's comments as this browser keeps them. See the module docs.
pub struct Repository {
    post: String,
    store: Rc<dyn Store>,
    index: Index,
    /// Comments read so far: a comment is read from storage once, when first shown.
    bodies: HashMap<CommentId, Comment>,
    /// The index changed since it was last saved.
    index_dirty: bool,
    /// Stored comments that could not be read, left in place.
    unreadable: usize,
    /// Published replies (the site's, from the build): listed in the index with
    /// the stored ones, their bodies kept here, never written to the store.
    published: HashMap<CommentId, Comment>,
    /// The stored entries of comments that are also published: the index lists
    /// the published one, the store keeps (and the saved index lists) this one.
    shadowed: HashMap<CommentId, Entry>,
}

impl Repository {
    /// Opens the post's comments from the index kept in `store`, checked against
    /// the comment keys (see [`records::open_index`]).
    pub fn open(post: &str, store: Rc<dyn Store>) -> Self {
        let opened = records::open_index(store.as_ref(), post).unwrap_or_default();
        if opened.changed {
            // A cache: if it cannot be written it is rebuilt next time.
            let _ = records::save_index(store.as_ref(), post, &opened.index);
        }
        Self {
            post: post.to_owned(),
            unreadable: opened.unreadable.len(),
            store,
            index: opened.index,
            bodies: HashMap::new(),
            index_dirty: false,
            published: HashMap::new(),
            shadowed: HashMap::new(),
        }
    }

    /// Adds the post's published replies to the list, as entries that are never
    /// stored: counts, order, pages and permalinks cover them with the stored
    /// ones. A stored comment with the same id (the reader's own, published since)
    /// is listed once, as published. One rebuild of the index (one sort), so
    /// 10,000 published replies cost one start-up, not 10,000 inserts.
    pub fn add_published(&mut self, replies: Vec<PublishedReply>) -> Changed {
        if replies.is_empty() {
            return Changed::default();
        }
        let mut comments = Vec::with_capacity(replies.len());
        self.published.reserve(replies.len());
        for reply in replies {
            let comment = reply.into_comment(&self.post);
            if let Some(local) = self.index.get(&comment.id) {
                if !self.published.contains_key(&comment.id) {
                    self.shadowed.insert(comment.id.clone(), local.clone());
                }
            }
            comments.push(comment);
        }
        let published: HashSet<&CommentId> = comments.iter().map(|c| &c.id).collect();
        let stored = self
            .index
            .ids()
            .filter(|id| !published.contains(id))
            .filter_map(|id| Some((id.clone(), self.index.get(id)?.clone())));
        let added = comments.iter().map(|c| (c.id.clone(), Entry::of(c)));
        self.index = stored.chain(added).collect();
        let ids = comments.iter().map(|c| c.id.clone()).collect();
        for comment in comments {
            self.published.insert(comment.id.clone(), comment);
        }
        Changed {
            comments: ids,
            index: true,
            everything: false,
        }
    }

    /// True when comment `id` is published (whether or not this browser also keeps it).
    pub fn is_published(&self, id: &CommentId) -> bool {
        self.published.contains_key(id)
    }

    /// True when comment `id` is published and this browser keeps it too (the
    /// reader's own reply, published since): it is marked as published.
    pub fn is_own_published(&self, id: &CommentId) -> bool {
        self.shadowed.contains_key(id)
    }

    /// How many replies are only in this browser: listed, stored, not published.
    pub fn unpublished_count(&self) -> usize {
        let published_listed = self
            .published
            .keys()
            .filter(|id| self.index.get(id).is_some_and(|e| !e.deleted))
            .count();
        self.index.count() - published_listed
    }

    /// The stored comments that are not published (not deleted), oldest first.
    pub fn unpublished(&mut self) -> Vec<Comment> {
        let mut ids: Vec<(i64, CommentId)> = self
            .index
            .ids()
            .filter(|id| !self.published.contains_key(*id))
            .filter_map(|id| {
                let e = self.index.get(id)?;
                (!e.deleted).then(|| (e.created_ms, id.clone()))
            })
            .collect();
        // The app's one sort (see `order`), not a copy of std's sort for this type.
        crate::comments::order::sort_by_number_and_text(&mut ids, |(t, id)| (*t, id.as_str()));
        ids.into_iter()
            .filter_map(|(_, id)| self.body(&id))
            .collect()
    }

    /// The index as stored: without the published-only entries, and with the
    /// stored entries of comments that are also published.
    fn stored_index(&self) -> Index {
        if self.published.is_empty() {
            return self.index.clone();
        }
        self.index
            .ids()
            .filter_map(
                |id| match (self.published.contains_key(id), self.shadowed.get(id)) {
                    (false, _) => Some((id.clone(), self.index.get(id)?.clone())),
                    (true, Some(local)) => Some((id.clone(), local.clone())),
                    (true, None) => None,
                },
            )
            .collect()
    }

    /// The post's slug.
    pub fn post_slug(&self) -> &str {
        &self.post
    }

    /// The store the comments are kept in.
    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// The post's index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// How many stored comments of the post could not be read.
    pub fn unreadable(&self) -> usize {
        self.unreadable
    }

    /// A stored comment, read once and then kept in memory.
    pub fn body(&mut self, id: &CommentId) -> Option<Comment> {
        if let Some(c) = self.published.get(id) {
            return Some(c.clone());
        }
        if let Some(c) = self.bodies.get(id) {
            return Some(c.clone());
        }
        match records::load_comment(self.store.as_ref(), &self.post, id) {
            Ok(Some(comment)) => {
                self.bodies.insert(id.clone(), comment.clone());
                Some(comment)
            }
            Ok(None) | Err(Unreadable::BadKey(_) | Unreadable::BadValue { .. }) => None,
        }
    }

    /// Takes a comment the index lists but that cannot be read (damaged after the
    /// index was saved) out of the list, and counts it as unreadable if its value
    /// is still there (it is left in place). True when the list changed.
    pub fn set_aside(&mut self, id: &CommentId) -> bool {
        if self.index.remove(id).is_none() {
            return false;
        }
        self.index_changed();
        let key = keys::comment(&self.post, id);
        // Gone altogether (another tab deleted it unseen) is not "unreadable".
        if self.store.get(&key).ok().flatten().is_some() {
            self.unreadable += 1;
        }
        true
    }

    /// Marks the stored index stale. Why remove it at once rather than only save
    /// it later: the index is saved when the page is hidden, and a crash skips
    /// that; a stale index would then be trusted over the records for good (a
    /// count one too high, a placeholder that can never go). Without a stored
    /// index the next start rebuilds it from the records. Removed once per
    /// unsaved stretch of changes (a batch of 10,000 is one removal).
    fn index_changed(&mut self) {
        if !self.index_dirty {
            self.index_dirty = true;
            let _ = self.store.remove(&keys::index(&self.post));
        }
    }

    fn remember(&mut self, comment: &Comment) -> Changed {
        self.bodies.insert(comment.id.clone(), comment.clone());
        if self.published.contains_key(&comment.id) {
            // Listed as published; the stored copy stays in the store (and exports).
            self.shadowed.insert(comment.id.clone(), Entry::of(comment));
        } else {
            self.index.insert(comment);
        }
        self.index_changed();
        Changed {
            comments: vec![comment.id.clone()],
            index: true,
            everything: false,
        }
    }

    fn forget(&mut self, id: &CommentId) -> Changed {
        self.bodies.remove(id);
        if self.published.contains_key(id) {
            self.shadowed.remove(id);
        } else {
            self.index.remove(id);
        }
        self.index_changed();
        Changed {
            comments: vec![id.clone()],
            index: true,
            everything: false,
        }
    }

    /// Applies changes another tab made (`storage` events: key and new value,
    /// `None` key for a cleared store), all at once: an import of 10,000 comments
    /// elsewhere is one update here, not 10,000. Drafts are not this repository's.
    pub fn apply_remote<'a>(
        &mut self,
        changes: impl IntoIterator<Item = (Option<&'a str>, Option<&'a str>)>,
    ) -> Changed {
        let mut changed = Changed::default();
        for (key, value) in changes {
            let Some(key) = key else {
                changed.merge(self.reopen());
                continue;
            };
            let Some(id) = keys::comment_id_of(&self.post, key) else {
                continue;
            };
            match value.map(|v| records::decode_comment(&self.post, &id, v)) {
                Some(Ok(comment)) => changed.merge(self.remember(&comment)),
                Some(Err(_)) => {}
                None if self.index.contains(&id) || self.bodies.contains_key(&id) => {
                    changed.merge(self.forget(&id))
                }
                None => {}
            }
        }
        changed
    }

    /// Reads the index again from storage.
    pub fn reopen(&mut self) -> Changed {
        let opened = records::open_index(self.store.as_ref(), &self.post).unwrap_or_default();
        self.bodies.clear();
        self.unreadable = opened.unreadable.len();
        self.index = opened.index;
        let published: Vec<PublishedReply> = std::mem::take(&mut self.published)
            .into_values()
            .map(|c| PublishedReply {
                id: c.id,
                parent: c.parent_id,
                author: c.author,
                url: c.url,
                content: c.content,
                created_ms: c.created_ms,
            })
            .collect();
        self.shadowed.clear();
        self.add_published(published);
        Changed {
            comments: Vec::new(),
            index: true,
            everything: true,
        }
    }

    /// Saves the index if it changed; called when the page is hidden or left, so
    /// posting stays one write however many comments there are.
    pub fn flush_index(&mut self) {
        if self.index_dirty {
            self.index_dirty = false;
            let _ = records::save_index(self.store.as_ref(), &self.post, &self.stored_index());
        }
    }

    /// Posts a comment with id `id` at `now_ms`, after WordPress's flood and
    /// duplicate guards.
    pub fn post(
        &mut self,
        parent: Option<CommentId>,
        valid: ValidComment,
        now_ms: i64,
        id: CommentId,
    ) -> Result<(Comment, Changed), PostError> {
        guards::check_flood(&self.index, now_ms)?;
        let index = std::mem::take(&mut self.index);
        let duplicate =
            guards::check_duplicate(&index, parent.as_ref(), &valid, |id| self.body(id));
        self.index = index;
        duplicate?;
        let comment = Comment::new(id, &self.post, parent, valid, now_ms);
        records::save_comment(self.store.as_ref(), &comment)?;
        let changed = self.remember(&comment);
        Ok((comment, changed))
    }

    /// Replaces a comment's text (already validated and trimmed), keeping the old
    /// one in its history.
    pub fn edit(
        &mut self,
        id: &CommentId,
        text: String,
        now_ms: i64,
    ) -> Result<Edited, StoreError> {
        if self.is_published(id) {
            // Published: the site's copy is what everyone reads; it is not edited here.
            return Ok(Edited::Gone);
        }
        let Some(old) = self.body(id) else {
            return Ok(Edited::Gone);
        };
        if old.deleted {
            return Ok(Edited::Gone);
        }
        if old.content == text {
            return Ok(Edited::Unchanged);
        }
        let edited = old.edited(text, now_ms);
        records::save_comment(self.store.as_ref(), &edited)?;
        Ok(Edited::Saved(self.remember(&edited)))
    }

    /// Deletes a comment at once; [`Repository::restore`] with the returned
    /// records puts it back. `None` when it is not stored.
    pub fn delete(&mut self, id: &CommentId) -> Result<Option<Deletion>, StoreError> {
        if self.is_published(id) {
            return Ok(None);
        }
        let Some(target) = self.body(id) else {
            return Ok(None);
        };
        let index = std::mem::take(&mut self.index);
        let plan = thread::plan_delete(&index, &target, |id| self.body(id));
        self.index = index;
        for placeholder in &plan.put {
            records::save_comment(self.store.as_ref(), placeholder)?;
        }
        for gone in &plan.remove {
            records::remove_comment(self.store.as_ref(), &self.post, gone)?;
        }
        let mut changed = Changed::default();
        for placeholder in &plan.put {
            changed.merge(self.remember(placeholder));
        }
        for gone in &plan.remove {
            changed.merge(self.forget(gone));
        }
        Ok(Some(Deletion {
            undo: plan.undo,
            removed: plan.remove,
            changed,
        }))
    }

    /// Writes back exactly what a deletion removed: same ids, times, replies.
    pub fn restore(&mut self, records: &[Comment]) -> Result<Changed, StoreError> {
        records
            .iter()
            .try_for_each(|c| records::save_comment(self.store.as_ref(), c))?;
        let mut changed = Changed::default();
        for c in records {
            changed.merge(self.remember(c));
        }
        Ok(changed)
    }

    /// The export file's name and JSON: every comment of the post and the open drafts.
    pub fn export(&self, now_ms: i64) -> (String, String) {
        let store = self.store.as_ref();
        let comments = records::load_comments(store, &self.post)
            .map(|l| l.comments)
            .unwrap_or_default();
        let drafts: Vec<ExportedDraft> = records::load_drafts(store, &self.post);
        let at = time::iso_utc(now_ms);
        (
            export::export_file_name(&self.post, &at),
            export::export_json(&self.post, at, &comments, &drafts),
        )
    }

    /// Imports an export: merges by id, never overwriting a comment or an open
    /// draft; threads that loop, nest too deep or use a reserved id are refused
    /// or repaired as [`export::merge`] says, and counted by reason.
    pub fn import(&mut self, text: &str) -> Result<(ImportReport, Changed), ImportError> {
        let parsed = export::parse_import(text, &self.post)?;
        let drafts = parsed.drafts.clone();
        let (new, mut report) = export::merge(parsed, &self.index);
        let mut stored = 0;
        let mut changed = Changed::default();
        for comment in &new {
            if records::save_comment(self.store.as_ref(), comment).is_err() {
                report.refuse(export::Refusal::NotStored);
                continue;
            }
            changed.merge(self.remember(comment));
            stored += 1;
        }
        report.imported = stored;
        let store = self.store.as_ref();
        for d in &drafts {
            if records::load_draft(store, &self.post, d.reply_to.as_ref()).is_none() {
                let _ = records::save_draft(store, &self.post, d.reply_to.as_ref(), &d.draft);
            }
        }
        self.flush_index();
        // One change for the whole import: the page updates once.
        changed.comments.clear();
        changed.everything = true;
        Ok((report, changed))
    }
}
