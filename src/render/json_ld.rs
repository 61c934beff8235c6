//! The JSON-LD of a page (`Article` with a `Review` of the `Movie`, its comments),
//! as a script no text can end.

use crate::comments::published::PublishedReply;
use crate::comments::thread::{Index, Order};
use crate::time;
use std::collections::HashMap;

/// JSON for inside a `<script>` element (JSON-LD, the old-links redirect): `<`,
/// `>`, `&`, U+2028 and U+2029 as `\u` escapes, so no text in it can end the
/// element, open a comment or a CDATA section, or end a line of JavaScript.
/// The JSON's meaning is unchanged (they can only occur inside its strings).
pub fn script_json(value: &(impl serde::Serialize + ?Sized)) -> String {
    let text = serde_json::to_string(value).expect("JSON values serialize");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The `Comment`s of the JSON-LD: the replies on comment page `n` (its threads,
/// oldest first, as the HTML shows them; `url` is that page's address), replies
/// nested as `comment`s. Built from the page's rows without recursion: a reply
/// deeper than [`MAX_DEPTH`](crate::comments::thread::MAX_DEPTH) is nested at
/// that depth, as the page shows it.
pub(super) fn page_ld(
    url: &str,
    absolute: bool,
    replies: &[PublishedReply],
    index: &Index,
    n: usize,
) -> Vec<serde_json::Value> {
    let threads = index.threads(Order::OldestFirst);
    let by_id: HashMap<_, _> = replies.iter().map(|r| (&r.id, r)).collect();
    let one = |r: &PublishedReply| {
        let mut c = serde_json::json!({
            "@type": "Comment",
            "@id": format!("#{}", r.id.anchor()),
            "author": { "@type": "Person", "name": r.author },
            "text": r.content,
            "dateCreated": time::iso_utc(r.created_ms),
        });
        if let Some(site) = &r.url {
            c["author"]["url"] = site.as_str().into();
        }
        if absolute {
            c["url"] = format!("{url}#{}", r.id.anchor()).into();
        }
        c
    };
    let mut roots = Vec::new();
    // The comments still open for replies, each with its depth.
    let mut open: Vec<(serde_json::Value, usize)> = Vec::new();
    let close = |open: &mut Vec<(serde_json::Value, usize)>, roots: &mut Vec<_>| {
        let (done, _) = open.pop().expect("an open comment");
        match open.last_mut() {
            Some((parent, _)) => match parent.get_mut("comment") {
                Some(serde_json::Value::Array(list)) => list.push(done),
                _ => parent["comment"] = vec![done].into(),
            },
            None => roots.push(done),
        }
    };
    for row in threads.rows(n) {
        while open.last().is_some_and(|(_, depth)| *depth >= row.depth) {
            close(&mut open, &mut roots);
        }
        open.push((one(by_id[&row.id]), row.depth));
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}
