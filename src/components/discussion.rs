//! The state the comments area shares — the index, the page, the open reply form,
//! the pending Undo — and the actions on it, each written through to storage.

use super::StoreHandle;
use crate::comments::export::{self, ExportedDraft, ImportError};
use crate::comments::guards::{self, GuardError};
use crate::comments::thread::{self, Index, Order, Threads};
use crate::comments::{time, Comment, CommentId, Draft, ValidComment};
use crate::i18n::Lang;
use crate::storage::records::{self, Unreadable};
use crate::storage::{keys, StoreError};
use leptos::prelude::*;
use std::collections::HashMap;
use std::time::Duration;
use thiserror::Error;

/// How long "Comment deleted. Undo" stays.
pub const UNDO_WINDOW: Duration = Duration::from_secs(15);

/// Why a comment was not posted, in words for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PostError {
    #[error(transparent)]
    Guard(#[from] GuardError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PostError {
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            PostError::Guard(e) => e.message(lang),
            PostError::Store(e) => e.message(lang),
        }
    }
}

/// The name, email, website and "remember" box, shared by every reply form so
/// switching between replies keeps who is writing.
#[derive(Clone, Copy)]
pub struct IdentityFields {
    pub author: RwSignal<String>,
    pub email: RwSignal<String>,
    pub url: RwSignal<String>,
    pub remember: RwSignal<bool>,
}

/// A deletion that can still be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingUndo {
    pub records: Vec<Comment>,
    pub serial: u64,
}

/// The index's threads in the chosen order, read like a signal. Reading them
/// computes nothing: the index keeps them up to date as comments come and go.
#[derive(Clone, Copy)]
pub struct ThreadsSignal {
    index: RwSignal<Index>,
    order: RwSignal<Order>,
}

impl ThreadsSignal {
    /// Runs `f` with the threads, tracking the index and the order.
    pub fn with<R>(&self, f: impl FnOnce(&Threads<'_>) -> R) -> R {
        let order = self.order.get();
        self.index.with(|i| f(&i.threads(order)))
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&Threads<'_>) -> R) -> R {
        let order = self.order.get_untracked();
        self.index.with_untracked(|i| f(&i.threads(order)))
    }
}

#[derive(Clone, Copy)]
pub struct Discussion {
    pub post: StoredValue<String>,
    pub title: StoredValue<String>,
    pub store: StoreHandle,
    pub index: RwSignal<Index>,
    /// Bumped whenever a stored comment changes, so shown comments read it again.
    pub version: RwSignal<u64>,
    pub order: RwSignal<Order>,
    /// 1-based.
    pub page: RwSignal<usize>,
    pub threads: ThreadsSignal,
    pub reply_to: RwSignal<Option<CommentId>>,
    pub editing: RwSignal<Option<CommentId>>,
    pub highlighted: RwSignal<Option<CommentId>>,
    pub undo: RwSignal<Option<PendingUndo>>,
    /// What the comments area's live region says (posted, deleted, imported…).
    pub announcement: RwSignal<String>,
    pub identity: IdentityFields,
    pub unreadable: RwSignal<usize>,
    /// The interface language, for what the actions announce.
    pub lang: RwSignal<Lang>,
    bodies: StoredValue<HashMap<CommentId, Comment>>,
    index_dirty: StoredValue<bool>,
}

impl Discussion {
    /// Opens the post's comments from storage and prefills the identity from the
    /// draft of a new comment, or else from the remembered identity.
    pub fn open(post: String, title: String, store: StoreHandle, lang: RwSignal<Lang>) -> Self {
        let (opened, order, draft) = store.with(|s| {
            let opened = records::open_index(s, &post).unwrap_or_default();
            if opened.changed {
                // A cache: if it cannot be written it is rebuilt next time.
                let _ = records::save_index(s, &post, &opened.index);
            }
            let draft = records::load_draft(s, &post, None)
                .unwrap_or_else(|| Draft::from_identity(records::load_identity(s).as_ref()));
            (opened, records::load_order(s), draft)
        });
        let index = RwSignal::new(opened.index);
        let order = RwSignal::new(order);
        let threads = ThreadsSignal { index, order };
        Self {
            post: StoredValue::new(post),
            title: StoredValue::new(title),
            store,
            index,
            version: RwSignal::new(0),
            order,
            page: RwSignal::new(1),
            threads,
            reply_to: RwSignal::new(None),
            editing: RwSignal::new(None),
            highlighted: RwSignal::new(None),
            undo: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            identity: IdentityFields {
                author: RwSignal::new(draft.author),
                email: RwSignal::new(draft.email),
                url: RwSignal::new(draft.url),
                remember: RwSignal::new(draft.remember),
            },
            unreadable: RwSignal::new(opened.unreadable.len()),
            lang,
            bodies: StoredValue::new(HashMap::new()),
            index_dirty: StoredValue::new(false),
        }
    }

