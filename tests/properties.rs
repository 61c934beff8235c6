//! Property tests: no input makes validation, decoding or import panic, and
//! encoding then decoding gives back every valid comment.
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::comments::export;
use goosebumps::comments::thread::Index;
use goosebumps::comments::validation::{normalize_url, validate};
use goosebumps::comments::{Comment, CommentId, Draft, ValidComment};
use goosebumps::storage::records;
use goosebumps::text::trim;
use proptest::prelude::*;

const POST: &str = "miracle-in-cell-no-7";

/// Any text, weighted towards what breaks things: markup, controls, bidi
/// overrides, zero-width and combining characters, emoji.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[<>&\"'/=a-z\\x00-\\x1f\\u{202e}\\u{200b}\\u{0301}\\u{1F600} ]{0,40}",
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("javascript:alert(1)".to_owned()),
    ]
}

fn id() -> impl Strategy<Value = CommentId> {
    // Every id the pattern makes except the reserved ones (`new`, `order`, …),
    // which `CommentId::parse` refuses by design.
    "[a-z0-9-]{1,64}".prop_filter_map("a reserved id", |s| CommentId::parse(&s))
}

fn comment() -> impl Strategy<Value = Comment> {
    (
        id(),
        proptest::option::of(id()),
        nasty(),
        nasty(),
        nasty(),
        any::<i64>(),
        any::<bool>(),
    )
        .prop_map(|(id, parent, author, content, email, created, edited)| {
            let valid = ValidComment {
                content,
                author,
                email,
                url: Some("https://example.com/".into()),
            };
            let c = Comment::new(id, POST, parent, valid, created);
            if edited {
                c.edited("after".into(), created.wrapping_add(1))
            } else {
                c
            }
        })
}

proptest! {
    #[test]
    fn oldest_first_is_a_stable_sort_by_time_then_id(
        mut comments in proptest::collection::vec(comment(), 0..30),
        times in proptest::collection::vec(0i64..4, 30),
    ) {
        // Few distinct times, so ties are broken by id.
        for (c, t) in comments.iter_mut().zip(times) {
            c.created_ms = t;
        }
        let mut expected = comments.clone();
        expected.sort_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)));
        goosebumps::comments::order::sort_oldest_first(&mut comments);
        prop_assert_eq!(comments, expected);
    }

    #[test]
    fn validation_never_panics_and_accepts_only_trimmed_bounded_text(
        comment in nasty(), author in nasty(), email in nasty(), url in nasty()
    ) {
        let draft = Draft { comment, author, email, url: url.clone(), remember: false };
        let _ = normalize_url(&url);
        if let Ok(valid) = validate(&draft) {
            prop_assert_eq!(trim(&valid.content), valid.content.as_str());
            prop_assert!(!valid.content.is_empty() && valid.content.len() <= 65_525);
            prop_assert!(valid.author.len() <= 245 && valid.email.len() <= 100);
            if let Some(url) = valid.url {
                let lower = url.to_ascii_lowercase();
                prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"));
            }
        }
    }

    #[test]
    fn encode_then_decode_is_identity(c in comment()) {
        let encoded = records::encode_comment(&c);
        prop_assert_eq!(records::decode_comment(POST, &c.id, &encoded), Ok(c));
    }

    #[test]
    fn decoding_anything_never_panics(value in nasty(), key in nasty()) {
        let id = CommentId::parse("x").unwrap();
        let _ = records::decode_comment(POST, &id, &value);
        let _ = CommentId::parse(&key);
        let _ = Index::decode(&value);
        let _ = export::parse_import(&value, POST);
    }

    #[test]
    fn the_index_round_trips(comments in proptest::collection::vec(comment(), 0..20)) {
        let index = Index::from_comments(&comments);
        prop_assert_eq!(Index::decode(&index.encode()), Some(index));
    }
}

/// One change to a post's comments, as posting, editing, deleting, importing and
/// other tabs make them: ids from a small pool, so replies find (or lose) parents.
#[derive(Debug, Clone)]
enum Change {
    Put {
        id: u8,
        parent: Option<u8>,
        created_ms: i64,
        deleted: bool,
        text: u8,
    },
    Remove(u8),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (0..70u8, proptest::option::of(0..70u8), 0..40i64, any::<bool>(), 0..3u8).prop_map(
            |(id, parent, created_ms, deleted, text)| Change::Put { id, parent, created_ms, deleted, text }
        ),
        1 => (0..70u8).prop_map(Change::Remove),
    ]
}

fn pool_id(n: u8) -> CommentId {
    CommentId::parse(&format!("c{n}")).unwrap()
}

/// Everything a reader or a guard can ask of an index.
fn answers(index: &Index) -> Vec<String> {
    use goosebumps::comments::thread::{fingerprint, Order};
    let mut out = vec![
        format!("count {}", index.count()),
        format!("last {:?}", index.last_created_ms()),
    ];
    for order in [Order::OldestFirst, Order::NewestFirst] {
        let t = index.threads(order);
        out.push(format!("{order:?} pages {}", t.page_count()));
        for page in 1..=t.page_count() + 1 {
            let rows: Vec<_> = t
                .rows(page)
                .iter()
                .map(|r| format!("{}@{}", r.id, r.depth))
                .collect();
            out.push(format!("{order:?} page {page}: {rows:?}"));
        }
        for n in 0..70 {
            out.push(format!(
                "{order:?} {n} on page {:?}",
                t.page_of(&pool_id(n))
            ));
        }
    }
    for n in 0..70 {
        out.push(format!("replies of {n}: {:?}", index.replies(&pool_id(n))));
    }
    for text in 0..3 {
        let mut ids: Vec<_> = index
            .with_fingerprint(fingerprint(&format!("text {text}")))
            .collect();
        ids.sort();
        out.push(format!("text {text}: {ids:?}"));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The index keeps its threads, count and hashes up to date one change at a
    /// time (so posting is constant-time); they must equal a fresh build's.
    #[test]
    fn changes_one_at_a_time_give_the_same_index_as_a_fresh_build(
        changes in proptest::collection::vec(change(), 0..300)
    ) {
        let mut index = Index::default();
        let mut stored = std::collections::BTreeMap::new();
        for change in changes {
            match change {
                Change::Put { id, parent, created_ms, deleted, text } => {
                    let valid = ValidComment {
                        content: format!("text {text}"),
                        author: "a".into(),
                        email: "a@example.com".into(),
                        url: None,
                    };
                    let mut c = Comment::new(pool_id(id), POST, parent.map(pool_id), valid, created_ms);
                    c.deleted = deleted;
                    index.insert(&c);
                    stored.insert(id, c);
                }
                Change::Remove(id) => {
                    index.remove(&pool_id(id));
                    stored.remove(&id);
                }
            }
        }
        let fresh = Index::from_comments(stored.values());
        prop_assert_eq!(answers(&index), answers(&fresh));
        prop_assert_eq!(index, fresh);
    }
}
