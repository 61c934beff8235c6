//! The comments area's state: the post's [`Repository`] behind signals, and the
//! thin state of the page around it — the comment page shown, the open reply and
//! edit forms, the pending Undo, what the live region says.
//!
//! Components read it through its accessors and change it through its intent
//! methods (`open_reply`, `start_edit`, `show_page`, `delete`…); no field is
//! written from outside. Each comment reacts only to what concerns it: its own
//! body (one trigger per shown comment, notified with what a change touched) and
//! whether it is the highlighted, replied-to or edited one (`Selector`s), so
//! posting, editing or opening a form re-runs one comment, not the page.

use crate::comments::export::ImportError;
use crate::comments::published::PublishedReply;
use crate::comments::thread::{Order, Threads};
use crate::comments::{Comment, CommentId, Draft, ValidComment};
use crate::context::StoreHandle;
use crate::i18n::Lang;
use crate::repository::{Changed, Edited, PostError, Repository};
use crate::storage::{records, StoreError};
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use leptos::reactive::signal::ArcTrigger;
use std::collections::HashSet;
use std::rc::Rc;
use std::time::Duration;

/// How long "Comment deleted. Undo" stays.
pub const UNDO_WINDOW: Duration = Duration::from_secs(15);

/// The name, email, website and "remember" box, shared by every reply form so
/// switching between replies keeps who is writing. They are the form's model:
/// the form's inputs read and write them.
#[derive(Clone, Copy)]
pub struct IdentityFields {
    /// The name field.
    pub author: RwSignal<String>,
    /// The email field.
    pub email: RwSignal<String>,
    /// The website field.
    pub url: RwSignal<String>,
    /// The "Save my name…" checkbox.
    pub remember: RwSignal<bool>,
}

/// A deletion that can still be undone.
#[derive(Debug, Clone, PartialEq)]
struct PendingUndo {
    records: Vec<Comment>,
    serial: u64,
}

/// The text of the open edit form. It lives here, not in the form, so that
/// rebuilding the comment (a language switch, another tab's edit, Delete and
/// Undo) never replaces what the reader typed.
#[derive(Debug, Clone, PartialEq)]
struct OpenEdit {
    id: CommentId,
    text: String,
}

/// What the "Send for publishing" panel sends: one reply, or all unpublished ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sending {
    /// One reply.
    One(CommentId),
    /// Every reply of the post not sent yet.
    All,
}

/// The open reply form's draft as it stands, and a way to take it over (see
/// [`Discussion::hold_reply_form`]).
type TakeDraft = Rc<dyn Fn() -> Option<Draft>>;

/// Which comment is highlighted, answered and edited, as `Selector`s: a change
/// re-runs only the comment that was and the one that is. Only in the browser:
/// at build time nothing is selected, and a `Selector` needs a task executor.
#[derive(Clone)]
struct Selectors {
    highlighted: Selector<Option<CommentId>>,
    replying: Selector<Option<CommentId>>,
    editing: Selector<Option<CommentId>>,
}

#[derive(Clone, Copy)]
/// The comments area's state, shared through context (see the module's doc).
pub struct Discussion {
    title: StoredValue<String>,
    repo: StoredValue<Repository, LocalStorage>,
    /// Notified when the list of comments (the index) changes.
    listed: StoredValue<ArcTrigger>,
    /// One trigger per comment shown, notified when that comment changes; sorted
    /// by id (a sorted list rather than a map: one less map type in the wasm).
    shown: StoredValue<Vec<(CommentId, ArcTrigger)>>,
    order: RwSignal<Order>,
    /// The page asked for (1-based); [`Discussion::page`] clamps it to the pages there are.
    page_asked: RwSignal<usize>,
    page: Memo<usize>,
    reply_to: RwSignal<Option<CommentId>>,
    reply_form: StoredValue<Option<(Option<CommentId>, TakeDraft)>, LocalStorage>,
    edit: RwSignal<Option<OpenEdit>>,
    highlighted: RwSignal<Option<CommentId>>,
    selectors: StoredValue<Option<Selectors>>,
    undo: RwSignal<Option<PendingUndo>>,
    announcement: RwSignal<String>,
    identity: IdentityFields,
    unreadable: RwSignal<usize>,
    lang: RwSignal<Lang>,
    /// Replies sent for publishing (remembered in storage, across tabs).
    sent: RwSignal<HashSet<CommentId>>,
    /// When the replies were last saved to a file.
    saved: RwSignal<Option<i64>>,
    /// Whether the browser promised to keep the site's data (`None`: not known).
    persisted: RwSignal<Option<bool>>,
    /// The send panel's subject, while it is open.
    sending: RwSignal<Option<Sending>>,
}