    pub fn post_slug(&self) -> String {
        self.post.get_value()
    }

    /// A stored comment, read once and then kept in memory.
    pub fn body(&self, id: &CommentId) -> Option<Comment> {
        if let Some(c) = self.bodies.with_value(|b| b.get(id).cloned()) {
            return Some(c);
        }
        let loaded = self
            .post
            .with_value(|post| self.store.with(|s| records::load_comment(s, post, id)));
        match loaded {
            Ok(Some(comment)) => {
                self.bodies.update_value(|b| {
                    b.insert(id.clone(), comment.clone());
                });
                Some(comment)
            }
            Ok(None) => None,
            Err(Unreadable::BadKey(_) | Unreadable::BadValue { .. }) => None,
        }
    }

    /// Takes a comment the index lists but that cannot be read (damaged after the
    /// index was saved) out of the list and counts it as unreadable; its stored
    /// value is left in place.
    pub fn set_aside(&self, id: &CommentId) {
        let mut listed = false;
        self.index.update(|i| listed = i.remove(id).is_some());
        if listed {
            self.index_dirty.set_value(true);
            let key = self.post.with_value(|post| keys::comment(post, id));
            // Gone altogether (another tab deleted it unseen) is not "unreadable".
            if self.store.with(|s| s.get(&key)).ok().flatten().is_some() {
                self.unreadable.update(|n| *n += 1);
            }
        }
    }

    fn remember(&self, comment: &Comment) {
        self.bodies.update_value(|b| {
            b.insert(comment.id.clone(), comment.clone());
        });
        self.index.update(|i| i.insert(comment));
        self.index_dirty.set_value(true);
        self.version.update(|v| *v += 1);
    }

    fn forget(&self, id: &CommentId) {
        self.bodies.update_value(|b| {
            b.remove(id);
        });
        self.index.update(|i| {
            i.remove(id);
        });
        self.index_dirty.set_value(true);
        self.version.update(|v| *v += 1);
    }

    /// Applies a change another tab made to this post's comments (a `storage`
    /// event), so every open tab shows the same comments without a reload.
    /// Drafts are left alone: the text a reader is typing never changes under them.
    pub fn apply_remote(&self, key: Option<&str>, value: Option<&str>) {
        let post = self.post_slug();
        let Some(key) = key else {
            // The whole store was cleared elsewhere.
            self.reopen();
            return;
        };
        let Some(id) = keys::comment_id_of(&post, key) else {
            return;
        };
        match value.map(|v| records::decode_comment(&post, &id, v)) {
            Some(Ok(comment)) => self.remember(&comment),
            Some(Err(_)) => {}
            None => self.forget(&id),
        }
    }

    /// Reads the index again from storage.
    pub fn reopen(&self) {
        let post = self.post_slug();
        let opened = self
            .store
            .with(|s| records::open_index(s, &post))
            .unwrap_or_default();
        self.bodies.update_value(HashMap::clear);
        self.unreadable.set(opened.unreadable.len());
        self.index.set(opened.index);
        self.version.update(|v| *v += 1);
    }

    /// Saves the index if it changed; called when the page is hidden or left, so
    /// posting stays one write however many comments there are.
    pub fn flush_index(&self) {
        if self.index_dirty.get_value() {
            self.index_dirty.set_value(false);
            let _ = self.post.with_value(|post| {
                self.index
                    .with_untracked(|i| self.store.with(|s| records::save_index(s, post, i)))
            });
        }
    }

    /// Posts a comment after WordPress's flood and duplicate guards.
    pub fn post(
        &self,
        parent: Option<CommentId>,
        valid: ValidComment,
        now_ms: i64,
    ) -> Result<Comment, PostError> {
        self.index.with_untracked(|index| {
            guards::check_flood(index, now_ms)?;
            guards::check_duplicate(index, parent.as_ref(), &valid, |id| self.body(id))
        })?;
        let id = CommentId::generate(now_ms, js_sys::Math::random());
        let comment = self
            .post
            .with_value(|post| Comment::new(id, post, parent, valid, now_ms));
        self.store.with(|s| records::save_comment(s, &comment))?;
        self.remember(&comment);
        if self.reply_to.get_untracked().is_some() {
            // The form goes back under the comments (only if it moved: no rebuild).
            self.reply_to.set(None);
        }
        self.go_to(&comment.id);
        Ok(comment)
    }

