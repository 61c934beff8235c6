//! What the native tests share: the post they write to, and builders of ids,
//! comments and valid form input. Each test file takes it with `mod common;`.
#![allow(dead_code)]

use goosebumps::comments::{Comment, CommentId, ValidComment};

/// The bundled post's slug, used as the post of every test record.
pub(crate) const POST: &str = "miracle-in-cell-no-7";

pub(crate) fn id(s: &str) -> CommentId {
    CommentId::parse(s).unwrap()
}

/// What a reader typed, as it passed the form's rules.
pub(crate) fn valid(text: &str) -> ValidComment {
    ValidComment {
        content: text.into(),
        author: "Ana".into(),
        email: "ana@example.com".into(),
        url: None,
    }
}

/// A plain comment `i` (text "text of i", author "author i"), replying to `parent`.
pub(crate) fn comment(i: &str, parent: Option<&str>, created_ms: i64) -> Comment {
    let valid = ValidComment {
        content: format!("text of {i}"),
        author: format!("author {i}"),
        email: format!("{i}@example.com"),
        url: None,
    };
    Comment::new(id(i), POST, parent.map(id), valid, created_ms)
}

/// A top-level comment whose name and text hold markup and an emoji, with a website.
pub(crate) fn hostile_comment(i: &str, created_ms: i64) -> Comment {
    Comment {
        id: id(i),
        post: POST.into(),
        parent_id: None,
        author: "Ana <b>".into(),
        email: "ana@example.com".into(),
        url: Some("https://example.com".into()),
        content: "Line one\n<img src=x onerror=alert(1)>\n😀".into(),
        created_ms,
        edited_ms: None,
        history: Vec::new(),
        deleted: false,
    }
}

/// The test site's posts (`tests/fixtures/site/posts`), as the build reads them:
/// drafts only when `drafts`. Tests of the code use these, not the owner's posts.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn fixture_posts(drafts: bool) -> Vec<goosebumps::content::Post> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/site/posts");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap().to_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    let bundled: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, j)| (n.as_str(), j.as_str()))
        .collect();
    goosebumps::content::posts(&bundled, drafts).unwrap()
}

/// Lets Leptos run its effects (they are scheduled, not synchronous): waits `ms`
/// milliseconds of the browser's clock. For the browser tests (`web.rs`, `web_mount.rs`).
#[cfg(target_arch = "wasm32")]
pub(crate) async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The answers `(id, parent)` of the 120-reply build (110 threads, three comment
/// pages): answers on each page, a chain two deep on the third (`wp-115` under
/// `wp-114` under `wp-101`), as in tests/fixtures/published-many.
pub(crate) const MANY_ANSWERS: [(usize, usize); 10] = [
    (111, 1),
    (112, 111),
    (113, 55),
    (114, 101),
    (115, 114),
    (116, 105),
    (117, 110),
    (118, 2),
    (119, 60),
    (120, 103),
];
