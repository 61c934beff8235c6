//! Native tests: threads, depth, pages and permalinks, deleting with placeholders,
//! WordPress's duplicate and flood guards, and the export format.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::comments::export::{self, ExportedDraft, ImportError, Refusal};
use goosebumps::comments::guards::{check_duplicate, check_flood, GuardError, FLOOD_INTERVAL_MS};
use goosebumps::comments::thread::{plan_delete, Index, Order, Row, MAX_DEPTH, THREADS_PER_PAGE};
use goosebumps::comments::FieldError;
use goosebumps::comments::{Comment, CommentId, Draft, ValidComment};
use goosebumps::storage::records;
use goosebumps::storage::{keys, MemoryStore, Store};
use std::collections::HashMap;

use crate::common;
use common::{comment, id, POST};

fn rows(rows: &[Row]) -> Vec<(String, usize)> {
    rows.iter().map(|r| (r.id.to_string(), r.depth)).collect()
}

#[test]
fn threads_nest_replies_oldest_first_under_their_parent() {
    let all = [
        comment("a", None, 10),
        comment("b", None, 20),
        comment("a2", Some("a"), 40),
        comment("a1", Some("a"), 30),
        comment("a1x", Some("a1"), 50),
    ];
    let index = Index::from_comments(&all);
    let t = index.threads(Order::OldestFirst);
    assert_eq!(
        rows(&t.rows(1)),
        [("a", 1), ("a1", 2), ("a1x", 3), ("a2", 2), ("b", 1)].map(|(i, d)| (i.to_string(), d))
    );
    // Newest first reverses the threads, not the replies inside them.
    let t = index.threads(Order::NewestFirst);
    assert_eq!(rows(&t.rows(1))[0], ("b".to_string(), 1));
    assert_eq!(
        rows(&t.rows(1))[1..3],
        [("a".to_string(), 1), ("a1".to_string(), 2)]
    );
    assert_eq!(index.count(), 5);
}

#[test]
fn depth_is_capped_and_orphans_are_not_lost() {
    let mut all = vec![comment("d1", None, 1)];
    for d in 2..=7 {
        all.push(comment(&format!("d{d}"), Some(&format!("d{}", d - 1)), d));
    }
    all.push(comment("orphan", Some("gone"), 100));
    let index = Index::from_comments(&all);
    let t = index.threads(Order::OldestFirst);
    let depths: Vec<usize> = t.rows(1).iter().map(|r| r.depth).collect();
    assert_eq!(depths, [1, 2, 3, 4, 5, MAX_DEPTH, MAX_DEPTH, 1]);
    assert_eq!(t.rows(1).last().unwrap().id, id("orphan"));
}

#[test]
fn pages_hold_fifty_threads_and_permalinks_find_their_page() {
    let mut all = Vec::new();
    for i in 0..120 {
        all.push(comment(&format!("c{i:03}"), None, i));
    }
    all.push(comment("reply", Some("c075"), 1_000));
    let index = Index::from_comments(&all);
    let t = index.threads(Order::OldestFirst);
    assert_eq!(THREADS_PER_PAGE, 50);
    assert_eq!(t.page_count(), 3);
    assert_eq!(t.roots_on_page(1).len(), 50);
    assert_eq!(t.roots_on_page(3).len(), 20);
    assert!(t.roots_on_page(4).is_empty());
    assert_eq!(t.page_of(&id("c000")), Some(1));
    assert_eq!(t.page_of(&id("c050")), Some(2));
    assert_eq!(
        t.page_of(&id("reply")),
        Some(2),
        "a reply is on its thread's page"
    );
    assert_eq!(t.page_of(&id("nothere")), None);
    let newest = index.threads(Order::NewestFirst);
    assert_eq!(newest.page_of(&id("c000")), Some(3));
    assert_eq!(Index::default().threads(Order::OldestFirst).page_count(), 1);
}

