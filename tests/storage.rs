//! Native tests: storage keys and encoding, drafts and identity, and values that
//! cannot be read being skipped and kept.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::comments::{order, CommentId, Draft, Identity};
use goosebumps::i18n::Lang;
use goosebumps::storage::records::{self, Unreadable, View};
use goosebumps::storage::{keys, MemoryStore, Store, StoreError};
use goosebumps::time;

use crate::common;
use common::{hostile_comment as comment, POST};

#[test]
fn keys_are_namespaced_versioned_and_one_per_comment() {
    let c = comment("abc123", 1);
    assert_eq!(
        keys::comment(POST, &c.id),
        "goosebumps/v1/comment/miracle-in-cell-no-7/abc123"
    );
    assert_eq!(
        keys::draft(POST, None),
        "goosebumps/v1/draft/miracle-in-cell-no-7/new"
    );
    assert_eq!(
        keys::draft(POST, Some(&c.id)),
        "goosebumps/v1/draft/miracle-in-cell-no-7/abc123"
    );
    assert_eq!(keys::identity(), "goosebumps/v1/identity");
    assert_eq!(keys::view(POST), "goosebumps/v1/view/miracle-in-cell-no-7");
    assert_eq!(
        keys::comment_id_of(POST, &keys::comment(POST, &c.id)),
        Some(c.id)
    );
    assert_eq!(
        keys::comment_id_of(POST, "goosebumps/v1/comment/miracle-in-cell-no-7/Bad Id"),
        None
    );
}

#[test]
fn a_comment_round_trips_through_its_encoding() {
    let c = comment("abc123", 1_764_089_173_000);
    let encoded = records::encode_comment(&c);
    assert!(encoded.starts_with(r#"{"v":2,"#), "{encoded}");
    assert_eq!(
        records::decode_comment(POST, &c.id, &encoded),
        Ok(c.clone())
    );
    let other = CommentId::parse("other").unwrap();
    assert!(
        records::decode_comment(POST, &other, &encoded).is_err(),
        "a record under another key is refused"
    );
}

#[test]
fn saving_and_loading_comments_keeps_them_oldest_first() {
    let store = MemoryStore::new();
    for c in [comment("ccc", 30), comment("aaa", 10), comment("bbb", 20)] {
        records::save_comment(&store, &c).unwrap();
    }
    let loaded = records::load_comments(&store, POST).unwrap();
    let ids: Vec<_> = loaded.comments.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["aaa", "bbb", "ccc"]);
    assert!(loaded.unreadable.is_empty());
    assert!(records::load_comments(&store, "another-post")
        .unwrap()
        .comments
        .is_empty());
}

#[test]
fn unreadable_values_are_skipped_reported_and_left_in_place() {
    let store = MemoryStore::new();
    records::save_comment(&store, &comment("good", 1)).unwrap();
    let prefix = keys::comments_prefix(POST);
    let damaged = [
        (format!("{prefix}notjson"), "{not json".to_owned()),
        (
            format!("{prefix}wrongtypes"),
            r#"{"v":1,"comment":{"id":5}}"#.to_owned(),
        ),
        (
            format!("{prefix}future"),
            r#"{"v":9,"comment":{}}"#.to_owned(),
        ),
        (
            format!("{prefix}Bad Key!"),
            records::encode_comment(&comment("good", 1)),
        ),
        (
            format!("{prefix}elsewhere"),
            records::encode_comment(&comment("good", 1)),
        ),
    ];
    for (key, value) in &damaged {
        store.set(key, value).unwrap();
    }
    let loaded = records::load_comments(&store, POST).unwrap();
    assert_eq!(loaded.comments.len(), 1);
    assert_eq!(loaded.unreadable.len(), damaged.len());
    assert!(loaded
        .unreadable
        .contains(&Unreadable::BadKey(format!("{prefix}Bad Key!"))));
    for (key, value) in &damaged {
        assert_eq!(
            store.get(key).unwrap().as_ref(),
            Some(value),
            "{key} is untouched"
        );
    }
}

#[test]
fn drafts_are_saved_restored_and_cleared() {
    let store = MemoryStore::new();
    assert_eq!(records::load_draft(&store, POST, None), None);
    let draft = Draft {
        comment: "half a thought".into(),
        author: "Ana".into(),
        ..Draft::default()
    };
    records::save_draft(&store, POST, None, &draft).unwrap();
    assert_eq!(records::load_draft(&store, POST, None), Some(draft));
    records::save_draft(&store, POST, None, &Draft::default()).unwrap();
    assert_eq!(
        store.get(&keys::draft(POST, None)).unwrap(),
        None,
        "an empty draft leaves no key"
    );
    store.set(&keys::draft(POST, None), "garbage").unwrap();
    assert_eq!(records::load_draft(&store, POST, None), None);
    assert_eq!(
        store.get(&keys::draft(POST, None)).unwrap().as_deref(),
        Some("garbage")
    );
}

#[test]
fn identity_is_remembered_and_forgotten_and_prefills_a_new_form() {
    let store = MemoryStore::new();
    let who = Identity {
        author: "Ana".into(),
        email: "ana@example.com".into(),
        url: "https://ana.example".into(),
    };
    records::save_identity(&store, &who).unwrap();
    let loaded = records::load_identity(&store);
    assert_eq!(loaded.as_ref(), Some(&who));
    let form = Draft::from_identity(loaded.as_ref());
    assert_eq!(
        (form.author.as_str(), form.remember, form.comment.as_str()),
        ("Ana", true, "")
    );
    records::forget_identity(&store).unwrap();
    assert_eq!(records::load_identity(&store), None);
    assert_eq!(Draft::from_identity(None), Draft::default());
}

#[test]
fn the_chosen_view_is_remembered_per_post() {
    let store = MemoryStore::new();
    assert_eq!(records::load_view(&store, POST), View::Text);
    records::save_view(&store, POST, View::Video).unwrap();
    assert_eq!(records::load_view(&store, POST), View::Video);
    store.set(&keys::view(POST), "nonsense").unwrap();
    assert_eq!(records::load_view(&store, POST), View::Text);
}

#[test]
fn a_full_store_refuses_and_keeps_what_it_has() {
    let store = MemoryStore::with_quota(400);
    records::save_comment(&store, &comment("first", 1)).unwrap();
    let mut big = comment("second", 2);
    big.content = "x".repeat(500);
    assert_eq!(records::save_comment(&store, &big), Err(StoreError::Full));
    assert_eq!(
        records::load_comments(&store, POST).unwrap().comments.len(),
        1
    );
    assert!(StoreError::Full
        .to_string()
        .starts_with("Your browser's storage for this site is full, so this reply was not saved."));
}

#[test]
fn ids_are_url_safe_sortable_and_distinct() {
    let a = CommentId::generate(1_764_089_173_000, 0.1);
    let b = CommentId::generate(1_764_089_173_000, 0.2);
    let later = CommentId::generate(1_764_089_173_001, 0.0);
    assert_ne!(a, b);
    assert!(a < later && b < later);
    assert_eq!(a.as_str().len(), 15);
    assert!(CommentId::parse(a.as_str()).is_some());
    assert_eq!(a.anchor(), format!("comment-{a}"));
    for bad in [
        "",
        "UPPER",
        "with space",
        "slash/",
        "<script>",
        &"a".repeat(65),
    ] {
        assert!(CommentId::parse(bad).is_none(), "{bad:?}");
    }
}

#[test]
fn new_comments_are_inserted_in_order() {
    let mut list = vec![comment("aaa", 10), comment("ccc", 30)];
    order::insert_sorted(&mut list, comment("bbb", 20));
    order::insert_sorted(&mut list, comment("ddd", 40));
    order::insert_sorted(&mut list, comment("aaa", 10));
    let ids: Vec<_> = list.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["aaa", "bbb", "ccc", "ddd"]);
}

