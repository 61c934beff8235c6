//! Where each reply stands on its way to the owner (`comments::sent`): saved to a
//! file, sent, changed since sent, each kept per reply; older pages' keys still
//! read; a mark the store would not keep is not there; marks go with their reply.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{comment, POST};
use goosebumps::comments::sent::{self, is_mark_key, Kind, Mark, State};
use goosebumps::comments::thread::fingerprint;
use goosebumps::comments::Comment;
use goosebumps::storage::{keys, records, MemoryStore, Store};

fn state(store: &dyn Store, c: &Comment) -> State {
    sent::state(store, POST, &c.id, fingerprint(&c.content), c.created_ms)
}

#[test]
fn saved_then_sent_then_changed() {
    let store = MemoryStore::new();
    let a = comment("a1", None, 1_000);
    assert_eq!(state(&store, &a), State::Unsent);
    assert!(state(&store, &a).only_here());

    sent::mark(&store, POST, Kind::Saved, std::slice::from_ref(&a), 5_000).unwrap();
    assert_eq!(state(&store, &a), State::Saved(5_000));
    assert!(!state(&store, &a).only_here());
    // Kept per reply, under its own key, with the text's fingerprint.
    let key = format!("{}a1", keys::saved_prefix(POST));
    assert_eq!(
        store.get(&key).unwrap(),
        Some(format!("5000 {}", fingerprint(&a.content) as i64))
    );
    assert!(is_mark_key(POST, &key));

    // The reader says they sent the file they saved.
    sent::mark(
        &store,
        POST,
        Kind::SentFile,
        std::slice::from_ref(&a),
        6_000,
    )
    .unwrap();
    assert_eq!(state(&store, &a), State::Sent);

    // Edited after sending: changed since sent; a file of the new text does not
    // make it sent, sending it again does.
    let edited = a.edited("A better text.".into(), 7_000);
    assert_eq!(state(&store, &edited), State::Changed(None));
    assert!(state(&store, &edited).only_here());
    sent::mark(
        &store,
        POST,
        Kind::Saved,
        std::slice::from_ref(&edited),
        8_000,
    )
    .unwrap();
    assert_eq!(state(&store, &edited), State::Changed(Some(8_000)));
    assert!(!state(&store, &edited).only_here());
    sent::mark(
        &store,
        POST,
        Kind::Sent,
        std::slice::from_ref(&edited),
        9_000,
    )
    .unwrap();
    assert_eq!(state(&store, &edited), State::Sent);

    // Saved, edited, then "I sent the file": what was sent is the file's text.
    let b = comment("b1", None, 2_000);
    sent::mark(&store, POST, Kind::Saved, std::slice::from_ref(&b), 5_000).unwrap();
    let b2 = b.edited("Changed after saving.".into(), 6_000);
    assert_eq!(state(&store, &b2), State::Unsent);
    sent::mark(
        &store,
        POST,
        Kind::SentFile,
        std::slice::from_ref(&b2),
        7_000,
    )
    .unwrap();
    assert_eq!(state(&store, &b), State::Sent);
    assert_eq!(state(&store, &b2), State::Changed(None));
    // No saved mark (the browser would not keep it): sent as it is now.
    let c = comment("c1", None, 3_000);
    sent::mark(
        &store,
        POST,
        Kind::SentFile,
        std::slice::from_ref(&c),
        7_000,
    )
    .unwrap();
    assert_eq!(state(&store, &c), State::Sent);
}

#[test]
fn older_pages_keys_are_read() {
    let store = MemoryStore::new();
    let (a, b, c) = (
        comment("a1", None, 1_000),
        comment("b1", None, 3_000),
        comment("c1", None, 9_000),
    );
    // An old sent mark is a bare time: it holds for any text.
    store.set(&keys::sent(POST, &a.id), "4000").unwrap();
    // The old one date for the post: the replies written before it were in that file.
    store.set(&keys::saved(POST), "5000").unwrap();
    assert_eq!(state(&store, &a), State::Sent);
    assert_eq!(state(&store, &a.edited("New.".into(), 6_000)), State::Sent);
    assert_eq!(state(&store, &b), State::Saved(5_000));
    assert_eq!(state(&store, &c), State::Unsent);
    assert!(is_mark_key(POST, &keys::saved(POST)));
    assert!(!is_mark_key(POST, &keys::comment(POST, &a.id)));
    assert_eq!(
        Mark::parse("12 34"),
        Some(Mark {
            at: 12,
            text: Some(34)
        })
    );
    assert_eq!(Mark::parse("12 x"), None);
    assert_eq!(Mark::parse("soon"), None);
}

#[test]
fn a_mark_the_store_would_not_keep_is_not_there() {
    let a = comment("a1", None, 1_000);
    let store = MemoryStore::with_quota(10);
    assert!(sent::mark(&store, POST, Kind::Sent, std::slice::from_ref(&a), 5_000).is_err());
    assert_eq!(state(&store, &a), State::Unsent);
}

#[test]
fn marks_go_with_their_reply_and_come_back_with_undo() {
    let store = MemoryStore::new();
    let (a, b) = (comment("a1", None, 1_000), comment("b1", None, 2_000));
    records::save_comment(&store, &a).unwrap();
    records::save_comment(&store, &b).unwrap();
    sent::mark(&store, POST, Kind::Saved, &[a.clone(), b.clone()], 5_000).unwrap();
    sent::mark(&store, POST, Kind::Sent, std::slice::from_ref(&a), 6_000).unwrap();
    let taken = sent::take(&store, POST, [a.id.clone()]);
    assert_eq!(taken.len(), 2);
    assert_eq!(state(&store, &a), State::Unsent);
    assert!(store
        .keys_with_prefix(&keys::sent_prefix(POST))
        .unwrap()
        .is_empty());
    assert_eq!(state(&store, &b), State::Saved(5_000));
    for (key, value) in &taken {
        store.set(key, value).unwrap();
    }
    assert_eq!(state(&store, &a), State::Sent);

    // A reply deleted by an older page left its marks: they go at the next visit.
    records::remove_comment(&store, POST, &a.id).unwrap();
    store
        .set(&format!("{}not-an-id!", keys::sent_prefix(POST)), "1")
        .unwrap();
    sent::prune(&store, POST);
    assert_eq!(
        store.keys_with_prefix(&keys::sent_prefix(POST)).unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(state(&store, &b), State::Saved(5_000));
}
