//! Native tests of the comments' repository: post, edit, delete and Undo, import,
//! another tab's changes and a crash, with an injected clock and ids — the page's
//! own code paths without a browser.
#![cfg(not(target_arch = "wasm32"))]

use crate::common;

use common::{comment, id, valid, POST};
use goosebumps::comments::export::{self, Refusal};
use goosebumps::comments::{Comment, Draft};
use goosebumps::repository::{Edited, Repository};
use goosebumps::storage::{keys, records, MemoryStore, Store};
use std::rc::Rc;

const MINUTE: i64 = 60_000;

fn open(store: &Rc<MemoryStore>) -> Repository {
    Repository::open(POST, store.clone())
}

fn export_of(comments: &[Comment]) -> String {
    export::export_json(POST, "2026-12-02T00:00:00Z".into(), comments, &[])
}

#[test]
fn a_post_is_stored_listed_and_refused_twice() {
    let store = Rc::new(MemoryStore::new());
    let mut repo = open(&store);
    let (c, changed) = repo.post(None, valid("Hello"), MINUTE, id("a1")).unwrap();
    assert!(changed.index && changed.comments == vec![id("a1")]);
    assert_eq!(repo.index().count(), 1);
    assert_eq!(
        records::load_comment(store.as_ref(), POST, &c.id).unwrap(),
        Some(c)
    );
    // WordPress's guards: the same text again, then too soon after.
    assert!(repo
        .post(None, valid("Hello"), 3 * MINUTE, id("a2"))
        .is_err());
    assert!(repo
        .post(None, valid("Other"), MINUTE + 1_000, id("a3"))
        .is_err());
    assert_eq!(repo.index().count(), 1);
}

#[test]
fn an_edit_that_changes_nothing_writes_nothing() {
    let store = Rc::new(MemoryStore::new());
    let mut repo = open(&store);
    repo.post(None, valid("Same words"), MINUTE, id("a1"))
        .unwrap();
    // The form trims as WordPress does: trailing spaces are no change either.
    let trimmed = goosebumps::comments::validation::validate_text("Same words   ").unwrap();
    assert_eq!(
        repo.edit(&id("a1"), trimmed.to_owned(), 2 * MINUTE)
            .unwrap(),
        Edited::Unchanged
    );
    let stored = records::load_comment(store.as_ref(), POST, &id("a1"))
        .unwrap()
        .unwrap();
    assert_eq!(stored.edited_ms, None, "not marked (edited)");
    assert!(stored.history.is_empty(), "no identical revision");
    // A real change is saved with the old text in its history.
    assert!(matches!(
        repo.edit(&id("a1"), "New words".into(), 3 * MINUTE)
            .unwrap(),
        Edited::Saved(_)
    ));
    let stored = records::load_comment(store.as_ref(), POST, &id("a1"))
        .unwrap()
        .unwrap();
    assert_eq!(stored.content, "New words");
    assert_eq!(stored.history.len(), 1);
    assert_eq!(
        repo.edit(&id("zz"), "x".into(), 4 * MINUTE).unwrap(),
        Edited::Gone
    );
}

#[test]
fn delete_and_undo_put_back_exactly_what_was_there() {
    let store = Rc::new(MemoryStore::new());
    let mut repo = open(&store);
    repo.post(None, valid("Parent"), MINUTE, id("p")).unwrap();
    repo.post(Some(id("p")), valid("Child"), 2 * MINUTE, id("c"))
        .unwrap();
    // A comment with a reply becomes a placeholder; the count drops by one.
    let deletion = repo.delete(&id("p")).unwrap().unwrap();
    assert!(deletion.removed.is_empty());
    assert_eq!(repo.index().count(), 1);
    // Deleting the reply takes the placeholder with it.
    let second = repo.delete(&id("c")).unwrap().unwrap();
    assert_eq!(second.removed, vec![id("c"), id("p")]);
    assert_eq!(repo.index().count(), 0);
    repo.restore(&second.undo).unwrap();
    repo.restore(&deletion.undo).unwrap();
    assert_eq!(repo.index().count(), 2);
    assert_eq!(repo.body(&id("p")).unwrap().content, "Parent");
    assert!(!repo.body(&id("p")).unwrap().deleted);
}

#[test]
fn after_a_crash_the_records_win_over_a_stale_index() {
    let store = Rc::new(MemoryStore::new());
    let mut repo = open(&store);
    repo.post(None, valid("Parent"), MINUTE, id("p")).unwrap();
    repo.post(Some(id("p")), valid("Child"), 2 * MINUTE, id("c"))
        .unwrap();
    repo.flush_index();
    assert!(store.get(&keys::index(POST)).unwrap().is_some());
    // The parent becomes a placeholder, and the tab dies before `pagehide`:
    // the index is never saved again.
    repo.delete(&id("p")).unwrap();
    drop(repo);
    let mut reopened = open(&store);
    assert_eq!(
        reopened.index().count(),
        1,
        "the placeholder does not count"
    );
    // …and the placeholder can still go with its last reply.
    reopened.delete(&id("c")).unwrap();
    drop(reopened);
    assert_eq!(open(&store).index().len(), 0);
}