#[test]
fn dates_are_iso_for_machines_and_wordpress_words_for_readers() {
    let ms = 1_764_089_173_000; // 2025-11-25T16:46:13Z
    assert_eq!(time::iso_utc(ms), "2025-11-25T16:46:13Z");
    assert_eq!(
        time::display(ms, 0, Lang::En),
        "November 25, 2025 at 4:46 pm"
    );
    assert_eq!(
        time::display(ms, 60, Lang::En),
        "November 25, 2025 at 5:46 pm"
    );
    assert_eq!(
        time::display(ms, -17 * 60, Lang::En),
        "November 24, 2025 at 11:46 pm"
    );
    assert_eq!(time::display(0, 0, Lang::En), "January 1, 1970 at 12:00 am");
    assert_eq!(time::iso_utc(951_782_400_000), "2000-02-29T00:00:00Z");
    assert_eq!(
        time::display(951_825_600_000, 0, Lang::En),
        "February 29, 2000 at 12:00 pm"
    );
}

#[test]
fn schema_v1_records_migrate_to_v2_on_read_and_are_not_rewritten() {
    let store = MemoryStore::new();
    let prefix = keys::comments_prefix(POST);
    // Exactly what the first release wrote.
    let v1 = r#"{"v":1,"comment":{"id":"old1","post":"miracle-in-cell-no-7","parent_id":null,"author":"Ana","email":"ana@example.com","url":"https://ana.example","content":"From v1","created_ms":1700000000000}}"#;
    store.set(&format!("{prefix}old1"), v1).unwrap();
    let loaded = records::load_comments(&store, POST).unwrap();
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    let c = &loaded.comments[0];
    assert_eq!(
        (c.content.as_str(), c.url.as_deref(), c.created_ms),
        ("From v1", Some("https://ana.example"), 1_700_000_000_000)
    );
    assert_eq!((c.edited_ms, c.history.len(), c.deleted), (None, 0, false));
    assert_eq!(
        store.get(&format!("{prefix}old1")).unwrap().as_deref(),
        Some(v1),
        "reading does not rewrite"
    );

    // Saved again (e.g. after an edit), it is written as v2 and reads back the same.
    let edited = c.edited("Edited in v2".into(), 1_700_000_100_000);
    records::save_comment(&store, &edited).unwrap();
    let stored = store.get(&format!("{prefix}old1")).unwrap().unwrap();
    assert!(stored.starts_with(r#"{"v":2,"#));
    assert_eq!(
        records::load_comments(&store, POST).unwrap().comments,
        vec![edited]
    );

    // A v1 record with v2's fields is not v1: refused, left in place.
    let wrong = v1
        .replace(r#""created_ms""#, r#""deleted":true,"created_ms""#)
        .replace("old1", "old2");
    store.set(&format!("{prefix}old2"), &wrong).unwrap();
    assert_eq!(
        records::load_comments(&store, POST)
            .unwrap()
            .unreadable
            .len(),
        1
    );
}
