//! Native tests: drafts and unsaved edits kept per tab (issue 22, item 4). Each
//! tab keeps its own copy (its sessionStorage, here a second `MemoryStore`), which
//! its reload restores; the shared copy is the newest any tab wrote, offered to a
//! tab without its own; a posted draft is offered to no tab.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::comments::{CommentId, Draft};
use goosebumps::storage::records;
use goosebumps::storage::{keys, MemoryStore, Store};

const POST: &str = "miracle-in-cell-no-7";

fn draft(text: &str) -> Draft {
    Draft {
        comment: text.into(),
        author: "Ana".into(),
        email: "ana@example.com".into(),
        ..Draft::default()
    }
}

fn text(tab: &MemoryStore, shared: &MemoryStore, parent: Option<&CommentId>) -> Option<String> {
    records::load_tab_draft(tab, shared, POST, parent).map(|d| d.comment)
}

#[test]
fn two_tabs_keep_their_own_and_a_new_tab_gets_the_newest() {
    let shared = MemoryStore::new();
    let (a, b, new_tab) = (MemoryStore::new(), MemoryStore::new(), MemoryStore::new());
    records::save_tab_draft(&a, &shared, POST, None, &draft("A's words")).unwrap();
    records::save_tab_draft(&b, &shared, POST, None, &draft("B's words")).unwrap();
    assert_eq!(text(&a, &shared, None).as_deref(), Some("A's words"));
    assert_eq!(text(&b, &shared, None).as_deref(), Some("B's words"));
    assert_eq!(text(&new_tab, &shared, None).as_deref(), Some("B's words"));
    // The same for a reply, by its target.
    let parent = CommentId::parse("abc").unwrap();
    records::save_tab_draft(&a, &shared, POST, Some(&parent), &draft("A answers")).unwrap();
    records::save_tab_draft(&b, &shared, POST, Some(&parent), &draft("B answers")).unwrap();
    assert_eq!(
        text(&a, &shared, Some(&parent)).as_deref(),
        Some("A answers")
    );
    assert_eq!(
        text(&b, &shared, Some(&parent)).as_deref(),
        Some("B answers")
    );
}

#[test]
fn a_posted_draft_is_offered_to_no_tab() {
    let shared = MemoryStore::new();
    let (a, b, new_tab) = (MemoryStore::new(), MemoryStore::new(), MemoryStore::new());
    // B typed it; A only shows the shared copy it was offered.
    records::save_tab_draft(&b, &shared, POST, None, &draft("Posted once")).unwrap();
    assert_eq!(text(&a, &shared, None).as_deref(), Some("Posted once"));
    records::clear_tab_draft(&b, &shared, POST, None, "Posted once").unwrap();
    assert_eq!(text(&a, &shared, None), None);
    assert_eq!(
        text(&b, &shared, None),
        None,
        "the emptied form stays empty in B"
    );
    assert_eq!(text(&new_tab, &shared, None), None);
    assert_eq!(shared.get(&keys::draft(POST, None)).unwrap(), None);
}

#[test]
fn posting_leaves_another_tabs_newer_draft_shared() {
    let shared = MemoryStore::new();
    let (a, b) = (MemoryStore::new(), MemoryStore::new());
    records::save_tab_draft(&a, &shared, POST, None, &draft("A posts this")).unwrap();
    records::save_tab_draft(&b, &shared, POST, None, &draft("B is still typing")).unwrap();
    records::clear_tab_draft(&a, &shared, POST, None, "A posts this").unwrap();
    assert_eq!(text(&a, &shared, None), None);
    assert_eq!(
        text(&b, &shared, None).as_deref(),
        Some("B is still typing")
    );
    assert_eq!(
        records::load_draft(&shared, POST, None)
            .map(|d| d.comment)
            .as_deref(),
        Some("B is still typing")
    );
}

#[test]
fn unsaved_edits_are_kept_per_tab() {
    let shared = MemoryStore::new();
    let (a, b) = (MemoryStore::new(), MemoryStore::new());
    let id = CommentId::parse("abc").unwrap();
    records::save_tab_edit(&a, &shared, POST, &id, Some("A's edit")).unwrap();
    records::save_tab_edit(&b, &shared, POST, &id, Some("B's edit")).unwrap();
    assert_eq!(
        records::load_tab_edit(&a, &shared, POST, &id).as_deref(),
        Some("A's edit")
    );
    // B saves (or cancels): its copy and the shared one go; A keeps its own.
    records::save_tab_edit(&b, &shared, POST, &id, None).unwrap();
    assert_eq!(records::load_tab_edit(&b, &shared, POST, &id), None);
    assert_eq!(
        records::load_tab_edit(&a, &shared, POST, &id).as_deref(),
        Some("A's edit")
    );
    let new_tab = MemoryStore::new();
    assert_eq!(records::load_tab_edit(&new_tab, &shared, POST, &id), None);
}

#[test]
fn a_reply_posted_without_remember_strips_the_identity_in_both_copies() {
    let shared = MemoryStore::new();
    let tab = MemoryStore::new();
    records::save_tab_draft(&tab, &shared, POST, None, &draft("Half written")).unwrap();
    records::strip_identity_from_tab_draft(&tab, &shared, POST).unwrap();
    for kept in [
        records::load_tab_draft(&tab, &shared, POST, None).unwrap(),
        records::load_draft(&shared, POST, None).unwrap(),
    ] {
        assert_eq!(kept.comment, "Half written");
        assert_eq!((kept.author.as_str(), kept.email.as_str()), ("", ""));
    }
}