    /// Replaces a comment's text, keeping the old one in its history.
    pub fn edit(&self, id: &CommentId, text: String, now_ms: i64) -> Result<(), StoreError> {
        let Some(old) = self.body(id) else {
            return Ok(());
        };
        let edited = old.edited(text, now_ms);
        self.store.with(|s| records::save_comment(s, &edited))?;
        self.remember(&edited);
        self.editing.set(None);
        Ok(())
    }

    /// Deletes a comment at once; [`Discussion::undo_delete`] can put it back.
    pub fn delete(&self, id: &CommentId) -> Result<(), StoreError> {
        let Some(target) = self.body(id) else {
            return Ok(());
        };
        let plan = self
            .index
            .with_untracked(|index| thread::plan_delete(index, &target, |id| self.body(id)));
        self.post.with_value(|post| {
            self.store.with(|s| {
                for placeholder in &plan.put {
                    records::save_comment(s, placeholder)?;
                }
                for gone in &plan.remove {
                    records::remove_comment(s, post, gone)?;
                }
                Ok::<_, StoreError>(())
            })
        })?;
        for placeholder in &plan.put {
            self.remember(placeholder);
        }
        for gone in &plan.remove {
            self.forget(gone);
        }
        if self
            .reply_to
            .get_untracked()
            .is_some_and(|r| plan.remove.contains(&r) || r == *id)
        {
            self.reply_to.set(None);
        }
        let serial = self
            .undo
            .with_untracked(|u| u.as_ref().map_or(0, |u| u.serial + 1));
        self.undo.set(Some(PendingUndo {
            records: plan.undo,
            serial,
        }));
        let undo = self.undo;
        // The notice goes after the window, unless a newer deletion replaced it.
        set_timeout(
            move || {
                if undo.try_with_untracked(|u| u.as_ref().map(|u| u.serial)) == Some(Some(serial)) {
                    undo.set(None);
                }
            },
            UNDO_WINDOW,
        );
        self.announcement
            .set(self.lang.get_untracked().strings().deleted.to_owned());
        Ok(())
    }

    /// Puts back exactly what the last deletion removed: same ids, times, replies.
    pub fn undo_delete(&self) -> Result<(), StoreError> {
        let Some(pending) = self.undo.get_untracked() else {
            return Ok(());
        };
        self.store.with(|s| {
            pending
                .records
                .iter()
                .try_for_each(|c| records::save_comment(s, c))
        })?;
        for c in &pending.records {
            self.remember(c);
        }
        self.undo.set(None);
        self.announcement
            .set(self.lang.get_untracked().strings().restored.to_owned());
        if let Some(first) = pending.records.first() {
            self.go_to(&first.id);
        }
        Ok(())
    }

    /// Shows the page that holds `id` and marks the comment.
    pub fn go_to(&self, id: &CommentId) {
        let page = self.threads.with_untracked(|t| t.page_of(id));
        if let Some(page) = page {
            self.page.set(page);
            self.highlighted.set(Some(id.clone()));
        }
    }

    pub fn set_order(&self, order: Order) {
        self.order.set(order);
        self.page.set(1);
        let _ = self.store.with(|s| records::save_order(s, order));
    }

    /// The export file's name and JSON: every comment of the post and the open drafts.
    pub fn export(&self, now_ms: i64) -> (String, String) {
        let post = self.post_slug();
        let (comments, drafts): (Vec<Comment>, Vec<ExportedDraft>) = self.store.with(|s| {
            let comments = records::load_comments(s, &post)
                .map(|l| l.comments)
                .unwrap_or_default();
            (comments, records::load_drafts(s, &post))
        });
        let at = time::iso_utc(now_ms);
        (
            export::export_file_name(&post, &at),
            export::export_json(&post, at, &comments, &drafts),
        )
    }

    /// Imports an export: merges by id, never overwriting a comment or an open draft.
    pub fn import(&self, text: &str) -> Result<String, ImportError> {
        let post = self.post_slug();
        let parsed = export::parse_import(text, &post)?;
        let drafts = parsed.drafts.clone();
        let (new, mut report) = self
            .index
            .with_untracked(|i| export::merge(parsed, |id| i.contains(id)));
        let mut stored = 0;
        for comment in &new {
            if let Err(e) = self.store.with(|s| records::save_comment(s, comment)) {
                report.unreadable.push(format!(
                    "{}: {}",
                    comment.id,
                    e.message(self.lang.get_untracked())
                ));
                continue;
            }
            self.remember(comment);
            stored += 1;
        }
        report.imported = stored;
        self.store.with(|s| {
            for d in &drafts {
                if records::load_draft(s, &post, d.reply_to.as_ref()).is_none() {
                    let _ = records::save_draft(s, &post, d.reply_to.as_ref(), &d.draft);
                }
            }
        });
        self.flush_index();
        Ok(report.message(self.lang.get_untracked()))
    }
}