impl Discussion {
    /// Opens the post's comments from storage and prefills the identity from the
    /// draft of a new comment, or else from the remembered identity.
    pub fn open(
        post: String,
        title: String,
        store: StoreHandle,
        lang: RwSignal<Lang>,
        published: Vec<PublishedReply>,
    ) -> Self {
        let mut repo = Repository::open(&post, store.rc());
        repo.add_published(published);
        let sent = RwSignal::new(records::load_sent(repo.store(), &post));
        let saved = RwSignal::new(records::load_saved(repo.store(), &post));
        let draft = records::load_draft(repo.store(), &post, None)
            .unwrap_or_else(|| Draft::from_identity(records::load_identity(repo.store()).as_ref()));
        let order = RwSignal::new(records::load_order(repo.store()));
        let unreadable = RwSignal::new(repo.unreadable());
        let repo = StoredValue::new_local(repo);
        let listed = StoredValue::new(ArcTrigger::new());
        let page_asked = RwSignal::new(1);
        // Why a memo: deleting the only thread of the last page leaves a page
        // that no longer exists; the page shown is then the last there is.
        let page = Memo::new(move |_| {
            listed.with_value(|l| l.track());
            let last = repo.with_value(|r| r.index().threads(order.get()).page_count());
            page_asked.get().clamp(1, last)
        });
        let reply_to = RwSignal::new(None);
        let edit = RwSignal::new(None::<OpenEdit>);
        let highlighted = RwSignal::new(None);
        let selectors = StoredValue::new((!crate::glue::PRERENDERING).then(|| Selectors {
            highlighted: Selector::new(move || highlighted.get()),
            replying: Selector::new(move || reply_to.get()),
            editing: Selector::new(move || edit.with(|e| e.as_ref().map(|e| e.id.clone()))),
        }));
        Self {
            title: StoredValue::new(title),
            repo,
            listed,
            shown: StoredValue::new(Vec::new()),
            order,
            page_asked,
            page,
            reply_to,
            reply_form: StoredValue::new_local(None),
            edit,
            highlighted,
            selectors,
            undo: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            identity: IdentityFields {
                author: RwSignal::new(draft.author),
                email: RwSignal::new(draft.email),
                url: RwSignal::new(draft.url),
                remember: RwSignal::new(draft.remember),
            },
            unreadable,
            lang,
            sent,
            saved,
            persisted: RwSignal::new(None),
            sending: RwSignal::new(None),
        }
    }

    /// Runs `f` on the repository; the discussion lives as long as the page.
    fn repo_mut<R>(&self, f: impl FnOnce(&mut Repository) -> R) -> R {
        self.repo
            .try_update_value(f)
            .expect("the discussion lives as long as the page")
    }

    // ---- What components read -------------------------------------------------

    /// The post's slug.
    pub fn post_slug(&self) -> String {
        self.repo.with_value(|r| r.post_slug().to_owned())
    }

    /// The post's title.
    pub fn title(&self) -> String {
        self.title.get_value()
    }

    /// The form's identity fields, shared by every form of the post.
    pub fn identity(&self) -> IdentityFields {
        self.identity
    }