#[test]
fn the_index_round_trips_and_a_broken_one_is_rebuilt() {
    let all = [comment("a", None, 1), comment("b", Some("a"), 2)];
    let index = Index::from_comments(&all);
    assert_eq!(Index::decode(&index.encode()), Some(index.clone()));
    assert_eq!(Index::decode("nonsense"), None);
    assert_eq!(Index::decode(r#"{"v":2,"entries":[]}"#), None);

    let store = MemoryStore::new();
    for c in &all {
        records::save_comment(&store, c).unwrap();
    }
    let opened = records::open_index(&store, POST).unwrap();
    assert!(opened.changed, "no index yet: built from the comments");
    records::save_index(&store, POST, &opened.index).unwrap();
    let again = records::open_index(&store, POST).unwrap();
    assert!(!again.changed);
    assert_eq!(again.index, index);

    // A comment another tab added, and one it removed, are noticed from the keys.
    records::save_comment(&store, &comment("c", None, 3)).unwrap();
    records::remove_comment(&store, POST, &id("b")).unwrap();
    let reconciled = records::open_index(&store, POST).unwrap();
    assert!(reconciled.changed);
    assert!(reconciled.index.contains(&id("c")) && !reconciled.index.contains(&id("b")));
}

#[test]
fn opening_reads_only_comments_the_index_does_not_know() {
    let store = MemoryStore::new();
    let known = comment("known", None, 1);
    records::save_comment(&store, &known).unwrap();
    records::save_index(&store, POST, &Index::from_comments([&known])).unwrap();
    // Damage the known comment's body: opening must not even read it.
    store
        .set(&keys::comment(POST, &known.id), "{broken")
        .unwrap();
    let opened = records::open_index(&store, POST).unwrap();
    assert!(opened.unreadable.is_empty(), "the body was not parsed");
    assert_eq!(opened.index.count(), 1);
}

#[test]
fn deleting_leaves_a_placeholder_only_where_replies_hang() {
    let all = [
        comment("p", None, 1),
        comment("r", Some("p"), 2),
        comment("lone", None, 3),
    ];
    let index = Index::from_comments(&all);
    let by_id: HashMap<CommentId, Comment> =
        all.iter().map(|c| (c.id.clone(), c.clone())).collect();
    let load = |i: &CommentId| by_id.get(i).cloned();

    let plan = plan_delete(&index, &all[0], load);
    assert_eq!(plan.put.len(), 1);
    assert!(plan.put[0].deleted && plan.put[0].content.is_empty() && plan.put[0].author.is_empty());
    assert_eq!(
        (plan.put[0].id.clone(), plan.put[0].created_ms),
        (id("p"), 1)
    );
    assert!(plan.remove.is_empty());
    assert_eq!(plan.undo, vec![all[0].clone()]);

    let plan = plan_delete(&index, &all[2], load);
    assert_eq!((plan.put.len(), plan.remove.clone()), (0, vec![id("lone")]));

    // Deleting the last reply under a placeholder takes the placeholder too; Undo brings both.
    let mut after = Index::from_comments([&all[0].placeholder(), &all[1]]);
    after.insert(&all[2]);
    let placeholder = all[0].placeholder();
    let plan = plan_delete(&after, &all[1], |i| {
        if *i == id("p") {
            Some(placeholder.clone())
        } else {
            load(i)
        }
    });
    assert_eq!(plan.remove, vec![id("r"), id("p")]);
    assert_eq!(plan.undo, vec![all[1].clone(), placeholder]);
    assert_eq!(after.count(), 2, "placeholders are not counted as thoughts");
}

#[test]
fn an_edit_keeps_the_old_text_in_the_history() {
    let c = comment("e", None, 1);
    let edited = c.edited("new text".into(), 99);
    assert_eq!(edited.content, "new text");
    assert_eq!(edited.edited_ms, Some(99));
    assert_eq!(edited.history.len(), 1);
    assert_eq!(edited.history[0].content, "text of e");
    assert_eq!((edited.id.clone(), edited.created_ms), (c.id, c.created_ms));
}

#[test]
fn flood_guard_refuses_within_fifteen_seconds() {
    let index = Index::from_comments([&comment("a", None, 100_000)]);
    assert_eq!(
        check_flood(&index, 100_000 + FLOOD_INTERVAL_MS - 1),
        Err(GuardError::Flood)
    );
    assert_eq!(check_flood(&index, 100_000 + FLOOD_INTERVAL_MS), Ok(()));
    assert_eq!(check_flood(&Index::default(), 0), Ok(()));
    assert_eq!(
        GuardError::Flood.to_string(),
        "You are posting comments too quickly. Slow down."
    );
}

#[test]
fn duplicate_guard_matches_wordpress() {
    let old = comment("a", None, 1);
    let index = Index::from_comments([&old]);
    let load = |i: &CommentId| (*i == old.id).then(|| old.clone());
    let same = ValidComment {
        content: old.content.clone(),
        author: old.author.clone(),
        email: "other@example.com".into(),
        url: None,
    };
    assert_eq!(
        check_duplicate(&index, None, &same, load),
        Err(GuardError::Duplicate)
    );
    let same_email = ValidComment {
        author: "Someone else".into(),
        email: old.email.to_uppercase(),
        ..same.clone()
    };
    assert_eq!(
        check_duplicate(&index, None, &same_email, load),
        Err(GuardError::Duplicate)
    );
    let stranger = ValidComment {
        author: "Someone else".into(),
        email: "else@example.com".into(),
        ..same.clone()
    };
    assert_eq!(check_duplicate(&index, None, &stranger, load), Ok(()));
    assert_eq!(
        check_duplicate(&index, Some(&id("a")), &same, load),
        Ok(()),
        "a reply elsewhere is not a duplicate"
    );
    let other_text = ValidComment {
        content: "different".into(),
        ..same
    };
    assert_eq!(check_duplicate(&index, None, &other_text, load), Ok(()));
    assert_eq!(
        GuardError::Duplicate.to_string(),
        "Duplicate comment detected; it looks as though you’ve already said that!"
    );
}

#[test]
fn the_export_round_trips_and_imports_merge_by_id() {
    let a = comment("a", None, 1).edited("edited".into(), 5);
    let b = comment("b", Some("a"), 2).placeholder();
    let drafts = [ExportedDraft {
        reply_to: Some(id("a")),
        draft: Draft {
            comment: "half".into(),
            ..Draft::default()
        },
    }];
    let json = export::export_json(
        POST,
        "2026-11-25T17:00:00Z".into(),
        &[a.clone(), b.clone()],
        &drafts,
    );
    assert!(
        json.contains(r#""format": "goosebumps-comments""#) && json.contains(r#""version": 1"#)
    );
    assert_eq!(
        export::export_file_name(POST, "2026-11-25T17:00:00Z"),
        "goosebumps-comments-miracle-in-cell-no-7-2026-11-25.json"
    );

    let parsed = export::parse_import(&json, POST).unwrap();
    assert_eq!(parsed.comments, vec![a.clone(), b.clone()]);
    assert_eq!(parsed.drafts, drafts);
    let here = Index::from_comments([&a]);
    let (new, report) = export::merge(parsed, &here);
    assert_eq!(new, vec![b]);
    assert_eq!(
        report.to_string(),
        "1 imported, 1 already here, 0 could not be read."
    );
}

#[test]
fn a_bad_import_is_refused_whole_or_comment_by_comment() {
    assert!(matches!(
        export::parse_import("{not json", POST),
        Err(ImportError::NotJson(_))
    ));
    assert_eq!(
        export::parse_import(r#"{"hello": 1}"#, POST),
        Err(ImportError::NotAnExport)
    );
    let envelope = |version: u32, post: &str, comments: &str| {
        format!(
            r#"{{"format":"goosebumps-comments","version":{version},"post":"{post}","exported_at":"x","comments":[{comments}],"drafts":[]}}"#
        )
    };
    assert_eq!(
        export::parse_import(&envelope(2, POST, ""), POST),
        Err(ImportError::NewerVersion(2))
    );
    assert_eq!(
        export::parse_import(&envelope(1, "other", ""), POST),
        Err(ImportError::OtherPost("other".into()))
    );

    let good = serde_json::to_string(&comment("good", None, 1)).unwrap();
    let mut long = comment("long", None, 2);
    long.content = "x".repeat(70_000);
    let long = serde_json::to_string(&long).unwrap();
    let file = envelope(1, POST, &format!(r#"{good}, {{"id": 5}}, {long}, {good}"#));
    let parsed = export::parse_import(&file, POST).unwrap();
    assert_eq!(parsed.comments.len(), 1);
    assert_eq!(parsed.unreadable.len(), 3);
    assert!(
        matches!(parsed.unreadable[0], Refusal::Unreadable),
        "{:?}",
        parsed.unreadable
    );
    assert_eq!(
        parsed.unreadable[1],
        Refusal::Invalid(FieldError::CommentTooLong)
    );
    assert_eq!(parsed.unreadable[2], Refusal::Twice);
    let (_, report) = export::merge(parsed, &Index::default());
    assert_eq!(
        report.to_string(),
        "1 imported, 0 already here, 3 could not be read (1 × not a comment this page can read; 1 × the same id twice; 1 × Your comment is too long)."
    );
}

#[test]
fn drafts_of_every_target_are_listed_for_the_export() {
    let store = MemoryStore::new();
    let d = |t: &str| Draft {
        comment: t.into(),
        ..Draft::default()
    };
    records::save_draft(&store, POST, None, &d("new")).unwrap();
    records::save_draft(&store, POST, Some(&id("abc")), &d("reply")).unwrap();
    store
        .set(&keys::draft(POST, None).replace("/new", "/Bad Key"), "{}")
        .unwrap();
    let drafts = records::load_drafts(&store, POST);
    assert_eq!(drafts.len(), 2);
    assert_eq!(drafts[0].reply_to, None);
    assert_eq!(drafts[1].reply_to, Some(id("abc")));
}
