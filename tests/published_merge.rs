//! Native tests: published replies merge into the repository's one thread (counts,
//! order, pages, permalinks), are never written to the store, and a reply that is
//! both stored here and published is listed once, as published.
#![cfg(not(target_arch = "wasm32"))]

use crate::common;

use common::{comment, id, valid, POST};
use goosebumps::comments::published::PublishedReply;
use goosebumps::comments::thread::Order;
use goosebumps::content::site::{bundled_site, LIVE_OWNER};
use goosebumps::repository::Repository;
use goosebumps::storage::{keys, records, MemoryStore, Store};
use std::rc::Rc;

const MINUTE: i64 = 60_000;

fn published(i: &str, parent: Option<&str>, created_ms: i64) -> PublishedReply {
    PublishedReply {
        id: id(i),
        parent: parent.map(id),
        author: format!("author {i}"),
        url: None,
        content: format!("published {i}"),
        created_ms,
    }
}

#[test]
fn published_replies_are_listed_with_stored_ones_and_never_stored() {
    let store = Rc::new(MemoryStore::new());
    let mut repo = Repository::open(POST, store.clone());
    repo.post(None, valid("Mine"), 3 * MINUTE, id("m1"))
        .unwrap();
    let changed = repo.add_published(vec![
        published("wp-1", None, MINUTE),
        published("wp-2", Some("wp-1"), 2 * MINUTE),
    ]);
    assert!(changed.index);
    assert_eq!(repo.index().count(), 3);
    let threads = repo.index().threads(Order::OldestFirst);
    assert_eq!(threads.roots_on_page(1), vec![id("wp-1"), id("m1")]);
    assert_eq!(threads.replies(&id("wp-1")), &[id("wp-2")]);
    assert_eq!(threads.page_of(&id("wp-2")), Some(1));
    assert!(repo.is_published(&id("wp-2")) && !repo.is_published(&id("m1")));
    assert_eq!(repo.unpublished_count(), 1);
    assert_eq!(repo.body(&id("wp-2")).unwrap().content, "published wp-2");
    // Nothing of them is written: no comment key, and the saved index lists only "m1".
    repo.flush_index();
    assert!(store
        .get(&keys::comment(POST, &id("wp-1")))
        .unwrap()
        .is_none());
    let reopened = records::open_index(store.as_ref(), POST).unwrap();
    assert!(!reopened.changed);
    assert_eq!(
        reopened.index.ids().cloned().collect::<Vec<_>>(),
        vec![id("m1")]
    );
    // Edit and Delete give way: a published reply is not changed here.
    assert!(repo.delete(&id("wp-1")).unwrap().is_none());
}

#[test]
fn a_reply_stored_here_and_published_is_listed_once_as_published() {
    let store = Rc::new(MemoryStore::new());
    let mut repo = Repository::open(POST, store.clone());
    let (mine, _) = repo.post(None, valid("Mine"), MINUTE, id("m1")).unwrap();
    let reply = PublishedReply::from_comment(&mine, true).unwrap();
    repo.add_published(vec![reply.clone()]);
    assert_eq!(repo.index().count(), 1);
    assert_eq!(repo.unpublished_count(), 0);
    assert!(repo.unpublished().is_empty());
    assert!(repo.is_published(&id("m1")));
    // The local copy stays (in exports too), and a reader can still answer it.
    assert!(records::load_comment(store.as_ref(), POST, &id("m1"))
        .unwrap()
        .is_some());
    let (export, _) = (repo.export(2 * MINUTE), ());
    assert!(export.1.contains("ana@example.com"));
    repo.post(Some(id("m1")), valid("An answer"), 3 * MINUTE, id("m2"))
        .unwrap();
    assert_eq!(repo.index().count(), 2);
    assert_eq!(repo.unpublished_count(), 1);
    // Another tab's change to the stored copy does not list it twice.
    let changed = repo.apply_remote([(
        Some(keys::comment(POST, &id("m1")).as_str()),
        Some(records::encode_comment(&comment("m1", None, MINUTE)).as_str()),
    )]);
    assert!(changed.index);
    assert_eq!(repo.index().count(), 2);
    // The saved index keeps the stored entry, so reopening without the published
    // file lists the reader's own reply as before.
    repo.flush_index();
    let again = Repository::open(POST, store.clone());
    assert_eq!(again.index().count(), 2);
    assert!(again.index().contains(&id("m1")));
}

#[test]
fn ten_thousand_published_replies_are_one_rebuild() {
    let store = Rc::new(MemoryStore::new());
    let mut repo = Repository::open(POST, store);
    let replies: Vec<_> = (0..10_000)
        .map(|i| published(&format!("wp-{i}"), None, i64::from(i) * MINUTE))
        .collect();
    let start = std::time::Instant::now();
    repo.add_published(replies);
    assert_eq!(repo.index().count(), 10_000);
    assert_eq!(repo.index().threads(Order::OldestFirst).page_count(), 200);
    assert!(start.elapsed().as_secs() < 5);
}

#[test]
fn the_browser_reads_the_owner_as_the_settings_say() {
    let site = bundled_site().unwrap();
    assert_eq!(LIVE_OWNER.name, site.owner.name.as_str());
    assert_eq!(
        LIVE_OWNER.email,
        site.owner.email.as_ref().map(|e| e.as_str())
    );
}

#[test]
fn only_the_readers_own_published_reply_is_marked() {
    let store = Rc::new(MemoryStore::new());
    let mut repo = Repository::open(POST, store);
    let (mine, _) = repo.post(None, valid("Mine"), MINUTE, id("m1")).unwrap();
    repo.add_published(vec![
        PublishedReply::from_comment(&mine, true).unwrap(),
        published("wp-1", None, 2 * MINUTE),
    ]);
    assert!(repo.is_own_published(&id("m1")));
    assert!(!repo.is_own_published(&id("wp-1")));
}