#[test]
fn another_tabs_changes_apply_in_one_batch() {
    let store = Rc::new(MemoryStore::new());
    let mut repo = open(&store);
    let elsewhere: Vec<Comment> = (0..300)
        .map(|n| comment(&format!("r{n}"), None, 1_000 + n))
        .collect();
    let encoded: Vec<(String, String)> = elsewhere
        .iter()
        .map(|c| {
            records::save_comment(store.as_ref(), c).unwrap();
            (keys::comment(POST, &c.id), records::encode_comment(c))
        })
        .collect();
    let changed = repo.apply_remote(
        encoded
            .iter()
            .map(|(k, v)| (Some(k.as_str()), Some(v.as_str())))
            .chain([(Some("goosebumps/v1/lang"), Some("es"))]),
    );
    assert!(changed.index);
    assert_eq!(repo.index().count(), 300);
    let gone = keys::comment(POST, &id("r7"));
    repo.apply_remote([(Some(gone.as_str()), None)]);
    assert_eq!(repo.index().count(), 299);
    // The whole store cleared elsewhere: read again.
    assert!(repo.apply_remote([(None, None)]).everything);
}

#[test]
fn an_import_refuses_loops_and_reserved_ids_and_moves_deep_replies_up() {
    let store = Rc::new(MemoryStore::new());
    let mut repo = open(&store);
    let mut file = vec![comment("a", Some("b"), 10), comment("b", Some("a"), 20)];
    // A chain 30 deep under a top-level comment.
    file.push(comment("d0", None, 30));
    for n in 1..30 {
        file.push(comment(
            &format!("d{n}"),
            Some(&format!("d{}", n - 1)),
            30 + n,
        ));
    }
    // A reply to a comment that is nowhere.
    file.push(comment("lost", Some("nowhere"), 100));
    let mut json = export_of(&file);
    // Ids the page uses for its own elements and keys.
    for reserved in ["new", "order", "counter", "error"] {
        let c = comment("placeholder", None, 200);
        let text = serde_json::to_string(&c)
            .unwrap()
            .replace("placeholder", reserved);
        json = json.replacen("\"comments\": [", &format!("\"comments\": [{text},"), 1);
    }
    let (report, _) = repo.import(&json).unwrap();
    assert_eq!(report.imported, 30);
    assert_eq!(report.refused_for(&Refusal::Loop), 2);
    assert_eq!(report.refused_for(&Refusal::ReservedId), 4);
    assert_eq!(report.refused_for(&Refusal::MissingParent), 1);
    assert_eq!(report.moved_up, 25);
    assert_eq!(repo.index().count(), 30, "what is counted is what is shown");
    let rows = repo.index().threads(Default::default()).rows(1);
    assert_eq!(rows.len(), 30);
    assert!(rows.iter().all(|r| r.depth <= 5));
    // The deep replies answer the fourth reply of the chain, so they sit at depth 5.
    assert_eq!(repo.body(&id("d29")).unwrap().parent_id, Some(id("d3")));
    let message = report.to_string();
    assert!(
        message.starts_with(
            "30 imported, 0 already here, 7 could not be read (4 × an id the page itself uses; "
        ),
        "{message}"
    );
    assert!(message.len() < 400, "summarised by reason: {message}");
    // Again: everything is already here.
    let (again, _) = repo.import(&json).unwrap();
    assert_eq!((again.imported, again.already_here), (0, 30));
}

#[test]
fn a_posted_draft_goes_but_another_tabs_text_stays() {
    let store = MemoryStore::new();
    let mine = Draft {
        comment: "Tab A's words".into(),
        ..Draft::default()
    };
    records::save_draft(&store, POST, None, &mine).unwrap();
    // Tab B wrote its own text into the same key meanwhile.
    let theirs = Draft {
        comment: "Tab B's words".into(),
        ..Draft::default()
    };
    records::save_draft(&store, POST, None, &theirs).unwrap();
    records::clear_draft_if_posted(&store, POST, None, "Tab A's words").unwrap();
    assert_eq!(records::load_draft(&store, POST, None), Some(theirs));
    records::clear_draft_if_posted(&store, POST, None, "Tab B's words").unwrap();
    assert_eq!(records::load_draft(&store, POST, None), None);
}

#[test]
fn posting_a_reply_keeps_the_new_comments_text_without_the_identity() {
    let store = MemoryStore::new();
    let half_written = Draft {
        comment: "Half a thought".into(),
        author: "Ana".into(),
        email: "ana@example.com".into(),
        url: "https://example.com".into(),
        remember: false,
    };
    records::save_draft(&store, POST, None, &half_written).unwrap();
    records::strip_identity_from_draft(&store, POST).unwrap();
    let kept = records::load_draft(&store, POST, None).unwrap();
    assert_eq!(kept.comment, "Half a thought");
    assert_eq!(
        (kept.author.as_str(), kept.email.as_str(), kept.url.as_str()),
        ("", "", "")
    );
}

#[test]
fn an_unsaved_edit_is_kept_until_saved_or_cancelled() {
    let store = MemoryStore::new();
    assert_eq!(records::load_edit_draft(&store, POST, &id("a1")), None);
    records::save_edit_draft(&store, POST, &id("a1"), "half an edit").unwrap();
    assert_eq!(
        records::load_edit_draft(&store, POST, &id("a1")).as_deref(),
        Some("half an edit")
    );
    records::clear_edit_draft(&store, POST, &id("a1")).unwrap();
    assert_eq!(records::load_edit_draft(&store, POST, &id("a1")), None);
}
