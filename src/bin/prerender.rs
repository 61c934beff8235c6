//! Renders the page to HTML at build time, from the same components the browser
//! runs, and writes it into the built `index.html` so the text is there before any
//! WebAssembly arrives (and with JavaScript off). The app then mounts over it with
//! the same markup (see `goosebumps::mount`).
//!
//! Usage: `prerender <index.html>` (Trunk's post_build hook runs it on the staged file).

use goosebumps::components::{PostPage, PRERENDER_ROOT};
use goosebumps::content;
use goosebumps::storage::{MemoryStore, Store};
use leptos::prelude::*;
use std::rc::Rc;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: prerender <index.html>");
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let post = content::all_posts()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .next()
        .expect("at least one bundled post");

    let owner = Owner::new();
    let markup = owner.with(|| {
        // A new reader: no comments, no draft, English, the system's colours.
        let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
        view! { <PostPage post=post store=store /> }.to_html()
    });

    let open = "<body>";
    let at = html.find(open).expect("index.html has a <body>") + open.len();
    let root = format!("\n<div id=\"{PRERENDER_ROOT}\">{markup}</div>");
    let out = format!("{}{root}{}", &html[..at], &html[at..]);
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("prerender: {} bytes of markup into {path}", markup.len());
}
