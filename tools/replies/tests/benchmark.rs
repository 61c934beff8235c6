//! `add` never crawls: 5,000 replies forming one chain (each answers the one
//! before), listed deepest first or shuffled, as a WordPress export and as a
//! reader's export, are all added in well under ten seconds (in this debug
//! build). It was one pass over the waiting replies per reply added, with a
//! linear search in each: 281 s for the WordPress export deepest first.
//!
//! Run with `-- --nocapture` to see the times.

use crate::common;
use common::*;
use goosebumps_core::comments::export::export_json;
use goosebumps_core::comments::published::parse_published;
use goosebumps_core::comments::{Comment, CommentId};
use std::time::{Duration, Instant};

const N: usize = 5_000;
const LIMIT: Duration = Duration::from_secs(10);
const START_MS: i64 = 1_709_406_316_000;

/// 0..N deepest first (the last reply first), or shuffled (a fixed shuffle).
fn orders() -> [(&'static str, Vec<usize>); 2] {
    let deepest_first: Vec<usize> = (0..N).rev().collect();
    let mut shuffled: Vec<usize> = (0..N).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in (1..N).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        shuffled.swap(i, (seed % (i as u64 + 1)) as usize);
    }
    [("deepest first", deepest_first), ("shuffled", shuffled)]
}

fn wxr_chain(order: &[usize]) -> String {
    let comments: String = order
        .iter()
        .map(|&i| {
            let minute = i % 60;
            let hour = (i / 60) % 24;
            let day = 1 + i / 1440;
            wp_comment(
                &(i + 1).to_string(),
                &i.to_string(),
                &format!("2024-03-{day:02} {hour:02}:{minute:02}:00"),
                &format!("Reader {i}"),
                &format!("<p>Reply number {i}, to the one before.</p>"),
            )
        })
        .collect();
    wxr(&comments)
}

fn json_chain(order: &[usize]) -> String {
    let comments: Vec<Comment> = order
        .iter()
        .map(|&i| Comment {
            id: CommentId::parse(&format!("c{i}")).unwrap(),
            post: POST.into(),
            parent_id: (i > 0).then(|| CommentId::parse(&format!("c{}", i - 1)).unwrap()),
            author: format!("Reader {i}"),
            email: format!("reader{i}@example.org"),
            url: None,
            content: format!("Reply number {i}, to the one before."),
            created_ms: START_MS + i as i64 * 1000,
            edited_ms: None,
            history: Vec::new(),
            deleted: false,
        })
        .collect();
    export_json(POST, "2024-03-04T00:00:00Z".into(), &comments, &[])
}

#[test]
fn five_thousand_replies_in_one_chain_are_added_in_seconds() {
    let mut report = Vec::new();
    for (kind, file, make) in [
        ("WXR", "chain.xml", wxr_chain as fn(&[usize]) -> String),
        ("JSON export", "chain.json", json_chain),
    ] {
        for (order_name, order) in orders() {
            let dir = project();
            let path = dir.path().join(file);
            std::fs::write(&path, make(&order)).unwrap();
            let started = Instant::now();
            let r = run(dir.path(), &["add", path.to_str().unwrap()]);
            let took = started.elapsed();
            assert_eq!(r.code, 0, "{kind}, {order_name}: {}{}", r.out, r.err);
            assert_eq!(
                r.summary(),
                format!("{N} added, 0 already published, 0 skipped, 0 refused"),
                "{kind}, {order_name}"
            );
            let file = parse_published("x", published(dir.path()).unwrap()).unwrap();
            assert_eq!(file.replies.len(), N);
            let line = format!("{kind}, {order_name}: {N} added in {took:.2?}");
            println!("{line}");
            report.push(line.clone());
            assert!(took < LIMIT, "{line}: slower than {LIMIT:?}");
        }
    }
    println!("{}", report.join("\n"));
}