    /// Runs `f` with the store the comments are kept in.
    pub fn with_store<R>(&self, f: impl FnOnce(&dyn crate::storage::Store) -> R) -> R {
        self.repo.with_value(|r| f(r.store()))
    }

    /// Runs `f` with the threads in the chosen order, tracking the list and the order.
    pub fn with_threads<R>(&self, f: impl FnOnce(&Threads<'_>) -> R) -> R {
        self.listed.with_value(|l| l.track());
        let order = self.order.get();
        self.repo.with_value(|r| f(&r.index().threads(order)))
    }

    fn with_threads_untracked<R>(&self, f: impl FnOnce(&Threads<'_>) -> R) -> R {
        let order = self.order.get_untracked();
        self.repo.with_value(|r| f(&r.index().threads(order)))
    }

    /// How many comments there are (placeholders of deleted ones do not count).
    pub fn count(&self) -> usize {
        self.listed.with_value(|l| l.track());
        self.repo.with_value(|r| r.index().count())
    }

    /// The comment as stored, tracking only changes to this comment.
    pub fn comment(&self, id: &CommentId) -> Option<Comment> {
        self.shown
            .update_value(|s| match s.binary_search_by(|(k, _)| k.cmp(id)) {
                Ok(at) => s[at].1.track(),
                Err(at) => {
                    let trigger = ArcTrigger::new();
                    trigger.track();
                    s.insert(at, (id.clone(), trigger));
                }
            });
        self.repo_mut(|r| r.body(id))
    }

    /// The comment as stored, without tracking.
    pub fn comment_untracked(&self, id: &CommentId) -> Option<Comment> {
        self.repo_mut(|r| r.body(id))
    }

    /// The order threads are shown in.
    pub fn order(&self) -> Order {
        self.order.get()
    }

    /// The page shown (1-based), within the pages there are.
    pub fn page(&self) -> usize {
        self.page.get()
    }

    /// Whether `pick`'s selector holds `id` (false at build time).
    fn selected(
        &self,
        pick: fn(&Selectors) -> &Selector<Option<CommentId>>,
        id: &CommentId,
    ) -> bool {
        self.selectors.with_value(|s| {
            s.as_ref()
                .is_some_and(|s| pick(s).selected(&Some(id.clone())))
        })
    }

    /// True when comment `id` is the one a link pointed at.
    pub fn is_highlighted(&self, id: &CommentId) -> bool {
        self.selected(|s| &s.highlighted, id)
    }

    /// The comment a link pointed at, if any.
    pub fn highlighted(&self) -> Option<CommentId> {
        self.highlighted.get()
    }

    /// True while the form answers comment `id`.
    pub fn is_replying_to(&self, id: &CommentId) -> bool {
        self.selected(|s| &s.replying, id)
    }

    /// The comment the open reply form answers, without tracking.
    pub fn reply_target_untracked(&self) -> Option<CommentId> {
        self.reply_to.get_untracked()
    }

    /// True while comment `id` is being edited.
    pub fn is_editing(&self, id: &CommentId) -> bool {
        self.selected(|s| &s.editing, id)
    }

    /// Where the form for a new comment goes: under the comments, unless a reply
    /// form is open under a comment shown on this page. Why not only "no reply
    /// open": a reply open on another page (or under a comment deleted elsewhere)
    /// would leave the page with no form at all.
    pub fn form_at_bottom(&self) -> bool {
        let Some(target) = self.reply_to.get() else {
            return true;
        };
        let page = self.page.get();
        self.with_threads(|t| t.page_of(&target)) != Some(page)
    }

    /// True while a deletion can be undone.
    pub fn undo_pending(&self) -> bool {
        self.undo.with(Option::is_some)
    }

    /// The interface language now, for words said once (not kept up to date).
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// What the live region says now.
    pub fn announcement(&self) -> String {
        self.announcement.get()
    }

    /// How many saved replies could not be read.
    pub fn unreadable(&self) -> usize {
        self.unreadable.get()
    }

    /// The open edit's text, for the edit form of comment `id`.
    pub fn edit_text(&self) -> String {
        self.edit
            .with(|e| e.as_ref().map(|e| e.text.clone()))
            .unwrap_or_default()
    }

    /// True when comment `id` is published by the site (tracking the list).
    pub fn is_published(&self, id: &CommentId) -> bool {
        self.listed.with_value(|l| l.track());
        self.repo.with_value(|r| r.is_published(id))
    }

    /// True when comment `id` is the reader's own reply, published since.
    pub fn is_own_published(&self, id: &CommentId) -> bool {
        self.listed.with_value(|l| l.track());
        self.repo.with_value(|r| r.is_own_published(id))
    }

    /// True when reply `id` was sent for publishing from this browser.
    pub fn is_sent(&self, id: &CommentId) -> bool {
        self.sent.with(|s| s.contains(id))
    }

    /// How many replies live only in this browser (stored, not published).
    pub fn unpublished_count(&self) -> usize {
        self.listed.with_value(|l| l.track());
        self.repo.with_value(Repository::unpublished_count)
    }

    /// When the replies were last saved to a file.
    pub fn saved_at(&self) -> Option<i64> {
        self.saved.get()
    }

    /// Whether the browser promised to keep the replies (`None`: not known yet).
    pub fn persisted(&self) -> Option<bool> {
        self.persisted.get()
    }

    /// What the send panel sends, while it is open.
    pub fn sending(&self) -> Option<Sending> {
        self.sending.get()
    }

    /// The replies the open send panel sends (the one, or every unpublished one).
    pub fn sending_comments(&self) -> Vec<Comment> {
        match self.sending.get_untracked() {
            Some(Sending::One(id)) => self.comment_untracked(&id).into_iter().collect(),
            Some(Sending::All) => self.repo_mut(Repository::unpublished),
            None => Vec::new(),
        }
    }

    // ---- Intents ------------------------------------------------------------

    /// Opens the send panel for one reply or all of them.
    pub fn open_send(&self, what: Sending) {
        self.sending.set(Some(what));
    }

    /// Closes the send panel; focus goes back to the button that opened it.
    pub fn close_send(&self) {
        let Some(what) = self.sending.get_untracked() else {
            return;
        };
        self.sending.set(None);
        crate::glue::focus::focus_soon(&match what {
            Sending::One(id) => format!("#{} > .comment-body .send-button", id.anchor()),
            Sending::All => ".send-all-button".to_owned(),
        });
    }

    /// The replies `ids` went to the site's owner (by any route) at `now_ms`.
    pub fn mark_sent(&self, ids: &[CommentId], now_ms: i64) {
        let post = self.post_slug();
        self.with_store(|s| {
            for id in ids {
                // A mark only: if it cannot be kept, the reply was still sent.
                let _ = records::save_sent(s, &post, id, now_ms);
            }
        });
        self.sent.update(|s| s.extend(ids.iter().cloned()));
    }

    /// The replies were saved to a file at `now_ms`.
    pub fn mark_saved(&self, now_ms: i64) {
        let post = self.post_slug();
        let _ = self.with_store(|s| records::save_saved(s, &post, now_ms));
        self.saved.set(Some(now_ms));
    }

    /// What the browser said about keeping the site's data.
    pub fn set_persisted(&self, promised: bool) {
        self.persisted.set(Some(promised));
    }

    /// Says `message` in the comments' live region.
    pub fn announce(&self, message: impl Into<String>) {
        self.announcement.set(message.into());
    }

    /// Says that `what` failed and why (`what` is a sentence of the catalogue).
    pub fn announce_failure(&self, what: fn(Lang) -> &'static str, why: &StoreError) {
        let lang = self.lang.get_untracked();
        self.announce(format!("{} {}", what(lang), why.change_message(lang)));
    }

    /// Shows what a change touched: the list, and each changed comment shown.
    fn changed(&self, changed: Changed) {
        if changed.is_empty() {
            return;
        }
        self.shown.with_value(|s| {
            if changed.everything {
                s.iter().for_each(|(_, t)| t.notify());
            } else {
                for id in &changed.comments {
                    if let Ok(at) = s.binary_search_by(|(k, _)| k.cmp(id)) {
                        s[at].1.notify();
                    }
                }
            }
        });
        if changed.index || changed.everything {
            self.listed.with_value(ArcTrigger::notify);
        }
        if changed.everything {
            self.unreadable
                .set(self.repo.with_value(Repository::unreadable));
        }
        self.rescue_lost_reply();
    }

    /// Takes a comment the index lists but that cannot be read out of the list.
    pub fn set_aside(&self, id: &CommentId) {
        if self.repo_mut(|r| r.set_aside(id)) {
            self.unreadable
                .set(self.repo.with_value(Repository::unreadable));
            self.listed.with_value(ArcTrigger::notify);
        }
    }

    /// Applies changes another tab made (a batch of `storage` events).
    pub fn apply_remote(&self, changes: &[(Option<String>, Option<String>)]) {
        let post = self.post_slug();
        for (key, value) in changes {
            match key {
                Some(key) if key == &crate::storage::keys::saved(&post) => self
                    .saved
                    .set(value.as_deref().and_then(|v| v.parse().ok())),
                Some(key) => {
                    if let Some(id) = crate::storage::keys::sent_id_of(&post, key) {
                        self.sent.update(|s| {
                            if value.is_some() {
                                s.insert(id);
                            } else {
                                s.remove(&id);
                            }
                        });
                    }
                }
                None => {
                    self.sent
                        .set(self.with_store(|s| records::load_sent(s, &post)));
                    self.saved
                        .set(self.with_store(|s| records::load_saved(s, &post)));
                }
            }
        }
        let changed = self.repo_mut(|r| {
            r.apply_remote(changes.iter().map(|(k, v)| (k.as_deref(), v.as_deref())))
        });
        self.changed(changed);
    }

    /// Saves the index if it changed (the page is hidden or left).
    pub fn flush_index(&self) {
        self.repo.update_value(Repository::flush_index);
    }

    /// Opens the reply form under comment `id`.
    pub fn open_reply(&self, id: CommentId) {
        self.reply_to.set(Some(id));
    }

    /// Closes the reply form; the new comment's form shows again.
    pub fn cancel_reply(&self) {
        self.reply_to.set(None);
    }

    /// The reply form for `parent` lets the discussion take its draft over if
    /// the comment it answers goes (see [`Discussion::rescue_lost_reply`]).
    pub fn hold_reply_form(&self, parent: Option<CommentId>, take: TakeDraft) {
        self.reply_form.set_value(Some((parent, take)));
    }

    /// The reply form for `parent` is gone.
    pub fn release_reply_form(&self, parent: &Option<CommentId>) {
        let _ = self.reply_form.try_update_value(|f| {
            if f.as_ref().is_some_and(|(p, _)| p == parent) {
                *f = None;
            }
        });
    }

    /// The comment being answered went (deleted here or in another tab): the
    /// reply's text moves into the new comment's form, with a word, instead of
    /// vanishing with the form.
    fn rescue_lost_reply(&self) {
        let Some(target) = self.reply_to.get_untracked() else {
            return;
        };
        if self.repo.with_value(|r| r.index().contains(&target)) {
            return;
        }
        let held = self.reply_form.with_value(|f| {
            f.as_ref()
                .filter(|(p, _)| p.as_ref() == Some(&target))
                .map(|(_, take)| take.clone())
        });
        let post = self.post_slug();
        let draft = match held {
            Some(take) => take(),
            None => self.with_store(|s| records::load_draft(s, &post, Some(&target))),
        };
        let lang = self.lang.get_untracked();
        self.with_store(|s| {
            if let Some(draft) = draft.filter(|d| !d.comment.trim().is_empty()) {
                let mut main = records::load_draft(s, &post, None).unwrap_or_else(|| Draft {
                    comment: String::new(),
                    ..draft.clone()
                });
                main.comment = if main.comment.trim().is_empty() {
                    draft.comment
                } else {
                    format!("{}\n\n{}", main.comment, draft.comment)
                };
                if records::save_draft(s, &post, None, &main).is_ok() {
                    let _ = records::clear_draft(s, &post, Some(&target));
                }
                self.announce(lang.strings().reply_moved);
            }
        });
        self.reply_to.set(None);
    }

    /// Posts a comment after WordPress's flood and duplicate guards, and shows it.
    pub fn post(
        &self,
        parent: Option<CommentId>,
        valid: ValidComment,
        now_ms: i64,
    ) -> Result<Comment, PostError> {
        let id = CommentId::generate(now_ms, js_sys::Math::random());
        let first = self.repo.with_value(Repository::unpublished_count) == 0;
        let (comment, changed) = self.repo_mut(|r| r.post(parent, valid, now_ms, id))?;
        self.changed(changed);
        if first && self.persisted.get_untracked() != Some(true) {
            // The first reply kept here: ask the browser to keep the site's data.
            // Shown in "Your comments, your file" (`SentState`), not announced: the
            // live region is saying that the reply was posted.
            let discussion = *self;
            crate::glue::persist::ask_to_keep(move |kept| discussion.set_persisted(kept));
        }
        if self.reply_to.get_untracked().is_some() {
            // The form goes back under the comments (only if it moved: no rebuild).
            self.reply_to.set(None);
        }
        self.go_to(&comment.id);
        Ok(comment)
    }

    /// Opens the edit form of comment `id`, with the edit left unsaved before
    /// (a reload, or a form closed by a deletion), else the stored text.
    pub fn start_edit(&self, id: CommentId) {
        let post = self.post_slug();
        let text = self
            .with_store(|s| records::load_edit_draft(s, &post, &id))
            .or_else(|| self.comment_untracked(&id).map(|c| c.content))
            .unwrap_or_default();
        self.edit.set(Some(OpenEdit { id, text }));
    }

    /// What the reader typed into the edit form; kept across reloads.
    pub fn type_edit(&self, text: String) {
        let post = self.post_slug();
        let Some(id) = self
            .edit
            .with_untracked(|e| e.as_ref().map(|e| e.id.clone()))
        else {
            return;
        };
        // A cache of the typing: if it cannot be written, the text is still in the form.
        let _ = self.with_store(|s| records::save_edit_draft(s, &post, &id, &text));
        self.edit.update_untracked(|e| {
            if let Some(e) = e {
                e.text = text;
            }
        });
    }

    /// Closes the edit form without saving, and forgets the unsaved edit.
    pub fn cancel_edit(&self) {
        if let Some(open) = self.edit.get_untracked() {
            let post = self.post_slug();
            let _ = self.with_store(|s| records::clear_edit_draft(s, &post, &open.id));
            self.edit.set(None);
            crate::glue::focus::focus_soon(&edit_button(&open.id));
        }
    }

    /// Saves the open edit (already validated and trimmed). Unchanged text closes
    /// the form and writes nothing.
    pub fn save_edit(&self, text: String, now_ms: i64) -> Result<(), StoreError> {
        let Some(open) = self.edit.get_untracked() else {
            return Ok(());
        };
        let edited = self.repo_mut(|r| r.edit(&open.id, text, now_ms))?;
        let lang = self.lang.get_untracked();
        match edited {
            Edited::Saved(changed) => {
                self.changed(changed);
                self.announce(lang.strings().updated);
            }
            Edited::Unchanged => self.announce(lang.strings().not_changed),
            Edited::Gone => {}
        }
        let post = self.post_slug();
        let _ = self.with_store(|s| records::clear_edit_draft(s, &post, &open.id));
        self.edit.set(None);
        crate::glue::focus::focus_soon(&edit_button(&open.id));
        Ok(())
    }

    /// Deletes a comment at once; [`Discussion::undo_delete`] can put it back.
    pub fn delete(&self, id: &CommentId) -> Result<(), StoreError> {
        let Some(deletion) = self.repo_mut(|r| r.delete(id))? else {
            return Ok(());
        };
        // The Undo bar says "Comment deleted." itself: the live region says nothing
        // more, so the words show once and go with the bar (it may still say that
        // a reply moved, below).
        self.announce(String::new());
        self.changed(deletion.changed);
        let serial = self
            .undo
            .with_untracked(|u| u.as_ref().map_or(0, |u| u.serial + 1));
        self.undo.set(Some(PendingUndo {
            records: deletion.undo,
            serial,
        }));
        let undo = self.undo;
        // The notice goes after the window, unless a newer deletion replaced it.
        set_timeout(
            move || {
                if undo.try_with_untracked(|u| u.as_ref().map(|u| u.serial)) == Some(Some(serial)) {
                    let had_focus = crate::glue::focus::focus_is_in(".undo-bar");
                    undo.set(None);
                    if had_focus {
                        crate::glue::focus::focus_soon("#comments-title");
                    }
                }
            },
            UNDO_WINDOW,
        );
        Ok(())
    }

    /// Puts back exactly what the last deletion removed: same ids, times, replies.
    pub fn undo_delete(&self) -> Result<(), StoreError> {
        let Some(pending) = self.undo.get_untracked() else {
            return Ok(());
        };
        let changed = self.repo_mut(|r| r.restore(&pending.records))?;
        self.changed(changed);
        self.undo.set(None);
        self.announce(self.lang.get_untracked().strings().restored);
        if let Some(first) = pending.records.first() {
            self.go_to(&first.id);
            crate::glue::focus::focus_soon(&format!("#{} > .comment-body", first.id.anchor()));
        }
        Ok(())
    }

    /// Shows the page that holds `id` and marks the comment.
    pub fn go_to(&self, id: &CommentId) {
        if let Some(page) = self.with_threads_untracked(|t| t.page_of(id)) {
            self.page_asked.set(page);
            self.highlighted.set(Some(id.clone()));
        }
    }

    /// Shows page `n` of the comments (clamped to the pages there are) and puts
    /// the reader at its first comment.
    pub fn show_page(&self, n: usize) {
        let last = self.with_threads_untracked(|t| t.page_count());
        self.page_asked.set(n.clamp(1, last));
        self.highlighted.set(None);
        crate::glue::focus::focus_soon(".comment-list > li:first-child > .comment-body");
    }

    /// Shows page `n` without moving focus (the address named it on opening).
    pub fn show_page_quietly(&self, n: usize) {
        let last = self.with_threads_untracked(|t| t.page_count());
        self.page_asked.set(n.clamp(1, last));
        self.highlighted.set(None);
    }

    /// Shows the threads in `order`, and remembers it.
    pub fn set_order(&self, order: Order) {
        self.order.set(order);
        self.page_asked.set(1);
        let _ = self.with_store(|s| records::save_order(s, order));
    }

    /// The export file's name and JSON.
    pub fn export(&self, now_ms: i64) -> (String, String) {
        self.repo.with_value(|r| r.export(now_ms))
    }

    /// Imports an export and says how it went.
    pub fn import(&self, text: &str) -> Result<String, ImportError> {
        let (report, changed) = self.repo_mut(|r| r.import(text))?;
        self.changed(changed);
        Ok(report.message(self.lang.get_untracked()))
    }
}

/// The Edit button of comment `id`, where focus goes back after editing.
fn edit_button(id: &CommentId) -> String {
    format!("#{} > .comment-body .edit-button", id.anchor())
}
